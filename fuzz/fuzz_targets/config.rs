//! Arbitrary bytes as a user config file: checked (valid settings kept, every mistake
//! located); never a panic, never a mistake that is not in the file or not on one line, and
//! ctrl-c always quits whatever the file binds.
#![no_main]

use hearsay::config::{Config, MAX_MISTAKES};
use hearsay::keymap::{Action, Context, Key};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let checked = Config::check_bytes(data, Path::new("config.toml"));
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    assert!(checked.found.mistakes.len() <= MAX_MISTAKES);
    for m in checked.found.mistakes.iter().chain(&checked.found.warnings) {
        assert_eq!(m.path, Path::new("config.toml"));
        assert!(m.line >= 1 && m.line <= lines, "{m}");
        assert!(m.column >= 1, "{m}");
        assert!(!m.message.contains('\n') && !m.message.is_empty(), "{m:?}");
    }
    assert!(
        checked.found.mistakes.windows(2).all(|w| (w[0].line, w[0].column) < (w[1].line, w[1].column)),
        "in file order"
    );
    let ctrl_c = Key::parse("ctrl-c").expect("a key");
    for ctx in Context::ALL {
        assert_eq!(checked.config.keymap.lookup(ctx, ctrl_c), Some(Action::Quit));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        // the strict reading agrees: an error exactly when there is a mistake
        let strict = Config::from_toml(text, Path::new("config.toml"));
        assert_eq!(strict.is_err(), !checked.found.mistakes.is_empty());
    }
});
