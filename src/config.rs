//! The user's configuration: the embedded default (`config.toml` at the top of the repository)
//! with the user's file merged over it key by key.
//!
//! The user file is read into [`UserConfig`], where every setting is optional and unknown
//! settings are refused (`deny_unknown_fields`), so typos surface as errors. Errors name the
//! file, the line and the column (from toml's spans). [`Config`] is the resolved result. The
//! colours here are terminal-independent ([`Color`]); the TUI converts them.

use crate::keymap::{Action, Context, Key, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use thiserror::Error;

/// The complete, commented default configuration, as shipped.
pub const DEFAULT_TOML: &str = include_str!("../config.toml");

/// Largest config file read (bytes): far above any real one.
pub const MAX_CONFIG: u64 = 1024 * 1024;

/// A terminal colour, independent of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    /// The terminal's own foreground or background.
    Default,
    /// One of the 16 named ANSI colours, by index 0..=15.
    Ansi(u8),
    /// A palette index (0..=255) written as a number.
    Indexed(u8),
    /// A 24-bit colour.
    Rgb(u8, u8, u8),
}

/// The 16 ANSI colour names, by index.
pub const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark_gray",
    "light_red",
    "light_green",
    "light_yellow",
    "light_blue",
    "light_magenta",
    "light_cyan",
    "white",
];

/// A colour the parser does not understand.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error(
    "'{0}' is not a colour; use a name like 'cyan' or 'dark_gray', 'default', a number 0-255, or '#rrggbb'"
)]
pub struct ColorParseError(pub String);

impl FromStr for Color {
    type Err = ColorParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ColorParseError(s.to_string());
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if norm == "default" || norm == "reset" {
            return Ok(Color::Default);
        }
        let alias = match norm.as_str() {
            "grey" | "light_gray" | "light_grey" => "gray",
            "dark_grey" | "bright_black" => "dark_gray",
            other => other,
        };
        if let Some(i) = ANSI_NAMES.iter().position(|n| *n == alias) {
            return Ok(Color::Ansi(i as u8));
        }
        if let Some(hex) = norm.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err());
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
            return Ok(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        norm.parse::<u8>().map(Color::Indexed).map_err(|_| err())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A foreground and background colour, written `"FG"`, `"FG on BG"` or `"on BG"`, or
/// `"reverse"` (reverse video: swaps the colours underneath, readable on any theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ColorPair {
    /// Text colour, `None` to leave it alone.
    pub fg: Option<Color>,
    /// Background colour, `None` to leave it alone.
    pub bg: Option<Color>,
    /// Reverse video.
    pub reverse: bool,
}

impl ColorPair {
    /// Just a foreground.
    pub const fn fg(c: Color) -> ColorPair {
        ColorPair {
            fg: Some(c),
            bg: None,
            reverse: false,
        }
    }

    /// Both colours.
    pub const fn new(fg: Color, bg: Color) -> ColorPair {
        ColorPair {
            fg: Some(fg),
            bg: Some(bg),
            reverse: false,
        }
    }

    /// Reverse video.
    pub const REVERSE: ColorPair = ColorPair {
        fg: None,
        bg: None,
        reverse: true,
    };
}

impl FromStr for ColorPair {
    type Err = ColorParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if matches!(t, "reverse" | "reversed") {
            return Ok(ColorPair::REVERSE);
        }
        if let Some(bg) = t.strip_prefix("on ") {
            return Ok(ColorPair {
                fg: None,
                bg: Some(bg.parse()?),
                reverse: false,
            });
        }
        match t.split_once(" on ") {
            Some((fg, bg)) => Ok(ColorPair::new(fg.parse()?, bg.parse()?)),
            None => Ok(ColorPair::fg(t.parse()?)),
        }
    }
}

impl<'de> Deserialize<'de> for ColorPair {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Colours of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Headline (always bold).
    pub title: ColorPair,
    /// Standfirst (italic).
    pub dek: ColorPair,
    /// The date · publication · byline line.
    pub meta: ColorPair,
    /// Body paragraphs.
    pub body: ColorPair,
    /// Subheadings (bold).
    pub subheading: ColorPair,
    /// Photo captions.
    pub caption: ColorPair,
    /// Photo credits.
    pub credit: ColorPair,
    /// The contributors line.
    pub contributors: ColorPair,
    /// Every search match.
    pub search_match: ColorPair,
    /// The match the search moved to.
    pub current_match: ColorPair,
    /// The status bar.
    pub status: ColorPair,
    /// Transient messages in the status bar.
    pub message: ColorPair,
    /// Borders and titles.
    pub border: ColorPair,
    /// The focused pane's border and the selected list row.
    pub focus: ColorPair,
    /// The quote the reader is on.
    pub current_quote: ColorPair,
    /// Highlighted text (a background colour, usually).
    pub highlight: ColorPair,
    /// Speaker colours, in order of first appearance.
    pub speakers: Vec<Color>,
}

