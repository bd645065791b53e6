//! Where everything goes on the screen for a terminal size: the article pane and its text
//! column, the status bar, and the sidebar (docked beside the article on wide terminals, over
//! it on narrow ones) with its three boxes.

use crate::config::{Config, Side};
use crate::tui::state::{Areas, MIN_SIZE, SidebarState};
use ratatui::layout::Rect;

/// The screen areas for a terminal of `size` with the sidebar in `sidebar`'s state.
pub fn areas(size: (u16, u16), config: &Config, sidebar: &SidebarState) -> Areas {
    let (w, h) = size;
    let fits = w >= MIN_SIZE.0 && h >= MIN_SIZE.1;
    let body = Rect::new(0, 0, w, h.saturating_sub(1));
    let status = Rect::new(0, h.saturating_sub(1), w, h.min(1));
    let sc = &config.sidebar;
    let wide = w >= sc.min_total_width;
    let docked = fits && wide && sidebar.docked_open;
    let overlay = fits && !wide && sidebar.overlay_open;
    let mut article = body;
    let mut bar = None;
    if docked {
        let sw = sc.width.min(w / 2);
        article.width = w - sw;
        let sx = match sc.side {
            Side::Left => {
                article.x = sw;
                0
            }
            Side::Right => w - sw,
        };
        bar = Some(Rect::new(sx, 0, sw, body.height));
    } else if overlay {
        let sw = sc.width.max(w * 3 / 5).min(w);
        let sx = match sc.side {
            Side::Left => 0,
            Side::Right => w - sw,
        };
        bar = Some(Rect::new(sx, 0, sw, body.height));
    }
    let (summary, speakers, claims) = bar.map(sidebar_boxes).unwrap_or_default();
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
        summary,
        speakers,
        claims,
    }
}

/// The sidebar's three boxes inside its area: the sourcing summary (left out when the
/// sidebar is short), the speakers and the claims.
pub fn sidebar_boxes(sb: Rect) -> (Rect, Rect, Rect) {
    let mut summary = Rect::default();
    let mut y = sb.y;
    let mut rest = sb.height;
    if rest >= 18 {
        summary = Rect::new(sb.x, y, sb.width, 6);
        y += 6;
        rest -= 6;
    }
    let sh = (rest * 9 / 20).max(rest.min(3));
    let speakers = Rect::new(sb.x, y, sb.width, sh);
    let claims = Rect::new(sb.x, y + sh, sb.width, rest - sh);
    (summary, speakers, claims)
}
