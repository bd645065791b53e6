//! The library view's state and what keys do to it: plain data, no terminal, no database.
//! Keys are looked up in the configured keymap (`[keys.library]`, the prompt's in
//! `[keys.prompt]`, the help's in `[keys.help]`); the loop in [`super`] carries out the
//! [`Request`]s it returns (queries, opening an article, comparing versions) and hands the
//! answers back.

use crate::config::Config;
use crate::keymap::{Action, Context, Key, KeyCode, Keymap};
use crate::library::versions::{self, Stories};
use crate::library::{ArticleEntry, Hit, Person, Progress, Statement};
use crate::tui::styles::Styles;
use crate::tui::widgets::help::LIBRARY_GLOBALS;
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
    /// The versions of one article, oldest first.
    Versions,
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
    /// Open the diff view on these two versions (older, newer).
    Diff(PathBuf, PathBuf),
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
    /// Indices into `articles`, filtered and sorted: the rows shown (one per article: the
    /// newest of its versions).
    pub rows: Vec<usize>,
    /// The articles grouped into stories (versions of one article).
    pub stories: Stories,
    /// The versions shown (indices into `articles`, oldest first).
    pub versions: Vec<usize>,
    /// The version marked to compare with (index into `articles`).
    pub marked: Option<usize>,
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
    /// Selected row per screen (articles, people, quotes, search, versions).
    pub selected: [usize; 5],
    /// First row in view per screen.
    pub offset: [usize; 5],
    /// The prompt being typed, if any.
    pub prompt: Option<(PromptKind, String)>,
    /// Indexing progress while it runs.
    pub progress: Option<Progress>,
    /// A message for the status line.
    pub message: Option<String>,
    /// Rows the list shows (set when drawn).
    pub height: usize,
    /// The keys (`[keys.library]` and the others the view uses).
    pub keymap: Keymap,
    /// Styles of the help overlay.
    pub styles: Styles,
    /// The help overlay, when shown: how far it is scrolled.
    pub help: Option<usize>,
}

/// The index of a screen's selection and scroll in [`LibraryView::selected`] and
/// [`LibraryView::offset`].
pub fn slot(screen: Screen) -> usize {
    match screen {
        Screen::Articles => 0,
        Screen::People => 1,
        Screen::Quotes => 2,
        Screen::Search => 3,
        Screen::Versions => 4,
    }
}

impl LibraryView {
    /// A view of the folder `root` with the articles indexed so far, with the default keys.
    pub fn new(root: PathBuf, articles: Vec<ArticleEntry>) -> LibraryView {
        let config = Config::default();
        let mut v = LibraryView {
            root,
            screen: Screen::Articles,
            articles: Vec::new(),
            rows: Vec::new(),
            stories: Stories::default(),
            versions: Vec::new(),
            marked: None,
            sort: SortKey::Path,
            reversed: false,
            filter: String::new(),
            people: Vec::new(),
            person: None,
            quotes: Vec::new(),
            query: String::new(),
            hits: Vec::new(),
            selected: [0; 5],
            offset: [0; 5],
            prompt: None,
            progress: None,
            message: None,
            height: 20,
            styles: Styles::new(&config),
            keymap: config.keymap,
            help: None,
        };
        v.set_articles(articles);
        v
    }

    /// Uses the user's keys and colours.
    pub fn with_config(mut self, config: &Config) -> LibraryView {
        self.keymap = config.keymap.clone();
        self.styles = Styles::new(config);
        self
    }

    /// A key bound to `action` in the library (or globally), for hints.
    pub fn key_for(&self, action: Action) -> String {
        self.keymap
            .hint(Context::Library, action)
            .map_or_else(|| action.name().to_string(), |k| k.to_string())
    }

