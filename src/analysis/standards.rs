//! Gap 2 (standards: are there standards for what matters?) and gap 3 (delivery: are the
//! standards met?).

use super::view::View;
use crate::model::Project;
use serde::Serialize;
use std::collections::BTreeMap;

/// Gap 3 for one standard with a KPI.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delivery {
    /// The standard's id.
    pub standard: String,
    /// Measurements in the view.
    pub n: usize,
    /// % of measurements meeting the target.
    pub met_pct: Option<f64>,
    /// Mean deviation from the target in the KPI's unit; negative = short of it.
    pub mean_deviation: Option<f64>,
}

/// Gap 3 for every standard with a KPI, over the measurements of `wave` (`None` = all).
pub fn delivery(project: &Project, wave: Option<&str>) -> Vec<Delivery> {
    project
        .standards
        .iter()
        .filter_map(|standard| {
            let kpi = standard.kpi.as_ref()?;
            let values: Vec<f64> = project
                .measurements
                .iter()
                .filter(|m| m.standard == standard.id && wave.is_none_or(|w| m.wave == w))
                .map(|m| m.value)
                .collect();
            let n = values.len();
            let met = values.iter().filter(|v| kpi.is_met(**v)).count();
            let deviations: Vec<f64> = values.iter().map(|v| kpi.deviation(*v)).collect();
            Some(Delivery {
                standard: standard.id.clone(),
                n,
                met_pct: (n > 0).then(|| 100.0 * met as f64 / n as f64),
                mean_deviation: (n > 0).then(|| super::stats::mean(&deviations)),
            })
        })
        .collect()
}

fn has_standard(view: &View<'_>, code: &str) -> bool {
    view.project.standards.iter().any(|s| s.item.as_ref().is_some_and(|i| i.as_str() == code))
}

/// Importance-weighted standards coverage in %: `None` when there are no listed items or
/// the project defines no standards at all (then the question has not been asked yet).
pub fn coverage(view: &View<'_>, importance: &BTreeMap<String, f64>) -> Option<f64> {
    if view.project.standards.is_empty() {
        return None;
    }
    let total: f64 = importance.values().sum();
    if !(total > 0.0) {
        return None;
    }
    let covered: f64 = importance.iter().filter(|(code, _)| has_standard(view, code)).map(|(_, v)| v).sum();
    Some(100.0 * covered / total)
}

/// Gap 2's lists: important items with no standard, and standards on unimportant items.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StandardsGap {
    /// Items at or above the mean importance that have no standard.
    pub important_without_standard: Vec<String>,
    /// Standards attached to items below the mean importance.
    pub standards_on_unimportant_items: Vec<String>,
}

impl StandardsGap {
    /// The lists for the view; empty when the project has no standards.
    pub fn of(view: &View<'_>, importance: &BTreeMap<String, f64>) -> StandardsGap {
        if view.project.standards.is_empty() || importance.is_empty() {
            return StandardsGap::default();
        }
        let mean = importance.values().sum::<f64>() / importance.len() as f64;
        let important_without_standard = view
            .items
            .iter()
            .map(|i| i.code.as_str())
            .filter(|code| importance.get(*code).is_some_and(|v| *v >= mean) && !has_standard(view, code))
            .map(str::to_owned)
            .collect();
        let standards_on_unimportant_items = view
            .project
            .standards
            .iter()
            .filter(|s| s.item.as_ref().and_then(|i| importance.get(i.as_str())).is_some_and(|v| *v < mean))
            .map(|s| s.id.clone())
            .collect();
        StandardsGap { important_without_standard, standards_on_unimportant_items }
    }
}
