//! The speakers index across articles: one row per person or organisation, however each
//! article names them.
//!
//! Inside one article the attribution already merged "Derek S. Maltz", "Maltz" and
//! "Mr. Maltz" into one speaker named by the fullest name. Across articles, people are
//! matched by [`person_key`]: first name, surname and suffix (`Jr.`), without titles and
//! middle names or initials, so "Derek S. Maltz" and "Derek Maltz" are one person while
//! "Anna Maltz" and "Derek Maltz", or "John Reyes" and "John Reyes Jr.", stay two. A first
//! initial ("D. Maltz") joins the one person whose first name starts with it, and stays
//! apart when there are several. A bare surname is never merged into a full name: two
//! articles' "Maltz" may be anyone. Organisations match by name without a leading "the".
//! Then the user's [`Corrections`] are applied: splits first, then merges.
//!
//! Unnamed people, groups, anonymous sources and documents are not in the index (they are
//! found with `kind:` searches).

use super::corrections::Corrections;
use super::{Result, db_err, path_bounds};
use crate::attribution::lexicon;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A person or organisation across the articles of a folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// The name shown: the variant most articles use (the longest on a tie).
    pub name: String,
    /// `person` or `organization`.
    pub kind: String,
    /// Every name articles give them, most used first.
    pub variants: Vec<String>,
    /// Number of articles they speak in.
    pub articles: usize,
    /// Quotations credited to them.
    pub quotes: usize,
    /// Claims credited to them.
    pub claims: usize,
    /// Their speaker rows in the database (one per article).
    #[serde(skip)]
    pub speaker_ids: Vec<i64>,
}

/// Something a person said, in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// The article file.
    pub path: PathBuf,
    /// Its headline.
    pub title: String,
    /// Its date (ISO 8601), when known.
    pub date: Option<String>,
    /// Its publication, when known.
    pub publication: Option<String>,
    /// The name the article gives the speaker.
    pub speaker: String,
    /// `quote`, `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// Source byte offset in the article where it starts.
    pub start: usize,
    /// Source byte offset where it ends.
    pub end: usize,
    /// The words.
    pub text: String,
}

/// How a name is matched across articles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PersonKey {
    /// First name, surname, suffix (all lower case).
    Full(String, String, String),
    /// A first initial, surname, suffix.
    Initial(char, String, String),
    /// One word only.
    Single(String),
    /// An organisation's normalised name.
    Organization(String),
    /// Split off by the user (index into the corrections' splits).
    Split(usize),
}

/// Titles dropped from the front of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "president",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "det",
    "detective",
    "judge",
    "justice",
    "rev",
    "father",
    "sister",
    "chief",
    "officer",
    "minister",
    "secretary",
];

/// Suffixes that tell a father from a son.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v"];

/// The key that matches a person's name across articles.
///
/// ```
/// use hearsay::library::people::{person_key, PersonKey};
/// assert_eq!(person_key("Derek S. Maltz"), person_key("Derek Maltz"));
/// assert_ne!(person_key("Anna Maltz"), person_key("Derek Maltz"));
/// assert_ne!(person_key("John Reyes Jr."), person_key("John Reyes"));
/// assert!(matches!(person_key("D. Maltz"), PersonKey::Initial('d', _, _)));
/// ```
pub fn person_key(name: &str) -> PersonKey {
    let mut words = name_words(name);
    while words.len() > 1 && is_title(&words[0]) {
        words.remove(0);
    }
    let suffix = match words.last() {
        Some(w) if words.len() > 2 && SUFFIXES.contains(&w.as_str()) => words.pop(),
        _ => None,
    }
    .unwrap_or_default();
    match words.as_slice() {
        [] => PersonKey::Single(name.to_lowercase()),
        [one] => PersonKey::Single(one.clone()),
        [first, .., last] => {
            let mut chars = first.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => PersonKey::Initial(c, last.clone(), suffix),
                _ => PersonKey::Full(first.clone(), last.clone(), suffix),
            }
        }
    }
}

/// A name's words, lower case, without the dots and commas around them.
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == ',' || c == '’' || c == '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A title before a name: ours, or the attribution's (`Rep.`, `spokesman`).
fn is_title(w: &str) -> bool {
    TITLES.contains(&w) || lexicon::Class::Title.has(w) || lexicon::Class::PersonNoun.has(w)
}

