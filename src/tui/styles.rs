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

/// Distinct speaker colours for a terminal of `depth`, readable on a dark and on a light
/// background alike (quotes are body text in these colours, and a terminal's background is
/// not known): 24 colours with 256 colours or true colour, each at least 3:1 in contrast
/// against both black and white ([`contrast_on_black_and_white`]), chosen farthest first
/// (each the most different from those before it, in OKLab), so that the first speakers are
/// the easiest to tell apart. With 16 colours: the eight that are neither pale (yellow and
/// the light green, cyan and yellow, unreadable on white) nor grey.
pub fn speaker_palette(depth: ColorDepth) -> Vec<Color> {
    match depth {
        ColorDepth::TrueColor => {
            let mut candidates = Vec::new();
            for lightness in [0.56, 0.6, 0.64] {
                for chroma in [0.08, 0.12, 0.16] {
                    for hue in (0..360).step_by(6) {
                        candidates.push(oklch_to_rgb(lightness, chroma, f64::from(hue)));
                    }
                }
            }
            farthest_first(candidates, 24)
                .into_iter()
                .map(|(r, g, b)| Color::Rgb(r, g, b))
                .collect()
        }
        ColorDepth::Indexed256 => {
            const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
            let cube = (0..216u8).map(|i| {
                let l = |k: u8| LEVELS[usize::from(k)];
                (l(i / 36), l(i / 6 % 6), l(i % 6))
            });
            farthest_first(cube.collect(), 24)
                .into_iter()
                .map(|(r, g, b)| {
                    let k = |c: u8| LEVELS.iter().position(|&l| l == c).unwrap_or(0) as u8;
                    Color::Indexed(16 + 36 * k(r) + 6 * k(g) + k(b))
                })
                .collect()
        }
        ColorDepth::Ansi16 => vec![
            Color::Red,
            Color::Blue,
            Color::Green,
            Color::Magenta,
            Color::Cyan,
            Color::LightRed,
            Color::LightBlue,
            Color::LightMagenta,
        ],
    }
}

/// An sRGB colour as 8-bit red, green and blue.
type Rgb = (u8, u8, u8);

/// Of `candidates`, those readable on black and on white (3:1 both) that are colours, not
/// greys, `n` of them: first an orange, then each time the candidate farthest (in OKLab)
/// from all taken so far.
fn farthest_first(candidates: Vec<Rgb>, n: usize) -> Vec<Rgb> {
    let mut left: Vec<(Rgb, [f64; 3])> = candidates
        .into_iter()
        .filter(|&c| contrast_on_black_and_white(c) >= 3.0)
        .map(|c| (c, oklab(c)))
        .filter(|(_, [_, a, b])| a.hypot(*b) >= 0.07)
        .collect();
    left.sort_by_key(|(c, _)| *c);
    left.dedup_by_key(|(c, _)| *c);
    let dist = |x: &[f64; 3], y: &[f64; 3]| {
        ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt()
    };
    // the farthest from the chosen ones is the one whose nearest chosen one is farthest
    let mut nearest = vec![f64::INFINITY; left.len()];
    let orange = oklab((215, 95, 0));
    let mut pick = (0..left.len())
        .min_by(|&i, &j| dist(&left[i].1, &orange).total_cmp(&dist(&left[j].1, &orange)));
    let mut out = Vec::new();
    while let Some(i) = pick {
        let (c, lab) = left.swap_remove(i);
        nearest.swap_remove(i);
        out.push(c);
        if out.len() == n {
            break;
        }
        for (k, (_, other)) in left.iter().enumerate() {
            nearest[k] = nearest[k].min(dist(&lab, other));
        }
        pick = (0..left.len()).max_by(|&i, &j| nearest[i].total_cmp(&nearest[j]));
    }
    out
}

/// An sRGB channel (0–255) as linear light (0–1).
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// The WCAG contrast ratio of a colour against black and against white, whichever is
/// lower: at least 3 reads on a dark and a light background (7 is the most possible,
/// for none can be far from both).
pub fn contrast_on_black_and_white((r, g, b): Rgb) -> f64 {
    let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    ((y + 0.05) / 0.05).min(1.05 / (y + 0.05))
}

/// A colour in OKLab (lightness, a, b), where distances are about what the eye sees.
fn oklab((r, g, b): Rgb) -> [f64; 3] {
    let (r, g, b) = (linear(r), linear(g), linear(b));
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s,
    ]
}

