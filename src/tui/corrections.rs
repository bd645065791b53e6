//! Corrections and copying in the reader: the [`Fixes`] part.
//!
//! - `C` on the current quote or claim opens the correction overlay
//!   ([`crate::tui::layers::CorrectLayer`]): reassign its speaker (a picker of the article's
//!   speakers, filtered as you type, or a new name with its kind), mark it "not an
//!   attribution", or merge, rename or change the kind of its speaker; `A` in a `v`
//!   selection adds an attribution the engine missed. Each correction is saved at once in
//!   the highlights file ([`crate::annotations::correction`]), the analysis is redone with
//!   every correction applied, and `u` undoes it (corrections and highlight changes are
//!   undone in the order they were made).
//! - `y` copies the current quote or claim with its source (the `[clipboard]` templates),
//!   `Y` the highlight under the cursor as Markdown, through OSC 52; where the terminal is
//!   known to refuse, the reader says so and offers to write the text to a file.
//!
//! The part changes only its own state and the store; what is drawn, written to the
//! terminal or opened comes back as [`FixOut`].

use crate::annotations::clipboard::{self, Fields, Support};
use crate::annotations::correction::{Applied, Change, Correction, apply};
use crate::annotations::export;
use crate::attribution::Analysis;
use crate::attribution::ClaimKind;
use crate::config::Config;
use crate::document::Document;
use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, FixOp};
use crate::tui::highlights::{Here, Highlights};
use crate::tui::layers::CorrectLayer;
use crate::tui::picker::Choice;
use crate::tui::sources::{Corrected, Sources, StopMark};
use crate::tui::state::{Focus, SidebarState};
use crate::tui::strings;
use std::ops::Range;

/// The reader's view of the analysis of `doc` with `corrections` applied, marking what
/// they changed.
pub fn corrected_sources(doc: &Document, corrections: &[Correction]) -> Sources {
    corrected_from(doc, crate::attribution::analyze(doc), corrections)
}

/// [`corrected_sources`] from an analysis of `doc` already made (the reader analyses while
/// the highlights file, which holds the corrections, is still being read).
pub fn corrected_from(
    doc: &Document,
    mut analysis: Analysis,
    corrections: &[Correction],
) -> Sources {
    if corrections.is_empty() {
        return Sources::from_analysis(analysis);
    }
    let applied = apply(&mut analysis, doc, corrections);
    let marked = marked_ranges(&analysis, &applied);
    let speakers = applied.speakers.clone();
    let mut sources = Sources::from_analysis(analysis);
    let stops = sources
        .stops
        .iter()
        .map(|s| marked.contains(&(s.block, s.range.start, s.range.end)))
        .collect();
    sources.corrected = Corrected {
        stops,
        speakers,
        orphaned: corrections
            .iter()
            .filter(|c| c.is_orphaned())
            .map(Correction::describe)
            .collect(),
        summary: applied.summary(),
    };
    sources
}

/// The (block, start, end) of every quote and claim a correction changed.
fn marked_ranges(
    a: &crate::attribution::Analysis,
    applied: &Applied,
) -> std::collections::HashSet<(usize, usize, usize)> {
    let quotes = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, _)| applied.quote(*i))
        .map(|(_, q)| (q.block, q.text_range.start, q.text_range.end));
    let claims = a
        .claims
        .iter()
        .enumerate()
        .filter(|(i, _)| applied.claim(*i))
        .map(|(_, c)| (c.block, c.text_range.start, c.text_range.end));
    quotes.chain(claims).collect()
}

/// What [`Fixes::apply`] asks the reader to do.
#[derive(Debug, Default)]
pub struct FixOut {
    /// Effects to apply (messages, layers).
    pub effects: Vec<Effect>,
    /// The corrections changed: redo the analysis.
    pub reanalyse: bool,
    /// Escape sequences to write to the terminal after the next frame (OSC 52).
    pub terminal: Vec<String>,
}

/// The corrections part: its undo stack (each entry with the depth the highlights' undo
/// stack had when it was made, so `u` undoes both in the order they were made).
#[derive(Debug, Default)]
pub struct Fixes {
    undo: Vec<(usize, String)>,
}

/// What the part reads of the rest of the reader.
pub struct FixCtx<'a> {
    /// The article, speakers, stops and the article pane.
    pub here: Here<'a>,
    /// The sidebar (the selected speaker).
    pub sidebar: &'a SidebarState,
    /// The configuration (clipboard templates).
    pub config: &'a Config,
}

