//! The terminal reader (ratatui + crossterm). This is the only module that imports ratatui;
//! it lives in the library (not the binary) so that tests and benches can drive [`App`]
//! and render it to a test backend.
//!
//! # Shape
//!
//! - [`app`]: [`App`], a few parts that each own their state, an overlay stack, and the one
//!   place that changes them ([`App::handle`] → `App::on`, which also marks a frame dirty).
//! - [`state`]: the state types, plain data: [`state::ReaderState`] (article pane),
//!   [`state::SidebarState`], [`state::StatusState`] (status bar, message log), and the
//!   overlays' states. Behaviour lives beside each part: [`reader`], [`sidebar`],
//!   [`highlights`] (the highlights part), [`layers`] (the overlays).
//! - [`compositor`]: the [`compositor::Layer`] trait, the [`compositor::Layers`] stack and
//!   the [`compositor::Effect`]s parts and layers return for `App` to apply. Keys go to the
//!   top layer first; it answers `Consumed(effects)` or `Ignored` (then the layer below,
//!   then the reader underneath gets the key), as in helix's compositor.
//! - [`widgets`]: `StatefulWidget`s given their state and the [`styles::Styles`], drawing
//!   into the area they are handed; [`ui`] puts the screen together; [`layout`] says where
//!   things go; [`page`] is the article laid out at a width; [`sources`] is the analysis as
//!   the reader draws it (the domain types themselves come from [`crate::attribution`]).
//! - [`event`]: terminal events → [`state::Input`]; [`strings`]: every sentence shown.
//! - No file imports a file that imports it back (`app` and `ui` sit on top; `state`,
//!   `compositor` and `widgets` know nothing of `App`).
//!
//! # Adding an overlay (a picker, a dialog)
//!
//! 1. Write `layers/picker.rs`: a struct holding its state and `impl Layer for Picker`:
//!    `context()` (add a [`crate::keymap::Context`] and a `[keys.picker]` table to
//!    `config.toml` if it needs its own keys), `handle(action, scene)` returning
//!    `EventResult::Consumed(vec![..])` or `EventResult::Ignored`, `typed(c)` if it takes
//!    text, and `render(scene, buf)` drawing with a widget from `widgets/`.
//! 2. Close it by returning [`compositor::Effect::Pop`]; ask for anything outside itself
//!    with another effect (add a variant to [`compositor::Effect`] and its arm in
//!    `App::apply` when none fits).
//! 3. Open it from a key: add an [`crate::keymap::Action`] (its config name is derived from
//!    the variant), bind it in `config.toml`, describe it in [`strings::describe`], and
//!    return `Effect::Push(Box::new(Picker::new(..)))` for it in `App::base`.
//!
//! # Adding a full-screen view (a library list, a diff)
//!
//! A view that replaces the article is a layer too: its `render` draws over the whole
//! screen (`scene.areas.screen`; the layers below are drawn first, so it covers them),
//! and its `handle` consumes every action except [`crate::keymap::Action::Quit`] and the
//! help (return `Ignored` for those). Its data, if the reader must keep it across
//! openings, goes into a state type in [`state`] owned by a new field of `App`. A test
//! drives it headless: `app.press("...")`, then `app.layers.has("name")` and a
//! `TestBackend` snapshot.
//!
//! # The library view
//!
//! [`library`] is a full-screen program of its own around the reader (`hearsay DIR`): its
//! own loop and state ([`library::view`]), drawing ([`library::draw`]); Enter runs the
//! reader on the same terminal ([`run_in`]) with [`App::back_on_close`] set, so Esc (or
//! `q`) in the reader returns to the same place in the list.
//!
//! # Terminal
//!
//! [`run`] owns the terminal: raw mode, alternate screen, mouse capture and bracketed paste
//! are switched on together and always switched off again, on quit, on error (a drop
//! guard), on panic (a hook that restores the terminal before the previous hook prints the
//! report), and on every signal that would end the process (SIGTERM, SIGHUP, SIGQUIT,
//! SIGUSR1, SIGALRM…: [`event::Event::Stop`]).

pub mod app;
pub mod compositor;
pub mod corrections;
pub mod event;
pub mod highlights;
pub mod layers;
pub mod layout;
pub mod library;
pub mod page;
pub mod picker;
pub mod reader;
pub mod sidebar;
pub mod sources;
pub mod state;
pub mod strings;
pub mod styles;
pub mod ui;
pub mod widgets;

pub use app::App;
pub use sources::Sources;

use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, stdout};

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = crossterm::execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped (covers early returns and errors).
pub(crate) struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Switches the terminal to the reader's modes (raw, alternate screen, mouse, paste).
fn enter() -> Result<()> {
    enable_raw_mode().wrap_err("cannot switch the terminal to raw mode")?;
    // bracketed paste: a paste arrives as one text, not as keys (see `App::paste`)
    crossterm::execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
    .wrap_err("cannot set up the terminal")
}

/// Ctrl-Z: gives the terminal back and stops the process as the shell expects (raw mode
/// turns the key into a plain key press, so the reader does what the terminal no longer
/// does); on `fg` it takes the terminal again and the next frame is drawn whole.
#[cfg(unix)]
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> Result<()> {
    restore();
    // returns once the process is continued (at once when the shell has no job control)
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    enter()?;
    let size = terminal.size().wrap_err("cannot read the terminal size")?;
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .wrap_err("cannot clear the terminal")
}

