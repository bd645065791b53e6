//! Fictional articles for the library tests and benchmark: deterministic (a seed gives the
//! same article), varied (text, Markdown and HTML; eight publications; dates over three
//! years; people named in full, with a middle initial, by title, and people who share a
//! surname; organisations, anonymous and unnamed sources; indirect and direct claims).
//! Every name, place and sentence is made up here.

use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*), enough for varied fixtures.
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Publications (fictional).
pub const PUBLICATIONS: &[&str] = &[
    "The Harbor Ledger",
    "The Valley Courier",
    "Northgate Post",
    "The Tidewater Times",
    "Quillmark Daily",
    "The Fenwick Herald",
    "Saltmarsh Gazette",
    "The Lantern Review",
];

/// People: (full name, with middle initial, role). Some share a surname on purpose.
pub const PEOPLE: &[(&str, &str, &str)] = &[
    ("Mara Okonkwo", "Mara T. Okonkwo", "the harbour master"),
    ("Jonas Okonkwo", "Jonas P. Okonkwo", "a ferry captain"),
    ("Ilse Brandvold", "Ilse M. Brandvold", "the city engineer"),
    ("Tomas Brandvold", "Tomas K. Brandvold", "a union organiser"),
    ("Priya Castellane", "Priya R. Castellane", "a hydrologist"),
    (
        "Wendell Ashgrove",
        "Wendell J. Ashgrove",
        "the county treasurer",
    ),
    (
        "Odile Fairweather",
        "Odile S. Fairweather",
        "a school principal",
    ),
    ("Rafael Quintero", "Rafael A. Quintero", "the fire chief"),
    ("Agnes Quintero", "Agnes L. Quintero", "a nurse"),
    (
        "Kofi Mensah-Lind",
        "Kofi E. Mensah-Lind",
        "a marine biologist",
    ),
    ("Beatrix Holloway", "Beatrix N. Holloway", "the mayor"),
    (
        "Casimir Holloway",
        "Casimir D. Holloway",
        "a shipyard owner",
    ),
    ("Nadia Verhoeven", "Nadia C. Verhoeven", "a state auditor"),
    ("Emeric Stroud", "Emeric B. Stroud", "a retired pilot"),
    (
        "Lucia Marchetti",
        "Lucia F. Marchetti",
        "a tenant organiser",
    ),
    (
        "Dmitri Alvarsson",
        "Dmitri V. Alvarsson",
        "a port economist",
    ),
];

/// Organisations.
pub const ORGANIZATIONS: &[&str] = &[
    "the Port Quill Water Authority",
    "the Harbour Safety Board",
    "the Coastal Freight Union",
    "the Fenwick County Council",
    "the Tidewater Transit Agency",
];

const ANONYMOUS: &[&str] = &[
    "a person familiar with the talks",
    "two officials who were not authorised to speak publicly",
    "a city official",
    "people briefed on the plan",
];

const WORDS: &[&str] = &[
    "harbour",
    "tide",
    "gates",
    "crews",
    "budget",
    "council",
    "ferry",
    "storm",
    "pier",
    "inspection",
    "contract",
    "bridge",
    "water",
    "plant",
    "pumps",
    "levee",
    "shipyard",
    "cargo",
    "permits",
    "tenants",
    "rent",
    "school",
    "repairs",
    "engineers",
    "report",
    "audit",
    "vote",
    "meeting",
    "residents",
    "shoreline",
    "channel",
    "dredging",
    "salt",
    "marsh",
    "warehouse",
    "night",
    "shift",
    "overtime",
    "schedule",
    "delay",
    "estimate",
    "cost",
    "grant",
    "state",
    "county",
    "records",
    "documents",
    "review",
    "plan",
    "study",
    "sensors",
    "readings",
    "flood",
    "insurance",
    "claims",
    "lawsuit",
    "hearing",
    "board",
    "members",
    "union",
    "workers",
    "drivers",
    "buses",
    "routes",
    "fares",
    "station",
    "platform",
    "signal",
    "crossing",
    "north",
    "east",
    "quarter",
    "district",
    "market",
    "fishermen",
    "boats",
    "nets",
    "catch",
    "prices",
    "winter",
    "spring",
    "summer",
    "autumn",
    "weeks",
    "months",
    "years",
    "decade",
    "lighthouse",
];

