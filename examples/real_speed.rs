//! Temporary: extraction speed on the eval articles (not committed).
fn main() {
    let mut docs: Vec<Vec<String>> = Vec::new();
    for dir in ["dev", "domain-dev", "polnear-dev"] {
        for entry in std::fs::read_dir(format!("/work/shared/eval/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let clean = voices::corpus::sanitize::sanitize(&text);
                let mut paragraphs = voices::corpus::split_paragraphs(&clean);
                if paragraphs.len() > 1 { paragraphs.remove(0); }
                docs.push(paragraphs);
            }
        }
    }
    let bytes: usize = docs.iter().flatten().map(String::len).sum();
    let target: usize = std::env::var("MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let reps = (target * 1_000_000 / bytes).max(1);
    let t = std::time::Instant::now(); voices::extract::warm_up(); println!("lexicon {:.1} ms", t.elapsed().as_secs_f64()*1e3);
    voices::extract::extract(&docs[0]);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps { for d in &docs { n += voices::extract::extract(d).statements.len(); } }
    let s = start.elapsed().as_secs_f64();
    println!("{:.1} MB in {s:.3} s = {:.1} MB/s ({n} statements)", (bytes * reps) as f64 / 1e6, (bytes * reps) as f64 / 1e6 / s);
}
#[allow(dead_code)]
fn unused() {}