/// Whether a name starts with a title (`Dr. Ana Ruiz`).
fn has_title(name: &str) -> bool {
    let mut words = name.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(_)) => is_title(&first.trim_end_matches('.').to_lowercase()),
        _ => false,
    }
}

/// The key of an organisation's name: lower case, without a leading "the".
fn organization_key(name: &str) -> PersonKey {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.as_slice() {
        ["the", rest @ ..] if !rest.is_empty() => rest,
        w => w,
    };
    PersonKey::Organization(words.join(" "))
}

/// A speaker row as loaded for grouping.
#[derive(Debug, Clone)]
pub struct SpeakerRow {
    /// Row id.
    pub id: i64,
    /// The fullest name the article gives.
    pub name: String,
    /// `person` or `organization`.
    pub kind: String,
    /// Other names in the article.
    pub aliases: Vec<String>,
    /// Quotations.
    pub quotes: usize,
    /// Claims.
    pub claims: usize,
    /// The article's row id.
    pub article: i64,
    /// The article's SHA-256.
    pub hash: String,
}

/// Groups speaker rows into people (see the module documentation). Pure: the database
/// only feeds it.
pub fn group(rows: &[SpeakerRow], corrections: &Corrections) -> Vec<Person> {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase();
    let keys: Vec<PersonKey> = rows
        .iter()
        .map(|r| {
            let split = corrections.split.iter().position(|s| {
                (same(&s.name, &r.name) || r.aliases.iter().any(|a| same(&s.name, a)))
                    && (s.articles.is_empty()
                        || s.articles.iter().any(|h| r.hash.starts_with(h.as_str())))
            });
            match split {
                Some(i) => PersonKey::Split(i),
                None if r.kind == "organization" => organization_key(&r.name),
                None => person_key(&r.name),
            }
        })
        .collect();
    // an initial joins the one full first name it can stand for
    let mut full_by_last: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for k in &keys {
        if let PersonKey::Full(first, last, suffix) = k {
            let firsts = full_by_last.entry((last, suffix)).or_default();
            if !firsts.contains(&first.as_str()) {
                firsts.push(first);
            }
        }
    }
    let keys: Vec<PersonKey> = keys
        .iter()
        .map(|k| match k {
            PersonKey::Initial(c, last, suffix) => {
                let firsts: Vec<&&str> = full_by_last
                    .get(&(last.as_str(), suffix.as_str()))
                    .map(|v| v.iter().filter(|f| f.starts_with(*c)).collect())
                    .unwrap_or_default();
                match firsts.as_slice() {
                    [one] => PersonKey::Full(one.to_string(), last.clone(), suffix.clone()),
                    _ => k.clone(),
                }
            }
            _ => k.clone(),
        })
        .collect();
    // a name with a title the lists do not know ("Harbour Master Mara Okonkwo") joins the
    // one person of that surname whose first name is among its words
    let keys: Vec<PersonKey> = keys
        .iter()
        .zip(rows)
        .map(|(k, r)| match k {
            PersonKey::Full(first, last, suffix) => {
                let words = name_words(&r.name);
                let firsts = full_by_last
                    .get(&(last.as_str(), suffix.as_str()))
                    .map_or(&[][..], |v| v.as_slice());
                let inside: Vec<&&str> = firsts
                    .iter()
                    .filter(|f| **f != first.as_str())
                    .filter(|f| {
                        words[1..words.len().saturating_sub(1)]
                            .iter()
                            .any(|w| w == **f)
                    })
                    .collect();
                match inside.as_slice() {
                    [one] if words.len() >= 3 => {
                        PersonKey::Full(one.to_string(), last.clone(), suffix.clone())
                    }
                    _ => k.clone(),
                }
            }
            _ => k.clone(),
        })
        .collect();
    // groups in order of first appearance
    let mut index: HashMap<&PersonKey, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let g = *index.entry(k).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    // merges: union of the groups that have any of the names
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn find(parent: &mut [usize], mut g: usize) -> usize {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    }
    for m in &corrections.merge {
        let hit: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members.iter().any(|&i| {
                    let r = &rows[i];
                    m.names
                        .iter()
                        .any(|n| same(n, &r.name) || r.aliases.iter().any(|a| same(n, a)))
                })
            })
            .map(|(g, _)| g)
            .collect();
        if let Some((&first, rest)) = hit.split_first() {
            for &g in rest {
                let (a, b) = (find(&mut parent, first), find(&mut parent, g));
                parent[b] = a;
            }
        }
    }
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (g, members) in groups.iter().enumerate() {
        let root = find(&mut parent, g);
        merged[root].extend(members);
    }
    let mut people: Vec<Person> = merged
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|members| person_of(rows, &members, |i| person_key(&rows[i].name) == keys[i]))
        .collect();
    people.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.quotes.cmp(&a.quotes))
            .then_with(|| a.name.cmp(&b.name))
    });
    people
}

