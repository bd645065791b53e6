//! The reader the redraw benchmark and the redraw probe draw: the bundled sample analysed,
//! a quote marked twice over and a search on.

use hearsay::config::Config;
use hearsay::document::open;
use hearsay::tui::{App, Sources};

/// The sample at `width` x `height` after `] ] / the enter`.
pub fn sample_app(width: u16, height: u16) -> App {
    let doc = open(
        include_bytes!("../../assets/sample.txt"),
        Some("sample.txt"),
        None,
    )
    .expect("the sample opens");
    let sources = Sources::analyze(&doc);
    let mut app = App::new(doc, "sample.txt", Config::default(), &[]);
    app.set_sources(sources);
    app.resize(width, height);
    app.press("] ] / t h e enter").expect("keys");
    app
}
