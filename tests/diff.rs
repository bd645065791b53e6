//! `hearsay::diff` on version pairs made from a fictional article
//! (`tests/fixtures/diff/lighthouse.txt`): each kind of change is detected and labelled, a
//! re-wrapped copy reports nothing, a moved paragraph is "moved", minor edits fold.

use hearsay::diff::align::RowStatus;
use hearsay::diff::words::Op;
use hearsay::diff::{ChangeKind, Diff, Options, compare_documents};
use hearsay::document::ingest;

const BASE: &str = include_str!("fixtures/diff/lighthouse.txt");

fn diff_with(old: &str, new: &str, opts: &Options) -> Diff {
    compare_documents(&ingest(old.to_string()), &ingest(new.to_string()), opts)
}

fn diff(old: &str, new: &str) -> Diff {
    diff_with(old, new, &Options::default())
}

/// The base article with each `(from, to)` replaced once (the text must be there).
fn edit(edits: &[(&str, &str)]) -> String {
    let mut s = BASE.to_string();
    for (from, to) in edits {
        assert!(s.contains(from), "fixture lacks {from:?}");
        s = s.replacen(from, to, 1);
    }
    s
}

fn kinds(d: &Diff) -> Vec<ChangeKind> {
    let mut k: Vec<ChangeKind> = d.changes.iter().map(|c| c.kind).collect();
    k.sort();
    k
}

