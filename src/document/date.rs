//! Reading publication dates as news sites print them, normalised to ISO 8601.

/// English weekday names: the one list of them in the crate (dates and attribution use it).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The three-letter abbreviations of [`WEEKDAYS`], in the same order.
pub const WEEKDAY_ABBREVIATIONS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// English month names (the first twelve, in order) and the abbreviations news styles use
/// (AP's "Sept."), with their numbers: the one list of them in the crate.
pub const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// `2025-03-04` → `March 4, 2025`, the way datelines print it; `None` for anything else.
///
/// ```
/// use hearsay::document::date::written;
/// assert_eq!(written("2026-03-04").as_deref(), Some("March 4, 2026"));
/// assert_eq!(written("someday"), None);
/// ```
pub fn written(iso: &str) -> Option<String> {
    let (y, m, d) = (iso.get(..4)?, iso.get(5..7)?, iso.get(8..10)?);
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    if iso.len() != 10 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (name, _) = MONTHS.iter().find(|&&(_, n)| n == m)?;
    let mut name = name.to_string();
    name[..1].make_ascii_uppercase();
    Some(format!("{name} {d}, {y}"))
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

fn number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date found at the start of a line: the ISO date and how many bytes of the line it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Bytes of the input consumed by the date (and a leading "Published"/"Updated" word).
    pub len: usize,
}

/// Reads a date at the start of `line`: `September 19, 2025`, `Sept. 19 2025`,
/// `19 September 2025`, `2025-09-19`, optionally after `Published`, `Updated`, a weekday.
///
/// ```
/// use hearsay::document::date::date_at_start;
/// assert_eq!(date_at_start("Sept. 9, 2025 The Post").unwrap().iso, "2025-09-09");
/// assert_eq!(date_at_start("Updated 3 March 2024").unwrap().iso, "2024-03-03");
/// assert!(date_at_start("May I ask").is_none());
/// ```
pub fn date_at_start(line: &str) -> Option<FoundDate> {
    // word boundaries with byte offsets
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .take(8)
        .collect();
    let mut i = 0;
    while i < words.len().min(3) {
        let w = words[i].1.trim_end_matches([',', ':', '.']).to_lowercase();
        if matches!(w.as_str(), "published" | "updated" | "posted" | "on")
            || WEEKDAYS.contains(&w.as_str())
            || WEEKDAY_ABBREVIATIONS.contains(&w.as_str())
        {
            i += 1;
        } else {
            break;
        }
    }
    let end_of = |j: usize| words[j].0 + words[j].1.trim_end_matches([',', ';']).len();
    let w = |j: usize| words.get(j).map(|x| x.1);
    // ISO or numeric y-m-d
    if let Some(first) = w(i) {
        let t = first.trim_end_matches([',', '.']);
        let parts: Vec<&str> = t.split(['-', '/']).collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            let (y, m, d) = (number(parts[0])?, number(parts[1])?, number(parts[2])?);
            return valid(y, m, d).map(|iso| FoundDate {
                iso,
                len: end_of(i),
            });
        }
    }
    // Month D, YYYY
    if let (Some(m), Some(d), Some(y)) = (
        w(i).and_then(month),
        w(i + 1).and_then(number),
        w(i + 2).and_then(number),
    ) && let Some(iso) = valid(y, m, d)
    {
        return Some(FoundDate {
            iso,
            len: end_of(i + 2),
        });
    }
    // D Month YYYY
    if let (Some(d), Some(m), Some(y)) = (
        w(i).and_then(number),
        w(i + 1).and_then(month),
        w(i + 2).and_then(number),
    ) && let Some(iso) = valid(y, m, d)
    {
        return Some(FoundDate {
            iso,
            len: end_of(i + 2),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_news_date_styles() {
        for (s, iso) in [
            ("September 19, 2025 The Washington Post", "2025-09-19"),
            ("Sept. 2, 2025", "2025-09-02"),
            ("Jan 5 2024", "2024-01-05"),
            ("5 January 2024", "2024-01-05"),
            ("Published 2023-11-30", "2023-11-30"),
            ("Updated Tuesday, March 4, 2025, 6:00 a.m.", "2025-03-04"),
            ("December 1st, 2019", "2019-12-01"),
        ] {
            assert_eq!(
                date_at_start(s).map(|d| d.iso),
                Some(iso.to_string()),
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "May the best win",
            "March 40, 2020",
            "The 19 September",
            "12 angry men 2020",
        ] {
            assert_eq!(date_at_start(s), None, "{s}");
        }
    }

    #[test]
    fn reports_consumed_length() {
        let s = "September 19, 2025 The Washington Post";
        let d = date_at_start(s).unwrap();
        assert_eq!(s[d.len..].trim(), "The Washington Post");
    }
}
