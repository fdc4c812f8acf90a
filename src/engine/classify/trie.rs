//! The vocabulary's phrases as a trie of characters, so that finding every
//! phrase that stands at a place of a text costs one step per character
//! matched, however many phrases share their first characters (the lists
//! hold dozens starting "in", "pa" or "請求" across ten languages).
//!
//! Each node's children lie together in one array, sorted by character,
//! each child with its own record (where its children and phrases are), and
//! the root's (hundreds of first characters) also in a small hash table. A
//! step of a walk reads one entry of one table: the walk waits on memory,
//! not on arithmetic (two tables a step, nodes and edges, made the phrase
//! search a sixth slower for Chinese).

/// A trie over some of the vocabulary's phrases. Its tables are boxed
/// slices and its loops plain: the widget's module is built for size, and
/// there the compiler inlines little of the iterator and `Vec` plumbing.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Trie {
    /// Every node's children, each node's together, sorted by character,
    /// each with its own record.
    edges: Box<[Edge]>,
    /// Every node's phrases, each node's together.
    ending: Box<[u32]>,
    /// The root's children by character: open addressing, `'\0'` empty;
    /// a character's home slot is its hash shifted right by `root_shift`.
    root: Box<[Edge]>,
    root_shift: u32,
    /// A bit per pair of first two characters of a phrase (one-character
    /// phrases: the character and `'\0'`), hashed: most places of a text
    /// start no phrase and are passed over with one test.
    pairs: Box<[u64]>,
    /// For Latin words, where most walks are short, the first two steps by
    /// table: the edges one step from the root by [`ascii_code`], and two
    /// steps by pair of codes, as their place in `edges` plus one (0: none).
    ascii_first: Box<[u32]>,
    ascii_second: Box<[u32]>,
}

/// Codes for the characters of normalised Latin text (letters, digits,
/// space), from 1; 0 for any other.
const ASCII_CODES: usize = 38;

#[inline(always)]
fn ascii_code(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize + 1,
        '0'..='9' => c as usize - '0' as usize + 27,
        ' ' => 37,
        _ => 0,
    }
}

/// A node: its children (a range of `edges`) and the phrases that end
/// there (a range of `ending`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Node {
    edges: u32,
    ending: u32,
    edge_count: u16,
    end_count: u16,
}

/// A step from a node: the character and the node it leads to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Edge {
    c: char,
    to: Node,
}

/// The bits of [`Trie::pairs`].
const PAIR_BITS: u32 = 14;

/// The bit of a pair of characters in [`Trie::pairs`].
#[inline(always)]
fn pair_bit(first: char, second: char) -> usize {
    let hash = (first as u32).wrapping_mul(0x9E37_79B1) ^ (second as u32).wrapping_mul(0x85EB_CA6B);
    (hash >> (32 - PAIR_BITS)) as usize
}

/// A character's hash (multiplicative), for the root's table.
#[inline(always)]
fn hash(c: char) -> u32 {
    (c as u32).wrapping_mul(0x9E37_79B1)
}

