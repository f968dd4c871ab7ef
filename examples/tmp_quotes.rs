use std::time::Instant;
fn main() {
    let n: usize = std::env::args().nth(1).map_or(10_000, |a| a.parse().unwrap());
    let text: String = (0..n).map(|_| "\"It is fine,\" she said. ").collect();
    let p = vec![text];
    voices::extract::warm_up();
    let best = (0..5).map(|_| { let t = Instant::now(); std::hint::black_box(voices::extract::extract(&p)); t.elapsed() }).min().unwrap();
    println!("{n:>7} quotes {:>8.2} ms  {:>6.3} us/quote", best.as_secs_f64() * 1e3, best.as_secs_f64() * 1e6 / n as f64);
}
