//! Named styles. Every region draws with these names, so the monochrome
//! theme (NO_COLOR, `--color never`) only has to say how each is marked
//! without colour: reverse, bold, underline.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the reader. Plain text keeps the terminal's own colours
/// (`Color::Reset`); colour is only an extra cue, never the only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Text, and everything else without a style of its own.
    pub base: Style,
    /// An unfocused pane's border.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// Titles, and what is open.
    pub title: Style,
    /// Headings in the help and above a statement.
    pub heading: Style,
    /// Source and date lines, notes.
    pub meta: Style,
    /// The selected sidebar row in the focused pane.
    pub selected: Style,
    /// The selected sidebar row while the reader has focus.
    pub selected_unfocused: Style,
    /// Text of a statement that is not highlighted.
    pub statement: Style,
    /// The statement opened or reached with `]`.
    pub current_statement: Style,
    /// A search hit.
    pub search_match: Style,
    /// The search hit last moved to.
    pub current_match: Style,
    /// The status bar.
    pub status: Style,
    /// The helpline in the status bar.
    pub helpline: Style,
    /// A key in a status-bar hint.
    pub hint_key: Style,
    /// A note in the status bar.
    pub message: Style,
    /// The scrollbar's track.
    pub scrollbar: Style,
    /// The scrollbar's thumb.
    pub scrollbar_thumb: Style,
    /// Gutter labels, one colour per speaker, cycled.
    pub speakers: Vec<Style>,
    /// Laid over a speaker's style for its gutter label, so the label is
    /// quieter than the text beside it.
    pub gutter: Style,
}

/// The highlighted statement's background: pale blue (xterm 153).
const SOFT_BLUE: Color = Color::Indexed(153);
/// The current search hit's background: pale green (xterm 151).
const SOFT_GREEN: Color = Color::Indexed(151);

impl Theme {
    /// Colours on top of the terminal's default foreground and background.
    pub fn colour() -> Theme {
        let reset = Style::new().fg(Color::Reset).bg(Color::Reset);
        Theme {
            base: reset,
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            meta: Style::new().add_modifier(Modifier::ITALIC),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            statement: Style::new().fg(Color::Cyan),
            // Calm: a soft background (pale blue, pale green) with dark
            // text on it, readable on light and dark terminals alike; no
            // bright yellow.
            current_statement: Style::new().fg(Color::Black).bg(SOFT_BLUE),
            search_match: Style::new().add_modifier(Modifier::REVERSED),
            current_match: Style::new().fg(Color::Black).bg(SOFT_GREEN).add_modifier(Modifier::BOLD),
            status: reset,
            helpline: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            hint_key: Style::new().add_modifier(Modifier::BOLD),
            message: Style::new().fg(Color::Yellow),
            scrollbar: Style::new().fg(Color::DarkGray),
            scrollbar_thumb: Style::new().fg(Color::Reset),
            speakers: [Color::Cyan, Color::Magenta, Color::Green, Color::Yellow, Color::Blue, Color::Red]
                .into_iter()
                .map(|c| Style::new().fg(c).add_modifier(Modifier::BOLD))
                .collect(),
            gutter: Style::new().remove_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: selection and highlights by reverse, bold, underline.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            base: plain,
            border: plain,
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            meta: plain,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            statement: plain,
            current_statement: Style::new().add_modifier(Modifier::REVERSED),
            search_match: Style::new().add_modifier(Modifier::UNDERLINED),
            current_match: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            status: plain,
            helpline: Style::new().add_modifier(Modifier::BOLD),
            hint_key: Style::new().add_modifier(Modifier::BOLD),
            message: plain,
            scrollbar: plain,
            scrollbar_thumb: Style::new().add_modifier(Modifier::BOLD),
            speakers: vec![Style::new().add_modifier(Modifier::BOLD)],
            gutter: Style::new().remove_modifier(Modifier::BOLD).add_modifier(Modifier::DIM),
        }
    }

    /// The theme for a `--color` choice and the `NO_COLOR` variable's value.
    pub fn choose(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>) -> Theme {
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        match choice {
            ColorChoice::Always => Theme::colour(),
            ColorChoice::Never => Theme::monochrome(),
            ColorChoice::Auto if no_color => Theme::monochrome(),
            ColorChoice::Auto => Theme::colour(),
        }
    }

    /// The gutter style of the n-th speaker.
    pub fn speaker(&self, index: Option<usize>) -> Style {
        match index {
            Some(i) => self.speakers[i % self.speakers.len()],
            None => self.meta,
        }
    }
}

/// `--color`: whether to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    #[default]
    Auto,
    // No doc comments on these two: clap would print them in --help, which
    // lists them as they are.
    #[allow(missing_docs)]
    Always,
    #[allow(missing_docs)]
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_only_counts_when_set_to_something() {
        assert_eq!(Theme::choose(ColorChoice::Auto, Some("1".as_ref())), Theme::monochrome());
        assert_eq!(Theme::choose(ColorChoice::Auto, Some("".as_ref())), Theme::colour());
        assert_eq!(Theme::choose(ColorChoice::Auto, None), Theme::colour());
        assert_eq!(Theme::choose(ColorChoice::Always, Some("1".as_ref())), Theme::colour());
        assert_eq!(Theme::choose(ColorChoice::Never, None), Theme::monochrome());
    }

    /// No bright yellow or other glaring colour anywhere; the highlights are
    /// soft backgrounds with dark text on them.
    #[test]
    fn the_colour_theme_is_calm() {
        let theme = Theme::colour();
        let glaring = [Color::LightYellow, Color::LightRed, Color::LightGreen, Color::LightMagenta, Color::LightCyan];
        let mut styles = vec![
            theme.base,
            theme.border,
            theme.border_focused,
            theme.title,
            theme.heading,
            theme.meta,
            theme.selected,
            theme.selected_unfocused,
            theme.statement,
            theme.current_statement,
            theme.search_match,
            theme.current_match,
            theme.status,
            theme.helpline,
            theme.hint_key,
            theme.message,
            theme.scrollbar,
            theme.scrollbar_thumb,
        ];
        styles.extend(theme.speakers.iter().copied());
        for style in styles {
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(!glaring.contains(&colour), "{colour:?} in {style:?}");
            }
        }
        for highlight in [theme.current_statement, theme.current_match] {
            assert!(matches!(highlight.bg, Some(Color::Indexed(_))), "a soft background: {highlight:?}");
            assert_eq!(highlight.fg, Some(Color::Black), "dark text on it");
        }
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let theme = Theme::monochrome();
        for style in [theme.selected, theme.current_statement, theme.search_match, theme.helpline] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
            assert!(!style.add_modifier.is_empty());
        }
    }
}
