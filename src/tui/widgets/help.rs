//! The help overlay, generated from the live keymap: what each bound key does, by context.

use crate::document::reflow::{pack, wrap};
use crate::keymap::{Action, Context, Keymap};
use crate::tui::layers::prompt::COMMANDS;
use crate::tui::strings;
use crate::tui::styles::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context's heading.
    Heading(&'static str),
    /// Keys and what they do.
    Binding {
        /// Keys in notation, comma-separated.
        keys: String,
        /// What the action does.
        what: &'static str,
    },
    /// Spacing between sections.
    Blank,
    /// The legend of the marks, laid out at the help's width when drawn.
    Legend,
}

/// The contexts of the reader's help, in order (the diff view is opened from the reader).
pub const READER_CONTEXTS: &[Context] = &[
    Context::Article,
    Context::Global,
    Context::Sidebar,
    Context::Selection,
    Context::Highlights,
    Context::Diff,
    Context::Prompt,
    Context::Editor,
    Context::Help,
    Context::Picker,
];

/// The global actions the library view carries out (the others are the reader's).
pub const LIBRARY_GLOBALS: &[Action] = &[
    Action::Quit,
    Action::ToggleHelp,
    Action::Close,
    Action::Search,
];

/// For each context, every action bound there (of `only`, when given) and its keys.
/// `describe` says what each action does.
fn sections(
    keymap: &Keymap,
    contexts: &[(Context, Option<&[Action]>)],
    describe: fn(Action) -> &'static str,
) -> Vec<HelpRow> {
    let mut out = Vec::new();
    for &(ctx, only) in contexts {
        let mut section = Vec::new();
        for &action in Action::ALL {
            if only.is_some_and(|o| !o.contains(&action)) {
                continue;
            }
            let keys = keymap.keys_for(ctx, action);
            if keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            section.push(HelpRow::Binding {
                keys: keys.join(", "),
                what: describe(action),
            });
        }
        if !section.is_empty() {
            if !out.is_empty() {
                out.push(HelpRow::Blank);
            }
            out.push(HelpRow::Heading(strings::context_title(ctx)));
            out.extend(section);
        }
    }
    out
}

/// The library view's help: its own keys, the global ones it uses, the prompt's.
pub fn library_rows(keymap: &Keymap) -> Vec<HelpRow> {
    sections(
        keymap,
        &[
            (Context::Library, None),
            (Context::Global, Some(LIBRARY_GLOBALS)),
            (
                Context::Prompt,
                Some(&[Action::Confirm, Action::Close, Action::DeleteBack]),
            ),
        ],
        strings::describe_in_library,
    )
}

/// The reader's help rows for a keymap: for each of [`READER_CONTEXTS`], every action
/// bound there and its keys, then the terminal's keys and the legend of marks.
pub fn rows(keymap: &Keymap) -> Vec<HelpRow> {
    let contexts: Vec<(Context, Option<&[Action]>)> =
        READER_CONTEXTS.iter().map(|&c| (c, None)).collect();
    let mut out = sections(keymap, &contexts, strings::describe);
    let command_key = READER_CONTEXTS
        .iter()
        .any(|&c| !keymap.keys_for(c, Action::EnterCommand).is_empty());
    if command_key {
        out.push(HelpRow::Blank);
        out.push(HelpRow::Heading(strings::COMMANDS_TITLE));
        for &(names, action) in COMMANDS {
            let keys: Vec<String> = names.iter().map(|n| format!(":{n}")).collect();
            out.push(HelpRow::Binding {
                keys: keys.join(", "),
                what: strings::describe(action),
            });
        }
    }
    // handled by the terminal loop, not the keymap
    out.push(HelpRow::Blank);
    out.push(HelpRow::Heading("Terminal"));
    #[cfg(unix)]
    {
        out.push(HelpRow::Binding {
            keys: "ctrl-z".to_string(),
            what: strings::SUSPEND,
        });
    }
    out.push(HelpRow::Binding {
        keys: "shift-drag".to_string(),
        what: strings::SHIFT_DRAG,
    });
    out.push(HelpRow::Blank);
    out.push(HelpRow::Heading("Marks"));
    out.push(HelpRow::Legend);
    out
}