impl Trie {
    /// The trie of `phrases`, each given as its index and its characters.
    pub(super) fn new(phrases: &[(usize, &[char])]) -> Self {
        // First as nested lists, then laid out flat.
        let mut kids: Vec<Vec<(char, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64];
        for &(index, chars) in phrases {
            let mut node = 0usize;
            let Some(&first) = chars.first() else {
                continue;
            };
            let bit = pair_bit(first, chars.get(1).copied().unwrap_or('\0'));
            pairs[bit / 64] |= 1 << (bit % 64);
            for &c in chars {
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
        // Each node's record, then every child with its record, each
        // node's children together.
        let (mut records, mut ending, mut edge_at) = (Vec::new(), Vec::new(), 0);
        for (list, ends) in kids.iter_mut().zip(ends) {
            list.sort_unstable();
            // Counts fit: a node has no more children, and no more phrases
            // end there, than the vocabulary has phrases (a test checks).
            records.push(Node {
                edges: edge_at,
                ending: ending.len() as u32,
                edge_count: list.len() as u16,
                end_count: ends.len() as u16,
            });
            edge_at += list.len() as u32;
            ending.extend(ends);
        }
        let mut edges = Vec::new();
        for &(c, child) in kids.iter().flatten() {
            edges.push(Edge {
                c,
                to: records[child as usize],
            });
        }
        let top = records[0];
        let firsts = top.edges as usize..top.edges as usize + usize::from(top.edge_count);
        let slots = (firsts.len() * 2).next_power_of_two().max(16);
        let mut root = vec![Edge::default(); slots];
        let root_shift = 32 - slots.trailing_zeros();
        let mut ascii_first = vec![0; ASCII_CODES];
        let mut ascii_second = vec![0; ASCII_CODES * ASCII_CODES];
        for first in firsts {
            let edge = edges[first];
            let mut slot = (hash(edge.c) >> root_shift) as usize;
            while root[slot].c != '\0' {
                slot = (slot + 1) & (slots - 1);
            }
            root[slot] = edge;
            let code = ascii_code(edge.c);
            if code == 0 {
                continue;
            }
            ascii_first[code] = first as u32 + 1;
            let seconds =
                edge.to.edges as usize..edge.to.edges as usize + usize::from(edge.to.edge_count);
            for (second, next) in seconds.clone().zip(&edges[seconds]) {
                let next = ascii_code(next.c);
                if next != 0 {
                    ascii_second[code * ASCII_CODES + next] = second as u32 + 1;
                }
            }
        }
        Trie {
            edges: edges.into(),
            ending: ending.into(),
            root: root.into(),
            root_shift,
            pairs: pairs.into(),
            ascii_first: ascii_first.into(),
            ascii_second: ascii_second.into(),
        }
    }

    /// [`Trie::may_start`] inside a word, where few phrases may start: a
    /// letter or digit none starts with is told by the walk's own table.
    #[inline(always)]
    pub(super) fn may_start_inside(&self, text: &[char], start: usize) -> bool {
        let code = ascii_code(text[start]);
        (code == 0 || self.ascii_first.get(code) != Some(&0)) && self.may_start(text, start)
    }

    /// Whether a phrase may start at `start` of `text`.
    #[inline(always)]
    pub(super) fn may_start(&self, text: &[char], start: usize) -> bool {
        if self.pairs.is_empty() {
            return false;
        }
        let first = text[start];
        let second = text.get(start + 1).copied().unwrap_or(' ');
        let (a, b) = (pair_bit(first, second), pair_bit(first, '\0'));
        (self.pairs[a / 64] >> (a % 64)) & 1 != 0 || (self.pairs[b / 64] >> (b % 64)) & 1 != 0
    }

    /// The node one step from the root by `c`.
    #[inline(always)]
    fn root_child(&self, c: char) -> Option<Node> {
        if self.root.is_empty() {
            return None;
        }
        let mask = self.root.len() - 1;
        let mut slot = (hash(c) >> self.root_shift) as usize;
        loop {
            let edge = self.root[slot];
            if edge.c == c {
                return Some(edge.to);
            }
            if edge.c == '\0' {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The node one step from `node` by `c`.
    #[inline(always)]
    fn child(&self, node: Node, c: char) -> Option<Node> {
        let (mut at, end) = (
            node.edges as usize,
            node.edges as usize + usize::from(node.edge_count),
        );
        while at < end {
            let edge = self.edges[at];
            if edge.c == c {
                return Some(edge.to);
            }
            at += 1;
        }
        None
    }

    /// Calls `found(phrase, length)` for every phrase spelt by the
    /// characters of `text` from `from` on (or, `backwards`, by those before
    /// `from`, last first), shortest first. The work is the length of the
    /// longest such phrase plus the phrases found.
    #[inline(always)]
    fn walk(
        &self,
        text: &[char],
        from: usize,
        backwards: bool,
        mut found: impl FnMut(usize, usize),
    ) {
        let length = if backwards { from } else { text.len() - from };
        if length == 0 {
            return;
        }
        let first = nth(text, from, backwards, 0);
        let (mut node, mut at);
        let codes = if length >= 2 && !self.ascii_first.is_empty() {
            (ascii_code(first), ascii_code(nth(text, from, backwards, 1)))
        } else {
            (0, 0)
        };
        if codes.0 != 0 && codes.1 != 0 {
            let place = self.ascii_first[codes.0] as usize;
            if place == 0 {
                return;
            }
            self.report(self.edges[place - 1].to, 1, &mut found);
            let place = self.ascii_second[codes.0 * ASCII_CODES + codes.1] as usize;
            if place == 0 {
                return;
            }
            node = self.edges[place - 1].to;
            at = 2;
        } else {
            match self.root_child(first) {
                Some(next) => node = next,
                None => return,
            }
            at = 1;
        }
        loop {
            self.report(node, at, &mut found);
            if at == length {
                return;
            }
            match self.child(node, nth(text, from, backwards, at)) {
                Some(next) => node = next,
                None => return,
            }
            at += 1;
        }
    }

    /// Calls `found(phrase, at)` for the phrases that end at `node`.
    #[inline(always)]
    fn report(&self, node: Node, at: usize, found: &mut impl FnMut(usize, usize)) {
        let (mut end, stop) = (
            node.ending as usize,
            node.ending as usize + usize::from(node.end_count),
        );
        while end < stop {
            found(self.ending[end] as usize, at);
            end += 1;
        }
    }

    /// Calls `found(phrase, length)` for every phrase that stands at
    /// `start` of `text`, shortest first.
    #[inline]
    pub(super) fn each_prefix(&self, text: &[char], start: usize, found: impl FnMut(usize, usize)) {
        self.walk(text, start, false, found);
    }

    /// Calls `found(phrase, length)` for every phrase that stands at
    /// `from` of `text` or, `backwards`, for every phrase written backwards
    /// in the trie that ends at `from`, shortest first. For the negation
    /// cues, off the hot path: one copy of the walk serves them all in the
    /// widget's size-built module.
    #[inline(never)]
    pub(super) fn each_cue(
        &self,
        text: &[char],
        from: usize,
        backwards: bool,
        found: &mut dyn FnMut(usize, usize),
    ) {
        self.walk(text, from, backwards, found);
    }
}

/// The `at`th character from `from` in `text`, forwards or backwards (a
/// function rather than a closure: the size-built module inlines it).
#[inline(always)]
fn nth(text: &[char], from: usize, backwards: bool, at: usize) -> char {
    if backwards {
        text[from - 1 - at]
    } else {
        text[from + at]
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
        let numbered: Vec<(usize, &[char])> =
            phrases.iter().map(Vec::as_slice).enumerate().collect();
        let trie = Trie::new(&numbered);
        let text = chars("an invoices 請求書 inv");
        for start in 0..text.len() {
            let mut got = Vec::new();
            trie.each_prefix(&text, start, |phrase, length| {
                got.push((phrase, start + length))
            });
            let expected: Vec<(usize, usize)> = phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| text[start..].starts_with(p))
                .map(|(i, p)| (i, start + p.len()))
                .collect();
            if !got.is_empty() {
                assert!(trie.may_start(&text, start), "at {start}");
                assert!(trie.may_start_inside(&text, start), "inside, at {start}");
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
    fn inside_a_word_only_letters_a_phrase_starts_with_are_tried() {
        let phrases = [chars("fehler"), chars("7x"), chars("請求")];
        let numbered: Vec<(usize, &[char])> =
            phrases.iter().map(Vec::as_slice).enumerate().collect();
        let trie = Trie::new(&numbered);
        let text = chars("anzeigefehler 17x 請求");
        let tried: Vec<usize> = (0..text.len())
            .filter(|&at| trie.may_start_inside(&text, at))
            .collect();
        // "fehler" at 7, "7x" at 15, 請求 at 18; no other letter or digit.
        for at in [7, 15, 18] {
            assert!(tried.contains(&at), "{at}: {tried:?}");
        }
        assert!(
            tried.iter().all(|&at| matches!(text[at], 'f' | '7' | '請')),
            "{tried:?}"
        );
    }

    #[test]
    fn finds_phrases_written_backwards_at_the_end() {
        let cues = [chars("ton"), chars("いな")];
        let trie = Trie::new(&[(0, &cues[0][..]), (1, &cues[1][..])]);
        let mut got = Vec::new();
        let text = chars("it is not");
        trie.each_cue(&text, text.len(), true, &mut |cue, length| {
            got.push((cue, length))
        });
        assert_eq!(got, [(0, 3)]);
        got.clear();
        let text = chars("notice");
        trie.each_cue(&text, text.len(), true, &mut |cue, length| {
            got.push((cue, length))
        });
        assert_eq!(got, []);
    }

    #[test]
    fn a_node_counts_fit_in_sixteen_bits() {
        // A node has no more children, nor phrases ending there, than the
        // vocabulary has phrases: the shipped lists and an owner's.
        let most = super::super::shipped().len() + crate::engine::policy::overlay::MAX_PHRASES;
        assert!(most <= usize::from(u16::MAX), "{most} phrases");
    }

    #[test]
    fn an_empty_trie_finds_nothing() {
        let trie = Trie::new(&[]);
        trie.each_prefix(&chars("abc"), 0, |_, _| panic!("nothing to find"));
        trie.each_cue(&chars("abc"), 3, true, &mut |_, _| {
            panic!("nothing to find")
        });
        assert!(!trie.may_start(&chars("ab"), 0));
    }
}
