//! The rules' typed ids: one enum variant per rule, in the order the engine tries them,
//! with what `hearsay analyze --explain` prints for it (the variant's own name, so the two
//! can never drift apart) and the confidence an attribution made by it starts from.
//!
//! The engine runs in phases ([`super::claims`] and [`super::propagate`]):
//! 1. **cues**: reporting verbs and `according to` outside quotations;
//! 2. **speaker candidates**: for each cue, the [`SpeakerRule`]s in their order;
//! 3. **content spans**: the [`ContentRule`] that cuts the reported words, and the filters
//!    that drop false attributions (a question, a non-speech sense, too short a clause);
//! 4. **propagation**: quotations without a cue take a speaker by a [`QuoteRule`];
//! 5. **resolution**: aliases, pronouns, descriptions and documents to one speaker
//!    ([`super::speakers::Registry`]);
//! 6. **finish**: speakers numbered, claims and quotations counted, sourcing summed.

/// How a cue's speaker is found, in the order the rules are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerRule {
    /// `according to the Harbour Authority`: the noun phrase after `according to`.
    AccordingTo,
    /// `… a letter from Lee, who wrote that …`: the antecedent of `who`/`which`.
    RelativeClause,
    /// `Harbour officials said …`, `“…,” Lee said`: the noun phrase right before the cue.
    Subject,
    /// `After the vote the harbour master said …`: the last noun phrase of a longer clause
    /// before the cue.
    LastNounPhrase,
    /// `“…,” said the harbour master.`: the noun phrase right after the cue.
    Inverted,
    /// `Lee, the harbour master, said` / `the harbour master, Lee, said`: a name and its
    /// apposition before the cue.
    Apposition,
    /// `…, a clerk who asked not to be named, said`, `A woman who lives near the pier said`:
    /// the noun phrase before a relative clause that runs up to the cue (a report inside
    /// the clause, `who said she was a volunteer`, is part of the description).
    Described,
    /// `The memo, written in May and obtained by the Ledger, warned …`: the subject opening
    /// the sentence before a parenthesis (a participle, a relative clause, `many of whom`)
    /// that runs up to the cue.
    Parenthesized,
    /// `Lee smiled and said …`: the subject of the first of two coordinated verbs.
    Coordinated,
    /// `Citing the storm, the council …`: a participial cue opening the sentence takes the
    /// main clause's subject.
    Fronted,
    /// `The storm was described as “historic” by the weather office`: a passive cue's agent.
    PassiveAgent,
    /// `The yard was shut, with the inspector calling it “a disgrace”`: a participle cue
    /// after `with` and a noun phrase, that phrase.
    WithClause,
    /// `… — Ana Ruiz (@anaruiz) June 3, 2019`: a post embedded in the page, its author.
    EmbeddedPost,
    /// `The audit came out on Friday. It recommends …`: an `it` opening the sentence is the
    /// previous sentence's subject when that is a document or an organisation (before any
    /// organisation that spoke earlier).
    ItAntecedent,
    /// `The driver stepped out of the van. She said …`: a he/she opening the sentence is the
    /// previous sentence's subject when that is a description of a person (`the defendant`,
    /// `a neighbour`) of no other gender, and no name that may be the pronoun's is nearer.
    DescribedAntecedent,
    /// `Q: … ¶ A: …` in a Q&A interview: an answer paragraph is the words of the
    /// interviewee, the person the introduction before the first answer names most.
    Interviewee,
    /// `JOAN REYES: The creek went dry in June.` in a broadcast transcript: a turn of a
    /// named speaker is that speaker's words (the host's and the reporter's turns are
    /// narration; see [`super::transcript`]).
    TranscriptTurn,
    /// `Bay Power asked regulators for a rate rise. The filing showed …`: a document named
    /// by `the` and its noun alone, right after a sentence whose subject is an organisation
    /// or a person named in full, is that subject's: its author speaks through it.
    DocumentAuthor,
    /// `Bay Power said in a statement that … “We are sorry,” the statement said.`: a
    /// document named by `the` and its noun alone is the words of the speaker who spoke
    /// earlier in a document of that noun (`in a statement`, `in an email`).
    NamedDocumentAuthor,
    /// `Riders paid more, according to a report by the fare watchdog. … The report also says
    /// …`, `“…,” the message read.` after `a message the driver sent`: a document named by
    /// `the` and its noun alone is the words of the author the text introduced it with
    /// (`a NOUN by X`, `NOUNs from X`, `a NOUN X sent/wrote/signed`; see [`super::authors`]).
    IntroducedDocumentAuthor,
    /// `Two neighbours spoke to the paper. “…,” one said. “…,” another added.`: a bare
    /// `one` or `another` speaking is a member of the group the text just named (the
    /// previous sentence's group), or of the group that spoke last.
    GroupMember,
    /// `…, saying …`, `… and added …`: the speaker of the sentence's earlier cue, or its
    /// subject.
    Inherited,
}

