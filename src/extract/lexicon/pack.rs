//! Short words as integers: the lexicon keys every lower-case ASCII word
//! of at most 16 bytes by its bytes packed into one `u128`, so a look-up
//! is a multiply and an integer compare, with no string compare.

/// A lower-case ASCII word of at most 16 bytes as one integer: its bytes
/// lower-cased eight at a time, zero-padded. The bytes are read as whole
/// (possibly overlapping) words rather than copied one by one, so the
/// look-up neither calls `memcpy` nor waits on a store to reach a load.
#[inline]
pub(super) fn pack(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n > 16 || n == 0 {
        return None;
    }
    let (lo, hi) = if n >= 8 {
        let hi = if n > 8 { le64(&word[n - 8..]) >> (8 * (16 - n)) } else { 0 };
        (le64(word), hi)
    } else {
        (short(word), 0)
    };
    if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    Some(u128::from(lower_ascii(lo)) | u128::from(lower_ascii(hi)) << 64)
}

/// [`pack`] of a word of ASCII letters and digits only (which is not
/// checked): every such byte lower-cases by setting its `0x20` bit, as a
/// digit already has it, so only the word's own bytes are OR-ed.
#[inline]
pub(super) fn pack_alnum(word: &[u8]) -> Option<u128> {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let n = word.len();
    if n > 16 || n == 0 {
        return None;
    }
    if n <= 8 {
        let lo = if n == 8 { le64(word) } else { short(word) };
        return Some(u128::from(lo | SPACES >> (8 * (8 - n))));
    }
    let hi = le64(&word[n - 8..]) >> (8 * (16 - n));
    Some(u128::from(le64(word) | SPACES) | u128::from(hi | SPACES >> (8 * (16 - n))) << 64)
}

/// The first eight bytes of `bytes` (which has at least eight), little-endian.
#[inline]
fn le64(bytes: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(eight)
}

/// One to seven bytes, zero-padded into a `u64`: two overlapping reads of
/// four (or single bytes below four), OR-ed where they overlap, since an
/// overlapping byte is the same byte either way.
#[inline]
fn short(word: &[u8]) -> u64 {
    let n = word.len();
    if n >= 4 {
        let mut four = [0u8; 4];
        four.copy_from_slice(&word[..4]);
        let first = u64::from(u32::from_le_bytes(four));
        four.copy_from_slice(&word[n - 4..]);
        first | u64::from(u32::from_le_bytes(four)) << (8 * (n - 4))
    } else {
        u64::from(word[0]) | u64::from(word[n / 2]) << (8 * (n / 2)) | u64::from(word[n - 1]) << (8 * (n - 1))
    }
}

/// Eight ASCII bytes with `A`–`Z` lower-cased (no byte has its top bit set,
/// so the sums below never carry into the next byte).
#[inline]
fn lower_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x + ONES * (0x80 - u64::from(b'A'));
    let past_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !past_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// Hashes the packed words of the lexicon: a fixed multiply-and-fold,
/// enough for a table whose keys are our own words (text being looked up
/// never inserts, so it cannot crowd the table).
#[derive(Default)]
pub(super) struct PackHasher(u64);

impl std::hash::Hasher for PackHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    #[inline]
    fn write_u128(&mut self, value: u128) {
        let folded = (value as u64) ^ ((value >> 64) as u64).rotate_left(32);
        let product = u128::from(folded) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packing as it was first written: byte by byte into a buffer.
    fn pack_bytewise(word: &[u8]) -> Option<u128> {
        if word.len() > 16 || word.is_empty() {
            return None;
        }
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word);
        let lo = u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default());
        let hi = u64::from_le_bytes(bytes[8..].try_into().unwrap_or_default());
        if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        Some(u128::from(lower_ascii(lo)) | u128::from(lower_ascii(hi)) << 64)
    }

    #[test]
    fn packed_words_are_lower_cased() {
        assert_eq!(pack(b"SaId"), pack(b"said"));
        assert_eq!(pack(b"A-Z@[`{"), pack(b"a-z@[`{"));
        assert_eq!(pack(b"0123456789abcdefg"), None);
        assert_eq!(pack("é".as_bytes()), None);
        assert_ne!(pack(b"said"), pack(b"said "));
    }

    /// Every piece of `text` up to 18 bytes long: each length the packing
    /// handles, and one past its 16.
    fn pieces(text: &[u8]) -> impl Iterator<Item = &[u8]> {
        (0..text.len()).flat_map(move |start| (start..=text.len().min(start + 18)).map(move |end| &text[start..end]))
    }

    #[test]
    fn letters_and_digits_pack_as_any_word_does() {
        for word in pieces(b"Said0123456789SPOKESWOMANxyzQ9aAbB") {
            assert_eq!(pack_alnum(word), pack(word), "{:?}", String::from_utf8_lossy(word));
        }
    }

    #[test]
    fn whole_word_reads_pack_as_byte_by_byte_at_every_length() {
        let text = b"The Quick-Brown fox's \xc3\xa9t\xc3\xa9 JUMPED over 12 lazy DOGS, said Hesseltonmaleyri.";
        for word in pieces(text) {
            assert_eq!(pack(word), pack_bytewise(word), "{:?}", String::from_utf8_lossy(word));
        }
    }
}
