//! Randomness: the SplitMix64 generator, stateless key mixing, and the keyed bijections
//! (`permute`, `tiered`) that turn a record index into unique names, phones and emails.

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's finaliser: a fast, well-distributed 64-bit mixing function.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Derives an independent key from a seed and two small discriminators.
#[inline]
pub(crate) fn derive(seed: u64, a: u64, b: u64) -> u64 {
    mix(mix(seed ^ a.wrapping_mul(GOLDEN)) ^ b.wrapping_mul(0xD6E8_FEB8_6659_FD93))
}

/// SplitMix64: tiny, fast, and identical on every platform.
#[derive(Clone, Debug)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self { state: mix(seed) }
    }

    #[inline]
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A value in `0..n` (multiply-shift; the bias is far below anything visible).
    #[inline]
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A value in `lo..=hi`.
    #[inline]
    pub(crate) fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + ((u128::from(self.next_u64()) * u128::from(hi - lo + 1)) >> 64) as u64
    }

    #[inline]
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True with probability `pct` percent.
    #[inline]
    pub(crate) fn percent(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }

    /// An index into `weights`, chosen in proportion to them.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if roll < w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }

    /// Picks from `options` with the matching `weights`.
    pub(crate) fn choose<T: Copy>(&mut self, options: &[T], weights: &[u32]) -> T {
        options[self.weighted(weights)]
    }
}

/// A keyed bijection of `0..n` onto itself: an unbalanced Feistel network over `a × b ≥ n`
/// with cycle walking, so every `x < n` maps to a distinct value `< n`.
pub(crate) fn permute(x: u64, n: u64, key: u64) -> u64 {
    debug_assert!(x < n, "permute: {x} is outside 0..{n}");
    if n < 2 {
        return x;
    }
    let mut a = n.isqrt();
    if a * a < n {
        a += 1;
    }
    let b = n.div_ceil(a);
    let mut v = x;
    loop {
        let (mut l, mut r) = (v / b, v % b);
        for round in 0..3u64 {
            l = add_mod(l, below(mix(r ^ key ^ round.wrapping_mul(GOLDEN)), a), a);
            r = add_mod(r, below(mix(l ^ key.rotate_left(23) ^ round), b), b);
        }
        v = l * b + r;
        if v < n {
            return v;
        }
    }
}

/// `hash` scaled into `0..n` without a division.
#[inline]
fn below(hash: u64, n: u64) -> u64 {
    ((u128::from(hash) * u128::from(n)) >> 64) as u64
}

/// `(x + y) % n` for `x, y < n`.
#[inline]
fn add_mod(x: u64, y: u64, n: u64) -> u64 {
    let sum = x + y;
    if sum >= n { sum - n } else { sum }
}

/// Spreads `k` over consecutive tiers of the given sizes: returns the tier, a permuted offset
/// inside it and a repeat count (0 inside the tiers, 1, 2, … once `k` has passed them all, with
/// the last tier reused). Distinct `k` always give distinct triples.
pub(crate) fn tiered(k: u64, tiers: &[u64], key: u64) -> (usize, u64, u64) {
    let mut base = 0;
    for (t, &size) in tiers.iter().enumerate() {
        if k < base + size {
            return (t, permute(k - base, size, key ^ t as u64), 0);
        }
        base += size;
    }
    let last = tiers.len() - 1;
    let size = tiers[last];
    let over = k - base;
    (
        last,
        permute(over % size, size, key ^ last as u64),
        over / size + 1,
    )
}

/// Splits `k` bijectively into `(choice, j)`: of every `sum(weights)` consecutive values of `k`,
/// `weights[i]` go to choice `i` (in a keyed order that varies from block to block), and `j`
/// counts the values of `k` that went to the same choice before.
pub(crate) fn split(k: u64, weights: &[u64], key: u64) -> (usize, u64) {
    let block: u64 = weights.iter().sum();
    let round = k / block;
    let mut slot = permute(k % block, block, mix(key ^ round));
    for (i, &w) in weights.iter().enumerate() {
        if slot < w {
            return (i, round * w + slot);
        }
        slot -= w;
    }
    unreachable!("slot is below the block size")
}

/// Splits `x` into mixed-radix digits, least significant first.
#[inline]
pub(crate) fn digits<const N: usize>(mut x: u64, radices: [usize; N]) -> [usize; N] {
    let mut out = [0; N];
    for (slot, radix) in out.iter_mut().zip(radices) {
        *slot = (x % radix as u64) as usize;
        x /= radix as u64;
    }
    out
}

/// The product of the radices: the size of a mixed-radix space.
pub(crate) const fn space<const N: usize>(radices: [usize; N]) -> u64 {
    let mut product = 1u64;
    let mut i = 0;
    while i < N {
        product *= radices[i] as u64;
        i += 1;
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_is_a_bijection_for_awkward_sizes() {
        for n in [1u64, 2, 3, 7, 10, 99, 1000, 1001, 4097] {
            let mut seen = vec![false; n as usize];
            for x in 0..n {
                let y = permute(x, n, 0xABCD ^ n);
                assert!(y < n);
                assert!(!seen[y as usize], "{y} produced twice for n={n}");
                seen[y as usize] = true;
            }
        }
    }

    #[test]
    fn tiered_never_repeats_a_triple() {
        let mut seen = std::collections::HashSet::new();
        for k in 0..500 {
            assert!(seen.insert(tiered(k, &[7, 30, 50], 42)));
        }
    }

    #[test]
    fn split_is_a_bijection() {
        let mut seen = std::collections::HashSet::new();
        for k in 0..1000 {
            let (choice, j) = split(k, &[14, 4, 1, 1], 7);
            assert!(seen.insert((choice, j)));
        }
        let per_choice: Vec<u64> = (0..4)
            .map(|c| {
                seen.iter()
                    .filter(|(choice, _)| *choice == c)
                    .map(|(_, j)| j + 1)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        assert_eq!(per_choice, vec![700, 200, 50, 50]);
    }

    #[test]
    fn digits_round_trip_through_the_radices() {
        let radices = [3, 5, 7];
        assert_eq!(space(radices), 105);
        let d = digits(104, radices);
        assert_eq!(d, [2, 4, 6]);
    }

    #[test]
    fn weighted_choice_respects_zero_weights() {
        let mut rng = Rng::new(9);
        for _ in 0..1000 {
            assert_ne!(rng.weighted(&[5, 0, 5]), 1);
        }
    }
}
