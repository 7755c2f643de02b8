//! Descriptive statistics and one-sample t-tests, with the degenerate cases spelled out.
//!
//! Distributions come from `statrs`; its Student's t quantiles and tail probabilities are
//! pinned to SciPy in `tests/reference.rs`.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// n below this is never a finding ("too few answers").
pub const MIN_N_FINDING: usize = 10;
/// n below this is shown as indicative.
pub const MIN_N_SOLID: usize = 30;
/// Significance level for findings.
pub const ALPHA: f64 = 0.05;

/// n, mean, SD (n − 1), SE and the 95 % CI from Student's t.
///
/// # Remarks
/// n = 0: every value `None`. n = 1: only `mean`. n ≥ 2 with SD = 0: `se` = 0 and the CI
/// collapses onto the mean. Non-finite inputs are never passed in (the import rejects them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// Number of values.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: Option<f64>,
    /// Sample standard deviation (denominator n − 1).
    pub sd: Option<f64>,
    /// Standard error of the mean, SD ÷ √n.
    pub se: Option<f64>,
    /// Lower bound of the 95 % confidence interval.
    pub ci_low: Option<f64>,
    /// Upper bound of the 95 % confidence interval.
    pub ci_high: Option<f64>,
}

impl Summary {
    /// The summary of `values`.
    pub fn of(values: &[f64]) -> Summary {
        let n = values.len();
        if n == 0 {
            return Summary { n, mean: None, sd: None, se: None, ci_low: None, ci_high: None };
        }
        let mean = mean(values);
        if n == 1 {
            return Summary { n, mean: Some(mean), sd: None, se: None, ci_low: None, ci_high: None };
        }
        let sd = variance(values, mean).sqrt();
        let se = sd / (n as f64).sqrt();
        let half_width = t_quantile(0.975, (n - 1) as f64).map_or(f64::NAN, |q| q * se);
        let (ci_low, ci_high) = if se == 0.0 {
            (mean, mean)
        } else {
            (mean - half_width, mean + half_width)
        };
        Summary {
            n,
            mean: Some(mean),
            sd: Some(sd),
            se: Some(se),
            ci_low: finite(ci_low),
            ci_high: finite(ci_high),
        }
    }

    /// Whether n is below the level where anything can be a finding.
    pub fn too_few(&self) -> bool {
        self.n < MIN_N_FINDING
    }

    /// Whether n is below the level where figures are more than indicative.
    pub fn indicative(&self) -> bool {
        self.n < MIN_N_SOLID
    }
}

/// A gap with its test: the summary of the gap plus t, df, two-sided p, and extras.
///
/// In a paired test the summary is of the differences; in a one-sample test against a stated
/// level the `mean` is the gap while `sd` and `se` are those of the customers' answers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GapTest {
    /// n, mean (the gap), SD, SE and CI.
    #[serde(flatten)]
    pub summary: Summary,
    /// t statistic, gap ÷ SE.
    pub t: Option<f64>,
    /// Degrees of freedom, n − 1.
    pub df: Option<f64>,
    /// Two-sided p.
    pub p: Option<f64>,
    /// Holm-adjusted p; present on items only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_holm: Option<Option<f64>>,
    /// Cohen's d_z; present on perception gaps only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dz: Option<Option<f64>>,
    /// n ≥ 10 and p (Holm-adjusted for items) below 0.05.
    pub finding: bool,
    /// n < 30.
    pub indicative: bool,
}

impl GapTest {
    /// One-sample t-test of `values` against 0, with Cohen's d_z: the paired test when
    /// `values` are differences P − E.
    pub fn paired(values: &[f64]) -> GapTest {
        let summary = Summary::of(values);
        let dz = match (summary.mean, summary.sd) {
            (Some(m), Some(sd)) if sd > 0.0 => Some(m / sd),
            _ => None,
        };
        let mut test = GapTest::from_summary(summary);
        test.dz = Some(dz);
        test
    }

    /// One-sample t-test of `answers` against the stated `level`, reported as the gap
    /// `sign · (mean(answers) − level)`: `sign` = 1 for P − L, −1 for L − E.
    pub fn against_level(answers: &[f64], level: f64, sign: f64) -> GapTest {
        let answers_summary = Summary::of(answers);
        let gap = answers_summary.mean.map(|m| sign * (m - level));
        let summary = match (gap, answers_summary.se) {
            (Some(gap), Some(se)) => {
                let half = if se == 0.0 {
                    0.0
                } else {
                    t_quantile(0.975, (answers.len() - 1) as f64).map_or(f64::NAN, |q| q * se)
                };
                Summary {
                    mean: Some(gap),
                    ci_low: finite(gap - half),
                    ci_high: finite(gap + half),
                    ..answers_summary
                }
            }
            _ => Summary { mean: gap, ..answers_summary },
        };
        GapTest::from_summary(summary)
    }

