//! `hearsay analyze`: the document model and its attribution as JSON, JSON Lines or an
//! explanation.
//!
//! One file prints one pretty JSON object (`--json`) or the `--explain` text. Several files
//! or a folder print JSON Lines: one compact object per article with its `path`, analysed
//! on every core and **streamed**: each line is printed as soon as it and the lines before
//! it are done (a bounded reorder buffer keeps the order of the paths; `--unordered` prints
//! each as it finishes). With several files, one that cannot be read is one line on
//! standard error, the others are still analysed, and the exit status says that something
//! failed.
//!
//! Folders are walked by the library's scan: only regular files are read, and FIFOs,
//! sockets, devices, dangling links and links to folders are skipped with a line on
//! standard error; a file found there is opened non-blocking and checked again once open,
//! so nothing can hang the run. A path named on the command line is read whatever it is,
//! as `cat` would (`hearsay analyze <(curl …)` reads a pipe), up to the size limit.
//!
//! Corrections saved with an article (in its highlights file) are applied to its analysis,
//! and the JSON's `corrections` says what they did; `--raw` ignores them.

use crate::commands::{chain, complain, read_input, read_limited};
use color_eyre::eyre::{Result, WrapErr, bail};
use hearsay::annotations::correction::analyze_corrected;
use hearsay::annotations::store::content_hash;
use hearsay::annotations::{Location, Origin, Store};
use hearsay::attribution::{self, explain};
use hearsay::document::{Document, Format, open_owned};
use hearsay::library::scan;
use hearsay::printable::{escaped, printable};
use hearsay::report::ReportView;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// A report with the path it came from (one JSON Lines record).
#[derive(Serialize)]
struct Record<'a> {
    path: String,
    #[serde(flatten)]
    report: &'a ReportView<'a>,
}

/// Results held back waiting for an earlier, slower article, per worker thread: bounds the
/// memory of the reorder buffer (and how far work runs ahead of the output).
const REORDER_PER_WORKER: usize = 16;

/// Says on standard error that an entry of a folder was left out, and why.
fn skipped(path: &Path, why: &str) {
    complain(&format!("skipped '{}': {why}", path.display()));
}

