//! Runs of bytes that need no work, found eight bytes at a time: text
//! enters (sanitising) and leaves (JSON escaping) as long stretches of
//! plain ASCII, and testing each byte on its own was most of what both
//! steps cost.
//!
//! The word tests are the classic "has a byte less than n" and "has a zero
//! byte" tricks (Bit Twiddling Hacks, S. E. Anderson), exact as yes/no
//! answers for n ≤ 0x80 whatever the other bytes hold.

/// One in every byte of a `u64`.
const LANES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = LANES * 0x80;

/// Whether any byte of `word` is below `n` (n ≤ 0x80), as high bits.
#[inline]
pub fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(LANES * u64::from(n)) & !word & HIGH_BITS
}

/// Whether any byte of `word` equals `byte`, as high bits.
#[inline]
pub fn bytes_equal(word: u64, byte: u8) -> u64 {
    let zero_where_equal = word ^ (LANES * u64::from(byte));
    zero_where_equal.wrapping_sub(LANES) & !zero_where_equal & HIGH_BITS
}

/// Whether any byte of `word` has its high bit set (is not ASCII), as high bits.
#[inline]
pub fn bytes_non_ascii(word: u64) -> u64 {
    word & HIGH_BITS
}

/// How many bytes `bytes` starts with that `plain` accepts: whole words
/// until `not_plain` marks a byte of one (its high bit), then byte by byte
/// for the last few. The two must agree, and the lowest bit `not_plain`
/// sets must be the first byte `plain` refuses (true of the tests above:
/// a borrow only runs upwards, from a byte that is already marked).
#[inline]
pub fn plain_run(bytes: &[u8], not_plain: impl Fn(u64) -> u64, plain: impl Fn(u8) -> bool) -> usize {
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let marked = not_plain(u64::from_le_bytes(chunk.try_into().expect("chunks of eight bytes")));
        if marked != 0 {
            return run + (marked.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..].iter().position(|&b| !plain(b)).unwrap_or(bytes.len() - run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each byte value in each place of a word otherwise of `fill`, so a
    /// borrow from one byte into the next cannot hide or invent an answer.
    fn each_byte_in_each_place(fill: u8, test: impl Fn(u64) -> u64, expected: impl Fn(u8) -> bool) {
        for byte in 0..=u8::MAX {
            for place in 0..8 {
                let mut word = [fill; 8];
                word[place] = byte;
                let marked = test(u64::from_le_bytes(word));
                assert_eq!(marked != 0, expected(byte) || expected(fill), "{byte:#x} at {place} among {fill:#x}");
                if expected(byte) && !expected(fill) {
                    assert_eq!(marked.trailing_zeros() / 8, place as u32, "{byte:#x} at {place} among {fill:#x}");
                }
            }
        }
    }

    #[test]
    fn the_word_tests_agree_with_the_byte_tests() {
        for fill in [b'a', b' ', b'~', 0xC3, 0xFF, b'"', 0x1F] {
            each_byte_in_each_place(fill, |w| bytes_below(w, 0x20), |b| b < 0x20);
            each_byte_in_each_place(fill, |w| bytes_equal(w, b'"'), |b| b == b'"');
            each_byte_in_each_place(fill, |w| bytes_equal(w, 0x7F), |b| b == 0x7F);
            each_byte_in_each_place(fill, bytes_non_ascii, |b| b >= 0x80);
        }
    }

    #[test]
    fn a_run_stops_at_the_first_byte_that_is_not_plain() {
        let no_x = |w: u64| bytes_equal(w, b'x');
        let not_x = |b: u8| b != b'x';
        for at in 0..20 {
            let mut text = vec![b'7'; 20];
            text[at] = b'x';
            assert_eq!(plain_run(&text, no_x, not_x), at);
        }
        assert_eq!(plain_run(b"0123456789012", no_x, not_x), 13);
        assert_eq!(plain_run(b"0123456789x12", no_x, not_x), 10);
        assert_eq!(plain_run(b"", no_x, not_x), 0);
    }
}