/// A line of the help as drawn at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A context's heading.
    Heading(&'static str),
    /// A line of a binding: (part of) its keys and (part of) what it does.
    Binding {
        /// Keys on this line (the continuation of a long list, or empty).
        keys: String,
        /// What the action does, on this line.
        what: String,
    },
    /// A line of the legend.
    Text(String),
    /// Spacing between sections.
    Blank,
}

/// The help's box inside `area`: centred, at most 78 columns wide and as tall as its
/// `lines` (and its border).
fn frame(area: Rect, lines: usize) -> Rect {
    let w = area.width.min(78);
    let h = area
        .height
        .min(u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Columns of text inside the help's box for an `area`: inside the border, a column of
/// padding on each side.
fn text_width(area: Rect) -> usize {
    usize::from(area.width.min(78).saturating_sub(4)).max(1)
}

/// The width of the keys column for `rows` in `width` columns of text: the longest list
/// of keys and a gap, at most half the text.
fn keys_width(rows: &[HelpRow], width: usize) -> usize {
    let longest = rows
        .iter()
        .map(|r| match r {
            HelpRow::Binding { keys, .. } => keys.width(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    (longest + 2).min(width / 2).max(1)
}

/// `rows` laid out for `area` (see [`Help`]): every row whole, a long list of keys or a
/// long description wrapped onto more lines instead of cut.
pub fn lines(rows: &[HelpRow], area: Rect) -> Vec<HelpLine> {
    let width = text_width(area);
    let key_w = keys_width(rows, width);
    let what_w = width.saturating_sub(key_w).max(1);
    let mut out = Vec::new();
    for row in rows {
        match row {
            HelpRow::Heading(t) => out.push(HelpLine::Heading(t)),
            HelpRow::Blank => out.push(HelpLine::Blank),
            HelpRow::Legend => out.extend(strings::legend(width).into_iter().map(HelpLine::Text)),
            HelpRow::Binding { keys, what } => {
                // a key list breaks after a comma; a description at a space
                let keys = pack(
                    &keys.split(' ').collect::<Vec<_>>(),
                    " ",
                    key_w.saturating_sub(2).max(1),
                );
                let what: Vec<&str> = wrap(what, what_w).into_iter().map(|r| &what[r]).collect();
                for i in 0..keys.len().max(what.len()) {
                    out.push(HelpLine::Binding {
                        keys: keys.get(i).cloned().unwrap_or_default(),
                        what: what.get(i).map(|w| w.to_string()).unwrap_or_default(),
                    });
                }
            }
        }
    }
    out
}

/// The overlay, drawn centred in the area it is given; its state is how far it is
/// scrolled (clamped when drawn).
pub struct Help<'a> {
    /// The rows to list ([`rows`] for the reader, [`library_rows`] for the library).
    pub rows: &'a [HelpRow],
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl StatefulWidget for Help<'_> {
    type State = usize;

    fn render(self, area: Rect, buf: &mut Buffer, scroll: &mut usize) {
        let styles = self.styles;
        let lines = lines(self.rows, area);
        let r = frame(area, lines.len());
        if r.width < 8 || r.height < 3 {
            return;
        }
        Clear.render(r, buf);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.focus)
            .title(strings::HELP_TITLE)
            .title_bottom(strings::HELP_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        let visible = usize::from(inner.height);
        let max = lines.len().saturating_sub(visible);
        *scroll = (*scroll).min(max);
        let width = text_width(area);
        let key_w = keys_width(self.rows, width);
        let x = inner.x + 1;
        for (i, line) in lines.iter().skip(*scroll).take(visible).enumerate() {
            let y = inner.y + i as u16;
            match line {
                HelpLine::Heading(t) => {
                    buf.set_stringn(
                        x,
                        y,
                        t,
                        width,
                        styles.title.add_modifier(Modifier::UNDERLINED),
                    );
                }
                HelpLine::Binding { keys, what } => {
                    buf.set_stringn(x, y, keys, key_w, styles.focus);
                    let room = width.saturating_sub(key_w);
                    buf.set_stringn(x + key_w as u16, y, what, room, styles.body);
                }
                HelpLine::Text(t) => {
                    buf.set_stringn(x, y, t, width, styles.body);
                }
                HelpLine::Blank => {}
            }
        }
    }
}
