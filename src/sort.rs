//! Stable sorting through one compiled sort routine.
//!
//! Each `slice::sort_by` with its own element type or comparator compiles a whole copy of the
//! standard library's sort into the WebAssembly (some 4 KB each; 18 copies measured with twiggy).
//! These sort a list of positions through one non-generic routine with the comparison behind a
//! `dyn`, then move the elements into place, so every caller shares one copy. Same result as
//! `sort_by`: stable, equal elements keep their order.

use std::cmp::Ordering;

/// The positions `0..len` in sorted order by `compare` (stable); the one sort that is compiled.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the elements so that position `i` holds the element that was at `order[i]`, following
/// each cycle of the permutation once (linear time, no copies of the elements).
fn apply<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` stably by a key, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 257] {
            let pairs: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = pairs.clone();
            let mut theirs = pairs.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, theirs, "len {len}");
            let mut keyed = pairs.clone();
            sort_by_key(&mut keyed, |p| std::cmp::Reverse(p.0));
            let mut expected = pairs;
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(keyed, expected);
        }
        let mut words = vec!["pear".to_owned(), "apple".to_owned(), "fig".to_owned()];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }
}
