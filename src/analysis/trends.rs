//! Per-wave figures and wave-to-wave changes: a shortfall in two or more consecutive waves
//! is a trend, one in a single wave an event.

use super::stats::{holm, Change, GapTest};
use super::view::View;
use serde::Serialize;

/// A change between two consecutive waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveChange {
    /// The earlier wave.
    pub from: String,
    /// The later wave.
    pub to: String,
    /// Welch's test on the respondent-level values.
    #[serde(flatten)]
    pub change: Change,
}

/// How a shortfall shows over the waves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// A shortfall finding in two or more consecutive waves.
    Trend,
    /// A shortfall finding in a wave, not repeated in the next or previous one.
    Event,
    /// No shortfall finding in any wave.
    None,
}

/// One item's waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemTrend {
    /// Item code.
    pub code: String,
    /// The perception gap in each wave.
    pub waves: Vec<GapTest>,
    /// Changes between consecutive waves.
    pub changes: Vec<WaveChange>,
    /// Trend, event or none.
    pub pattern: Pattern,
}

/// Figures per wave, in the project's wave order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Trends {
    /// Wave names.
    pub waves: Vec<String>,
    /// The overall perception gap per wave.
    pub overall: Vec<GapTest>,
    /// Changes of the overall gap between consecutive waves.
    pub changes: Vec<WaveChange>,
    /// Per item.
    pub items: Vec<ItemTrend>,
}

impl Trends {
    /// Trends over every wave of the project, from `base`: the view with the segment and
    /// touchpoint filters but every wave.
    pub fn of(base: &View<'_>) -> Trends {
        let project = base.project;
        let items = &base.items;
        let waves: Vec<String> = project.waves.iter().map(|w| w.name.clone()).collect();
        let views: Vec<View<'_>> = waves.iter().map(|wave| base.wave(wave)).collect();
        let overall_values: Vec<Vec<f64>> = views.iter().map(|v| v.respondent_mean_gaps(items)).collect();
        let overall = overall_values.iter().map(|values| GapTest::paired(values)).collect();
        let changes = consecutive_changes(&waves, &overall_values);

        // Per wave, the item findings follow the same Holm family as that wave's own view.
        let per_wave_items: Vec<Vec<(Vec<f64>, GapTest, bool)>> = views
            .iter()
            .map(|view| {
                let values: Vec<Vec<f64>> = items.iter().map(|item| view.gaps(item)).collect();
                let tests: Vec<GapTest> = values.iter().map(|v| GapTest::paired(v)).collect();
                let adjusted = holm(&tests.iter().map(|t| t.p).collect::<Vec<_>>());
                values
                    .into_iter()
                    .zip(tests)
                    .zip(adjusted)
                    .map(|((values, test), p_holm)| {
                        let mut holm_test = test;
                        holm_test.set_holm(p_holm);
                        let shortfall = holm_test.finding && test.gap().is_some_and(|g| g < 0.0);
                        (values, test, shortfall)
                    })
                    .collect()
            })
            .collect();
        let items = items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let column: Vec<&(Vec<f64>, GapTest, bool)> = per_wave_items.iter().map(|w| &w[index]).collect();
                let values: Vec<Vec<f64>> = column.iter().map(|c| c.0.clone()).collect();
                let shortfalls: Vec<bool> = column.iter().map(|c| c.2).collect();
                ItemTrend {
                    code: item.code.to_string(),
                    waves: column.iter().map(|c| c.1).collect(),
                    changes: consecutive_changes(&waves, &values),
                    pattern: pattern(&shortfalls),
                }
            })
            .collect();
        Trends { waves, overall, changes, items }
    }
}

fn consecutive_changes(waves: &[String], values: &[Vec<f64>]) -> Vec<WaveChange> {
    (1..waves.len())
        .map(|i| WaveChange {
            from: waves[i - 1].clone(),
            to: waves[i].clone(),
            change: Change::welch(&values[i - 1], &values[i]),
        })
        .collect()
}

/// Trend when two consecutive waves both show a shortfall; event when any wave does.
pub fn pattern(shortfalls: &[bool]) -> Pattern {
    if shortfalls.windows(2).any(|w| w[0] && w[1]) {
        Pattern::Trend
    } else if shortfalls.iter().any(|s| *s) {
        Pattern::Event
    } else {
        Pattern::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_consecutive_shortfalls_make_a_trend() {
        assert_eq!(pattern(&[true, true, false]), Pattern::Trend);
        assert_eq!(pattern(&[true, false, true]), Pattern::Event);
        assert_eq!(pattern(&[false, false]), Pattern::None);
        assert_eq!(pattern(&[]), Pattern::None);
    }
}
