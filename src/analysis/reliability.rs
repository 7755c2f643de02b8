//! Cronbach's alpha over complete cases.

use super::stats::{mean, variance};
use serde::Serialize;

/// Cronbach's alpha with the number of items and complete cases it used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Alpha {
    /// The coefficient, as computed (it can be negative).
    pub value: f64,
    /// Number of items, k.
    pub items: usize,
    /// Number of complete cases (listwise).
    pub cases: usize,
}

/// Why no alpha could be computed, in words for the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAlpha {
    /// Fewer than 2 items.
    TooFewItems(usize),
    /// Fewer than 3 respondents answered every item.
    TooFewCases(usize),
    /// Every complete case has the same total score.
    NoVariance,
}

impl std::fmt::Display for NoAlpha {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoAlpha::TooFewItems(k) => {
                f.write_str(&t!("no alpha: it needs at least 2 items, this dimension has {k}", k = k))
            }
            NoAlpha::TooFewCases(n) => f.write_str(&t!(
                "no alpha: it needs at least 3 respondents who answered every item, there are {n}",
                n = n
            )),
            NoAlpha::NoVariance => f.write_str(t!("no alpha: every respondent has the same total")),
        }
    }
}

impl Alpha {
    /// Alpha of `rows`: one row per respondent, one column per item (`None` = missing).
    /// Rows with any missing value are left out (listwise).
    ///
    /// # Errors
    /// `NoAlpha` when k < 2, fewer than 3 complete cases, or the total has no variance.
    pub fn of(rows: &[Vec<Option<f64>>], items: usize) -> Result<Alpha, NoAlpha> {
        if items < 2 {
            return Err(NoAlpha::TooFewItems(items));
        }
        let complete: Vec<Vec<f64>> = rows
            .iter()
            .filter_map(|row| row.iter().copied().collect::<Option<Vec<f64>>>())
            .filter(|row| row.len() == items)
            .collect();
        let cases = complete.len();
        if cases < 3 {
            return Err(NoAlpha::TooFewCases(cases));
        }
        let item_variances: f64 = (0..items)
            .map(|j| {
                let column: Vec<f64> = complete.iter().map(|row| row[j]).collect();
                variance(&column, mean(&column))
            })
            .sum();
        let totals: Vec<f64> = complete.iter().map(|row| row.iter().sum()).collect();
        let total_variance = variance(&totals, mean(&totals));
        if !(total_variance > 0.0) {
            return Err(NoAlpha::NoVariance);
        }
        let k = items as f64;
        Ok(Alpha { value: k / (k - 1.0) * (1.0 - item_variances / total_variance), items, cases })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn alpha_of_a_small_table() {
        // Perfectly parallel items: item variances sum to k·v, the total's variance is
        // k²·v, so alpha = k/(k−1) · (1 − 1/k) = 1.
        let rows: Vec<Vec<Option<f64>>> =
            (1..=4).map(|v| vec![Some(v as f64), Some(v as f64), Some(v as f64)]).collect();
        let alpha = Alpha::of(&rows, 3).unwrap();
        assert_relative_eq!(alpha.value, 1.0, max_relative = 1e-12);
        assert_eq!((alpha.items, alpha.cases), (3, 4));
    }

    #[test]
    fn alpha_needs_items_cases_and_variance() {
        let rows = vec![vec![Some(1.0), None], vec![Some(2.0), Some(2.0)]];
        assert_eq!(Alpha::of(&rows, 1), Err(NoAlpha::TooFewItems(1)));
        assert_eq!(Alpha::of(&rows, 2), Err(NoAlpha::TooFewCases(1)));
        let flat = vec![vec![Some(1.0), Some(1.0)]; 4];
        assert_eq!(Alpha::of(&flat, 2), Err(NoAlpha::NoVariance));
    }
}
