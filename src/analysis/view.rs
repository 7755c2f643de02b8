//! Which respondents and items a set of figures is computed over.

use crate::model::{Item, Project, Response, Source};
use serde::Serialize;

/// The filters every figure follows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// One wave, or `None` for all waves pooled (managers of every wave included).
    pub wave: Option<String>,
    /// A segment `key = value` that customers must have (managers are never filtered by it).
    pub segment: Option<(String, String)>,
    /// Only items linked to this touchpoint.
    pub touchpoint: Option<String>,
}

impl Filter {
    /// All waves, no segment, no touchpoint.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// One wave.
    pub fn wave(name: &str) -> Filter {
        Filter { wave: Some(name.to_owned()), ..Filter::default() }
    }

    /// Whether `response` belongs to the view.
    pub fn admits(&self, response: &Response) -> bool {
        if !response.in_wave(self.wave.as_deref()) {
            return false;
        }
        match (&self.segment, response.source) {
            (Some((key, value)), Source::Customer) => response.segments.get(key) == Some(value),
            _ => true,
        }
    }
}

/// The respondents and items of one set of figures.
pub struct View<'a> {
    /// The project.
    pub project: &'a Project,
    /// The listed items, in order.
    pub items: Vec<&'a Item>,
    /// Customers in the view.
    pub customers: Vec<&'a Response>,
    /// Managers in the view.
    pub managers: Vec<&'a Response>,
}

impl<'a> View<'a> {
    /// The view of `project` through `filter`, over `items` (touchpoint filter applied).
    pub fn new(project: &'a Project, filter: &Filter, items: &[&'a Item]) -> View<'a> {
        let items = items
            .iter()
            .copied()
            .filter(|item| filter.touchpoint.is_none() || item.touchpoint == filter.touchpoint)
            .collect();
        let (mut customers, mut managers) = (Vec::new(), Vec::new());
        for response in project.responses.iter().filter(|r| filter.admits(r)) {
            match response.source {
                Source::Customer => customers.push(response),
                Source::Management => managers.push(response),
            }
        }
        View { project, items, customers, managers }
    }

    /// Customers' expectations of `item`.
    pub fn expectations(&self, item: &Item) -> Vec<f64> {
        answers(&self.customers, item, |a| a.expectation)
    }

    /// Customers' perceptions of `item`.
    pub fn perceptions(&self, item: &Item) -> Vec<f64> {
        answers(&self.customers, item, |a| a.perception)
    }

    /// Customers' P − E of `item` (both given).
    pub fn gaps(&self, item: &Item) -> Vec<f64> {
        answers(&self.customers, item, crate::model::Answer::gap)
    }

    /// Managers' estimates of customers' expectations (M).
    pub fn management_expectations(&self, item: &Item) -> Vec<f64> {
        answers(&self.managers, item, |a| a.expectation)
    }

    /// Managers' self-assessment of delivery (S).
    pub fn management_perceptions(&self, item: &Item) -> Vec<f64> {
        answers(&self.managers, item, |a| a.perception)
    }

    /// Each customer's mean P − E over `items` they answered both parts of; customers with
    /// none are left out.
    pub fn respondent_mean_gaps(&self, items: &[&Item]) -> Vec<f64> {
        self.customers
            .iter()
            .filter_map(|r| {
                let gaps: Vec<f64> =
                    items.iter().filter_map(|i| r.answers.get(&i.code).and_then(|a| a.gap())).collect();
                (!gaps.is_empty()).then(|| super::stats::mean(&gaps))
            })
            .collect()
    }
}

fn answers(respondents: &[&Response], item: &Item, part: impl Fn(crate::model::Answer) -> Option<f64>) -> Vec<f64> {
    respondents.iter().filter_map(|r| r.answers.get(&item.code).copied().and_then(&part)).collect()
}
