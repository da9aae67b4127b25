//! Work spread over the machine's cores, results in input order, so the
//! analysis stays deterministic however the work was scheduled.

use std::ops::Range;

use rayon::prelude::*;

/// `items.map(f)` on every core. The threads are rayon's: started once and
/// reused, because starting a thread per call cost more than a small run's
/// parallel work saved.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    items.into_par_iter().map(f).collect()
}

/// `0..len` cut into at most `pieces` consecutive ranges of about equal size.
#[must_use]
pub fn ranges(len: usize, pieces: usize) -> Vec<Range<usize>> {
    let size = len.div_ceil(pieces.max(1)).max(1);
    (0..len)
        .step_by(size)
        .map(|start| start..(start + size).min(len))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_input_order() {
        let out = super::map((0..100).collect(), |i: u64| i * i);
        assert_eq!(out, (0..100).map(|i| i * i).collect::<Vec<_>>());
    }
}
