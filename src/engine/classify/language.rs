//! Which languages a text reads as, so that a negation cue of one list does
//! not deny anything in a text whose language uses that word otherwise:
//! English "no" is Portuguese "in the" ("erro no plugin customizado"),
//! French "pas" Indonesian "when" ("pas bayar tagihan"), Italian "mai"
//! French "May".
//!
//! A list names, under `[language]`, common words only its language uses
//! ("não", "você"), and under `[not negation]`, after it, the other lists'
//! cues that are ordinary words in it. Such a cue does not count in a text
//! holding one of those words. Each `[language]` section is a language of
//! its own, and a `[not negation]` section belongs to the one before it:
//! the browser reads the lists joined into one, in the same order. A
//! text's languages are read only when such a cue stands by a phrase:
//! most texts never need them.

use super::vocabulary::is_word_char;
use std::cell::OnceCell;

/// The most `[language]` sections (a bit each in a `u32`).
const MAX_LANGUAGES: usize = 32;

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Languages {
    /// How many `[language]` sections were read: the last one's bit is
    /// this less one.
    count: usize,
    /// The words that tell a language: (hash, its language's bit), sorted
    /// once the lists are read ([`Languages::build`]). Hashes rather than a
    /// trie: a word is looked up whole, and the widget's module already
    /// holds the sort for pairs of `usize`.
    words: Vec<(usize, usize)>,
    /// The cues that are ordinary words in a language (its bit).
    not_cues: Vec<(Vec<char>, usize)>,
}

const FNV_BASIS: u32 = 0x811C_9DC5;

/// One step of a word's hash (FNV-1a over its characters).
fn step(hash: u32, c: char) -> u32 {
    (hash ^ c as u32).wrapping_mul(0x0100_0193)
}

/// A word's hash.
fn hash(word: &[char]) -> u32 {
    word.iter().fold(FNV_BASIS, |hash, &c| step(hash, c))
}

impl Languages {
    /// Starts the words of a `[language]` section.
    pub(super) fn open(&mut self) {
        self.count += 1;
    }

    /// The last `[language]` section's bit (past the 32nd, they share one).
    fn last(&self) -> usize {
        (self.count - 1).min(MAX_LANGUAGES - 1)
    }

    /// A word that tells a text is in the language of the last
    /// `[language]` section.
    pub(super) fn add_word(&mut self, word: &[char]) {
        self.words.push((hash(word) as usize, 1 << self.last()));
    }

    /// A cue of another list that is an ordinary word in the language of
    /// the last `[language]` section.
    pub(super) fn add_not_cue(&mut self, cue: Vec<char>) -> Result<(), String> {
        if self.count == 0 {
            return Err("[not negation] comes after the [language] section it belongs to".into());
        }
        self.not_cues.push((cue, self.last()));
        Ok(())
    }

    pub(super) fn build(&mut self) {
        self.words.sort_unstable();
    }

    /// The languages (a bit each) in which `cue` is an ordinary word.
    fn ordinary_in(&self, cue: &[char]) -> u32 {
        let mut bits = 0;
        for (word, bit) in &self.not_cues {
            if word.as_slice() == cue {
                bits |= 1 << bit;
            }
        }
        bits
    }

    /// The languages (a bit each) a word, by its hash, tells.
    fn languages_of(&self, hash: u32) -> u32 {
        let hash = hash as usize;
        let mut at = self.words.partition_point(|&(found, _)| found < hash);
        let mut bits = 0;
        while let Some(&(found, bit)) = self.words.get(at) {
            if found != hash {
                break;
            }
            bits |= bit as u32;
            at += 1;
        }
        bits
    }

    /// Whether `word` is one of the `[language]` words: common words,
    /// never shown as one that led to a suggestion or signal.
    pub(super) fn is_common(&self, word: &[char]) -> bool {
        self.languages_of(hash(word)) != 0
    }

    /// The languages (a bit each) whose words `chars` holds: each word
    /// hashed as it is read, then looked up.
    fn read(&self, chars: &[char]) -> u32 {
        let (mut read, mut hash, mut in_word) = (0, FNV_BASIS, false);
        for &c in chars {
            if is_word_char(c) {
                hash = step(hash, c);
                in_word = true;
            } else if in_word {
                read |= self.languages_of(hash);
                (hash, in_word) = (FNV_BASIS, false);
            }
        }
        if in_word {
            read |= self.languages_of(hash);
        }
        read
    }
}

/// A text's languages, read the first time a cue asks for them.
pub(super) struct Reading<'a> {
    languages: &'a Languages,
    chars: &'a [char],
    read: OnceCell<u32>,
}

impl<'a> Reading<'a> {
    /// The reading of `chars`, with its languages when they are `known`.
    pub(super) fn new(languages: &'a Languages, chars: &'a [char], known: Option<u32>) -> Self {
        Reading {
            languages,
            chars,
            read: known.map_or_else(OnceCell::new, OnceCell::from),
        }
    }

    /// The text's languages, if they were read.
    pub(super) fn languages(&self) -> Option<u32> {
        self.read.get().copied()
    }

    /// Whether `cue` counts in this text: not when the text reads as a
    /// language in which it is an ordinary word.
    pub(super) fn counts(&self, cue: &[char]) -> bool {
        let ordinary = self.languages.ordinary_in(cue);
        ordinary == 0 || *self.read.get_or_init(|| self.languages.read(self.chars)) & ordinary == 0
    }
}
