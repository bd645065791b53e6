//! The per-rule fixtures (`tests/fixtures/rules.toml`): each row's sentence must be
//! attributed by the rule chain it names, to its speaker, with its content.

use hearsay::attribution::rules::SpeakerRule;
use hearsay::attribution::{Analysis, SpeakerKind, analyze};
use hearsay::document::{Document, ingest};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    claim: Vec<ClaimRow>,
    quote: Vec<QuoteRow>,
}

#[derive(Deserialize)]
struct ClaimRow {
    rule: String,
    text: String,
    speaker: String,
    /// The speaker's kind (`Person`, `Organization`, …), when the row checks it.
    kind: Option<String>,
    /// The speaker's role as the reader shows it (`""` for none), when the row checks it.
    role: Option<String>,
    content: String,
}

#[derive(Deserialize)]
struct QuoteRow {
    rule: String,
    text: String,
    speaker: String,
    quote: String,
}

fn table() -> Table {
    toml::from_str(include_str!("fixtures/rules.toml")).expect("rules.toml parses")
}

fn analysed(text: &str) -> (Document, Analysis) {
    let doc = ingest(format!("A headline\n\n{text}\n"));
    let a = analyze(&doc);
    (doc, a)
}

/// Every text must give no claim at all.
fn assert_no_claims(texts: &[&str]) {
    for text in texts {
        let (doc, a) = analysed(text);
        let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
        assert!(claims.is_empty(), "{text}: {claims:?}");
    }
}

/// Each claim's words and its speaker's name.
fn claim_pairs(doc: &Document, a: &Analysis) -> Vec<(String, String)> {
    a.claims
        .iter()
        .map(|c| (c.text(doc).into_owned(), speaker_name(a, c.speaker)))
        .collect()
}

fn speaker_name(a: &Analysis, id: Option<usize>) -> String {
    id.and_then(|i| a.speaker(i))
        .map_or_else(|| "(none)".into(), |s| s.name.clone())
}

