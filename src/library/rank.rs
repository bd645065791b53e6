//! The relevance of a full-text match, computed in the same pass that finds the matches.
//!
//! FTS5's own `bm25()` first runs every phrase of the query once more over the whole index
//! to count the rows that hold it (its inverse document frequency), so a search ranked by
//! it reads the matches twice; a phrase of common words ("night shift": each word in a
//! third of the passages) took most of a search's time there. A search here is a query
//! whose phrases must ALL be in a matching passage (see [`super::search`]), so that
//! frequency tells nothing about which passage holds the query better: it only weighs the
//! phrases against each other. [`FUNCTION`] is BM25 without it (k1 = 1.2, b = 0.75): how
//! often each phrase occurs in the passage, against the passage's length. Higher is better.
//!
//! It is an FTS5 auxiliary function written against SQLite's C interface (rusqlite does not
//! wrap FTS5's extension API), registered on every connection by [`register`].

use rusqlite::{Connection, ffi};
use std::os::raw::c_int;
use std::ptr;

/// The SQL name of the function: `hearsay_rank(passages_fts)`.
pub const FUNCTION: &str = "hearsay_rank";

/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// BM25's length normalisation.
const B: f64 = 0.75;

/// Registers [`FUNCTION`] on the connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let failure = |rc: c_int, what: &str| {
        rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(what.to_string()))
    };
    // SAFETY: the statement is prepared, bound, stepped and finalized on the connection's
    // own handle; `api` outlives the statement, and SQLite only writes a pointer into it.
    let api = unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc != ffi::SQLITE_OK {
            return Err(failure(rc, "FTS5 is not available"));
        }
        let mut api: *mut ffi::fts5_api = ptr::null_mut();
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&raw mut api).cast(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        api
    };
    if api.is_null() {
        return Err(failure(ffi::SQLITE_ERROR, "FTS5 is not available"));
    }
    // SAFETY: `api` is the connection's FTS5 API, valid while the connection is open; the
    // function has no user data to free.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(
                api,
                c"hearsay_rank".as_ptr(),
                ptr::null_mut(),
                Some(rank),
                None,
            ),
            None => ffi::SQLITE_ERROR,
        }
    };
    if rc != ffi::SQLITE_OK {
        return Err(failure(rc, "could not register the rank function"));
    }
    Ok(())
}

/// The FTS5 entry point: the score of the current row, or the error of the API call that
/// failed.
unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    _argc: c_int,
    _argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its API and the cursor's context, valid for the call.
    unsafe {
        match score(&*api, fts) {
            Ok(s) => ffi::sqlite3_result_double(ctx, s),
            Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
        }
    }
}

/// Turns an SQLite result code into a `Result`.
fn check(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

/// BM25 without the inverse document frequency (see the module documentation).
///
/// # Safety
/// `api` and `fts` are those FTS5 passed to an auxiliary function, during that call.
unsafe fn score(api: &ffi::Fts5ExtensionApi, fts: *mut ffi::Fts5Context) -> Result<f64, c_int> {
    let missing = ffi::SQLITE_ERROR;
    let (Some(row_count), Some(total_size), Some(column_size), Some(phrase_count)) = (
        api.xRowCount,
        api.xColumnTotalSize,
        api.xColumnSize,
        api.xPhraseCount,
    ) else {
        return Err(missing);
    };
    let (Some(inst_count), Some(inst)) = (api.xInstCount, api.xInst) else {
        return Err(missing);
    };
    // SAFETY: the caller's contract; every out-pointer is a local.
    unsafe {
        let (mut rows, mut tokens) = (0i64, 0i64);
        check(row_count(fts, &mut rows))?;
        check(total_size(fts, -1, &mut tokens))?;
        let average = if rows > 0 && tokens > 0 {
            tokens as f64 / rows as f64
        } else {
            1.0
        };
        let mut size: c_int = 0;
        check(column_size(fts, -1, &mut size))?;
        let phrases = usize::try_from(phrase_count(fts)).unwrap_or(0);
        let mut hits = vec![0u32; phrases];
        let mut n: c_int = 0;
        check(inst_count(fts, &mut n))?;
        for i in 0..n {
            let (mut phrase, mut column, mut offset) = (0, 0, 0);
            check(inst(fts, i, &mut phrase, &mut column, &mut offset))?;
            if let Some(h) = usize::try_from(phrase).ok().and_then(|p| hits.get_mut(p)) {
                *h += 1;
            }
        }
        let norm = K1 * (1.0 - B + B * f64::from(size) / average);
        Ok(hits
            .iter()
            .map(|&f| {
                let f = f64::from(f);
                f * (K1 + 1.0) / (f + norm)
            })
            .sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&str]) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(body, kinds)")
            .unwrap();
        for (i, r) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO t(rowid, body, kinds) VALUES (?1, ?2, '')",
                rusqlite::params![i as i64 + 1, r],
            )
            .unwrap();
        }
        conn
    }

    fn order(conn: &Connection, sql: &str, q: &str) -> Vec<i64> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([q], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn one_phrase_is_ranked_as_bm25_ranks_it() {
        // the rows differ in how often the phrase occurs and in length
        let conn = table(&[
            "the night shift at the lock keeps the tide gates closed until the river falls \
             back below the mark painted on the pier",
            "night shift",
            "a night shift, then another night shift at the ferry office",
            "the ferry office closed early",
            "night shift workers at the harbour asked for a second night shift and a \
             third night shift",
            "the lock keepers said the night shift was short",
        ]);
        let q = "body : \"night shift\"";
        let ours = order(
            &conn,
            "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY hearsay_rank(t) DESC",
            q,
        );
        let bm25 = order(
            &conn,
            "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t)",
            q,
        );
        assert_eq!(ours.len(), 5);
        assert_eq!(ours, bm25);
        assert_eq!(
            ours[0], 2,
            "the passage that is only the phrase comes first"
        );
    }

    #[test]
    fn every_phrase_counts_and_the_score_is_positive() {
        let conn = table(&[
            "tide tide gates",
            "tide gates",
            "gates of the old tide mill",
        ]);
        let scores: Vec<(i64, f64)> = conn
            .prepare("SELECT rowid, hearsay_rank(t) FROM t WHERE t MATCH 'tide AND gates'")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(scores.len(), 3);
        assert!(scores.iter().all(|(_, s)| *s > 0.0), "{scores:?}");
        // "tide" twice beats once, though its row is a word longer
        assert!(scores[0].1 > scores[1].1, "{scores:?}");
        // the long row is last
        assert!(scores[2].1 < scores[1].1, "{scores:?}");
    }
}
