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

/// The help rows for a keymap: for each context, every action bound there and its keys.
pub fn rows(keymap: &Keymap) -> Vec<HelpRow> {
    let mut out = Vec::new();
    for ctx in [
        Context::Article,
        Context::Global,
        Context::Sidebar,
        Context::Selection,
        Context::Highlights,
        Context::Prompt,
        Context::Editor,
    ] {
        let mut section = Vec::new();
        for &action in Action::ALL {
            let keys = keymap.keys_for(ctx, action);
            if keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            section.push(HelpRow::Binding {
                keys: keys.join(", "),
                what: strings::describe(action),
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
    // handled by the terminal loop, not the keymap
    #[cfg(unix)]
    {
        out.push(HelpRow::Blank);
        out.push(HelpRow::Heading("Terminal"));
        out.push(HelpRow::Binding {
            keys: "ctrl-z".to_string(),
            what: strings::SUSPEND,
        });
    }
    out.push(HelpRow::Blank);
    out.push(HelpRow::Heading("Marks"));
    out.extend(strings::legend().into_iter().map(HelpRow::Text));
    out
}

/// The overlay, drawn centred in the area it is given; its state is how far it is
/// scrolled (clamped when drawn).
pub struct Help<'a> {
    /// The keymap to list.
    pub keymap: &'a Keymap,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl StatefulWidget for Help<'_> {
    type State = usize;

    fn render(self, area: Rect, buf: &mut Buffer, scroll: &mut usize) {
        let styles = self.styles;
        let rows = rows(self.keymap);
        let w = area.width.min(66);
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
        let key_w = 22.min(inner.width / 2);
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
