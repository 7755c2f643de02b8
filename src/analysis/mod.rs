//! Pure analysis: statistics and the gap figures. No browser crates.
//!
//! [`Results::compute`] turns a project (optionally one wave of it) into the Results
//! document of DESIGN.md. The UI renders it and the native command prints it, so the
//! browser and the command can never disagree.

pub mod reliability;
pub mod stats;

use crate::model::{DimensionCode, Item, Project, Scale, Source};
use reliability::Alpha;
use serde::Serialize;
use stats::{holm, GapTest, Summary};

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
    /// The project's rating scale.
    pub scale: Scale,
    /// One entry per listed item.
    pub items: Vec<ItemResult>,
    /// One entry per dimension with at least one listed item.
    pub dimensions: Vec<DimensionResult>,
    /// Figures over all listed items.
    pub overall: Overall,
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
    /// Gap 1: mean(M) − E, one-sample; `None` until management answers exist.
    pub knowledge_gap: Option<GapTest>,
    /// Gap 4: P − promised level, one-sample; `None` without a promise.
    pub communication_gap: Option<GapTest>,
    /// CX gap: P − mean(S), one-sample; `None` until management answers exist.
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

/// Figures over all listed items. Fields that later figures fill are `None` for now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// Gap 5 over the respondents' means of all listed items.
    pub perception_gap: GapTest,
    /// Σ w_d · gap_d.
    pub weighted_perception_gap: Option<f64>,
    /// Spearman's ρ between items ordered by E and by M.
    pub knowledge_rank_correlation: Option<f64>,
    /// Top-box shares of customers' P and management's S.
    pub experience_gap_top_box: Option<serde_json::Value>,
    /// Importance-weighted standards coverage, %.
    pub standards_coverage_pct: Option<f64>,
    /// Net Promoter Score.
    pub nps: Option<serde_json::Value>,
    /// Customer satisfaction, %.
    pub csat: Option<serde_json::Value>,
    /// Customer effort, mean.
    pub ces: Option<serde_json::Value>,
}

/// The dimension code for items the project does not know.
pub const OTHER_DIMENSION: &str = "other";

impl Results {
    /// Computes every figure of `project` for `wave` (`None` = all waves pooled), over
    /// `items` in the order given (normally [`Project::items_with_data`]).
    pub fn compute(project: &Project, wave: Option<&str>, items: &[&Item]) -> Results {
        let customers: Vec<_> = project
            .responses
            .iter()
            .filter(|r| r.source == Source::Customer && r.in_wave(wave))
            .collect();

        let mut item_results: Vec<ItemResult> = items
            .iter()
            .map(|item| {
                let answers = customers.iter().filter_map(|r| r.answers.get(&item.code));
                let expectations: Vec<f64> = answers.clone().filter_map(|a| a.expectation).collect();
                let perceptions: Vec<f64> = answers.clone().filter_map(|a| a.perception).collect();
                let gaps: Vec<f64> = answers.filter_map(|a| a.gap()).collect();
                ItemResult {
                    code: item.code.to_string(),
                    dimension: item.dimension.to_string(),
                    expectation: Summary::of(&expectations),
                    perception: Summary::of(&perceptions),
                    perception_gap: GapTest::paired(&gaps),
                    knowledge_gap: None,
                    communication_gap: None,
                    experience_gap: None,
                }
            })
            .collect();
        let raw: Vec<Option<f64>> = item_results.iter().map(|i| i.perception_gap.p).collect();
        for (item, adjusted) in item_results.iter_mut().zip(holm(&raw)) {
            item.perception_gap.set_holm(adjusted);
        }

        let mut dimension_codes: Vec<&DimensionCode> = Vec::new();
        for code in project.dimensions.iter().map(|d| &d.code).chain(items.iter().map(|i| &i.dimension)) {
            if items.iter().any(|i| &i.dimension == code) && !dimension_codes.contains(&code) {
                dimension_codes.push(code);
            }
        }
        let dimensions = dimension_codes
            .into_iter()
            .map(|code| {
                let group: Vec<&Item> = items.iter().copied().filter(|i| &i.dimension == code).collect();
                let perception_rows: Vec<Vec<Option<f64>>> = customers
                    .iter()
                    .map(|r| {
                        group.iter().map(|i| r.answers.get(&i.code).and_then(|a| a.perception)).collect()
                    })
                    .collect();
                DimensionResult {
                    code: code.to_string(),
                    alpha: Alpha::of(&perception_rows, group.len()).ok(),
                    perception_gap: GapTest::paired(&respondent_mean_gaps(&customers, &group)),
                    importance_weight: None,
                }
            })
            .collect();

        Results {
            format: "gaplens-results",
            version: 1,
            project: project.name.clone(),
            wave: wave.map(str::to_owned),
            scale: project.scale,
            items: item_results,
            dimensions,
            overall: Overall {
                perception_gap: GapTest::paired(&respondent_mean_gaps(&customers, items)),
                weighted_perception_gap: None,
                knowledge_rank_correlation: None,
                experience_gap_top_box: None,
                standards_coverage_pct: None,
                nps: None,
                csat: None,
                ces: None,
            },
        }
    }

    /// The result of item `code`.
    pub fn item(&self, code: &str) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.code == code)
    }
}

/// Each respondent's mean P − E over the `items` they answered both parts of; respondents
/// with no such item are left out.
fn respondent_mean_gaps(respondents: &[&crate::model::Response], items: &[&Item]) -> Vec<f64> {
    respondents
        .iter()
        .filter_map(|r| {
            let gaps: Vec<f64> =
                items.iter().filter_map(|i| r.answers.get(&i.code).and_then(|a| a.gap())).collect();
            (!gaps.is_empty()).then(|| stats::mean(&gaps))
        })
        .collect()
}