/// A person from their rows; `natural(i)`: row `i` was matched by its own name's key (not
/// joined through an initial or an unknown title), which makes it a better name to show.
fn person_of(rows: &[SpeakerRow], members: &[usize], natural: impl Fn(usize) -> bool) -> Person {
    let mut uses: Vec<(String, usize, bool)> = Vec::new();
    let mut articles: HashSet<i64> = HashSet::new();
    let (mut quotes, mut claims) = (0, 0);
    let mut kind = "person";
    for &i in members {
        let r = &rows[i];
        match uses.iter_mut().find(|(n, _, _)| *n == r.name) {
            Some((_, c, _)) => *c += 1,
            None => uses.push((r.name.clone(), 1, natural(i))),
        }
        articles.insert(r.article);
        quotes += r.quotes;
        claims += r.claims;
        if r.kind == "organization" {
            kind = "organization";
        }
    }
    // most used; on a tie a name matched by its own key, without a title, then the longest
    uses.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then(has_title(&a.0).cmp(&has_title(&b.0)))
            .then(b.0.len().cmp(&a.0.len()))
    });
    Person {
        name: uses[0].0.clone(),
        kind: kind.to_string(),
        variants: uses.into_iter().map(|(n, _, _)| n).collect(),
        articles: articles.len(),
        quotes,
        claims,
        speaker_ids: members.iter().map(|&i| rows[i].id).collect(),
    }
}

/// Loads the named people and organisations of the articles under `root`.
fn rows(conn: &Connection, db_path: &Path, root: &Path) -> Result<Vec<SpeakerRow>> {
    let (lo, hi) = path_bounds(root);
    let err = || db_err(db_path);
    let mut st = conn
        .prepare_cached(
            "SELECT s.id, s.name, s.kind, s.aliases, s.quotes, s.claims, a.id, a.hash
             FROM speakers s JOIN articles a ON a.id = s.article
             WHERE s.kind IN ('person', 'organization')
               AND EXISTS (SELECT 1 FROM files f WHERE f.article = a.id
                           AND f.path >= ?1 AND f.path < ?2)
             ORDER BY a.id, s.id",
        )
        .map_err(err())?;
    let out = st
        .query_map([lo, hi], |r| {
            let aliases: String = r.get(3)?;
            Ok(SpeakerRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                aliases: aliases.lines().map(str::to_string).collect(),
                quotes: r.get::<_, i64>(4)? as usize,
                claims: r.get::<_, i64>(5)? as usize,
                article: r.get(6)?,
                hash: r.get(7)?,
            })
        })
        .map_err(err())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(err())?;
    Ok(out)
}

/// The speakers index of the folder.
pub fn list(
    conn: &Connection,
    db_path: &Path,
    root: &Path,
    corrections: &Corrections,
) -> Result<Vec<Person>> {
    Ok(group(&rows(conn, db_path, root)?, corrections))
}

/// Everything a person said in the articles under `root`, by date, article, then place.
pub fn statements(
    conn: &Connection,
    db_path: &Path,
    root: &Path,
    person: &Person,
) -> Result<Vec<Statement>> {
    let (lo, hi) = path_bounds(root);
    let err = || db_err(db_path);
    // ids are integers from the database: listing them in the SQL text is safe
    let ids: Vec<String> = person.speaker_ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT st.kind, st.start, st.end, st.text, s.name, a.title, a.date, a.publication,
                (SELECT min(path) FROM files f WHERE f.article = a.id
                 AND f.path >= ?1 AND f.path < ?2) AS p
         FROM statements st JOIN speakers s ON s.id = st.speaker
         JOIN articles a ON a.id = st.article
         WHERE st.speaker IN ({}) AND p IS NOT NULL
         ORDER BY a.date IS NULL, a.date, p, st.start",
        ids.join(",")
    );
    let mut st = conn.prepare(&sql).map_err(err())?;
    let out = st
        .query_map([lo, hi], |r| {
            Ok(Statement {
                kind: r.get(0)?,
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
                text: r.get(3)?,
                speaker: r.get(4)?,
                title: r.get(5)?,
                date: r.get(6)?,
                publication: r.get(7)?,
                path: PathBuf::from(r.get::<_, String>(8)?),
            })
        })
        .map_err(err())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(err())?;
    Ok(out)
}

