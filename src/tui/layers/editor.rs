//! The note editor (`a`): a small multi-line text box over the article for the note of one
//! highlight. Ctrl-S, or Enter on an empty last line, saves; Esc leaves the note as it was.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, MarkOp, Scene};
use crate::tui::state::NoteEditorState;
use crate::tui::strings;
use crate::tui::widgets::note_editor::NoteEditor;
use ratatui::buffer::Buffer;
use ratatui::widgets::StatefulWidget;

/// The note being edited.
#[derive(Debug)]
pub struct EditorLayer {
    ed: NoteEditorState,
}

impl EditorLayer {
    /// An editor for the note of highlight `id` (`excerpt` of its text for the title).
    pub fn new(id: String, excerpt: String, note: &str) -> EditorLayer {
        EditorLayer {
            ed: NoteEditorState::new(id, excerpt, note),
        }
    }

    fn save(&self) -> EventResult {
        EventResult::Consumed(vec![
            Effect::Pop,
            Effect::Mark {
                op: MarkOp::SaveNote(self.ed.text()),
                on: Some(self.ed.id.clone()),
            },
        ])
    }
}

impl Layer for EditorLayer {
    fn context(&self) -> Context {
        Context::Editor
    }

    fn handle(&mut self, action: Action, _scene: &Scene) -> EventResult {
        let e = &mut self.ed;
        match action {
            Action::SaveNote => return self.save(),
            Action::NewLine => {
                if e.on_empty_last_line() {
                    e.trim_end();
                    return self.save();
                }
                e.new_line();
            }
            Action::DeleteBack => e.delete_back(),
            Action::DeleteForward => e.delete_forward(),
            Action::CursorLeft => e.left(),
            Action::CursorRight => e.right(),
            Action::CursorUp => e.vertical(false),
            Action::CursorDown => e.vertical(true),
            Action::LineStart => e.home(),
            Action::LineEnd => e.end(),
            Action::Close => {
                let said = Effect::Say(strings::NOTE_CANCELLED.into());
                return EventResult::Consumed(vec![Effect::Pop, said]);
            }
            Action::Quit => return EventResult::Ignored,
            _ => {}
        }
        EventResult::consumed()
    }

    fn typed(&mut self, c: char) -> EventResult {
        self.ed.insert(c);
        EventResult::consumed()
    }

    fn paste(&mut self, text: &str) -> EventResult {
        for c in text.chars() {
            match c {
                '\n' => self.ed.new_line(),
                '\t' => self.ed.insert(' '),
                c => self.ed.insert(c),
            }
        }
        EventResult::consumed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        NoteEditor {
            styles: scene.styles,
        }
        .render(
            scene.areas.article.intersection(buf.area),
            buf,
            &mut self.ed,
        );
    }

    fn name(&self) -> &'static str {
        "editor"
    }
}
