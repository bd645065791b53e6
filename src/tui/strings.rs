//! Every sentence the reader shows, in one place.

use crate::keymap::{Action, Context};

/// Shown instead of the article when the terminal cannot fit it.
pub const TOO_SMALL: &str = "Terminal too small: make it at least 20x5";
/// Title of the help overlay.
pub const HELP_TITLE: &str = " Keys ";
/// Footer of the help overlay.
pub const HELP_FOOTER: &str = " esc, q or h to close · j/k to scroll ";
/// Name shown for the bundled sample article.
pub const SAMPLE_NAME: &str = "sample article";
/// Hint shown at start when there is nothing else to say, from the live keymap's keys for
/// help, next quote, focus and quit.
pub fn start_hint(
    help: Option<&str>,
    next_quote: Option<&str>,
    focus: Option<&str>,
    quit: Option<&str>,
) -> String {
    keys_hint(&[
        (help, "help"),
        (next_quote, "quotes"),
        (focus, "speakers"),
        (quit, "quit"),
    ])
}

/// `key what` for each action that has a key, `·`-separated: an action the config left
/// without a key is not mentioned (never shown with a stand-in such as `?`, which is a key).
fn keys_hint(parts: &[(Option<&str>, &str)]) -> String {
    parts
        .iter()
        .filter_map(|(key, what)| key.map(|k| format!("{k} {what}")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Drawn before the claim the reader is on (claims list).
pub const CURRENT_MARK: &str = "▸";
/// Drawn before the speaker the claims list is filtered to (speakers list).
pub const FILTER_MARK: &str = "*";
/// Drawn beside an uncertain attribution (claims list, the article's margin).
pub const UNCERTAIN_MARK: &str = "?";
/// Drawn before a claim in its speaker's colour (claims list).
pub const SPEAKER_BAR: &str = "▌";
/// Drawn on a box's border when its list goes on above.
pub const MORE_ABOVE: &str = "↑";
/// Drawn on a box's border when its list goes on below.
pub const MORE_BELOW: &str = "↓";

/// Every mark the reader draws in the sidebar, the article's margins and the status bar,
/// with what it means, in the legend's groups. Each mark means one thing (a test holds
/// them to it); the help's legend is made from this list.
pub fn marks() -> Vec<Vec<(&'static str, &'static str)>> {
    use crate::annotations::Status;
    use crate::attribution::ClaimKind;
    use crate::tui::sources::{KINDS, KindMark, StopMark};
    let status = |s| status_mark(s).trim_end();
    let stop = |k: ClaimKind| k.mark().trim_end();
    vec![
        KINDS.iter().map(|k| (k.mark(), k.legend())).collect(),
        vec![
            (stop(ClaimKind::Direct), "quote"),
            (stop(ClaimKind::Indirect), "reported"),
            (stop(ClaimKind::Mixed), "reported with quoted words"),
        ],
        vec![
            (UNCERTAIN_MARK, "uncertain attribution: check it"),
            (CORRECTED_SIGN, "corrected by hand"),
        ],
        vec![
            (status(Status::Unchecked), "unchecked"),
            (status(Status::Verified), "verified"),
            (status(Status::Disputed), "disputed"),
            (status(Status::False), "false"),
            (NOTE_MARK, "has a note"),
        ],
        vec![
            (SPEAKER_BAR, "the claim's speaker, by colour"),
            (CURRENT_MARK, "the quote or claim you are on"),
            (FILTER_MARK, "the speaker the claims are filtered to"),
            (MORE_ABOVE, "more above"),
            (MORE_BELOW, "more below"),
        ],
    ]
}

/// The legend at the end of the help, as lines of at most `width` columns: the marks
/// ([`marks`]) and what else the sidebar shows.
pub fn legend(width: usize) -> Vec<String> {
    use crate::document::reflow::pack;
    let mut out = Vec::new();
    for group in marks() {
        let items: Vec<String> = group
            .iter()
            .map(|(m, what)| format!("{m} {what}"))
            .collect();
        out.extend(pack(&items, "   ", width));
    }
    for line in [
        "q/c after a speaker: their quotes and claims",
        "quotes are coloured by speaker; an uncertain one is underlined (italic without colours)",
    ] {
        out.extend(pack(&line.split(' ').collect::<Vec<_>>(), " ", width));
    }
    out
}

/// Ctrl-Z in the help screen.
pub const SUSPEND: &str = "suspend to the shell (fg comes back)";
/// Next/previous match without a search.
pub const NO_SEARCH: &str = "no search yet: press / to search";
/// Search prompt label.
pub const SEARCH_PROMPT: &str = "/";
/// Backward search prompt label.
pub const SEARCH_BACK_PROMPT: &str = "?";
/// Heading of the commands in the help.
pub const COMMANDS_TITLE: &str = "Commands (type : first, enter to run)";
/// Command line label.
pub const COMMAND_PROMPT: &str = ":";

/// A command line that names no command.
pub fn no_command(typed: &str) -> String {
    format!("':{typed}': no such command · :messages, :help or :q")
}
/// Title of the message log.
pub const MESSAGES_TITLE: &str = " Messages ";
/// Footer of the message log.
pub const MESSAGES_FOOTER: &str = " j/k to scroll · esc or q to close ";
/// The message log when nothing was said.
pub const NO_MESSAGES: &str = "no messages yet";

/// A key bound to nothing where it was pressed.
pub fn no_action(key: &str, help: &str) -> String {
    format!("{key}: no action · {help} for help")
}

/// A count being typed before a key (`5` of `5j`).
pub fn count(n: usize) -> String {
    format!("{n}… (a number before a key repeats it or says where to go)")
}

/// `=`: where the reader is.
pub fn position(first: usize, last: usize, total: usize, percent: usize) -> String {
    format!("lines {first}–{last} of {total} · {percent}%")
}
/// `}` at the end.
pub const LAST_PARAGRAPH: &str = "already at the last paragraph";
/// `{` at the start.
pub const FIRST_PARAGRAPH: &str = "already at the first paragraph";
/// Search cleared with Esc.
pub const SEARCH_CLEARED: &str = "search cleared";

/// Heading of a context's section in the help. Headings name no key: keys come from the
/// config, and the key that opens each overlay is listed above it.
pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Everywhere",
        Context::Article => "Article",
        Context::Sidebar => "Speakers and claims lists",
        Context::Prompt => "Search, tags and command prompts",
        Context::Selection => "Selecting sentences to highlight",
        Context::Highlights => "Highlights list",
        Context::Editor => "Note editor",
        Context::Help => "Help and messages",
        Context::Picker => "Correcting and the speaker picker",
        Context::Diff => "What changed (diff view)",
        Context::Library => "Library",
    }
}

/// What an action does in the library view, for its help (the reader's words otherwise).
pub fn describe_in_library(a: Action) -> &'static str {
    match a {
        Action::Select => "open the article, person's quotes or version",
        Action::Close => "back to the list before; clear the filter",
        Action::Search => "search the library (words, speaker:, kind:…)",
        Action::Confirm => "search or filter with what was typed",
        other => describe(other),
    }
}

