//! Finding the article files under a folder: text, HTML and Markdown files, recursively,
//! skipping hidden files and folders (and so `.git`, and hearsay's own `.hearsay.toml`
//! highlights files, which are not articles).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Extensions of article files (compared without case).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// Whether a path names an article file by its extension.
///
/// ```
/// use std::path::Path;
/// assert!(hearsay::library::scan::is_article(Path::new("a/story.HTML")));
/// assert!(!hearsay::library::scan::is_article(Path::new("a/story.txt.hearsay.toml")));
/// ```
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether a file or folder name is hidden (starts with a dot).
pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// An article file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The file's path (under the scanned folder as given).
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, nanoseconds since the epoch (0 when the system gives none).
    pub mtime: i64,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The article files, sorted by path.
    pub files: Vec<FileEntry>,
    /// Folders or files that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
}

/// Finds the article files under `root`, sorted by path (as bytes). A folder that cannot be read is
/// reported in [`Scan::problems`] and skipped; symbolic links to files are followed, links
/// to folders are not (no loops).
pub fn scan(root: &Path) -> Scan {
    let mut out = Scan::default();
    walk(root, &mut out);
    // by bytes, as the database orders paths (comparing by components costs more)
    out.files
        .sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    out
}

/// Only the paths of the article files under `root`, sorted (for `hearsay analyze DIR`).
pub fn article_paths(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let s = scan(root);
    if let Some((path, why)) = s.problems.into_iter().find(|(p, _)| p == root) {
        return Err(std::io::Error::other(format!(
            "could not list '{}': {why}",
            path.display()
        )));
    }
    Ok(s.files.into_iter().map(|f| f.path).collect())
}

fn walk(dir: &Path, out: &mut Scan) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.problems.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
            continue;
        }
        if !is_article(&path) {
            continue;
        }
        // a symbolic link to a file is followed (a dangling one skipped); other files are
        // looked up in their folder, not by their whole path again
        let meta = if kind.is_symlink() {
            std::fs::metadata(&path)
        } else {
            entry.metadata()
        };
        let Ok(meta) = meta else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        out.files.push(FileEntry {
            path,
            size: meta.len(),
            mtime,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_articles_recursively_and_skips_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("2025/may")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        for f in [
            "a.txt",
            "2025/b.html",
            "2025/may/c.md",
            ".hidden.txt",
            ".git/d.txt",
            "a.txt.hearsay.toml",
            "notes.pdf",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let s = scan(d);
        let names: Vec<_> = s
            .files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["2025/b.html", "2025/may/c.md", "a.txt"]);
        assert!(s.files.iter().all(|f| f.size == 1 && f.mtime > 0));
        assert!(s.problems.is_empty());
    }
}
