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
    /// Added to a quote whose attribution is uncertain (see
    /// [`crate::tui::sources::UNCERTAIN_BELOW`]).
    pub uncertain: Style,
    /// Highlighted text.
    pub highlight: Style,
    /// The highlight the note, tags and delete keys act on.
    pub highlight_cursor: Style,
    /// Sentences being selected (after `v`).
    pub selection: Style,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Indexed256,
    /// 24-bit colour.
    TrueColor,
}

impl ColorDepth {
    /// What the terminal says it shows: `COLORTERM=truecolor` (or `24bit`) is true colour,
    /// a `TERM` with `256color` (or `direct`) 256 colours, anything else 16.
    pub fn detect() -> ColorDepth {
        let var = |k| std::env::var(k).ok();
        ColorDepth::from_env(var("COLORTERM").as_deref(), var("TERM").as_deref())
    }

    /// [`ColorDepth::detect`] on given values of `COLORTERM` and `TERM`.
    ///
    /// ```
    /// use hearsay::tui::styles::ColorDepth;
    /// assert_eq!(ColorDepth::from_env(Some("truecolor"), Some("xterm")), ColorDepth::TrueColor);
    /// assert_eq!(ColorDepth::from_env(None, Some("screen-256color")), ColorDepth::Indexed256);
    /// assert_eq!(ColorDepth::from_env(None, Some("linux")), ColorDepth::Ansi16);
    /// ```
    pub fn from_env(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
        let ct = colorterm.unwrap_or("").to_ascii_lowercase();
        let term = term.unwrap_or("").to_ascii_lowercase();
        if ct == "truecolor" || ct == "24bit" || term.ends_with("-direct") {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }
}

/// Distinct speaker colours for a terminal of `depth`: 24 hues a golden angle apart in
/// true colour, the same hues' nearest xterm cube colours in 256 colours (at least 20
/// distinct), and the 12 coloured ANSI colours otherwise.
pub fn speaker_palette(depth: ColorDepth) -> Vec<Color> {
    // hues a golden angle apart, saturation and brightness taking turns among three
    // readable pairs, so that neighbours differ in more than hue
    let hues = (0..72).map(|i| {
        let (s, v) = [(0.6, 0.9), (0.85, 0.75), (0.45, 1.0)][i % 3];
        ((i as f64 * 137.507_764) % 360.0, s, v)
    });
    let rgb = |(h, s, v): (f64, f64, f64)| {
        let c = v * s;
        let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
        let (r, g, b) = match (h / 60.0) as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = v - c;
        let to = |f: f64| ((f + m) * 255.0).round() as u8;
        (to(r), to(g), to(b))
    };
    match depth {
        ColorDepth::TrueColor => hues
            .take(24)
            .map(|h| {
                let (r, g, b) = rgb(h);
                Color::Rgb(r, g, b)
            })
            .collect(),
        ColorDepth::Indexed256 => {
            let level = |c: u8| -> u8 {
                const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
                (0..6u8)
                    .min_by_key(|&i| (i16::from(LEVELS[usize::from(i)]) - i16::from(c)).abs())
                    .unwrap_or(0)
            };
            let mut out: Vec<Color> = Vec::new();
            for h in hues {
                let (r, g, b) = rgb(h);
                let c = Color::Indexed(16 + 36 * level(r) + 6 * level(g) + level(b));
                if !out.contains(&c) {
                    out.push(c);
                }
                if out.len() == 24 {
                    break;
                }
            }
            out
        }
        ColorDepth::Ansi16 => vec![
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
        ],
    }
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
                // underline is the highlights' here
                uncertain: italic,
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
            uncertain: Style::default().add_modifier(Modifier::UNDERLINED),
            // the highlight's colours win over the current quote's reverse video (the current
            // quote stays bold), unless the theme asks for reverse itself
            highlight: no_reverse_unless(pair(t.highlight), t.highlight.reverse),
            highlight_cursor: no_reverse_unless(pair(t.highlight), t.highlight.reverse)
                .add_modifier(Modifier::UNDERLINED),
            selection: rev,
        }
    }

    /// Styles for a configuration on a terminal of `depth`: the speakers' colours are the
    /// built-in palette for that depth unless the config chose its own.
    pub fn for_depth(config: &Config, depth: ColorDepth) -> Styles {
        let mut st = Styles::new(config);
        if config.colors && config.theme.speakers == Config::default().theme.speakers {
            st.speakers = speaker_palette(depth)
                .into_iter()
                .map(|c| Style::default().fg(c))
                .collect();
        }
        st
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_twenty_distinct_speaker_colours_with_256_or_true_colour() {
        for depth in [ColorDepth::Indexed256, ColorDepth::TrueColor] {
            let p = speaker_palette(depth);
            let mut seen = p.clone();
            seen.dedup();
            assert!(seen.len() >= 20, "{depth:?}: {p:?}");
            assert!(p.iter().all(|c| p.iter().filter(|d| *d == c).count() == 1));
        }
        let p16 = speaker_palette(ColorDepth::Ansi16);
        assert!(
            p16.iter()
                .all(|c| !matches!(c, Color::Indexed(_) | Color::Rgb(..)))
        );
    }
}