    fn from_summary(summary: Summary) -> GapTest {
        let df = (summary.n >= 2).then(|| (summary.n - 1) as f64);
        let (t, p) = match (summary.mean, summary.se, df) {
            (Some(m), Some(se), Some(df)) if se > 0.0 => {
                let t = m / se;
                (finite(t), two_sided_p(t, df))
            }
            _ => (None, None),
        };
        let finding = !summary.too_few() && p.is_some_and(|p| p < ALPHA);
        GapTest {
            summary,
            t,
            df,
            p,
            p_holm: None,
            dz: None,
            finding,
            indicative: summary.indicative(),
        }
    }

    /// Sets the Holm-adjusted p and recomputes `finding` from it (items).
    pub fn set_holm(&mut self, p_holm: Option<f64>) {
        self.p_holm = Some(p_holm);
        self.finding = !self.summary.too_few() && p_holm.is_some_and(|p| p < ALPHA);
    }

    /// The gap (the mean), when there is one.
    pub fn gap(&self) -> Option<f64> {
        self.summary.mean
    }
}

/// Welch's t-test for a change between two independent samples (`to` − `from`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// Mean of `to` minus mean of `from`.
    pub difference: Option<f64>,
    /// Welch's t.
    pub t: Option<f64>,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: Option<f64>,
    /// Two-sided p.
    pub p: Option<f64>,
}

impl Change {
    /// Welch's test of `to` against `from`.
    ///
    /// # Remarks
    /// The difference needs one value on each side; t, df and p need n ≥ 2 on both sides and
    /// some variance, otherwise they are `None`.
    pub fn welch(from: &[f64], to: &[f64]) -> Change {
        let (a, b) = (Summary::of(from), Summary::of(to));
        let difference = match (a.mean, b.mean) {
            (Some(x), Some(y)) => Some(y - x),
            _ => None,
        };
        let none = Change { difference, t: None, df: None, p: None };
        let (Some(sa), Some(sb), Some(difference)) = (a.sd, b.sd, difference) else { return none };
        let (va, vb) = (sa * sa / a.n as f64, sb * sb / b.n as f64);
        let se2 = va + vb;
        if !(se2 > 0.0) {
            return none;
        }
        let t = difference / se2.sqrt();
        let df = se2 * se2 / (va * va / (a.n as f64 - 1.0) + vb * vb / (b.n as f64 - 1.0));
        Change { difference: Some(difference), t: finite(t), df: finite(df), p: two_sided_p(t, df) }
    }
}

/// Ranks with ties given their average rank (1-based).
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end) as f64 / 2.0 + 1.0;
        for &index in &order[start..=end] {
            ranks[index] = rank;
        }
        start = end + 1;
    }
    ranks
}

/// Pearson's r; `None` for fewer than 2 pairs or a constant side.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(xs), mean(ys));
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let syy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    if !(sxx > 0.0 && syy > 0.0) {
        return None;
    }
    finite((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation (Pearson's r of average ranks).
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    pearson(&average_ranks(xs), &average_ranks(ys))
}

/// Holm's step-down adjustment of `p_values`; `None` entries are not in the family and stay
/// `None`. Adjusted values are capped at 1 and monotone in the order of the raw values.
pub fn holm(p_values: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<(usize, f64)> =
        p_values.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, p))).collect();
    crate::sort::sort_by(&mut order, |a, b| a.1.total_cmp(&b.1));
    let m = order.len();
    let mut adjusted = vec![None; p_values.len()];
    let mut running_max: f64 = 0.0;
    for (rank, (index, p)) in order.into_iter().enumerate() {
        let value = ((m - rank) as f64 * p).min(1.0);
        running_max = running_max.max(value);
        adjusted[index] = Some(running_max);
    }
    adjusted
}

/// The `q` quantile of Student's t with `df` degrees of freedom (`None` for df ≤ 0).
///
/// # Remarks
/// statrs 0.19's `inverse_cdf` drifts for large df (about 7e-6 off SciPy's `t.ppf` at
/// df = 100 000, see `tests/reference.rs`), so its answer is polished with Newton steps on
/// statrs' own CDF and density, which are accurate there.
pub fn t_quantile(q: f64, df: f64) -> Option<f64> {
    use statrs::distribution::Continuous;
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    let mut x = dist.inverse_cdf(q);
    for _ in 0..4 {
        let density = dist.pdf(x);
        if !(density > 0.0) {
            break;
        }
        // Work in the tail the quantile lies in, where the CDF has full relative precision.
        let error = if q > 0.5 { (1.0 - q) - dist.sf(x) } else { dist.cdf(x) - q };
        let step = error / density;
        x -= step;
        if step.abs() <= 1e-15 * x.abs().max(1.0) {
            break;
        }
    }
    finite(x)
}