/// How the reported content sits around the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentRule {
    /// `Lee said that the pier …`: the clause after `that`.
    ThatClause,
    /// `Lee said the pier …`, `Lee said, “…”`: the words after the cue.
    After,
    /// `The pier will reopen, Lee said.`: the words before the attribution.
    Before,
    /// `The pier, Lee said, will reopen.`: the whole sentence around the attribution.
    Parenthetical,
    /// `Lee said on Monday.`: a cue with no reported words (its quotations may still be
    /// credited).
    NoContent,
}

/// How a quotation without a cue of its own gets its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteRule {
    /// Another quotation of a sentence that has an attribution: the nearest cue's speaker.
    InAttributedSentence,
    /// A quotation later in the paragraph of an attributed one: the paragraph's speaker.
    ContinuesParagraph,
    /// A quotation right after a sentence of its paragraph that names a person as its
    /// subject (or opens with a he/she standing for one) and attributes nothing (`Ruiz is
    /// wary of the plan. “It costs too much.”`): the sentence leads in to that person's
    /// words.
    LeadIn,
    /// A paragraph that is one quotation and nothing else, in a dialogue (a question, its
    /// answer by someone else, each a paragraph of one quotation and its attribution): the
    /// turn of the other person (`“Are you selling?” Reyes asked. ¶ “Not this year,” Lopez
    /// said. ¶ “Then I will wait.”` → Reyes).
    DialogueTurn,
    /// A quotation opening a paragraph after an attributed one (a speech running on).
    ContinuesPreviousParagraph,
    /// A quotation before the paragraph's first attribution: that attribution's speaker.
    SpeakerOfNextQuote,
    /// `in what one driver called “a wall of smoke”`, `what critics call “…”`: a quotation
    /// right after a `what NP called` clause is the words of that clause's speaker, not the
    /// sentence's main speaker.
    WhatCalled,
}

/// The rule (or chain of rules) that made an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A cue in the sentence: the speaker rule, then the content rule.
    Cue(SpeakerRule, ContentRule),
    /// A quotation credited without a cue of its own.
    Quote(QuoteRule),
    /// No rule credited anyone.
    Unattributed,
    /// Added by hand: an attribution the engine missed (see
    /// [`crate::annotations::correction`]).
    Correction,
}

impl SpeakerRule {
    /// What the rule reads, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            SpeakerRule::AccordingTo => "according to + source",
            SpeakerRule::RelativeClause => "source, who + cue",
            SpeakerRule::Subject => "subject + cue",
            SpeakerRule::LastNounPhrase => "last noun phrase of the clause + cue",
            SpeakerRule::Inverted => "cue + speaker (inverted)",
            SpeakerRule::Apposition => "name, apposition, + cue",
            SpeakerRule::Described => "noun phrase, who + relative clause, + cue",
            SpeakerRule::Parenthesized => "subject, parenthesis, + cue",
            SpeakerRule::Coordinated => "subject + verb + and + cue",
            SpeakerRule::Fronted => "fronted participial cue, + main clause's subject",
            SpeakerRule::PassiveAgent => "passive cue + by + agent",
            SpeakerRule::WithClause => "with + noun phrase + participle cue",
            SpeakerRule::EmbeddedPost => "embedded post — author (@handle)",
            SpeakerRule::ItAntecedent => {
                "it + cue: the previous sentence's document or organisation"
            }
            SpeakerRule::DescribedAntecedent => {
                "he/she + cue: the previous sentence's described person"
            }
            SpeakerRule::Interviewee => "Q&A answer (A:): the interviewee the introduction names",
            SpeakerRule::TranscriptTurn => "transcript turn (NAME:): the label's speaker",
            SpeakerRule::DocumentAuthor => "the + document + cue: the previous sentence's subject",
            SpeakerRule::GroupMember => "one/another + cue: a member of the group just named",
            SpeakerRule::IntroducedDocumentAuthor => {
                "the + document + cue: the author it was introduced with"
            }
            SpeakerRule::NamedDocumentAuthor => {
                "the + document + cue: who spoke earlier in a document of that noun"
            }
            SpeakerRule::Inherited => "participle/coordinated cue inherits the speaker",
        }
    }

    /// The confidence a speaker found by this rule starts from (0–1).
    pub fn confidence(self) -> f32 {
        match self {
            SpeakerRule::AccordingTo | SpeakerRule::Subject | SpeakerRule::Inverted => 0.9,
            SpeakerRule::Apposition | SpeakerRule::EmbeddedPost => 0.85,
            SpeakerRule::Interviewee | SpeakerRule::TranscriptTurn => 0.8,
            SpeakerRule::RelativeClause
            | SpeakerRule::LastNounPhrase
            | SpeakerRule::Described
            | SpeakerRule::Parenthesized
            | SpeakerRule::DescribedAntecedent
            | SpeakerRule::DocumentAuthor
            | SpeakerRule::NamedDocumentAuthor
            | SpeakerRule::IntroducedDocumentAuthor
            | SpeakerRule::GroupMember => 0.7,
            SpeakerRule::Inherited
            | SpeakerRule::ItAntecedent
            | SpeakerRule::Coordinated
            | SpeakerRule::Fronted
            | SpeakerRule::PassiveAgent
            | SpeakerRule::WithClause => 0.75,
        }
    }
}

