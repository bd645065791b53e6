//! What `y` and `Y` copy, and the OSC 52 sequence that puts it on the clipboard.
//!
//! - [`format_source`] fills a template from the config (`[clipboard] quote` / `claim`) with a
//!   quote or claim and its source: `“We cannot wait,” said Maria Lopez, chair of the
//!   committee (The Harbor Ledger, 2026-03-03)`.
//! - [`highlight_markdown`] is a highlight as Markdown: block quote, speaker, note.
//! - [`osc52`] builds the escape sequence (base64 text, wrapped for tmux when inside it);
//!   [`support`] says when a terminal is known not to take it, so the reader can say so and
//!   offer to write the text to a file instead.
//!
//! Everything here is pure: the reader writes the sequence to the terminal.
//!
//! ## Templates
//!
//! `{text}`, `{speaker}`, `{role}`, `{publication}`, `{date}`, `{title}`, `{byline}` and
//! `{source}` are replaced by their values. A part in square brackets is kept only when
//! every field in it has a value (brackets nest): `[ said {speaker}][, {role}]` drops
//! `, {role}` for a speaker without a role. A backslash writes the next character as it is
//! (`\[`, `\{`; in a TOML basic string, `"\\["`).

use base64::Engine;

use crate::printable::printable_text;

/// The default template for a quotation (the words inside its marks).
pub const DEFAULT_QUOTE: &str = "“{text}”[ said {speaker}][, {role}][ ({publication}[, {date}])]";

/// The default template for a claim (reported speech, no marks of its own).
pub const DEFAULT_CLAIM: &str = "[{speaker}[, {role},] said: ]{text}[ ({publication}[, {date}])]";

/// The largest text sent through OSC 52 (bytes before base64). xterm and many terminals
/// cap the sequence near 100 kB; larger texts are refused and offered as a file.
pub const MAX_OSC52_TEXT: usize = 74_994;

/// The values a template can use; empty ones make their bracketed part disappear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The quote's words or the claim's content.
    pub text: String,
    /// Who said it.
    pub speaker: String,
    /// The speaker's role (`chair of the committee`).
    pub role: String,
    /// The publication.
    pub publication: String,
    /// The publication date.
    pub date: String,
    /// The headline.
    pub title: String,
    /// The byline.
    pub byline: String,
    /// The article as opened (a path, or `-`).
    pub source: String,
}

impl Fields {
    fn get(&self, name: &str) -> Option<&str> {
        Some(match name {
            "text" => &self.text,
            "speaker" => &self.speaker,
            "role" => &self.role,
            "publication" => &self.publication,
            "date" => &self.date,
            "title" => &self.title,
            "byline" => &self.byline,
            "source" => &self.source,
            _ => return None,
        })
    }
}

/// Errors in a template (reported with the config file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// `{name}` is not a known field.
    #[error(
        "unknown field '{{{0}}}' in the clipboard template; use text, speaker, role, publication, date, title, byline or source"
    )]
    UnknownField(String),
    /// A `{` or `[` is not closed, or a `]` has no `[`.
    #[error("unbalanced '{0}' in the clipboard template; write '\\{0}' for the character itself")]
    Unbalanced(char),
}

/// Checks a template (fields known, brackets balanced).
///
/// ```
/// use hearsay::annotations::clipboard::check_template;
/// assert!(check_template("“{text}” [{speaker}]").is_ok());
/// assert!(check_template("{who}").is_err());
/// ```
pub fn check_template(template: &str) -> Result<(), TemplateError> {
    fill(template, &Fields::default()).map(|_| ())
}

