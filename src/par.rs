//! Work spread over the machine's cores, results in input order, so the
//! analysis stays deterministic however the work was scheduled.

use std::ops::Range;
use std::sync::Mutex;
use std::thread;

/// Threads to use: the available cores, never more than the items.
fn threads_for(items: usize) -> usize {
    thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items)
}

/// `items.map(f)`, with the items handed out one at a time to a thread per
/// core (the calling thread is one of them): uneven items still balance.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let queue = Mutex::new(items.into_iter().enumerate());
    let mut done: Vec<(usize, R)> = thread::scope(|s| {
        let helpers: Vec<_> = (1..threads)
            .map(|_| s.spawn(|| drain(&queue, &f)))
            .collect();
        let mut done = drain(&queue, &f);
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
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

/// Takes items off the shared queue until it is empty.
fn drain<T, R>(
    queue: &Mutex<impl Iterator<Item = (usize, T)>>,
    f: &impl Fn(T) -> R,
) -> Vec<(usize, R)> {
    let mut out = Vec::new();
    loop {
        // A poisoned queue means another worker panicked; its join re-raises it.
        let next = match queue.lock() {
            Ok(mut q) => q.next(),
            Err(_) => None,
        };
        let Some((i, item)) = next else { break };
        out.push((i, f(item)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_input_order() {
        let out = super::map((0..100).collect(), |i: u64| i * i);
        assert_eq!(out, (0..100).map(|i| i * i).collect::<Vec<_>>());
    }
}