/// What an action does, for the help.
pub fn describe(a: Action) -> &'static str {
    match a {
        Action::Quit => "quit",
        Action::ScrollDown => "down one line",
        Action::ScrollUp => "up one line",
        Action::PageDown => "down one screen",
        Action::PageUp => "up one screen",
        Action::HalfPageDown => "down half a screen",
        Action::HalfPageUp => "up half a screen",
        Action::Top => "go to the top",
        Action::Bottom => "go to the bottom",
        Action::NextParagraph => "next paragraph",
        Action::PrevParagraph => "previous paragraph",
        Action::Search => "search",
        Action::SearchBack => "search backwards",
        Action::GoToPercent => "go to N% (type N first)",
        Action::ShowPosition => "where am I: lines and percentage",
        Action::ShowMessages => "messages so far, whole",
        Action::EnterCommand => "command line (:messages, :help, :q)",
        Action::HistoryPrev => "earlier search",
        Action::HistoryNext => "later search",
        Action::NextMatch => "next match",
        Action::PrevMatch => "previous match",
        Action::ToggleHelp => "show or hide this help",
        Action::Close => "close overlay, prompt, filter or search",
        Action::NextQuote => "next quote",
        Action::PrevQuote => "previous quote",
        Action::NextSameSpeaker => "next quote by the same speaker",
        Action::ToggleSidebar => "show or hide the sidebar",
        Action::FocusNext => "focus: article → speakers → claims",
        Action::FocusPrev => "focus back",
        Action::Select => "filter by speaker / jump to claim",
        Action::ToggleSort => "sort speakers: appearance or count",
        Action::Confirm => "search, save the tags or run the command typed",
        Action::DeleteBack => "delete a character",
        Action::Highlight => "highlight quote or top sentence",
        Action::StartSelection => "select sentences to highlight",
        Action::EditNote => "add or edit a note",
        Action::EditTags => "edit tags (comma separated)",
        Action::DeleteHighlight => "delete the highlight",
        Action::Undo => "undo the last highlight change",
        Action::CycleStatus => "cycle the check status",
        Action::ExportHighlights => "export highlights as Markdown",
        Action::ListHighlights => "list of highlights",
        Action::Correct => "correct the speaker or attribution",
        Action::AddAttribution => "add an attribution, pick its speaker",
        Action::CopyQuote => "copy quote or claim with its source",
        Action::CopyHighlight => "copy the highlight as Markdown",
        Action::NextKind => "next kind for a new speaker (person, group, document and so on)",
        Action::ShowDiff => "what changed since highlighting",
        Action::SaveNote => "save the note",
        Action::NewLine => "new line (save on empty last line)",
        Action::DeleteForward => "delete the character under cursor",
        Action::CursorLeft => "cursor left",
        Action::CursorRight => "cursor right",
        Action::CursorUp => "cursor up",
        Action::CursorDown => "cursor down",
        Action::LineStart => "start of the line",
        Action::LineEnd => "end of the line",
        Action::NextChange => "next change",
        Action::PrevChange => "previous change",
        Action::NextSort => "sort by the next column",
        Action::ReverseSort => "reverse the order",
        Action::FilterList => "filter: words, publication:, from:, to:",
        Action::ShowArticles => "the article list",
        Action::ShowPeople => "speakers across the library",
        Action::ShowResults => "the last search's results",
        Action::ShowVersions => "versions of the article, timeline",
        Action::MarkVersion => "mark a version to compare",
        Action::CompareVersions => "compare marked (or previous) version",
    }
}