fn one(d: &Diff, kind: ChangeKind) -> &hearsay::diff::Change {
    let found: Vec<_> = d.changes.iter().filter(|c| c.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {:#?}", d.changes);
    found[0]
}

const COTTAGE: &str =
    "The cottage beside the tower is being repaired and will be ready in August.\n\n";

#[test]
fn the_same_text_has_no_change() {
    let d = diff(BASE, BASE);
    assert!(d.is_empty(), "{:#?}", d.changes);
    assert_eq!(d.summary, "no changes");
    assert!(d.rows.iter().all(|r| r.status == RowStatus::Unchanged));
}

/// Hard-wraps every paragraph of `text` at `width` columns (blank lines kept).
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for para in text.split("\n\n") {
        let mut line = String::new();
        for w in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

#[test]
fn a_rewrapped_or_reflowed_copy_reports_no_change() {
    let versions = [
        BASE.replace('\n', "\r\n"),
        BASE.replace(". ", ".  ").replace("\n\n", "\n\n\n"),
        format!("\n\n{}   \n", BASE.replace(' ', " \t ")),
    ];
    // (headlines are not wrapped: a title over two lines reads as a title and a dek)
    let header_end = BASE.match_indices("\n\n").nth(3).map_or(0, |(i, _)| i + 2);
    let (header, body) = BASE.split_at(header_end);
    let versions = versions.map(|v| v);
    let mut versions = versions.to_vec();
    versions.extend([40, 60, 72].map(|w| format!("{header}{}", hard_wrap(body, w))));
    for (i, v) in versions.iter().enumerate() {
        let d = diff(BASE, v);
        assert!(d.is_empty(), "version {i}: {:#?}", d.changes);
        assert_eq!(d.minor_folded, 0, "version {i}");
        assert!(
            d.rows.iter().all(|r| r.status == RowStatus::Unchanged),
            "version {i}: {:?}",
            d.rows.iter().map(|r| r.status).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_moved_paragraph_is_moved_not_removed_and_added() {
    let moved =
        edit(&[(COTTAGE, "")]).replacen("Fishing crews", &format!("{COTTAGE}Fishing crews"), 1);
    let d = diff(BASE, &moved);
    assert_eq!(kinds(&d), [ChangeKind::ParagraphMoved], "{:#?}", d.changes);
    assert_eq!(d.summary, "1 paragraph moved");
    let row = &d.rows[one(&d, ChangeKind::ParagraphMoved).row.expect("a row")];
    assert_eq!(row.status, RowStatus::Moved);
    // moving a paragraph with a quotation moves the quotation too: no quote change
    let quote_moved = edit(&[(
        "Fishing crews welcomed the plan. “We lost two boats on those rocks,” said Sofie Lund, who skippers a trawler.\n\n",
        "",
    )])
    .replacen(
        "“A light",
        "Fishing crews welcomed the plan. “We lost two boats on those rocks,” said Sofie Lund, who skippers a trawler.\n\n“A light",
        1,
    );
    let d = diff(BASE, &quote_moved);
    assert_eq!(kinds(&d), [ChangeKind::ParagraphMoved], "{:#?}", d.changes);
}

#[test]
fn header_changes_are_labelled() {
    let cases = [
        (
            (
                "Lighthouse keepers return to Skarvik Point",
                "Keepers go back to the Skarvik Point light",
            ),
            ChangeKind::HeadlineChanged,
            "headline changed",
        ),
        (
            (
                "after forty years of automation",
                "after four decades run by machines",
            ),
            ChangeKind::DekChanged,
            "dek changed",
        ),
        (
            ("By Ines Marlow", "By Ines Marlow and Tor Eide"),
            ChangeKind::BylineChanged,
            "byline changed",
        ),
        (
            ("June 12, 2026", "June 13, 2026"),
            ChangeKind::DateChanged,
            "date changed",
        ),
    ];
    for ((from, to), kind, summary) in cases {
        let d = diff(BASE, &edit(&[(from, to)]));
        assert_eq!(kinds(&d), [kind], "{from} → {to}: {:#?}", d.changes);
        assert_eq!(d.summary, summary);
        let c = one(&d, kind);
        assert!(c.words.iter().any(|w| w.op == Op::Insert), "{c:?}");
        assert!(c.row.is_some());
    }
}

#[test]
fn quotes_added_removed_reworded_and_given_to_another_speaker() {
    // added, with its speaker
    let d = diff(
        BASE,
        &edit(&[(
            COTTAGE,
            &format!(
                "{COTTAGE}“The lamp is older than the town hall,” said Nils Aas, a local historian.\n\n"
            ),
        )]),
    );
    assert_eq!(
        kinds(&d),
        [
            ChangeKind::QuoteAdded,
            ChangeKind::SpeakerAdded,
            ChangeKind::ParagraphAdded
        ]
    );
    let c = one(&d, ChangeKind::QuoteAdded);
    assert_eq!(
        c.new.as_deref(),
        Some("The lamp is older than the town hall,")
    );
    assert_eq!(c.new_speaker.as_deref(), Some("Nils Aas"));
    assert_eq!(
        d.summary,
        "1 quote added, 1 speaker added, 1 paragraph added"
    );

    // removed, and its only speaker with it
    let d = diff(
        BASE,
        &edit(&[(
            " “We lost two boats on those rocks,” said Sofie Lund, who skippers a trawler.",
            "",
        )]),
    );
    assert_eq!(
        kinds(&d),
        [
            ChangeKind::QuoteRemoved,
            ChangeKind::SpeakerRemoved,
            ChangeKind::ParagraphEdited
        ]
    );
    assert_eq!(
        one(&d, ChangeKind::QuoteRemoved).old_speaker.as_deref(),
        Some("Sofie Lund")
    );

    // reworded: one quote reworded, not one removed and one added
    let d = diff(
        BASE,
        &edit(&[(
            "people who know the sea",
            "people who truly know the sea and its moods",
        )]),
    );
    assert_eq!(
        kinds(&d),
        [ChangeKind::QuoteReworded, ChangeKind::ParagraphEdited]
    );
    let c = one(&d, ChangeKind::QuoteReworded);
    let inserted: String = c
        .words
        .iter()
        .filter(|w| w.op == Op::Insert)
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join("|");
    assert_eq!(inserted, "truly|and its moods");
    assert_eq!(c.new_speaker.as_deref(), Some("Harald Brenn"));

    // the same words given to someone else
    let d = diff(
        BASE,
        &edit(&[("said Sofie Lund, who", "said Erik Dahl, who")]),
    );
    let c = one(&d, ChangeKind::QuoteReattributed);
    assert_eq!(c.old_speaker.as_deref(), Some("Sofie Lund"));
    assert_eq!(c.new_speaker.as_deref(), Some("Erik Dahl"));
    assert!(!kinds(&d).contains(&ChangeKind::QuoteAdded));
    assert!(!kinds(&d).contains(&ChangeKind::QuoteRemoved));
    assert!(
        d.summary.starts_with("1 quote given to another speaker"),
        "{}",
        d.summary
    );
}

#[test]
fn sources_named_and_unnamed() {
    let d = diff(
        BASE,
        &edit(&[(
            "An official involved in the hiring said",
            "Personnel chief Greta Holm said",
        )]),
    );
    let c = one(&d, ChangeKind::SourceNamed);
    assert_eq!(
        c.old_speaker.as_deref(),
        Some("An official involved in the hiring")
    );
    assert_eq!(c.new_speaker.as_deref(), Some("Greta Holm"));
    // said once: not also a speaker removed and one added
    assert_eq!(
        kinds(&d),
        [ChangeKind::SourceNamed, ChangeKind::ParagraphEdited]
    );
    assert_eq!(d.summary, "1 source now named, 1 paragraph edited");

    let d = diff(
        BASE,
        &edit(&[(
            "said Sofie Lund, who skippers a trawler",
            "said a trawler skipper",
        )]),
    );
    let c = one(&d, ChangeKind::SourceUnnamed);
    assert_eq!(c.old_speaker.as_deref(), Some("Sofie Lund"));
    assert!(
        d.summary.contains("1 source no longer named"),
        "{}",
        d.summary
    );
}

#[test]
fn claims_added_removed_reworded_and_reattributed() {
    let d = diff(
        BASE,
        &edit(&[(
            COTTAGE,
            &format!("{COTTAGE}The tower needs a new roof, engineers said.\n\n"),
        )]),
    );
    assert!(
        kinds(&d).contains(&ChangeKind::ClaimAdded),
        "{:#?}",
        d.changes
    );
    assert_eq!(
        one(&d, ChangeKind::ClaimAdded).new.as_deref(),
        Some("The tower needs a new roof")
    );

    let d = diff(
        BASE,
        &edit(&[(
            "An official involved in the hiring said twelve people had applied.\n\n",
            "",
        )]),
    );
    assert_eq!(
        kinds(&d),
        [
            ChangeKind::SpeakerRemoved,
            ChangeKind::ClaimRemoved,
            ChangeKind::ParagraphRemoved
        ]
    );

    let d = diff(
        BASE,
        &edit(&[(
            "twelve people had applied",
            "about a dozen people had applied",
        )]),
    );
    assert_eq!(
        kinds(&d),
        [ChangeKind::ClaimReworded, ChangeKind::ParagraphEdited]
    );
    assert_eq!(d.summary, "1 claim reworded, 1 paragraph edited");

    let d = diff(
        BASE,
        &edit(&[(
            "according to the job notice",
            "according to the port authority",
        )]),
    );
    let c = one(&d, ChangeKind::ClaimReattributed);
    assert_eq!(c.old_speaker.as_deref(), Some("job notice"));
}

#[test]
fn paragraphs_added_removed_and_edited() {
    let d = diff(BASE, &edit(&[(COTTAGE, "")]));
    assert_eq!(kinds(&d), [ChangeKind::ParagraphRemoved]);
    let row = &d.rows[one(&d, ChangeKind::ParagraphRemoved).row.expect("a row")];
    assert_eq!(row.status, RowStatus::Removed);
    assert!(row.segments.iter().all(|s| s.op == Op::Delete));

    let d = diff(BASE, &edit(&[("ready in August", "ready by late August")]));
    assert_eq!(kinds(&d), [ChangeKind::ParagraphEdited]);
    let row = &d.rows[one(&d, ChangeKind::ParagraphEdited).row.expect("a row")];
    let marked: Vec<(Op, &str)> = row
        .segments
        .iter()
        .filter(|s| s.op != Op::Equal)
        .map(|s| (s.op, s.text.as_str()))
        .collect();
    assert_eq!(marked, [(Op::Delete, "in"), (Op::Insert, "by late")]);
    assert_eq!(
        row.new_text(),
        "The cottage beside the tower is being repaired and will be ready by late August."
    );
}

#[test]
fn minor_edits_fold_unless_asked_for() {
    for (from, to) in [
        ("The cottage beside", "The cotage beside"),
        ("on Monday.", "on Monday!"),
        ("Fishing crews welcomed", "Fishing crews  welcomed"),
    ] {
        let new = edit(&[(from, to)]);
        let d = diff(BASE, &new);
        if from.split_whitespace().eq(to.split_whitespace()) {
            assert!(d.is_empty() && d.minor_folded == 0, "{to}");
            continue;
        }
        assert!(d.is_empty(), "{to}: {:#?}", d.changes);
        assert_eq!(d.minor_folded, 1, "{to}");
        assert_eq!(d.summary, "no changes (1 minor edit folded)");
        assert!(
            d.rows
                .iter()
                .all(|r| r.segments.iter().all(|s| s.op == Op::Equal)),
            "folded edits are not marked"
        );
        let shown = diff_with(
            BASE,
            &new,
            &Options {
                show_minor: true,
                ..Options::default()
            },
        );
        let c = one(&shown, ChangeKind::ParagraphEdited);
        assert!(c.minor);
        assert_eq!(shown.minor_folded, 0);
        assert_eq!(shown.summary, "no changes (1 minor edit)");
        assert!(shown.rows.iter().any(|r| r.status == RowStatus::Minor));
    }
    // a changed number is not minor
    let d = diff(BASE, &edit(&[("every three hours", "every two hours")]));
    assert!(
        kinds(&d).contains(&ChangeKind::ClaimReworded),
        "{:#?}",
        d.changes
    );
}

#[test]
fn many_changes_at_once_make_one_summary() {
    let new = edit(&[
        (
            "Lighthouse keepers return to Skarvik Point",
            "Keepers go back to the Skarvik Point light",
        ),
        (
            "An official involved in the hiring said",
            "Personnel chief Greta Holm said",
        ),
        (
            COTTAGE,
            &format!(
                "{COTTAGE}“The lamp is older than the town hall,” said Nils Aas, a local historian.\n\n“We will hold an open day,” said Alma Berg, the mayor.\n\n"
            ),
        ),
        (
            " “We lost two boats on those rocks,” said Sofie Lund, who skippers a trawler.",
            "",
        ),
    ]);
    let d = diff(BASE, &new);
    assert!(
        d.summary.starts_with(
            "2 quotes added, 1 removed, 1 source now named, 2 speakers added, 1 removed"
        ),
        "{}",
        d.summary
    );
    assert!(d.summary.contains("headline changed"), "{}", d.summary);
    // grouped: header first, then quotes, speakers, claims, text
    let groups: Vec<_> = d.changes.iter().map(|c| c.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted);
}
