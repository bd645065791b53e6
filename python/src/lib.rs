//! `hearsay._hearsay`: the native half of the `hearsay` Python package.
//!
//! Everything here is glue: articles come in as `str` or `bytes`, go through the library's
//! own [`hearsay::document::open`] and [`hearsay::report::ReportView`] (the code behind
//! `hearsay analyze --json`), and go back out as dicts (built by [`to_py`] from the very
//! `Serialize` the CLI prints, so equal to `json.loads` of its output) or as column lists
//! (for the Arrow tables, which `hearsay/__init__.py` hands to pyarrow). The analysis
//! runs with the GIL released, on a rayon pool built for each call (a pool made before a
//! `fork` would have no threads in the child, so none is kept between calls); the GIL is
//! taken only to build the Python objects.

mod to_py;

use hearsay::attribution::{self, Analysis, ClaimKind};
use hearsay::document::{Document, Format, open};
use hearsay::report::ReportView;
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;

create_exception!(
    _hearsay,
    HearsayError,
    PyValueError,
    "An article hearsay cannot analyse (empty, binary, too large), with the CLI's message."
);

/// One article as given: text, or bytes to decode as the CLI decodes a file.
enum Article {
    Text(String),
    Bytes(Vec<u8>),
}

impl Article {
    fn bytes(&self) -> &[u8] {
        match self {
            Article::Text(s) => s.as_bytes(),
            Article::Bytes(b) => b,
        }
    }
}

/// Reads one Python object as an article.
fn article(obj: &Bound<'_, PyAny>) -> PyResult<Article> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Article::Text(s.to_str()?.to_owned()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Article::Bytes(b.as_bytes().to_vec()));
    }
    Err(PyTypeError::new_err(format!(
        "an article is str or bytes, not '{}'",
        obj.get_type().name()?
    )))
}

/// Reads every item of a Python iterable as an article.
fn articles(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Article>> {
    texts.try_iter()?.map(|o| article(&o?)).collect()
}

/// The format a Python argument names (`"text"`, `"html"`, `"md"`), or `None` to sniff.
fn format_arg(format: Option<&str>) -> PyResult<Option<Format>> {
    match format {
        None => Ok(None),
        Some("text") => Ok(Some(Format::Text)),
        Some("html") => Ok(Some(Format::Html)),
        Some("md") => Ok(Some(Format::Markdown)),
        Some(other) => Err(PyValueError::new_err(format!(
            "invalid value '{other}' for format [possible values: text, html, md]"
        ))),
    }
}

/// One format per article: one for all, or a sequence as long as `texts`.
fn formats(format: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<Option<Format>>> {
    if format.is_none() {
        return Ok(vec![None; n]);
    }
    if let Ok(s) = format.cast::<PyString>() {
        return Ok(vec![format_arg(Some(s.to_str()?))?; n]);
    }
    let each = format
        .try_iter()?
        .map(|f| format_arg(f?.extract::<Option<String>>()?.as_deref()))
        .collect::<PyResult<Vec<_>>>()?;
    if each.len() != n {
        return Err(PyValueError::new_err(format!(
            "format has {} items for {n} articles",
            each.len()
        )));
    }
    Ok(each)
}

/// Where a call's analyses run: in the caller's thread, or on a rayon pool made for the
/// call (with more than one thread and more than one article).
enum Pool {
    Caller,
    Rayon(rayon::ThreadPool),
}

impl Pool {
    /// The pool for `threads` threads and `n` articles.
    fn new(threads: usize, n: usize) -> PyResult<Pool> {
        if threads <= 1 || n <= 1 {
            return Ok(Pool::Caller);
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("hearsay-{i}"))
            .build()
            .map(Pool::Rayon)
            .map_err(|e| PyValueError::new_err(format!("could not start {threads} threads: {e}")))
    }

    /// `f` of each item, in order.
    fn map<T, R>(&self, items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R>
    where
        T: Sync,
        R: Send,
    {
        match self {
            Pool::Caller => items.iter().map(f).collect(),
            Pool::Rayon(pool) => pool.install(|| items.par_iter().map(f).collect()),
        }
    }

    /// How many articles are analysed before their results are used: a few dozen per
    /// thread, so only that many documents are held at once (a document takes about three
    /// times its text: a batch held whole took 60 MB more for 6000 articles of 4 KB), and
    /// the GIL is taken once per chunk, not per article.
    fn chunk(&self) -> usize {
        match self {
            Pool::Caller => CHUNK_PER_THREAD,
            Pool::Rayon(pool) => CHUNK_PER_THREAD * pool.current_num_threads(),
        }
    }
}

/// Articles analysed per thread before their results are used (see [`Pool::chunk`]).
const CHUNK_PER_THREAD: usize = 32;

/// The document and its analysis, or the CLI's message saying why there is none.
fn analysed(article: &Article, format: Option<Format>) -> Result<(Document, Analysis), String> {
    open(article.bytes(), None, format)
        .map(|doc| {
            let analysis = attribution::analyze(&doc);
            (doc, analysis)
        })
        .map_err(|e| e.to_string())
}

/// The report as a dict, equal to `json.loads` of what `analyze --json` prints (same
/// values, same key order; see [`to_py`] for the `f32` confidences).
fn report_dict<'py>(
    keys: &mut to_py::Keys<'py>,
    (doc, analysis): &(Document, Analysis),
) -> PyResult<Bound<'py, PyAny>> {
    to_py::to_py(keys, &ReportView::new(doc, analysis, None))
}

/// `analyze(text, format)`: the report of one article as a dict.
#[pyfunction]
#[pyo3(signature = (text, format=None))]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    format: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let article = article(text)?;
    let format = format_arg(format)?;
    let done = py
        .detach(|| analysed(&article, format))
        .map_err(HearsayError::new_err)?;
    report_dict(&mut to_py::Keys::new(py), &done)
}