/// Fills `template` with `fields` (see the module docs). White space in values is collapsed
/// to single spaces, and control characters are made visible.
///
/// ```
/// use hearsay::annotations::clipboard::{DEFAULT_QUOTE, Fields, format_source};
/// let mut f = Fields {
///     text: "We cannot wait,".into(),
///     speaker: "Maria Lopez".into(),
///     role: "chair of the committee".into(),
///     publication: "The Harbor Ledger".into(),
///     date: "2026-03-03".into(),
///     ..Fields::default()
/// };
/// assert_eq!(
///     format_source(DEFAULT_QUOTE, &f).unwrap(),
///     "“We cannot wait,” said Maria Lopez, chair of the committee (The Harbor Ledger, 2026-03-03)"
/// );
/// f.role.clear();
/// f.date.clear();
/// assert_eq!(
///     format_source(DEFAULT_QUOTE, &f).unwrap(),
///     "“We cannot wait,” said Maria Lopez (The Harbor Ledger)"
/// );
/// ```
pub fn format_source(template: &str, fields: &Fields) -> Result<String, TemplateError> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let fields = Fields {
        text: tidy(&fields.text),
        speaker: tidy(&fields.speaker),
        role: tidy(&fields.role),
        publication: tidy(&fields.publication),
        date: tidy(&fields.date),
        title: tidy(&fields.title),
        byline: tidy(&fields.byline),
        source: tidy(&fields.source),
    };
    Ok(printable_text(&fill(template, &fields)?).into_owned())
}

/// The template engine: a stack of open `[` groups, each with its text so far and whether
/// every field in it had a value.
fn fill(template: &str, fields: &Fields) -> Result<String, TemplateError> {
    let mut stack: Vec<(String, bool)> = vec![(String::new(), true)];
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let top = stack.len() - 1;
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    stack[top].0.push(next);
                }
            }
            '[' => stack.push((String::new(), true)),
            ']' => {
                if top == 0 {
                    return Err(TemplateError::Unbalanced('['));
                }
                let (text, complete) = stack.pop().unwrap_or_default();
                if complete {
                    stack[top - 1].0.push_str(&text);
                }
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) => name.push(ch),
                        None => return Err(TemplateError::Unbalanced('{')),
                    }
                }
                let value = fields
                    .get(name.trim())
                    .ok_or_else(|| TemplateError::UnknownField(name.clone()))?;
                if value.is_empty() {
                    stack[top].1 = false;
                }
                stack[top].0.push_str(value);
            }
            '}' => return Err(TemplateError::Unbalanced('}')),
            c => stack[top].0.push(c),
        }
    }
    if stack.len() != 1 {
        return Err(TemplateError::Unbalanced('['));
    }
    Ok(stack.pop().map(|(t, _)| t).unwrap_or_default())
}

/// A highlight as Markdown, for `Y`: the text as a block quote (paragraphs kept), a line
/// with the speaker and the source, and the note beneath.
///
/// ```
/// use hearsay::annotations::clipboard::highlight_markdown;
/// let md = highlight_markdown("We will rebuild.", Some("Ana Ruiz"), "The Ledger, 2026-03-03", "Check.");
/// assert_eq!(md, "> We will rebuild.\n>\n> — Ana Ruiz (The Ledger, 2026-03-03)\n\nCheck.\n");
/// ```
pub fn highlight_markdown(text: &str, speaker: Option<&str>, source: &str, note: &str) -> String {
    let mut out = String::new();
    for (i, para) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str(">\n");
        }
        out.push_str("> ");
        out.push_str(&para.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push('\n');
    }
    let attribution = match (speaker.filter(|s| !s.trim().is_empty()), source.trim()) {
        (Some(s), "") => Some(s.to_string()),
        (Some(s), src) => Some(format!("{s} ({src})")),
        (None, "") => None,
        (None, src) => Some(src.to_string()),
    };
    if let Some(a) = attribution {
        out.push_str(">\n> — ");
        out.push_str(&a);
        out.push('\n');
    }
    if !note.trim().is_empty() {
        out.push('\n');
        out.push_str(note.trim());
        out.push('\n');
    }
    printable_text(&out).into_owned()
}

