//! The overlays, each a [`crate::tui::compositor::Layer`]: the help, the search and tags
//! prompts, the sentence selection after `v`, the highlights list and the note editor. A
//! layer owns its state, answers the keys it uses and returns [`Effect`]s for the rest; it
//! draws itself with a widget from `widgets/`.
//!
//! [`Effect`]: crate::tui::compositor::Effect

pub mod editor;
pub mod help;
pub mod list;
pub mod prompt;
pub mod selection;

pub use editor::EditorLayer;
pub use help::HelpLayer;
pub use list::ListLayer;
pub use prompt::PromptLayer;
pub use selection::SelectionLayer;