/// Expands folders into the article files they hold (sorted, recursive, hidden ones skipped:
/// the library's scan), with a line on standard error for each entry left out.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let found = scan::scan(p);
            for (path, why) in &found.problems {
                if path == p {
                    bail!("could not list '{}': {why}", p.display());
                }
                skipped(path, why);
            }
            if found.files.is_empty() {
                bail!(
                    "'{}' holds no article files ({})",
                    p.display(),
                    scan::ARTICLE_EXTENSIONS
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
            out.extend(found.files.into_iter().map(|f| f.path));
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Opens a file without blocking (a FIFO or a device whose open would wait for a writer or
/// hardware) and refuses anything but a regular file.
fn open_regular(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .wrap_err_with(|| format!("could not read '{}'", path.display()))?;
    let meta = file
        .metadata()
        .wrap_err_with(|| format!("could not read '{}'", path.display()))?;
    if !meta.is_file() {
        bail!(
            "'{}' is {}, not a regular file; give an article file",
            path.display(),
            scan::kind_of(&meta)
        );
    }
    Ok(file)
}

/// Opens an article: one named on the command line (`given`) is read whatever it is, one
/// found in a folder only when it is a regular file (see [`open_regular`]).
fn open_file(path: &Path, format: Option<Format>, given: bool) -> Result<Document> {
    let bytes = match given {
        true => read_input(path)?,
        false => {
            let file = open_regular(path)?;
            let size = file.metadata().map_or(0, |m| m.len());
            read_limited(file, size, format!("'{}'", path.display()))?
        }
    };
    // the bytes become the document's source without a copy
    open_owned(bytes, path.to_str(), format)
        .wrap_err_with(|| format!("cannot open '{}'", path.display()))
}

/// Where corrections are looked for: `None` for the raw analysis, else the configured
/// highlights folder (`Some(None)`: the default places).
type Fixes = Option<Option<PathBuf>>;

/// Opens and analyses an article (its saved corrections applied, unless `fixes` is `None`)
/// and hands its report to `write`. The report borrows from the document: no text is
/// copied for it.
fn with_report<R>(
    path: &Path,
    format: Option<Format>,
    given: bool,
    fixes: &Fixes,
    write: impl FnOnce(&ReportView) -> Result<R>,
) -> Result<R> {
    let doc = std::sync::Arc::new(open_file(path, format, given)?);
    let store = match fixes {
        None => None,
        Some(dir) => saved_store(path, &doc, dir.as_deref())
            .wrap_err_with(|| format!("reading the corrections of '{}'", path.display()))?,
    };
    match store.filter(|s| !s.corrections().is_empty()) {
        None => write(&ReportView::new(&doc, &attribution::analyze(&doc), None)),
        Some(store) => {
            let (analysis, applied) = analyze_corrected(&doc, store.corrections().list());
            write(&ReportView::new(&doc, &analysis, Some(&applied)))
        }
    }
}

/// The highlights store of an article, when it has a highlights file (none is created).
fn saved_store(
    path: &Path,
    doc: &std::sync::Arc<Document>,
    dir: Option<&Path>,
) -> Result<Option<Store>> {
    let origin = if path.as_os_str() == "-" {
        Origin::Stdin
    } else {
        Origin::File(path.to_path_buf())
    };
    let location = Location::resolve(&origin, &content_hash(doc), dir)?;
    if !location.path.exists() {
        return Ok(None);
    }
    let store = Store::open_at(doc, &origin, location);
    if let Some(problem) = store.problem() {
        bail!("{problem}");
    }
    Ok(Some(store))
}

/// Reports a file that could not be analysed (one line on standard error).
fn failed_file(path: &Path, e: &color_eyre::eyre::Report) {
    complain(&format!("'{}': {}", path.display(), chain(e)));
}

/// How [`stream`] hands out results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// In the order of the inputs, holding back at most this many finished results.
    Kept(usize),
    /// As each finishes.
    AsDone,
}

/// Runs `job` on every item on `workers` threads and calls `emit` on this thread with each
/// result as soon as it may be given out (see [`Order`]). In `Order::Kept(window)`, no
/// item more than `window` places past the first unfinished one is started, so at most
/// `window` results wait in memory. `emit` returning `false` stops the work (output closed).
fn stream<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    order: Order,
    job: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(usize, R) -> bool,
) {
    let window = match order {
        Order::Kept(w) => w.max(1),
        Order::AsDone => usize::MAX,
    };
    // (next item to start, number of items given out in order)
    let state = Mutex::new((0usize, 0usize));
    let moved = Condvar::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|s| {
        for _ in 0..workers.max(1) {
            let tx = tx.clone();
            let (state, moved, stop, job) = (&state, &moved, &stop, &job);
            s.spawn(move || {
                loop {
                    let i = {
                        let Ok(mut st) = state.lock() else { return };
                        while st.0 < items.len()
                            && st.0 >= st.1.saturating_add(window)
                            && !stop.load(Ordering::Relaxed)
                        {
                            st = match moved.wait(st) {
                                Ok(g) => g,
                                Err(_) => return,
                            };
                        }
                        if st.0 >= items.len() || stop.load(Ordering::Relaxed) {
                            return;
                        }
                        st.0 += 1;
                        st.0 - 1
                    };
                    if tx.send((i, job(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut held: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx.iter() {
            if order == Order::AsDone {
                if !emit(i, r) {
                    break;
                }
                continue;
            }
            held.insert(i, r);
            let mut open = true;
            while let Some(r) = held.remove(&next) {
                open = emit(next, r);
                next += 1;
                if !open {
                    break;
                }
            }
            if let Ok(mut st) = state.lock() {
                st.1 = next;
            }
            moved.notify_all();
            if !open {
                break;
            }
        }
        // under the lock, so a worker about to wait sees it
        if let Ok(_st) = state.lock() {
            stop.store(true, Ordering::Relaxed);
        }
        moved.notify_all();
        // dropping the receiver ends workers blocked on sending
        drop(rx);
    });
}

/// Writes one line to standard output; false when the output is closed (`| head`).
fn print_line(line: &str) -> Result<bool> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out
        .write_all(line.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).wrap_err("could not write to standard output"),
        // a line at a time, so a reader of the pipe sees each article when it is done
        Ok(()) => Ok(out.flush().is_ok()),
    }
}

/// serde_json's pretty layout, with every character that must not reach a terminal (DEL,
/// C1 controls, bidi controls; serde_json already escapes C0) written as a `\uXXXX` escape
/// as it is written: no copy of the whole JSON text is ever made (a 50 MB article's report
/// is written straight to the output).
struct SafePretty(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafePretty {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        w.write_all(escaped(fragment).as_bytes())
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Prints one report as pretty JSON, written as it is made (see [`SafePretty`]); a closed
/// output ends it quietly.
fn print_pretty(report: &ReportView) -> Result<()> {
    use serde::Serialize as _;
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafePretty(Default::default()));
    let written = report
        .serialize(&mut ser)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.wrap_err("could not write to standard output"),
    }
}

/// Runs `hearsay analyze`. `fixes`: `None` with `--raw`, else the `--config` file, whose
/// highlights folder holds the corrections.
pub fn run(
    files: &[PathBuf],
    format: Option<Format>,
    _json: bool,
    explain: bool,
    fixes: Option<Option<&Path>>,
    unordered: bool,
) -> Result<()> {
    let fixes: Fixes = fixes.map(|config| match crate::commands::config::load(config) {
        Ok((c, _)) => c.highlights_dir,
        Err(e) => {
            complain(&format!("{}; using the default configuration", chain(&e)));
            None
        }
    });
    let several = files.len() > 1 || files.iter().any(|p| p.is_dir());
    let named: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    let given = |p: &Path| named.contains(p);
    let files = expand(files)?;
    let mut failed = 0;
    if explain {
        for path in &files {
            let doc = match open_file(path, format, given(path)) {
                Ok(doc) => doc,
                Err(e) if several => {
                    failed += 1;
                    failed_file(path, &e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            let analysis = attribution::analyze(&doc);
            if several {
                outln!("== {}", printable(&path.display().to_string()))?;
            }
            out!("{}", explain::render(&doc, &analysis))?;
        }
        return all_done(failed, files.len());
    }
    if !several {
        for path in &files {
            with_report(path, format, given(path), &fixes, print_pretty)?;
        }
        return Ok(());
    }
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let order = match unordered {
        true => Order::AsDone,
        false => Order::Kept(workers * REORDER_PER_WORKER),
    };
    let mut result = Ok(());
    stream(
        &files,
        workers,
        order,
        |path| -> Result<String> {
            with_report(path, format, given(path), &fixes, |report| {
                let record = Record {
                    path: path.display().to_string(),
                    report,
                };
                Ok(escaped(&serde_json::to_string(&record)?).into_owned())
            })
        },
        |i, line| match line {
            Ok(l) => match print_line(&l) {
                Ok(open) => open,
                Err(e) => {
                    result = Err(e);
                    false
                }
            },
            Err(e) => {
                failed += 1;
                failed_file(&files[i], &e);
                true
            }
        },
    );
    result?;
    all_done(failed, files.len())
}

fn all_done(failed: usize, of: usize) -> Result<()> {
    if failed > 0 {
        bail!("{failed} of {of} files could not be analysed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    /// Waits (up to a minute) for `cond`, so a missing stream shows as a failure, not a hang.
    fn wait_for(cond: impl Fn() -> bool) -> bool {
        for _ in 0..6000 {
            if cond() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    #[test]
    fn kept_order_gives_out_each_result_before_the_work_ends() {
        // item 1 finishes only once item 0 was given out: without streaming it never would
        let emitted = AtomicUsize::new(0);
        let mut got = Vec::new();
        stream(
            &[0, 1, 2],
            2,
            Order::Kept(4),
            |&i| {
                if i == 1 {
                    assert!(wait_for(|| emitted.load(Ordering::SeqCst) >= 1));
                }
                i * 10
            },
            |i, r| {
                emitted.fetch_add(1, Ordering::SeqCst);
                got.push((i, r));
                true
            },
        );
        assert_eq!(got, [(0, 0), (1, 10), (2, 20)]);
    }

    #[test]
    fn unordered_gives_out_a_fast_result_before_a_slow_earlier_one() {
        let emitted = AtomicUsize::new(0);
        let mut got = Vec::new();
        stream(
            &[0, 1],
            2,
            Order::AsDone,
            |&i| {
                if i == 0 {
                    assert!(wait_for(|| emitted.load(Ordering::SeqCst) >= 1));
                }
                i
            },
            |i, _| {
                emitted.fetch_add(1, Ordering::SeqCst);
                got.push(i);
                true
            },
        );
        assert_eq!(got, [1, 0]);
    }

    #[test]
    fn the_reorder_buffer_is_bounded_behind_a_slow_item() {
        // item 0 is slow; with a window of 3, no item past 2 may start before 0 is done
        let started_max = AtomicUsize::new(0);
        let zero_done = AtomicBool::new(false);
        let items: Vec<usize> = (0..20).collect();
        stream(
            &items,
            4,
            Order::Kept(3),
            |&i| {
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(200));
                    zero_done.store(true, Ordering::SeqCst);
                } else if !zero_done.load(Ordering::SeqCst) {
                    started_max.fetch_max(i, Ordering::SeqCst);
                }
            },
            |_, ()| true,
        );
        assert!(started_max.load(Ordering::SeqCst) <= 2);
    }

    #[test]
    fn pretty_json_escapes_what_a_terminal_must_not_see_and_stays_json() {
        use serde::Serialize as _;
        let value = serde_json::json!({"text": "a\u{9b}31mb\u{202e}c\nd", "n": [1, 2]});
        let mut out = Vec::new();
        let mut ser =
            serde_json::Serializer::with_formatter(&mut out, SafePretty(Default::default()));
        value.serialize(&mut ser).expect("serializes");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            !text.contains('\u{9b}') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(text.contains(r"a\u009B31mb\u202Ec\nd"), "{text}");
        assert_eq!(
            text,
            serde_json::to_string_pretty(&value)
                .expect("json")
                .replace('\u{9b}', r"\u009B")
                .replace('\u{202e}', r"\u202E")
        );
    }

    #[test]
    fn a_closed_output_stops_the_work() {
        let ran = AtomicUsize::new(0);
        let items: Vec<usize> = (0..1000).collect();
        stream(
            &items,
            2,
            Order::Kept(4),
            |_| {
                ran.fetch_add(1, Ordering::SeqCst);
            },
            |i, ()| i < 3,
        );
        assert!(ran.load(Ordering::SeqCst) < 50);
    }
}