/// "match 3/14 for 'ferry'".
pub fn match_status(i: usize, n: usize, query: &str) -> String {
    format!("match {}/{n} for '{query}'", i + 1)
}

/// No match for a query.
pub fn no_match(query: &str) -> String {
    format!("no match for '{query}'")
}

/// The search went past the end and started again.
pub fn wrapped(status: String, to_top: bool) -> String {
    let place = if to_top { "top" } else { "bottom" };
    format!("{status} (continued from the {place})")
}

/// A step (`]`, `n`, …) found nothing more in its direction.
pub fn no_more(what: &str, forward: bool, key: &str) -> String {
    if forward {
        format!("no more {what} below · {key} again goes round to the top")
    } else {
        format!("no {what} above · {key} again goes round to the bottom")
    }
}

/// Sort order of the speakers list.
pub const SORTED_BY_COUNT: &str = "speakers sorted by number of claims";
/// Sort order of the speakers list.
pub const SORTED_BY_APPEARANCE: &str = "speakers sorted by first appearance";
/// Esc cleared the speaker filter.
pub const FILTER_CLEARED: &str = "showing every speaker's claims";
/// The sidebar while the background analysis has not reported yet.
pub const ANALYSING: &str = "finding who speaks…";
/// A sidebar key pressed before the analysis has reported.
pub const STILL_ANALYSING: &str = "still finding the quotes and who said them: a moment";
/// `]` in an article without quotes or claims.
pub const NO_QUOTES: &str = "no quotes or claims found in this article";
/// Enter on an empty speakers list.
pub const NO_SPEAKERS: &str = "no speakers found in this article";
/// `s` before any quote was visited.
pub const NO_CURRENT_QUOTE: &str = "no current quote: press ] to go to one first";
/// `s` on a quote nobody is credited with.
pub const NO_SPEAKER_HERE: &str = "nobody is credited with this quote";
/// Tab when the terminal is too small for the sidebar.
pub const NO_ROOM_FOR_SIDEBAR: &str = "the terminal is too small for the sidebar";
/// Title of the summary box.
pub const SOURCES_TITLE: &str = " Sourcing ";
/// Title of the speakers box.
pub const SPEAKERS_TITLE: &str = " Speakers ";
/// Shown in an empty speakers list.
pub const NO_SPEAKERS_LIST: &str = "nobody is quoted";
/// Shown in an empty claims list.
pub const NO_CLAIMS_LIST: &str = "no claims";

