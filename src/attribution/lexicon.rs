//! Word lists of news language, kept in one place: reporting verbs (cues), the words that
//! head a speaker's noun phrase, titles, pronouns, time words and the small function words
//! the rules skip over.
//!
//! Every lookup takes a word already lowercased (ASCII folding is enough: the lists are
//! English). `match` on string literals compiles to length-then-bytes comparisons, so the
//! lookups stay cheap on megabytes of text.

/// What kind of reporting verb a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The lemma (`said` → `say`), shown by `--explain`.
    pub lemma: &'static str,
    /// Present-tense base form (`say`, `report`): needs a plural or pronoun subject.
    pub base: bool,
    /// `-ing` participle (`saying`, `adding`): takes the subject of its clause.
    pub participle: bool,
    /// The verb has common non-reporting senses (`added`, `noted`, `called`): it is a cue
    /// only before `that`, a quotation, a clause or at the end of a trailing attribution.
    pub weak: bool,
    /// The verb takes an indirect object before its clause (`told reporters that …`).
    pub object: bool,
}

/// Reporting verbs: (lemma, weak, takes an object, forms: base, 3rd person, past, -ing[, past participle]).
const CUES: &[(&str, bool, bool, &[&str])] = &[
    ("say", false, false, &["say", "says", "said", "saying"]),
    ("tell", false, true, &["tell", "tells", "told", "telling"]),
    ("add", true, false, &["add", "adds", "added", "adding"]),
    (
        "argue",
        true,
        false,
        &["argue", "argues", "argued", "arguing"],
    ),
    (
        "declare",
        true,
        false,
        &["declare", "declares", "declared", "declaring"],
    ),
    ("note", true, false, &["note", "notes", "noted", "noting"]),
    (
        "write",
        true,
        false,
        &["write", "writes", "wrote", "writing", "written"],
    ),
    ("ask", true, true, &["ask", "asks", "asked", "asking"]),
    (
        "suggest",
        true,
        false,
        &["suggest", "suggests", "suggested", "suggesting"],
    ),
    (
        "pledge",
        true,
        false,
        &["pledge", "pledges", "pledged", "pledging"],
    ),
    (
        "report",
        true,
        false,
        &["report", "reports", "reported", "reporting"],
    ),
    (
        "deny",
        true,
        false,
        &["deny", "denies", "denied", "denying"],
    ),
    ("warn", true, false, &["warn", "warns", "warned", "warning"]),
    (
        "insist",
        true,
        false,
        &["insist", "insists", "insisted", "insisting"],
    ),
    (
        "acknowledge",
        true,
        false,
        &[
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
        ],
    ),
    (
        "explain",
        true,
        false,
        &["explain", "explains", "explained", "explaining"],
    ),
    (
        "recall",
        true,
        false,
        &["recall", "recalls", "recalled", "recalling"],
    ),
    (
        "claim",
        true,
        false,
        &["claim", "claims", "claimed", "claiming"],
    ),
    (
        "state",
        true,
        false,
        &["state", "states", "stated", "stating"],
    ),
    (
        "confirm",
        true,
        false,
        &["confirm", "confirms", "confirmed", "confirming"],
    ),
    (
        "announce",
        true,
        false,
        &["announce", "announces", "announced", "announcing"],
    ),
    (
        "admit",
        true,
        false,
        &["admit", "admits", "admitted", "admitting"],
    ),
    (
        "allege",
        true,
        false,
        &["allege", "alleges", "alleged", "alleging"],
    ),
    (
        "contend",
        true,
        false,
        &["contend", "contends", "contended", "contending"],
    ),
    (
        "maintain",
        true,
        false,
        &["maintain", "maintains", "maintained", "maintaining"],
    ),
    (
        "stress",
        true,
        false,
        &["stress", "stresses", "stressed", "stressing"],
    ),
    (
        "emphasize",
        true,
        false,
        &[
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasizing",
            "emphasise",
            "emphasises",
            "emphasised",
            "emphasising",
        ],
    ),
    (
        "conclude",
        true,
        false,
        &["conclude", "concludes", "concluded", "concluding"],
    ),
    (
        "predict",
        true,
        false,
        &["predict", "predicts", "predicted", "predicting"],
    ),
    (
        "estimate",
        true,
        false,
        &["estimate", "estimates", "estimated", "estimating"],
    ),
    (
        "concede",
        true,
        false,
        &["concede", "concedes", "conceded", "conceding"],
    ),
    (
        "observe",
        true,
        false,
        &["observe", "observes", "observed", "observing"],
    ),
    (
        "remark",
        true,
        false,
        &["remark", "remarks", "remarked", "remarking"],
    ),
    (
        "reply",
        true,
        false,
        &["reply", "replies", "replied", "replying"],
    ),
    (
        "respond",
        true,
        false,
        &["respond", "responds", "responded", "responding"],
    ),
    (
        "testify",
        false,
        false,
        &["testify", "testifies", "testified", "testifying"],
    ),
    (
        "tweet",
        true,
        false,
        &["tweet", "tweets", "tweeted", "tweeting"],
    ),
    (
        "complain",
        true,
        false,
        &["complain", "complains", "complained", "complaining"],
    ),
    (
        "caution",
        true,
        false,
        &["caution", "cautions", "cautioned", "cautioning"],
    ),
    ("vow", true, false, &["vow", "vows", "vowed", "vowing"]),
    (
        "promise",
        true,
        false,
        &["promise", "promises", "promised", "promising"],
    ),
    (
        "reveal",
        true,
        false,
        &["reveal", "reveals", "revealed", "revealing"],
    ),
    (
        "assert",
        true,
        false,
        &["assert", "asserts", "asserted", "asserting"],
    ),
    ("urge", true, true, &["urge", "urges", "urged", "urging"]),
    (
        "describe",
        true,
        false,
        &["describe", "describes", "described", "describing"],
    ),
    ("call", true, false, &["call", "calls", "called", "calling"]),
    (
        "recount",
        true,
        false,
        &["recount", "recounts", "recounted", "recounting"],
    ),
    (
        "boast",
        true,
        false,
        &["boast", "boasts", "boasted", "boasting"],
    ),
    ("joke", true, false, &["joke", "jokes", "joked", "joking"]),
    (
        "agree",
        true,
        false,
        &["agree", "agrees", "agreed", "agreeing"],
    ),
    (
        "point",
        true,
        false,
        &["point", "points", "pointed", "pointing"],
    ),
    (
        "continue",
        true,
        false,
        &["continue", "continues", "continued", "continuing"],
    ),
    (
        "assure",
        true,
        true,
        &["assure", "assures", "assured", "assuring"],
    ),
    (
        "inform",
        true,
        true,
        &["inform", "informs", "informed", "informing"],
    ),
    (
        "indicate",
        true,
        false,
        &["indicate", "indicates", "indicated", "indicating"],
    ),
    (
        "admonish",
        true,
        false,
        &["admonish", "admonishes", "admonished", "admonishing"],
    ),
    (
        "exclaim",
        false,
        false,
        &["exclaim", "exclaims", "exclaimed", "exclaiming"],
    ),
];