/// Whether the terminal can be asked to set the clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    /// Send OSC 52 (inside tmux: wrapped for its passthrough).
    Osc52 {
        /// Running inside tmux (`$TMUX` set).
        tmux: bool,
    },
    /// Known not to work; the reason, for the status bar.
    Refused(String),
}

/// Decides from the config switch and the environment (`TERM`, `TMUX`) whether to send
/// OSC 52. The Linux console and dumb terminals do not implement it.
///
/// ```
/// use hearsay::annotations::clipboard::{Support, support};
/// assert_eq!(support(true, Some("xterm-256color"), None), Support::Osc52 { tmux: false });
/// assert_eq!(support(true, Some("tmux-256color"), Some("/tmp/tmux-0/default,1,0")), Support::Osc52 { tmux: true });
/// assert!(matches!(support(true, Some("linux"), None), Support::Refused(_)));
/// assert!(matches!(support(false, Some("xterm"), None), Support::Refused(_)));
/// ```
pub fn support(enabled: bool, term: Option<&str>, tmux: Option<&str>) -> Support {
    if !enabled {
        return Support::Refused(
            "clipboard writes are off in the config ([clipboard] osc52)".into(),
        );
    }
    match term {
        Some(t @ ("linux" | "dumb" | "vt100" | "vt220")) => Support::Refused(format!(
            "this terminal ('{t}') does not take clipboard writes (OSC 52)"
        )),
        _ => Support::Osc52 {
            tmux: tmux.is_some_and(|t| !t.is_empty()),
        },
    }
}

/// The OSC 52 sequence that sets the clipboard to `text`; inside tmux, wrapped in its DCS
/// passthrough (ESC doubled) so it reaches the outer terminal. `None` when the text is
/// over [`MAX_OSC52_TEXT`].
///
/// ```
/// use hearsay::annotations::clipboard::osc52;
/// assert_eq!(osc52("hi", false).unwrap(), "\x1b]52;c;aGk=\x07");
/// assert_eq!(osc52("hi", true).unwrap(), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
/// ```
pub fn osc52(text: &str, tmux: bool) -> Option<String> {
    if text.len() > MAX_OSC52_TEXT {
        return None;
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    Some(if tmux {
        format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
    } else {
        seq
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_drop_parts_without_values_and_escape_brackets() {
        let f = Fields {
            text: "The dam will  hold".into(),
            speaker: "Engineers".into(),
            ..Fields::default()
        };
        assert_eq!(
            format_source(DEFAULT_CLAIM, &f).unwrap(),
            "Engineers said: The dam will hold"
        );
        let nobody = Fields {
            text: "The dam will hold".into(),
            ..Fields::default()
        };
        assert_eq!(
            format_source(DEFAULT_CLAIM, &nobody).unwrap(),
            "The dam will hold"
        );
        assert_eq!(
            format_source("\\[{text}\\] \\{x\\} [{speaker}[ {text}]]", &f).unwrap(),
            "[The dam will hold] {x} Engineers The dam will hold"
        );
        assert_eq!(
            format_source("[{speaker}", &f),
            Err(TemplateError::Unbalanced('['))
        );
        assert_eq!(format_source("a]", &f), Err(TemplateError::Unbalanced('[')));
        assert_eq!(
            format_source("{text", &f),
            Err(TemplateError::Unbalanced('{'))
        );
        assert_eq!(
            format_source("{who}", &f),
            Err(TemplateError::UnknownField("who".into()))
        );
        // a control character in a value never reaches the clipboard as it is
        let evil = Fields {
            text: "a\u{1b}]52;c;x\u{7}".into(),
            ..Fields::default()
        };
        assert!(!format_source("{text}", &evil).unwrap().contains('\u{1b}'));
    }

    #[test]
    fn osc52_refuses_a_text_over_the_limit() {
        assert!(osc52(&"x".repeat(MAX_OSC52_TEXT), false).is_some());
        assert!(osc52(&"x".repeat(MAX_OSC52_TEXT + 1), false).is_none());
    }
}
