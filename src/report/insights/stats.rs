//! The statistics of the evidence (docs/metrics.md, "Insights"): medians
//! and quartiles, and how sure a difference between two groups of posts
//! is — the Hodges–Lehmann shift with its distribution-free interval.

/// The z value of a two-sided 90% interval.
const Z90: f64 = 1.644_853_626_951_472_2;

/// The median of `values` (the mean of the two middle ones for an even
/// count); `None` for none.
pub fn median(values: &[f64]) -> Option<f64> {
    quantile(values, 0.5)
}

/// The `q` quantile of `values` by linear interpolation between order
/// statistics (position `q·(n−1)`, numpy's default); `None` for none.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "a position between 0 and the count, which is far below 2^52"
)]
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let fraction = position - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * fraction)
}

/// How much larger `a` runs than `b`: the median of every difference
/// `a_i − b_j` (the Hodges–Lehmann shift), with its 90% interval from the
/// order statistics of those differences — from the `k`-th to the
/// `(mn+1−k)`-th, `k = ⌊mn/2 − z·√(mn(m+n+1)/12)⌋` — or `None` for the
/// interval when the groups are too small to give one (`k < 1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shift {
    pub estimate: f64,
    pub interval: Option<(f64, f64)>,
}

/// The shift of `first` over `second`; `None` when either group is empty.
/// The differences are never listed: each order statistic of them is found
/// by counting, in time and memory linear in the groups (two groups of
/// 50,000 posts have 2.5 billion differences).
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "the rank is checked to be at least 1 and is below the count of differences"
)]
pub fn shift(first: &[f64], second: &[f64]) -> Option<Shift> {
    if first.is_empty() || second.is_empty() {
        return None;
    }
    let differences = Differences::of(first, second);
    let (size_a, size_b) = (first.len() as f64, second.len() as f64);
    let pairs = size_a * size_b;
    let rank = (pairs / 2.0 - Z90 * (pairs * (size_a + size_b + 1.0) / 12.0).sqrt()).floor();
    let count = differences.count;
    let interval = (rank >= 1.0).then(|| {
        let rank = rank as u64;
        (differences.nth(rank), differences.nth(count + 1 - rank))
    });
    // The median as `quantile` takes it: between the middle two for an even count.
    let position = 0.5 * (count - 1) as f64;
    let (below, above) = (position.floor() as u64, position.ceil() as u64);
    let (low, high) = (differences.nth(below + 1), differences.nth(above + 1));
    Some(Shift {
        estimate: low + (high - low) * (position - below as f64),
        interval,
    })
}

/// Every difference `a − b` of two groups, never listed: both groups
/// sorted, in the order `f64::total_cmp` gives.
struct Differences {
    first: Vec<f64>,
    second: Vec<f64>,
    count: u64,
}

impl Differences {
    fn of(first: &[f64], second: &[f64]) -> Differences {
        let sorted = |values: &[f64]| {
            let mut values = values.to_vec();
            values.sort_by(f64::total_cmp);
            values
        };
        Differences {
            first: sorted(first),
            second: sorted(second),
            count: (first.len() as u64) * (second.len() as u64),
        }
    }

    /// How many differences are at most `t` (in the order of `total_cmp`):
    /// for each `a`, those `b` from the first with `a − b ≤ t`, which
    /// only moves on as `a` grows.
    fn at_most(&self, t: f64) -> u64 {
        let mut from = 0;
        let mut count = 0;
        for a in &self.first {
            while from < self.second.len() && (a - self.second[from]).total_cmp(&t).is_gt() {
                from += 1;
            }
            count += (self.second.len() - from) as u64;
        }
        count
    }

    /// The `k`-th smallest difference (from 1): the least `t` with at
    /// least `k` differences at most `t`, found among the doubles between
    /// the least and the greatest difference by halving.
    fn nth(&self, k: u64) -> f64 {
        let (Some(a_low), Some(a_high)) = (self.first.first(), self.first.last()) else {
            return f64::NAN;
        };
        let (Some(b_low), Some(b_high)) = (self.second.first(), self.second.last()) else {
            return f64::NAN;
        };
        let (mut low, mut high) = (order_key(a_low - b_high), order_key(a_high - b_low));
        while low < high {
            let middle = low + (high - low) / 2;
            if self.at_most(from_order_key(middle)) >= k {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        from_order_key(low)
    }
}

/// A double's place in the order of `total_cmp`, as an unsigned number.
fn order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_quartiles_interpolate() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), Some(2.0));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.25), Some(1.75));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn the_shift_of_two_groups_and_its_interval() {
        // Every difference of {10..=19} over {0..=9}: 1 to 19, centred on 10.
        let a: Vec<f64> = (10..20).map(f64::from).collect();
        let b: Vec<f64> = (0..10).map(f64::from).collect();
        let s = shift(&a, &b).unwrap();
        assert!((s.estimate - 10.0).abs() < 1e-12, "{}", s.estimate);
        // mn = 100, k = ⌊50 − 1.6449·√(100·21/12)⌋ = ⌊50 − 21.76⌋ = 28.
        let (low, high) = s.interval.unwrap();
        assert!(low > 0.0 && high > low, "{low} {high}");
        let mut d: Vec<f64> = a
            .iter()
            .flat_map(|x| b.iter().map(move |y| x - y))
            .collect();
        d.sort_by(f64::total_cmp);
        assert_eq!((low, high), (d[27], d[100 - 28]));
        // Every order statistic as the sorted list of differences has it,
        // for groups with ties, negative and zero rates.
        let a = [0.0, 3.5, 3.5, 1.25, 7.0, 0.0, 2.0];
        let b = [1.0, 3.5, 0.0, 9.5, 2.0];
        let differences = Differences::of(&a, &b);
        let mut d: Vec<f64> = a
            .iter()
            .flat_map(|x| b.iter().map(move |y| x - y))
            .collect();
        d.sort_by(f64::total_cmp);
        for (k, expected) in (1..).zip(&d) {
            assert_eq!(differences.nth(k).to_bits(), expected.to_bits(), "{k}");
        }
        let estimate = shift(&a, &b).unwrap().estimate;
        assert_eq!(estimate.to_bits(), median(&d).unwrap().to_bits());
        // Two posts against two: no interval can be given.
        assert_eq!(shift(&[1.0, 2.0], &[0.0, 1.0]).unwrap().interval, None);
        assert_eq!(shift(&[], &[1.0]), None);
    }
}