/// Looks a lowercased word up in the cue lexicon.
///
/// ```
/// use hearsay::attribution::lexicon::cue;
/// assert_eq!(cue("said").map(|c| c.lemma), Some("say"));
/// assert!(cue("saying").is_some_and(|c| c.participle));
/// assert!(cue("table").is_none());
/// ```
pub fn cue(word: &str) -> Option<Cue> {
    // fast reject: every form is 3..=12 ASCII letters
    if !(3..=12).contains(&word.len()) {
        return None;
    }
    CUE_INDEX.get(word).copied()
}

/// FNV-1a: a fast hash for short ASCII words (the cue index is fixed, so no DoS concern).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Every cue form, looked up in one hash probe.
static CUE_INDEX: std::sync::LazyLock<FnvMap<&'static str, Cue>> = std::sync::LazyLock::new(|| {
    let mut m = FnvMap::default();
    for &(lemma, weak, object, forms) in CUES {
        for (i, f) in forms.iter().enumerate() {
            m.entry(*f).or_insert(Cue {
                lemma,
                base: i == 0,
                participle: i == 3,
                weak,
                object,
            });
        }
    }
    m
});

/// Personal pronouns that can stand for a speaker, with their gender and number.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        "we" => Pronoun::We,
        "i" => Pronoun::I,
        _ => return None,
    })
}

