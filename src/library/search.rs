//! Search across the library: the query language and its translation to SQLite FTS5.
//!
//! A query is words and `"quoted phrases"` (all must be in one passage, a paragraph or a
//! caption), and fields:
//! - `speaker:Maltz`, `speaker:"Derek Maltz"`: someone of that name speaks in the passage;
//! - `kind:anonymous`: a source of that kind speaks there (`person`, `unnamed`,
//!   `organization`, `group`, `anonymous`, `document`, `unattributed`);
//! - `publication:"The Post"`: the article's publication contains this (without case).
//!
//! Every word the user types is passed to FTS5 inside a quoted string, so the query syntax
//! of FTS5 (`AND`, `NEAR`, `*`, `-`) never changes the meaning of what was typed.

use super::versions::{Place, newest_only};
use super::{LibraryError, Result, db_err, path_bounds};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Start of a match in [`Hit::snippet`].
pub const MARK_START: char = '\u{2}';
/// End of a match in [`Hit::snippet`].
pub const MARK_END: char = '\u{3}';

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases of the text.
    pub terms: Vec<String>,
    /// `speaker:` values.
    pub speakers: Vec<String>,
    /// `kind:` values, as stored.
    pub kinds: Vec<String>,
    /// `publication:` values.
    pub publications: Vec<String>,
}

/// The fields a query knows.
pub const FIELDS: &[&str] = &["speaker", "kind", "publication"];

/// The `kind:` values and the stored word each stands for.
const KINDS: &[(&str, &str)] = &[
    ("person", "person"),
    ("named", "person"),
    ("unnamed", "unnamed"),
    ("organization", "organization"),
    ("organisation", "organization"),
    ("org", "organization"),
    ("group", "group"),
    ("anonymous", "anonymous"),
    ("anon", "anonymous"),
    ("document", "document"),
    ("unattributed", "unattributed"),
];

impl Query {
    /// Reads a query.
    ///
    /// ```
    /// let q = hearsay::library::Query::parse(r#"port "night shift" speaker:Maltz publication:"The Post""#).unwrap();
    /// assert_eq!(q.terms, ["port", "night shift"]);
    /// assert_eq!(q.speakers, ["Maltz"]);
    /// assert_eq!(q.publications, ["The Post"]);
    /// ```
    pub fn parse(text: &str) -> Result<Query> {
        let mut q = Query::default();
        let mut rest = text.trim_start();
        while !rest.is_empty() {
            let field = FIELDS.iter().find(|f| {
                rest.get(..f.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(f))
                    && rest[f.len()..].starts_with(':')
            });
            let (field, value, after) = match field {
                Some(f) => {
                    let (v, after) = value(&rest[f.len() + 1..]);
                    (Some(*f), v, after)
                }
                None => {
                    let (v, after) = value(rest);
                    (None, v, after)
                }
            };
            rest = after.trim_start();
            let value = value.trim();
            if value.is_empty() {
                if let Some(f) = field {
                    return Err(LibraryError::Query(format!(
                        "'{f}:' needs a value, as in {f}:{}",
                        example(f)
                    )));
                }
                continue;
            }
            match field {
                None => q.terms.push(value.to_string()),
                Some("speaker") => q.speakers.push(value.to_string()),
                Some("publication") => q.publications.push(value.to_string()),
                Some(_) => {
                    let lower = value.to_lowercase();
                    let Some((_, stored)) = KINDS.iter().find(|(k, _)| *k == lower) else {
                        return Err(LibraryError::Query(format!(
                            "unknown kind '{value}'; use one of person, unnamed, organization, \
                             group, anonymous, document, unattributed"
                        )));
                    };
                    q.kinds.push((*stored).to_string());
                }
            }
        }
        q.terms.retain(|t| t.chars().any(char::is_alphanumeric));
        if q.terms.is_empty()
            && q.speakers.is_empty()
            && q.kinds.is_empty()
            && q.publications.is_empty()
        {
            return Err(LibraryError::Query(
                "nothing to search for; type words, \"a phrase\", speaker:NAME, kind:anonymous \
                 or publication:\"NAME\""
                    .into(),
            ));
        }
        Ok(q)
    }

    /// The FTS5 expression, or `None` when only `publication:` was given.
    pub fn fts(&self) -> Option<String> {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|t| format!("body : {}", quote(t)))
            .chain(
                self.speakers
                    .iter()
                    .map(|s| format!("speakers : {}", quote(s))),
            )
            .chain(self.kinds.iter().map(|k| format!("kinds : {}", quote(k))))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }
}

fn example(field: &str) -> &'static str {
    match field {
        "speaker" => "Maltz",
        "kind" => "anonymous",
        _ => "\"The Post\"",
    }
}

/// One value: a `"quoted phrase"` (to the closing quote or the end) or a word (to the next
/// space). Returns it and the rest.
fn value(s: &str) -> (&str, &str) {
    if let Some(inner) = s.strip_prefix('"') {
        match inner.find('"') {
            Some(end) => (&inner[..end], &inner[end + 1..]),
            None => (inner, ""),
        }
    } else {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        (&s[..end], &s[end..])
    }
}

