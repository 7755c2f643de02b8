//! Numbers as Gaplens writes them for people: the pages, the charts' labels and the
//! follow-up texts all use these, so a figure reads the same everywhere.

/// A figure with `decimals` decimals and a true minus sign; "–" when missing or not finite.
/// "−0.00" never appears: it would read as a shortfall that is not there.
pub fn number(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v:.decimals$}");
            let zero = format!("{:.decimals$}", 0.0);
            match text.strip_prefix('-') {
                Some(rest) if rest == zero => zero,
                Some(rest) => format!("−{rest}"),
                None => text,
            }
        }
        _ => "–".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn figures_use_a_true_minus_and_never_show_minus_zero() {
        assert_eq!(number(Some(-0.254), 2), "−0.25");
        assert_eq!(number(Some(-0.001), 2), "0.00");
        assert_eq!(number(Some(-1.5), 1), "−1.5");
        assert_eq!(number(Some(1.5), 1), "1.5");
        assert_eq!(number(None, 2), "–");
        assert_eq!(number(Some(f64::NAN), 2), "–");
    }
}
