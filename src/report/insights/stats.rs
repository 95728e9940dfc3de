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
    let mut differences: Vec<f64> = first
        .iter()
        .flat_map(|x| second.iter().map(move |y| x - y))
        .collect();
    differences.sort_by(f64::total_cmp);
    let (size_a, size_b) = (first.len() as f64, second.len() as f64);
    let pairs = size_a * size_b;
    let rank = (pairs / 2.0 - Z90 * (pairs * (size_a + size_b + 1.0) / 12.0).sqrt()).floor();
    let interval = (rank >= 1.0).then(|| {
        let rank = rank as usize;
        (differences[rank - 1], differences[differences.len() - rank])
    });
    Some(Shift {
        estimate: median(&differences)?,
        interval,
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
        // Two posts against two: no interval can be given.
        assert_eq!(shift(&[1.0, 2.0], &[0.0, 1.0]).unwrap().interval, None);
        assert_eq!(shift(&[], &[1.0]), None);
    }
}