/// `analyze_batch(texts, …)`: per article, in order, `(True, dict)` or `(False, message)`
/// for one that could not be analysed.
#[pyfunction]
#[pyo3(signature = (texts, format, threads))]
fn analyze_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    threads: usize,
) -> PyResult<Vec<(bool, Bound<'py, PyAny>)>> {
    let items = articles(texts)?;
    let formats = formats(format, items.len())?;
    let pairs: Vec<(&Article, Option<Format>)> = items.iter().zip(formats).collect();
    let pool = Pool::new(threads, pairs.len())?;
    let mut keys = to_py::Keys::new(py);
    let mut out = Vec::with_capacity(pairs.len());
    for part in pairs.chunks(pool.chunk()) {
        let done = py.detach(|| pool.map(part, |(a, f)| analysed(a, *f)));
        // the GIL is held from here to the end of the chunk: nothing else runs Python
        let _paused = to_py::GcPaused::new(py)?;
        for r in done {
            out.push(match r {
                Ok(done) => (true, report_dict(&mut keys, &done)?),
                Err(message) => (false, PyString::new(py, &message).into_any()),
            });
        }
    }
    Ok(out)
}

/// Rows of the claims and speakers tables, column by column.
#[derive(Default)]
struct Tables {
    // claims
    c_article: Vec<usize>,
    c_claim: Vec<u32>,
    c_start: Vec<u64>,
    c_end: Vec<u64>,
    c_kind: Vec<&'static str>,
    c_paragraph: Vec<Option<u32>>,
    c_speaker_id: Vec<Option<u32>>,
    c_speaker_name: Vec<Option<String>>,
    c_speaker_kind: Vec<Option<&'static str>>,
    c_cue: Vec<Option<String>>,
    c_text: Vec<String>,
    c_confidence: Vec<f32>,
    // speakers
    s_article: Vec<usize>,
    s_speaker_id: Vec<u32>,
    s_name: Vec<String>,
    s_kind: Vec<&'static str>,
    s_role: Vec<Option<String>>,
    s_aliases: Vec<Vec<String>>,
    s_quotes: Vec<u32>,
    s_claims: Vec<u32>,
}