/// Which side the sidebar is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Left of the article.
    Left,
    /// Right of the article.
    Right,
}

/// Sidebar placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidebarConfig {
    /// Left or right.
    pub side: Side,
    /// Width in columns.
    pub width: u16,
    /// Below this terminal width the sidebar is an overlay.
    pub min_total_width: u16,
}

/// Resolved configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Widest line of body text, in columns.
    pub measure: u16,
    /// Whether to use colours at all.
    pub colors: bool,
    /// Colours.
    pub theme: Theme,
    /// Sidebar placement.
    pub sidebar: SidebarConfig,
    /// Folder for highlights; `None` means the platform's data folder.
    pub highlights_dir: Option<PathBuf>,
    /// Backup generations of the highlights file kept on save (`.bak`, `.bak.2`, …).
    pub highlight_backups: usize,
    /// Key bindings.
    pub keymap: Keymap,
}

impl Default for Config {
    /// The defaults, written out in code; a test checks that `config.toml` says the same.
    fn default() -> Self {
        use Color::{Ansi, Default as Def};
        let (black, yellow, cyan, gray, dark_gray, light_yellow) =
            (Ansi(0), Ansi(3), Ansi(6), Ansi(7), Ansi(8), Ansi(11));
        let mut keymap = Keymap::default();
        let binds: [(Context, &[(&str, Action)]); 7] = [
            (
                Context::Global,
                &[
                    ("q", Action::Quit),
                    ("ctrl-c", Action::Quit),
                    ("?", Action::ToggleHelp),
                    ("esc", Action::Close),
                    ("/", Action::Search),
                    ("n", Action::NextMatch),
                    ("N", Action::PrevMatch),
                    ("]", Action::NextQuote),
                    ("[", Action::PrevQuote),
                    ("s", Action::NextSameSpeaker),
                    ("S", Action::ToggleSidebar),
                    ("tab", Action::FocusNext),
                    ("shift-tab", Action::FocusPrev),
                ],
            ),
            (
                Context::Article,
                &[
                    ("j", Action::ScrollDown),
                    ("down", Action::ScrollDown),
                    ("k", Action::ScrollUp),
                    ("up", Action::ScrollUp),
                    ("space", Action::PageDown),
                    ("pagedown", Action::PageDown),
                    ("b", Action::PageUp),
                    ("pageup", Action::PageUp),
                    ("ctrl-d", Action::HalfPageDown),
                    ("ctrl-u", Action::HalfPageUp),
                    ("g", Action::Top),
                    ("home", Action::Top),
                    ("G", Action::Bottom),
                    ("end", Action::Bottom),
                    ("}", Action::NextParagraph),
                    ("{", Action::PrevParagraph),
                    ("h", Action::Highlight),
                    ("v", Action::StartSelection),
                    ("a", Action::EditNote),
                    ("t", Action::EditTags),
                    ("d", Action::DeleteHighlight),
                    ("u", Action::Undo),
                    ("c", Action::CycleStatus),
                    ("e", Action::ExportHighlights),
                    ("H", Action::ListHighlights),
                ],
            ),
            (
                Context::Selection,
                &[
                    ("j", Action::ScrollDown),
                    ("down", Action::ScrollDown),
                    ("k", Action::ScrollUp),
                    ("up", Action::ScrollUp),
                    ("}", Action::NextParagraph),
                    ("{", Action::PrevParagraph),
                    ("h", Action::Highlight),
                    ("enter", Action::Highlight),
                    ("esc", Action::Close),
                ],
            ),
            (
                Context::Highlights,
                &[
                    ("j", Action::ScrollDown),
                    ("down", Action::ScrollDown),
                    ("k", Action::ScrollUp),
                    ("up", Action::ScrollUp),
                    ("g", Action::Top),
                    ("G", Action::Bottom),
                    ("enter", Action::Select),
                    ("a", Action::EditNote),
                    ("t", Action::EditTags),
                    ("d", Action::DeleteHighlight),
                    ("u", Action::Undo),
                    ("c", Action::CycleStatus),
                    ("H", Action::ListHighlights),
                    ("esc", Action::Close),
                ],
            ),
            (
                Context::Sidebar,
                &[
                    ("j", Action::ScrollDown),
                    ("down", Action::ScrollDown),
                    ("k", Action::ScrollUp),
                    ("up", Action::ScrollUp),
                    ("pagedown", Action::PageDown),
                    ("pageup", Action::PageUp),
                    ("g", Action::Top),
                    ("home", Action::Top),
                    ("G", Action::Bottom),
                    ("end", Action::Bottom),
                    ("enter", Action::Select),
                    ("o", Action::ToggleSort),
                ],
            ),
            (
                Context::Prompt,
                &[
                    ("enter", Action::Confirm),
                    ("esc", Action::Close),
                    ("backspace", Action::DeleteBack),
                ],
            ),
            (
                Context::Editor,
                &[
                    ("ctrl-s", Action::SaveNote),
                    ("esc", Action::Close),
                    ("enter", Action::NewLine),
                    ("backspace", Action::DeleteBack),
                    ("delete", Action::DeleteForward),
                    ("left", Action::CursorLeft),
                    ("right", Action::CursorRight),
                    ("up", Action::CursorUp),
                    ("down", Action::CursorDown),
                    ("home", Action::LineStart),
                    ("ctrl-a", Action::LineStart),
                    ("end", Action::LineEnd),
                    ("ctrl-e", Action::LineEnd),
                ],
            ),
        ];
        for (ctx, list) in binds {
            for (key, action) in list {
                if let Ok(k) = Key::parse(key) {
                    keymap.bind(ctx, k, *action);
                }
            }
        }
        Config {
            measure: 80,
            colors: true,
            theme: Theme {
                title: ColorPair::fg(Def),
                dek: ColorPair::fg(Def),
                meta: ColorPair::fg(dark_gray),
                body: ColorPair::fg(Def),
                subheading: ColorPair::fg(Def),
                caption: ColorPair::fg(gray),
                credit: ColorPair::fg(dark_gray),
                contributors: ColorPair::fg(gray),
                search_match: ColorPair::new(black, yellow),
                current_match: ColorPair::new(black, light_yellow),
                status: ColorPair::new(black, gray),
                message: ColorPair::new(black, gray),
                border: ColorPair::fg(dark_gray),
                focus: ColorPair::fg(cyan),
                current_quote: ColorPair::REVERSE,
                highlight: ColorPair::new(black, Ansi(10)),
                speakers: [32, 166, 34, 125, 30, 136, 98, 160]
                    .into_iter()
                    .map(Color::Indexed)
                    .collect(),
            },
            sidebar: SidebarConfig {
                side: Side::Right,
                width: 40,
                min_total_width: 100,
            },
            highlights_dir: None,
            highlight_backups: crate::annotations::store::DEFAULT_BACKUPS,
            keymap,
        }
    }
}

