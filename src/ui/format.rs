//! Numbers as the interface shows them.

pub use crate::format::number;

/// A p-value: "< 0.001" below that, three decimals otherwise.
pub fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 0.001 => "< 0.001".to_owned(),
        other => number(other, 3),
    }
}