/// Narrows a count or offset for a 32-bit column (inputs are capped far below 4 GiB).
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Tables {
    /// Adds the rows of article number `i` (its position in the call's input), the
    /// document `doc` analysed into `a` (the texts are read from the document, as
    /// `analyze --json` writes them).
    fn add(&mut self, i: usize, doc: &Document, a: Analysis) {
        for (n, c) in a.claims.iter().enumerate() {
            let speaker = c.speaker.and_then(|s| a.speakers.get(s));
            self.c_article.push(i);
            self.c_claim.push(u32_of(n));
            self.c_start.push(c.start as u64);
            self.c_end.push(c.end as u64);
            self.c_kind.push(match c.kind {
                ClaimKind::Direct => "direct",
                ClaimKind::Indirect => "indirect",
                ClaimKind::Mixed => "mixed",
            });
            self.c_paragraph.push(c.paragraph);
            self.c_speaker_id.push(c.speaker.map(u32_of));
            self.c_speaker_name.push(speaker.map(|s| s.name.clone()));
            self.c_speaker_kind.push(speaker.map(|s| s.kind.as_str()));
            self.c_cue.push(c.cue.as_ref().map(|c| c.to_string()));
            self.c_text.push(c.text(doc).into_owned());
            self.c_confidence.push(c.confidence);
        }
        for s in a.speakers {
            self.s_article.push(i);
            self.s_speaker_id.push(u32_of(s.id));
            self.s_name.push(s.name);
            self.s_kind.push(s.kind.as_str());
            self.s_role.push(s.role);
            self.s_aliases.push(s.aliases);
            self.s_quotes.push(u32_of(s.quotes));
            self.s_claims.push(u32_of(s.claims));
        }
    }
}

/// The `(index, message)` of each article that could not be analysed.
type Failures = Vec<(usize, String)>;

/// `claims_table`/`speakers_table`: the columns of both tables as Python lists, in two
/// dicts (claims, speakers), plus the `(index, message)` of each article that failed.
/// `article` columns hold the article's position in `texts`; the Python side maps them to
/// ids.
#[pyfunction]
#[pyo3(signature = (texts, format, threads, speakers))]
fn table_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    threads: usize,
    speakers: bool,
) -> PyResult<(Bound<'py, PyDict>, Failures)> {
    let items = articles(texts)?;
    let formats = formats(format, items.len())?;
    let pairs: Vec<(&Article, Option<Format>)> = items.iter().zip(formats).collect();
    let (tables, failed) = py.detach(|| {
        let pool = Pool::new(threads, pairs.len())?;
        let mut tables = Tables::default();
        let mut failed = Vec::new();
        let chunk = pool.chunk();
        for (c, part) in pairs.chunks(chunk).enumerate() {
            let done = pool.map(part, |(a, f)| analysed(a, *f));
            for (j, r) in done.into_iter().enumerate() {
                match r {
                    Ok((doc, analysis)) => tables.add(c * chunk + j, &doc, analysis),
                    Err(message) => failed.push((c * chunk + j, message)),
                }
            }
        }
        PyResult::Ok((tables, failed))
    })?;
    let t = tables;
    let d = PyDict::new(py);
    if speakers {
        d.set_item("article", t.s_article)?;
        d.set_item("speaker_id", t.s_speaker_id)?;
        d.set_item("name", t.s_name)?;
        d.set_item("kind", t.s_kind)?;
        d.set_item("role", t.s_role)?;
        d.set_item("aliases", t.s_aliases)?;
        d.set_item("quotes", t.s_quotes)?;
        d.set_item("claims", t.s_claims)?;
    } else {
        d.set_item("article", t.c_article)?;
        d.set_item("claim", t.c_claim)?;
        d.set_item("start", t.c_start)?;
        d.set_item("end", t.c_end)?;
        d.set_item("kind", t.c_kind)?;
        d.set_item("paragraph", t.c_paragraph)?;
        d.set_item("speaker_id", t.c_speaker_id)?;
        d.set_item("speaker_name", t.c_speaker_name)?;
        d.set_item("speaker_kind", t.c_speaker_kind)?;
        d.set_item("cue", t.c_cue)?;
        d.set_item("text", t.c_text)?;
        d.set_item("confidence", t.c_confidence)?;
    }
    Ok((d, failed))
}

/// The format a file name says, as `hearsay analyze FILE` would choose it before looking
/// at the content: `"html"` or `"md"`, else `None` (text names are still sniffed for HTML).
#[pyfunction]
fn format_of_name(name: &str) -> Option<&'static str> {
    match Format::from_name(name) {
        Some(Format::Html) => Some("html"),
        Some(Format::Markdown) => Some("md"),
        Some(Format::Text) | None => None,
    }
}

/// The native module.
#[pymodule]
fn _hearsay(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("HearsayError", m.py().get_type::<HearsayError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(format_of_name, m)?)?;
    Ok(())
}