/// A width setting: a whole number of columns in a sensible range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns<const MIN: u16, const MAX: u16>(u16);

impl<'de, const MIN: u16, const MAX: u16> Deserialize<'de> for Columns<MIN, MAX> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        if n < i64::from(MIN) || n > i64::from(MAX) {
            return Err(serde::de::Error::custom(format!(
                "{n} is out of range; use a number of columns from {MIN} to {MAX}"
            )));
        }
        Ok(Columns(n as u16))
    }
}

/// The user's file: every setting optional, unknown settings refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    measure: Option<Columns<20, 1000>>,
    colors: Option<bool>,
    theme: Option<UserTheme>,
    sidebar: Option<UserSidebar>,
    highlights: Option<UserHighlights>,
    keys: Option<UserKeys>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserTheme {
    title: Option<ColorPair>,
    dek: Option<ColorPair>,
    meta: Option<ColorPair>,
    body: Option<ColorPair>,
    subheading: Option<ColorPair>,
    caption: Option<ColorPair>,
    credit: Option<ColorPair>,
    contributors: Option<ColorPair>,
    search_match: Option<ColorPair>,
    current_match: Option<ColorPair>,
    status: Option<ColorPair>,
    message: Option<ColorPair>,
    border: Option<ColorPair>,
    focus: Option<ColorPair>,
    current_quote: Option<ColorPair>,
    highlight: Option<ColorPair>,
    speakers: Option<Vec<Color>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserSidebar {
    side: Option<Side>,
    width: Option<Columns<16, 200>>,
    min_total_width: Option<Columns<0, 1000>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserHighlights {
    dir: Option<PathBuf>,
    backups: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserKeys {
    global: Option<BTreeMap<Key, Action>>,
    article: Option<BTreeMap<Key, Action>>,
    sidebar: Option<BTreeMap<Key, Action>>,
    prompt: Option<BTreeMap<Key, Action>>,
    selection: Option<BTreeMap<Key, Action>>,
    highlights: Option<BTreeMap<Key, Action>>,
    editor: Option<BTreeMap<Key, Action>>,
}

/// Why a configuration file could not be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read the config file '{path}': {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid: bad TOML, an unknown setting, a bad key name or colour.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong, and how to fix it.
        message: String,
    },
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

impl UserConfig {
    /// Parses a user file. `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<UserConfig, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })
    }
}

impl Config {
    /// Returns this configuration with `user` merged over it, setting by setting and, for
    /// keys, binding by binding.
    pub fn merged(mut self, user: UserConfig) -> Config {
        if let Some(m) = user.measure {
            self.measure = m.0;
        }
        if let Some(c) = user.colors {
            self.colors = c;
        }
        if let Some(t) = user.theme {
            let th = &mut self.theme;
            let pairs = [
                (t.title, &mut th.title),
                (t.dek, &mut th.dek),
                (t.meta, &mut th.meta),
                (t.body, &mut th.body),
                (t.subheading, &mut th.subheading),
                (t.caption, &mut th.caption),
                (t.credit, &mut th.credit),
                (t.contributors, &mut th.contributors),
                (t.search_match, &mut th.search_match),
                (t.current_match, &mut th.current_match),
                (t.status, &mut th.status),
                (t.message, &mut th.message),
                (t.border, &mut th.border),
                (t.focus, &mut th.focus),
                (t.current_quote, &mut th.current_quote),
                (t.highlight, &mut th.highlight),
            ];
            for (new, slot) in pairs {
                if let Some(v) = new {
                    *slot = v;
                }
            }
            if let Some(s) = t.speakers.filter(|s| !s.is_empty()) {
                th.speakers = s;
            }
        }
        if let Some(s) = user.sidebar {
            if let Some(side) = s.side {
                self.sidebar.side = side;
            }
            if let Some(w) = s.width {
                self.sidebar.width = w.0;
            }
            if let Some(w) = s.min_total_width {
                self.sidebar.min_total_width = w.0;
            }
        }
        if let Some(h) = user.highlights {
            if let Some(dir) = h.dir {
                self.highlights_dir = (!dir.as_os_str().is_empty()).then_some(dir);
            }
            if let Some(n) = h.backups {
                self.highlight_backups = n;
            }
        }
        if let Some(k) = user.keys {
            for (ctx, map) in [
                (Context::Global, k.global),
                (Context::Article, k.article),
                (Context::Sidebar, k.sidebar),
                (Context::Prompt, k.prompt),
                (Context::Selection, k.selection),
                (Context::Highlights, k.highlights),
                (Context::Editor, k.editor),
            ] {
                for (key, action) in map.unwrap_or_default() {
                    self.keymap.bind(ctx, key, action);
                }
            }
        }
        self
    }

    /// The embedded default file, parsed. It is checked by the tests, so this cannot fail in
    /// a released build; should it ever, the coded [`Config::default`] is used.
    pub fn embedded() -> Config {
        match UserConfig::parse(DEFAULT_TOML, Path::new("<built-in config.toml>")) {
            Ok(u) => Config::default().merged(u),
            Err(_) => Config::default(),
        }
    }

    /// The defaults with the user file at `path` merged over them. A file over
    /// [`MAX_CONFIG`] is refused without reading it all (`--config /dev/zero`).
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let read = || -> std::io::Result<String> {
            use std::io::Read;
            let mut bytes = Vec::new();
            std::fs::File::open(path)?
                .take(MAX_CONFIG + 1)
                .read_to_end(&mut bytes)?;
            if bytes.len() as u64 > MAX_CONFIG {
                return Err(std::io::Error::other(format!(
                    "it is over {} KB, too large for a config file",
                    MAX_CONFIG / 1024
                )));
            }
            String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "stream did not contain valid UTF-8",
                )
            })
        };
        let text = read().map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_toml(&text, path)
    }

    /// The defaults with the user file contents `text` merged over them.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Ok(Config::embedded().merged(UserConfig::parse(text, path)?))
    }

    /// Loads the configuration: `explicit` (from `--config`) if given, else the file named by
    /// `$HEARSAY_CONFIG`, else the user file in the config folder if it exists, else the
    /// defaults. Returns the path that was used.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let from_env = std::env::var_os("HEARSAY_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => from_env.or_else(|| user_config_path().filter(|p| p.is_file())),
        };
        match path {
            Some(p) => Ok((Config::from_file(&p)?, Some(p))),
            None => Ok((Config::embedded(), None)),
        }
    }
}

