//! How long one frame takes to draw at 200×60, for the seed and for a
//! ~10 MB document made by repeating the seed's paragraphs. Wrapping is done
//! once per width and cached, so a frame should cost the same for both.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use voices::app::App;
use voices::corpus::{self, Loaded, Source};
use voices::index::Corpus;
use voices::keymap::Action;
use voices::speakers::Filter;
use voices::ui::theme::Theme;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const BIG_BYTES: usize = 10 * 1024 * 1024;

fn seed() -> Loaded {
    corpus::load(&[Source::Embedded], &mut std::io::empty())
}

/// The seed document with its paragraphs repeated to about 10 MB.
fn big() -> Loaded {
    let mut loaded = seed();
    let document = &mut loaded.documents[0];
    let base = document.paragraphs.clone();
    let mut size = 0;
    document.paragraphs.clear();
    for paragraph in base.iter().cycle() {
        if size >= BIG_BYTES {
            break;
        }
        size += paragraph.len();
        document.paragraphs.push(paragraph.clone());
    }
    loaded
}

fn bench_frame(c: &mut Criterion, name: &str, loaded: Loaded) {
    let corpus = Corpus::build(loaded);
    let mut app = App::new(corpus, Filter::default(), Theme::colour(), (WIDTH, HEIGHT));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    // Wrap once (as the first frame would), then scroll to the middle.
    terminal.draw(|frame| voices::ui::draw(frame, &mut app)).unwrap();
    app.update(Action::FocusNext);
    let lines = app.reader.wrapped.lines.len();
    app.reader.scroll = lines / 2;
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal.draw(|frame| voices::ui::draw(frame, black_box(&mut app))).unwrap();
        })
    });
}

fn frames(c: &mut Criterion) {
    bench_frame(c, "frame 200x60 seed", seed());
    bench_frame(c, "frame 200x60 10MB document", big());
    let corpus = Corpus::build(big());
    c.bench_function("resize to 200x60: re-wrap the 10MB document and draw", |b| {
        b.iter_batched(
            || App::new(corpus.clone(), Filter::default(), Theme::colour(), (80, 24)),
            |mut app| {
                let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                terminal.draw(|frame| voices::ui::draw(frame, &mut app)).unwrap();
            },
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = frames
}
criterion_main!(benches);