/// A speaker pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// `he`
    He,
    /// `she`
    She,
    /// `they`
    They,
    /// `it`
    It,
    /// `we`
    We,
    /// `I` (first person, in quotes or letters)
    I,
}

/// Words between a subject and its cue that are skipped: auxiliaries and adverbs.
pub fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "did"
            | "does"
            | "do"
            | "also"
            | "later"
            | "previously"
            | "repeatedly"
            | "now"
            | "then"
            | "again"
            | "however"
            | "too"
            | "often"
            | "once"
            | "still"
            | "even"
            | "just"
            | "already"
            | "further"
            | "first"
            | "earlier"
            | "recently"
            | "publicly"
            | "privately"
            | "separately"
            | "initially"
            | "reportedly"
            | "frequently"
            | "flatly"
            | "simply"
            | "always"
            | "never"
            | "not"
            | "has also"
            | "yet"
            | "since"
            | "long"
            | "both"
            | "all"
            | "each"
            | "only"
            | "had also"
            | "quickly"
            | "immediately"
            | "subsequently"
            | "last"
            | "finally"
            | "ultimately"
            | "similarly"
            | "likewise"
            | "nonetheless"
            | "nevertheless"
            | "though"
            | "meanwhile"
            | "instead"
    ) || (w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "italy" | "reilly" | "kelly" | "daily" | "ally"
        ))
}

/// Words that start a new clause: a subject before a cue never reaches back past them.
pub fn is_clause_boundary(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "while"
            | "because"
            | "as"
            | "when"
            | "although"
            | "though"
            | "after"
            | "before"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "if"
            | "since"
            | "so"
            | "or"
            | "what"
            | "than"
            | "until"
            | "unless"
            | "whether"
            | "nor"
            | "once"
            | "why"
            | "how"
            | "whereas"
            | "yet"
    )
}

/// Words that open a sentence or clause but are not part of a speaker's name.
pub fn is_leading_filler(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "and"
            | "so"
            | "yet"
            | "however"
            | "meanwhile"
            | "still"
            | "also"
            | "then"
            | "now"
            | "instead"
            | "separately"
            | "later"
            | "earlier"
            | "moreover"
            | "indeed"
            | "or"
            | "plus"
            | "in"
            | "on"
            | "at"
    )
}

/// Determiners and quantifiers that may open a speaker's noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "some"
            | "many"
            | "most"
            | "these"
            | "those"
            | "this"
            | "that"
            | "another"
            | "other"
            | "few"
            | "both"
            | "all"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "no"
            | "each"
            | "any"
            | "more"
            | "dozens"
            | "numerous"
            | "various"
    )
}

/// Words that can never be inside a speaker's noun phrase (verbs and function words).
pub fn is_np_breaker(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "there"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "to"
            | "into"
            | "than"
            | "if"
            | "because"
            | "although"
            | "though"
            | "while"
            | "when"
            | "where"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "how"
            | "why"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "me"
            | "said"
            | "says"
            | "say"
            | "told"
    )
}

