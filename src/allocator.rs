//! Two settings of glibc's allocator (Linux with glibc only; elsewhere
//! nothing changes), set once when the program starts. Measured in
//! BENCHMARKS.md ("Keys while loading, extraction speed, fifth round").

/// Sets glibc's allocator for a program that reads one large input and
/// frees it, and draws while it loads:
///
/// - A fixed mmap threshold of 1 MiB. By default glibc raises the
///   threshold (and how much freed memory it keeps unreturned) to the size
///   of the largest block freed, so after a 16 MiB read buffer was freed it
///   kept up to 32 MiB it no longer used: a 16 MiB one-line document
///   peaked at 83 MB against the 80 MB the README promises, now 60 MB.
/// - No "fast bins" of freed small blocks: they are merged all at once on
///   the next large allocation, which stalled the reader 60–100 ms on its
///   first sidebar rebuild after 100 MB were loaded. Without them each
///   block is merged as it is freed; the extraction runs the same number
///   of instructions either way.
#[allow(unsafe_code)] // mallopt has no safe wrapper in libc; the block says why it is sound.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes two integers; both settings are documented
    // glibc parameters, applied under glibc's own lock, and they change
    // only when memory is returned or freed blocks merged, never what a
    // live allocation holds.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_MXFAST, 0);
    }
}
