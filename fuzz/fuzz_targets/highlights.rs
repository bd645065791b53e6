//! Arbitrary bytes as a highlights file: loaded and re-anchored against the sample article,
//! or refused (read-only store with a located error); never a panic, never overwritten.
#![no_main]

use hearsay::annotations::store::{Location, LocationKind, Origin, Store};
use hearsay::document::open;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SAMPLE: &[u8] = include_bytes!("../../assets/sample.txt");

fuzz_target!(|data: &[u8]| {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let path = dir.path().join("sample.txt.hearsay.toml");
    std::fs::write(&path, data).expect("write");
    let doc = open(SAMPLE, Some("sample.txt"), None).expect("sample opens");
    let store = Store::open_at(
        &doc,
        &Origin::Named("sample.txt".into()),
        Location { path: path.clone(), kind: LocationKind::Sidecar },
    );
    for h in store.highlights() {
        assert!(h.start <= h.end);
    }
    if store.is_read_only() {
        assert_eq!(std::fs::read(&path).expect("read back"), data, "a refused file is untouched");
    }
});
