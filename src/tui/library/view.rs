//! The library view's state and what keys do to it: plain data, no terminal, no database.
//! The loop in [`super`] carries out the [`Request`]s it returns (queries, opening an
//! article) and hands the answers back.

use crate::keymap::{Key, KeyCode};
use crate::library::{ArticleEntry, Hit, Person, Progress, Statement};
use std::path::PathBuf;

/// Which list is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every article of the folder.
    Articles,
    /// The speakers index.
    People,
    /// What one person said across articles.
    Quotes,
    /// Search results.
    Search,
}

/// What the article list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Folder and file name.
    Path,
    /// Date, newest first.
    Date,
    /// Headline.
    Title,
    /// Publication.
    Publication,
    /// Number of quotations, most first.
    Quotes,
    /// Number of speakers, most first.
    Speakers,
    /// Share of claims on unnamed sources, highest first.
    Unnamed,
    /// Highlights, most first.
    Highlights,
    /// How far read, furthest first.
    Read,
}

impl SortKey {
    const ORDER: [SortKey; 9] = [
        SortKey::Path,
        SortKey::Date,
        SortKey::Title,
        SortKey::Publication,
        SortKey::Quotes,
        SortKey::Speakers,
        SortKey::Unnamed,
        SortKey::Highlights,
        SortKey::Read,
    ];

    /// The name shown in the status line.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Path => "file",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Publication => "publication",
            SortKey::Quotes => "quotes",
            SortKey::Speakers => "speakers",
            SortKey::Unnamed => "unnamed share",
            SortKey::Highlights => "highlights",
            SortKey::Read => "read",
        }
    }

    fn next(self) -> SortKey {
        let i = SortKey::ORDER.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ORDER[(i + 1) % SortKey::ORDER.len()]
    }
}

/// What a prompt is typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Filtering the article list.
    Filter,
    /// A search across the library.
    Search,
}

/// What the loop must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Nothing (the view changed itself, or not at all).
    None,
    /// Open the article in the reader, at this source offset (or the saved reading place).
    Open(PathBuf, Option<usize>),
    /// Load the speakers index into [`LibraryView::people`].
    People,
    /// Load what the selected person said into [`LibraryView::quotes`].
    Quotes(usize),
    /// Run this query into [`LibraryView::hits`].
    Search(String),
    /// Leave hearsay.
    Quit,
}

/// A filter on the article list: words (in title, publication or file name, without case),
/// `publication:NAME`, `from:DATE`, `to:DATE` (ISO dates or their beginnings: `2025`,
/// `2025-03`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    words: Vec<String>,
    publication: Vec<String>,
    from: Option<String>,
    to: Option<String>,
}

impl Filter {
    /// Reads a filter.
    pub fn parse(text: &str) -> Filter {
        let mut f = Filter::default();
        for w in text.split_whitespace() {
            let lower = w.to_lowercase();
            if let Some(p) = lower.strip_prefix("publication:") {
                f.publication.push(p.trim_matches('"').to_string());
            } else if let Some(d) = lower.strip_prefix("from:") {
                f.from = Some(d.to_string());
            } else if let Some(d) = lower.strip_prefix("to:") {
                f.to = Some(d.to_string());
            } else {
                f.words.push(lower);
            }
        }
        f
    }

