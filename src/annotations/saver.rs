//! Loading and saving highlights off the reader's thread.
//!
//! With a very large highlights file (180,000 highlights, 67 MB) loading takes seconds and
//! so does each save (read and merge what is on disk, write, sync). The reader must not
//! wait on either:
//! - [`open_in_background`] opens the store on a thread; the reader draws the article at
//!   once and takes the store ([`Loading::try_take`]) when it is ready;
//! - a [`Saver`] owns a copy of the store on its own thread. The reader changes its store as
//!   before, then hands the changes over ([`Store::take_changes`] → [`Saver::submit`], which
//!   never blocks). The saver applies them to its copy and saves (several waiting changes
//!   in one save); what the save found on disk comes back through [`Saver::poll`] for
//!   [`Store::absorb`]. On quit, [`Saver::finish`] waits for the last save.
//!
//! ```
//! use hearsay::annotations::{Location, LocationKind, NewHighlight, Origin};
//! use hearsay::annotations::saver::{Place, open_in_background};
//! # let dir = std::env::temp_dir().join(format!("hearsay-saver-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let doc = std::sync::Arc::new(hearsay::document::ingest("A title\n\nThe pier reopens.\n".into()));
//! let location = Location { path: dir.join("a.txt.hearsay.toml"), kind: LocationKind::Sidecar };
//! let origin = Origin::File("a.txt".into());
//! let loading = open_in_background(&doc, origin, Place::At(location), 3, |_| ());
//! let (mut store, mut saver, ()) = loading.wait().unwrap();
//! store.add(NewHighlight::passage(9..26)).unwrap();
//! saver.submit(store.take_changes());         // returns at once
//! for outcome in saver.finish() {             // on quit: waits for the last save
//!     assert!(outcome.result.is_ok());
//! }
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::store::{Changes, Location, Merged, Origin, SaveReport, Store, StoreError};
use crate::document::Document;

/// What one save on the saver's thread did.
#[derive(Debug)]
pub struct Outcome {
    /// The save's report, or why it failed ([`StoreError::ReadOnly`] when the file became
    /// unreadable or another article's: pass it to [`Store::set_problem`]).
    pub result: Result<SaveReport, StoreError>,
    /// What the save found on disk, for [`Store::absorb`].
    pub merged: Merged,
}

/// A copy of a store saving on its own thread (see the module docs).
#[derive(Debug)]
pub struct Saver {
    jobs: Option<Sender<Changes>>,
    outcomes: Receiver<Outcome>,
    /// Changes submitted whose save has not reported yet.
    in_flight: usize,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the saver's thread with `copy` (a [`Store::fork`] of the reader's store, or a
    /// second store opened on the same file).
    pub fn spawn(mut copy: Store) -> Saver {
        let (jobs, job_rx) = mpsc::channel::<Changes>();
        let (done_tx, outcomes) = mpsc::channel::<Outcome>();
        let thread = std::thread::Builder::new()
            .name("hearsay-saver".into())
            .spawn(move || {
                while let Ok(first) = job_rx.recv() {
                    let mut n = 1;
                    copy.apply(first);
                    // changes that came meanwhile go into the same save
                    while let Ok(more) = job_rx.try_recv() {
                        copy.apply(more);
                        n += 1;
                    }
                    let result = copy.save();
                    let merged = copy.take_merged();
                    if done_tx.send(Outcome { result, merged }).is_err() {
                        return;
                    }
                    // one outcome stands for `n` submissions
                    for _ in 1..n {
                        let skipped = Outcome {
                            result: Ok(SaveReport::default()),
                            merged: Merged::default(),
                        };
                        if done_tx.send(skipped).is_err() {
                            return;
                        }
                    }
                }
            })
            .ok();
        Saver {
            jobs: Some(jobs),
            outcomes,
            in_flight: 0,
            thread,
        }
    }

    /// Hands changes over to be saved; returns at once. Empty changes are not sent.
    pub fn submit(&mut self, changes: Changes) {
        if changes.is_empty() {
            return;
        }
        if let Some(jobs) = &self.jobs
            && jobs.send(changes).is_ok()
        {
            self.in_flight += 1;
        }
    }

