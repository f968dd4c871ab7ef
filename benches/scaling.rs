//! The `scaling` group (issue 15): each hostile shape at n and 2n, so a
//! cost that grows faster than its input shows as a ratio above 2. After
//! criterion's figures it prints each pair's ratio (target ≤ 2.5) from a
//! direct timing of its own (the best of five runs).
//!
//!     cargo bench --bench scaling

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use voices::documents::formats::html_to_paragraphs;
use voices::extract::extract;

/// One shape: its name, its size n, and the input for a size.
struct Shape {
    name: &'static str,
    n: usize,
    make: fn(usize) -> Input,
}

enum Input {
    Paragraphs(Vec<String>),
    Html(String),
}

/// A made-up name from a number, so every name is distinct.
fn word(mut i: usize) -> String {
    let mut out = String::from("Q");
    loop {
        out.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
        if i == 0 {
            return out;
        }
    }
}

fn names(n: usize) -> Input {
    let text: String = (0..n).map(|i| format!("{} {} said it was fine. ", word(i), word(i + 7))).collect();
    Input::Paragraphs(vec![text])
}

fn surnames(n: usize) -> Input {
    let text: String = (0..n).map(|i| format!("{} Smith said it was fine. ", word(i))).collect();
    Input::Paragraphs(vec![text])
}

fn acronyms(n: usize) -> Input {
    let text: String = (0..n).map(|i| format!("The {} {} ({}X) said so. ", word(i), word(i + 3), word(i))).collect();
    Input::Paragraphs(vec![text])
}

fn quotes(n: usize) -> Input {
    let text: String = (0..n).map(|_| "\"It is fine,\" she said. ").collect();
    Input::Paragraphs(vec![text])
}

fn unclosed_tags(n: usize) -> Input {
    Input::Html(format!("<html><body>{}</body></html>", "<div><p>text ".repeat(n)))
}

const SHAPES: &[Shape] = &[
    Shape { name: "distinct names", n: 2_000, make: names },
    Shape { name: "one surname, many first names", n: 2_000, make: surnames },
    Shape { name: "defined acronyms in one paragraph", n: 2_000, make: acronyms },
    Shape { name: "quote marks with said", n: 10_000, make: quotes },
    Shape { name: "unclosed HTML tags", n: 10_000, make: unclosed_tags },
];

fn run(input: &Input) {
    match input {
        Input::Paragraphs(paragraphs) => {
            black_box(extract(paragraphs));
        }
        Input::Html(page) => {
            let _ = black_box(html_to_paragraphs(page));
        }
    }
}

fn best_of_five(input: &Input) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            run(input);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let mut ratios = Vec::new();
    for shape in SHAPES {
        let small = (shape.make)(shape.n);
        let large = (shape.make)(2 * shape.n);
        group.bench_function(format!("{} n={}", shape.name, shape.n), |b| b.iter(|| run(&small)));
        group.bench_function(format!("{} n={}", shape.name, 2 * shape.n), |b| b.iter(|| run(&large)));
        let (t1, t2) = (best_of_five(&small), best_of_five(&large));
        ratios.push((shape.name, t1, t2));
    }
    group.finish();
    for (name, t1, t2) in ratios {
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        println!("scaling: {name}: n {:.1} ms, 2n {:.1} ms, ratio {ratio:.2} (target ≤ 2.5)", ms(t1), ms(t2));
    }
}

fn ms(t: Duration) -> f64 {
    t.as_secs_f64() * 1000.0
}

criterion_group!(benches, scaling);
criterion_main!(benches);