    /// Whether an article passes.
    pub fn accepts(&self, a: &ArticleEntry) -> bool {
        let publication = a.publication.as_deref().unwrap_or("").to_lowercase();
        if !self.publication.iter().all(|p| publication.contains(p)) {
            return false;
        }
        let date = a.date.as_deref().unwrap_or("");
        if let Some(from) = &self.from
            && (date.is_empty() || date < from.as_str())
        {
            return false;
        }
        // `to:2025` takes in all of 2025: compare the date's beginning
        if let Some(to) = &self.to
            && (date.is_empty() || &date[..to.len().min(date.len())] > to.as_str())
        {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let hay = format!(
            "{} {} {}",
            a.title.to_lowercase(),
            publication,
            a.path.to_string_lossy().to_lowercase()
        );
        self.words.iter().all(|w| hay.contains(w.as_str()))
    }
}

/// The library view.
#[derive(Debug, Clone)]
pub struct LibraryView {
    /// The folder, for the title line.
    pub root: PathBuf,
    /// The screen shown.
    pub screen: Screen,
    /// Every article of the folder, as indexed so far.
    pub articles: Vec<ArticleEntry>,
    /// Indices into `articles`, filtered and sorted: the rows shown.
    pub rows: Vec<usize>,
    /// Sort key of the article list.
    pub sort: SortKey,
    /// Reversed sort.
    pub reversed: bool,
    /// The filter as typed.
    pub filter: String,
    /// The speakers index (loaded when first shown).
    pub people: Vec<Person>,
    /// The person whose quotes are shown.
    pub person: Option<String>,
    /// Their quotes and claims.
    pub quotes: Vec<Statement>,
    /// The last search as typed.
    pub query: String,
    /// Its results.
    pub hits: Vec<Hit>,
    /// Selected row per screen (articles, people, quotes, search).
    pub selected: [usize; 4],
    /// First row in view per screen.
    pub offset: [usize; 4],
    /// The prompt being typed, if any.
    pub prompt: Option<(PromptKind, String)>,
    /// Indexing progress while it runs.
    pub progress: Option<Progress>,
    /// A message for the status line.
    pub message: Option<String>,
    /// Rows the list shows (set when drawn).
    pub height: usize,
}

fn slot(screen: Screen) -> usize {
    match screen {
        Screen::Articles => 0,
        Screen::People => 1,
        Screen::Quotes => 2,
        Screen::Search => 3,
    }
}

impl LibraryView {
    /// A view of the folder `root` with the articles indexed so far.
    pub fn new(root: PathBuf, articles: Vec<ArticleEntry>) -> LibraryView {
        let mut v = LibraryView {
            root,
            screen: Screen::Articles,
            articles: Vec::new(),
            rows: Vec::new(),
            sort: SortKey::Path,
            reversed: false,
            filter: String::new(),
            people: Vec::new(),
            person: None,
            quotes: Vec::new(),
            query: String::new(),
            hits: Vec::new(),
            selected: [0; 4],
            offset: [0; 4],
            prompt: None,
            progress: None,
            message: None,
            height: 20,
        };
        v.set_articles(articles);
        v
    }

    /// Replaces the articles (after indexing or reading), keeping the selected article
    /// selected.
    pub fn set_articles(&mut self, articles: Vec<ArticleEntry>) {
        let keep = self.selected_article().map(|a| a.path.clone());
        self.articles = articles;
        self.refresh();
        if let Some(path) = keep
            && let Some(i) = self
                .rows
                .iter()
                .position(|&r| self.articles[r].path == path)
        {
            self.selected[0] = i;
        }
        self.clamp();
    }

    /// Filters and sorts again, keeping the selected article selected.
    fn resort(&mut self) {
        let articles = std::mem::take(&mut self.articles);
        self.set_articles(articles);
    }

    /// The article under the cursor in the article list.
    pub fn selected_article(&self) -> Option<&ArticleEntry> {
        self.rows
            .get(self.selected[0])
            .and_then(|&i| self.articles.get(i))
    }

    /// Filters and sorts the article list again.
    fn refresh(&mut self) {
        let filter = Filter::parse(&self.filter);
        let mut rows: Vec<usize> = (0..self.articles.len())
            .filter(|&i| filter.accepts(&self.articles[i]))
            .collect();
        let a = &self.articles;
        let share = |e: &ArticleEntry| e.unnamed_share().unwrap_or(-1.0);
        rows.sort_by(|&x, &y| {
            let (p, q) = (&a[x], &a[y]);
            let ord = match self.sort {
                SortKey::Path => p.path.cmp(&q.path),
                SortKey::Date => q.date.cmp(&p.date),
                SortKey::Title => p.title.to_lowercase().cmp(&q.title.to_lowercase()),
                SortKey::Publication => p.publication.cmp(&q.publication),
                SortKey::Quotes => q.quotes.cmp(&p.quotes),
                SortKey::Speakers => q.speakers.cmp(&p.speakers),
                SortKey::Unnamed => share(q).total_cmp(&share(p)),
                SortKey::Highlights => q.highlights.cmp(&p.highlights),
                SortKey::Read => q.read.cmp(&p.read),
            };
            ord.then_with(|| p.path.cmp(&q.path))
        });
        if self.reversed {
            rows.reverse();
        }
        self.rows = rows;
    }

    /// Number of rows of the list shown.
    pub fn len(&self) -> usize {
        match self.screen {
            Screen::Articles => self.rows.len(),
            Screen::People => self.people.len(),
            Screen::Quotes => self.quotes.len(),
            Screen::Search => self.hits.len(),
        }
    }

