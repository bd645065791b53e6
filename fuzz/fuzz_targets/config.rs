//! Arbitrary text as a user config file: parsed and merged, or a located error; never a panic.
#![no_main]

use hearsay::config::Config;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = Config::from_toml(text, Path::new("config.toml")) {
        // every error names the file
        assert!(e.to_string().contains("config.toml"), "{e}");
    }
});