/// "quote 3/25 · Derek S. Maltz, DEA's acting administrator".
pub fn stop_status(word: &str, i: usize, n: usize, speaker: &str) -> String {
    format!("{word} {}/{n} · {speaker}", i + 1)
}

/// Said after the status of a stop whose attribution is uncertain.
pub fn uncertain(confidence: f32) -> String {
    format!(" · {UNCERTAIN_MARK} uncertain attribution ({confidence:.2}): check it")
}

/// After Enter on a speaker.
pub fn filtered(name: &str, n: usize) -> String {
    format!("{n} claim(s) by {name}: ] and [ step through them, esc shows everyone")
}

/// `]` with a filter whose speaker has no claims.
pub fn no_claims_by(name: &str) -> String {
    format!("no claims by {name}")
}

/// Title of the claims box.
pub fn claims_title(who: Option<&str>, n: usize) -> String {
    match who {
        Some(w) => format!(" Claims · {w} ({n}) "),
        None => format!(" Claims · all ({n}) "),
    }
}

/// Title of the speakers box with its sort order ("q/c": the quotes/claims counts).
pub fn speakers_title(by_count: bool) -> String {
    let order = if by_count {
        "by claims"
    } else {
        "by appearance"
    };
    format!("{SPEAKERS_TITLE}· {order} · q/c ")
}

/// Shown when the speakers list gets focus.
pub fn speakers_hint(select: Option<&str>, sort: Option<&str>, next: Option<&str>) -> String {
    let keys = keys_hint(&[
        (Some("j/k"), "choose"),
        (select, "show their claims"),
        (sort, "sort"),
        (next, "claims"),
    ]);
    format!("speakers: {keys}")
}

/// Shown when the claims list gets focus.
pub fn claims_hint(select: Option<&str>, next: Option<&str>) -> String {
    let keys = keys_hint(&[
        (Some("j/k"), "choose"),
        (select, "go to it"),
        (next, "back to the article"),
    ]);
    format!("claims: {keys}")
}

/// Status bar while a speaker filter is on.
pub fn filter_status(name: &str) -> String {
    format!("only {name} · esc shows everyone")
}

// ---- highlights ----

/// Where highlights are saved, shown at start.
pub fn saved_in(place: &str) -> String {
    format!("highlights saved in {place}")
}
/// The highlights file's whole path, for the message log.
pub fn highlights_file(place: &str) -> String {
    format!("highlights file: {place}")
}
/// Highlight actions while the highlights file is still being opened.
pub const STILL_LOADING: &str = "highlights are still loading; try again in a moment";
/// Shown while quitting waits for the last save.
pub const SAVING_ON_QUIT: &str = "saving highlights…";
/// Highlight actions when no highlights file could be found.
pub const NO_STORE: &str =
    "highlights are off: no place to save them (set [highlights] dir in the config)";
