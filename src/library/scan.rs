//! Finding the article files under a folder: text, HTML and Markdown files, recursively,
//! skipping hidden files and folders (and so `.git`, and hearsay's own `.hearsay.toml`
//! highlights files, which are not articles).
//!
//! Only regular files are articles. An entry with an article's name that is not one (a FIFO,
//! a socket, a device, a link to nothing) is reported in [`Scan::problems`] and never
//! opened: opening a FIFO waits for a writer for ever. Links to folders are not followed
//! (so a link back up the tree cannot loop); they are reported too.

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
    /// Folders that could not be read and entries left out (not regular files, links to
    /// folders), with the reason.
    pub problems: Vec<(PathBuf, String)>,
}

/// Finds the article files under `root`, sorted by path (as bytes). A folder that cannot
/// be read is reported in [`Scan::problems`] and skipped; symbolic links to files are
/// followed, links to folders are not (no loops) and are reported, as is every entry with
/// an article's name that is not a regular file.
pub fn scan(root: &Path) -> Scan {
    let mut out = Scan::default();
    walk(root, &mut out);
    // by bytes, as the database orders paths (comparing by components costs more)
    out.files
        .sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    out
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
        // other files than articles are not looked at (links are: they may be folders)
        if !kind.is_symlink() && !is_article(&path) {
            continue;
        }
        // follows a symbolic link; looks at a FIFO without opening it; a file is looked up
        // in its folder, not by its whole path again
        let meta = if kind.is_symlink() {
            std::fs::metadata(&path)
        } else {
            entry.metadata()
        };
        let meta = match meta {
            Ok(m) => m,
            Err(_) if kind.is_symlink() => {
                if is_article(&path) {
                    out.problems.push((path, "a link to nothing".into()));
                }
                continue;
            }
            Err(e) => {
                if is_article(&path) {
                    out.problems
                        .push((path, format!("could not look at it: {e}")));
                }
                continue;
            }
        };
        if meta.is_dir() {
            let why = match loops_back(dir, &path) {
                true => "a link to a folder above it (a loop); links to folders are not followed",
                false => "a link to a folder; links to folders are not followed",
            };
            out.problems.push((path, why.into()));
            continue;
        }
        if !is_article(&path) {
            continue;
        }
        if !meta.is_file() {
            out.problems
                .push((path, format!("{}, not a regular file", kind_of(&meta))));
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

/// Whether the folder `link` leads to is `dir` or one of the folders above it.
fn loops_back(dir: &Path, link: &Path) -> bool {
    match (std::fs::canonicalize(dir), std::fs::canonicalize(link)) {
        (Ok(here), Ok(there)) => here.starts_with(there),
        _ => false,
    }
}

/// What a file system entry is, in words, as far as reading it goes.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
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

    #[cfg(unix)]
    #[test]
    fn fifos_sockets_dangling_links_and_folder_links_are_reported_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "x").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(d.join("b.txt"))
            .status()
            .unwrap();
        assert!(made.success());
        let _socket = std::os::unix::net::UnixListener::bind(d.join("c.txt")).unwrap();
        std::os::unix::fs::symlink("nowhere.txt", d.join("d.txt")).unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(d.join("sub"), d.join("side")).unwrap();
        std::os::unix::fs::symlink("nowhere", d.join("notes")).unwrap();
        let s = scan(d);
        let names: Vec<_> = s.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(names, [d.join("a.txt")]);
        let mut said: Vec<(String, String)> = s
            .problems
            .iter()
            .map(|(p, why)| {
                let name = p.strip_prefix(d).unwrap().to_string_lossy().into_owned();
                (name, why.clone())
            })
            .collect();
        said.sort();
        let expect = [
            ("b.txt", "a FIFO (named pipe), not a regular file"),
            ("c.txt", "a socket, not a regular file"),
            ("d.txt", "a link to nothing"),
            (
                "side",
                "a link to a folder; links to folders are not followed",
            ),
            (
                "sub/up",
                "a link to a folder above it (a loop); links to folders are not followed",
            ),
        ];
        let expect: Vec<(String, String)> = expect
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(said, expect);
    }
}
