//! Drawing the library view: a title line, the list of the screen shown (articles, the
//! speakers index, a person's quotes, search results), and a status line with the
//! indexing progress, the sort, the filter and the keys. Text from articles and file
//! names goes through [`crate::printable`] so no control character reaches the terminal.

use super::view::{LibraryView, PromptKind, Screen, slot};
use crate::keymap::Action;
use crate::library::search::{MARK_END, MARK_START};
use crate::library::versions::modified;
use crate::printable::printable;
use crate::tui::widgets::help::{Help, library_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, Widget};

fn clean(s: &str) -> String {
    printable(s).into_owned()
}

/// Draws the view into `area`; records in `view.height` how many rows the list shows.
pub fn draw(view: &mut LibraryView, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        Paragraph::new("too small").render(area, buf);
        return;
    }
    let title_area = Rect { height: 1, ..area };
    let list_area = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let status_area = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    // header row takes one line of the list
    view.height = usize::from(list_area.height.saturating_sub(1)).max(1);
    view.clamp();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let heading = match view.screen {
        Screen::Articles => {
            let mut h = format!(
                "Library · {} · {} of {} articles",
                clean(&view.root.display().to_string()),
                view.rows.len(),
                view.story_count()
            );
            if view.story_count() < view.articles.len() {
                h.push_str(&format!(" ({} files)", view.articles.len()));
            }
            h
        }
        Screen::People => format!("Speakers across the library · {}", view.people.len()),
        Screen::Quotes => format!(
            "{} · {} quotes and claims",
            clean(view.person.as_deref().unwrap_or("")),
            view.quotes.len()
        ),
        Screen::Search => format!(
            "Search '{}' · {} results",
            clean(&view.query),
            view.hits.len()
        ),
        Screen::Versions => {
            let latest = view.versions.last().and_then(|&i| view.articles.get(i));
            format!(
                "Versions of '{}' · {}",
                clean(latest.map_or("", |a| a.title.as_str())),
                view.versions.len()
            )
        }
    };
    Paragraph::new(Line::styled(heading, bold)).render(title_area, buf);
    match view.screen {
        Screen::Articles => articles(view, list_area, buf),
        Screen::People => people(view, list_area, buf),
        Screen::Quotes => quotes(view, list_area, buf),
        Screen::Search => hits(view, list_area, buf),
        Screen::Versions => versions(view, list_area, buf),
    }
    status(view, status_area, buf);
    if let Some(scroll) = view.help.as_mut() {
        let rows = library_rows(&view.keymap);
        Help {
            rows: &rows,
            styles: &view.styles,
        }
        .render(area, buf, scroll);
    }
}

fn table<'a>(
    view: &LibraryView,
    header: Vec<&'a str>,
    widths: Vec<Constraint>,
    rows: Vec<Row<'a>>,
    area: Rect,
    buf: &mut Buffer,
) {
    let cursor = view.cursor();
    let first = view.offset[slot(view.screen)];
    let rows: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .skip(first)
        .take(view.height)
        .map(|(i, r)| {
            if i == cursor {
                r.style(Style::default().add_modifier(Modifier::REVERSED))
            } else {
                r
            }
        })
        .collect();
    let header = Row::new(header).style(Style::default().add_modifier(Modifier::UNDERLINED));
    Widget::render(
        Table::new(rows, widths).header(header).column_spacing(1),
        area,
        buf,
    );
}

fn articles(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let first = view.offset[0];
    let rows: Vec<Row> = view
        .rows
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            if n < first || n >= first + view.height {
                return Row::new(Vec::<Cell>::new());
            }
            let a = &view.articles[i];
            Row::new(vec![
                Cell::from(clean(&a.title)),
                Cell::from(clean(a.publication.as_deref().unwrap_or("–"))),
                Cell::from(a.date.clone().unwrap_or_else(|| "–".into())),
                Cell::from(format!("{:>3}", a.quotes)),
                Cell::from(format!("{:>3}", a.speakers)),
                Cell::from(
                    a.unnamed_share()
                        .map_or_else(|| "  –".into(), |s| format!("{:>3.0}%", s * 100.0)),
                ),
                Cell::from(format!("{:>3}", a.highlights)),
                Cell::from(a.read.map_or_else(|| "  –".into(), |r| format!("{r:>3}%"))),
                Cell::from(match view.version_count(i) {
                    1 => "  ".to_string(),
                    n => format!("{n:>2}"),
                }),
            ])
        })
        .collect();
    table(
        view,
        vec![
            "Title",
            "Publication",
            "Date",
            "Quo",
            "Spk",
            "Unnamed",
            "Hl",
            "Read",
            "Ve",
        ],
        vec![
            Constraint::Fill(3),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(7),
            Constraint::Length(3),
            Constraint::Length(4),
            Constraint::Length(2),
        ],
        rows,
        area,
        buf,
    );
}

