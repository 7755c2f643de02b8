//! NPS, CSAT, CES and the top-box shares of the experience gap.

use super::view::View;
use crate::model::Response;
use serde::Serialize;

/// A score with the number of answers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// The score (NPS in points, CSAT in %, CES as a mean).
    pub value: f64,
    /// Answers it is computed from.
    pub n: usize,
}

fn collect(customers: &[&Response], pick: impl Fn(&Response) -> Option<u8>) -> Vec<f64> {
    customers.iter().filter_map(|r| pick(r)).map(f64::from).collect()
}

fn share(values: &[f64], hit: impl Fn(f64) -> bool) -> f64 {
    100.0 * values.iter().filter(|v| hit(**v)).count() as f64 / values.len() as f64
}

/// Net Promoter Score: % promoters (9–10) − % detractors (0–6), customers only.
pub fn nps(customers: &[&Response]) -> Option<Score> {
    let values = collect(customers, |r| r.nps);
    (!values.is_empty()).then(|| Score {
        value: share(&values, |v| v >= 9.0) - share(&values, |v| v <= 6.0),
        n: values.len(),
    })
}

/// CSAT: % answering 4 or 5.
pub fn csat(customers: &[&Response]) -> Option<Score> {
    let values = collect(customers, |r| r.csat);
    (!values.is_empty()).then(|| Score { value: share(&values, |v| v >= 4.0), n: values.len() })
}

/// CES: the mean answer.
pub fn ces(customers: &[&Response]) -> Option<Score> {
    let values = collect(customers, |r| r.ces);
    (!values.is_empty()).then(|| Score { value: super::stats::mean(&values), n: values.len() })
}

/// The 80/8 figure: top-box share of customers' P against management's S, in %.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TopBox {
    /// % of customers' P answers in the top box.
    pub customers: f64,
    /// % of management's S answers in the top box.
    pub management: f64,
    /// customers − management, in percentage points.
    pub gap_pp: f64,
}

impl TopBox {
    /// Pools every P answer of every customer and every S answer of every manager over the
    /// listed items; `None` when either side has no answers.
    pub fn of(view: &View<'_>) -> Option<TopBox> {
        let threshold = view.project.scale.top_box_from();
        let customers: Vec<f64> = view.items.iter().flat_map(|i| view.perceptions(i)).collect();
        let management: Vec<f64> = view.items.iter().flat_map(|i| view.management_perceptions(i)).collect();
        if customers.is_empty() || management.is_empty() {
            return None;
        }
        let (c, m) = (share(&customers, |v| v >= threshold), share(&management, |v| v >= threshold));
        Some(TopBox { customers: c, management: m, gap_pp: c - m })
    }
}