/// Singular nouns that name a person by role (`a spokesman`, `the coach`).
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "person"
            | "source"
            | "lawyer"
            | "attorney"
            | "coach"
            | "player"
            | "founder"
            | "resident"
            | "owner"
            | "director"
            | "manager"
            | "minister"
            | "president"
            | "chair"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "ceo"
            | "executive"
            | "analyst"
            | "expert"
            | "professor"
            | "researcher"
            | "scientist"
            | "doctor"
            | "physician"
            | "nurse"
            | "officer"
            | "detective"
            | "investigator"
            | "prosecutor"
            | "judge"
            | "witness"
            | "neighbour"
            | "neighbor"
            | "friend"
            | "mother"
            | "father"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "sister"
            | "brother"
            | "aunt"
            | "uncle"
            | "grandmother"
            | "grandfather"
            | "dad"
            | "mom"
            | "mum"
            | "cousin"
            | "girlfriend"
            | "boyfriend"
            | "widow"
            | "widower"
            | "fiance"
            | "fiancee"
            | "fiancé"
            | "fiancée"
            | "niece"
            | "nephew"
            | "grandson"
            | "granddaughter"
            | "stepfather"
            | "stepmother"
            | "grandparent"
            | "sibling"
            | "colleague"
            | "roommate"
            | "classmate"
            | "coworker"
            | "co-worker"
            | "proprietor"
            | "parent"
            | "student"
            | "teacher"
            | "worker"
            | "employee"
            | "labourer"
            | "laborer"
            | "farmer"
            | "driver"
            | "victim"
            | "survivor"
            | "member"
            | "leader"
            | "organizer"
            | "organiser"
            | "advocate"
            | "activist"
            | "critic"
            | "economist"
            | "strategist"
            | "consultant"
            | "adviser"
            | "advisor"
            | "aide"
            | "staffer"
            | "agent"
            | "representative"
            | "rep"
            | "senator"
            | "mayor"
            | "councillor"
            | "councilor"
            | "governor"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "diplomat"
            | "candidate"
            | "veteran"
            | "cartoonist"
            | "artist"
            | "writer"
            | "author"
            | "editor"
            | "reporter"
            | "journalist"
            | "producer"
            | "chef"
            | "cook"
            | "designer"
            | "architect"
            | "engineer"
            | "entrepreneur"
            | "maverick"
            | "man"
            | "woman"
            | "boy"
            | "girl"
            | "captain"
            | "pilot"
            | "soldier"
            | "commander"
            | "general"
            | "spokesmen"
            | "insider"
            | "partner"
            | "principal"
            | "head"
            | "chief"
            | "dean"
            | "counsel"
            | "negotiator"
            | "planner"
            | "trustee"
            | "landlord"
            | "tenant"
            | "shopper"
            | "customer"
            | "user"
            | "fan"
            | "athlete"
            | "golfer"
            | "priest"
            | "pastor"
            | "rabbi"
            | "imam"
            | "historian"
            | "psychologist"
            | "therapist"
            | "pharmacist"
            | "paramedic"
            | "firefighter"
            | "trooper"
            | "sheriff"
            | "constable"
            | "sergeant"
            | "lieutenant"
            | "colonel"
            | "admiral"
            | "superintendent"
            | "inspector"
            | "commissioner"
            | "administrator"
            | "registrar"
            | "coroner"
            | "pathologist"
            | "biologist"
            | "physicist"
            | "economist's"
            | "defender"
            | "forward"
            | "goaltender"
            | "goalie"
            | "pitcher"
            | "quarterback"
            | "winger"
            | "midfielder"
            | "striker"
            | "rookie"
            | "teammate"
            | "manager's"
            | "homeowner"
            | "parishioner"
            | "volunteer"
            | "donor"
            | "patient"
            | "client"
            | "candidate's"
            | "creator"
            | "publisher"
            | "mentor"
    )
}

