//! The help overlay, generated from the live keymap: what each bound key does, by context.

use crate::keymap::{Action, Context, Keymap};
use crate::tui::strings;
use crate::tui::styles::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, StatefulWidget, Widget};

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
    /// A line of the legend.
    Text(String),
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
    out.extend(strings::legend().into_iter().map(HelpRow::Text));
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
        let rows = self.rows;
        let w = area.width.min(78);
        let h = area.height.min(rows.len() as u16 + 2);
        if w < 8 || h < 3 {
            return;
        }
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        Clear.render(r, buf);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.focus)
            .title(strings::HELP_TITLE)
            .title_bottom(strings::HELP_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        let visible = usize::from(inner.height);
        let max = rows.len().saturating_sub(visible);
        *scroll = (*scroll).min(max);
        let scroll = *scroll;
        let longest = rows
            .iter()
            .map(|r| match r {
                HelpRow::Binding { keys, .. } => keys.chars().count(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        let key_w = (longest as u16 + 3).min(inner.width / 2);
        for (i, row) in rows.iter().skip(scroll).take(visible).enumerate() {
            let y = inner.y + i as u16;
            match row {
                HelpRow::Heading(t) => {
                    buf.set_stringn(
                        inner.x + 1,
                        y,
                        t,
                        usize::from(inner.width.saturating_sub(1)),
                        styles.title.add_modifier(Modifier::UNDERLINED),
                    );
                }
                HelpRow::Binding { keys, what } => {
                    buf.set_stringn(
                        inner.x + 1,
                        y,
                        keys,
                        usize::from(key_w.saturating_sub(2)),
                        styles.focus,
                    );
                    let x = inner.x + 1 + key_w;
                    let room = inner.width.saturating_sub(key_w + 1);
                    buf.set_stringn(x, y, what, usize::from(room), styles.body);
                }
                HelpRow::Text(t) => {
                    buf.set_stringn(
                        inner.x + 1,
                        y,
                        t,
                        usize::from(inner.width.saturating_sub(1)),
                        styles.body,
                    );
                }
                HelpRow::Blank => {}
            }
        }
    }
}