    /// Whether the list shown is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Selected row of the list shown.
    pub fn cursor(&self) -> usize {
        self.selected[slot(self.screen)]
    }

    /// Keeps the selection inside the list and in view.
    pub fn clamp(&mut self) {
        let s = slot(self.screen);
        let len = self.len();
        self.selected[s] = self.selected[s].min(len.saturating_sub(1));
        let h = self.height.max(1);
        if self.selected[s] < self.offset[s] {
            self.offset[s] = self.selected[s];
        } else if self.selected[s] >= self.offset[s] + h {
            self.offset[s] = self.selected[s] + 1 - h;
        }
        self.offset[s] = self.offset[s].min(len.saturating_sub(h));
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.clamp();
    }

    fn step(&mut self, by: isize) {
        let s = slot(self.screen);
        let max = self.len().saturating_sub(1) as isize;
        self.selected[s] = (self.selected[s] as isize + by).clamp(0, max.max(0)) as usize;
        self.clamp();
    }

    /// The people list has been loaded (answer to [`Request::People`]).
    pub fn show_people(&mut self, people: Vec<Person>) {
        self.people = people;
        self.go(Screen::People);
    }

    /// A person's quotes have been loaded (answer to [`Request::Quotes`]).
    pub fn show_quotes(&mut self, person: String, quotes: Vec<Statement>) {
        self.person = Some(person);
        self.quotes = quotes;
        self.selected[slot(Screen::Quotes)] = 0;
        self.offset[slot(Screen::Quotes)] = 0;
        self.go(Screen::Quotes);
    }

    /// Search results have arrived (answer to [`Request::Search`]).
    pub fn show_hits(&mut self, hits: Vec<Hit>) {
        self.hits = hits;
        self.selected[slot(Screen::Search)] = 0;
        self.offset[slot(Screen::Search)] = 0;
        self.go(Screen::Search);
    }

    /// Reacts to a key.
    pub fn key(&mut self, key: Key) -> Request {
        self.message = None;
        if let Some((kind, mut text)) = self.prompt.take() {
            return self.prompt_key(kind, &mut text, key);
        }
        let name = key.to_string();
        let page = self.height.max(1) as isize;
        match name.as_str() {
            "q" | "ctrl-c" => return Request::Quit,
            "j" | "down" => self.step(1),
            "k" | "up" => self.step(-1),
            "pagedown" | "space" | "ctrl-d" => self.step(page),
            "pageup" | "b" | "ctrl-u" => self.step(-page),
            "g" | "home" => self.step(-(self.len() as isize)),
            "G" | "end" => self.step(self.len() as isize),
            "enter" => return self.enter(),
            "esc" => return self.back(),
            "s" if self.screen == Screen::Articles => {
                self.sort = self.sort.next();
                self.reversed = false;
                self.resort();
                self.selected[0] = 0;
                self.clamp();
            }
            "S" if self.screen == Screen::Articles => {
                self.reversed = !self.reversed;
                self.resort();
            }
            "f" => {
                self.screen = Screen::Articles;
                self.prompt = Some((PromptKind::Filter, self.filter.clone()));
            }
            "/" => self.prompt = Some((PromptKind::Search, String::new())),
            "p" => return Request::People,
            "a" => self.go(Screen::Articles),
            "r" if !self.query.is_empty() => self.go(Screen::Search),
            _ => {}
        }
        Request::None
    }

    fn prompt_key(&mut self, kind: PromptKind, text: &mut String, key: Key) -> Request {
        match key.code {
            KeyCode::Esc => {
                if kind == PromptKind::Filter {
                    // back to the filter as it was
                    self.refresh();
                    self.clamp();
                }
                return Request::None;
            }
            KeyCode::Enter => {
                return match kind {
                    PromptKind::Filter => Request::None,
                    PromptKind::Search => {
                        self.query = text.clone();
                        Request::Search(text.clone())
                    }
                };
            }
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt && !c.is_control() => {
                text.push(c);
            }
            _ => {}
        }
        if kind == PromptKind::Filter {
            // the list follows the filter as it is typed
            self.filter = text.clone();
            self.refresh();
            self.selected[0] = 0;
            self.clamp();
        }
        self.prompt = Some((kind, std::mem::take(text)));
        Request::None
    }

