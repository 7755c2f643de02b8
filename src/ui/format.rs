//! Numbers as the interface shows them.

/// A figure with `decimals` decimals and a true minus sign; "–" when missing.
pub fn number(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v:.decimals$}");
            // "-0.00" reads as a shortfall that is not there.
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

/// A p-value: "< 0.001" below that, three decimals otherwise.
pub fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 0.001 => "< 0.001".to_owned(),
        other => number(other, 3),
    }
}
