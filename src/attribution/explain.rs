//! Human-readable account of each attribution and the rule that made it, printed by
//! `hearsay analyze --explain`.

use super::Analysis;
use crate::document::Document;
use std::fmt::Write;

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n).collect();
    out.push('…');
    out
}

/// `1 quote`, `2 quotes`: a count with its noun in the right number.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Renders every claim and every quotation of `a` (the analysis of `doc`) with its speaker,
/// cue and rule.
///
/// ```
/// let doc = hearsay::document::ingest("Title\n\nThe dam will hold, engineers said.\n".into());
/// let a = hearsay::attribution::analyze(&doc);
/// let text = hearsay::attribution::explain::render(&doc, &a);
/// assert!(text.contains("engineers"));
/// ```
pub fn render(doc: &Document, a: &Analysis) -> String {
    let mut out = String::new();
    let name = |id: Option<usize>| {
        id.and_then(|i| a.speaker(i))
            .map_or_else(|| "(no speaker)".to_string(), |s| s.name.clone())
    };
    let _ = writeln!(out, "speakers:");
    for s in &a.speakers {
        let _ = write!(out, "  [{}] {} ({:?}", s.id, s.name, s.kind);
        if let Some(r) = &s.role {
            let _ = write!(out, ", {r}");
        }
        let _ = writeln!(
            out,
            ") — {}, {}",
            counted(s.quotes, "quote"),
            counted(s.claims, "claim")
        );
        if !s.aliases.is_empty() {
            let _ = writeln!(out, "      also: {}", s.aliases.join(", "));
        }
    }
    let _ = writeln!(out, "claims:");
    for c in &a.claims {
        let _ = writeln!(
            out,
            "  ¶{} {:?} {} ← {} [{}]\n      rule: {} ({}), confidence {:.2}",
            c.paragraph
                .map_or_else(|| "-".to_string(), |p| p.to_string()),
            c.kind,
            clip(&c.text(doc), 90),
            name(c.speaker),
            c.cue.as_deref().unwrap_or("no cue"),
            c.rule.name(),
            c.rule.describe(),
            c.confidence
        );
    }
    let _ = writeln!(out, "quotes:");
    for q in &a.quotes {
        let _ = writeln!(
            out,
            "  ¶{} “{}” ← {} (rule: {}, confidence {:.2})",
            q.paragraph
                .map_or_else(|| "-".to_string(), |p| p.to_string()),
            clip(&q.text(doc), 70),
            name(q.speaker),
            q.rule.name(),
            q.confidence
        );
    }
    let s = &a.sourcing;
    let _ = writeln!(
        out,
        "sourcing: {} named person, {} unnamed person, {} organization, {} group, {} anonymous, {} document, {} unattributed",
        s.named_person,
        s.unnamed_person,
        s.organization,
        s.group,
        s.anonymous,
        s.document,
        s.unattributed
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_pluralised_by_number() {
        let doc = crate::document::ingest(
            "Title\n\n“The pier will reopen,” Ana Ruiz said.\n\n“We are ready,” Tom Reyes said. “Crews start on Monday,” he said.\n".into(),
        );
        let a = crate::attribution::analyze(&doc);
        let text = render(&doc, &a);
        assert!(
            text.contains("Ana Ruiz (Person) — 1 quote, 1 claim\n"),
            "{text}"
        );
        assert!(
            text.contains("Tom Reyes (Person) — 2 quotes, 2 claims\n"),
            "{text}"
        );
    }
}