/// Plural nouns that name a group of people (`legal experts`, `authorities`).
pub fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "people"
            | "sources"
            | "experts"
            | "authorities"
            | "analysts"
            | "residents"
            | "advocates"
            | "critics"
            | "users"
            | "players"
            | "executives"
            | "police"
            | "officers"
            | "investigators"
            | "prosecutors"
            | "lawyers"
            | "attorneys"
            | "researchers"
            | "scientists"
            | "forecasters"
            | "backers"
            | "members"
            | "leaders"
            | "supporters"
            | "opponents"
            | "observers"
            | "economists"
            | "doctors"
            | "nurses"
            | "teachers"
            | "students"
            | "parents"
            | "workers"
            | "employees"
            | "activists"
            | "organizers"
            | "organisers"
            | "witnesses"
            | "neighbours"
            | "neighbors"
            | "relatives"
            | "family"
            | "families"
            | "friends"
            | "lawmakers"
            | "legislators"
            | "senators"
            | "democrats"
            | "republicans"
            | "conservatives"
            | "liberals"
            | "diplomats"
            | "aides"
            | "staffers"
            | "agents"
            | "spokespeople"
            | "spokespersons"
            | "representatives"
            | "insiders"
            | "fans"
            | "locals"
            | "victims"
            | "survivors"
            | "protesters"
            | "demonstrators"
            | "scholars"
            | "historians"
            | "engineers"
            | "farmers"
            | "owners"
            | "managers"
            | "directors"
            | "physicians"
            | "physicists"
            | "biologists"
            | "strategists"
            | "consultants"
            | "advisers"
            | "advisors"
            | "firefighters"
            | "paramedics"
            | "regulators"
            | "inspectors"
            | "judges"
            | "shareholders"
            | "investors"
            | "traders"
            | "buyers"
            | "sellers"
            | "customers"
            | "clients"
            | "patients"
            | "passengers"
            | "drivers"
            | "voters"
            | "citizens"
            | "refugees"
            | "migrants"
            | "immigrants"
            | "volunteers"
            | "donors"
            | "homeowners"
            | "tenants"
            | "landlords"
            | "administrators"
            | "commissioners"
            | "trustees"
            | "educators"
            | "unions"
            | "groups"
            | "organizations"
            | "organisations"
            | "companies"
            | "firms"
            | "agencies"
            | "governments"
            | "countries"
            | "nations"
            | "allies"
            | "partners"
            | "others"
            | "teammates"
            | "coaches"
            | "athletes"
            | "golfers"
            | "rivals"
            | "colleagues"
            | "peers"
            | "participants"
            | "respondents"
            | "staff"
            | "crew"
            | "team"
            | "troops"
            | "soldiers"
            | "commanders"
            | "military"
            | "scientists'"
            | "americans"
            | "canadians"
            | "observers'"
            | "pollsters"
            | "economists'"
            | "planners"
            | "developers"
            | "designers"
            | "architects"
            | "authors"
            | "writers"
            | "artists"
            | "creators"
            | "publishers"
            | "editors"
            | "reporters"
            | "journalists"
            | "producers"
            | "chefs"
    )
}

