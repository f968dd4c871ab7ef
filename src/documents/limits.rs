//! Bounded reads: how much of one input is read, how deep a folder is
//! walked, how long a pipe may stay silent. Every input is untrusted, and
//! `/dev/zero`, `yes | voices -` or a FIFO nobody writes to must end with a
//! warning, not fill the memory or hang the load.

use std::fs::FileType;
use std::io::{self, Read};
use std::path::Path;
use std::sync::mpsc;

use super::problem::Problem;

pub use super::bounds::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_MANIFEST_BYTES, STALL};

/// Bytes asked for per read from a pipe.
const CHUNK: usize = 64 * 1024;

/// What a bounded read gave: the bytes, and whether the input had more
/// than [`MAX_INPUT_BYTES`] (or the bound it was given).
#[derive(Debug, Default)]
pub struct Bytes {
    /// What was read, cut back to a whole UTF-8 character when it was cut.
    pub bytes: Vec<u8>,
    /// Whether the input had more than the bound.
    pub truncated: bool,
}

/// The words for a file type that is not a regular file or a folder
/// ("a FIFO"), or `None` for those two (and symbolic links, resolved by
/// the caller).
pub fn special_kind(file_type: &FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    if file_type.is_file() || file_type.is_dir() || file_type.is_symlink() { None } else { Some("not a regular file") }
}

/// Reads at most `limit` bytes of `reader`.
pub fn read_capped(reader: &mut dyn Read, limit: u64) -> io::Result<Bytes> {
    read_capped_expecting(reader, limit, 0)
}

/// [`read_capped`] with room made first for the `expected` bytes a file's
/// size promises: one read then takes a small file whole, where a buffer
/// grown from nothing took about nine reads (a real cost over thousands of
/// files), and a large one is read without doubling its buffer. A file
/// that grew or shrank since is still read to its end or the limit.
fn read_capped_expecting(reader: &mut dyn Read, limit: u64, expected: u64) -> io::Result<Bytes> {
    // One byte more than expected, so the read that finds the end needs no
    // bigger buffer.
    let room = usize::try_from(expected.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(finish(bytes, limit))
}

/// Reads a file named on the command line or listed in a folder, bounded:
/// a regular file up to `limit` bytes; a pipe or character device up to
/// `limit` and until it sends nothing for [`STALL`]; a socket or a block
/// device not at all.
pub fn read_path(path: &Path, limit: u64) -> Result<Bytes, Problem> {
    let meta = std::fs::metadata(path).map_err(|err| Problem::io(&err))?;
    match special_kind(&meta.file_type()) {
        None => {
            let mut file = std::fs::File::open(path).map_err(|err| Problem::io(&err))?;
            read_capped_expecting(&mut file, limit, meta.len()).map_err(|err| Problem::io(&err))
        }
        Some(kind) if is_stream(&meta.file_type()) => read_stream(path, limit, kind),
        Some(kind) => Err(Problem::NotAFile(kind)),
    }
}

/// A pipe or character device: something to read from that may never end.
fn is_stream(file_type: &FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        file_type.is_fifo() || file_type.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = file_type;
        false
    }
}

/// Reads a pipe on a thread of its own, so that neither opening it (which
/// waits for a writer) nor a read that never returns holds the load: each
/// chunk must arrive within [`STALL`]. A thread left waiting ends with the
/// process.
fn read_stream(path: &Path, limit: u64, kind: &'static str) -> Result<Bytes, Problem> {
    let (sender, chunks) = mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    let owned = path.to_path_buf();
    std::thread::Builder::new()
        .name("voices-pipe".into())
        .spawn(move || {
            let mut file = match std::fs::File::open(&owned) {
                Ok(file) => file,
                Err(err) => return drop(sender.send(Err(err))),
            };
            loop {
                let mut chunk = vec![0; CHUNK];
                match file.read(&mut chunk) {
                    Ok(0) => return,
                    Ok(n) => {
                        chunk.truncate(n);
                        if sender.send(Ok(chunk)).is_err() {
                            return;
                        }
                    }
                    Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                    Err(err) => return drop(sender.send(Err(err))),
                }
            }
        })
        .map_err(|err| Problem::io(&err))?;
    let mut bytes = Vec::new();
    loop {
        match chunks.recv_timeout(STALL) {
            Ok(Ok(chunk)) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    return Ok(finish(bytes, limit));
                }
            }
            Ok(Err(err)) => return Err(Problem::io(&err)),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(finish(bytes, limit)),
            Err(mpsc::RecvTimeoutError::Timeout) if bytes.is_empty() => return Err(Problem::Stalled(kind)),
            // What arrived before it went quiet is read.
            Err(mpsc::RecvTimeoutError::Timeout) => return Ok(finish(bytes, limit)),
        }
    }
}

/// Cuts `bytes` to `limit`, and back to the start of a UTF-8 character
/// the cut split, so a long UTF-8 text stays UTF-8.
fn finish(mut bytes: Vec<u8>, limit: u64) -> Bytes {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if bytes.len() <= limit {
        return Bytes { bytes, truncated: false };
    }
    bytes.truncate(limit);
    bytes.shrink_to_fit();
    let tail = bytes.len().saturating_sub(3);
    if let Some(lead) = bytes[tail..].iter().rposition(|&b| b >= 0xC0) {
        let at = tail + lead;
        let needs = match bytes[at] {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        if at + needs > bytes.len() {
            bytes.truncate(at);
        }
    }
    Bytes { bytes, truncated: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_stops_at_the_cap_and_keeps_whole_characters() {
        let text = "ab€".repeat(10);
        let read = read_capped(&mut text.as_bytes(), 6).unwrap();
        assert!(read.truncated);
        assert_eq!(read.bytes, b"ab\xe2\x82\xaca");
        let read = read_capped(&mut text.as_bytes(), 4).unwrap();
        assert_eq!(read.bytes, b"ab", "a cut inside the euro sign goes back before it");
        let read = read_capped(&mut "abc".as_bytes(), 3).unwrap();
        assert!(!read.truncated);
        assert_eq!(read.bytes, b"abc");
    }

    #[test]
    fn an_endless_input_stops_at_the_cap() {
        let read = read_capped(&mut io::repeat(b'y'), 1000).unwrap();
        assert!(read.truncated);
        assert_eq!(read.bytes.len(), 1000);
    }

    #[test]
    fn a_file_that_changed_size_since_it_was_measured_is_read_to_its_end_or_the_cap() {
        let text = "a line of some length\n".repeat(50);
        for expected in [0, 1, 100, text.len() as u64, 5_000] {
            let read = read_capped_expecting(&mut text.as_bytes(), 10_000, expected).unwrap();
            assert_eq!(read.bytes, text.as_bytes(), "expected {expected} bytes");
            assert!(!read.truncated);
            let capped = read_capped_expecting(&mut text.as_bytes(), 30, expected).unwrap();
            assert!(capped.truncated && capped.bytes.len() == 30, "expected {expected} bytes, cap 30");
        }
    }
}