/// Where the user's config file lives: `$XDG_CONFIG_HOME/hearsay/config.toml`, or the
/// platform's config folder when that variable is not set.
pub fn user_config_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("hearsay").join("config.toml"))
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Color::Default => f.write_str("default"),
            Color::Ansi(i) => f.write_str(ANSI_NAMES.get(*i as usize).copied().unwrap_or("?")),
            Color::Indexed(i) => write!(f, "{i}"),
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("test.toml"))
    }

    fn invalid(text: &str) -> (usize, usize, String) {
        match parse(text) {
            Err(ConfigError::Invalid {
                line,
                column,
                message,
                path,
            }) => {
                assert_eq!(path, Path::new("test.toml"));
                (line, column, message)
            }
            other => panic!("expected an invalid-config error, got {other:?}"),
        }
    }

    #[test]
    fn embedded_default_parses_and_equals_coded_default() {
        let user = UserConfig::parse(DEFAULT_TOML, Path::new("config.toml")).unwrap();
        // merged over an *empty* keymap so that every default binding must come from the file
        let empty = Config {
            keymap: Keymap::default(),
            ..Config::default()
        };
        assert_eq!(empty.merged(user), Config::default());
        assert_eq!(Config::embedded(), Config::default());
    }

    #[test]
    fn every_action_has_a_default_key() {
        let c = Config::default();
        for &a in Action::ALL {
            let bound = Context::ALL
                .iter()
                .any(|ctx| !c.keymap.keys_for(*ctx, a).is_empty());
            assert!(bound, "{} has no default key", a.name());
        }
    }

    #[test]
    fn overrides_merge_key_by_key() {
        let c = parse(
            r##"
measure = 66
[theme]
title = "#ff8800 on 17"
speakers = ["red"]
[sidebar]
side = "left"
[keys.article]
"x" = "bottom"
"j" = "page_down"
"##,
        )
        .unwrap();
        let d = Config::default();
        assert_eq!(c.measure, 66);
        assert_eq!(
            c.theme.title,
            ColorPair::new(Color::Rgb(0xff, 0x88, 0), Color::Indexed(17))
        );
        assert_eq!(c.theme.speakers, vec![Color::Ansi(1)]);
        assert_eq!(c.theme.dek, d.theme.dek);
        assert_eq!(c.sidebar.side, Side::Left);
        assert_eq!(c.sidebar.width, d.sidebar.width);
        let k = |s| Key::parse(s).unwrap();
        assert_eq!(
            c.keymap.lookup(Context::Article, k("x")),
            Some(Action::Bottom)
        );
        assert_eq!(
            c.keymap.lookup(Context::Article, k("j")),
            Some(Action::PageDown)
        );
        // untouched bindings stay
        assert_eq!(
            c.keymap.lookup(Context::Article, k("k")),
            Some(Action::ScrollUp)
        );
        assert_eq!(
            c.keymap.lookup(Context::Article, k("q")),
            Some(Action::Quit)
        );
    }

    #[test]
    fn empty_user_file_is_the_default() {
        assert_eq!(parse("").unwrap(), Config::default());
        assert_eq!(parse("# only a comment\n").unwrap(), Config::default());
    }

    #[test]
    fn unknown_setting_names_line_and_column() {
        let (line, column, msg) = invalid("measure = 70\n[theme]\ntitel = \"red\"\n");
        assert_eq!((line, column), (3, 1));
        assert!(msg.contains("titel"), "{msg}");
    }

    #[test]
    fn unknown_section_is_an_error() {
        let (line, _, msg) = invalid("[keys.reader]\n\"j\" = \"scroll_down\"\n");
        assert_eq!(line, 1);
        assert!(msg.contains("reader"), "{msg}");
    }

    #[test]
    fn bad_key_name_is_located() {
        let (line, column, msg) =
            invalid("[keys.article]\n\"j\" = \"top\"\n\"ctrl-pgdwn\" = \"top\"\n");
        assert_eq!((line, column), (3, 1));
        assert!(msg.contains("'ctrl-pgdwn' is not a key name"), "{msg}");
    }

    #[test]
    fn bad_action_name_is_located() {
        let (line, column, msg) = invalid("[keys.global]\n\"x\" = \"explode\"\n");
        assert_eq!((line, column), (2, 7));
        assert!(msg.contains("explode"), "{msg}");
        assert!(msg.contains("next_quote"), "lists the valid names: {msg}");
    }

    #[test]
    fn bad_colour_is_located() {
        let (line, column, msg) = invalid("[theme]\nbody = \"default\"\ncaption = \"grey-ish\"\n");
        assert_eq!((line, column), (3, 11));
        assert!(msg.contains("'grey-ish' is not a colour"), "{msg}");
        let (line, _, msg) = invalid("[theme]\nspeakers = [\"red\", \"#12345\"]\n");
        assert_eq!(line, 2);
        assert!(msg.contains("'#12345'"), "{msg}");
    }

    #[test]
    fn out_of_range_and_wrong_type_are_located() {
        let (line, _, msg) = invalid("measure = 5\n");
        assert_eq!(line, 1);
        assert!(msg.contains("from 20 to 1000"), "{msg}");
        let (_, _, msg) = invalid("colors = \"yes\"\n");
        assert!(msg.contains("bool") || msg.contains("boolean"), "{msg}");
        let (_, _, msg) = invalid("[sidebar]\nside = \"top\"\n");
        assert!(msg.contains("top"), "{msg}");
    }

    #[test]
    fn broken_toml_is_located() {
        let (line, _, _) = invalid("measure = 70\n[theme\n");
        assert_eq!(line, 2);
    }

    #[test]
    fn error_message_names_the_file() {
        let e = parse("nope = 1\n").unwrap_err().to_string();
        assert!(e.starts_with("test.toml:1:1: "), "{e}");
    }

    #[test]
    fn missing_explicit_file_is_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("absent.toml");
        let e = Config::load(Some(&p)).unwrap_err();
        assert!(matches!(e, ConfigError::Read { .. }));
        assert!(e.to_string().contains("absent.toml"));
    }

    #[test]
    fn a_huge_or_endless_file_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, "# x\n".repeat(300_000)).unwrap();
        let e = Config::load(Some(&big)).unwrap_err();
        assert!(matches!(e, ConfigError::Read { .. }));
        assert!(e.to_string().contains("too large for a config file"), "{e}");
        if Path::new("/dev/zero").exists() {
            let e = Config::load(Some(Path::new("/dev/zero"))).unwrap_err();
            assert!(e.to_string().contains("too large"), "{e}");
        }
    }

    #[test]
    fn explicit_file_is_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "measure = 60\ncolors = false\n").unwrap();
        let (c, used) = Config::load(Some(&p)).unwrap();
        assert_eq!(used.as_deref(), Some(p.as_path()));
        assert_eq!(c.measure, 60);
        assert!(!c.colors);
    }

    #[test]
    fn colours_parse() {
        assert_eq!("dark-gray".parse(), Ok(Color::Ansi(8)));
        assert_eq!("Grey".parse(), Ok(Color::Ansi(7)));
        assert_eq!("#A0b1C2".parse(), Ok(Color::Rgb(0xa0, 0xb1, 0xc2)));
        assert_eq!("200".parse(), Ok(Color::Indexed(200)));
        assert!("256".parse::<Color>().is_err());
        assert_eq!(
            "on blue".parse(),
            Ok(ColorPair {
                fg: None,
                bg: Some(Color::Ansi(4)),
                reverse: false,
            })
        );
        assert_eq!("reverse".parse(), Ok(ColorPair::REVERSE));
        assert!("reverse on red".parse::<ColorPair>().is_err());
        assert_eq!("on blue".parse::<ColorPair>().map(|p| p.reverse), Ok(false));
        assert_eq!(Color::Rgb(1, 2, 3).to_string(), "#010203");
    }
}