const VERBS: &[&str] = &[
    "rose", "fell", "stalled", "doubled", "slipped", "held", "moved", "changed", "closed",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One made-up sentence of narrative.
fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(12);
    let mut words: Vec<&str> = (0..n).map(|_| *rng.pick(WORDS)).collect();
    words.insert(n / 2, *rng.pick(VERBS));
    let mut s = words.join(" ");
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s.push('.');
    s
}

/// The format an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`).
    Markdown,
    /// A saved web page (`.html`).
    Html,
}

/// A generated article: its parts, before it is written in a format.
pub struct Article {
    /// Headline.
    pub title: String,
    /// Publication.
    pub publication: String,
    /// Dateline date, as printed (`March 3, 2026`).
    pub date: String,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The article in a format, with its file extension.
    pub fn render(&self, kind: Kind) -> (String, &'static str) {
        match kind {
            Kind::Text => {
                let mut s = format!("{}\n\n{} {}\n\n", self.title, self.date, self.publication);
                for p in &self.paragraphs {
                    s.push_str(p);
                    s.push_str("\n\n");
                }
                (s, "txt")
            }
            Kind::Markdown => {
                let mut s = format!("# {}\n\n{} {}\n\n", self.title, self.date, self.publication);
                for p in &self.paragraphs {
                    s.push_str(p);
                    s.push_str("\n\n");
                }
                (s, "md")
            }
            Kind::Html => {
                let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
                let mut s = format!(
                    "<!doctype html><html><head><meta charset=\"utf-8\"><title>{} - {}</title></head>\
                     <body><article><h1>{}</h1><p>{} {}</p>\n",
                    esc(&self.title),
                    esc(&self.publication),
                    esc(&self.title),
                    esc(&self.date),
                    esc(&self.publication)
                );
                for p in &self.paragraphs {
                    s.push_str(&format!("<p>{}</p>\n", esc(p)));
                }
                s.push_str("</article></body></html>\n");
                (s, "html")
            }
        }
    }
}