/// Nouns that head an organisation's name (`the ministry`, `Dixon Hall`'s `office`).
pub fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "utility"
            | "utilities"
            | "operator"
            | "provider"
            | "carrier"
            | "manufacturer"
            | "automaker"
            | "retailer"
            | "insurer"
            | "lender"
            | "broadcaster's"
            | "department"
            | "ministry"
            | "office"
            | "agency"
            | "administration"
            | "association"
            | "council"
            | "society"
            | "news"
            | "press"
            | "services"
            | "service"
            | "court"
            | "university"
            | "inc"
            | "inc."
            | "co"
            | "co."
            | "corp"
            | "corp."
            | "ltd"
            | "ltd."
            | "group"
            | "party"
            | "committee"
            | "commission"
            | "bureau"
            | "institute"
            | "foundation"
            | "bank"
            | "fund"
            | "union"
            | "board"
            | "times"
            | "post"
            | "journal"
            | "network"
            | "centre"
            | "center"
            | "company"
            | "government"
            | "pentagon"
            | "police"
            | "force"
            | "forces"
            | "army"
            | "navy"
            | "military"
            | "coalition"
            | "federation"
            | "league"
            | "club"
            | "team"
            | "hospital"
            | "school"
            | "college"
            | "organization"
            | "organisation"
            | "corporation"
            | "authority"
            | "tribunal"
            | "parliament"
            | "congress"
            | "senate"
            | "house"
            | "cabinet"
            | "embassy"
            | "consulate"
            | "secretariat"
            | "directorate"
            | "firm"
            | "airline"
            | "airlines"
            | "railway"
            | "network's"
            | "channel"
            | "broadcaster"
            | "newspaper"
            | "magazine"
            | "tribune"
            | "herald"
            | "gazette"
            | "globe"
            | "star"
            | "mail"
            | "telegraph"
            | "guardian"
            | "reuters"
            | "bloomberg"
            | "associated"
            | "kremlin"
            | "vatican"
            | "whitehall"
            | "statistics"
            | "institution"
            | "charity"
            | "watchdog"
            | "regulator"
            | "exchange"
            | "city"
            | "province"
            | "state"
            | "county"
            | "municipality"
            | "region"
            | "district"
            | "campaign"
            | "movement"
            | "caucus"
            | "lab"
            | "laboratory"
            | "clinic"
            | "studio"
            | "studios"
            | "hall"
            | "church"
            | "mobile"
            | "unit"
            | "division"
            | "command"
            | "headquarters"
            | "ministry's"
            | "prosecutor's"
            | "union's"
            | "spokesperson's"
            | "nations"
            | "fbi"
            | "cia"
    )
}

/// Nouns that head a document or publication (`a statement`, `draft language`).
pub fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "regulation"
            | "regulations"
            | "bylaw"
            | "directive"
            | "contract"
            | "agreement"
            | "treaty"
            | "guidelines"
            | "minutes"
            | "manifesto"
            | "statement"
            | "statements"
            | "report"
            | "reports"
            | "document"
            | "documents"
            | "proposal"
            | "draft"
            | "language"
            | "letter"
            | "memo"
            | "memorandum"
            | "filing"
            | "filings"
            | "study"
            | "survey"
            | "findings"
            | "notice"
            | "release"
            | "website"
            | "tweet"
            | "order"
            | "lawsuit"
            | "complaint"
            | "ruling"
            | "records"
            | "record"
            | "data"
            | "figures"
            | "poll"
            | "analysis"
            | "review"
            | "audit"
            | "indictment"
            | "affidavit"
            | "transcript"
            | "bulletin"
            | "advisory"
            | "guidance"
            | "plan"
            | "policy"
            | "bill"
            | "legislation"
            | "decision"
            | "judgment"
            | "judgement"
            | "estimates"
            | "forecast"
            | "research"
            | "paper"
            | "article"
            | "email"
            | "emails"
            | "post"
            | "message"
            | "assessment"
            | "census"
            | "summary"
            | "brief"
            | "motion"
            | "petition"
            | "application"
            | "submission"
            | "charges"
            | "warrant"
    )
}

