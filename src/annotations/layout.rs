//! Keeping a hand-edited highlights file's comments and layout when hearsay saves it.
//!
//! A save serializes the whole file afresh; when the file on disk was edited by hand (a
//! comment above a highlight, a note as a multi-line literal string, keys in another order,
//! blank lines), the fresh text is laid over the old one with `toml_edit`: every table and
//! key that is still there keeps its place, its comments and, when its value did not
//! change, its exact spelling; changed values keep the comments around them; removed
//! highlights go with their comments; new ones are added after the highlight before them.
//! Highlights are matched by `id`, other arrays of tables (such as tables hearsay does not
//! know) by their place.

use std::collections::HashMap;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// `new` (a freshly serialized file) laid over `old` (the file on disk), keeping `old`'s
/// comments and layout. When either does not parse, `new` as it is.
pub(crate) fn keep_layout(old: &str, new: &str) -> String {
    let (Ok(mut old_doc), Ok(new_doc)) = (old.parse::<DocumentMut>(), new.parse::<DocumentMut>())
    else {
        return new.to_string();
    };
    merge_table(old_doc.as_table_mut(), new_doc.as_table());
    old_doc.to_string()
}

fn merge_table(old: &mut Table, new: &Table) {
    let gone: Vec<String> = old
        .iter()
        .filter(|(k, _)| !new.contains_key(k))
        .map(|(k, _)| k.to_string())
        .collect();
    for k in gone {
        old.remove(&k);
    }
    for (k, n) in new.iter() {
        match old.get_mut(k) {
            Some(o) => merge_item(o, n),
            None => {
                old.insert(k, unplaced(n.clone()));
            }
        }
    }
}

fn merge_item(old: &mut Item, new: &Item) {
    match (old, new) {
        (Item::Table(o), Item::Table(n)) => merge_table(o, n),
        (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => merge_tables(o, n),
        (Item::Value(o), Item::Value(n)) => merge_value(o, n),
        (o, n) => *o = unplaced(n.clone()),
    }
}

fn merge_value(old: &mut Value, new: &Value) {
    if same(old, new) {
        return;
    }
    let decor = old.decor().clone();
    *old = new.clone();
    *old.decor_mut() = decor;
}

/// True when two values are equal as data (whatever their spelling).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value().to_bits() == y.value().to_bits(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// An item from the fresh file, to be placed after its neighbour in the old one.
fn unplaced(mut item: Item) -> Item {
    match &mut item {
        Item::Table(t) => unplace(t),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(unplace),
        _ => {}
    }
    item
}

fn unplace(t: &mut Table) {
    t.set_position(None);
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => unplace(sub),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(unplace),
            _ => {}
        }
    }
}

fn id_of(t: &Table) -> Option<&str> {
    t.get("id").and_then(Item::as_str)
}

fn merge_tables(old: &mut ArrayOfTables, new: &ArrayOfTables) {
    let mut olds: Vec<Option<Table>> = std::mem::take(old).into_iter().map(Some).collect();
    let by_id: HashMap<String, usize> = olds
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((id_of(t.as_ref()?)?.to_string(), i)))
        .collect();
    let mut out = ArrayOfTables::new();
    for (i, n) in new.iter().enumerate() {
        let at = match id_of(n) {
            Some(id) => by_id.get(id).copied(),
            None => olds
                .get(i)
                .and_then(|t| t.as_ref())
                .filter(|t| id_of(t).is_none())
                .map(|_| i),
        };
        match at.and_then(|j| olds.get_mut(j)).and_then(Option::take) {
            Some(mut t) => {
                merge_table(&mut t, n);
                out.push(t);
            }
            None => {
                let mut t = n.clone();
                unplace(&mut t);
                out.push(t);
            }
        }
    }
    *old = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_spelling_stay_and_changes_land() {
        let old = "# my reading notes\nversion = 1\n\n[article]\nsource = 'a.txt' # mine\n\n\
                   # the pier quote\n[[highlight]]\nid = \"h1\"\nnote = '''\nline one\n'''\nstart = 3\n\n\
                   [[highlight]]\nid = \"h2\" # to delete\nstart = 9\n";
        let new = "version = 1\n\n[article]\nsource = \"a.txt\"\n\n[[highlight]]\nid = \"h1\"\n\
                   note = \"line one\\n\"\nstart = 4\n\n[[highlight]]\nid = \"h3\"\nstart = 12\n";
        let out = keep_layout(old, new);
        assert_eq!(
            out,
            "# my reading notes\nversion = 1\n\n[article]\nsource = 'a.txt' # mine\n\n\
             # the pier quote\n[[highlight]]\nid = \"h1\"\nnote = '''\nline one\n'''\nstart = 4\n\n\
             [[highlight]]\nid = \"h3\"\nstart = 12\n"
        );
        let back: toml::Table = out.parse().expect("valid TOML");
        let fresh: toml::Table = new.parse().expect("valid TOML");
        assert_eq!(back, fresh);
    }

    #[test]
    fn a_file_that_does_not_parse_gives_the_fresh_text() {
        assert_eq!(keep_layout("[[broken", "version = 1\n"), "version = 1\n");
    }
}
