//! Which respondents and items a set of figures is computed over.

use crate::model::{Answer, Item, ItemCode, Project, Response, Source};
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

/// The respondents and items of one set of figures, with their answers laid out once in a
/// dense table (respondent × item), so no figure looks answers up by item code again.
pub struct View<'a> {
    /// The project.
    pub project: &'a Project,
    /// The listed items, in order.
    pub items: Vec<&'a Item>,
    /// Customers in the view.
    pub customers: Vec<&'a Response>,
    /// Managers in the view.
    pub managers: Vec<&'a Response>,
    customer_cells: Vec<Answer>,
    manager_cells: Vec<Answer>,
}

/// Lays out `respondents`' answers to `items` row by row. Each response's answers are sorted
/// by code (a `BTreeMap`), so a merge with the items sorted by code finds every cell in one
/// linear pass, without hashing.
fn table(respondents: &[&Response], items: &[&Item]) -> Vec<Answer> {
    let mut by_code: Vec<(&ItemCode, usize)> = items.iter().enumerate().map(|(i, item)| (&item.code, i)).collect();
    crate::sort::sort(&mut by_code);
    let k = items.len();
    let mut cells = vec![Answer::default(); respondents.len() * k];
    for (row, response) in respondents.iter().enumerate() {
        let mut wanted = by_code.iter().peekable();
        for (code, answer) in &response.answers {
            while wanted.next_if(|(item, _)| *item < code).is_some() {}
            match wanted.peek() {
                Some((item, col)) if *item == code => cells[row * k + col] = *answer,
                Some(_) => {}
                None => break,
            }
        }
    }
    cells
}

impl<'a> View<'a> {
    /// The view of `project` through `filter`, over `items` (touchpoint filter applied).
    pub fn new(project: &'a Project, filter: &Filter, items: &[&'a Item]) -> View<'a> {
        let items: Vec<&Item> = items
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
        let customer_cells = table(&customers, &items);
        let manager_cells = table(&managers, &items);
        View { project, items, customers, managers, customer_cells, manager_cells }
    }

    /// The same items and filters, restricted to the respondents of `wave`: rows are copied
    /// from this view's tables instead of being looked up again.
    pub fn wave(&self, wave: &str) -> View<'a> {
        let k = self.items.len();
        let pick = |respondents: &[&'a Response], cells: &[Answer]| {
            let mut kept = Vec::new();
            let mut kept_cells = Vec::new();
            for (row, response) in respondents.iter().enumerate() {
                if response.wave.as_deref() == Some(wave) {
                    kept.push(*response);
                    kept_cells.extend_from_slice(&cells[row * k..(row + 1) * k]);
                }
            }
            (kept, kept_cells)
        };
        let (customers, customer_cells) = pick(&self.customers, &self.customer_cells);
        let (managers, manager_cells) = pick(&self.managers, &self.manager_cells);
        View { project: self.project, items: self.items.clone(), customers, managers, customer_cells, manager_cells }
    }

    /// The column of `item` in the view, if it is listed.
    pub fn column(&self, item: &Item) -> Option<usize> {
        self.items.iter().position(|i| i.code == item.code)
    }

    /// Customer `row`'s answers, one per listed item.
    pub fn customer_row(&self, row: usize) -> &[Answer] {
        let k = self.items.len();
        &self.customer_cells[row * k..(row + 1) * k]
    }

    fn column_values(&self, cells: &[Answer], item: &Item, part: impl Fn(Answer) -> Option<f64>) -> Vec<f64> {
        let k = self.items.len();
        match self.column(item) {
            Some(col) if k > 0 => cells.iter().skip(col).step_by(k).filter_map(|a| part(*a)).collect(),
            _ => Vec::new(),
        }
    }

    /// Customers' expectations of `item`.
    pub fn expectations(&self, item: &Item) -> Vec<f64> {
        self.column_values(&self.customer_cells, item, |a| a.expectation)
    }

    /// Customers' perceptions of `item`.
    pub fn perceptions(&self, item: &Item) -> Vec<f64> {
        self.column_values(&self.customer_cells, item, |a| a.perception)
    }

    /// Customers' P − E of `item` (both given).
    pub fn gaps(&self, item: &Item) -> Vec<f64> {
        self.column_values(&self.customer_cells, item, Answer::gap)
    }

    /// Managers' estimates of customers' expectations (M).
    pub fn management_expectations(&self, item: &Item) -> Vec<f64> {
        self.column_values(&self.manager_cells, item, |a| a.expectation)
    }

    /// Managers' self-assessment of delivery (S).
    pub fn management_perceptions(&self, item: &Item) -> Vec<f64> {
        self.column_values(&self.manager_cells, item, |a| a.perception)
    }

    /// Each customer's mean P − E over `items` they answered both parts of; customers with
    /// none are left out.
    pub fn respondent_mean_gaps(&self, items: &[&Item]) -> Vec<f64> {
        let columns: Vec<usize> = items.iter().filter_map(|item| self.column(item)).collect();
        (0..self.customers.len())
            .filter_map(|row| {
                let cells = self.customer_row(row);
                let gaps: Vec<f64> = columns.iter().filter_map(|&c| cells[c].gap()).collect();
                (!gaps.is_empty()).then(|| super::stats::mean(&gaps))
            })
            .collect()
    }
}