    /// Replaces the articles (after indexing or reading), keeping the selected article
    /// selected.
    pub fn set_articles(&mut self, articles: Vec<ArticleEntry>) {
        let keep = self.selected_article().map(|a| a.path.clone());
        let shown: Vec<PathBuf> = self
            .versions
            .iter()
            .filter_map(|&i| self.articles.get(i).map(|a| a.path.clone()))
            .collect();
        let marked = self
            .marked
            .and_then(|i| self.articles.get(i))
            .map(|a| a.path.clone());
        self.articles = articles;
        self.stories = versions::group(&self.articles);
        // the versions shown follow their files
        let index_of = |p: &PathBuf| self.articles.iter().position(|a| &a.path == p);
        self.marked = marked.as_ref().and_then(index_of);
        if let Some(first) = shown.first().and_then(index_of) {
            self.versions = self.stories.versions_of(first).to_vec();
        } else {
            self.versions.clear();
        }
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

    /// Filters and sorts the article list again: one row per article, its newest version,
    /// when any of its versions passes the filter.
    fn refresh(&mut self) {
        let filter = Filter::parse(&self.filter);
        let accepted: Vec<bool> = self.articles.iter().map(|a| filter.accepts(a)).collect();
        let stories = &self.stories;
        let mut rows: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                stories.latest_of(i) == i && stories.versions_of(i).iter().any(|&v| accepted[v])
            })
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
            Screen::Versions => self.versions.len(),
        }
    }

    /// Number of versions of the article `i` (1 when it has no other).
    pub fn version_count(&self, i: usize) -> usize {
        self.stories.versions_of(i).len().max(1)
    }

    /// Number of articles, counting an article's versions once.
    pub fn story_count(&self) -> usize {
        self.stories.stories.len()
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

    /// Reacts to a key: the help's keys while it is shown, the prompt's while one is open,
    /// else the library's.
    pub fn key(&mut self, key: Key) -> Request {
        self.message = None;
        if self.help.is_some() {
            self.help_key(key);
            return Request::None;
        }
        if let Some((kind, mut text)) = self.prompt.take() {
            return self.prompt_key(kind, &mut text, key);
        }
        // a global key is the library's only for the few global actions it carries out
        let own = self
            .keymap
            .contexts
            .get(&Context::Library)
            .is_some_and(|m| m.contains_key(&key));
        match self.keymap.lookup(Context::Library, key) {
            Some(action) if own || LIBRARY_GLOBALS.contains(&action) => self.act(action),
            _ => {
                self.message = Some(format!(
                    "'{key}' does nothing here; {} lists the keys",
                    self.key_for(Action::ToggleHelp)
                ));
                Request::None
            }
        }
    }

    /// Does what an action asks (keys bound elsewhere in the reader do nothing here).
    pub fn act(&mut self, action: Action) -> Request {
        let page = self.height.max(1) as isize;
        match action {
            Action::Quit => return Request::Quit,
            Action::ScrollDown => self.step(1),
            Action::ScrollUp => self.step(-1),
            Action::PageDown => self.step(page),
            Action::PageUp => self.step(-page),
            Action::HalfPageDown => self.step((page / 2).max(1)),
            Action::HalfPageUp => self.step(-(page / 2).max(1)),
            Action::Top => self.step(-(self.len() as isize)),
            Action::Bottom => self.step(self.len() as isize),
            Action::Select => return self.enter(),
            Action::Close => return self.back(),
            Action::ToggleHelp => self.help = Some(0),
            Action::NextSort if self.screen == Screen::Articles => {
                self.sort = self.sort.next();
                self.reversed = false;
                self.resort();
                self.selected[0] = 0;
                self.clamp();
            }
            Action::ReverseSort if self.screen == Screen::Articles => {
                self.reversed = !self.reversed;
                self.resort();
            }
            Action::FilterList => {
                self.screen = Screen::Articles;
                self.prompt = Some((PromptKind::Filter, self.filter.clone()));
            }
            Action::Search => self.prompt = Some((PromptKind::Search, String::new())),
            Action::ShowPeople => return Request::People,
            Action::ShowArticles => self.go(Screen::Articles),
            Action::ShowResults if !self.query.is_empty() => self.go(Screen::Search),
            Action::ShowVersions => self.show_versions(),
            Action::MarkVersion => self.mark_version(),
            Action::CompareVersions => return self.compare(),
            _ => {}
        }
        Request::None
    }

    /// The help overlay's keys (`[keys.help]`): scroll, close.
    fn help_key(&mut self, key: Key) {
        let Some(scroll) = self.help else { return };
        let page = self.height.max(2) / 2;
        self.help = match self.keymap.lookup(Context::Help, key) {
            Some(Action::ScrollDown) => Some(scroll + 1),
            Some(Action::ScrollUp) => Some(scroll.saturating_sub(1)),
            Some(Action::PageDown | Action::HalfPageDown) => Some(scroll + page),
            Some(Action::PageUp | Action::HalfPageUp) => Some(scroll.saturating_sub(page)),
            Some(Action::Top) => Some(0),
            Some(Action::Bottom) => Some(usize::MAX),
            Some(Action::Close | Action::ToggleHelp | Action::Quit) => None,
            _ => Some(scroll),
        };
    }

    /// The article the cursor is on, in any list (index into `articles`).
    fn article_under_cursor(&self) -> Option<usize> {
        let i = self.cursor();
        let path = match self.screen {
            Screen::Articles => return self.rows.get(i).copied(),
            Screen::Versions => return self.versions.get(i).copied(),
            Screen::Quotes => &self.quotes.get(i)?.path,
            Screen::Search => &self.hits.get(i)?.path,
            Screen::People => return None,
        };
        self.articles.iter().position(|a| &a.path == path)
    }

    /// `v`: the versions of the article under the cursor, the newest selected.
    fn show_versions(&mut self) {
        let Some(i) = self.article_under_cursor() else {
            return;
        };
        self.versions = self.stories.versions_of(i).to_vec();
        if self.versions.is_empty() {
            self.versions = vec![i];
        }
        if self.marked.is_some_and(|m| !self.versions.contains(&m)) {
            self.marked = None;
        }
        let s = slot(Screen::Versions);
        self.selected[s] = self.versions.iter().position(|&v| v == i).unwrap_or(0);
        self.offset[s] = 0;
        self.go(Screen::Versions);
        if self.versions.len() == 1 {
            self.message = Some("this article has one version".into());
        }
    }

    /// `m`: marks the selected version (or unmarks it).
    fn mark_version(&mut self) {
        if self.screen != Screen::Versions {
            return;
        }
        let Some(&i) = self.versions.get(self.cursor()) else {
            return;
        };
        if self.marked == Some(i) {
            self.marked = None;
            self.message = Some("mark removed".into());
        } else {
            self.marked = Some(i);
            self.message = Some(format!(
                "marked; select another version and press {} to compare",
                self.key_for(Action::CompareVersions)
            ));
        }
    }

    /// `D`: the diff of two versions, older first. In the versions list: the marked version
    /// and the selected one, or without a mark the selected one and the one before it (the
    /// one after, for the first); elsewhere: the article's two newest versions.
    fn compare(&mut self) -> Request {
        let Some(i) = self.article_under_cursor() else {
            return Request::None;
        };
        let versions: Vec<usize> = match self.screen {
            Screen::Versions => self.versions.clone(),
            _ => self.stories.versions_of(i).to_vec(),
        };
        let pos = |x: usize| versions.iter().position(|&v| v == x);
        let (a, b) = match (self.screen, self.marked.and_then(|m| Some((m, pos(m)?)))) {
            (Screen::Versions, Some((m, pm))) if m != i => match pos(i) {
                Some(pi) if pi < pm => (i, m),
                _ => (m, i),
            },
            (Screen::Versions, _) => match pos(i) {
                Some(0) if versions.len() > 1 => (i, versions[1]),
                Some(p) if p > 0 => (versions[p - 1], i),
                _ => return self.one_version(),
            },
            _ if versions.len() > 1 => (versions[versions.len() - 2], versions[versions.len() - 1]),
            _ => return self.one_version(),
        };
        Request::Diff(self.articles[a].path.clone(), self.articles[b].path.clone())
    }

    fn one_version(&mut self) -> Request {
        self.message = Some("this article has one version: nothing to compare".into());
        Request::None
    }

    fn prompt_key(&mut self, kind: PromptKind, text: &mut String, key: Key) -> Request {
        match self.keymap.lookup(Context::Prompt, key) {
            Some(Action::Close) => {
                if kind == PromptKind::Filter {
                    // back to the filter as it was
                    self.refresh();
                    self.clamp();
                }
                return Request::None;
            }
            Some(Action::Confirm) => {
                return match kind {
                    PromptKind::Filter => Request::None,
                    PromptKind::Search => {
                        self.query = text.clone();
                        Request::Search(text.clone())
                    }
                };
            }
            Some(Action::DeleteBack) => {
                text.pop();
            }
            Some(Action::Quit) => return Request::Quit,
            _ => {
                if let KeyCode::Char(c) = key.code
                    && !key.mods.ctrl
                    && !key.mods.alt
                    && !c.is_control()
                {
                    text.push(c);
                }
            }
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
            Screen::Versions => match self.versions.get(i).and_then(|&v| self.articles.get(v)) {
                Some(a) => Request::Open(a.path.clone(), None),
                None => Request::None,
            },
            Screen::People => Request::None,
        }
    }

    /// Esc: back one list (quotes → people → articles, search and versions → articles), or
    /// clears the filter.
    fn back(&mut self) -> Request {
        match self.screen {
            Screen::Quotes => self.go(Screen::People),
            Screen::People | Screen::Search => self.go(Screen::Articles),
            Screen::Versions => {
                self.marked = None;
                self.go(Screen::Articles);
            }
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