/// Article number `seed`, about `bytes` long.
pub fn article(seed: u64, bytes: usize) -> Article {
    let mut rng = Rng::new(seed + 1);
    let title = {
        let mut t = sentence(&mut rng);
        t.pop();
        t.split_whitespace().take(9).collect::<Vec<_>>().join(" ")
    };
    let publication = rng.pick(PUBLICATIONS).to_string();
    let date = format!(
        "{} {}, {}",
        rng.pick(MONTHS),
        1 + rng.below(28),
        2024 + rng.below(3)
    );
    // two to four people and an organisation speak in each article
    let cast: Vec<usize> = (0..2 + rng.below(3))
        .map(|_| rng.below(PEOPLE.len()))
        .collect();
    let org = *rng.pick(ORGANIZATIONS);
    let mut paragraphs = Vec::new();
    let mut size = title.len() + 40;
    let mut introduced = vec![false; PEOPLE.len()];
    let mut i = 0;
    while size < bytes {
        let p = match i % 5 {
            1 => {
                let who = cast[rng.below(cast.len())];
                let (full, middle, role) = PEOPLE[who];
                let surname = full.rsplit(' ').next().unwrap_or(full);
                let quote = sentence(&mut rng);
                let quote = quote.trim_end_matches('.');
                if introduced[who] {
                    format!("“{quote},” {surname} said. {}", sentence(&mut rng))
                } else {
                    introduced[who] = true;
                    let name = if rng.below(2) == 0 { full } else { middle };
                    format!("“{quote},” said {name}, {role}. {}", sentence(&mut rng))
                }
            }
            3 => match rng.below(3) {
                0 => {
                    let s = sentence(&mut rng);
                    format!(
                        "{}, according to {}.",
                        s.trim_end_matches('.'),
                        rng.pick(ANONYMOUS)
                    )
                }
                1 => {
                    let s = sentence(&mut rng).to_lowercase();
                    let mut o = org.to_string();
                    if let Some(f) = o.get_mut(0..1) {
                        f.make_ascii_uppercase();
                    }
                    format!("{o} said that {}", s)
                }
                _ => (0..3)
                    .map(|_| sentence(&mut rng))
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            _ => (0..2 + rng.below(4))
                .map(|_| sentence(&mut rng))
                .collect::<Vec<_>>()
                .join(" "),
        };
        size += p.len() + 2;
        paragraphs.push(p);
        i += 1;
    }
    Article {
        title,
        publication,
        date,
        paragraphs,
    }
}

/// Writes `n` articles of `bytes` on average (from a quarter to 1.75 times that) under `dir`
/// in folders of 100, cycling through the three formats; returns the paths.
pub fn write_corpus(dir: &Path, n: usize, bytes: usize) -> Vec<PathBuf> {
    let kinds = [Kind::Text, Kind::Text, Kind::Markdown, Kind::Html];
    (0..n)
        .map(|i| {
            let size = bytes / 4 + Rng::new(i as u64 + 7).below(bytes * 3 / 2 + 1);
            let (text, ext) = article(i as u64, size).render(kinds[i % kinds.len()]);
            let sub = dir.join(format!("batch-{:03}", i / 100));
            std::fs::create_dir_all(&sub).expect("corpus folder");
            let path = sub.join(format!("story-{i:05}.{ext}"));
            std::fs::write(&path, text).expect("corpus file");
            path
        })
        .collect()
}

/// Three articles quote Mara Okonkwo (named three ways); one quotes Jonas Okonkwo, who shares
/// her surname; one has an anonymous source; publications differ.
pub const SMALL: &[(&str, &str)] = &[
    (
        "2025/tide.txt",
        "Tide gates fail as the storm floods the lower harbour\n\n\
         March 3, 2025 The Harbor Ledger\n\n\
         The city opened its shelters on Monday after the tide gates failed.\n\n\
         “We were told the gates would hold,” said Mara T. Okonkwo, the harbour master.\n\n\
         Okonkwo said crews worked through the night to clear the channel.\n",
    ),
    (
        "2025/ferry.md",
        "# Ferry crews refuse night shifts after the pier collapse\n\n\
         April 9, 2025 The Valley Courier\n\n\
         Ferry service stopped on Tuesday.\n\n\
         “Nobody should cross in this weather,” said Jonas Okonkwo, a ferry captain.\n\n\
         “The pier is not safe,” Mara Okonkwo, the harbour master, said.\n",
    ),
    (
        "2026/audit.html",
        "<!doctype html><html><head><title>Auditors question harbour repair costs - The Harbor Ledger</title></head>\
         <body><article><h1>Auditors question harbour repair costs</h1>\
         <p>January 20, 2026 The Harbor Ledger</p>\
         <p>The state audit found the repair budget doubled in a year.</p>\
         <p>“The numbers were never checked,” Harbour Master Mara Okonkwo said.</p>\
         <p>The contract was rushed, according to a person familiar with the talks.</p>\
         </article></body></html>\n",
    ),
    (
        "notes/market.txt",
        "Fish prices climb as the winter catch shrinks\n\n\
         February 2, 2026 Northgate Post\n\n\
         Prices at the east market rose for the fourth week.\n\n\
         “We sell what the boats bring,” said Lucia Marchetti, a tenant organiser.\n",
    ),
];

/// Writes [`SMALL`] under `dir`.
pub fn write_small(dir: &Path) {
    for (rel, text) in SMALL {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("a folder")).expect("fixture folder");
        std::fs::write(p, text).expect("fixture file");
    }
}

/// The versions fixtures (`tests/fixtures/versions`: one story saved three times, as two
/// web pages and a Markdown copy, and another article) copied under `dir`, with
/// modification times in the order they were saved (09:05, 14:05, next morning).
pub fn write_versions(dir: &Path) {
    use std::time::{Duration, UNIX_EPOCH};
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    // 2025-05-02 09:05 UTC
    let morning = UNIX_EPOCH + Duration::from_secs(1_746_176_700);
    let saved = [
        ("tide-gates-0900.html", Duration::ZERO),
        ("tide-gates-1400.html", Duration::from_secs(5 * 3600)),
        ("tide-gates-saved.md", Duration::from_secs(23 * 3600)),
        ("ferry-timetable.txt", Duration::from_secs(24 * 3600)),
    ];
    std::fs::create_dir_all(dir).expect("fixture folder");
    for (name, after) in saved {
        let to = dir.join(name);
        std::fs::copy(from.join(name), &to).expect("fixture file");
        let f = std::fs::File::options()
            .write(true)
            .open(&to)
            .expect("fixture file");
        f.set_modified(morning + after).expect("set the time");
    }
}
