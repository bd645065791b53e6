//! The overlays, each a [`crate::tui::compositor::Layer`]: the help, the search and tags
//! prompts, the sentence selection, the highlights list, the note editor and the message log. A
//! layer owns its state, answers the keys it uses and returns [`Effect`]s for the rest; it
//! draws itself with a widget from `widgets/`.
//!
//! [`Effect`]: crate::tui::compositor::Effect

pub mod correct;
pub mod diff;
pub mod editor;
pub mod help;
pub mod list;
pub mod messages;
pub mod prompt;
pub mod selection;

pub use correct::CorrectLayer;
pub use diff::DiffLayer;
pub use editor::EditorLayer;
pub use help::HelpLayer;
pub use list::ListLayer;
pub use messages::MessagesLayer;
pub use prompt::PromptLayer;
pub use selection::SelectionLayer;