/// The sRGB colour of OKLCh `lightness`, `chroma` and `hue` (degrees); the chroma is
/// lowered until the colour is one sRGB has.
fn oklch_to_rgb(lightness: f64, chroma: f64, hue: f64) -> Rgb {
    let mut c = chroma;
    loop {
        let (a, b) = (c * hue.to_radians().cos(), c * hue.to_radians().sin());
        let l = (lightness + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
        let m = (lightness - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
        let s = (lightness - 0.089_484_177_5 * a - 1.291_485_548 * b).powi(3);
        let rgb = [
            4.076_741_662_1 * l - 3.307_711_591_3 * m + 0.230_969_929_2 * s,
            -1.268_438_004_6 * l + 2.609_757_401_1 * m - 0.341_319_396_5 * s,
            -0.004_196_086_3 * l - 0.703_418_614_7 * m + 1.707_614_701 * s,
        ];
        if c <= 0.0 || rgb.iter().all(|v| (-1e-9..=1.0 + 1e-9).contains(v)) {
            let to = |v: f64| {
                let v = v.clamp(0.0, 1.0);
                let e = if v <= 0.003_130_8 {
                    12.92 * v
                } else {
                    1.055 * v.powf(1.0 / 2.4) - 0.055
                };
                (e * 255.0).round() as u8
            };
            return (to(rgb[0]), to(rgb[1]), to(rgb[2]));
        }
        c -= 0.005;
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

    /// The red, green and blue of a colour: its own, a 256-colour index's in xterm's
    /// palette, a 16-colour name's in `ansi` (a terminal's own table).
    fn rgb(c: Color, ansi: &[Rgb; 16]) -> Rgb {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match c {
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(i @ 16..=231) => {
                let i = usize::from(i - 16);
                (LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6])
            }
            Color::Indexed(i) if i < 16 => ansi[usize::from(i)],
            other => {
                let named = [
                    Color::Black,
                    Color::Red,
                    Color::Green,
                    Color::Yellow,
                    Color::Blue,
                    Color::Magenta,
                    Color::Cyan,
                    Color::Gray,
                    Color::DarkGray,
                    Color::LightRed,
                    Color::LightGreen,
                    Color::LightYellow,
                    Color::LightBlue,
                    Color::LightMagenta,
                    Color::LightCyan,
                    Color::White,
                ];
                let i = named.iter().position(|n| *n == other);
                ansi[i.unwrap_or_else(|| panic!("not a palette colour: {other:?}"))]
            }
        }
    }

    /// The contrast of a colour against black and white (see
    /// [`contrast_on_black_and_white`]) in whichever of two common tables shows it best.
    fn best_contrast(c: Color) -> f64 {
        [&XTERM, &TANGO]
            .map(|t| contrast_on_black_and_white(rgb(c, t)))
            .into_iter()
            .fold(0.0, f64::max)
    }

    /// xterm's 16 colours, and the GNOME Terminal (Tango) ones: two common tables.
    const XTERM: [Rgb; 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    const TANGO: [Rgb; 16] = [
        (46, 52, 54),
        (204, 0, 0),
        (78, 154, 6),
        (196, 160, 0),
        (52, 101, 164),
        (117, 80, 123),
        (6, 152, 154),
        (211, 215, 207),
        (85, 87, 83),
        (239, 41, 41),
        (138, 226, 52),
        (252, 233, 79),
        (114, 159, 207),
        (173, 127, 168),
        (52, 226, 226),
        (238, 238, 236),
    ];

    #[test]
    fn twenty_four_distinct_speaker_colours_readable_on_black_and_white() {
        for depth in [ColorDepth::Indexed256, ColorDepth::TrueColor] {
            let p = speaker_palette(depth);
            assert_eq!(p.len(), 24, "{depth:?}: {p:?}");
            let rgbs: Vec<Rgb> = p.iter().map(|&c| rgb(c, &XTERM)).collect();
            for (c, x) in p.iter().zip(&rgbs) {
                let k = contrast_on_black_and_white(*x);
                assert!(k >= 3.0, "{depth:?}: {c:?} {x:?} only {k:.2}:1");
            }
            // no two alike: at least 0.05 apart in OKLab (a just noticeable difference
            // is about 0.02)
            for (i, a) in rgbs.iter().enumerate() {
                for b in &rgbs[i + 1..] {
                    let (x, y) = (oklab(*a), oklab(*b));
                    let d = ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2))
                        .sqrt();
                    assert!(d >= 0.05, "{depth:?}: {a:?} and {b:?} {d:.3} apart");
                }
            }
        }
    }

    /// A terminal's 16 colours are its own; each speaker colour must read on black and on
    /// white (3:1) in at least one of two common tables, which leaves out yellow and the
    /// pale light green, cyan and yellow (blue is dark on xterm's black, fine on Tango's).
    #[test]
    fn sixteen_colour_speakers_read_on_black_and_white_in_a_common_palette() {
        let p = speaker_palette(ColorDepth::Ansi16);
        assert!(p.len() >= 8, "{p:?}");
        for c in &p {
            assert!(!matches!(c, Color::Indexed(_) | Color::Rgb(..)), "{c:?}");
            let best = best_contrast(*c);
            assert!(best >= 3.0, "{c:?}: {best:.2}:1 at best");
        }
        for pale in [
            Color::Yellow,
            Color::LightYellow,
            Color::LightGreen,
            Color::LightCyan,
        ] {
            let best = best_contrast(pale);
            assert!(best < 3.0, "the rule tells {pale:?} apart: {best:.2}");
        }
    }

    /// Text drawn in a colour of the default theme on the terminal's own background reads
    /// on black and on white in one of the common tables (gray captions did not on white).
    #[test]
    fn default_theme_text_colours_read_on_dark_and_light_backgrounds() {
        let st = Styles::new(&Config::default());
        let on_own_background = [
            ("title", st.title),
            ("dek", st.dek),
            ("meta", st.meta),
            ("rule", st.rule),
            ("body", st.body),
            ("subheading", st.subheading),
            ("caption", st.caption),
            ("credit", st.credit),
            ("contributors", st.contributors),
            ("border", st.border),
            ("focus", st.focus),
            ("dimmed", st.dimmed),
        ];
        for (name, style) in on_own_background {
            assert_eq!(style.bg, None, "{name} has its own background");
            let Some(fg) = style.fg.filter(|c| *c != Color::Reset) else {
                continue;
            };
            let best = best_contrast(fg);
            assert!(best >= 3.0, "{name}: {fg:?} {best:.2}:1 at best");
        }
    }

    #[test]
    fn oklch_colours_come_back_through_oklab() {
        let (r, g, b) = oklch_to_rgb(0.6, 0.1, 40.0);
        let [l, a, bb] = oklab((r, g, b));
        assert!((l - 0.6).abs() < 0.01, "{l}");
        assert!((a.hypot(bb) - 0.1).abs() < 0.01);
        assert!((bb.atan2(a).to_degrees() - 40.0).abs() < 2.0);
    }
}
