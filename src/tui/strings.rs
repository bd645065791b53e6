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
/// Hint shown at start when there is nothing else to say.
pub const START_HINT: &str = "press ? for help, q to quit";
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
