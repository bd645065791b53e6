//! Where everything goes on the screen for a terminal size: the article pane and its text
//! column, the status bar, and the sidebar (docked beside the article on wide terminals, over
//! it on narrow ones) with its three boxes.

use crate::config::{Config, Side};
use crate::tui::sources::Sources;
use crate::tui::state::{Areas, MIN_SIZE, SidebarState};
use ratatui::layout::Rect;

/// The docked sidebar's width on a terminal `width` columns wide: `[sidebar] share` of it,
/// within `min_width`..=`max_width`, and no wider than leaves the article its whole measure
/// (the reading measure comes first). `None` when no sidebar of `min_width` fits beside the
/// measure: the sidebar is then drawn over the article.
///
/// ```
/// use hearsay::config::Config;
/// use hearsay::tui::layout::docked_width;
/// let c = Config::default(); // measure 80, share 30 %, 28 to 56 columns
/// assert_eq!(docked_width(100, &c), None); // the article keeps its 80 columns
/// assert_eq!(docked_width(120, &c), Some(36));
/// assert_eq!(docked_width(200, &c), Some(56));
/// ```
pub fn docked_width(width: u16, config: &Config) -> Option<u16> {
    let sc = &config.sidebar;
    if width < sc.min_total_width {
        return None;
    }
    let share = u16::try_from(u32::from(width) * u32::from(sc.share) / 100).unwrap_or(u16::MAX);
    let wanted = share.clamp(sc.min_width, sc.max_width.max(sc.min_width));
    // the article pane keeps the measure and a column of margin on each side
    let room = width.saturating_sub(config.measure.saturating_add(2));
    let w = wanted.min(room);
    (w >= sc.min_width && w > 0).then_some(w)
}

/// Whether the sidebar docks beside the article on a terminal `width` columns wide (see
/// [`docked_width`]).
pub fn docks(width: u16, config: &Config) -> bool {
    docked_width(width, config).is_some()
}

/// The sidebar's width when drawn over the article on a terminal `width` columns wide:
/// three fifths of it, within `min_width`..=`max_width` as the docked one, at most the
/// whole terminal.
///
/// ```
/// use hearsay::config::Config;
/// use hearsay::tui::layout::overlay_width;
/// let c = Config::default(); // 28 to 56 columns
/// assert_eq!(overlay_width(60, &c), 36);
/// assert_eq!(overlay_width(100, &c), 56);
/// assert_eq!(overlay_width(24, &c), 24);
/// ```
pub fn overlay_width(width: u16, config: &Config) -> u16 {
    let sc = &config.sidebar;
    (width * 3 / 5)
        .clamp(sc.min_width, sc.max_width.max(sc.min_width))
        .min(width)
}

/// The screen areas for a terminal of `size` with the sidebar in `sidebar`'s state,
/// showing `sources` (the sourcing summary's box is as tall as its lines).
pub fn areas(
    size: (u16, u16),
    config: &Config,
    sidebar: &SidebarState,
    sources: &Sources,
) -> Areas {
    let mut a = panes(size, config, sidebar);
    if let Some(bar) = a.sidebar {
        (a.summary, a.speakers, a.claims) = sidebar_boxes(bar, summary_rows(sources, bar));
    }
    a
}

/// Lines the sourcing summary takes in a sidebar of area `bar`.
pub fn summary_rows(sources: &Sources, bar: Rect) -> u16 {
    let n = sources.summary_lines(summary_width(bar)).len();
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Columns of text in the sourcing summary's box, in a sidebar of area `bar` (inside the
/// border, a column of padding on each side).
pub fn summary_width(bar: Rect) -> usize {
    usize::from(bar.width.saturating_sub(4)).max(1)
}

/// [`areas`] without the sidebar's boxes: where the article, the status bar and the
/// sidebar go.
pub fn panes(size: (u16, u16), config: &Config, sidebar: &SidebarState) -> Areas {
    let (w, h) = size;
    let fits = w >= MIN_SIZE.0 && h >= MIN_SIZE.1;
    let body = Rect::new(0, 0, w, h.saturating_sub(1));
    let status = Rect::new(0, h.saturating_sub(1), w, h.min(1));
    let docked_w = docked_width(w, config);
    let docked = fits && docked_w.is_some() && sidebar.docked_open;
    let overlay = fits && docked_w.is_none() && sidebar.overlay_open;
    let mut article = body;
    let mut bar = None;
    let left = config.sidebar.side == Side::Left;
    if let (true, Some(sw)) = (docked, docked_w) {
        article.width = w - sw;
        let sx = if left {
            article.x = sw;
            0
        } else {
            w - sw
        };
        bar = Some(Rect::new(sx, 0, sw, body.height));
    } else if overlay {
        let sw = overlay_width(w, config);
        let sx = if left { 0 } else { w - sw };
        bar = Some(Rect::new(sx, 0, sw, body.height));
    }
    let avail = article.width.saturating_sub(2).max(1);
    let tw = avail.min(config.measure).min(article.width);
    let x = article.x + (article.width - tw) / 2;
    Areas {
        screen: Rect::new(0, 0, w, h),
        article,
        text: Rect::new(x, article.y, tw, article.height),
        status,
        fits,
        sidebar: bar,
        overlay,
        ..Areas::default()
    }
}

/// The sidebar's three boxes inside its area: the sourcing summary, as tall as its
/// `summary` lines (at most a third of the sidebar; left out when the sidebar is short),
/// the speakers and the claims.
pub fn sidebar_boxes(sb: Rect, summary: u16) -> (Rect, Rect, Rect) {
    let mut summary_box = Rect::default();
    let mut y = sb.y;
    let mut rest = sb.height;
    if rest >= 18 {
        let h = summary.saturating_add(2).clamp(3, rest / 3);
        summary_box = Rect::new(sb.x, y, sb.width, h);
        y += h;
        rest -= h;
    }
    let sh = (rest * 9 / 20).max(rest.min(3));
    let speakers = Rect::new(sb.x, y, sb.width, sh);
    let claims = Rect::new(sb.x, y + sh, sb.width, rest - sh);
    (summary_box, speakers, claims)
}