/// Titles that come before a name (`Rep.`, `President`, `Dr.`) and are not part of it.
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "dr"
            | "dr."
            | "rep"
            | "rep."
            | "sen"
            | "sen."
            | "gov"
            | "gov."
            | "gen"
            | "gen."
            | "lt"
            | "lt."
            | "col"
            | "col."
            | "sgt"
            | "sgt."
            | "capt"
            | "capt."
            | "prof"
            | "prof."
            | "rev"
            | "rev."
            | "hon"
            | "hon."
            | "pres"
            | "pres."
            | "supt"
            | "supt."
            | "insp"
            | "insp."
            | "det"
            | "det."
            | "cmdr"
            | "cmdr."
            | "adm"
            | "adm."
            | "maj"
            | "maj."
            | "cpl"
            | "cpl."
            | "pvt"
            | "pvt."
            | "atty"
            | "atty."
            | "president"
            | "senator"
            | "representative"
            | "secretary"
            | "minister"
            | "premier"
            | "mayor"
            | "governor"
            | "judge"
            | "justice"
            | "chief"
            | "leader"
            | "coach"
            | "director"
            | "professor"
            | "doctor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "bishop"
            | "father"
            | "sister"
            | "brother"
            | "officer"
            | "constable"
            | "sergeant"
            | "lieutenant"
            | "captain"
            | "commissioner"
            | "superintendent"
            | "inspector"
            | "detective"
            | "deputy"
            | "acting"
            | "interim"
            | "former"
            | "vice"
            | "chancellor"
            | "ambassador"
            | "councillor"
            | "councilor"
            | "alderman"
            | "speaker"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "general"
            | "admiral"
            | "colonel"
            | "commander"
            | "defence"
            | "defense"
            | "foreign"
            | "finance"
            | "health"
            | "prime"
            | "attorney"
            | "state"
            | "conservative"
            | "liberal"
            | "democratic"
            | "republican"
            | "labour"
            | "labor"
            | "ndp"
            | "green"
            | "u.s."
            | "us"
            | "uk"
            | "u.k."
            | "federal"
            | "provincial"
            | "national"
            | "chinese"
            | "canadian"
            | "american"
            | "british"
            | "french"
            | "german"
            | "russian"
            | "mexican"
            | "immigration"
            | "cambridge"
            | "emeritus"
            | "assistant"
            | "associate"
            | "senior"
            | "executive"
            | "managing"
            | "principal"
            | "head"
            | "lead"
            | "team"
            | "rookie"
            | "veteran"
            | "star"
            | "head coach"
            | "mp"
            | "mpp"
            | "mla"
            | "mla."
            | "dep."
            | "sheriff"
            | "cardinal"
            | "rabbi"
            | "imam"
            | "pastor"
            | "reverend"
            | "cllr"
            | "cllr."
            | "st."
            | "saint"
    )
}

/// Words that are capitalised at a sentence start but never part of a name.
pub fn is_capitalized_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "so"
            | "if"
            | "as"
            | "for"
            | "of"
            | "to"
            | "by"
            | "with"
            | "from"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "because"
            | "there"
            | "here"
            | "what"
            | "who"
            | "how"
            | "why"
            | "where"
            | "which"
            | "some"
            | "many"
            | "most"
            | "one"
            | "two"
            | "three"
            | "several"
            | "all"
            | "both"
            | "each"
            | "every"
            | "no"
            | "not"
            | "yet"
            | "still"
            | "also"
            | "then"
            | "now"
            | "however"
            | "meanwhile"
            | "according"
            | "asked"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "tonight"
            | "despite"
            | "during"
            | "under"
            | "over"
            | "about"
            | "more"
            | "less"
            | "even"
            | "only"
            | "just"
            | "instead"
            | "indeed"
            | "like"
            | "unlike"
            | "such"
            | "another"
            | "other"
            | "any"
            | "much"
            | "until"
            | "once"
            | "mostly"
            | "perhaps"
            | "maybe"
            | "typically"
            | "usually"
            | "often"
            | "already"
            | "whether"
            | "among"
            | "between"
            | "through"
            | "without"
            | "within"
            | "around"
            | "against"
            | "across"
            | "toward"
            | "towards"
            | "into"
            | "upon"
            | "onto"
            | "off"
            | "out"
            | "up"
            | "down"
            | "near"
            | "beyond"
            | "above"
            | "below"
            | "behind"
    )
}

/// Time words that trail a cue (`said Monday`, `said last week`) and are skipped.
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "earlier"
            | "later"
            | "previously"
            | "afterward"
            | "afterwards"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "last"
            | "this"
            | "next"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "ago"
            | "late"
            | "early"
            | "again"
            | "then"
            | "now"
            | "also"
            | "once"
            | "twice"
    )
}

