//! Highlights and notes: anchored to the article, saved to TOML, re-found after edits, exported.
//!
//! - [`highlight`]: the [`Highlight`] record (kind, text with context, source offsets,
//!   speaker, note, tags, fact-check [`Status`], timestamps);
//! - [`anchor`]: placing saved highlights in the current document (offsets → exact text with
//!   context → approximate match → orphaned) and the [`Summary`] of what moved;
//! - [`store`]: the highlights file of one article ([`Store`]): location, loading (a broken
//!   file makes it read-only), in-memory edits that return undo values, and locked, merged,
//!   atomic saves;
//! - [`export`]: Markdown, W3C Web Annotation JSON, Readwise CSV and normalised TOML.
//!
//! A typical session in the reader:
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
pub mod export;
pub mod highlight;
pub mod store;

pub use anchor::Summary;
pub use export::{ExportError, Format};
pub use highlight::{Anchor, Highlight, Kind, Status};
pub use store::{
    Added, ArticleInfo, HighlightsFile, Location, LocationKind, NewHighlight, Origin, SaveReport,
    Store, StoreError,
};
