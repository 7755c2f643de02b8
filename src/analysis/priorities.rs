//! What to fix first: findings ranked by importance-weighted shortfall, each tagged with the
//! gap that most likely explains it and what closes that gap.

use super::standards::Delivery;
use super::view::View;
use super::ItemResult;
use serde::Serialize;
use std::collections::BTreeMap;

/// The gaps of the model, as causes of a shortfall customers feel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapType {
    /// Gap 1: management misreads what customers expect.
    Knowledge,
    /// Gap 2: no standard for what matters.
    Standards,
    /// Gap 3: the standard exists but is not met.
    Delivery,
    /// Gap 4: marketing promises more than is delivered.
    Communication,
    /// Gap 5 with no other gap measured to explain it.
    Perception,
}

impl GapType {
    /// The gap's name, in the interface language.
    pub fn name(self) -> &'static str {
        match self {
            GapType::Knowledge => t!("Knowledge gap"),
            GapType::Standards => t!("Standards gap"),
            GapType::Delivery => t!("Delivery gap"),
            GapType::Communication => t!("Communication gap"),
            GapType::Perception => t!("Perception gap"),
        }
    }

    /// Why this gap opens, in plain words.
    pub fn cause(self) -> &'static str {
        match self {
            GapType::Knowledge => {
                t!("Management's picture of what customers expect differs from what customers say they expect.")
            }
            GapType::Standards => t!("Nothing in how the work is planned says what good looks like here."),
            GapType::Delivery => t!("A standard exists, but the measurements show it is often not met."),
            GapType::Communication => t!("What is promised to customers is more than what they get."),
            GapType::Perception => {
                t!("Customers get less than they expect, and no other measured gap explains it yet.")
            }
        }
    }

    /// What closes the gap, in plain words: three concrete moves (the remedial strategies).
    pub fn strategies(self) -> [&'static str; 3] {
        match self {
            GapType::Knowledge => [
                t!("Ask customers short, specific questions about this moment, not only general satisfaction."),
                t!("Let the people who meet customers tell management what they hear, every week."),
                t!("Cut the number of hands feedback passes through before it reaches a decision-maker."),
            ],
            GapType::Standards => [
                t!("Write down what good service looks like here, from the customer's side, in a way anyone can check."),
                t!("Agree the standard together with the teams who deliver it."),
                t!("Cover the whole experience, not just the technical part."),
            ],
            GapType::Delivery => [
                t!("Make the standard simple enough that everyone knows what it asks of them."),
                t!("Show each person how their part affects the customer, and train for it."),
                t!("Give people tools and systems that make meeting the standard the easy path."),
            ],
            GapType::Communication => [
                t!("Plan campaigns together with the people who deliver the service."),
                t!("Say honestly what you can and cannot do; promise what you keep."),
                t!("Check every new promise against what is actually delivered today."),
            ],
            GapType::Perception => [
                t!("Keep collecting feedback on this moment and act on what it says."),
                t!("Find the root cause: ask 'why?' until you reach something you can change."),
                t!("Measure objectively too (times, errors), so you can see whether a fix works."),
            ],
        }
    }
}

/// One item to act on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Priority {
    /// Item code.
    pub code: String,
    /// The perception gap (negative).
    pub gap: f64,
    /// The item's importance weight used for ranking.
    pub importance: f64,
    /// importance × |gap|.
    pub score: f64,
    /// The gap that most likely explains the shortfall.
    pub explained_by: GapType,
}

/// Shortfall findings, ranked by `importance × |gap|`, highest first.
pub fn rank(
    view: &View<'_>,
    items: &[ItemResult],
    importance: &BTreeMap<String, f64>,
    delivery: &[Delivery],
) -> Vec<Priority> {
    let mut priorities: Vec<Priority> = items
        .iter()
        .filter(|i| i.perception_gap.finding)
        .filter_map(|item| {
            let gap = item.perception_gap.gap().filter(|g| *g < 0.0)?;
            let weight = importance.get(&item.code).copied().unwrap_or(1.0);
            Some(Priority {
                code: item.code.clone(),
                gap,
                importance: weight,
                score: weight * gap.abs(),
                explained_by: explain(view, item, delivery),
            })
        })
        .collect();
    crate::sort::sort_by(&mut priorities, |a, b| b.score.total_cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
    priorities
}

/// The measured gap that best explains a shortfall: a significant communication or knowledge
/// shortfall (the larger), else an unmet standard, else a missing standard.
fn explain(view: &View<'_>, item: &ItemResult, delivery: &[Delivery]) -> GapType {
    let significant_shortfall = |test: Option<&super::stats::GapTest>| {
        test.filter(|t| t.p.is_some_and(|p| p < super::stats::ALPHA)).and_then(|t| t.gap()).filter(|g| *g < 0.0)
    };
    let candidates = [
        (GapType::Communication, significant_shortfall(item.communication_gap.as_ref())),
        (GapType::Knowledge, significant_shortfall(item.knowledge_gap.as_ref())),
    ];
    if let Some((gap_type, _)) = candidates
        .iter()
        .filter_map(|(t, g)| g.map(|g| (*t, g)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
    {
        return gap_type;
    }
    let standards: Vec<_> =
        view.project.standards.iter().filter(|s| s.item.as_ref().is_some_and(|i| i.as_str() == item.code)).collect();
    let unmet = standards.iter().any(|s| {
        delivery.iter().any(|d| d.standard == s.id && d.met_pct.is_some_and(|pct| pct < 100.0))
    });
    if unmet {
        GapType::Delivery
    } else if standards.is_empty() && !view.project.standards.is_empty() {
        GapType::Standards
    } else {
        GapType::Perception
    }
}
