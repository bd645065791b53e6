//! Edge cases of quotation scanning and of the attribution rules on small inputs.

use hearsay::attribution::{self, ClaimKind, SpeakerKind, quotes::scan};

fn inner(text: &str) -> Vec<&str> {
    scan(text).into_iter().map(|q| &text[q.inner]).collect()
}

#[test]
fn curly_and_straight_double_quotes() {
    assert_eq!(
        inner("“One,” she said. \"Two,\" he said."),
        ["One,", "Two,"]
    );
}

#[test]
fn apostrophes_and_primes_never_open_a_quote() {
    assert!(inner("It’s the ’90s, rock ’n’ roll, the players’ union and O’Brien.").is_empty());
    assert!(inner("He is 6'2\" tall and the board is 5′11″ wide.").is_empty());
    assert!(inner("The 5\" pipe and the 3\" valve.").is_empty());
}

#[test]
fn pasted_double_single_closers() {
    assert_eq!(
        inner("“go get them’’ — meaning the cartels"),
        ["go get them"]
    );
    assert_eq!(
        inner("\"I had no reason to lie.'' He left."),
        ["I had no reason to lie."]
    );
    // a doubled straight opener is one opener; an empty pair stays nothing
    assert_eq!(
        inner("\"\"Ana's work was outstanding,\" Lee said of \"\" marks."),
        ["Ana's work was outstanding,"]
    );
}

#[test]
fn nested_single_quotes_stay_inside() {
    let t = "“They say, ‘Oh my God, you’re doing this?’ ” she said.";
    assert_eq!(inner(t), ["They say, ‘Oh my God, you’re doing this?’"]);
    let t = "\"At what point does 'following orders' stop?\" Benn asked.";
    assert_eq!(inner(t), ["At what point does 'following orders' stop?"]);
}

#[test]
fn brackets_inside_quotes() {
    let t = "“because now we have the [foreign terrorist] designation,” said one person.";
    assert_eq!(
        inner(t),
        ["because now we have the [foreign terrorist] designation,"]
    );
}

#[test]
fn unbalanced_mark_is_closed_at_paragraph_end() {
    let q = scan("“This quote runs on and on without a closer");
    assert_eq!(q.len(), 1);
    assert!(!q[0].closed);
    // a second opener while one is open: the first is recovered before it
    let t = "“First without end. “Second,” he said.";
    assert_eq!(inner(t), ["First without end.", "Second,"]);
}

#[test]
fn top_level_single_quotes() {
    assert_eq!(
        inner("The team called it ‘a fresh start’ on Monday."),
        ["a fresh start"]
    );
}

#[test]
fn straight_single_quotes_beside_apostrophes() {
    // lowercase fragments open when their closer follows in the sentence
    assert_eq!(
        inner("They said they had 'drifted apart' but stayed 'close friends'."),
        ["drifted apart", "close friends"]
    );
    // a plural possessive inside is no closer when a real one follows; one at the end is
    assert_eq!(
        inner("'The riders' club will stay open,' she said of the Keanes' plan."),
        ["The riders' club will stay open,"]
    );
    assert_eq!(
        inner("The pair stayed 'good neighbours' but drifted apart."),
        ["good neighbours"]
    );
    // clipped words and lone letters are apostrophes
    assert!(inner("'Tis the season: rock 'n' roll till dawn, sittin' on the dock.").is_empty());
    assert!(inner("They lost 'em all in the '90s, 'til the Joneses' win.").is_empty());
    assert_eq!(
        inner("'We played rock 'n' roll,' he said."),
        ["We played rock 'n' roll,"]
    );
    // a quotation may open with a figure, never a clipped decade
    assert_eq!(
        inner("'24 hours a day, the crews worked,' she said of the '90s."),
        ["24 hours a day, the crews worked,"]
    );
    // a double quotation nested in a single one stays inside it
    assert_eq!(
        inner("'She told me \"go home\", and I went,' he said."),
        ["She told me \"go home\", and I went,"]
    );
    assert_eq!(
        inner("‘He said “never” twice,’ she said."),
        ["He said “never” twice,"]
    );
    // apostrophes inside an open single quotation never close it
    assert_eq!(
        inner("'It's nobody's fault,' she said."),
        ["It's nobody's fault,"]
    );
}

#[test]
fn single_quote_left_open_runs_into_the_next_paragraph() {
    // a speech opening the paragraph, or after a colon, is kept though it is not closed
    let q = scan("'We're sad. It's nobody's fault, and we'll stay a family.");
    assert_eq!(q.len(), 1);
    assert!(!q[0].closed && q[0].single);
    assert_eq!(
        inner("They wrote: 'We've decided to part. We're still friends."),
        ["We've decided to part. We're still friends."]
    );
    assert_eq!(
        inner("The pair split in May. 'We're still friends. We'll always be."),
        ["We're still friends. We'll always be."]
    );
    // mid-sentence, an unclosed mark was an apostrophe
    assert!(inner("Mo said 'Bye and left.").is_empty());
}