/// `a`, `t`, `d`, `c` with no highlight under the cursor.
pub const NO_HIGHLIGHT_HERE: &str =
    "no highlight here: press a to highlight the quote or sentence first";
/// `h` with nothing to highlight on screen.
pub const NOTHING_TO_HIGHLIGHT: &str = "nothing to highlight on screen";
/// `u` with nothing to undo.
pub const NOTHING_TO_UNDO: &str = "nothing to undo";

/// The help's line on selecting text with the terminal while the reader has the mouse.
pub const SHIFT_DRAG: &str = "select text with the terminal (mouse scrolls)";

/// Drawn before a claim or speaker corrected by hand (sidebar).
pub const CORRECTED_SIGN: &str = "†";

/// Said after a quote or claim whose attribution was corrected by hand.
pub const CORRECTED_MARK: &str = " · corrected by hand";

/// `C` with no current quote or claim.
pub const NOTHING_TO_CORRECT: &str =
    "go to a quote or claim first (] or [), or select a speaker in the sidebar";

/// `C` with nothing to correct: [`NOTHING_TO_CORRECT`], and the keys that select sentences
/// and add an attribution to them, when both are bound.
pub fn nothing_to_correct(select: Option<&str>, add: Option<&str>) -> String {
    match (select, add) {
        (Some(select), Some(add)) => {
            format!("{NOTHING_TO_CORRECT}; {select} then {add} adds an attribution")
        }
        _ => NOTHING_TO_CORRECT.to_string(),
    }
}

/// `y` with no current quote or claim.
pub const NOTHING_TO_COPY: &str = "go to a quote or claim first (] or [) to copy it";

/// The correction overlay's title.
pub const CORRECT_TITLE: &str = "Correct the analysis";

/// The correction overlay was closed without a change.
pub const CORRECTION_CANCELLED: &str = "no correction made";

/// The title of the offer to write refused clipboard text to a file.
pub const CLIPBOARD_REFUSED_TITLE: &str = "The clipboard refused the text";

/// Text too long for OSC 52.
pub const CLIPBOARD_TOO_LONG: &str = "the text is too long for the terminal's clipboard (OSC 52)";

/// A correction was made.
pub fn corrected(what: &str) -> String {
    format!("corrected: {what} (u undoes)")
}

/// A correction was undone.
pub fn correction_undone(what: &str) -> String {
    format!("undone: correction {what}")
}

/// Text was sent to the clipboard.
pub fn copied(what: &str, excerpt: &str) -> String {
    format!("copied the {what} to the clipboard: {excerpt}")
}

/// Refused clipboard text was written to a file.
pub fn clipboard_written(path: &str) -> String {
    format!("not copied; written to '{path}'")
}
/// `c` on a passage.
pub const NOT_CHECKABLE: &str = "only quotes and claims have a check status; this is a passage";
/// Selection started.
pub const SELECTING: &str =
    "selecting: j/k a sentence, }/{ a paragraph, a or enter to highlight, esc to cancel";
/// Selection cancelled.
pub const SELECTION_CANCELLED: &str = "selection cancelled";
/// Note editor left with Esc.
pub const NOTE_CANCELLED: &str = "note unchanged";
/// Tags prompt label.
pub const TAGS_PROMPT: &str = "tags (comma separated): ";
/// Title of the note editor.
pub const NOTE_TITLE: &str = " Note ";
/// Footer of the note editor.
pub const NOTE_FOOTER: &str = " ctrl-s or enter on an empty line: save · esc: cancel ";
/// Title of the highlights list.
pub const LIST_TITLE: &str = " Highlights ";
/// Footer of the highlights list.
pub const LIST_FOOTER: &str = " enter: go · i: note · #: tags · x: delete · esc: close ";
/// The list when there are no highlights.
pub const LIST_EMPTY: &str = "no highlights yet: press a on a quote or sentence";
/// Jumping to an orphaned highlight.
pub const ORPHANED: &str =
    "this highlight's text is no longer in the article (orphaned); it is kept";