    fn enter(&mut self) -> Request {
        let i = self.cursor();
        match self.screen {
            Screen::Articles => match self.selected_article() {
                Some(a) => Request::Open(a.path.clone(), None),
                None => Request::None,
            },
            Screen::People if i < self.people.len() => Request::Quotes(i),
            Screen::Quotes => match self.quotes.get(i) {
                Some(q) => Request::Open(q.path.clone(), Some(q.start)),
                None => Request::None,
            },
            Screen::Search => match self.hits.get(i) {
                Some(h) => Request::Open(h.path.clone(), Some(h.start)),
                None => Request::None,
            },
            Screen::People => Request::None,
        }
    }

    /// Esc: back one list (quotes → people → articles, search → articles), or clears the
    /// filter.
    fn back(&mut self) -> Request {
        match self.screen {
            Screen::Quotes => self.go(Screen::People),
            Screen::People | Screen::Search => self.go(Screen::Articles),
            Screen::Articles if !self.filter.is_empty() => {
                self.filter.clear();
                self.resort();
                self.message = Some("filter cleared".into());
            }
            Screen::Articles => {}
        }
        Request::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::parse_keys;

    fn entry(
        path: &str,
        title: &str,
        date: &str,
        publication: &str,
        quotes: usize,
    ) -> ArticleEntry {
        ArticleEntry {
            path: PathBuf::from(path),
            hash: String::new(),
            title: title.into(),
            publication: Some(publication.into()),
            date: Some(date.into()),
            url: None,
            mtime: 0,
            bytes: 100,
            quotes,
            claims: 2,
            speakers: 1,
            unnamed: 1,
            highlights: 0,
            read: None,
        }
    }

    fn press(v: &mut LibraryView, keys: &str) -> Request {
        let mut last = Request::None;
        for k in parse_keys(keys).unwrap() {
            last = v.key(k);
        }
        last
    }

    fn view() -> LibraryView {
        LibraryView::new(
            PathBuf::from("/news"),
            vec![
                entry(
                    "/news/a.txt",
                    "Tide gates fail",
                    "2025-03-03",
                    "The Harbor Ledger",
                    3,
                ),
                entry(
                    "/news/b.txt",
                    "Ferry crews refuse",
                    "2026-01-02",
                    "Valley Courier",
                    9,
                ),
                entry(
                    "/news/c.txt",
                    "Audit doubts",
                    "2024-07-30",
                    "The Harbor Ledger",
                    1,
                ),
            ],
        )
    }

    fn titles(v: &LibraryView) -> Vec<&str> {
        v.rows
            .iter()
            .map(|&i| v.articles[i].title.as_str())
            .collect()
    }

    #[test]
    fn sorts_by_date_then_quotes_and_opens_the_selected_article() {
        let mut v = view();
        press(&mut v, "s");
        assert_eq!(v.sort, SortKey::Date);
        assert_eq!(
            titles(&v),
            ["Ferry crews refuse", "Tide gates fail", "Audit doubts"]
        );
        press(&mut v, "S");
        assert_eq!(titles(&v)[0], "Audit doubts");
        press(&mut v, "s s s");
        assert_eq!(v.sort, SortKey::Quotes);
        assert_eq!(titles(&v)[0], "Ferry crews refuse");
        assert_eq!(
            press(&mut v, "j enter"),
            Request::Open(PathBuf::from("/news/a.txt"), None)
        );
    }

    #[test]
    fn filters_by_text_publication_and_dates() {
        let mut v = view();
        press(&mut v, "f t i d e");
        assert_eq!(titles(&v), ["Tide gates fail"]);
        press(&mut v, "enter esc");
        assert_eq!(titles(&v).len(), 3, "esc clears the filter");
        let f = Filter::parse("publication:ledger from:2025");
        let kept: Vec<_> = v.articles.iter().filter(|a| f.accepts(a)).collect();
        assert_eq!(kept.len(), 1);
        let f = Filter::parse("to:2025");
        assert_eq!(v.articles.iter().filter(|a| f.accepts(a)).count(), 2);
    }

    #[test]
    fn esc_goes_back_through_the_lists() {
        let mut v = view();
        assert_eq!(press(&mut v, "p"), Request::People);
        v.show_people(vec![]);
        assert_eq!(v.screen, Screen::People);
        v.show_quotes("Ana".into(), vec![]);
        press(&mut v, "esc");
        assert_eq!(v.screen, Screen::People);
        press(&mut v, "esc");
        assert_eq!(v.screen, Screen::Articles);
        assert_eq!(
            press(&mut v, "/ k i n d : a n o n enter"),
            Request::Search("kind:anon".into())
        );
    }
}
