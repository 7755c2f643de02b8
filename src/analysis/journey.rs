//! The perception gap per journey touchpoint and stage, with complaints alongside.

use super::stats::GapTest;
use super::view::View;
use crate::model::Item;
use serde::Serialize;

/// One touchpoint's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TouchpointResult {
    /// Touchpoint code.
    pub code: String,
    /// Index of its stage.
    pub stage: usize,
    /// Whether it is marked critical.
    pub critical: bool,
    /// Listed items linked to it.
    pub items: usize,
    /// Perception gap over the respondents' means of its items.
    pub perception_gap: GapTest,
    /// Complaints logged for it (in the view's wave).
    pub complaints: usize,
}

/// One stage's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageResult {
    /// Stage name.
    pub name: String,
    /// Perception gap over the respondents' means of the stage's items.
    pub perception_gap: GapTest,
}

/// The journey's figures.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct JourneyResults {
    /// Per stage, in journey order.
    pub stages: Vec<StageResult>,
    /// Per touchpoint, in journey order.
    pub touchpoints: Vec<TouchpointResult>,
}

impl JourneyResults {
    /// Figures for every stage and touchpoint of the project's journey.
    pub fn of(view: &View<'_>, wave: Option<&str>) -> JourneyResults {
        let journey = &view.project.journey;
        let items_of = |codes: &[&str]| -> Vec<&Item> {
            view.items.iter().copied().filter(|i| i.touchpoint.as_deref().is_some_and(|t| codes.contains(&t))).collect()
        };
        let touchpoints = journey
            .touchpoints()
            .map(|(stage, touchpoint)| {
                let items = items_of(&[touchpoint.code.as_str()]);
                TouchpointResult {
                    code: touchpoint.code.clone(),
                    stage,
                    critical: touchpoint.critical,
                    items: items.len(),
                    perception_gap: GapTest::paired(&view.respondent_mean_gaps(&items)),
                    complaints: view
                        .project
                        .complaints
                        .iter()
                        .filter(|c| c.touchpoint.as_deref() == Some(touchpoint.code.as_str()))
                        .filter(|c| wave.is_none_or(|w| c.wave.as_deref() == Some(w)))
                        .count(),
                }
            })
            .collect();
        let stages = journey
            .stages
            .iter()
            .map(|stage| {
                let codes: Vec<&str> = stage.touchpoints.iter().map(|t| t.code.as_str()).collect();
                StageResult {
                    name: stage.name.clone(),
                    perception_gap: GapTest::paired(&view.respondent_mean_gaps(&items_of(&codes))),
                }
            })
            .collect();
        JourneyResults { stages, touchpoints }
    }
}