impl Fixes {
    /// True when the next `u` undoes a correction (none of the highlights was changed since
    /// the last one) rather than a highlight change.
    pub fn owns_next_undo(&self, highlights_depth: usize) -> bool {
        self.undo
            .last()
            .is_some_and(|(depth, _)| *depth >= highlights_depth)
    }

    /// Carries out an operation.
    pub fn apply(&mut self, op: FixOp, marks: &mut Highlights, cx: &FixCtx) -> FixOut {
        let mut out = FixOut::default();
        match op {
            FixOp::Open => self.open(cx, &mut out),
            FixOp::OpenAdd(range) => {
                let excerpt = excerpt(cx.here.doc, &range);
                out.effects.push(Effect::Push(Box::new(CorrectLayer::add(
                    range,
                    excerpt,
                    choices(cx.here.sources, None),
                ))));
            }
            FixOp::Apply(change) => self.record(change, marks, &mut out),
            FixOp::Undo => self.undo(marks, &mut out),
            FixOp::Copy => copy_stop(cx, marks, &mut out),
            FixOp::CopyHighlight => copy_highlight(cx, marks, &mut out),
            FixOp::WriteFile(text) => write_file(&text, marks, &mut out),
        }
        out
    }

    fn open(&mut self, cx: &FixCtx, out: &mut FixOut) {
        let here = &cx.here;
        if cx.sidebar.focus == Focus::Speakers
            && let Some(&i) = cx
                .sidebar
                .speaker_order(here.sources)
                .get(cx.sidebar.speaker_sel)
            && let Some(s) = here.sources.speakers.get(i)
        {
            let layer = CorrectLayer::speaker(s.name.clone(), choices(here.sources, Some(i)));
            out.effects.push(Effect::Push(Box::new(layer)));
            return;
        }
        let Some(stop) = here.reader.current.and_then(|c| here.sources.stops.get(c)) else {
            let key = |context, action| here.keymap.hint(context, action).map(|k| k.to_string());
            let said = strings::nothing_to_correct(
                key(Context::Article, Action::StartSelection).as_deref(),
                key(Context::Selection, Action::AddAttribution).as_deref(),
            );
            out.effects.push(Effect::Say(said));
            return;
        };
        let Some(block) = here.doc.blocks.get(stop.block) else {
            return;
        };
        let range = block.map.range_to_source(stop.range.clone());
        let speaker = stop
            .speaker
            .and_then(|s| here.sources.speakers.get(s))
            .map(|s| s.name.clone());
        let excerpt = excerpt(here.doc, &range);
        out.effects.push(Effect::Push(Box::new(CorrectLayer::stop(
            range,
            excerpt,
            speaker,
            choices(here.sources, None),
        ))));
    }

    fn record(&mut self, change: Change, marks: &mut Highlights, out: &mut FixOut) {
        let depth = marks.undo_depth();
        let Some(store) = marks.store.as_mut() else {
            out.effects.push(Effect::Warn(strings::NO_STORE.into()));
            return;
        };
        let result = store
            .corrections_mut()
            .map_err(|e| e.to_string())
            .and_then(|(cs, flat)| cs.add(flat, change).map_err(|e| e.to_string()));
        match result {
            Ok(id) => {
                let said = store
                    .corrections()
                    .get(&id)
                    .map(|c| strings::corrected(&c.describe()))
                    .unwrap_or_default();
                self.undo.push((depth, id));
                out.effects.push(Effect::Say(said));
                save(marks, out);
                out.reanalyse = true;
            }
            Err(e) => out.effects.push(Effect::Warn(e)),
        }
    }

    fn undo(&mut self, marks: &mut Highlights, out: &mut FixOut) {
        let Some((_, id)) = self.undo.pop() else {
            out.effects
                .push(Effect::Say(strings::NOTHING_TO_UNDO.into()));
            return;
        };
        let Some(store) = marks.store.as_mut() else {
            return;
        };
        match store.corrections_mut() {
            Ok((cs, _)) => {
                if let Some((_, c)) = cs.remove(&id) {
                    out.effects
                        .push(Effect::Say(strings::correction_undone(&c.describe())));
                }
                save(marks, out);
                out.reanalyse = true;
            }
            Err(e) => {
                self.undo.push((0, id));
                out.effects.push(Effect::Warn(e.to_string()));
            }
        }
    }
}

/// Saves the store after a change; a failure is shown.
fn save(marks: &mut Highlights, out: &mut FixOut) {
    if let Some(store) = marks.store.as_mut()
        && let Err(e) = store.save()
    {
        out.effects
            .push(Effect::Warn(strings::save_failed(&e.to_string())));
    }
}

