//! Stable, time-ordered 64-bit record IDs.
//!
//! Layout (63 bits, always positive): milliseconds since 2020-01-01 (41 bits,
//! good until 2089), a random node number per process (10 bits) and a
//! sequence (12 bits). The ID is the table's INTEGER PRIMARY KEY, so it costs
//! no extra index, and new rows append at the end of the B-tree. Two
//! contributors' databases can be merged without renumbering: IDs made on
//! different machines collide only if they share the millisecond and the node.

use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

const EPOCH_MS: i64 = 1_577_836_800_000; // 2020-01-01T00:00:00Z
const NODE_BITS: u32 = 10;
const SEQ_BITS: u32 = 12;

/// Hands out strictly increasing IDs.
pub struct IdGen {
    last: i64,
    node: i64,
}

impl IdGen {
    /// A generator whose IDs are all greater than `floor` (the largest ID
    /// already in the tables it will write to).
    pub fn new(floor: i64) -> IdGen {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        let node = (h.finish() as i64) & ((1 << NODE_BITS) - 1);
        IdGen { last: floor, node }
    }

    /// The next ID: the clock's, or one more than the last when many are made
    /// in one millisecond (borrowing from the next).
    pub fn next_id(&mut self) -> i64 {
        let ms =
            SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(EPOCH_MS) - EPOCH_MS;
        let candidate = (ms.max(0) << (NODE_BITS + SEQ_BITS)) | (self.node << SEQ_BITS);
        self.last = if candidate > self.last { candidate } else { self.last + 1 };
        self.last
    }
}

/// The time an ID was made, as milliseconds since the Unix epoch.
pub fn millis_of(id: i64) -> i64 {
    (id >> (NODE_BITS + SEQ_BITS)) + EPOCH_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_and_carry_their_time() {
        let mut g = IdGen::new(0);
        let a = g.next_id();
        let mut prev = a;
        for _ in 0..100_000 {
            let n = g.next_id();
            assert!(n > prev);
            prev = n;
        }
        assert!(a > 0);
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64;
        assert!((now - millis_of(a)).abs() < 60_000);
    }

    #[test]
    fn ids_stay_above_the_floor() {
        let floor = i64::MAX / 2;
        let mut g = IdGen::new(floor);
        assert!(g.next_id() > floor);
    }
}
