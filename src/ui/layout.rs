//! Where each region goes for a terminal size. The view draws into these
//! areas, and hands the model what it needs of them as data: the room each
//! pane has ([`viewport`](crate::ui::layout::viewport)) and what a mouse
//! event landed on ([`Areas::hit`](crate::ui::layout::Areas::hit)).

use ratatui::layout::{Position, Rect};

pub use crate::app::Focus;
use crate::app::{Hit, Viewport};

/// Smallest terminal the reader draws its panes on; below it the
/// "terminal too small" screen is shown (still with a helpline).
pub const MIN_WIDTH: u16 = 30;
/// Fewest lines the panes are drawn on (two borders, a few lines of text, the status bar).
pub const MIN_HEIGHT: u16 = 8;
/// Below this width one pane is shown at a time (Tab switches).
pub const SPLIT_WIDTH: u16 = 60;
/// The sidebar's narrowest width when both panes are shown.
pub const SIDEBAR_MIN: u16 = 24;

/// The regions of one frame. A pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Everything above the status bar (overlays are drawn inside it).
    pub main: Rect,
    /// The left pane, with its border.
    pub sidebar: Option<Rect>,
    /// The right pane, with its border.
    pub reader: Option<Rect>,
    /// The bottom line, always present when the height allows.
    pub status: Rect,
    /// Draw the "terminal too small" screen instead of the panes.
    pub too_small: bool,
}

/// The regions for a `width`×`height` terminal with `focus` in a pane.
pub fn areas(width: u16, height: u16, focus: Focus) -> Areas {
    let full = Rect::new(0, 0, width, height);
    let status = Rect::new(0, height.saturating_sub(1), width, height.min(1));
    let main = Rect::new(0, 0, width, height.saturating_sub(1));
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas { main: full, sidebar: None, reader: None, status, too_small: true };
    }
    if width < SPLIT_WIDTH {
        let (sidebar, reader) = match focus {
            Focus::Sidebar => (Some(main), None),
            Focus::Reader => (None, Some(main)),
        };
        return Areas { main, sidebar, reader, status, too_small: false };
    }
    let sidebar_width = (width / 3).max(SIDEBAR_MIN);
    let sidebar = Rect::new(0, 0, sidebar_width, main.height);
    let reader = Rect::new(sidebar_width, 0, width - sidebar_width, main.height);
    Areas { main, sidebar: Some(sidebar), reader: Some(reader), status, too_small: false }
}

impl Areas {
    /// What a mouse event at (`column`, `row`) landed on in this frame.
    pub fn hit(&self, column: u16, row: u16) -> Hit {
        let position = Position::new(column, row);
        if let Some(sidebar) = self.sidebar.filter(|a| a.contains(position)) {
            let inside = inner(sidebar);
            return Hit::Sidebar(inside.contains(position).then(|| usize::from(row - inside.y)));
        }
        if self.reader.is_some_and(|a| a.contains(position)) { Hit::Reader } else { Hit::Elsewhere }
    }
}

/// The room each pane has inside its border for a `width`×`height`
/// terminal, as the model needs it: the list's rows when it is shown, and
/// the reader's columns and rows when it is shown (on a narrow screen one
/// pane at a time, so each is measured as if it had the focus).
pub fn viewport(width: u16, height: u16) -> Viewport {
    let sidebar = areas(width, height, Focus::Sidebar).sidebar.map(inner);
    let reader = areas(width, height, Focus::Reader).reader.map(inner);
    Viewport {
        sidebar_rows: sidebar.map_or(1, |a| usize::from(a.height).max(1)),
        page_width: reader.map_or(0, |a| usize::from(a.width)),
        page_rows: reader.map_or(1, |a| usize::from(a.height).max(1)),
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidebar_takes_a_third_but_at_least_24_columns() {
        let a = areas(100, 30, Focus::Sidebar);
        assert_eq!(a.sidebar.unwrap().width, 33);
        assert_eq!(a.reader.unwrap().width, 67);
        assert_eq!(areas(60, 20, Focus::Sidebar).sidebar.unwrap().width, 24);
        assert_eq!(a.status, Rect::new(0, 29, 100, 1));
    }

    #[test]
    fn narrow_screens_show_the_focused_pane_only() {
        let a = areas(40, 12, Focus::Reader);
        assert!(a.sidebar.is_none());
        assert_eq!(a.reader.unwrap().width, 40);
    }

    #[test]
    fn tiny_screens_are_too_small_without_underflow() {
        for (w, h) in [(0, 0), (1, 1), (20, 5), (29, 30), (100, 7)] {
            assert!(areas(w, h, Focus::Sidebar).too_small, "{w}x{h}");
        }
    }
}