#[cfg(unix)]
fn is_suspend(e: &crossterm::event::Event) -> bool {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    matches!(e, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

pub(crate) fn init() -> Result<(Term, RestoreGuard)> {
    install_panic_hook();
    let guard = RestoreGuard;
    enter()?;
    let terminal =
        Terminal::new(CrosstermBackend::new(stdout())).wrap_err("cannot set up the terminal")?;
    Ok((terminal, guard))
}

/// How often the event loop looks for results of the highlights' threads while they work.
const BACKGROUND_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs the reader until the user quits. `analysis` computes the speakers, quotes and
/// claims on a background thread; the sidebar fills in when it is done.
pub fn run(app: App, analysis: impl FnOnce() -> Sources + Send + 'static) -> Result<()> {
    let (mut terminal, _guard) = init()?;
    let events = event::EventHandler::new();
    run_in(&mut terminal, &events, app, analysis)
}

/// The terminal the reader draws on.
pub(crate) type Term = Terminal<CrosstermBackend<Stdout>>;

/// [`run`] on a terminal already set up, reading `events` (the library view opens
/// articles in the reader this way and comes back when it closes).
pub(crate) fn run_in(
    terminal: &mut Term,
    events: &event::EventHandler,
    mut app: App,
    analysis: impl FnOnce() -> Sources + Send + 'static,
) -> Result<()> {
    // started once the first frame is up: the text shows sooner, and the layout of a huge
    // article is not built while the analysis holds its own working memory
    let mut analysis = Some(analysis);
    loop {
        if app.dirty {
            terminal
                .draw(|f| {
                    let a = f.area();
                    if app.size != (a.width, a.height) {
                        app.resize(a.width, a.height);
                    }
                    f.render_widget(&mut app, a);
                })
                .wrap_err("cannot draw to the terminal")?;
            app.dirty = false;
            write_terminal_out(terminal, app.take_terminal_out())?;
            if let Some(work) = analysis.take() {
                events.spawn_analysis(work);
            }
            #[cfg(debug_assertions)]
            debug_failure()?;
        }
        // while highlights load or save on their threads, look for their results now and
        // then; otherwise sleep until an event comes
        let mut next = match app.is_busy() {
            true => events.next_within(BACKGROUND_POLL)?,
            false => Some(events.next()?),
        };
        app.poll_background();
        // handle every event already waiting before drawing again
        while let Some(ev) = next {
            match ev {
                event::Event::Crossterm(crossterm::event::Event::Paste(text)) => app.paste(&text),
                #[cfg(unix)]
                event::Event::Crossterm(e) if is_suspend(&e) => {
                    suspend(terminal)?;
                    // drawn whole again: the size may have changed while stopped
                    let size = terminal.size().wrap_err("cannot read the terminal size")?;
                    app.handle(app::Input::Resize {
                        width: size.width,
                        height: size.height,
                    });
                }
                event::Event::Crossterm(e) => {
                    if let Some(input) = event::input(&e) {
                        if let app::Input::Resize { width, height } = input {
                            // the terminal may have clipped or reflowed what was on it, and a
                            // size that comes and goes between two draws is never seen by
                            // ratatui's own check: clear and repaint everything. (Not
                            // `Terminal::clear`, which asks the terminal for the cursor
                            // position while our event thread is reading its answers.)
                            terminal
                                .resize(ratatui::layout::Rect::new(0, 0, width, height))
                                .wrap_err("cannot clear the terminal")?;
                        }
                        app.handle(input);
                    }
                }
                event::Event::Failed(e) => {
                    return Err(e).wrap_err("cannot read from the terminal");
                }
                event::Event::Analysis(sources) => app.set_sources(*sources),
                // the library's indexing, running behind a reader it opened
                event::Event::Indexing(_) => {}
                // quit as on `q`: the reading position is saved, the guard restores the
                // terminal
                event::Event::Stop(_) => {
                    app.update(crate::keymap::Action::Quit);
                    app.should_quit = true;
                }
            }
            if app.should_quit {
                if app.is_saving() {
                    // `q` waits for the last save only, and says so
                    app.show_saving();
                    terminal
                        .draw(|f| f.render_widget(&mut app, f.area()))
                        .wrap_err("cannot draw to the terminal")?;
                }
                if let Some(failed) = app.finish_saves() {
                    // reported once the terminal is restored (by the caller's guard)
                    return Err(color_eyre::eyre::eyre!(failed));
                }
                return Ok(());
            }
            next = events.try_next();
        }
    }
}

/// Writes escape sequences the reader asked for (OSC 52 clipboard writes) straight to the
/// terminal, after the frame.
fn write_terminal_out<B: ratatui::backend::Backend + std::io::Write>(
    terminal: &mut ratatui::Terminal<B>,
    out: Vec<String>,
) -> Result<()> {
    use std::io::Write;
    if out.is_empty() {
        return Ok(());
    }
    let backend = terminal.backend_mut();
    for seq in out {
        backend
            .write_all(seq.as_bytes())
            .wrap_err("cannot write to the terminal")?;
    }
    Write::flush(backend).wrap_err("cannot write to the terminal")
}

/// Test hook, compiled into debug builds only: `HEARSAY_DEBUG_FAIL=panic` panics and
/// `HEARSAY_DEBUG_FAIL=error` returns an error after a frame, so the pseudo-terminal tests can
/// check that the terminal is restored on both paths.
#[cfg(debug_assertions)]
fn debug_failure() -> Result<()> {
    match std::env::var("HEARSAY_DEBUG_FAIL").as_deref() {
        Ok("panic") => panic!("HEARSAY_DEBUG_FAIL=panic: panicking on purpose"),
        Ok("error") => Err(color_eyre::eyre::eyre!(
            "HEARSAY_DEBUG_FAIL=error: failing on purpose"
        )),
        _ => Ok(()),
    }
}
