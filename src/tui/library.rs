//! The library view (`hearsay DIR`): the articles of a folder, the speakers index across
//! them, a person's quotes, and search, in the terminal; Enter opens the article in the
//! reader (at the quote or the match), and leaving the reader comes back to the same place
//! in the list.
//!
//! The list is drawn from the database as it is (the first frame does not wait for
//! anything), while a thread brings the index up to date and the status line shows how
//! far it got; the list is refreshed as articles come in. Quitting stops the indexing at
//! the next file, keeping what was done.

pub mod draw;
pub mod view;

use crate::config::Config;
use crate::library::{Corrections, Library, Progress, Query, corrections};
use crate::tui::app::{App, Input};
use crate::tui::event::{self, Event, EventHandler};
use crate::tui::{Term, init, run_in};
use color_eyre::eyre::{Result, WrapErr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
pub use view::{LibraryView, Request, Screen};

/// Builds a reader for an article file (given by the binary, which knows how articles,
/// highlights and reading positions are opened).
pub type Opener<'a> = dyn FnMut(&Path) -> Result<(App, Analysis)> + 'a;

/// The analysis a reader runs once its first frame is drawn (with the article's saved
/// corrections applied).
pub type Analysis = Box<dyn FnOnce() -> crate::tui::Sources + Send>;

/// Where the indexing thread has got.
#[derive(Default)]
struct Indexing {
    progress: Option<Progress>,
    finished: Option<std::result::Result<crate::library::IndexReport, String>>,
}

/// How often the list is read again while indexing.
const RELOAD_EVERY: Duration = Duration::from_millis(1000);

/// Runs the library view of `root` (database `db`) until the user quits.
pub fn run(root: &Path, db: &Path, config: Config, open: &mut Opener) -> Result<()> {
    let lib = Library::open_at(db, root).wrap_err("opening the library")?;
    let highlights = config.highlights_dir.clone();
    let mut view = LibraryView::new(
        lib.root().to_path_buf(),
        lib.articles(highlights.as_deref())?,
    )
    .with_config(&config);
    view.message = lib.notice().map(str::to_string);
    let (mut terminal, _guard) = init()?;
    let events = EventHandler::new();
    let cancel = Arc::new(AtomicBool::new(false));
    let state = Arc::new(Mutex::new(Indexing::default()));
    let indexer = {
        let (cancel, state, tx) = (Arc::clone(&cancel), Arc::clone(&state), events.sender());
        let (db, root) = (db.to_path_buf(), lib.root().to_path_buf());
        std::thread::spawn(move || {
            let result = Library::open_at(&db, &root).and_then(|mut l| {
                l.index(&cancel, &|p: Progress| {
                    if let Ok(mut s) = state.lock() {
                        s.progress = Some(p);
                    }
                    let _ = tx.send(Event::Indexing(p));
                })
            });
            if let Ok(mut s) = state.lock() {
                s.finished = Some(result.map_err(|e| e.to_string()));
            }
            let _ = tx.send(Event::Indexing(Progress::default()));
        })
    };
    let outcome = drive(
        &mut terminal,
        &events,
        &lib,
        &mut view,
        &state,
        &config,
        open,
    );
    cancel.store(true, Ordering::Relaxed);
    let _ = indexer.join();
    outcome
}

/// The loop: draw, wait for an event, react.
fn drive(
    terminal: &mut Term,
    events: &EventHandler,
    lib: &Library,
    view: &mut LibraryView,
    state: &Mutex<Indexing>,
    config: &Config,
    open: &mut Opener,
) -> Result<()> {
    let highlights = config.highlights_dir.clone();
    let mut reloaded = Instant::now();
    loop {
        let finished = state.lock().ok().and_then(|mut s| {
            view.progress = s.progress.filter(|p| p.total > 0);
            s.finished.take()
        });
        if let Some(done) = finished {
            view.progress = None;
            match done {
                Ok(r) => {
                    if r.analysed + r.relinked + r.removed > 0 || !r.failed.is_empty() {
                        let mut m = format!("indexed: {} new or changed", r.analysed + r.relinked);
                        if !r.failed.is_empty() {
                            m.push_str(&format!(", {} could not be read", r.failed.len()));
                        }
                        view.message = Some(m);
                    }
                }
                Err(e) => view.message = Some(format!("indexing failed: {e}")),
            }
            view.set_articles(lib.articles(highlights.as_deref())?);
        } else if view.progress.is_some() && reloaded.elapsed() >= RELOAD_EVERY {
            view.set_articles(lib.articles(highlights.as_deref())?);
            reloaded = Instant::now();
        }
        terminal
            .draw(|f| draw::draw(view, f.area(), f.buffer_mut()))
            .wrap_err("cannot draw to the terminal")?;
        let mut next = Some(events.next()?);
        while let Some(ev) = next {
            match ev {
                Event::Crossterm(e) => match event::input(&e) {
                    Some(Input::Key(k)) => {
                        let request = view.key(k);
                        if !carry_out(request, terminal, events, lib, view, config, open)? {
                            return Ok(());
                        }
                    }
                    Some(Input::Resize { width, height }) => {
                        terminal
                            .resize(ratatui::layout::Rect::new(0, 0, width, height))
                            .wrap_err("cannot clear the terminal")?;
                    }
                    _ => {}
                },
                Event::Failed(e) => return Err(e).wrap_err("cannot read from the terminal"),
                Event::Stop(_) => return Ok(()),
                // a reader's analysis that finished after it was closed; indexing progress
                // is read from the shared state above
                Event::Analysis(_) | Event::Indexing(_) => {}
            }
            next = events.try_next();
        }
    }
}

/// Does what a key asked; false to quit.
fn carry_out(
    request: Request,
    terminal: &mut Term,
    events: &EventHandler,
    lib: &Library,
    view: &mut LibraryView,
    config: &Config,
    open: &mut Opener,
) -> Result<bool> {
    match request {
        Request::None => {}
        Request::Quit => return Ok(false),
        Request::People => {
            let corrections = match corrections::default_path()
                .map_err(|e| e.to_string())
                .and_then(|p| Corrections::load(&p).map_err(|e| e.to_string()))
            {
                Ok(c) => c,
                Err(e) => {
                    view.message = Some(e);
                    Corrections::default()
                }
            };
            let people = lib.people(&corrections)?;
            let note = view.message.take();
            view.show_people(people);
            view.message = note;
        }
        Request::Quotes(i) => {
            if let Some(p) = view.people.get(i).cloned() {
                let said = lib.statements(&p)?;
                view.show_quotes(p.name, said);
            }
        }
        Request::Search(text) => match Query::parse(&text) {
            Ok(q) => {
                let hits = lib.search(&q, 500)?;
                if hits.is_empty() {
                    view.message = Some(format!("nothing found for '{text}'"));
                } else {
                    view.show_hits(hits);
                }
            }
            Err(e) => view.message = Some(e.to_string()),
        },
        Request::Open(path, offset) => match open(&path) {
            Ok((mut app, analysis)) => {
                if let Some(at) = offset {
                    app.place_at(at);
                }
                read_in(terminal, events, app, analysis, lib, view, config)?;
            }
            Err(e) => view.message = Some(format!("cannot open '{}': {e}", show(&path))),
        },
        Request::Diff(old, new) => match (open_document(&old), open(&new)) {
            (Ok(before), Ok((mut app, analysis))) => {
                let diff = crate::diff::compare_documents(
                    &before,
                    &app.doc,
                    &crate::diff::Options::default(),
                );
                app.open_diff(diff);
                read_in(terminal, events, app, analysis, lib, view, config)?;
            }
            (Err(e), _) => view.message = Some(format!("cannot open '{}': {e}", show(&old))),
            (_, Err(e)) => view.message = Some(format!("cannot open '{}': {e}", show(&new))),
        },
    }
    Ok(true)
}

/// Runs the reader (or the diff view over it) on the library's terminal until it is
/// closed, then comes back to the list as it was.
fn read_in(
    terminal: &mut Term,
    events: &EventHandler,
    mut app: App,
    analysis: Analysis,
    lib: &Library,
    view: &mut LibraryView,
    config: &Config,
) -> Result<()> {
    app.back_on_close = true;
    run_in(terminal, events, app, analysis)?;
    // drawn whole again: the reader left its own frame on the screen
    let size = terminal.size().wrap_err("cannot read the terminal size")?;
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .wrap_err("cannot clear the terminal")?;
    // highlights and reading progress may have changed
    view.set_articles(lib.articles(config.highlights_dir.as_deref())?);
    Ok(())
}

/// Reads an article file into a document (the older version of a diff: no reader needed).
fn open_document(path: &Path) -> Result<crate::document::Document> {
    let limit = crate::document::decode::MAX_INPUT;
    let size = std::fs::metadata(path)
        .wrap_err("cannot read the file")?
        .len();
    if size > limit as u64 {
        color_eyre::eyre::bail!("over the {} MB limit", limit / (1024 * 1024));
    }
    let bytes = std::fs::read(path).wrap_err("cannot read the file")?;
    let name = path.to_string_lossy().into_owned();
    Ok(crate::document::open_owned(bytes, Some(&name), None)?)
}

fn show(path: &Path) -> String {
    crate::printable::printable(&path.display().to_string()).into_owned()
}

/// The database the library view uses by default.
pub fn default_db() -> Result<PathBuf> {
    Ok(crate::library::database_path()?)
}
