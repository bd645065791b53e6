//! The user's configuration: the embedded default (`config.toml` at the top of the repository,
//! the one place the defaults are written) with the user's file merged over it key by key.
//!
//! The user file is read into [`UserConfig`], where every setting is optional and unknown
//! settings are refused (`deny_unknown_fields`), so typos surface as mistakes. A file is
//! read as far as it is right ([`UserConfig::parse_all`]): every mistake is located (file,
//! line and column, from toml's spans) and its setting left out, and the other settings are
//! kept. [`Config`] is the resolved result, in which `ctrl-c` always quits. The colours here
//! are terminal-independent ([`Color`]); the TUI converts them.

use crate::keymap::{Action, Context, Key, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::LazyLock;
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

/// Colours of the reader. (`Theme::default()` is blank, every colour left alone; the
/// shipped colours are in `config.toml`.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    /// Share of the terminal's width the docked sidebar takes, in percent.
    pub share: u16,
    /// The narrowest docked sidebar, in columns.
    pub min_width: u16,
    /// The widest docked sidebar, in columns.
    pub max_width: u16,
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
    /// The library folder `hearsay library` opens without one given; `None`: none set.
    pub library_dir: Option<PathBuf>,
    /// What `y` copies, and how.
    pub clipboard: ClipboardConfig,
    /// Backup generations of the highlights file kept on save (`.bak`, `.bak.2`, …).
    pub highlight_backups: usize,
    /// Key bindings.
    pub keymap: Keymap,
}

/// The built-in configuration, parsed once from the embedded file.
static BUILT_IN: LazyLock<Config> = LazyLock::new(|| {
    let parsed = UserConfig::parse_all(DEFAULT_TOML, Path::new(BUILT_IN_NAME));
    Config::blank().merged(parsed.user)
});

/// How the embedded file is named in messages.
const BUILT_IN_NAME: &str = "<built-in config.toml>";

impl Default for Config {
    /// The built-in defaults: the embedded `config.toml`, the one place they are written.
    fn default() -> Self {
        BUILT_IN.clone()
    }
}

impl Config {
    /// A configuration with nothing set, the base the embedded file is merged over. Its
    /// values are placeholders that are never seen: the embedded file sets every setting
    /// (a test checks that).
    fn blank() -> Config {
        Config {
            measure: 0,
            colors: false,
            theme: Theme::default(),
            sidebar: SidebarConfig {
                side: Side::Right,
                share: 0,
                min_width: 0,
                max_width: 0,
                min_total_width: 0,
            },
            highlights_dir: None,
            library_dir: None,
            clipboard: ClipboardConfig {
                quote: String::new(),
                claim: String::new(),
                osc52: false,
            },
            highlight_backups: 0,
            keymap: Keymap::default(),
        }
    }
}

/// What a bounded number setting counts, for its error message.
trait Unit {
    /// "a number of columns", "a percentage".
    const WHAT: &'static str;
}

/// Columns of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ColumnsUnit;

impl Unit for ColumnsUnit {
    const WHAT: &'static str = "a number of columns";
}

/// A share in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PercentUnit;

impl Unit for PercentUnit {
    const WHAT: &'static str = "a percentage";
}

/// A whole number setting in a sensible range, `MIN..=MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ranged<U, const MIN: u16, const MAX: u16>(u16, std::marker::PhantomData<U>);

/// A width setting: a whole number of columns in a sensible range.
type Columns<const MIN: u16, const MAX: u16> = Ranged<ColumnsUnit, MIN, MAX>;

/// A share setting: a whole percentage in a sensible range.
type Percent<const MIN: u16, const MAX: u16> = Ranged<PercentUnit, MIN, MAX>;

impl<'de, U: Unit, const MIN: u16, const MAX: u16> Deserialize<'de> for Ranged<U, MIN, MAX> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        if n < i64::from(MIN) || n > i64::from(MAX) {
            return Err(serde::de::Error::custom(format!(
                "{n} is out of range; use {} from {MIN} to {MAX}",
                U::WHAT
            )));
        }
        Ok(Ranged(n as u16, std::marker::PhantomData))
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
    library: Option<UserLibrary>,
    clipboard: Option<UserClipboard>,
    keys: Option<UserKeys>,
}

