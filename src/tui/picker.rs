//! The speaker picker of the correction overlay, as state without drawing: the article's
//! speakers filtered as the reader types, and a "new speaker" row for a name that is not
//! there yet, whose kind Tab cycles through.

use crate::attribution::SpeakerKind;

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A speaker of the article (its index in the picker's list).
    Speaker(usize),
    /// A new speaker with the typed name.
    New,
}

/// A speaker the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: SpeakerKind,
    /// Other names it goes by (matched too).
    pub aliases: Vec<String>,
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The speakers offered (the one being corrected may be left out by the caller).
    pub choices: Vec<Choice>,
    /// What the reader typed.
    pub query: String,
    /// The row under the cursor (index into [`Picker::rows`]).
    pub selected: usize,
    /// The kind of a new speaker.
    pub new_kind: SpeakerKind,
    /// Whether a new name may be given (false when merging: only existing speakers).
    pub allow_new: bool,
}

impl Picker {
    /// A picker over `choices`.
    pub fn new(choices: Vec<Choice>, allow_new: bool) -> Self {
        Picker {
            choices,
            query: String::new(),
            selected: 0,
            new_kind: SpeakerKind::Person,
            allow_new,
        }
    }

    /// The rows shown: speakers matching the query (names starting with it first, then
    /// names with a word starting with it, then names containing it; case ignored), then
    /// the new-speaker row when a name is typed that no speaker has.
    pub fn rows(&self) -> Vec<Row> {
        let q = self.query.trim().to_lowercase();
        let mut ranked: Vec<(u8, usize)> = self
            .choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let rank = std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .filter_map(|n| rank(&n.to_lowercase(), &q))
                    .min()?;
                Some((rank, i))
            })
            .collect();
        ranked.sort_by_key(|&(r, i)| (r, i));
        let mut rows: Vec<Row> = ranked.into_iter().map(|(_, i)| Row::Speaker(i)).collect();
        let exact = self.choices.iter().any(|c| c.name.to_lowercase() == q);
        if self.allow_new && !q.is_empty() && !exact {
            rows.push(Row::New);
        }
        rows
    }

    /// Types a character.
    pub fn push(&mut self, c: char) {
        if !c.is_control() {
            self.query.push(c);
            self.selected = 0;
        }
    }

    /// Deletes the last character.
    pub fn pop(&mut self) {
        self.query.pop();
        self.selected = 0;
    }

    /// Moves the cursor down (wrapping).
    pub fn down(&mut self) {
        let n = self.rows().len();
        if n > 0 {
            self.selected = (self.selected + 1) % n;
        }
    }

    /// Moves the cursor up (wrapping).
    pub fn up(&mut self) {
        let n = self.rows().len();
        if n > 0 {
            self.selected = (self.selected + n - 1) % n;
        }
    }

    /// Cycles the kind of a new speaker (person → organisation → group → anonymous →
    /// document).
    pub fn next_kind(&mut self) {
        let all = SpeakerKind::ALL;
        let i = all.iter().position(|k| *k == self.new_kind).unwrap_or(0);
        self.new_kind = all[(i + 1) % all.len()];
    }

    /// The name and kind under the cursor, if any.
    pub fn chosen(&self) -> Option<(String, SpeakerKind)> {
        let rows = self.rows();
        match rows.get(self.selected.min(rows.len().saturating_sub(1)))? {
            Row::Speaker(i) => self.choices.get(*i).map(|c| (c.name.clone(), c.kind)),
            Row::New => Some((
                self.query.split_whitespace().collect::<Vec<_>>().join(" "),
                self.new_kind,
            )),
        }
    }
}

/// How well `name` matches `q` (lower-cased): 0 starts with it, 1 a word starts with it,
/// 2 contains it; `None` when it does not.
fn rank(name: &str, q: &str) -> Option<u8> {
    if q.is_empty() || name.starts_with(q) {
        Some(0)
    } else if name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(q))
    {
        Some(1)
    } else if name.contains(q) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> Picker {
        let c = |name: &str, kind, aliases: &[&str]| Choice {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        Picker::new(
            vec![
                c("Derek S. Maltz", SpeakerKind::Person, &["Maltz"]),
                c("the Pentagon", SpeakerKind::Organization, &[]),
                c("Maria Lopez", SpeakerKind::Person, &["Lopez"]),
                c("one official", SpeakerKind::Anonymous, &[]),
            ],
            true,
        )
    }

    #[test]
    fn filters_as_you_type_best_matches_first() {
        let mut p = picker();
        assert_eq!(p.rows().len(), 4);
        for c in "ma".chars() {
            p.push(c);
        }
        // "Maria Lopez" and "Derek S. Maltz" (alias "Maltz" starts with it), then New
        assert_eq!(p.rows(), [Row::Speaker(0), Row::Speaker(2), Row::New]);
        p.push('r');
        assert_eq!(p.rows(), [Row::Speaker(2), Row::New]);
        assert_eq!(
            p.chosen(),
            Some(("Maria Lopez".into(), SpeakerKind::Person))
        );
        p.up();
        assert_eq!(p.chosen(), Some(("mar".into(), SpeakerKind::Person)));
        for _ in 0..3 {
            p.pop();
        }
        p.push('f');
        assert_eq!(p.rows(), [Row::Speaker(3), Row::New], "inside a word");
    }

    #[test]
    fn a_new_name_takes_a_kind() {
        let mut p = picker();
        for c in "Harbour  board".chars() {
            p.push(c);
        }
        assert_eq!(p.rows(), [Row::New]);
        p.next_kind();
        assert_eq!(
            p.chosen(),
            Some(("Harbour board".into(), SpeakerKind::Organization))
        );
        // an exact name offers no new row; merging offers none at all
        let mut p = picker();
        for c in "the pentagon".chars() {
            p.push(c);
        }
        assert_eq!(p.rows(), [Row::Speaker(1)]);
        let mut m = picker();
        m.allow_new = false;
        m.push('q');
        assert!(m.rows().is_empty());
        assert_eq!(m.chosen(), None);
    }
}
