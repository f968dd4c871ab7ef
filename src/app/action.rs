//! What the model can be told, and what it answers: the messages of the
//! Elm architecture. Keys (through the key table), the mouse (through the
//! view's layout) and the terminal all become an [`Action`], so
//! [`super::App::update`] can be tested without a terminal.

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of documents and speakers, on the left.
    Sidebar,
    /// The text, on the right.
    Reader,
}

/// Which keys are live: a prompt takes letters as text, the help takes only
/// its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: the panes take the keys.
    Normal,
    /// The help overlay.
    Help,
    /// The search prompt.
    Search,
    /// The speaker picker.
    Picker,
    /// The content note shown before any article text.
    ContentNote,
    /// The list of files with problems (`w`); takes the help's keys.
    Problems,
    /// The support screen: every helpline, who it is for, its hours; takes
    /// the help's keys.
    Support,
    /// After `:` in the panes: `n` or `p` finishes a less-style command
    /// (`:n`, `:p`), Esc cancels it.
    Command,
}

impl Mode {
    /// Every mode.
    pub const ALL: [Mode; 8] = [
        Mode::Normal,
        Mode::Help,
        Mode::Search,
        Mode::Picker,
        Mode::ContentNote,
        Mode::Problems,
        Mode::Support,
        Mode::Command,
    ];
}

/// The room the view gives each pane, in cells inside the pane's border:
/// all the model needs of the layout (page sizes and the wrap width). The
/// view measures it for a terminal size (`ui::layout::viewport`) and the
/// event loop hands it over with [`Action::Resize`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Rows the list shows.
    pub sidebar_rows: usize,
    /// Columns of the reader pane (gutter, text and margin).
    pub page_width: usize,
    /// Rows the reader pane shows.
    pub page_rows: usize,
}

/// Where a mouse event landed, as the view's layout tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The list pane: `Some(n)` is the n-th row shown (from the first row
    /// on screen), `None` its border.
    Sidebar(Option<usize>),
    /// The reader pane.
    Reader,
    /// Neither pane (the status bar, an overlay's frame, nothing).
    Elsewhere,
}

/// Everything the reader can be asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Tab: move focus from the sidebar to the reader or back.
    FocusNext,
    /// Shift-Tab: the same, the other way round (there are two panes).
    FocusPrev,
    /// h / ←: collapse a sidebar group, or step up to its parent.
    Collapse,
    /// l / →: expand a sidebar group, or step into it.
    Expand,
    /// One line or row down.
    Down,
    /// One line or row up.
    Up,
    /// The text one line down, whatever has focus (e, Ctrl-E).
    LineDown,
    /// The text one line up, whatever has focus (y, Ctrl-Y).
    LineUp,
    /// The text one page down, whatever has focus (in an overlay: it).
    PageDown,
    /// The text one page up (in an overlay: it).
    PageUp,
    /// The text half a page down.
    HalfDown,
    /// The text half a page up.
    HalfUp,
    /// To the top.
    Top,
    /// To the end.
    Bottom,
    /// Enter: open the selected row (or, in a speaker view, the current statement in its article).
    Open,
    /// Backspace or `'`: back to where the reader was before the last
    /// statement, speaker or document opened.
    Back,
    /// Forward again to where Back left (`` ` ``).
    Forward,
    /// The next statement in the page.
    NextStatement,
    /// The previous statement in the page.
    PrevStatement,
    /// The next statement by the same speaker, in any document.
    NextBySpeaker,
    /// The previous statement by the same speaker, in any document.
    PrevBySpeaker,
    /// Start typing a search.
    Search,
    /// The next search hit.
    NextMatch,
    /// The previous search hit.
    PrevMatch,
    /// `&`: the list shows only the documents the text search found, or
    /// every document again.
    ShowFound,
    /// Outside a prompt: clear the search highlights or the list's filter.
    ClearSearch,
    /// Open the speaker picker.
    PickSpeaker,
    /// Show every speaker again.
    ClearFilter,
    /// Open or close the help.
    Help,
    /// Open or close the list of files that could not be read as they
    /// are, so a skipped file is never silently missing.
    Problems,
    /// Open or close the support screen: every helpline with who it is for
    /// and its hours, for readers who are not the children most lines serve.
    Support,
    /// The next document in the list (or the first after the last).
    NextDocument,
    /// The previous document in the list.
    PrevDocument,
    /// `:` — the start of a less-style command (`:n`, `:p`); the next key
    /// finishes it.
    Colon,
    /// Leave normally, leaving the terminal as it was.
    Quit,
    /// Leave at once and clear the screen, for a reader who must hide what
    /// they were reading.
    QuickExit,
    /// A character typed into the search prompt or the speaker picker.
    Input(char),
    /// Text pasted into the search prompt or the speaker picker, as one
    /// event (bracketed paste), already made one clean line.
    Paste(String),
    /// Delete the last character typed.
    Backspace,
    /// Enter inside a prompt.
    Submit,
    /// Esc inside a prompt or the help: close it without changing anything.
    Cancel,
    /// The mouse wheel over a spot; `down` scrolls towards the end.
    Wheel {
        /// What the pointer is over.
        hit: Hit,
        /// Towards the end.
        down: bool,
    },
    /// A left click on a spot.
    Click(Hit),
    /// The terminal changed size: the room each pane has now.
    Resize(Viewport),
}

/// What the event loop should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Wait for the next event.
    Continue,
    /// Restore the terminal and exit normally.
    Quit,
    /// Restore the terminal, clear what was shown, and exit at once.
    QuickExit,
}