/// The `[clipboard]` table: the templates `y` fills (see
/// [`crate::annotations::clipboard`]) and whether to copy through the terminal (OSC 52).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipboardConfig {
    /// Template for a quotation.
    pub quote: String,
    /// Template for a claim.
    pub claim: String,
    /// Send OSC 52 (false: the terminal is known not to take it).
    pub osc52: bool,
}

/// A clipboard template, checked when the config is read.
#[derive(Debug)]
struct Template(String);

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        crate::annotations::clipboard::check_template(&s).map_err(serde::de::Error::custom)?;
        Ok(Template(s))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserClipboard {
    quote: Option<Template>,
    claim: Option<Template>,
    osc52: Option<bool>,
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
    share: Option<Percent<10, 70>>,
    min_width: Option<Columns<16, 200>>,
    max_width: Option<Columns<16, 200>>,
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
struct UserLibrary {
    dir: Option<PathBuf>,
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
    help: Option<BTreeMap<Key, Action>>,
    picker: Option<BTreeMap<Key, Action>>,
    diff: Option<BTreeMap<Key, Action>>,
    library: Option<BTreeMap<Key, Action>>,
}

/// Most mistakes listed for one file. Each one costs a pass over the file, so a file of
/// nothing but mistakes stops here; its settings are then not used at all.
pub const MAX_MISTAKES: usize = 100;

/// A place in a config file and what is wrong there, or (for a warning) what works
/// differently from what the file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong, and how to fix it: one line, never cut.
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Why a configuration file could not be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file could not be read (missing, a folder, no permission, too large).
    #[error("cannot read the config file '{path}': {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file has a mistake: bad TOML, an unknown setting, a bad key name or colour.
    #[error("{0}")]
    Invalid(Located),
}

/// What a check found in a config file besides its settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Every mistake, in file order; each one's setting is left out (its default stays).
    pub mistakes: Vec<Located>,
    /// Settings that work differently from what the file says (`ctrl-c` always quits).
    pub warnings: Vec<Located>,
    /// More than [`MAX_MISTAKES`] mistakes: the list stops there and no setting is used.
    pub more: bool,
}

/// A config file read as far as it is right: the valid settings, and what was found.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The settings without mistakes.
    pub user: UserConfig,
    /// The mistakes and warnings.
    pub found: Findings,
}

/// A config file checked: the configuration it gives, and what was found in it.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The defaults with every valid setting of the file merged over them.
    pub config: Config,
    /// The mistakes and warnings.
    pub found: Findings,
}

