//! Issue 13: the TUI stays easy to change — no two files under `src/tui/` import each other
//! (directly or round a longer loop), and `App` keeps to a short list of parts (under ~25
//! fields). Read from the source, so a change that breaks either fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/tui is readable") {
        let p = e.expect("an entry").path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file under `src/` (`src/tui/layers/help.rs` → `tui::layers::help`).
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    rel.with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("::")
}

/// The code of a file without comments and test modules (a doc link is not an import).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a file's code names after `prefix` (`crate::tui::`, `super::`), groups
/// (`{a, b::c}`) opened: each as its `::`-separated segments.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        out.extend(path_items(rest));
    }
    out
}

/// The paths at the start of `s`: `a::b::C` or a group `{a, b::{c, d}}`.
fn path_items(s: &str) -> Vec<Vec<String>> {
    let ident: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let mut segs: Vec<String> = ident
        .split("::")
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect();
    let after = &s[ident.len()..];
    if let Some(group) = after.strip_prefix('{') {
        // the group's items, split at top-level commas
        let mut depth = 0;
        let mut items = Vec::new();
        let mut cur = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            }
            cur.push(c);
        }
        items.push(cur);
        let mut out = Vec::new();
        for it in items {
            for mut p in path_items(it.trim()) {
                let mut full = segs.clone();
                full.append(&mut p);
                out.push(full);
            }
        }
        if out.is_empty() {
            out.push(segs);
        }
        return out;
    }
    if segs.is_empty() {
        return Vec::new();
    }
    segs.truncate(segs.len());
    vec![segs]
}

/// The longest module in `modules` that `path` (segments under `base`) names.
fn resolve(modules: &BTreeSet<String>, base: &str, path: &[String]) -> Option<String> {
    let mut best = None;
    let mut m = base.to_string();
    for seg in path {
        m = format!("{m}::{seg}");
        if modules.contains(&m) {
            best = Some(m.clone());
        }
    }
    best
}

/// `tui` module → the `tui` modules it imports (the module root `tui.rs` left out: it
/// declares the files, it is not one of them).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    files(&src.join("tui"), &mut list);
    let modules: BTreeSet<String> = list.iter().map(|f| module(&src, f)).collect();
    let mut g = BTreeMap::new();
    for f in &list {
        let m = module(&src, f);
        let text = code(&std::fs::read_to_string(f).expect("readable"));
        let parent = m.rsplit_once("::").map_or("", |(p, _)| p).to_string();
        let mut deps = BTreeSet::new();
        for p in paths_after(&text, "crate::tui::") {
            deps.extend(resolve(&modules, "tui", &p));
        }
        for p in paths_after(&text, "super::") {
            deps.extend(resolve(&modules, &parent, &p));
        }
        deps.remove(&m);
        g.insert(m, deps);
    }
    g
}

/// A loop of imports in `g`, if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in g.keys() {
        if let Some(c) = visit(n, g, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_cycle_finder_finds_a_loop() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let paths = paths_after(
        "use crate::tui::{app::App, layers::{help, list::List}, state};\nlet x = crate::tui::ui::draw;",
        "crate::tui::",
    );
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "app::App",
            "layers::help",
            "layers::list::List",
            "state",
            "ui::draw"
        ]
    );
}

#[test]
fn no_import_cycle_between_tui_files() {
    let g = graph();
    assert!(g.len() > 20, "the tui files were read: {:?}", g.keys());
    // the edges the design relies on are seen (so the reading is not blind)
    assert!(g["tui::ui"].contains("tui::app"), "{:?}", g["tui::ui"]);
    assert!(
        g["tui::widgets::sidebar"].contains("tui::state"),
        "{:?}",
        g["tui::widgets::sidebar"]
    );
    assert_eq!(find_cycle(&g), None, "files that import each other");
    // state, compositor and the widgets know nothing of App
    for m in g.keys().filter(|m| {
        m.starts_with("tui::state") || m.starts_with("tui::widgets") || *m == "tui::compositor"
    }) {
        assert!(!g[m].contains("tui::app"), "{m} imports the app");
    }
}

#[test]
fn app_has_under_25_fields() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/app.rs");
    let text = std::fs::read_to_string(path).expect("app.rs");
    let body = text
        .split("pub struct App {")
        .nth(1)
        .expect("the App struct")
        .split("\n}")
        .next()
        .unwrap();
    let fields: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with('#') && l.ends_with(','))
        .filter(|l| l.contains(':'))
        .collect();
    assert!(fields.len() >= 5, "the fields were read: {fields:?}");
    assert!(fields.len() < 25, "{} fields: {fields:#?}", fields.len());
}
