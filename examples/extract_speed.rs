//! Times `extract` on repeated seed text: `cargo run --release --example extract_speed`.
fn main() {
    let text = include_str!("../seeds/thames-valley-police-responds-to-cse-review.txt");
    let paragraphs: Vec<String> = voices::documents::split_paragraphs(text);
    let many: Vec<String> = (0..2000).flat_map(|_| paragraphs.iter().cloned()).collect();
    time("paragraphs", &many);
    time("one paragraph", &[many.join(" ")]);
    let marks = vec!["“a ‘b’ \" c ’ d. E".repeat(400_000)];
    let start = cpu_now();
    let _ = voices::extract::extract(&marks);
    println!("marks: {:.1} MB in {:.3} s", marks[0].len() as f64 / 1e6, cpu_now() - start);
}

/// Extracts `paragraphs` once and prints the CPU time and throughput.
fn time(label: &str, paragraphs: &[String]) {
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let start = cpu_now();
    let extraction = voices::extract::extract(paragraphs);
    let seconds = cpu_now() - start;
    println!(
        "{label}: {:.1} MB in {seconds:.3} s = {:.1} MB/s, {} statements",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds,
        extraction.statements.len()
    );
}

/// Process CPU time in seconds, so other jobs on the machine do not skew it.
#[allow(unsafe_code)] // clock_gettime has no safe wrapper in libc.
fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}