    /// True while a submitted change is not saved yet.
    pub fn is_saving(&self) -> bool {
        self.in_flight > 0
    }

    /// The saves finished since the last call (never blocks).
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut out = Vec::new();
        while let Ok(o) = self.outcomes.try_recv() {
            self.in_flight = self.in_flight.saturating_sub(1);
            out.push(o);
        }
        out
    }

    /// Waits for every submitted change to be saved and stops the thread (on quit).
    pub fn finish(mut self) -> Vec<Outcome> {
        self.jobs = None;
        let mut out = Vec::new();
        while self.in_flight > 0 {
            match self.outcomes.recv() {
                Ok(o) => {
                    self.in_flight -= 1;
                    out.push(o);
                }
                Err(_) => break,
            }
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        out
    }
}

/// What [`open_in_background`] hands over: the store, its saver, and what the caller's
/// `then` made of the store on the loading thread.
pub type Opened<X> = (Store, Saver, X);

/// A store being opened on another thread (see [`open_in_background`]).
#[derive(Debug)]
pub struct Loading<X = ()> {
    rx: Receiver<Result<Opened<X>, StoreError>>,
}

impl<X> Loading<X> {
    /// The store and its saver once they are ready (never blocks); `None` until then and
    /// after they were taken.
    pub fn try_take(&self) -> Option<Result<Opened<X>, StoreError>> {
        match self.rx.try_recv() {
            Ok(opened) => Some(opened),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(stopped())),
        }
    }

    /// Waits for the store and its saver.
    pub fn wait(self) -> Result<Opened<X>, StoreError> {
        self.rx.recv().unwrap_or_else(|_| Err(stopped()))
    }
}

/// The loading thread ended without an answer (it panicked).
fn stopped() -> StoreError {
    StoreError::ReadOnly("the highlights could not be loaded (the loading thread stopped)".into())
}

/// Which highlights file [`open_in_background`] opens.
#[derive(Debug, Clone)]
pub enum Place {
    /// The one [`Location::resolve`] chooses (with the configured folder, if any); the
    /// article's hash it needs is computed on the loading thread too.
    Resolve {
        /// `[highlights] dir`.
        configured_dir: Option<PathBuf>,
    },
    /// This one.
    At(Location),
}

/// Opens the highlights of `doc` on another thread: the file at `place` (a failure to find
/// one is handed back as it is), re-anchored, with `backups` generations kept on save, and
/// a [`Saver`] holding a copy for saving. A read-only store comes with a saver that has
/// nothing to do. `then` runs on the loading thread with the opened store before it is
/// handed over (so before anything is saved): the reader compares the text with the one
/// highlighted there; it is not called when no place for the file was found.
pub fn open_in_background<X: Send + 'static>(
    doc: &Arc<Document>,
    origin: Origin,
    place: Place,
    backups: usize,
    then: impl FnOnce(&Store) -> X + Send + 'static,
) -> Loading<X> {
    let (tx, rx) = mpsc::channel();
    let doc = Arc::clone(doc);
    let work = move || {
        let location = match place {
            Place::At(l) => Ok(l),
            Place::Resolve { configured_dir } => Location::resolve(
                &origin,
                &super::store::content_hash(&doc),
                configured_dir.as_deref(),
            ),
        };
        let opened = location.map(|location| {
            let mut store = Store::open_at(&doc, &origin, location);
            store.set_backups(backups);
            let extra = then(&store);
            let saver = Saver::spawn(store.fork());
            (store, saver, extra)
        });
        let _ = tx.send(opened);
    };
    if let Err(e) = std::thread::Builder::new()
        .name("hearsay-load-highlights".into())
        .spawn(work)
    {
        let (tx, rx2) = mpsc::channel();
        let _ = tx.send(Err(StoreError::ReadOnly(format!(
            "the highlights could not be loaded: {e}"
        ))));
        return Loading { rx: rx2 };
    }
    Loading { rx }
}
