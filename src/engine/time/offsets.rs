//! A zone's UTC offsets remembered as stretches of constant offset, learned
//! from a slow source (the browser's `Intl`, a few microseconds a question)
//! so that the business-hours clock, which asks about many instants, pays
//! for each stretch once and then a binary search.
//!
//! The source is probed at the edges of six-hour blocks; where the two edges
//! differ, the change is found to the second by bisection. This assumes that
//! a zone changes its offset at most once in six hours, which holds for every
//! transition of the IANA database (the test suite checks every zone against
//! chrono-tz's copy of it).

/// Seconds since the Unix epoch.
pub type Seconds = i64;

/// The length of a probed block.
pub const BLOCK: Seconds = 6 * 3600;

/// The offsets of one zone learned so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetTable {
    /// Non-overlapping `[start, end)` stretches of one offset, sorted.
    stretches: Vec<Stretch>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stretch {
    start: Seconds,
    end: Seconds,
    offset: i32,
}

impl OffsetTable {
    /// The offset at `at`, learning its block from `probe` (the source's
    /// offset at an instant; `None`: unknown zone) when it is not known yet.
    pub fn offset(
        &mut self,
        at: Seconds,
        probe: &mut impl FnMut(Seconds) -> Option<i32>,
    ) -> Option<i32> {
        if let Some(offset) = self.known(at) {
            return Some(offset);
        }
        let start = at.div_euclid(BLOCK) * BLOCK;
        let end = start + BLOCK;
        let first = self.known(start).map_or_else(|| probe(start), Some)?;
        let last = self.known(end).map_or_else(|| probe(end), Some)?;
        if first == last {
            self.add(start, end, first);
        } else {
            // The first second at which the offset is `last`.
            let (mut before, mut after) = (start, end);
            while after - before > 1 {
                let middle = before + (after - before) / 2;
                if probe(middle)? == last {
                    after = middle;
                } else {
                    before = middle;
                }
            }
            self.add(start, after, first);
            self.add(after, end, last);
        }
        self.known(at)
    }

    /// How many stretches are remembered.
    pub fn len(&self) -> usize {
        self.stretches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stretches.is_empty()
    }

    fn known(&self, at: Seconds) -> Option<i32> {
        let after = self.stretches.partition_point(|s| s.start <= at);
        let stretch = self.stretches.get(after.checked_sub(1)?)?;
        (at < stretch.end).then_some(stretch.offset)
    }

    /// Records `[start, end)` at `offset`, joined to a neighbour of the same
    /// offset that it touches.
    fn add(&mut self, start: Seconds, end: Seconds, offset: i32) {
        if start >= end {
            return;
        }
        let at = self.stretches.partition_point(|s| s.start < start);
        let joins_before = at > 0
            && self.stretches[at - 1].end == start
            && self.stretches[at - 1].offset == offset;
        let joins_after = self
            .stretches
            .get(at)
            .is_some_and(|next| next.start == end && next.offset == offset);
        match (joins_before, joins_after) {
            (true, true) => {
                self.stretches[at - 1].end = self.stretches[at].end;
                self.stretches.remove(at);
            }
            (true, false) => self.stretches[at - 1].end = end,
            (false, true) => self.stretches[at].start = start,
            (false, false) => self.stretches.insert(at, Stretch { start, end, offset }),
        }
    }
}