/// Words that start a reported clause right after a cue (`said he …`, `told court she …`).
pub fn is_clause_start(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "there"
            | "this"
            | "these"
            | "those"
            | "that"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "some"
            | "many"
            | "most"
            | "no"
            | "nobody"
            | "nothing"
            | "everyone"
            | "everything"
            | "while"
            | "although"
            | "though"
            | "if"
            | "when"
            | "because"
            | "despite"
            | "even"
    )
}

/// Words after which a lowercased `say`/`report`/`note` is a noun, not a verb.
pub fn is_noun_marker(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "no"
            | "any"
            | "final"
            | "new"
            | "annual"
            | "of"
            | "to"
            | "for"
            | "in"
            | "on"
            | "with"
            | "by"
            | "from"
            | "at"
            | "whose"
            | "every"
            | "each"
            | "police"
            | "media"
            | "news"
    )
}

/// Words that, opening the words after a cue, show the cue continues its clause
/// (`Such efforts, he said, were not …`): the attribution is a parenthetical.
pub fn is_verbish(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "include"
            | "includes"
            | "remain"
            | "remains"
            | "need"
            | "needs"
            | "do"
            | "does"
            | "did"
            | "seem"
            | "seems"
            | "appear"
            | "appears"
            | "won't"
            | "wouldn't"
            | "can't"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "weren't"
            | "hasn't"
            | "haven't"
            | "didn't"
            | "doesn't"
            | "don't"
            | "won’t"
            | "wouldn’t"
            | "can’t"
            | "isn’t"
            | "wasn’t"
            | "aren’t"
            | "weren’t"
            | "hasn’t"
            | "haven’t"
            | "didn’t"
            | "doesn’t"
            | "don’t"
            | "also"
            | "not"
    )
}

/// Nominal words marking an anonymous source (`one person`, `people familiar with …`).
pub fn is_anonymous_head(w: &str) -> bool {
    matches!(
        w,
        "person"
            | "people"
            | "source"
            | "sources"
            | "official"
            | "officials"
            | "insider"
            | "insiders"
            | "individual"
            | "individuals"
    )
}

/// Modifiers that make a source anonymous (`familiar with`, `a second person`).
pub fn is_anonymous_modifier(w: &str) -> bool {
    matches!(
        w,
        "familiar"
            | "close"
            | "briefed"
            | "anonymity"
            | "anonymous"
            | "knowledgeable"
            | "second"
            | "third"
            | "fourth"
            | "another"
            | "one"
            | "two"
            | "three"
            | "four"
            | "several"
            | "these"
            | "those"
            | "multiple"
            | "unnamed"
            | "senior"
            | "informed"
    )
}

/// Single-word abbreviations that keep their full stop inside a word token.
pub fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "rep"
            | "reps"
            | "sen"
            | "sens"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "st"
            | "prof"
            | "rev"
            | "hon"
            | "pres"
            | "supt"
            | "insp"
            | "det"
            | "cmdr"
            | "adm"
            | "maj"
            | "cpl"
            | "pvt"
            | "atty"
            | "jr"
            | "sr"
            | "co"
            | "corp"
            | "inc"
            | "ltd"
            | "no"
            | "vs"
            | "v"
            | "jan"
            | "feb"
            | "apr"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "mt"
            | "ft"
            | "ont"
            | "que"
            | "sask"
            | "alta"
            | "ave"
            | "blvd"
            | "rd"
            | "brig"
            | "dept"
            | "univ"
            | "assn"
            | "approx"
            | "e.g"
            | "i.e"
            | "cllr"
            | "mass"
            | "calif"
            | "fla"
            | "wash"
            | "penn"
            | "ariz"
    )
}

/// Abbreviations that may also end a sentence (`… in the U.S. The …`).
pub fn can_end_sentence(w: &str) -> bool {
    matches!(
        w,
        "jr." | "sr." | "co." | "corp." | "inc." | "ltd." | "ont." | "que." | "sask." | "alta."
    ) || (w.len() >= 4 && w.matches('.').count() >= 2)
}
