//! Key notation, the actions keys are bound to, and the lookup from a key to an action.
//!
//! A key is written the way the config file writes it: a character (`j`, `G`, `}`, `?`), a
//! named key (`space`, `enter`, `esc`, `tab`, `backtab`, `backspace`, `up`, `down`, `left`,
//! `right`, `home`, `end`, `pageup`, `pagedown`, `delete`, `insert`, `f1`…`f12`), optionally
//! prefixed with `ctrl-`, `alt-` or `shift-`. The keymap is a table per [`Context`]; a key is
//! looked up in the context that has focus, then in [`Context::Global`]. This module does not
//! know about any terminal library: the TUI converts its key events into [`Key`]s.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use thiserror::Error;

/// Everything a key can be bound to, in the order the help lists them. The names used in
/// the `[keys.*]` tables of the config file are derived once, from the variant names in
/// snake_case (serde reads them, [`Action::name`] prints them).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Scroll (or move in a list) one line down.
    ScrollDown,
    /// Scroll (or move in a list) one line up.
    ScrollUp,
    /// Scroll one screen down.
    PageDown,
    /// Scroll one screen up.
    PageUp,
    /// Scroll half a screen down.
    HalfPageDown,
    /// Scroll half a screen up.
    HalfPageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Go to a percentage of the article (the number typed before the key: `50%`).
    GoToPercent,
    /// Say where the reader is: lines on screen, of how many, and the percentage.
    ShowPosition,
    /// Go to the start of the next paragraph.
    NextParagraph,
    /// Go to the start of the previous paragraph.
    PrevParagraph,
    /// Open the search prompt.
    Search,
    /// Open the search prompt, searching backwards.
    SearchBack,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Go to the next quote or claim.
    NextQuote,
    /// Go to the previous quote or claim.
    PrevQuote,
    /// Go to the next quote by the current quote's speaker.
    NextSameSpeaker,
    /// Show or hide the sidebar.
    ToggleSidebar,
    /// Move focus: article, speakers, claims.
    FocusNext,
    /// Move focus back: claims, speakers, article.
    FocusPrev,
    /// Filter by the selected speaker, or jump to the selected claim.
    Select,
    /// Sort speakers by first appearance or by number of claims.
    ToggleSort,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Show every message said so far, whole.
    ShowMessages,
    /// Open the command line (`:`): `:messages`, `:help`, `:q`.
    EnterCommand,
    /// Close the overlay or prompt, or clear the filter or search.
    Close,
    /// Highlight the current quote, the sentence at the top, or the selection.
    Highlight,
    /// Start selecting sentences to highlight, from the sentence at the top.
    StartSelection,
    /// Add or edit the note of the highlight under the cursor.
    EditNote,
    /// Edit the tags of the highlight under the cursor.
    EditTags,
    /// Delete the highlight under the cursor.
    DeleteHighlight,
    /// Undo the last change to the highlights.
    Undo,
    /// Cycle the check status of a highlighted quote or claim.
    CycleStatus,
    /// Export the highlights as Markdown beside the article.
    ExportHighlights,
    /// Open or close the list of highlights.
    ListHighlights,
    /// Correct the current quote or claim (its speaker), or the speaker selected.
    Correct,
    /// In a selection: add an attribution the analysis missed.
    AddAttribution,
    /// Copy the current quote or claim with its source to the clipboard.
    CopyQuote,
    /// Copy the highlight under the cursor as Markdown to the clipboard.
    CopyHighlight,
    /// In the speaker picker: the next kind for a new speaker.
    NextKind,
    /// Show what changed since the text was highlighted (when it changed), or close the diff.
    ShowDiff,
    /// In the diff view: the next change.
    NextChange,
    /// In the diff view: the previous change.
    PrevChange,
    /// In the library: sort the article list by the next column.
    NextSort,
    /// In the library: reverse the order of the article list.
    ReverseSort,
    /// In the library: filter the article list (words, publication:, from:, to:).
    FilterList,
    /// In the library: the list of articles.
    ShowArticles,
    /// In the library: the speakers index across the articles.
    ShowPeople,
    /// In the library: the results of the last search.
    ShowResults,
    /// In the library: the versions of the selected article, with their timeline.
    ShowVersions,
    /// In the library's versions: mark the selected version to compare another with.
    MarkVersion,
    /// In the library: what changed between the marked (or previous) version and the
    /// selected one.
    CompareVersions,
    /// In a prompt: accept what was typed.
    Confirm,
    /// In a prompt: delete the character before the cursor.
    DeleteBack,
    /// In the search prompt: the search before (older) in the history.
    HistoryPrev,
    /// In the search prompt: the search after (newer) in the history.
    HistoryNext,
    /// In the note editor: save the note.
    SaveNote,
    /// In the note editor: start a new line (saves on an empty last line).
    NewLine,
    /// In the note editor: delete the character under the cursor.
    DeleteForward,
    /// In the note editor: move the cursor left.
    CursorLeft,
    /// In the note editor: move the cursor right.
    CursorRight,
    /// In the note editor: move the cursor up a line.
    CursorUp,
    /// In the note editor: move the cursor down a line.
    CursorDown,
    /// In the note editor: move the cursor to the start of the line.
    LineStart,
    /// In the note editor: move the cursor to the end of the line.
    LineEnd,
    /// Leave hearsay.
    Quit,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: &'static [Action] = <Action as strum::VariantArray>::VARIANTS;

    /// The action's config name, e.g. `next_quote`.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// Where a binding applies. The config names are the `[keys.<context>]` table names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere, unless the focused context binds the key itself.
    Global,
    /// The article pane.
    Article,
    /// The speakers and claims lists of the sidebar.
    Sidebar,
    /// A text prompt (search, tags). Unbound printable keys are typed into it.
    Prompt,
    /// Selecting sentences to highlight (after `v`).
    Selection,
    /// The list of highlights (after `H`).
    Highlights,
    /// The note editor. Unbound printable keys are typed into it.
    Editor,
    /// The help and the message log (`q` closes them, as in less).
    Help,
    /// The correction overlay and its speaker picker (`C`). Unbound printable keys are
    /// typed into its filter.
    Picker,
    /// The diff view (what changed between two versions).
    Diff,
    /// The library view: its lists of articles, speakers, quotes, results and versions.
    Library,
}

