//! The theme turned into ratatui styles, with a monochrome fallback when colours are off.

use crate::config::{Color as CColor, ColorPair, Config};
use ratatui::style::{Color, Modifier, Style};

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styles {
    /// Headline.
    pub title: Style,
    /// Standfirst.
    pub dek: Style,
    /// Date · publication · byline.
    pub meta: Style,
    /// Rules.
    pub rule: Style,
    /// Body text.
    pub body: Style,
    /// Subheadings.
    pub subheading: Style,
    /// Captions.
    pub caption: Style,
    /// Credits.
    pub credit: Style,
    /// Contributors line.
    pub contributors: Style,
    /// All search matches.
    pub search_match: Style,
    /// The current search match.
    pub current_match: Style,
    /// Status bar.
    pub status: Style,
    /// Status bar message.
    pub message: Style,
    /// Status bar warning.
    pub warning: Style,
    /// Borders and titles.
    pub border: Style,
    /// Focused border, selected row.
    pub focus: Style,
    /// The quote the reader is on.
    pub current_quote: Style,
    /// Speaker colours (quote text and names).
    pub speakers: Vec<Style>,
    /// Text of quotes dimmed by a speaker filter.
    pub dimmed: Style,
    /// Highlighted text.
    pub highlight: Style,
    /// The highlight the note, tags and delete keys act on.
    pub highlight_cursor: Style,
    /// Sentences being selected (after `v`).
    pub selection: Style,
}

/// A config colour as a ratatui colour.
pub fn color(c: CColor) -> Color {
    match c {
        CColor::Default => Color::Reset,
        CColor::Indexed(i) => Color::Indexed(i),
        CColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
        CColor::Ansi(i) => match i {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            _ => Color::White,
        },
    }
}

fn pair(p: ColorPair) -> Style {
    let mut s = Style::default();
    if let Some(fg) = p.fg {
        s = s.fg(color(fg));
    }
    if let Some(bg) = p.bg {
        s = s.bg(color(bg));
    }
    if p.reverse {
        s = s.add_modifier(Modifier::REVERSED);
    }
    s
}

/// `s` set to switch reverse video off where it is drawn over another style, unless `keep`.
fn no_reverse_unless(s: Style, keep: bool) -> Style {
    if keep {
        s
    } else {
        s.remove_modifier(Modifier::REVERSED)
    }
}

impl Styles {
    /// Styles for a configuration.
    pub fn new(config: &Config) -> Styles {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let dim = Style::default().add_modifier(Modifier::DIM);
        let italic = Style::default().add_modifier(Modifier::ITALIC);
        let rev = Style::default().add_modifier(Modifier::REVERSED);
        if !config.colors {
            return Styles {
                title: bold,
                dek: italic,
                meta: dim,
                rule: dim,
                body: Style::default(),
                subheading: bold,
                caption: dim,
                credit: dim.add_modifier(Modifier::ITALIC),
                contributors: dim,
                search_match: rev,
                current_match: rev.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                status: rev,
                message: rev.add_modifier(Modifier::BOLD),
                warning: rev.add_modifier(Modifier::BOLD),
                border: Style::default(),
                focus: bold,
                current_quote: Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                speakers: vec![Style::default()],
                dimmed: dim,
                highlight: Style::default().add_modifier(Modifier::UNDERLINED),
                highlight_cursor: Style::default()
                    .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                selection: rev,
            };
        }
        let t = &config.theme;
        Styles {
            title: pair(t.title).add_modifier(Modifier::BOLD),
            dek: pair(t.dek).add_modifier(Modifier::ITALIC),
            meta: pair(t.meta),
            rule: pair(t.border),
            body: pair(t.body),
            subheading: pair(t.subheading).add_modifier(Modifier::BOLD),
            caption: pair(t.caption).patch(italic),
            credit: pair(t.credit),
            contributors: pair(t.contributors).patch(italic),
            search_match: pair(t.search_match),
            current_match: pair(t.current_match).add_modifier(Modifier::BOLD),
            status: pair(t.status),
            message: pair(t.message),
            warning: pair(t.message).add_modifier(Modifier::BOLD),
            border: pair(t.border),
            focus: pair(t.focus).add_modifier(Modifier::BOLD),
            current_quote: pair(t.current_quote).add_modifier(Modifier::BOLD),
            speakers: t
                .speakers
                .iter()
                .map(|c| Style::default().fg(color(*c)))
                .collect(),
            dimmed: pair(t.meta),
            // the highlight's colours win over the current quote's reverse video (the current
            // quote stays bold), unless the theme asks for reverse itself
            highlight: no_reverse_unless(pair(t.highlight), t.highlight.reverse),
            highlight_cursor: no_reverse_unless(pair(t.highlight), t.highlight.reverse)
                .add_modifier(Modifier::UNDERLINED),
            selection: rev,
        }
    }

    /// The style of the `i`-th speaker (in order of first appearance).
    pub fn speaker(&self, i: usize) -> Style {
        if self.speakers.is_empty() {
            Style::default()
        } else {
            self.speakers[i % self.speakers.len()]
        }
    }
}
