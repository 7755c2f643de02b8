//! Pure analysis: statistics and the gap figures. No browser crates.
//!
//! [`Results::compute`] turns a project, seen through a [`Filter`], into the Results
//! document of DESIGN.md. The UI renders it and the native command prints it, so the
//! browser and the command can never disagree.

pub mod actions;
pub mod chart_data;
pub mod dashboard;
pub mod importance;
pub mod journey;
pub mod priorities;
pub mod reliability;
pub mod report;
pub mod scores;
pub mod standards;
pub mod stats;
pub mod trends;
pub mod view;

use crate::model::{DimensionCode, Item, Project, Scale};
use reliability::Alpha;
use serde::Serialize;
use stats::{holm, GapTest, Summary};
pub use view::{Filter, View};

/// The results document (`"format": "gaplens-results"`, version 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Always `gaplens-results`.
    pub format: &'static str,
    /// Document version; fields are never renamed without a new version.
    pub version: u32,
    /// The project's name.
    pub project: String,
    /// The wave analysed; `None` for all waves pooled.
    pub wave: Option<String>,
    /// The segment filter, as `key=value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// The touchpoint filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
    /// The project's rating scale.
    pub scale: Scale,
    /// Whether the survey asks perception only (SERVPERF): gaps needing E are empty.
    pub perception_only: bool,
    /// Customers and managers in the view.
    pub respondents: Respondents,
    /// One entry per listed item.
    pub items: Vec<ItemResult>,
    /// One entry per dimension with at least one listed item.
    pub dimensions: Vec<DimensionResult>,
    /// Figures over all listed items.
    pub overall: Overall,
    /// Gap 3 per standard with a KPI.
    pub delivery: Vec<standards::Delivery>,
    /// Gap 2's two lists.
    pub standards_gap: standards::StandardsGap,
    /// Perception gap per touchpoint and stage, with complaints.
    pub journey: journey::JourneyResults,
    /// Importance–performance analysis.
    pub ipa: importance::Ipa,
    /// Findings ranked by importance-weighted shortfall.
    pub priorities: Vec<priorities::Priority>,
    /// Per-wave figures and wave-to-wave changes (segment filter applies, wave filter not).
    pub trends: trends::Trends,
}

/// How many respondents the view holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Respondents {
    /// Customers.
    pub customers: usize,
    /// Managers.
    pub management: usize,
}

/// Every figure of one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    /// Item code.
    pub code: String,
    /// Dimension code.
    pub dimension: String,
    /// Customers' expectations.
    pub expectation: Summary,
    /// Customers' perceptions.
    pub perception: Summary,
    /// Gap 5: P − E, paired.
    pub perception_gap: GapTest,
    /// Gap 1: mean(M) − E, one-sample; `None` without management answers.
    pub knowledge_gap: Option<GapTest>,
    /// Gap 4: P − promised level, one-sample; `None` without a promise.
    pub communication_gap: Option<GapTest>,
    /// CX gap: P − mean(S), one-sample; `None` without management answers.
    pub experience_gap: Option<GapTest>,
}

/// Figures of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    /// Dimension code.
    pub code: String,
    /// Cronbach's alpha on P, or `None` (see [`reliability::NoAlpha`]).
    pub alpha: Option<Alpha>,
    /// Gap 5 over the respondents' means of the dimension's items.
    pub perception_gap: GapTest,
    /// Mean stated importance ÷ 100, when customers gave importance points.
    pub importance_weight: Option<f64>,
}

/// Figures over all listed items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// Gap 5 over the respondents' means of all listed items.
    pub perception_gap: GapTest,
    /// Σ w_d · gap_d.
    pub weighted_perception_gap: Option<f64>,
    /// Spearman's ρ between items ordered by E and by M.
    pub knowledge_rank_correlation: Option<f64>,
    /// Top-box shares of customers' P and management's S.
    pub experience_gap_top_box: Option<scores::TopBox>,
    /// Importance-weighted standards coverage, %.
    pub standards_coverage_pct: Option<f64>,
    /// Net Promoter Score, points.
    pub nps: Option<scores::Score>,
    /// Customer satisfaction, % answering 4–5.
    pub csat: Option<scores::Score>,
    /// Customer effort, mean.
    pub ces: Option<scores::Score>,
}

/// The dimension code for items the project does not know.
pub const OTHER_DIMENSION: &str = "other";

impl Results {
    /// Every figure of `project` through `filter`, over the items that have data.
    pub fn for_project(project: &Project, filter: &Filter) -> Results {
        let items = project.items_with_data();
        Results::compute(project, filter, &items)
    }