/// A search result: a passage of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The article file.
    pub path: PathBuf,
    /// Its headline.
    pub title: String,
    /// Its date, when known.
    pub date: Option<String>,
    /// Its publication, when known.
    pub publication: Option<String>,
    /// Source byte offset of the passage in the article.
    pub start: usize,
    /// Words around the match; matches are between [`MARK_START`] and [`MARK_END`].
    pub snippet: String,
}

impl Hit {
    /// The snippet cut into (text, is a match) runs.
    pub fn snippet_parts(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut inside = false;
        for piece in self.snippet.split([MARK_START, MARK_END]) {
            if !piece.is_empty() {
                out.push((piece, inside));
            }
            inside = !inside;
        }
        // the split alternates only when marks alternate, which snippet() guarantees
        out
    }

    /// The snippet with matches in `[` `]`, for plain output.
    pub fn snippet_bracketed(&self) -> String {
        self.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
    }
}

/// Runs a query over the articles under `root`.
pub fn run(
    conn: &Connection,
    db_path: &Path,
    root: &Path,
    query: &Query,
    limit: usize,
    places: &HashMap<String, Place>,
) -> Result<Vec<Hit>> {
    let (lo, hi) = path_bounds(root);
    let err = || db_err(db_path);
    // the publication filters, their values bound from `?first` on
    let filter = |first: usize| -> String {
        (0..query.publications.len())
            .map(|i| {
                format!(
                    " AND instr(lower(coalesce(a.publication, '')), lower(?{})) > 0",
                    first + i
                )
            })
            .collect()
    };
    let path_of = "(SELECT min(f.path) FROM files f WHERE f.article = a.id
                    AND f.path >= ?1 AND f.path < ?2)";
    let columns = format!("{path_of} AS p, a.title, a.date, a.publication");
    let fts = query.fts();
    // Whether there are too many matches to rank, asked first only when that is cheap: when
    // every phrase is one word, FTS5 counts matches without reading positions and stops at
    // the bound; a phrase of several words has to be checked at every passage holding them
    // all, which is what the scoring pass below does anyway.
    let words = |t: &String| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    let one_word_each = query
        .terms
        .iter()
        .chain(&query.speakers)
        .all(|t| words(t) <= 1);
    let too_many = match &fts {
        Some(f) if one_word_each => {
            conn.prepare_cached(
                "SELECT count(*) FROM (SELECT rowid FROM passages_fts
                 WHERE passages_fts MATCH ?1 LIMIT ?2)",
            )
            .and_then(|mut st| {
                st.query_row(rusqlite::params![f, RANK_AT_MOST + 1], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .map_err(err())?
                > RANK_AT_MOST
        }
        _ => false,
    };
    // every match's id and score, in index order, up to one more than are ranked: one pass
    // over the full-text index that reads no passage (see `super::rank`)
    let scored: Vec<(i64, f64)> = match &fts {
        Some(f) if !too_many => conn
            .prepare_cached(&format!(
                "SELECT rowid, {}(passages_fts) FROM passages_fts
                 WHERE passages_fts MATCH ?1 LIMIT ?2",
                super::rank::FUNCTION
            ))
            .and_then(|mut st| {
                st.query_map(rusqlite::params![f, RANK_AT_MOST + 1], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect()
            })
            .map_err(err())?,
        _ => Vec::new(),
    };
    let ranked = fts.is_some() && !too_many && scored.len() as i64 <= RANK_AT_MOST;
    let mut params: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(lo), Box::new(hi)];
    // (hit, passage, hash, score)
    let read = |r: &rusqlite::Row| -> rusqlite::Result<(Hit, Option<i64>, String, f64)> {
        let hit = Hit {
            path: PathBuf::from(r.get::<_, String>(0)?),
            title: r.get(1)?,
            date: r.get(2)?,
            publication: r.get(3)?,
            start: r.get::<_, i64>(4)? as usize,
            snippet: String::new(),
        };
        Ok((hit, r.get(5)?, r.get(6)?, 0.0))
    };
    let mut rows = if ranked {
        // the matches that pass the filters, in one statement (ids given as a JSON array)
        let sql = format!(
            "SELECT {columns}, ps.start, ps.id, a.hash
             FROM passages ps JOIN articles a ON a.id = ps.article
             WHERE ps.id IN (SELECT value FROM json_each(?3)) AND p IS NOT NULL{}",
            filter(4)
        );
        let mut st = conn.prepare_cached(&sql).map_err(err())?;
        let ids: Vec<String> = scored.iter().map(|(id, _)| id.to_string()).collect();
        params.push(Box::new(format!("[{}]", ids.join(","))));
        for p in &query.publications {
            params.push(Box::new(p.clone()));
        }
        let score: HashMap<i64, f64> = scored.iter().copied().collect();
        let mut rows = st
            .query_map(rusqlite::params_from_iter(params.iter()), read)
            .map_err(err())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(err())?;
        for r in &mut rows {
            r.3 = r.1.and_then(|id| score.get(&id)).copied().unwrap_or(0.0);
        }
        // in index order, so that equal scores keep it
        rows.sort_by_key(|r| r.1);
        rows
    } else {
        // too many matches to rank (in index order), or no words (newest first): the first
        // that pass the filters, more than shown as older versions are dropped below
        let sql = match &fts {
            Some(_) => format!(
                "SELECT {columns}, ps.start, ps.id, a.hash
                 FROM passages_fts JOIN passages ps ON ps.id = passages_fts.rowid
                 JOIN articles a ON a.id = ps.article
                 WHERE passages_fts MATCH ?3 AND p IS NOT NULL{}
                 ORDER BY passages_fts.rowid LIMIT ?4",
                filter(5)
            ),
            None => format!(
                "SELECT {columns}, 0, NULL, a.hash
                 FROM articles a WHERE ?3 IS NULL AND p IS NOT NULL{}
                 ORDER BY a.date DESC, a.title LIMIT ?4",
                filter(5)
            ),
        };
        let mut st = conn.prepare_cached(&sql).map_err(err())?;
        params.push(Box::new(fts.clone()));
        params.push(Box::new(limit.saturating_mul(2).max(limit + 20) as i64));
        for p in &query.publications {
            params.push(Box::new(p.clone()));
        }
        st.query_map(rusqlite::params_from_iter(params.iter()), read)
            .map_err(err())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(err())?
    };
    rows = newest_only(rows, |r| places.get(&r.2).copied());
    if ranked {
        // stable: equal scores keep the index order
        rows.sort_by(|a, b| b.3.total_cmp(&a.3));
    }
    rows.truncate(limit);
    // snippets for the hits kept only (snippet() in the query above would run on every
    // match before the LIMIT)
    let mut hits = Vec::with_capacity(rows.len());
    for (mut hit, passage, _, _) in rows {
        hit.snippet = match (passage, &fts) {
            (Some(id), Some(f)) => conn
                .prepare_cached(
                    "SELECT snippet(passages_fts, 0, char(2), char(3), '…', 16) FROM passages_fts
                     WHERE passages_fts MATCH ?1 AND rowid = ?2",
                )
                .and_then(|mut st| st.query_row(rusqlite::params![f, id], |r| r.get(0)))
                .map_err(err())?,
            _ => hit.title.clone(),
        };
        hits.push(hit);
    }
    Ok(hits)
}

/// Searches with at most this many matching passages are ranked by relevance (see
/// [`super::rank`]); more are listed in the order they were indexed (ranking thousands of
/// passages that all hold a common word tells little, and the pass over them would be
/// long).
pub const RANK_AT_MOST: i64 = 5_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_phrases_and_words() {
        let q = Query::parse(r#"kind:anon  "flood gates" SPEAKER:"Ana Ruiz" tide"#).unwrap();
        assert_eq!(q.terms, ["flood gates", "tide"]);
        assert_eq!(q.speakers, ["Ana Ruiz"]);
        assert_eq!(q.kinds, ["anonymous"]);
        assert_eq!(
            q.fts().unwrap(),
            r#"body : "flood gates" AND body : "tide" AND speakers : "Ana Ruiz" AND kinds : "anonymous""#
        );
    }

    #[test]
    fn fts_syntax_in_the_query_is_only_text() {
        let q = Query::parse(r#"NEAR(a b) x* -y "un"closed"#).unwrap();
        let fts = q.fts().unwrap();
        assert!(fts.contains(r#"body : "NEAR(a""#), "{fts}");
        assert!(fts.contains(r#"body : "x*""#), "{fts}");
        // a word that is not a field stays a word
        let q = Query::parse("time:10").unwrap();
        assert_eq!(q.terms, ["time:10"]);
    }

    #[test]
    fn bad_queries_say_how_to_fix_them() {
        let e = Query::parse("kind:aliens").unwrap_err().to_string();
        assert!(
            e.contains("unknown kind 'aliens'") && e.contains("anonymous"),
            "{e}"
        );
        let e = Query::parse("speaker:").unwrap_err().to_string();
        assert!(e.contains("speaker:Maltz"), "{e}");
        assert!(Query::parse("   ").is_err());
        assert!(Query::parse("…").is_err());
    }

    #[test]
    fn snippet_parts_alternate() {
        let h = Hit {
            path: PathBuf::new(),
            title: String::new(),
            date: None,
            publication: None,
            start: 0,
            snippet: format!("the {MARK_START}tide{MARK_END} rose"),
        };
        assert_eq!(
            h.snippet_parts(),
            [("the ", false), ("tide", true), (" rose", false)]
        );
        assert_eq!(h.snippet_bracketed(), "the [tide] rose");
    }
}
