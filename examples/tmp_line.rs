use std::time::Instant;
use voices::documents::{Ids, Source, plan};
fn load(path: &std::path::Path) -> usize {
    let plan = plan(&[Source::Path(path.to_path_buf())], &mut std::io::empty());
    let (mut ids, mut documents, mut problems) = (Ids::default(), Vec::new(), Vec::new());
    for input in plan.inputs { ids.settle(input.prepare(), &mut documents, &mut problems); }
    documents.len()
}
fn main() {
    let sentence = "The charity said it was worried about children online. ";
    for mb in [1usize, 2, 4, 8, 16, 32, 64] {
        let n = mb * 1_000_000;
        let dir = tempfile::tempdir().unwrap();
        let line: String = sentence.repeat(n / sentence.len() + 1).chars().take(n).collect();
        std::fs::write(dir.path().join("line.txt"), line).unwrap();
        let best = (0..7).map(|_| { let t = Instant::now(); std::hint::black_box(load(dir.path())); t.elapsed() }).min().unwrap();
        println!("{mb:>3} MB  {:>8.2} ms  {:>6.2} ms/MB", best.as_secs_f64() * 1e3, best.as_secs_f64() * 1e3 / mb as f64);
    }
}