/// Where the lines of a text start, to turn byte offsets into lines and columns without
/// counting from the top each time (a file can hold many mistakes).
struct LineStarts<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineStarts<'a> {
    fn new(text: &'a str) -> LineStarts<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// A parser's or serde's message made ours: on one line, names in single quotes, and the
/// closest valid name suggested for an unknown one.
fn tidy(message: &str) -> String {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let suggestion = suggest(&one_line)
        .map(|s| format!("; did you mean '{s}'?"))
        .unwrap_or_default();
    format!("{}{suggestion}", one_line.replace('`', "'"))
}

/// For serde's "unknown field `titel`, expected one of `title`, …" (or variant): the
/// expected name closest to the unknown one, when it is close.
fn suggest(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (name, expected) = rest.split_once('`')?;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Removes from `table` the innermost setting at `at` (a span of the file): the entry
/// whose key or value holds it, looking inside tables first (a table's own span is only
/// its header). False when no entry does.
fn remove_at(table: &mut toml::de::DeTable<'_>, at: &Range<usize>) -> bool {
    let holds = |s: Range<usize>| s.start <= at.start && at.end <= s.end.max(s.start + 1);
    let mut found = None;
    for (key, value) in table.iter_mut() {
        if let toml::de::DeValue::Table(inner) = value.get_mut()
            && remove_at(inner, at)
        {
            return true;
        }
        if holds(key.span()) || holds(value.span()) {
            found = Some(key.clone());
            break;
        }
    }
    found.is_some_and(|key| table.remove(&key).is_some())
}

impl UserConfig {
    /// Parses a user file, stopping at the first mistake. `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<UserConfig, ConfigError> {
        let parsed = UserConfig::parse_all(text, path);
        match parsed.found.mistakes.into_iter().next() {
            Some(first) => Err(ConfigError::Invalid(first)),
            None => Ok(parsed.user),
        }
    }

    /// Parses a user file as far as it is right: every mistake is located and its setting
    /// left out, and the other settings are kept. TOML syntax errors are recovered from
    /// where the parser can; a setting with a wrong name or value is dropped and the file
    /// read again, until what is left is right.
    pub fn parse_all(text: &str, path: &Path) -> Parsed {
        let lines = LineStarts::new(text);
        let locate = |span: Option<Range<usize>>, message: &str| {
            let (line, column) = span.map_or((1, 1), |s| lines.line_column(s.start));
            Located {
                path: path.to_path_buf(),
                line,
                column,
                message: tidy(message),
            }
        };
        let (root, syntax) = toml::de::DeTable::parse_recoverable(text);
        let mut parsed = Parsed::default();
        parsed.found.more = syntax.len() > MAX_MISTAKES;
        let syntax: Vec<Located> = syntax
            .iter()
            .take(MAX_MISTAKES)
            .map(|e| locate(e.span(), e.message()))
            .collect();
        let span = root.span();
        let mut table = root.into_inner();
        let mut wrong = Vec::new();
        while !parsed.found.more {
            let de = toml::de::Deserializer::from(toml::Spanned::new(span.clone(), table.clone()));
            let e = match UserConfig::deserialize(de) {
                Ok(user) => {
                    parsed.user = user;
                    break;
                }
                Err(e) => e,
            };
            wrong.push(locate(e.span(), e.message()));
            parsed.found.more = syntax.len() + wrong.len() > MAX_MISTAKES;
            if !e.span().is_some_and(|at| remove_at(&mut table, &at)) {
                // nothing to leave out: nothing of the file can be used
                break;
            }
        }
        // what the parser made of a line it could not read often fails again later: a
        // line with a syntax error gets that error only
        wrong.retain(|m| !syntax.iter().any(|s| s.line == m.line));
        parsed.found.mistakes = syntax;
        parsed.found.mistakes.append(&mut wrong);
        parsed.found.mistakes.sort_by_key(|m| (m.line, m.column));
        parsed.found.mistakes.dedup_by_key(|m| (m.line, m.column));
        parsed.found.mistakes.truncate(MAX_MISTAKES);
        parsed.found.warnings = quit_warnings(&table)
            .into_iter()
            .map(|(span, message)| locate(Some(span), &message))
            .collect();
        parsed
    }
}

/// `ctrl-c` bound to anything but `quit` in the `[keys.*]` tables: where, and what is said.
fn quit_warnings(table: &toml::de::DeTable<'_>) -> Vec<(Range<usize>, String)> {
    let ctrl_c = Key::parse(QUIT_KEY).ok();
    let Some(toml::de::DeValue::Table(keys)) = table.get("keys").map(|v| v.get_ref()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (context, bindings) in keys.iter() {
        let toml::de::DeValue::Table(bindings) = bindings.get_ref() else {
            continue;
        };
        for (key, action) in bindings.iter() {
            let toml::de::DeValue::String(action) = action.get_ref() else {
                continue;
            };
            if Key::parse(key.get_ref()).ok() == ctrl_c && action.as_ref() != "quit" {
                out.push((
                    key.span(),
                    format!(
                        "'{QUIT_KEY}' always quits hearsay (so there is always a way out): \
                         binding it to '{action}' in [keys.{}] has no effect; bind another key",
                        context.get_ref()
                    ),
                ));
            }
        }
    }
    out
}

/// The key that quits whatever the config says.
pub const QUIT_KEY: &str = "ctrl-c";

impl Config {
    /// Returns this configuration with `user` merged over it, setting by setting and, for
    /// keys, binding by binding. `ctrl-c` still quits everywhere afterwards.
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
            if let Some(p) = s.share {
                self.sidebar.share = p.0;
            }
            if let Some(w) = s.min_width {
                self.sidebar.min_width = w.0;
            }
            if let Some(w) = s.max_width {
                self.sidebar.max_width = w.0;
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
        if let Some(l) = user.library
            && let Some(dir) = l.dir
        {
            self.library_dir = (!dir.as_os_str().is_empty()).then_some(dir);
        }
        if let Some(c) = user.clipboard {
            if let Some(t) = c.quote {
                self.clipboard.quote = t.0;
            }
            if let Some(t) = c.claim {
                self.clipboard.claim = t.0;
            }
            if let Some(on) = c.osc52 {
                self.clipboard.osc52 = on;
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
                (Context::Help, k.help),
                (Context::Picker, k.picker),
                (Context::Diff, k.diff),
                (Context::Library, k.library),
            ] {
                for (key, action) in map.unwrap_or_default() {
                    self.keymap.bind(ctx, key, action);
                }
            }
        }
        self.with_quit_kept()
    }

    /// `ctrl-c` quits in every context, whatever was bound to it: a config must not be
    /// able to take away every way out (in raw mode the terminal no longer turns ctrl-c
    /// into a signal).
    fn with_quit_kept(mut self) -> Config {
        if let Ok(ctrl_c) = Key::parse(QUIT_KEY) {
            for bindings in self.keymap.contexts.values_mut() {
                if let Some(action) = bindings.get_mut(&ctrl_c) {
                    *action = Action::Quit;
                }
            }
            self.keymap.bind(Context::Global, ctrl_c, Action::Quit);
        }
        self
    }

    /// The built-in configuration (the same as [`Config::default`]).
    pub fn embedded() -> Config {
        Config::default()
    }

    /// The defaults with the user file contents `text` merged over them, as far as the file
    /// is right (see [`UserConfig::parse_all`]).
    pub fn check(text: &str, path: &Path) -> Checked {
        let parsed = UserConfig::parse_all(text, path);
        let config = if parsed.found.more {
            Config::default()
        } else {
            Config::default().merged(parsed.user)
        };
        Checked {
            config,
            found: parsed.found,
        }
    }

    /// [`Config::check`] for the bytes of a file: bytes that are not UTF-8 are a mistake
    /// (located at the first one), and the rest of the file is still read.
    pub fn check_bytes(bytes: &[u8], path: &Path) -> Checked {
        let text = String::from_utf8_lossy(bytes);
        let mut checked = Config::check(&text, path);
        if let Err(e) = std::str::from_utf8(bytes) {
            let at = e.valid_up_to();
            let (line, column) = LineStarts::new(&text).line_column(at);
            // said once: what the parser made of the replacement character is not news
            checked
                .found
                .mistakes
                .retain(|m| (m.line, m.column) != (line, column));
            checked.found.mistakes.insert(
                0,
                Located {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: format!(
                        "byte 0x{:02x} is not UTF-8 text; save the file as UTF-8",
                        bytes[at]
                    ),
                },
            );
            checked.found.mistakes.sort_by_key(|m| (m.line, m.column));
            checked.found.mistakes.truncate(MAX_MISTAKES);
        }
        checked
    }

    /// The defaults with the user file contents `text` merged over them, or the first
    /// mistake in the file.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let checked = Config::check(text, path);
        match checked.found.mistakes.into_iter().next() {
            Some(first) => Err(ConfigError::Invalid(first)),
            None => Ok(checked.config),
        }
    }

    /// Reads and checks the file at `path`. A file that cannot be read is an error; one over
    /// [`MAX_CONFIG`] is refused without reading it all (`--config /dev/zero`).
    pub fn from_file(path: &Path) -> Result<Checked, ConfigError> {
        use std::io::Read;
        let failed = |source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        };
        if path.is_dir() {
            return Err(failed(std::io::Error::other("it is a folder")));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_CONFIG + 1).read_to_end(&mut bytes))
            .map_err(failed)?;
        if bytes.len() as u64 > MAX_CONFIG {
            return Err(failed(std::io::Error::other(format!(
                "it is over {} KB, too large for a config file",
                MAX_CONFIG / 1024
            ))));
        }
        Ok(Config::check_bytes(&bytes, path))
    }

    /// The file the configuration comes from: `explicit` (from `--config`) if given, else
    /// the file named by `$HEARSAY_CONFIG`, else the user file in the config folder if it
    /// exists; `None` for the built-in defaults.
    pub fn path(explicit: Option<&Path>) -> Option<PathBuf> {
        let from_env = std::env::var_os("HEARSAY_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => from_env.or_else(|| user_config_path().filter(|p| p.is_file())),
        }
    }

    /// Loads the configuration from [`Config::path`], checked. Returns the path that was
    /// used; an error only when that file cannot be read at all.
    pub fn load(explicit: Option<&Path>) -> Result<(Checked, Option<PathBuf>), ConfigError> {
        match Config::path(explicit) {
            Some(p) => Ok((Config::from_file(&p)?, Some(p))),
            None => Ok((
                Checked {
                    config: Config::default(),
                    found: Findings::default(),
                },
                None,
            )),
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
            Err(ConfigError::Invalid(Located {
                line,
                column,
                message,
                path,
            })) => {
                assert_eq!(path, Path::new("test.toml"));
                (line, column, message)
            }
            other => panic!("expected an invalid-config error, got {other:?}"),
        }
    }

    fn check(text: &str) -> Checked {
        Config::check(text, Path::new("test.toml"))
    }

    fn places(located: &[Located]) -> Vec<(usize, usize)> {
        located.iter().map(|m| (m.line, m.column)).collect()
    }

    #[test]
    fn the_embedded_file_sets_every_setting() {
        let parsed = UserConfig::parse_all(DEFAULT_TOML, Path::new("config.toml"));
        assert_eq!(
            parsed.found.mistakes,
            [],
            "the shipped file has no mistakes"
        );
        assert_eq!(parsed.found.warnings, []);
        // every setting is an Option: one left unset would leave a blank placeholder in
        // Config::default(), so none may be None
        // merged over two different bases, the file gives the same: it sets every setting
        // (one left out would keep a placeholder of the base)
        let mut other = Config::blank();
        other.measure = 1;
        other.colors = true;
        other.sidebar = SidebarConfig {
            side: Side::Left,
            share: 1,
            min_width: 1,
            max_width: 1,
            min_total_width: 1,
        };
        other.highlights_dir = Some("elsewhere".into());
        other.library_dir = Some("elsewhere".into());
        other.highlight_backups = 7;
        other.clipboard = ClipboardConfig {
            quote: "elsewhere".into(),
            claim: "elsewhere".into(),
            osc52: true,
        };
        let t = &mut other.theme;
        for slot in [
            &mut t.title,
            &mut t.dek,
            &mut t.meta,
            &mut t.body,
            &mut t.subheading,
            &mut t.caption,
            &mut t.credit,
            &mut t.contributors,
            &mut t.search_match,
            &mut t.current_match,
            &mut t.status,
            &mut t.message,
            &mut t.border,
            &mut t.focus,
            &mut t.current_quote,
            &mut t.highlight,
        ] {
            *slot = ColorPair::fg(Color::Indexed(1));
        }
        t.speakers = vec![Color::Indexed(1)];
        let again = UserConfig::parse_all(DEFAULT_TOML, Path::new("config.toml")).user;
        assert_eq!(other.merged(again), Config::default());
        assert_eq!(Config::default(), Config::blank().merged(parsed.user));
        assert_eq!(Config::embedded(), Config::default());
        assert_eq!(Config::default().measure, 80, "read from the file");
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
        assert_eq!(c.sidebar.share, d.sidebar.share);
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
    fn sidebar_share_and_bounds_are_checked() {
        let c = parse("[sidebar]\nshare = 40\nmin_width = 30\nmax_width = 70\n").unwrap();
        assert_eq!(
            (c.sidebar.share, c.sidebar.min_width, c.sidebar.max_width),
            (40, 30, 70)
        );
        let (line, column, msg) = invalid("[sidebar]\nshare = 90\n");
        assert_eq!((line, column), (2, 9));
        assert!(
            msg.contains("90 is out of range; use a percentage from 10 to 70"),
            "{msg}"
        );
        let (_, _, msg) = invalid("[sidebar]\nmax_width = 4\n");
        assert!(
            msg.contains("use a number of columns from 16 to 200"),
            "{msg}"
        );
        // the old fixed width is gone: named as unknown, with the settings there are
        let (_, _, msg) = invalid("[sidebar]\nwidth = 40\n");
        assert!(
            msg.contains("'width'") && msg.contains("min_width"),
            "{msg}"
        );
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
    fn every_mistake_is_located_and_the_valid_settings_are_kept() {
        let c = check(
            "measure = 60\n\
             [theme]\n\
             titel = \"red\"\n\
             caption = \"grey-ish\"\n\
             body = \"cyan\"\n\
             [keys.article]\n\
             \"jj\" = \"top\"\n\
             \"Z\" = \"explode\"\n\
             \"y\" = \"bottom\"\n\
             [sidebar]\n\
             side = \"left\"\n\
             min_width = 2\n",
        );
        assert_eq!(
            places(&c.found.mistakes),
            [(3, 1), (4, 11), (7, 1), (8, 7), (12, 13)],
            "{:#?}",
            c.found.mistakes
        );
        assert!(
            c.found.mistakes[0]
                .message
                .contains("did you mean 'title'?")
        );
        // messages are whole: the list of actions names every one
        for a in Action::ALL {
            let name = format!("'{}'", a.name());
            let message = &c.found.mistakes[3].message;
            assert!(message.contains(&name), "{name} in {message}");
        }
        let d = Config::default();
        assert_eq!(c.config.measure, 60);
        assert_eq!(c.config.theme.body, ColorPair::fg(Color::Ansi(6)));
        assert_eq!(
            c.config.theme.caption, d.theme.caption,
            "the mistake keeps the default"
        );
        assert_eq!(c.config.sidebar.side, Side::Left);
        assert_eq!(c.config.sidebar.min_width, d.sidebar.min_width);
        let k = |s| Key::parse(s).unwrap();
        assert_eq!(
            c.config.keymap.lookup(Context::Article, k("y")),
            Some(Action::Bottom)
        );
        assert_eq!(c.config.keymap.lookup(Context::Article, k("Z")), None);
        assert!(!c.found.more);
    }

    #[test]
    fn a_syntax_error_is_located_and_the_rest_is_read() {
        let c = check("measure = 60\n[theme\nbody = \"cyan\"\n[sidebar]\nside = \"left\"\n");
        assert_eq!(c.found.mistakes.len(), 1, "{:#?}", c.found.mistakes);
        assert_eq!(c.found.mistakes[0].line, 2);
        assert_eq!(c.config.measure, 60);
        assert_eq!(c.config.sidebar.side, Side::Left);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_located_mistake() {
        let c = Config::check_bytes(
            b"measure = 60\n# caf\xe9\ncolors = false\n",
            Path::new("t.toml"),
        );
        assert_eq!(
            places(&c.found.mistakes),
            [(2, 6)],
            "{:#?}",
            c.found.mistakes
        );
        assert!(c.found.mistakes[0].message.contains("0xe9"));
        assert_eq!(c.config.measure, 60);
        assert!(!c.config.colors);
    }

    #[test]
    fn ctrl_c_always_quits_and_a_binding_of_it_is_warned_about() {
        let c = check(
            "[keys.global]\n\"q\" = \"top\"\n\"ctrl-c\" = \"bottom\"\n\
             [keys.prompt]\n\"Ctrl-C\" = \"close\"\n[keys.article]\n\"ctrl-c\" = \"quit\"\n",
        );
        assert_eq!(c.found.mistakes, []);
        assert_eq!(
            places(&c.found.warnings),
            [(3, 1), (5, 1)],
            "{:#?}",
            c.found.warnings
        );
        assert!(
            c.found.warnings[0]
                .message
                .contains("'ctrl-c' always quits")
        );
        let ctrl_c = Key::parse("ctrl-c").unwrap();
        for ctx in Context::ALL {
            assert_eq!(
                c.config.keymap.lookup(ctx, ctrl_c),
                Some(Action::Quit),
                "{ctx:?}"
            );
        }
        assert_eq!(
            c.config
                .keymap
                .lookup(Context::Article, Key::parse("q").unwrap()),
            Some(Action::Top),
            "q may be bound to something else"
        );
    }

    #[test]
    fn a_file_of_nothing_but_mistakes_stops_at_the_limit() {
        let unknown: String = (0..MAX_MISTAKES * 3)
            .map(|i| format!("nope{i} = 1\n"))
            .collect();
        let duplicate = "measure = 70\n".repeat(MAX_MISTAKES * 3);
        for text in [unknown, duplicate] {
            let c = check(&format!("measure = 60\n{text}"));
            assert!(c.found.more);
            assert_eq!(c.found.mistakes.len(), MAX_MISTAKES);
            assert_eq!(
                c.config,
                Config::default(),
                "no setting of such a file is used"
            );
        }
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
        let (checked, used) = Config::load(Some(&p)).unwrap();
        let c = checked.config;
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