/// Mark of an orphaned highlight in the list.
pub const ORPHAN_MARK: &str = "orphaned";
/// The margin mark of a highlight with a note.
pub const NOTE_MARK: &str = "✎";

/// After `h`.
pub fn highlighted(kind: &str, excerpt: &str) -> String {
    format!("highlighted {kind} '{excerpt}' · i: note · #: tags · x: delete")
}
/// `h` on something already highlighted.
pub fn already_highlighted(excerpt: &str) -> String {
    format!("already highlighted: '{excerpt}'")
}
/// After saving a note.
pub fn note_saved(excerpt: &str) -> String {
    format!("note saved on '{excerpt}'")
}
/// After removing a note (saved empty).
pub fn note_removed(excerpt: &str) -> String {
    format!("note removed from '{excerpt}'")
}
/// After editing tags.
pub fn tags_saved(tags: &[String]) -> String {
    if tags.is_empty() {
        "tags removed".to_string()
    } else {
        format!("tags: {}", tags.join(", "))
    }
}
/// After deleting.
pub fn deleted(excerpt: &str, undo: &str) -> String {
    format!("deleted '{excerpt}' · {undo} to undo")
}
/// After undoing.
pub fn undone(what: &str) -> String {
    format!("undone: {what}")
}
/// After `c`, and beside a visited quote.
pub fn status_is(status: &str, excerpt: &str) -> String {
    format!("status: {status} · '{excerpt}'")
}
/// After exporting.
pub fn exported(n: usize, path: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("exported {n} highlight{s} to '{path}'")
}
/// A save that failed.
pub fn save_failed(e: &str) -> String {
    format!("highlights not saved: {e}")
}

/// The mark of a claim's check status in the sidebar.
pub fn status_mark(s: crate::annotations::Status) -> &'static str {
    use crate::annotations::Status;
    match s {
        Status::Unchecked => "☐ ",
        Status::Verified => "✓ ",
        Status::Disputed => "! ",
        Status::False => "✗ ",
    }
}

/// A save that took in what another hearsay window saved meanwhile.
pub fn merged(added: usize, removed: usize) -> String {
    format!("from another window: {added} highlight(s) added or changed, {removed} removed")
}

/// `D` when the article did not change since it was highlighted.
pub const NO_DIFF: &str = "no earlier version to compare with: the text is the one you highlighted";
/// The reader's message when the article changed since it was highlighted.
pub fn changed_since(summary: &str, key: &str) -> String {
    format!("changed since you highlighted it: {summary} · {key} shows what changed")
}
/// Title of the diff view, before the summary.
pub const DIFF_TITLE: &str = " What changed: ";
/// Heading of each group of the diff view's change list.
pub fn diff_group(g: crate::diff::Group) -> &'static str {
    use crate::diff::Group;
    match g {
        Group::Header => "Headline, dek, byline, date",
        Group::Quotes => "Quotes",
        Group::Speakers => "Speakers",
        Group::Claims => "Claims",
        Group::Text => "Paragraphs",
    }
}
/// The diff view's footer: how many changes, the one selected (index and heading), the keys.
pub fn diff_footer(n: usize, at: Option<(usize, &str)>, keys: &DiffKeys) -> String {
    let keys = format!(
        "{}/{} next/previous change · {} back · {} quit",
        keys.next, keys.prev, keys.close, keys.quit
    );
    match (n, at) {
        (0, _) => format!(" no changes · {keys} "),
        (n, Some((k, label))) => format!(" change {}/{n}: {label} · {keys} ", k + 1),
        (1, None) => format!(" 1 change · {keys} "),
        (n, None) => format!(" {n} changes · {keys} "),
    }
}
/// The keys the diff view's footer names (from the live keymap).
#[derive(Debug, Clone, Default)]
pub struct DiffKeys {
    /// Next change.
    pub next: String,
    /// Previous change.
    pub prev: String,
    /// Back to the reader.
    pub close: String,
    /// Quit.
    pub quit: String,
}
