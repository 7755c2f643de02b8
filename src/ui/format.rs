//! Numbers as the interface shows them, in the interface language (`crate::format`).

pub use crate::format::{count, number, percent};

/// A p-value: "< 0.001" below that, three decimals otherwise.
pub fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 0.001 => format!("< {}", number(Some(0.001), 3)),
        other => number(other, 3),
    }
}

/// A value as it was typed or stored, with no trailing zeros ("18.5", "20", "99.5"), in the
/// interface language's decimal mark ("18,5"); "–" when not finite.
pub fn plain(value: f64) -> String {
    let decimals = format!("{value}").split_once('.').map_or(0, |(_, fraction)| fraction.len());
    number(Some(value), decimals.min(6))
}

/// "1 response" or "12 responses": `one` and `many` are the translated texts, `many` with
/// its `{n}`, which gets the count as the interface language writes it.
///
/// ```ignore
/// plural(n, t!("1 response"), t!("{n} responses"))
/// ```
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_owned()
    } else {
        crate::i18n::fill(many, &[("n", &count(n))])
    }
}
