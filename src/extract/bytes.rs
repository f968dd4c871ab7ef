//! Finding the next byte of a small set, many bytes at a time (`memchr`):
//! the quote scan and the sentence split look at only a few byte values
//! and skip everything else.

/// The next byte of a set of three at or after an offset that only grows,
/// remembered, so a scan that asks for two sets in turn (the quote scan
/// while a quote is open) reads each stretch of text once per set.
pub(crate) struct Next3 {
    set: [u8; 3],
    /// The last answer and where its search started; `usize::MAX` for none.
    found: Option<usize>,
}

impl Next3 {
    pub fn new(set: [u8; 3]) -> Next3 {
        Next3 { set, found: None }
    }

    /// The first index at or after `from` whose byte is in the set;
    /// `from` is never less than in the call before.
    #[inline]
    pub fn find(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let at = match self.found {
            Some(at) if at >= from => at,
            _ => {
                let [a, b, c] = self.set;
                let at =
                    bytes.get(from..).and_then(|rest| memchr::memchr3(a, b, c, rest)).map_or(usize::MAX, |i| from + i);
                self.found = Some(at);
                at
            }
        };
        (at != usize::MAX).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_of_the_set_from_growing_offsets() {
        let set = [b'.', b'!', 0xE2];
        let texts: [&[u8]; 6] = [
            b"",
            b"no stop here at all, none",
            b"a.b",
            b"0123456!89abcdef.",
            "long enough text with a curly “quote” in it".as_bytes(),
            b"\x00\x01\x2d\x2e\x2f\x7f\x80\xff\xe1\xe2\xe3 ...",
        ];
        for text in texts {
            for step in 1..4 {
                let mut next = Next3::new(set);
                for from in (0..=text.len() + 2).step_by(step) {
                    let expected =
                        text.get(from..).and_then(|t| t.iter().position(|b| set.contains(b)).map(|i| from + i));
                    assert_eq!(next.find(text, from), expected, "{text:?} from {from}");
                }
            }
        }
    }
}