/// The article's speakers, for the picker (leaving out `except`).
fn choices(sources: &Sources, except: Option<usize>) -> Vec<Choice> {
    sources
        .speakers
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != except)
        .map(|(_, s)| Choice {
            name: s.name.clone(),
            kind: s.kind,
            aliases: s.aliases.clone(),
        })
        .collect()
}

/// A source range's text on one line, cut short, for titles and messages.
fn excerpt(doc: &Document, range: &Range<usize>) -> String {
    let text = doc
        .source
        .get(range.clone())
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    crate::annotations::highlight::excerpt(&text, 48)
}

/// Sends `text` to the clipboard (or offers a file when the terminal refuses).
fn send(text: String, what: &str, cx: &FixCtx, out: &mut FixOut) {
    let term = std::env::var("TERM").ok();
    let tmux = std::env::var("TMUX").ok();
    let refused =
        match clipboard::support(cx.config.clipboard.osc52, term.as_deref(), tmux.as_deref()) {
            Support::Osc52 { tmux } => match clipboard::osc52(&text, tmux) {
                Some(seq) => {
                    out.terminal.push(seq);
                    let shown = crate::annotations::highlight::excerpt(&text, 50);
                    out.effects.push(Effect::Say(strings::copied(what, &shown)));
                    return;
                }
                None => strings::CLIPBOARD_TOO_LONG.to_string(),
            },
            Support::Refused(reason) => reason,
        };
    out.effects
        .push(Effect::Push(Box::new(CorrectLayer::offer(text, refused))));
}

/// `y`: the current quote or claim with its source, from the config's template.
fn copy_stop(cx: &FixCtx, _marks: &Highlights, out: &mut FixOut) {
    let here = &cx.here;
    let Some(stop) = here.reader.current.and_then(|c| here.sources.stops.get(c)) else {
        out.effects
            .push(Effect::Say(strings::NOTHING_TO_COPY.into()));
        return;
    };
    let Some(block) = here.doc.blocks.get(stop.block) else {
        return;
    };
    let mut text = block.text.get(stop.range.clone()).unwrap_or("").trim();
    let direct = stop.kind == ClaimKind::Direct;
    if direct {
        let marks: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\''];
        text = text.trim_matches(marks).trim();
    }
    let speaker = stop.speaker.and_then(|s| here.sources.speakers.get(s));
    let m = &here.doc.meta;
    let fields = Fields {
        text: text.to_string(),
        speaker: speaker.map(|s| s.name.clone()).unwrap_or_default(),
        role: speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
        publication: m.publication.clone().unwrap_or_default(),
        date: m.date.clone().unwrap_or_default(),
        title: m.title.clone().unwrap_or_default(),
        byline: m.byline.clone().unwrap_or_default(),
        source: String::new(),
    };
    let template = if direct {
        &cx.config.clipboard.quote
    } else {
        &cx.config.clipboard.claim
    };
    match clipboard::format_source(template, &fields) {
        Ok(text) => send(text, stop.kind.word(), cx, out),
        Err(e) => out.effects.push(Effect::Warn(e.to_string())),
    }
}

/// `Y`: the highlight under the cursor as Markdown.
fn copy_highlight(cx: &FixCtx, marks: &Highlights, out: &mut FixOut) {
    let Some(h) = marks
        .cursor_id(&cx.here, None)
        .and_then(|id| marks.store.as_ref()?.get(&id).cloned())
    else {
        out.effects
            .push(Effect::Say(strings::NO_HIGHLIGHT_HERE.into()));
        return;
    };
    let m = &cx.here.doc.meta;
    let source: Vec<&str> = [m.publication.as_deref(), m.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let text =
        clipboard::highlight_markdown(&h.text, h.speaker.as_deref(), &source.join(", "), &h.note);
    send(text, "highlight", cx, out);
}

/// Writes text the clipboard refused to a file beside the highlights (or in the temporary
/// folder when there is none), and says where.
fn write_file(text: &str, marks: &Highlights, out: &mut FixOut) {
    let path = match marks.store.as_ref() {
        Some(s) => export::default_path(s.location(), export::Format::Markdown)
            .with_extension("clipboard.md"),
        None => std::env::temp_dir().join("hearsay-clipboard.md"),
    };
    match export::write_text(text, &path) {
        Ok(()) => out.effects.push(Effect::Say(strings::clipboard_written(
            &path.display().to_string(),
        ))),
        Err(e) => out.effects.push(Effect::Warn(e.to_string())),
    }
}