    /// Every figure of `project` through `filter`, over `items` in the order given.
    pub fn compute(project: &Project, filter: &Filter, items: &[&Item]) -> Results {
        let view = View::new(project, filter, items);
        let mut item_results: Vec<ItemResult> = view.items.iter().map(|item| item_result(&view, item)).collect();
        adjust_families(&mut item_results);

        let importance = importance::Weights::of(&view);
        let dimensions: Vec<DimensionResult> = dimension_codes(&view)
            .into_iter()
            .map(|code| {
                let group: Vec<&Item> = view.items.iter().copied().filter(|i| &i.dimension == code).collect();
                let columns: Vec<usize> = group.iter().filter_map(|i| view.column(i)).collect();
                let perception_rows: Vec<Vec<Option<f64>>> = (0..view.customers.len())
                    .map(|row| {
                        let cells = view.customer_row(row);
                        columns.iter().map(|&c| cells[c].perception).collect()
                    })
                    .collect();
                DimensionResult {
                    code: code.to_string(),
                    alpha: Alpha::of(&perception_rows, group.len()).ok(),
                    perception_gap: GapTest::paired(&view.respondent_mean_gaps(&group)),
                    importance_weight: importance.weight(code),
                }
            })
            .collect();

        let weighted_perception_gap = importance.weighted_gap(&dimensions);
        let item_importance = importance.per_item(&view);
        let delivery = standards::delivery(project, filter.wave.as_deref());
        let overall = Overall {
            perception_gap: GapTest::paired(&view.respondent_mean_gaps(&view.items)),
            weighted_perception_gap,
            knowledge_rank_correlation: knowledge_rank_correlation(&view),
            experience_gap_top_box: scores::TopBox::of(&view),
            standards_coverage_pct: standards::coverage(&view, &item_importance),
            nps: scores::nps(&view.customers),
            csat: scores::csat(&view.customers),
            ces: scores::ces(&view.customers),
        };
        let ipa = importance::Ipa::of(&view, &importance, &item_results);
        let priorities =
            priorities::rank(&view, &item_results, &item_importance, &delivery);
        Results {
            format: "gaplens-results",
            version: 1,
            project: project.name.clone(),
            wave: filter.wave.clone(),
            segment: filter.segment.as_ref().map(|(k, v)| format!("{k}={v}")),
            touchpoint: filter.touchpoint.clone(),
            scale: project.scale,
            perception_only: project.perception_only,
            respondents: Respondents { customers: view.customers.len(), management: view.managers.len() },
            standards_gap: standards::StandardsGap::of(&view, &item_importance),
            journey: journey::JourneyResults::of(&view, filter.wave.as_deref()),
            trends: match filter.wave {
                None => trends::Trends::of(&view),
                Some(_) => trends::Trends::of(&View::new(project, &Filter { wave: None, ..filter.clone() }, items)),
            },
            items: item_results,
            dimensions,
            overall,
            delivery,
            ipa,
            priorities,
        }
    }

    /// The result of item `code`.
    pub fn item(&self, code: &str) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.code == code)
    }

    /// The result of dimension `code`.
    pub fn dimension(&self, code: &str) -> Option<&DimensionResult> {
        self.dimensions.iter().find(|d| d.code == code)
    }
}

fn item_result(view: &View<'_>, item: &Item) -> ItemResult {
    let expectations = view.expectations(item);
    let perceptions = view.perceptions(item);
    let m = view.management_expectations(item);
    let s = view.management_perceptions(item);
    let promised = view
        .project
        .promises
        .iter()
        .filter(|p| p.item == item.code)
        .map(|p| p.level)
        .fold(None, |best: Option<f64>, level| Some(best.map_or(level, |b| b.max(level))));
    ItemResult {
        code: item.code.to_string(),
        dimension: item.dimension.to_string(),
        expectation: Summary::of(&expectations),
        perception: Summary::of(&perceptions),
        perception_gap: GapTest::paired(&view.gaps(item)),
        knowledge_gap: (!m.is_empty()).then(|| GapTest::against_level(&expectations, stats::mean(&m), -1.0)),
        communication_gap: promised.map(|level| GapTest::against_level(&perceptions, level, 1.0)),
        experience_gap: (!s.is_empty()).then(|| GapTest::against_level(&perceptions, stats::mean(&s), 1.0)),
    }
}

/// Holm-adjusts each gap's p-values over the items of the view, one family per gap.
fn adjust_families(items: &mut [ItemResult]) {
    type Pick = fn(&mut ItemResult) -> Option<&mut GapTest>;
    let families: [Pick; 4] = [
        |i| Some(&mut i.perception_gap),
        |i| i.knowledge_gap.as_mut(),
        |i| i.communication_gap.as_mut(),
        |i| i.experience_gap.as_mut(),
    ];
    for pick in families {
        let raw: Vec<Option<f64>> = items.iter_mut().map(|i| pick(i).and_then(|t| t.p)).collect();
        for (item, adjusted) in items.iter_mut().zip(holm(&raw)) {
            if let Some(test) = pick(item) {
                test.set_holm(adjusted);
            }
        }
    }
}

/// Dimensions with at least one listed item: the project's order, then any others.
fn dimension_codes<'a>(view: &View<'a>) -> Vec<&'a DimensionCode> {
    let mut codes: Vec<&DimensionCode> = Vec::new();
    let candidates = view.project.dimensions.iter().map(|d| &d.code).chain(view.items.iter().map(|i| &i.dimension));
    for code in candidates {
        if view.items.iter().any(|i| &i.dimension == code) && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// Spearman's ρ of customers' mean E and management's mean M over items with both (≥ 3).
fn knowledge_rank_correlation(view: &View<'_>) -> Option<f64> {
    let (e, m): (Vec<f64>, Vec<f64>) = view
        .items
        .iter()
        .filter_map(|item| {
            let (e, m) = (view.expectations(item), view.management_expectations(item));
            (!e.is_empty() && !m.is_empty()).then(|| (stats::mean(&e), stats::mean(&m)))
        })
        .unzip();
    if e.len() < 3 {
        return None;
    }
    stats::spearman(&e, &m)
}
