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
/// From this width the sidebar widens to fit its names (up to
/// [`SIDEBAR_WIDE_PERCENT`] of the screen), so they are not cut.
pub const WIDE_WIDTH: u16 = 110;
/// The most of a wide screen the sidebar takes.
pub const SIDEBAR_WIDE_PERCENT: u16 = 45;

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
    areas_for(width, height, focus, 0)
}

/// [`areas`] with a list whose rows need `wanted` columns (see
/// [`crate::app::Sidebar::widest`]): on a wide screen it gets them.
pub fn areas_for(width: u16, height: u16, focus: Focus, wanted: usize) -> Areas {
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
    let mut sidebar_width = (width / 3).max(SIDEBAR_MIN);
    if width >= WIDE_WIDTH {
        let most = u32::from(width) * u32::from(SIDEBAR_WIDE_PERCENT) / 100;
        let wanted = u32::try_from(wanted).unwrap_or(u32::MAX).saturating_add(2);
        sidebar_width = sidebar_width.max(u16::try_from(wanted.min(most)).unwrap_or(sidebar_width));
    }
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
    viewport_for(width, height, 0)
}

/// [`viewport`] with a list whose rows need `wanted` columns.
pub fn viewport_for(width: u16, height: u16, wanted: usize) -> Viewport {
    let sidebar = areas_for(width, height, Focus::Sidebar, wanted).sidebar.map(inner);
    let reader = areas_for(width, height, Focus::Reader, wanted).reader.map(inner);
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

    /// At 120 columns the list widens so "Buckinghamshire Safeguarding
    /// Children Board (2)" is not cut, within 45% of the screen; below
    /// 110 columns it keeps its third.
    #[test]
    fn the_sidebar_widens_for_its_names_on_wide_screens() {
        let wanted = 2 + "Buckinghamshire Safeguarding Children Board (2)".len();
        assert_eq!(areas_for(120, 40, Focus::Sidebar, wanted).sidebar.unwrap().width, wanted as u16 + 2);
        assert_eq!(areas_for(120, 40, Focus::Sidebar, 200).sidebar.unwrap().width, 54, "at most 45%");
        assert_eq!(areas_for(120, 40, Focus::Sidebar, 10).sidebar.unwrap().width, 40, "never below a third");
        assert_eq!(areas_for(100, 30, Focus::Sidebar, wanted).sidebar.unwrap().width, 33);
        let viewport = viewport_for(120, 40, wanted);
        assert_eq!(viewport.page_width, usize::from(120 - (wanted as u16 + 2) - 2));
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