/// The people a name given by the user stands for: those with that name or variant
/// (without case); failing that, those with it as a word of a name ("Maltz").
pub fn find<'p>(people: &'p [Person], name: &str) -> Vec<&'p Person> {
    let want = name.trim().to_lowercase();
    let exact: Vec<&Person> = people
        .iter()
        .filter(|p| p.variants.iter().any(|v| v.to_lowercase() == want))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let words: Vec<&str> = want.split_whitespace().collect();
    people
        .iter()
        .filter(|p| {
            p.variants.iter().any(|v| {
                let v = v.to_lowercase();
                let vw: Vec<&str> = v
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .collect();
                !words.is_empty() && words.iter().all(|w| vw.contains(w))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, article: i64, name: &str) -> SpeakerRow {
        SpeakerRow {
            id,
            name: name.into(),
            kind: "person".into(),
            aliases: vec![],
            quotes: 1,
            claims: 1,
            article,
            hash: format!("{article:064x}"),
        }
    }

    fn names(people: &[Person]) -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = people
            .iter()
            .map(|p| {
                let mut n = p.variants.clone();
                n.sort();
                n
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn variants_of_one_person_merge_and_namesakes_do_not() {
        let rows = [
            row(1, 1, "Derek S. Maltz"),
            row(2, 2, "Derek Maltz"),
            row(3, 3, "Anna Maltz"),
            row(4, 4, "Dr. Derek Maltz"),
            row(5, 5, "John Reyes"),
            row(6, 6, "John Reyes Jr."),
            row(7, 7, "Maltz"),
        ];
        let people = group(&rows, &Corrections::default());
        assert_eq!(
            names(&people),
            [
                vec!["Anna Maltz"],
                vec!["Derek Maltz", "Derek S. Maltz", "Dr. Derek Maltz"],
                vec!["John Reyes"],
                vec!["John Reyes Jr."],
                vec!["Maltz"],
            ]
        );
        let derek = &people[0];
        assert_eq!(derek.name, "Derek S. Maltz"); // one use each: the longest
        assert_eq!(derek.articles, 3);
    }

    #[test]
    fn an_initial_joins_only_an_unambiguous_first_name() {
        let one = [row(1, 1, "Derek Maltz"), row(2, 2, "D. Maltz")];
        assert_eq!(group(&one, &Corrections::default()).len(), 1);
        let two = [
            row(1, 1, "Derek Maltz"),
            row(2, 2, "Dana Maltz"),
            row(3, 3, "D. Maltz"),
        ];
        assert_eq!(group(&two, &Corrections::default()).len(), 3);
    }

    #[test]
    fn organisations_match_without_the() {
        let mut a = row(1, 1, "the Harbour Authority");
        a.kind = "organization".into();
        let mut b = row(2, 2, "Harbour Authority");
        b.kind = "organization".into();
        let people = group(&[a, b], &Corrections::default());
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].kind, "organization");
    }

    #[test]
    fn corrections_split_then_merge() {
        let rows = [
            row(1, 1, "Ana Ruiz"),
            row(2, 2, "Ana Ruiz"),
            row(3, 3, "A. Ruiz-Vega"),
        ];
        let mut c = Corrections::default();
        c.add_split("Ana Ruiz".into(), vec![format!("{:064x}", 2)]);
        let people = group(&rows, &c);
        assert_eq!(people.len(), 3);
        c.add_merge(vec!["Ana Ruiz".into(), "A. Ruiz-Vega".into()]);
        let people = group(&rows, &c);
        // the merge names "Ana Ruiz": both the split-off one and the other join
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].articles, 3);
    }

    #[test]
    fn find_by_name_or_word() {
        let rows = [row(1, 1, "Derek Maltz"), row(2, 2, "Anna Maltz")];
        let people = group(&rows, &Corrections::default());
        assert_eq!(find(&people, "derek maltz").len(), 1);
        assert_eq!(find(&people, "Maltz").len(), 2);
        assert!(find(&people, "Nobody").is_empty());
    }
}
