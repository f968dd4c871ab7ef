//! The reader's hot paths at 200×60 (issue "Fast at any size"): one frame at
//! the top, middle and end of a ~10 MB document and for the seed; wrapping
//! the 10 MB document at 120 columns all at once (the old resize) and
//! counting its rows (the lazy wrap's background work, in all and per
//! event-loop tick); a resize from its event to the first frame; keys with
//! a frame while rows are still being counted; and 1,000 scroll keypresses
//! through `update` (with and without drawing a frame after each). The 10 MB document comes from the deterministic
//! generator, written to a temporary folder and read as voices reads files:
//! real text (the eval articles beside the project, recombined and renamed)
//! when they are there, else the seed recombination; the first line printed
//! says which.
//!
//!     cargo bench --bench frame

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use voices::app::{Action, App};
use voices::content::{Pos, Wrapped, wrap_all};
use voices::corpus::{Corpus, Filter};
use voices::documents::Source;
use voices::loading::build_corpus;
use voices::ui::layout::viewport;
use voices::ui::theme::Theme;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const BIG_BYTES: usize = 10 * 1024 * 1024;
/// The event loop's slice of row counting (`tui::WRAP_SLICE`).
const SLICE: std::time::Duration = std::time::Duration::from_millis(4);

fn seed() -> Corpus {
    build_corpus(&[Source::Embedded], &mut std::io::empty())
}

/// The generator's ~10 MB single document (a pasted archive of real
/// articles, or a long review report recombined from the seed).
fn big() -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("single.txt");
    std::fs::write(&path, corpus_gen::Text::find().single_document(BIG_BYTES, 7)).unwrap();
    build_corpus(&[Source::Path(path)], &mut std::io::empty())
}

/// A frame as the event loop draws one: the model sized for the
/// terminal, the frame drawn from `&App`, the overlay's scroll limit handed back.
fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    let size = terminal.size().unwrap();
    app.update(Action::Resize(viewport(size.width, size.height)));
    let mut drawn = None;
    terminal.draw(|frame| drawn = Some(voices::ui::draw(frame, app, theme))).unwrap();
    app.fit_overlay(drawn.and_then(|d| d.overlay_max_scroll));
}

/// An app at 200×60 with the first document open and the reader focused.
fn reader(corpus: Corpus, theme: &Theme) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(corpus, Filter::default(), viewport(WIDTH, HEIGHT));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    app.update(Action::FocusNext);
    frame(&mut terminal, &mut app, theme);
    (app, terminal)
}

fn frames(c: &mut Criterion) {
    let theme = Theme::colour();
    let (mut app, mut terminal) = reader(seed(), &theme);
    c.bench_function("frame 200x60 seed", |b| b.iter(|| frame(&mut terminal, black_box(&mut app), &theme)));

    let corpus = big();
    let (mut app, mut terminal) = reader(corpus.clone(), &theme);
    let blocks = app.page().content().blocks.len();
    for (name, block) in [("top", 0), ("middle", blocks / 2), ("end", blocks.saturating_sub(1))] {
        app.jump_to(Pos { block, row: 0 });
        c.bench_function(&format!("frame 200x60 10MB document {name}"), |b| {
            b.iter(|| frame(&mut terminal, black_box(&mut app), &theme))
        });
    }
    big_document(c, &corpus, &mut app, &mut terminal, &theme);
}

/// Wrapping, measuring, scrolling, resizing and opening the 10 MB document.
fn big_document(
    c: &mut Criterion,
    corpus: &Corpus,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    theme: &Theme,
) {
    let mut group = c.benchmark_group("10MB document");
    group.sample_size(10);
    // The whole document wrapped at once: what every resize cost before
    // wrapping became lazy, and the reference the lazy wrap is tested against.
    group.bench_function("wrap at 120 columns (all at once)", |b| {
        b.iter(|| wrap_all(black_box(app.page().content()), 120).len())
    });
    // Counting every row at 120 columns, as the event loop does in slices
    // after a resize: the CPU the background work costs in all.
    group.bench_function("measure all rows at 120 columns", |b| {
        b.iter(|| Wrapped::full(black_box(app.page().content()), 120).total_rows())
    });
    // One event-loop tick while rows are being counted: the longest a key
    // waits for the slice in front of it.
    group.bench_function("one tick of row counting (4 ms slice)", |b| {
        b.iter_batched(
            || Wrapped::new(app.page().content(), 120),
            |mut wrapped| {
                wrapped.measure(app.page().content(), Some(SLICE));
                wrapped
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("1000 scroll keypresses (update only)", |b| {
        b.iter(|| {
            app.jump_to(Pos::TOP);
            for _ in 0..1000 {
                app.update(Action::Down);
            }
            app.page().top()
        })
    });
    group.bench_function("1000 scroll keypresses, a frame after each", |b| {
        b.iter(|| {
            app.jump_to(Pos::TOP);
            for _ in 0..1000 {
                app.update(Action::Down);
                frame(terminal, app, theme);
            }
            app.page().top()
        })
    });
    fresh_views(&mut group, corpus, terminal, theme);
    group.finish();
}

/// Each from a new app: a resize in the middle of the document, opening it,
/// and keys while its rows are still being counted.
fn fresh_views(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    corpus: &Corpus,
    terminal: &mut Terminal<TestBackend>,
    theme: &Theme,
) {
    // From the resize event to the first frame drawn at the new size, in
    // the middle of the document (nothing measured at the new width yet).
    let middle = |(width, height): (u16, u16)| {
        let mut app = App::new(corpus.clone(), Filter::default(), viewport(width, height));
        app.update(Action::FocusNext);
        app.jump_to(Pos { block: app.page().content().blocks.len() / 2, row: 0 });
        app
    };
    group.bench_function("resize 80x24 to 200x60 in the middle: event to first frame", |b| {
        b.iter_batched(
            || middle((80, 24)),
            |mut app| {
                app.update(Action::Resize(viewport(WIDTH, HEIGHT)));
                frame(terminal, &mut app, theme);
                app
            },
            BatchSize::LargeInput,
        )
    });
    // Opening the document (Enter on its row): its blocks are built (a copy
    // of every paragraph, the statements marked) and the first frame drawn;
    // nothing is wrapped beyond the screen.
    group.bench_function("open the document: Enter to first frame", |b| {
        b.iter_batched(
            || {
                let mut app = App::new(corpus.clone(), Filter::default(), viewport(WIDTH, HEIGHT));
                app.open_view(voices::app::View::Nothing);
                app
            },
            |mut app| {
                app.open_selected();
                frame(terminal, &mut app, theme);
                app
            },
            BatchSize::LargeInput,
        )
    });
    // A keypress and its frame while the rows are still being counted
    // (right after a resize): page down, then G.
    group.bench_function("PgDn and G with a frame each, rows not yet counted", |b| {
        b.iter_batched(
            || {
                let mut app = middle((80, 24));
                app.update(Action::Resize(viewport(WIDTH, HEIGHT)));
                app
            },
            |mut app| {
                for action in [Action::PageDown, Action::Bottom] {
                    app.update(action);
                    frame(terminal, &mut app, theme);
                }
                assert!(app.page().wrapping());
                app
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = frames
}
criterion_main!(benches);