impl ContentRule {
    /// Where the content is, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            ContentRule::ThatClause => "that-clause after the cue",
            ContentRule::After => "content after the cue",
            ContentRule::Before => "content before the attribution",
            ContentRule::Parenthetical => "parenthetical: the sentence around it",
            ContentRule::NoContent => "no reported words",
        }
    }

    /// How much the content cut lowers the confidence (a factor, 0–1).
    pub fn confidence(self) -> f32 {
        match self {
            ContentRule::ThatClause | ContentRule::Before | ContentRule::NoContent => 1.0,
            ContentRule::After => 0.95,
            ContentRule::Parenthetical => 0.9,
        }
    }
}

impl QuoteRule {
    /// How the quotation got its speaker, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            QuoteRule::InAttributedSentence => "quotation in an attributed sentence",
            QuoteRule::ContinuesParagraph => "continues the paragraph's speaker",
            QuoteRule::LeadIn => "the person the sentence before names as its subject",
            QuoteRule::DialogueTurn => "a dialogue's turn: the other person",
            QuoteRule::ContinuesPreviousParagraph => "continues the previous paragraph's speaker",
            QuoteRule::SpeakerOfNextQuote => "speaker of the next attributed quotation",
            QuoteRule::WhatCalled => "the speaker of the `what … called` clause before it",
        }
    }

    /// The confidence such a credit starts from (0–1).
    pub fn confidence(self) -> f32 {
        match self {
            QuoteRule::InAttributedSentence => 0.8,
            QuoteRule::ContinuesParagraph => 0.75,
            QuoteRule::LeadIn => 0.6,
            QuoteRule::DialogueTurn => 0.55,
            QuoteRule::ContinuesPreviousParagraph => 0.6,
            QuoteRule::SpeakerOfNextQuote => 0.55,
            QuoteRule::WhatCalled => 0.75,
        }
    }
}

impl Rule {
    /// The rule chain's typed name (`Subject → ThatClause`), printed by `--explain`.
    ///
    /// ```
    /// use hearsay::attribution::rules::{ContentRule, Rule, SpeakerRule};
    /// let r = Rule::Cue(SpeakerRule::Subject, ContentRule::ThatClause);
    /// assert_eq!(r.name(), "Subject → ThatClause");
    /// ```
    pub fn name(self) -> String {
        match self {
            Rule::Cue(s, c) => format!("{s:?} → {c:?}"),
            Rule::Quote(q) => format!("{q:?}"),
            Rule::Unattributed => "Unattributed".to_string(),
            Rule::Correction => "Correction".to_string(),
        }
    }

    /// What the rule chain reads, in words, for `--explain`.
    pub fn describe(self) -> String {
        match self {
            Rule::Cue(s, c) => format!("{}; {}", s.describe(), c.describe()),
            Rule::Quote(q) => q.describe().to_string(),
            Rule::Unattributed => "no rule credited a speaker".to_string(),
            Rule::Correction => "added by hand (a saved correction)".to_string(),
        }
    }

    /// The confidence the rule chain gives before the evidence about the speaker.
    pub fn confidence(self) -> f32 {
        match self {
            Rule::Cue(s, c) => s.confidence() * c.confidence(),
            Rule::Quote(q) => q.confidence(),
            Rule::Unattributed => 0.0,
            Rule::Correction => 1.0,
        }
    }

    /// Whether a speaker rule matches `self` (for fixtures and tests).
    pub fn speaker_rule(self) -> Option<SpeakerRule> {
        match self {
            Rule::Cue(s, _) => Some(s),
            _ => None,
        }
    }
}
