//! Finding the next byte of a small set, eight bytes at a time: the quote
//! scan and the sentence split look at only a few byte values and skip
//! everything else.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The first index at or after `from` whose byte is in `set` (a few bytes;
/// a fixed count, so the tests per chunk unroll).
#[inline]
pub(crate) fn find_any<const N: usize>(bytes: &[u8], from: usize, set: &[u8; N]) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let mut hits = 0;
        for &b in set.iter() {
            // The classic zero-byte test on `word ^ b`: a lane can be falsely
            // flagged only above a true match, so the lowest flag is the
            // first byte in the set (lanes are in memory order, low first).
            let x = word ^ (ONES * u64::from(b));
            hits |= x.wrapping_sub(ONES) & !x & HIGHS;
        }
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = bytes.get(at..)?;
    tail.iter().position(|b| set.contains(b)).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_of_the_set_anywhere() {
        let set = [b'.', b'!', b'?', 0xE2];
        let texts: [&[u8]; 6] = [
            b"",
            b"no stop here at all, none",
            b"a.b",
            b"0123456!89abcdef.",
            "long enough text with a curly “quote” in it".as_bytes(),
            b"\x00\x01\x2d\x2e\x2f\x7f\x80\xff\xe1\xe2\xe3 ...",
        ];
        for text in texts {
            for from in 0..=text.len() + 2 {
                let expected = text.get(from..).and_then(|t| t.iter().position(|b| set.contains(b)).map(|i| from + i));
                assert_eq!(find_any(text, from, &set), expected, "{text:?} from {from}");
            }
        }
        // Every byte value next to every other, so borrows between lanes are covered.
        for a in 0..=255u8 {
            let text: Vec<u8> = (0..=255u8).flat_map(|b| [a, b]).collect();
            for from in [0, 1, 7, 9] {
                let expected = text[from..].iter().position(|b| set.contains(b)).map(|i| from + i);
                assert_eq!(find_any(&text, from, &set), expected);
            }
        }
    }
}
