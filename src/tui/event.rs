//! Terminal events: a thread reads crossterm events and sends them over a channel, and
//! crossterm's key and mouse events are converted into the app's [`Input`].

use crate::keymap::{Key, KeyCode, Mods};
use crate::tui::sources::Sources;
use crate::tui::state::Input;
use crossterm::event::{
    Event as CtEvent, KeyCode as CtKey, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::sync::mpsc;
use std::thread;

/// What the event loop receives.
#[derive(Debug)]
pub enum Event {
    /// A terminal event.
    Crossterm(CtEvent),
    /// Reading terminal events failed.
    Failed(std::io::Error),
    /// The attribution analysis finished (it runs on its own thread so the first frame
    /// does not wait for it).
    Analysis(Box<Sources>),
    /// The process was sent a signal that would end it (SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
    /// SIGALRM…, or SIGINT sent by `kill`: in raw mode ctrl-c is a key). The reader quits as
    /// on `q`, so the terminal is restored and the reading position saved.
    Stop(i32),
    /// The library's indexing got further (it wakes the library view up).
    Indexing(crate::library::Progress),
}

/// Reads terminal events (and stop signals) on threads.
pub struct EventHandler {
    tx: mpsc::Sender<Event>,
    rx: mpsc::Receiver<Event>,
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Handle>,
}

impl Default for EventHandler {
    fn default() -> Self {
        Self::new()
    }
}

impl EventHandler {
    /// Starts the reading thread.
    pub fn new() -> EventHandler {
        let (tx, rx) = mpsc::channel();
        let reader_tx = tx.clone();
        thread::spawn(move || {
            let tx = reader_tx;
            loop {
                let ev = match crossterm::event::read() {
                    Ok(e) => Event::Crossterm(e),
                    Err(e) => {
                        let _ = tx.send(Event::Failed(e));
                        return;
                    }
                };
                if tx.send(ev).is_err() {
                    return;
                }
            }
        });
        EventHandler {
            #[cfg(unix)]
            signals: watch_signals(tx.clone()),
            tx,
            rx,
        }
    }

    /// Runs `work` on its own thread and sends its result as [`Event::Analysis`].
    pub fn spawn_analysis(&self, work: impl FnOnce() -> Sources + Send + 'static) {
        let tx = self.tx.clone();
        thread::spawn(move || {
            let _ = tx.send(Event::Analysis(Box::new(work())));
        });
    }

    /// A sender for events made elsewhere (the library's indexing thread).
    pub fn sender(&self) -> mpsc::Sender<Event> {
        self.tx.clone()
    }

    /// Waits for the next event.
    pub fn next(&self) -> std::io::Result<Event> {
        self.rx
            .recv()
            .map_err(|_| std::io::Error::other("the terminal event reader stopped"))
    }

    /// The next event, waiting at most `timeout` (`Ok(None)` when none came).
    pub fn next_within(&self, timeout: std::time::Duration) -> std::io::Result<Option<Event>> {
        match self.rx.recv_timeout(timeout) {
            Ok(e) => Ok(Some(e)),
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(std::io::Error::other("the terminal event reader stopped"))
            }
        }
    }

    /// The next event if one is waiting.
    pub fn try_next(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }
}

impl Drop for EventHandler {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(h) = &self.signals {
            h.close();
        }
    }
}

/// Signals whose default action ends the process and that can be caught: the reader quits
/// on each of them as on `q`, so the terminal is given back. Left out: SIGKILL and SIGSTOP
/// (cannot be caught), SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP and SIGSYS (raised by the
/// faulting instruction itself: returning from a handler would run it again), and SIGPIPE
/// (Rust's runtime ignores it; a write to a closed pipe is an error instead).
#[cfg(unix)]
fn ending_signals() -> Vec<i32> {
    use signal_hook::consts::signal::*;
    #[allow(unused_mut)]
    let mut signals = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
        SIGXCPU, SIGXFSZ,
    ];
    #[cfg(not(target_os = "haiku"))]
    signals.push(SIGIO);
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    signals.extend([libc::SIGPWR, libc::SIGSTKFLT]);
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    signals
}

/// Sends [`Event::Stop`] for every signal of [`ending_signals`]. `None` (the signals keep
/// their default action) if the handlers cannot be installed.
#[cfg(unix)]
fn watch_signals(tx: mpsc::Sender<Event>) -> Option<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new(ending_signals()).ok()?;
    let handle = signals.handle();
    thread::spawn(move || {
        for s in signals.forever() {
            if tx.send(Event::Stop(s)).is_err() {
                return;
            }
        }
    });
    Some(handle)
}

/// Converts a crossterm key code and modifiers into a keymap [`Key`].
pub fn key(code: CtKey, modifiers: KeyModifiers) -> Option<Key> {
    let code = match code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Delete => KeyCode::Delete,
        CtKey::Insert => KeyCode::Insert,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let mods = Mods {
        ctrl: modifiers.contains(KeyModifiers::CONTROL),
        alt: modifiers.contains(KeyModifiers::ALT),
        shift: modifiers.contains(KeyModifiers::SHIFT),
    };
    Some(Key::new(code, mods))
}

/// Converts a crossterm event into app input (`None` for events the app ignores).
pub fn input(ev: &CtEvent) -> Option<Input> {
    match ev {
        CtEvent::Key(k) if k.kind != KeyEventKind::Release => {
            key(k.code, k.modifiers).map(Input::Key)
        }
        CtEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Input::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        CtEvent::Resize(width, height) => Some(Input::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_keys_like_the_config_writes_them() {
        let k = |s: &str| Key::parse(s).unwrap();
        assert_eq!(key(CtKey::Char('G'), KeyModifiers::SHIFT), Some(k("G")));
        assert_eq!(
            key(CtKey::Char('c'), KeyModifiers::CONTROL),
            Some(k("ctrl-c"))
        );
        assert_eq!(
            key(CtKey::BackTab, KeyModifiers::SHIFT),
            Some(k("shift-tab"))
        );
        assert_eq!(key(CtKey::Char(' '), KeyModifiers::NONE), Some(k("space")));
        assert_eq!(
            key(CtKey::PageDown, KeyModifiers::NONE),
            Some(k("pagedown"))
        );
        assert_eq!(key(CtKey::Null, KeyModifiers::NONE), None);
    }
}