#[test]
fn unattributed_single_quotes_are_scare_quotes_where_quotes_are_double() {
    let doc = hearsay::document::ingest(
        "Headline\n\n\"We will reopen,\" said Ana Ruiz.\n\nThe plan is a 'soft launch' of the pier.\n".into(),
    );
    let a = attribution::analyze(&doc);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    // in an article quoting with single marks, the same span stays a quotation
    let doc = hearsay::document::ingest(
        "Headline\n\n'We will reopen,' said Ana Ruiz.\n\nThe plan is a 'soft launch' of the pier.\n".into(),
    );
    assert_eq!(attribution::analyze(&doc).quotes.len(), 2);
}

#[test]
fn only_quote_marks_and_empty_quotes() {
    assert!(inner("“”“”\"\"''’’").is_empty());
    assert!(inner("\"").is_empty());
}

#[test]
fn unbalanced_quote_does_not_swallow_the_next_paragraph() {
    let doc = hearsay::document::ingest(
        "Headline\n\n“This opener is never closed, the mayor said.\n\nThe council met on Tuesday, officials said.\n"
            .into(),
    );
    let a = attribution::analyze(&doc);
    assert_eq!(a.quotes.len(), 1);
    let c = a
        .claims
        .iter()
        .find(|c| c.text(&doc).starts_with("The council met"))
        .expect("the second paragraph is read as a claim");
    assert_eq!(c.kind, ClaimKind::Indirect);
    let s = a.speaker(c.speaker.expect("a speaker")).expect("speaker");
    assert_eq!(s.name, "officials");
}

#[test]
fn multi_paragraph_quote_continues_its_speaker() {
    let doc = hearsay::document::ingest(
        "Headline\n\n“We opened the doors at six,” said Nora Kell, the shelter's director. “By seven the beds were gone.\n\n“We turned away eleven people that night.”\n"
            .into(),
    );
    let a = attribution::analyze(&doc);
    assert_eq!(a.quotes.len(), 3);
    let ids: Vec<Option<usize>> = a.quotes.iter().map(|q| q.speaker).collect();
    assert!(ids.iter().all(|s| *s == ids[0] && s.is_some()));
    let s = a.speaker(ids[0].expect("speaker")).expect("speaker");
    assert_eq!(s.name, "Nora Kell");
    assert_eq!(s.role.as_deref(), Some("the shelter's director"));
}

#[test]
fn pronoun_surname_and_anonymous_sources() {
    let doc = hearsay::document::ingest(
        "Headline\n\nThe mill will close in March, people familiar with the plan said.\n\nPlant manager Iris Dunmore said the decision was made in Chicago. She added that workers would be offered transfers.\n\nDunmore declined to say how many. The talks were tense, one person said.\n"
            .into(),
    );
    let a = attribution::analyze(&doc);
    let by = |needle: &str| {
        let c = a
            .claims
            .iter()
            .find(|c| c.text(&doc).contains(needle))
            .expect(needle);
        a.speaker(c.speaker.expect("speaker"))
            .expect("speaker")
            .clone()
    };
    assert_eq!(by("close in March").kind, SpeakerKind::Anonymous);
    assert_eq!(by("made in Chicago").name, "Iris Dunmore");
    assert_eq!(by("offered transfers").name, "Iris Dunmore");
    let one = by("were tense");
    assert_eq!(one.kind, SpeakerKind::Anonymous);
    assert_ne!(one.name, by("close in March").name);
}

#[test]
fn headline_quotes_are_not_attributed() {
    let doc = hearsay::document::ingest(
        "Mayor calls budget “a disaster”\n\nThe budget passed on Monday.\n".into(),
    );
    let a = attribution::analyze(&doc);
    assert!(a.quotes.is_empty());
    assert!(a.claims.is_empty());
}

#[test]
fn offsets_point_into_the_source() {
    let src = "Headline\n\n“We  will rebuild,”   said Ana Ruiz.\n\nThe bridge   will reopen in May, engineers said.\n";
    let doc = hearsay::document::ingest(src.into());
    let a = attribution::analyze(&doc);
    let q = &a.quotes[0];
    assert_eq!(q.text(&doc), "We will rebuild,");
    assert_eq!(&src[q.start..q.end], "“We  will rebuild,”");
    assert_eq!(a.claims[0].kind, ClaimKind::Direct);
    let c = &a.claims[1];
    assert_eq!(c.kind, ClaimKind::Indirect);
    assert_eq!(&src[c.start..c.end], "The bridge   will reopen in May");
}
