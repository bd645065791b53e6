//! Every sentence the reader shows, in one place.

use crate::keymap::{Action, Context};

/// Shown instead of the article when the terminal cannot fit it.
pub const TOO_SMALL: &str = "Terminal too small: make it at least 20x5";
/// Title of the help overlay.
pub const HELP_TITLE: &str = " Keys ";
/// Footer of the help overlay.
pub const HELP_FOOTER: &str = " esc or ? to close · j/k to scroll ";
/// Name shown for the bundled sample article.
pub const SAMPLE_NAME: &str = "sample article";
/// Hint shown at start when there is nothing else to say, from the live keymap's keys for
/// help, next quote, focus and quit.
pub fn start_hint(help: &str, next_quote: &str, focus: &str, quit: &str) -> String {
    format!("{help} help · {next_quote} quotes · {focus} speakers · {quit} quit")
}

/// The legend at the end of the help.
pub fn legend() -> Vec<String> {
    use crate::tui::sources::{SpeakerKind, StopKind};
    let kinds: Vec<String> = SpeakerKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.mark(), k.name()))
        .collect();
    vec![
        kinds.join("  "),
        format!(
            "{}quote  {}reported  {}mixed   q/c: quotes/claims",
            StopKind::Quote.mark(),
            StopKind::Indirect.mark(),
            StopKind::Mixed.mark()
        ),
        "quotes are coloured by speaker; the current one is marked".to_string(),
    ]
}
/// Next/previous match without a search.
pub const NO_SEARCH: &str = "no search yet: press / to search";
/// Search prompt label.
pub const SEARCH_PROMPT: &str = "/";
/// `}` at the end.
pub const LAST_PARAGRAPH: &str = "already at the last paragraph";
/// `{` at the start.
pub const FIRST_PARAGRAPH: &str = "already at the first paragraph";
/// Search cleared with Esc.
pub const SEARCH_CLEARED: &str = "search cleared";

/// Heading of a context's section in the help.
pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Everywhere",
        Context::Article => "Article",
        Context::Sidebar => "Speakers and claims lists",
        Context::Prompt => "Search prompt",
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
        Action::Confirm => "search for what was typed",
        Action::DeleteBack => "delete a character",
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

/// Sort order of the speakers list.
pub const SORTED_BY_COUNT: &str = "speakers sorted by number of claims";
/// Sort order of the speakers list.
pub const SORTED_BY_APPEARANCE: &str = "speakers sorted by first appearance";
/// Esc cleared the speaker filter.
pub const FILTER_CLEARED: &str = "showing every speaker's claims";
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

/// The summary's sourcing line.
pub fn unnamed_share(percent: usize) -> String {
    format!("{percent}% of claims from unnamed sources")
}

/// Shown when the speakers list gets focus.
pub fn speakers_hint(select: &str, sort: &str, next: &str) -> String {
    format!("speakers: j/k choose · {select} show their claims · {sort} sort · {next} claims")
}

/// Shown when the claims list gets focus.
pub fn claims_hint(select: &str, next: &str) -> String {
    format!("claims: j/k choose · {select} go to it · {next} back to the article")
}