fn versions(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let rows: Vec<Row> = view
        .versions
        .iter()
        .map(|&i| {
            let a = &view.articles[i];
            let mark = if view.marked == Some(i) { "*" } else { " " };
            let name = a
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let when = modified(a.mtime);
            Row::new(vec![
                Cell::from(mark),
                Cell::from(a.date.clone().unwrap_or_else(|| "–".into())),
                Cell::from(when.get(..16).unwrap_or(&when).replace('T', " ")),
                Cell::from(clean(&a.title)),
                Cell::from(format!("{:>3}", a.quotes)),
                Cell::from(format!("{:>3}", a.speakers)),
                Cell::from(clean(&name)),
            ])
        })
        .collect();
    table(
        view,
        vec!["", "Date", "Saved (UTC)", "Title", "Quo", "Spk", "File"],
        vec![
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(16),
            Constraint::Fill(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Fill(1),
        ],
        rows,
        area,
        buf,
    );
}

fn people(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let rows: Vec<Row> = view
        .people
        .iter()
        .map(|p| {
            let also: Vec<String> = p.variants.iter().skip(1).map(|v| clean(v)).collect();
            Row::new(vec![
                Cell::from(clean(&p.name)),
                Cell::from(p.kind.clone()),
                Cell::from(format!("{:>4}", p.articles)),
                Cell::from(format!("{:>4}", p.quotes)),
                Cell::from(format!("{:>4}", p.claims)),
                Cell::from(also.join("; ")),
            ])
        })
        .collect();
    table(
        view,
        vec!["Name", "Kind", "Arts", "Quo", "Clm", "Also named"],
        vec![
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Fill(2),
        ],
        rows,
        area,
        buf,
    );
}

fn quotes(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let rows: Vec<Row> = view
        .quotes
        .iter()
        .map(|q| {
            Row::new(vec![
                Cell::from(q.date.clone().unwrap_or_else(|| "–".into())),
                Cell::from(clean(&q.title)),
                Cell::from(q.kind.clone()),
                Cell::from(clean(&q.text)),
            ])
        })
        .collect();
    table(
        view,
        vec!["Date", "Article", "Kind", "Said"],
        vec![
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Fill(2),
        ],
        rows,
        area,
        buf,
    );
}

fn hits(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let rows: Vec<Row> = view
        .hits
        .iter()
        .map(|h| {
            let mut spans = Vec::new();
            let mut inside = false;
            for piece in h.snippet.split([MARK_START, MARK_END]) {
                let style = if inside {
                    Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                } else {
                    Style::default()
                };
                spans.push(Span::styled(clean(piece), style));
                inside = !inside;
            }
            Row::new(vec![
                Cell::from(h.date.clone().unwrap_or_else(|| "–".into())),
                Cell::from(clean(&h.title)),
                Cell::from(Line::from(spans)),
            ])
        })
        .collect();
    table(
        view,
        vec!["Date", "Article", "Match"],
        vec![
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Fill(2),
        ],
        rows,
        area,
        buf,
    );
}

fn status(view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let style = Style::default().add_modifier(Modifier::REVERSED);
    let text = if let Some((kind, text)) = &view.prompt {
        let label = match kind {
            PromptKind::Filter => "filter (words, publication:NAME, from:DATE, to:DATE)",
            PromptKind::Search => "search (words, \"phrase\", speaker:, kind:, publication:)",
        };
        format!("{label}: {}▏", clean(text))
    } else {
        let mut parts = Vec::new();
        if let Some(p) = view.progress {
            parts.push(format!("indexing {}/{}", p.done, p.total));
        }
        if let Some(m) = &view.message {
            parts.push(clean(m));
        }
        let k = |a: Action| view.key_for(a);
        match view.screen {
            Screen::Articles => {
                parts.push(format!(
                    "sorted by {}{}",
                    view.sort.name(),
                    if view.reversed { " (reversed)" } else { "" }
                ));
                if !view.filter.is_empty() {
                    parts.push(format!("filter '{}'", clean(&view.filter)));
                }
                parts.push(format!(
                    "{} open · {} sort · {} filter · {} search · {} speakers · {} versions · {} help · {} quit",
                    k(Action::Select),
                    k(Action::NextSort),
                    k(Action::FilterList),
                    k(Action::Search),
                    k(Action::ShowPeople),
                    k(Action::ShowVersions),
                    k(Action::ToggleHelp),
                    k(Action::Quit)
                ));
            }
            Screen::People => parts.push(format!(
                "{} their quotes · {} back · {} search · {} quit",
                k(Action::Select),
                k(Action::Close),
                k(Action::Search),
                k(Action::Quit)
            )),
            Screen::Quotes | Screen::Search => parts.push(format!(
                "{} open at this place · {} versions · {} back · {} quit",
                k(Action::Select),
                k(Action::ShowVersions),
                k(Action::Close),
                k(Action::Quit)
            )),
            Screen::Versions => parts.push(format!(
                "{} open · {} mark · {} compare with {} · {} back · {} quit",
                k(Action::Select),
                k(Action::MarkVersion),
                k(Action::CompareVersions),
                if view.marked.is_some() {
                    "the marked"
                } else {
                    "the previous"
                },
                k(Action::Close),
                k(Action::Quit)
            )),
        }
        parts.join(" · ")
    };
    buf.set_style(area, style);
    Paragraph::new(Line::styled(text, style)).render(area, buf);
}