impl Context {
    /// All contexts, in the order the help lists them.
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Article,
        Context::Sidebar,
        Context::Selection,
        Context::Highlights,
        Context::Prompt,
        Context::Editor,
        Context::Help,
        Context::Picker,
        Context::Diff,
        Context::Library,
    ];
}

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character (its case carries the shift key).
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1 to F24.
    F(u8),
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Mods {
    /// Control.
    pub ctrl: bool,
    /// Alt (Meta, Option).
    pub alt: bool,
    /// Shift, for keys other than characters (a character's case already says it).
    pub shift: bool,
}

/// A key press, normalised so that equal presses compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// The modifiers held with it.
    pub mods: Mods,
}

/// A key name the parser does not understand.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error(
    "'{0}' is not a key name; write a character like 'j' or '}}', a name like 'space', 'enter', 'esc', 'tab', 'pagedown', 'up' or 'f1', optionally after 'ctrl-', 'alt-' or 'shift-'"
)]
pub struct KeyParseError(pub String);

impl Key {
    /// A key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods {
                ctrl: false,
                alt: false,
                shift: false,
            },
        }
    }

    /// Builds a key, normalising it: shift is folded into a character's case, Ctrl with a
    /// letter uses the lower-case letter, and shift-tab is [`KeyCode::BackTab`].
    pub fn new(code: KeyCode, mods: Mods) -> Key {
        let mut mods = mods;
        let code = match code {
            KeyCode::Char(c) => {
                mods.shift = false;
                if mods.ctrl && c.is_ascii_alphabetic() {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::Tab if mods.shift => {
                mods.shift = false;
                KeyCode::BackTab
            }
            KeyCode::BackTab => {
                mods.shift = false;
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// Parses key notation such as `j`, `G`, `ctrl-c`, `space`, `pagedown`, `shift-tab`.
    ///
    /// ```
    /// use hearsay::keymap::{Key, KeyCode};
    /// let k = Key::parse("ctrl-d").unwrap();
    /// assert_eq!(k.code, KeyCode::Char('d'));
    /// assert!(k.mods.ctrl);
    /// assert_eq!(Key::parse("G").unwrap().to_string(), "G");
    /// assert!(Key::parse("ctrl-").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Key, KeyParseError> {
        let err = || KeyParseError(s.to_string());
        let mut mods = Mods::default();
        let mut rest = s;
        // A lone "-" is the minus key; "ctrl--" is ctrl with minus.
        loop {
            let lower = rest.to_ascii_lowercase();
            let Some((prefix, after)) = lower.split_once('-') else {
                break;
            };
            if after.is_empty() {
                break;
            }
            match prefix {
                "ctrl" | "c" => mods.ctrl = true,
                "alt" | "a" | "m" | "meta" => mods.alt = true,
                "shift" | "s" => mods.shift = true,
                _ => break,
            }
            rest = &rest[prefix.len() + 1..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(err()),
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" | "cr" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" | "bs" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdown" | "pgdn" => KeyCode::PageDown,
                "minus" => KeyCode::Char('-'),
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(err()),
                },
                _ => return Err(err()),
            },
        };
        if let KeyCode::Char(c) = code
            && mods.shift
            && c.is_alphabetic()
        {
            // "shift-g" means "G"
            return Ok(Key::new(
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
                mods,
            ));
        }
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.mods.alt {
            f.write_str("alt-")?;
        }
        if self.mods.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::F(n) => write!(f, "f{n}"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Key::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Parses a space-separated key sequence, e.g. `"j j G"` or `"/ f e r r y enter"`.
///
/// ```
/// let keys = hearsay::keymap::parse_keys("g ctrl-d space").unwrap();
/// assert_eq!(keys.len(), 3);
/// ```
pub fn parse_keys(s: &str) -> Result<Vec<Key>, KeyParseError> {
    s.split_whitespace().map(Key::parse).collect()
}

/// Key bindings per context.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Keymap {
    /// The bindings of each context.
    pub contexts: BTreeMap<Context, BTreeMap<Key, Action>>,
}

impl Keymap {
    /// The action bound to `key` in `context`, falling back to [`Context::Global`]. In a
    /// prompt or the note editor only keys held with Ctrl or Alt fall back (so `ctrl-c`
    /// still quits); other unbound keys are typed.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        let own = self.contexts.get(&context).and_then(|m| m.get(&key));
        let typed = !key.mods.ctrl && !key.mods.alt;
        match (own, context) {
            (Some(a), _) => Some(*a),
            (None, Context::Global) => None,
            (None, Context::Prompt | Context::Editor | Context::Picker) if typed => None,
            (None, _) => self
                .contexts
                .get(&Context::Global)
                .and_then(|m| m.get(&key))
                .copied(),
        }
    }

    /// The keys bound to `action` in `context` (without the global fallback), in key order.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        self.contexts
            .get(&context)
            .map(|m| {
                m.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Binds `key` to `action` in `context`, replacing what it was bound to.
    pub fn bind(&mut self, context: Context, key: Key, action: Action) {
        self.contexts
            .entry(context)
            .or_default()
            .insert(key, action);
    }

    /// A key bound to `action` in `context` or globally, for hints like "press h for help".
    /// Plain keys are preferred over ones with modifiers, and lower-case letters over
    /// capitals.
    pub fn hint(&self, context: Context, action: Action) -> Option<Key> {
        let capital = |k: &Key| matches!(k.code, KeyCode::Char(c) if c.is_uppercase());
        let best = |keys: Vec<Key>| {
            keys.into_iter()
                .min_by_key(|k| (k.mods != Mods::default(), capital(k), *k))
        };
        best(self.keys_for(context, action))
            .or_else(|| best(self.keys_for(Context::Global, action)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_notation() {
        for (input, shown) in [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("ctrl-c", "ctrl-c"),
            ("Ctrl-C", "ctrl-c"),
            ("space", "space"),
            ("pagedown", "pagedown"),
            ("PageUp", "pageup"),
            ("}", "}"),
            ("-", "-"),
            ("ctrl--", "ctrl--"),
            ("shift-tab", "shift-tab"),
            ("backtab", "shift-tab"),
            ("f5", "f5"),
            ("alt-x", "alt-x"),
            ("é", "é"),
        ] {
            assert_eq!(k(input).to_string(), shown, "{input}");
        }
    }

    #[test]
    fn rejects_bad_names() {
        for bad in ["", "ctrl-", "pagedwn", "f0", "f99", "hyper-x", "jj", "\t"] {
            let e = Key::parse(bad).unwrap_err();
            assert!(e.to_string().contains("is not a key name"), "{bad}: {e}");
        }
    }

    #[test]
    fn normalises_equal_presses() {
        let shift_g = Key::new(
            KeyCode::Char('G'),
            Mods {
                shift: true,
                ..Mods::default()
            },
        );
        assert_eq!(shift_g, k("G"));
        let ctrl_upper = Key::new(
            KeyCode::Char('C'),
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        );
        assert_eq!(ctrl_upper, k("ctrl-c"));
    }

    #[test]
    fn lookup_falls_back_to_global_but_not_in_prompts() {
        let mut km = Keymap::default();
        km.bind(Context::Global, k("q"), Action::Quit);
        km.bind(Context::Article, k("j"), Action::ScrollDown);
        km.bind(Context::Prompt, k("enter"), Action::Confirm);
        assert_eq!(km.lookup(Context::Article, k("q")), Some(Action::Quit));
        assert_eq!(
            km.lookup(Context::Article, k("j")),
            Some(Action::ScrollDown)
        );
        assert_eq!(km.lookup(Context::Sidebar, k("j")), None);
        assert_eq!(km.lookup(Context::Prompt, k("q")), None);
        km.bind(Context::Global, k("ctrl-c"), Action::Quit);
        assert_eq!(km.lookup(Context::Prompt, k("ctrl-c")), Some(Action::Quit));
        assert_eq!(
            km.lookup(Context::Prompt, k("enter")),
            Some(Action::Confirm)
        );
        assert_eq!(km.hint(Context::Article, Action::Quit), Some(k("q")));
        km.bind(Context::Global, k("ctrl-a"), Action::Quit);
        assert_eq!(
            km.hint(Context::Article, Action::Quit),
            Some(k("q")),
            "plain keys first"
        );
    }

    #[test]
    fn action_names_match_serde() {
        for a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
        }
    }
}
