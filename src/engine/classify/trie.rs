//! The vocabulary's phrases as a trie of characters, so that finding every
//! phrase that stands at a place of a text costs one step per character
//! matched, however many phrases share their first characters (the lists
//! hold dozens starting "in", "pa" or "請求" across ten languages).
//!
//! Nodes are numbered in the order of the sorted phrases; each node's
//! children lie together in one array, sorted by character, and the root's
//! (hundreds of first characters) also in a small hash table.

/// A trie over some of the vocabulary's phrases.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Trie {
    /// Per node, its children: a range of `child_chars` / `child_nodes`.
    children: Vec<(u32, u32)>,
    child_chars: Vec<char>,
    child_nodes: Vec<u32>,
    /// Per node, the phrases that end there: a range of `ending`.
    ends: Vec<(u32, u32)>,
    ending: Vec<u32>,
    /// The root's children by character: open addressing, `'\0'` empty.
    root: Vec<(char, u32)>,
    /// A bit per pair of first two characters of a phrase (one-character
    /// phrases: the character and `'\0'`), hashed: most places of a text
    /// start no phrase and are passed over with one test.
    pairs: Vec<u64>,
}

/// The bit of a pair of characters in [`Trie::pairs`].
#[inline(always)]
fn pair_bit(first: char, second: char) -> usize {
    (((first as u32).wrapping_mul(0x9E37_79B1) ^ (second as u32).wrapping_mul(0x85EB_CA6B)) >> 20)
        as usize
}

/// The root's table slot for a character (multiplicative hashing).
#[inline(always)]
fn home(c: char, slots: usize) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> (32 - slots.trailing_zeros())) as usize
}

impl Trie {
    /// The trie of `phrases`, each given as its index and its characters.
    pub(super) fn new<Chars: IntoIterator<Item = char>>(
        phrases: impl Iterator<Item = (usize, Chars)>,
    ) -> Self {
        // First as nested lists, then laid out flat.
        let mut kids: Vec<Vec<(char, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        let mut pairs = vec![0u64; (1 << 12) / 64];
        for (index, chars) in phrases {
            let mut node = 0usize;
            let chars: Vec<char> = chars.into_iter().collect();
            let Some(&first) = chars.first() else {
                continue;
            };
            let bit = pair_bit(first, chars.get(1).copied().unwrap_or('\0'));
            pairs[bit / 64] |= 1 << (bit % 64);
            for c in chars {
                node = match kids[node].iter().find(|(k, _)| *k == c) {
                    Some(&(_, child)) => child as usize,
                    None => {
                        let child = kids.len();
                        kids.push(Vec::new());
                        ends.push(Vec::new());
                        kids[node].push((c, child as u32));
                        child
                    }
                };
            }
            ends[node].push(index as u32);
        }
        let mut trie = Trie {
            pairs,
            ..Trie::default()
        };
        for (list, ends) in kids.iter_mut().zip(ends) {
            list.sort_unstable();
            let from = trie.child_chars.len() as u32;
            trie.child_chars.extend(list.iter().map(|&(c, _)| c));
            trie.child_nodes.extend(list.iter().map(|&(_, node)| node));
            trie.children.push((from, trie.child_chars.len() as u32));
            let from = trie.ending.len() as u32;
            trie.ending.extend(ends);
            trie.ends.push((from, trie.ending.len() as u32));
        }
        let slots = (kids[0].len() * 2).next_power_of_two().max(16);
        trie.root = vec![('\0', 0); slots];
        for &(c, node) in &kids[0] {
            let mut slot = home(c, slots);
            while trie.root[slot].0 != '\0' {
                slot = (slot + 1) & (slots - 1);
            }
            trie.root[slot] = (c, node);
        }
        trie
    }

    /// Whether a phrase may start with `first` followed by `second`.
    #[inline(always)]
    pub(super) fn may_start(&self, first: char, second: char) -> bool {
        let set = |bit: usize| {
            self.pairs
                .get(bit / 64)
                .is_some_and(|word| word & (1 << (bit % 64)) != 0)
        };
        set(pair_bit(first, second)) | set(pair_bit(first, '\0'))
    }

    #[inline(always)]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 {
            let slots = self.root.len();
            if slots == 0 {
                return None;
            }
            let mut slot = home(c, slots);
            loop {
                match self.root[slot] {
                    (found, child) if found == c => return Some(child),
                    ('\0', _) => return None,
                    _ => slot = (slot + 1) & (slots - 1),
                }
            }
        }
        let (from, to) = self.children[node as usize];
        let chars = &self.child_chars[from as usize..to as usize];
        let at = chars.iter().position(|&k| k == c)?;
        Some(self.child_nodes[from as usize + at])
    }

    /// Calls `found(phrase, length)` for every phrase that `text` starts
    /// with, shortest first. The work is the length of the longest such
    /// phrase plus the phrases found.
    #[inline]
    pub(super) fn each_prefix(
        &self,
        text: impl Iterator<Item = char>,
        mut found: impl FnMut(usize, usize),
    ) {
        let mut node = 0;
        for (at, c) in text.enumerate() {
            let Some(next) = self.child(node, c) else {
                return;
            };
            node = next;
            let (from, to) = self.ends[node as usize];
            for &phrase in &self.ending[from as usize..to as usize] {
                found(phrase as usize, at + 1);
            }
        }
    }

    /// Whether `text` starts with any of the phrases.
    pub(super) fn starts(&self, text: impl Iterator<Item = char>) -> bool {
        let mut any = false;
        self.each_prefix(text, |_, _| any = true);
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn finds_every_phrase_at_a_place_and_no_other() {
        let phrases: Vec<Vec<char>> = ["in", "invoice", "invoices", "請求", "請求書", "x"]
            .iter()
            .map(|p| chars(p))
            .collect();
        let trie = Trie::new(
            phrases
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.iter().copied())),
        );
        let text = chars("an invoices 請求書 inv");
        for start in 0..text.len() {
            let mut got = Vec::new();
            trie.each_prefix(text[start..].iter().copied(), |phrase, length| {
                got.push((phrase, start + length))
            });
            let expected: Vec<(usize, usize)> = phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| text[start..].starts_with(p))
                .map(|(i, p)| (i, start + p.len()))
                .collect();
            if !got.is_empty() {
                let next = text.get(start + 1).copied().unwrap_or(' ');
                assert!(trie.may_start(text[start], next), "at {start}");
            }
            let mut sorted = got.clone();
            sorted.sort_by_key(|&(_, end)| end);
            assert_eq!(got, sorted, "shortest first at {start}");
            let mut expected_sorted = expected;
            expected_sorted.sort_by_key(|&(_, end)| end);
            assert_eq!(got, expected_sorted, "at {start}");
        }
    }

    #[test]
    fn an_empty_trie_finds_nothing() {
        let trie = Trie::new(std::iter::empty::<(usize, Vec<char>)>());
        trie.each_prefix("abc".chars(), |_, _| panic!("nothing to find"));
        assert!(!trie.starts("abc".chars()));
    }
}
