//! Stated importance, the weighted perception gap, and importance–performance analysis.

use super::stats::{mean, pearson};
use super::view::View;
use super::{DimensionResult, ItemResult};
use crate::model::DimensionCode;
use serde::Serialize;
use std::collections::BTreeMap;

/// Mean stated importance per dimension, as weights summing to about 1.
pub struct Weights {
    weights: Option<BTreeMap<DimensionCode, f64>>,
}

impl Weights {
    /// From customers in the view who gave points (rows summing to 0 were dropped at import;
    /// a blank cell in a row with points counts as 0; rows were rescaled to 100 at import).
    pub fn of(view: &View<'_>) -> Weights {
        let rows: Vec<_> = view.customers.iter().filter(|r| r.importance.values().sum::<f64>() > 0.0).collect();
        if rows.is_empty() {
            return Weights { weights: None };
        }
        let mut weights = BTreeMap::new();
        for dimension in view.project.dimensions.iter().map(|d| &d.code).chain(view.items.iter().map(|i| &i.dimension)) {
            let points: Vec<f64> = rows
                .iter()
                .map(|r| {
                    let sum: f64 = r.importance.values().sum();
                    r.importance.get(dimension).copied().unwrap_or(0.0) * 100.0 / sum
                })
                .collect();
            weights.insert(dimension.clone(), mean(&points) / 100.0);
        }
        Weights { weights: Some(weights) }
    }

    /// Whether any customer stated importance.
    pub fn is_stated(&self) -> bool {
        self.weights.is_some()
    }

    /// The weight of `dimension`.
    pub fn weight(&self, dimension: &DimensionCode) -> Option<f64> {
        self.weights.as_ref().and_then(|w| w.get(dimension).copied())
    }

    /// Σ w_d · gap_d over dimensions with a gap; `None` without stated importance.
    pub fn weighted_gap(&self, dimensions: &[DimensionResult]) -> Option<f64> {
        self.weights.as_ref()?;
        Some(
            dimensions
                .iter()
                .filter_map(|d| Some(d.importance_weight? * d.perception_gap.gap()?))
                .sum(),
        )
    }

    /// Each listed item's importance: its dimension's weight shared by the dimension's
    /// listed items, or 1 for every item without stated importance.
    pub fn per_item(&self, view: &View<'_>) -> BTreeMap<String, f64> {
        view.items
            .iter()
            .map(|item| {
                let value = match self.weight(&item.dimension) {
                    Some(weight) => {
                        let k = view.items.iter().filter(|i| i.dimension == item.dimension).count();
                        weight / k as f64
                    }
                    None => 1.0,
                };
                (item.code.to_string(), value)
            })
            .collect()
    }
}

/// Where an item falls in importance–performance analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Important and below average performance: fix these first.
    ConcentrateHere,
    /// Important and performing well.
    KeepUp,
    /// Less important, performing below average.
    LowPriority,
    /// Less important, performing above average.
    PossibleOverkill,
}

impl Quadrant {
    /// The quadrant's name in the UI, in the interface language.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::ConcentrateHere => t!("Concentrate here"),
            Quadrant::KeepUp => t!("Keep up the good work"),
            Quadrant::LowPriority => t!("Low priority"),
            Quadrant::PossibleOverkill => t!("Possible overkill"),
        }
    }
}

/// One item in the IPA grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IpaItem {
    /// Item code.
    pub code: String,
    /// Stated points (dimension weight × 100) or derived correlation.
    pub importance: f64,
    /// Customers' mean P.
    pub performance: f64,
    /// The quadrant.
    pub quadrant: Quadrant,
}

/// Importance–performance analysis (Martilla & James), split at the grand means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ipa {
    /// `stated` (importance points) or `derived` (correlation with overall P).
    pub importance_source: &'static str,
    /// Mean importance of the items; `None` without items.
    pub x_split: Option<f64>,
    /// Mean performance of the items; `None` without items.
    pub y_split: Option<f64>,
    /// Items with both figures.
    pub items: Vec<IpaItem>,
}

impl Ipa {
    /// IPA of the view; items without an importance or a performance are left out.
    pub fn of(view: &View<'_>, weights: &Weights, items: &[ItemResult]) -> Ipa {
        let stated = weights.is_stated();
        let overall_p: Vec<Option<f64>> = (0..view.customers.len())
            .map(|row| {
                let ps: Vec<f64> = view.customer_row(row).iter().filter_map(|a| a.perception).collect();
                (!ps.is_empty()).then(|| mean(&ps))
            })
            .collect();
        let points: Vec<(String, f64, f64)> = view
            .items
            .iter()
            .enumerate()
            .zip(items)
            .filter_map(|((column, item), result)| {
                let performance = result.perception.mean?;
                let importance = if stated {
                    weights.weight(&item.dimension)? * 100.0
                } else {
                    let (xs, ys): (Vec<f64>, Vec<f64>) = (0..view.customers.len())
                        .filter_map(|row| Some((view.customer_row(row)[column].perception?, overall_p[row]?)))
                        .unzip();
                    if xs.len() < 3 {
                        return None;
                    }
                    pearson(&xs, &ys)?
                };
                Some((item.code.to_string(), importance, performance))
            })
            .collect();
        let importance_source = if stated { "stated" } else { "derived" };
        if points.is_empty() {
            return Ipa { importance_source, x_split: None, y_split: None, items: Vec::new() };
        }
        let x_split = mean(&points.iter().map(|p| p.1).collect::<Vec<_>>());
        let y_split = mean(&points.iter().map(|p| p.2).collect::<Vec<_>>());
        let items = points
            .into_iter()
            .map(|(code, importance, performance)| {
                let quadrant = match (importance >= x_split, performance >= y_split) {
                    (true, false) => Quadrant::ConcentrateHere,
                    (true, true) => Quadrant::KeepUp,
                    (false, false) => Quadrant::LowPriority,
                    (false, true) => Quadrant::PossibleOverkill,
                };
                IpaItem { code, importance, performance, quadrant }
            })
            .collect();
        Ipa { importance_source, x_split: Some(x_split), y_split: Some(y_split), items }
    }
}