#[test]
fn every_claim_row_is_made_by_its_rule() {
    let mut failures = Vec::new();
    for row in table().claim {
        let (doc, a) = analysed(&row.text);
        let found = a.claims.iter().find(|c| c.text(&doc) == row.content);
        match found {
            Some(c)
                if c.rule.name() == row.rule
                    && speaker_name(&a, c.speaker) == row.speaker
                    && row.kind.as_deref().is_none_or(|k| {
                        c.speaker
                            .and_then(|i| a.speaker(i))
                            .is_some_and(|s| format!("{:?}", s.kind) == k)
                    })
                    && row.role.as_deref().is_none_or(|r| {
                        c.speaker
                            .and_then(|i| a.speaker(i))
                            .is_some_and(|s| s.role.as_deref().unwrap_or("") == r)
                    }) =>
            {
                assert!(c.confidence > 0.0 && c.confidence <= 1.0, "{}", row.text);
            }
            _ => failures.push(format!(
                "{}\n  want {} ← {} [{}]\n  got {:?}",
                row.text,
                row.content,
                row.speaker,
                row.rule,
                a.claims
                    .iter()
                    .map(|c| (
                        c.text(&doc).into_owned(),
                        speaker_name(&a, c.speaker),
                        c.rule.name()
                    ))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_quote_row_is_credited_by_its_rule() {
    let mut failures = Vec::new();
    for row in table().quote {
        let (doc, a) = analysed(&row.text);
        let found = a.quotes.iter().find(|q| q.text(&doc) == row.quote);
        match found {
            Some(q) if q.rule.name() == row.rule && speaker_name(&a, q.speaker) == row.speaker => {
                assert!(q.confidence > 0.0 && q.confidence <= 1.0, "{}", row.text);
            }
            _ => failures.push(format!(
                "{}\n  want “{}” ← {} [{}]\n  got {:?}",
                row.text,
                row.quote,
                row.speaker,
                row.rule,
                a.quotes
                    .iter()
                    .map(|q| (
                        q.text(&doc).into_owned(),
                        speaker_name(&a, q.speaker),
                        q.rule.name()
                    ))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_covers_every_speaker_rule() {
    let t = table();
    for name in [
        "AccordingTo",
        "RelativeClause",
        "Subject",
        "LastNounPhrase",
        "Inverted",
        "Apposition",
        "Described",
        "Coordinated",
        "Fronted",
        "PassiveAgent",
        "WithClause",
        "EmbeddedPost",
        "ItAntecedent",
        "DescribedAntecedent",
        "Interviewee",
        "DocumentAuthor",
        "NamedDocumentAuthor",
        "IntroducedDocumentAuthor",
        "GroupMember",
        "Inherited",
    ] {
        assert!(
            t.claim.iter().any(|r| r.rule.starts_with(name)),
            "no fixture row for {name}"
        );
    }
}

#[test]
fn speech_inside_speech_is_one_claim_of_the_outer_speaker() {
    let count = |text: &str| {
        let (doc, a) = analysed(text);
        claim_pairs(&doc, &a)
    };
    for text in [
        "Mr. Vik said he was glad that Ms. Lund told the crew in person.",
        "The mate testified that Captain Roe told him to skip the drill.",
        "Vik said the ferry was late because Lund told the crew to wait.",
        "According to an assessment seen by the Ledger, analysts concluded that the trawler had been shadowing the cable.",
    ] {
        assert_eq!(count(text).len(), 1, "{text}: {:?}", count(text));
    }
    // a relative `that` with its own subject and cue reports there; a coordinated report
    // is its own
    for text in [
        "Officials said there were six crashes that Lund said are unrelated.",
        "Vik said the ferry is safe, but Lund told the crew that it would be sold.",
    ] {
        assert_eq!(count(text).len(), 2, "{text}: {:?}", count(text));
    }
}

#[test]
fn a_finding_or_ruling_needs_a_body_and_a_clause() {
    assert_no_claims(&[
        "Ana Ruiz found that the gate was locked.",
        "If the club finds that more boats are needed, it will buy two.",
        "The ruling that the logbook could be shown surprised the defence.",
        "Under new rules that start in May, ferries must carry two mates.",
        "The council ruled out a tax rise.",
        "Signs on the north shore say the ramp is closed.",
        "The deckhand pressed the button to lower the ramp.",
        "The keeper defended the goal for ninety minutes.",
    ]);
}

#[test]
fn a_teaser_for_another_story_is_nobodys_claim() {
    for label in ["READ MORE", "Watch", "Related"] {
        let text = format!(
            "{label}: Harbour master says the pier is “unsafe” after the storm\n\n\
             Tom Reyes said the pier would reopen in June."
        );
        let (doc, a) = analysed(&text);
        let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
        assert_eq!(claims, ["the pier would reopen in June"], "{label}");
        // nor are its quotation marks a quotation of this article
        assert!(a.quotes.is_empty(), "{label}: {:?}", a.quotes.len());
    }
}

#[test]
fn transcript_labels_are_turns_not_speakers() {
    let text = "MARA LINDQVIST, HOST: Wells in the valley are failing. Tess Alder reports.\n\n\
        TESS ALDER, BYLINE: Priya Ng, a hydrologist, has mapped the aquifer. She says the \
        lake will not refill.\n\n\
        JOAN REYES: The creek went dry in June.\n\n\
        ALDER: Reyes has farmed here for thirty years.\n\n\
        REYES: My father drilled that well. He told me it would never fail.";
    let (doc, a) = analysed(text);
    let claims = claim_pairs(&doc, &a);
    // the host's and the reporter's turns make no claim; a report inside one is read as
    // usual, never given to the label; the words a speaker reports in a turn are the turn's
    assert_eq!(
        claims,
        [
            ("the lake will not refill".into(), "Priya Ng".into()),
            ("The creek went dry in June".into(), "Joan Reyes".into()),
            (
                "My father drilled that well. He told me it would never fail".into(),
                "Joan Reyes".into()
            ),
        ]
    );
}

#[test]
fn section_labels_are_no_speakers_nor_turns() {
    // notices in capitals, repeated, are no transcript
    assert_no_claims(&["UPDATE: The pier reopened on Monday.\n\n\
        UPDATE: The ferry sails again on Tuesday.\n\n\
        EDITOR'S NOTE: An earlier version misspelled the harbour's name."]);
    // a wire roundup's labels in capitals, never repeated, are no transcript
    assert_no_claims(&["FED TALK: Rates will stay put until the spring.\n\n\
        ENERGY: Crude oil rose two cents a barrel on Tuesday.\n\n\
        CURRENCIES: The dollar weakened against the yen."]);
    let (doc, a) = analysed("Zoom in: Growers have argued that drones are safer than tractors.");
    let c = &a.claims[0];
    assert_eq!(c.text(&doc), "drones are safer than tractors");
    assert_eq!(speaker_name(&a, c.speaker), "Growers");
    // a label asking a question may hold a verb of saying; the quotation after it is the
    // claim, without the label
    let (doc, a) =
        analysed("What they're saying: “The pier is a gift to the town,” Ana Ruiz said.");
    let claims: Vec<(String, String)> = a
        .claims
        .iter()
        .map(|c| (c.text(&doc).into_owned(), speaker_name(&a, c.speaker)))
        .collect();
    assert_eq!(
        claims,
        [(
            "“The pier is a gift to the town,”".to_string(),
            "Ana Ruiz".to_string()
        )]
    );
}

#[test]
fn a_denied_or_refused_cue_is_no_attribution() {
    assert_no_claims(&[
        "The mayor has not said whether the pier will reopen.",
        "Ana Ruiz didn’t say when the crews would start.",
        "Tom Reyes declined to say whether the pier would reopen.",
        "The ministry has never confirmed that the pier is unsafe.",
    ]);
}

#[test]
fn a_weak_verb_in_another_sense_is_no_attribution() {
    assert_no_claims(&[
        "The Harbour Hawks added three more unanswered goals before the break.",
        "The council announced a plan to rebuild the pier.",
        "The ferry company recalled the faulty tickets sold in June.",
        "The council confirmed Ana Ruiz as the new harbour master.",
        "Crews closed the pier a day after the council confirmed the cracks in its pilings.",
        "The biggest gain went to Harbourview, a small fishing state in the north.",
        "Some of the biggest claims the insurers paid came from the flood.",
        // `show` reports only what a document shows
        "The harbour master showed that the new crane could lift a bus.",
        "The ferry show opened at the pier on Friday.",
        // a base form after `police` that is a noun of the compound
        "The skipper filed a police report on Monday.",
        "Police reports from the night of the storm were sealed.",
        // a verb after a subordinator or a relative pronoun, or a participle with its agent,
        // is no reported clause; `who` after the object makes it a person
        "The Harbour Hawks added a goal as the crowd went home.",
        "The fans fumed at the referee who had sent off their captain.",
        "The owners reassured the staff who were worried.",
        "The senator questioned the nominee who was appointed last year.",
        "The minister acknowledged the profits made by the ferry company.",
        // a verb that reports only in its frame `_ as`, outside it or with `as` opening a
        // clause
        "Police saw the car as it turned into the lane.",
        "The crowd hailed a taxi outside the station.",
        "The judge dismissed the case against the skipper.",
        "Residents view the harbour from the hill.",
        "The ferry tax credit for families will rise in June.",
        "Ana Ruiz remembers the storm of 1987 well.",
        "The crew put it on the pier before dawn.",
        // `said that` with `that` a pronoun and only adjuncts after it
        "Ana Ruiz said that on Monday.",
        "Ana Ruiz said that in a statement on Monday, after the vote.",
        "To put it bluntly, the pier was never safe.",
        "The town remembered its fishermen at a service on Sunday.",
        "The ferry company took the blame for the delays.",
        "The pier is seen as a landmark.",
    ]);
}

#[test]
fn a_reporting_verb_in_another_frame_is_no_attribution() {
    assert_no_claims(&[
        // `question`, `cite`, `swear` of a person or in the passive: another sense
        "Harbour police questioned the skipper about the fire.",
        "Police questioned him for an hour.",
        "The skipper was questioned by harbour police.",
        "Police cited the driver for speeding after he was stopped near the pier.",
        "The mayor was sworn in by the chief justice.",
        // a past participle opening a reduced relative clause reports nothing, nor one
        // without an auxiliary after its noun
        "The memo, written in May and obtained by the Harbour Ledger, was on the desk.",
        "A post on the harbour board's page written in French drew 400 replies.",
        // `post` reports only before `that` or a quotation
        "The ferry company posted a loss after its fuel bill was doubled.",
        // a verb of sharing reports a quotation only after a colon that closes its clause
        "The rowing club shared a photo of the crew on Sunday.",
        "Tom Reyes took to the water: it was calm, and “Lucky” the dog swam too.",
        "Ana Ruiz took the ferry to Port Hale: “The Gull” was full.",
        // people find (a report) only before `that`, a parenthesis between or not
        "The harbour police, called by a neighbour at dawn, found the car in a ditch.",
        // an absolute construction whose participle reports nothing
        "The crowd on the pier cheered, some waving flags at the ferry.",
        // a plural noun before a colon is no verb of saying
        "The pier reopened on Monday after repairs: “Finally.”",
        // a participle after a document's noun is no post of its own
        "In a statement shared on the harbour board's website on Monday: “Closed.”",
        // a third-person form opening the sentence is a plural noun
        "Questions remain over whether the pier is safe.",
        "Charges were laid after the crash was investigated.",
        "Claims were made that the pier was unsafe.",
    ]);
}

#[test]
fn a_later_cue_before_a_post_reports_it() {
    let (doc, a) =
        analysed("Ana Ruiz shared the photo on Monday, and Tom Reyes then wrote: “Closed.”");
    let claims = claim_pairs(&doc, &a);
    assert_eq!(claims, [("“Closed.”".to_string(), "Tom Reyes".to_string())]);
    // a fronted time before a post quoted after a colon is no claim of its own
    let (doc, a) = analysed("Three hours later, Ana Ruiz posted on X again: “Still no ferry.”");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["“Still no ferry.”"]);
}

#[test]
fn an_open_class_subject_of_a_weak_verb_without_a_clause_is_no_speaker() {
    let text = "The four-seater boasts a low price but little else.";
    assert_no_claims(&[text]);
    let (_, a) = analysed(text);
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
}

#[test]
fn a_belief_that_is_no_report_is_no_attribution() {
    assert_no_claims(&[
        // a concession in a subordinate clause
        "Even though the council believes the pier is safe, the ferry will not dock there.",
        // a relative clause with a verb right after the belief verb
        "It was a season the coach thinks could be his last.",
        // a hedge in the writer's own voice
        "I think the pier will reopen in June.",
        // a feeling, not a view: no clause follows
        "The ferry captain felt the wind change.",
    ]);
}

#[test]
fn a_description_that_refers_back_to_a_person_is_one_of_their_aliases() {
    let text =
        "Harbour Minister Ana Ruiz said the pier would reopen. “We are ready,” the minister said.";
    let (_, a) = analysed(text);
    let ruiz = a
        .speakers
        .iter()
        .find(|s| s.name == "Ana Ruiz")
        .expect("Ana Ruiz is a speaker");
    assert!(
        ruiz.aliases.iter().any(|x| x == "the minister"),
        "{:?}",
        ruiz.aliases
    );
    assert_eq!(a.speakers.len(), 1, "one speaker: {:?}", a.speakers);
}

#[test]
fn a_frame_verb_without_its_frame_or_in_the_passive_is_no_attribution() {
    assert_no_claims(&[
        "The skipper was accused of theft in 2019.",
        "Accused of hiding the counts, the hatchery manager resigned.",
        "The deckhand is credited with saving the pier.",
        "The arrow pointed to the exit.",
        "The skipper blamed the weather.",
    ]);
}

#[test]
fn a_companys_short_name_is_an_alias_of_its_full_name_only() {
    // the short name after the full name: one organisation
    let (_, a) = analysed(
        "Ashcombe Labs said it had found the fault. “We are fixing it,” Ashcombe said on Monday.",
    );
    assert_eq!(a.speakers.len(), 1, "one speaker: {:?}", a.speakers);
    assert_eq!(a.speakers[0].kind, SpeakerKind::Organization);
    assert!(a.speakers[0].aliases.iter().any(|x| x == "Ashcombe"));
    // a person who bears the word is that person, not the company
    let (_, a) = analysed(
        "Brook Logistics said it would hire 40 drivers. Its founder, Ana Brook, was pleased. \
         Brook said the depot would open in May.",
    );
    let last = a
        .claims
        .last()
        .and_then(|c| c.speaker)
        .and_then(|i| a.speaker(i));
    assert_eq!(
        last.map(|s| (s.name.as_str(), s.kind)),
        Some(("Ana Brook", SpeakerKind::Person))
    );
    // a place is never a company's short name (`Iran` is no alias of `Iran Shipping Lines`)
    let (_, a) =
        analysed("Norway Holdings said exports fell. Norway said the quota would stay the same.");
    assert!(
        a.speakers
            .iter()
            .all(|s| s.aliases.iter().all(|x| x != "Norway")),
        "{:?}",
        a.speakers
    );
}

#[test]
fn a_cue_word_inside_an_according_to_source_is_a_noun() {
    let text = "According to the council’s latest estimates, the ferry will carry 9,000 cars.";
    let (doc, a) = analysed(text);
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(
        claims,
        ["the ferry will carry 9,000 cars"],
        "one claim, the council's"
    );
    assert_eq!(
        a.claims[0]
            .speaker
            .and_then(|i| a.speaker(i))
            .map(|s| s.name.as_str()),
        Some("council")
    );
}

#[test]
fn a_report_after_a_possessive_is_a_noun_not_a_second_cue() {
    let (doc, a) = analysed("The engineers’ report said the ferries were all full.");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["the ferries were all full"]);
}

#[test]
fn a_slogan_on_a_placard_or_sign_is_no_quotation() {
    for text in [
        "Marchers carried placards reading “Libraries not landlords” through the square.",
        "A sign on the gate read “No entry after dark”.",
        "Strikers waved banners saying “Fair pay now” outside the depot.",
    ] {
        let (_, a) = analysed(text);
        assert!(a.quotes.is_empty(), "{text}: {} quotes", a.quotes.len());
        assert!(a.claims.is_empty(), "{text}: {} claims", a.claims.len());
    }
    // a quotation that only mentions signs is still one
    let (_, a) = analysed("“We read every sign,” Lee said.");
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn find_praise_and_blame_are_cues_only_in_their_reporting_frames() {
    assert_no_claims(&[
        "Police found the car in a ditch near the pier.",
        "The minister praised the harbour crews and left for the capital.",
        "The accused man left the court before noon.",
        "The report found its way to the minister's desk.",
        "Crews have found cracks in the pilings, and the pier is closed.",
        // a named person finding out, in a story's narration
        "Ana Ruiz found that the boathouse door was locked.",
    ]);
}

#[test]
fn a_described_lede_speaker_is_named_only_by_an_agreeing_person() {
    let speakers = |text: &str| -> Vec<String> {
        let (_, a) = analysed(text);
        a.claims
            .iter()
            .map(|c| speaker_name(&a, c.speaker))
            .collect()
    };
    // a title that is not the description's, another gender, someone named between, or
    // someone speaking for an organisation: two people
    for text in [
        "A retired welder says the plant poisoned his well.\n\n\
         Health Minister Jane Doe said the water was safe to drink.",
        "A Halifax woman says she has nowhere to go after the fire.\n\n\
         Stephen Gillis said the shelter was already full.",
        "A retired teacher says the school is unsafe for children.\n\n\
         The board's chair, Jane Doe, said the building passed its inspection.",
        "A spokeswoman for the city said the pier would reopen in June.\n\n\
         Ana Ruiz said the crews would start on Monday.",
        "The mayor said the pier would reopen in June.\n\n\
         Ana Ruiz said the crews would start on Monday.",
        // (a person named before the description is not who it describes)
        "Actress Nina Holt and singer Ray Dunn have split.\n\n\
         A friend of the couple said the pair had been unhappy for months.\n\n\
         Holt, who starred in a soap, said she would not comment.",
    ] {
        let s = speakers(text);
        assert_eq!(s.len(), 2, "{text}: {s:?}");
        assert_ne!(s[0], s[1], "{text}");
    }
}

#[test]
fn a_dateline_is_never_a_speaker_nor_a_pronouns_antecedent() {
    for dateline in [
        "CEDAR FALLS, Iowa —",
        "PORT ELLIS, Ore. —",
        "PORT ELLIS, Ore. (AP) —",
        "SAN MARCO, Tex. --",
    ] {
        let text = format!(
            "{dateline} The draft letter came in the spring of 1968. He says he left a week later.\n\n\
             “I was nineteen,” he says."
        );
        let (_, a) = analysed(&text);
        let named: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
        assert!(
            named
                .iter()
                .all(|n| !n.contains("ELLIS") && !n.contains("FALLS") && !n.contains("MARCO")),
            "{dateline}: {named:?}"
        );
    }
}

#[test]
fn an_answer_outside_a_qa_is_no_attribution() {
    // one `A:` paragraph, or answers without questions, make no interview
    assert_no_claims(&[
        "A: The silt. The channel is a metre shallower than it was two years ago.",
        "Grade A. The channel is a metre shallower than it was.\n\nA: The silt, again.\n\n\
         A: The ferries, always.",
    ]);
}

#[test]
fn a_report_describing_the_speaker_is_part_of_the_description() {
    let text = "A man who said he was a former ferry captain said the crossing had never been \
                safe in winter.";
    let (doc, a) = analysed(text);
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["the crossing had never been safe in winter"]);
}

#[test]
fn a_relative_clause_holding_only_the_cues_subject_describes_no_speaker() {
    // `who police said`: police said it, not the man
    let (_, a) = analysed("The man who police said was armed with a knife fled the scene.");
    let speakers: Vec<String> = a
        .claims
        .iter()
        .map(|c| speaker_name(&a, c.speaker))
        .collect();
    assert_eq!(speakers, ["police"]);
}

#[test]
fn a_he_or_she_cue_never_credits_an_organisation_or_a_group() {
    for text in [
        "The Flood Agency said the river would crest on Friday.\n\n\
         “It rose fast,” he said. “We moved the boats at two.”",
        "Flood officials said the river would crest on Friday.\n\n“It rose fast,” she said.",
    ] {
        let (doc, a) = analysed(text);
        for q in &a.quotes {
            let kind = q.speaker.and_then(|i| a.speaker(i)).map(|s| s.kind);
            assert!(
                kind.is_none_or(|k| k == hearsay::attribution::SpeakerKind::Person),
                "{text}: “{}” ← {}",
                q.text(&doc),
                speaker_name(&a, q.speaker)
            );
        }
    }
}

#[test]
fn a_person_the_text_called_she_is_never_a_later_he() {
    let text = "Prosecutor Ann Mercer told jurors the firm had cut corners. “They knew,” she said.\n\n\
                The defendant, a former site manager, sat at the back. He did not react. \
                Later he said he was “sorry for every family.”";
    let (doc, a) = analysed(text);
    for c in &a.claims {
        assert!(
            !(c.text(&doc).contains("sorry") && speaker_name(&a, c.speaker) == "Ann Mercer"),
            "{:?}",
            c.text(&doc)
        );
    }
}

#[test]
fn a_name_or_term_in_quotation_marks_is_no_ones_speech() {
    // after a speaker's quotation, the paragraph's later quotations are still names and terms
    let texts = [
        "“We are ready,” Tom Reyes said. The ferry runs under a scheme dubbed “Blue Line” this year.",
        "“We are ready,” Tom Reyes said. Last spring the pier was rated “poor” by the engineers.",
        "“We are ready,” Tom Reyes said. The so-called “night run” leaves at ten.",
        "“We are ready,” Tom Reyes said. The old shed, known as “the Ark”, will be pulled down.",
        "“We are ready,” Tom Reyes said. The berth is what the skippers call “the Hole”.",
    ];
    for text in texts {
        let (doc, a) = analysed(text);
        let credited: Vec<String> = a
            .quotes
            .iter()
            .filter(|q| q.speaker.is_some())
            .map(|q| q.text(&doc).into_owned())
            .collect();
        assert_eq!(credited, ["We are ready,"], "{text}");
    }
    // no cue in a term's frame
    assert_no_claims(&["The harbour sits on what planners call “managed decline” these days."]);
    // a named subject, a past judgement, or words of the speaker's own still count
    for (text, speaker) in [
        (
            "The budget is what Mayor Ruiz calls “a fantasy” in every speech.",
            "Ruiz",
        ),
        ("Ana Ruiz called the plan “reckless” on Monday.", "Ana Ruiz"),
    ] {
        let (doc, a) = analysed(text);
        let names: Vec<String> = a
            .claims
            .iter()
            .map(|c| speaker_name(&a, c.speaker))
            .collect();
        assert_eq!(
            names,
            [speaker],
            "{text}: {:?}",
            a.claims
                .iter()
                .map(|c| c.text(&doc).into_owned())
                .collect::<Vec<_>>()
        );
    }
    for text in [
        "“We are ready,” Tom Reyes said. He called it “a pier we can be proud of”.",
        "“We are ready,” Tom Reyes said. The delay was what the crews called “a scandal”.",
    ] {
        let (doc, a) = analysed(text);
        assert!(
            a.quotes.iter().all(|q| q.speaker.is_some()),
            "{text}: {:?}",
            a.quotes
                .iter()
                .map(|q| q.text(&doc).into_owned())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_pronoun_goes_to_a_nearer_name_of_its_gender_or_past_a_description_of_the_other() {
    for text in [
        // a man named between the description and `he` is the nearer antecedent
        "The driver climbed out of the tram as Colm Dwyer ran over from his van. \
         He said the rails were iced over that morning.",
        // a description of a woman is no antecedent for `he`
        "Colm Dwyer spoke to the fire crew. The mother watched the fire from across the lane. \
         He said the smoke alarm never went off that night.",
        // across a paragraph: only the closing sentence's subject, here no person
        "Colm Dwyer spoke to the fire crew. The caretaker, a quiet man, locked the gate. \
         The rain kept falling.\n\nLater he said the smoke alarm never went off that night.",
        // across a paragraph: a description of a woman is no antecedent for `he`
        "Colm Dwyer spoke to the fire crew. The mother watched the fire from across the lane.\n\n\
         Afterwards he said the smoke alarm never went off that night.",
    ] {
        let (_, a) = analysed(text);
        assert!(!a.claims.is_empty(), "{text}: the cue is still a claim");
        assert!(
            a.claims
                .iter()
                .all(|c| c.rule.speaker_rule() != Some(SpeakerRule::DescribedAntecedent)),
            "{text}: {:?}",
            a.claims
        );
    }
}

#[test]
fn a_quotation_after_an_object_and_a_comma_is_the_words_of_the_last_cue() {
    // `told his crew, “…”`: the object is not part of what was said …
    let (doc, a) = analysed("Tom Reyes told his crew, “We have to sell the boat.”");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["“We have to sell the boat.”"]);
    // … but a second clause with its own cue between them is no object
    let (_, a) = analysed(
        "Tom Reyes met Ana Ruiz on the pier. She asked him about the boat and he said, \
         “We have to sell it.”",
    );
    let said: Vec<String> = a
        .quotes
        .iter()
        .map(|q| speaker_name(&a, q.speaker))
        .collect();
    assert_eq!(said, ["Tom Reyes"]);
}

#[test]
fn a_judgement_whose_object_is_what_is_still_the_speakers() {
    // `what she described as “…”`: `as` right after the verb, but no passive: the object
    // is `what`, and the quotation is the speaker's
    let (_, a) =
        analysed("The blaze was what fire chief Lena Ortiz described as “the worst in a decade”.");
    let said: Vec<String> = a
        .quotes
        .iter()
        .map(|q| speaker_name(&a, q.speaker))
        .collect();
    assert_eq!(said, ["Lena Ortiz"]);
}

#[test]
fn it_never_stands_for_a_person_named_with_a_first_name() {
    assert_no_claims(&[
        "Ana Ruiz turned down an interview. In a written reply, it said the drivers follow every rule.",
    ]);
}

#[test]
fn a_things_report_inside_speech_is_only_the_outer_speakers_claim() {
    for (text, speaker) in [
        (
            "Detective Inspector Ruth Lee said the size of the hole suggested that the thieves used a drill.",
            "Ruth Lee",
        ),
        (
            "Dr. Ana Voss said the trial data indicated that the drug worked in older patients.",
            "Ana Voss",
        ),
        (
            "Kay Lund said the files showed a classic error in the payroll code.",
            "Kay Lund",
        ),
    ] {
        let (doc, a) = analysed(text);
        let claims = claim_pairs(&doc, &a);
        assert_eq!(claims.len(), 1, "{text}: {claims:?}");
        assert_eq!(claims[0].1, speaker, "{text}: {claims:?}");
    }
    // (two reports side by side, each with its own subject after a comma, stay two)
    let (_, a) =
        analysed("Ruth Lee said the door was forced, and the owner said nothing was taken.");
    assert_eq!(a.claims.len(), 2, "{:?}", a.claims);
}

#[test]
fn a_past_participle_without_an_auxiliary_modifies_a_noun() {
    // `written in May`: no verb of the sentence, so no claim of its own …
    assert_no_claims(&[
        "The harbour memo, written in May and leaked to the Gazette, went unanswered.",
    ]);
    let (doc, a) = analysed(
        "The harbour memo, written in May and leaked to the Gazette, warned that the cranes were unsafe.",
    );
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["the cranes were unsafe"]);
    // … while after an auxiliary it reports
    let (doc, a) = analysed("Ana Ruiz has written that the cranes were unsafe.");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["the cranes were unsafe"]);
}

#[test]
fn the_question_put_to_a_speaker_is_not_their_claim() {
    for (text, want) in [
        (
            "Tom Reyes runs the boat yard. Asked whether he would sell it, he said only: “Not this year.”",
            "“Not this year.”",
        ),
        (
            "Tom Reyes runs the boat yard. Asked about the cranes, he said they were safe.",
            "they were safe",
        ),
    ] {
        let (doc, a) = analysed(text);
        let claims = claim_pairs(&doc, &a);
        assert_eq!(
            claims,
            [(want.to_string(), "Tom Reyes".to_string())],
            "{text}"
        );
    }
}

#[test]
fn say_with_an_object_that_names_no_content_reports_nothing() {
    assert_no_claims(&[
        "Tom Reyes said a few words at the harbour funeral.",
        "The new harbour master says all the right things.",
        "Ana Ruiz said nothing.",
        "Ana Ruiz said goodbye to the ferry crew on Friday.",
    ]);
    // … but a clause after such words is reported
    let (doc, a) = analysed("Ana Ruiz said much of the pier was rotten.");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["much of the pier was rotten"]);
}

#[test]
fn a_coordinated_cue_ends_the_content_of_the_verb_before_it() {
    // `confirmed the split but said …`: the first verb's object stops at the conjunction
    // (two words are no claim of their own)
    let (doc, a) = analysed(
        "A ferry company spokeswoman confirmed the closure but said she would not comment further.",
    );
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(claims, ["she would not comment further"]);
    let (doc, a) =
        analysed("Ana Ruiz confirmed the cracks in the pilings and said the pier would stay shut.");
    let claims: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
    assert_eq!(
        claims,
        ["the cracks in the pilings", "the pier would stay shut"]
    );
}

#[test]
fn read_reports_only_a_documents_quoted_words() {
    assert_no_claims(&[
        "Ana Ruiz read the letter twice before she signed it.",
        "The mayor read the statement aloud at the meeting on Monday.",
        "Parents held a sign that read “Save Elm Street” outside the school.",
    ]);
}

#[test]
fn a_works_title_in_quotation_marks_is_nobodys_words() {
    for (text, title) in [
        (
            "“It was a long winter,” said Tom Reyes, author of “Salt Roads,” about the fishing fleet.",
            "Salt Roads,",
        ),
        (
            "Ana Ruiz, whose documentary “Low Tide Over Brenholm Harbour” opens on Friday, said the film took six years.",
            "Low Tide Over Brenholm Harbour",
        ),
    ] {
        let (doc, a) = analysed(text);
        let q = a
            .quotes
            .iter()
            .find(|q| q.text(&doc) == title)
            .expect("the title is a quotation");
        assert_eq!(q.speaker, None, "{text}");
        assert!(
            a.claims.iter().all(|c| !c.text(&doc).contains(title)),
            "{text}: {:?}",
            claim_pairs(&doc, &a)
        );
    }
    // a quotation after a comma quotes someone (`told the paper, “…”`)
    let (_, a) = analysed("Ana Ruiz told the paper, “We will fight the closure.”");
    let said: Vec<String> = a
        .quotes
        .iter()
        .map(|q| speaker_name(&a, q.speaker))
        .collect();
    assert_eq!(said, ["Ana Ruiz"]);
}

#[test]
fn a_short_quotation_inside_the_writers_sentence_is_a_scare_quote() {
    let (doc, a) = analysed(
        "“We are ready,” Tom Reyes said on Monday.\n\nThe new timetable has become a “ferry lottery” for island families.",
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.text(&doc) == "ferry lottery")
        .expect("the scare quote is a quotation");
    assert_eq!(q.speaker, None);
}

#[test]
fn a_long_quotation_in_a_sentence_about_a_document_is_its_wording() {
    // the draft order's words, not the previous paragraph's speaker's
    let (doc, a) = analysed(
        "“We will not wait,” Tom Reyes said on Monday.\n\nThe draft order would have allowed the harbour board to “close any pier where the pilings are found to be unsafe.”",
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.text(&doc).starts_with("close any pier"))
        .expect("the wording is a quotation");
    assert_eq!(q.speaker, None);
}

#[test]
fn two_words_of_adjunct_before_a_trailing_attribution_are_no_claim() {
    assert_no_claims(&[
        "Not surprised, traders said.",
        "In particular, traders said.",
        "Late Monday, traders said.",
    ]);
}