/// Two-sided p of `t` under Student's t with `df` degrees of freedom.
pub fn two_sided_p(t: f64, df: f64) -> Option<f64> {
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    finite((2.0 * dist.sf(t.abs())).min(1.0))
}

/// Arithmetic mean; NaN for no values.
pub fn mean(values: &[f64]) -> f64 {
    // Two-pass: a corrected mean keeps the last digits right for large offsets.
    let n = values.len() as f64;
    let first = values.iter().sum::<f64>() / n;
    first + values.iter().map(|v| v - first).sum::<f64>() / n
}

/// Sample variance (n − 1) around `mean`.
pub fn variance(values: &[f64], mean: f64) -> f64 {
    let n = values.len() as f64;
    let deviations: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    let correction: f64 = values.iter().map(|v| v - mean).sum();
    (deviations - correction * correction / n) / (n - 1.0)
}

fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn summary_degenerate_cases() {
        let empty = Summary::of(&[]);
        assert_eq!((empty.n, empty.mean), (0, None));
        let one = Summary::of(&[2.0]);
        assert_eq!((one.mean, one.sd, one.ci_low), (Some(2.0), None, None));
        let flat = Summary::of(&[3.0, 3.0, 3.0]);
        assert_eq!((flat.se, flat.ci_low, flat.ci_high), (Some(0.0), Some(3.0), Some(3.0)));
        let flat_test = GapTest::paired(&[3.0, 3.0, 3.0]);
        assert_eq!((flat_test.t, flat_test.p, flat_test.dz), (None, None, Some(None)));
        assert_eq!(flat_test.df, Some(2.0));
    }

    #[test]
    fn summary_matches_a_hand_computation() {
        // mean 2.5, var 5/3, sd 1.2909944487358056, se 0.6454972243679028
        let s = Summary::of(&[1.0, 2.0, 3.0, 4.0]);
        assert_relative_eq!(s.sd.unwrap(), 1.2909944487358056, max_relative = 1e-12);
        assert_relative_eq!(s.se.unwrap(), 0.6454972243679028, max_relative = 1e-12);
    }

    #[test]
    fn holm_matches_the_textbook_example() {
        // p = 0.01, 0.04, 0.03, 0.005 → sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 → 0.02, 0.03, 0.06, 0.06
        let adjusted = holm(&[Some(0.01), Some(0.04), None, Some(0.03), Some(0.005)]);
        let expect = [Some(0.03), Some(0.06), None, Some(0.06), Some(0.02)];
        for (a, e) in adjusted.iter().zip(expect) {
            match (a, e) {
                (Some(a), Some(e)) => assert_relative_eq!(*a, e, max_relative = 1e-12),
                (a, e) => assert_eq!(*a, e),
            }
        }
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(average_ranks(&[10.0, 20.0, 10.0, 30.0]), vec![1.5, 3.0, 1.5, 4.0]);
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn welch_matches_a_hand_computation() {
        // from = 1,2,3 (mean 2, var 1), to = 2,4,6,8 (mean 5, var 20/3)
        let change = Change::welch(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0, 8.0]);
        let (va, vb) = (1.0 / 3.0, 20.0 / 3.0 / 4.0);
        assert_relative_eq!(change.difference.unwrap(), 3.0);
        assert_relative_eq!(change.t.unwrap(), 3.0 / f64::sqrt(va + vb), max_relative = 1e-12);
        let df = (va + vb) * (va + vb) / (va * va / 2.0 + vb * vb / 3.0);
        assert_relative_eq!(change.df.unwrap(), df, max_relative = 1e-12);
        assert_eq!(Change::welch(&[1.0], &[2.0, 3.0]).t, None);
    }

    #[test]
    fn against_level_uses_the_answers_spread() {
        let test = GapTest::against_level(&[4.0, 5.0, 6.0], 6.0, 1.0);
        assert_eq!(test.gap(), Some(-1.0));
        assert_eq!(test.summary.sd, Some(1.0));
        assert_relative_eq!(test.t.unwrap(), -1.0 / (1.0 / 3f64.sqrt()), max_relative = 1e-12);
        assert!(test.dz.is_none());
    }
}
