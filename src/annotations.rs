//! Highlights and notes: anchored to the article, saved to TOML, re-found after edits, exported.
//!
//! - [`highlight`]: the [`Highlight`] record (kind, text with context, source offsets,
//!   speaker, note, tags, fact-check [`Status`], timestamps);
//! - [`anchor`]: placing saved highlights in the current document (offsets → exact text with
//!   context → approximate match → orphaned) and the [`Summary`] of what moved;
//! - [`store`]: the highlights file of one article ([`Store`]): location, loading (a broken
//!   file makes it read-only), in-memory edits that return undo values, and locked, merged,
//!   atomic saves;
//! - [`clipboard`]: what `y`/`Y` copy (a template from the config) and the OSC 52 sequence;
//! - [`correction`]: corrections of the attribution analysis ([`Correction`], saved as
//!   `[[correction]]` tables, anchored like highlights) and [`correction::apply`];
//! - [`saver`]: loading and saving off the reader's thread (a copy of the store saves on its
//!   own thread; the reader hands it only the changes);
//! - [`export`]: Markdown, W3C Web Annotation JSON, Readwise CSV and normalised TOML.
//!
//! ## The file
//!
//! One TOML file per article: the sidecar `<article file>.hearsay.toml`; for standard input,
//! or when the article's folder is not writable, `$XDG_DATA_HOME/hearsay/highlights/<sha256>.toml`;
//! or
//! `<configured dir>/<sha256>.toml` (see [`Location::resolve`]). Beside it: `<file>.bak`,
//! `<file>.bak.2`, … (earlier versions) and, during a save only, a hidden `.<file>.lock` (the
//! advisory lock for saves).
//!
//! ```toml
//! version = 1                     # a newer version makes the store read-only
//! [article]
//! source = "article.txt"          # as opened (`-` for standard input)
//! sha256 = "…"                    # of the source
//! title = "…"
//! [[highlight]]
//! id = "h1f3a9c0b7d2e"            # stable, unique
//! kind = "quote"                  # quote | claim | passage
//! text = "…"                      # the highlighted text, reflowed; paragraphs split by a blank line
//! prefix = "…"                    # up to 32 characters before it (white space normalised)
//! suffix = "…"                    # up to 32 characters after it
//! start = 1234                    # byte offsets into the source
//! end = 1300
//! speaker = "Ines Duarte"         # quotes and claims; optional
//! note = "…"                      # optional, may span lines
//! tags = ["legal"]                # optional
//! status = "disputed"             # unchecked | verified | disputed | false (quotes and claims)
//! created = 2026-11-24T20:00:00Z  # TOML datetimes, UTC
//! updated = 2026-11-24T20:05:00Z
//! [reading]
//! offset = 5120                   # byte offset of the first line in view
//! context = "…"                   # the 32 characters starting there, to re-find it
//! updated = 2026-11-24T20:06:00Z
//! ```
//!
//! Keys and tables hearsay does not know are kept when it saves.
//!
//! ## Use from the reader
//!
//! - open: [`Store::open`] (`doc`, [`Origin`], the configured directory); show
//!   [`Store::location`], [`Store::summary`] when not [`Summary::is_quiet`], and
//!   [`Store::problem`] (read-only) in the status bar; jump to [`Store::reading`];
//! - draw: for each block, [`Store::overlapping`]`(block.range)` and
//!   [`Highlight::text_range_in`]`(block)`; a note mark when `!h.note.is_empty()`;
//! - find: [`Store::at`] (under the cursor), [`Store::find_range`] (a quote or claim's status),
//!   [`Store::highlights`] (the `H` list: [`Highlight::excerpt`], `speaker`,
//!   [`Highlight::note_first_line`], `tags`);
//! - change: [`Store::add`], [`Store::set_note`], [`Store::set_tags`], [`Store::cycle_status`],
//!   [`Store::delete`]; each returns the previous value, and [`Store::put`] restores it (undo);
//!   then [`Store::save`] after every change, and [`Store::set_reading`] + `save` on quit;
//! - export (`e`): [`export::write`] to [`export::default_path`]`(store.location(), Format::Markdown)`.
//!
//! A typical session:
//!
//! ```
//! use hearsay::annotations::{NewHighlight, Origin, Store, Location, LocationKind};
//! # let dir = std::env::temp_dir().join(format!("hearsay-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let doc = hearsay::document::ingest("A title\n\n\"We will rebuild the pier,\" said Ines Duarte.\n".into());
//! let location = Location { path: dir.join("story.txt.hearsay.toml"), kind: LocationKind::Sidecar };
//! let mut store = Store::open_at(&doc, &Origin::File("story.txt".into()), location);
//! let start = doc.source.find("We will").unwrap();
//! let added = store.add(NewHighlight::quote(start..start + 24, Some("Ines Duarte".into()))).unwrap();
//! let previous = store.set_note(&added.id, "Check the council minutes.").unwrap();
//! store.save().unwrap();                      // after every change
//! store.put(previous).unwrap();               // undo the note
//! assert_eq!(store.get(&added.id).unwrap().note, "");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

pub mod anchor;
pub mod clipboard;
pub mod correction;
pub mod export;
pub mod highlight;
mod layout;
pub mod saver;
pub mod store;

pub use anchor::Summary;
pub use correction::{Applied, Change, Correction, Corrections};
pub use export::{ExportError, Format};
pub use highlight::{Anchor, Highlight, Kind, Status};
pub use store::{
    Added, ArticleInfo, Changes, HighlightsFile, Location, LocationKind, Merged, NewHighlight,
    Origin, SaveReport, Store, StoreError,
};
