//! What each chart draws, prepared from the Results document: the radar's per-dimension means,
//! the gap bars with their intervals, the IPA grid, the trend line with its band and the journey
//! heat map. Pure, so every number a chart shows is tested natively; `ui::charts` only turns
//! these into ECharts options.
//!
//! Every builder returns an empty value (see each `is_empty`) when there is nothing to draw, and
//! never panics: missing figures are `None` and are left out.

use super::importance::Quadrant;
use super::stats::{ALPHA, MIN_N_FINDING};
use super::Results;
use crate::model::Project;

pub use crate::format::number as figure;

/// User text made safe for an ECharts label: braces start templates and rich-text styles there,
/// so they become parentheses (labels are drawn as text, never as HTML).
pub fn label_text(text: &str) -> String {
    text.replace('{', "(").replace('}', ")")
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// One spoke of the radar: a dimension's mean E and mean P over its items.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarAxis {
    /// Dimension code.
    pub code: String,
    /// Dimension name (the code when the project has no name for it).
    pub name: String,
    /// Mean over the dimension's items of the customers' mean expectation.
    pub expectation: Option<f64>,
    /// Mean over the dimension's items of the customers' mean perception.
    pub perception: Option<f64>,
}

/// E vs P per dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// The scale's lowest point: the radar's centre.
    pub min: f64,
    /// The scale's highest point: the radar's rim.
    pub max: f64,
    /// Perception only (SERVPERF): draw P alone.
    pub perception_only: bool,
    /// One per dimension with a perception mean, in the Results' order.
    pub axes: Vec<RadarAxis>,
}

impl Radar {
    /// The radar of `results`: for each dimension, the means of its items' E and P means.
    ///
    /// # Remarks
    /// Items without a mean are left out of their dimension's mean; a dimension without any P
    /// mean is left out. E is `None` throughout in perception-only projects.
    pub fn of(project: &Project, results: &Results) -> Radar {
        let axes = results
            .dimensions
            .iter()
            .filter_map(|dimension| {
                let items = results
                    .items
                    .iter()
                    .filter(|i| i.dimension == dimension.code);
                let (mut e, mut p) = (Vec::new(), Vec::new());
                for item in items {
                    e.extend(item.expectation.mean);
                    p.extend(item.perception.mean);
                }
                let perception = mean(&p)?;
                let name = project
                    .dimensions
                    .iter()
                    .find(|d| d.code.as_str() == dimension.code)
                    .map_or_else(|| dimension.code.clone(), |d| d.name.clone());
                Some(RadarAxis {
                    code: dimension.code.clone(),
                    name,
                    expectation: if results.perception_only {
                        None
                    } else {
                        mean(&e)
                    },
                    perception: Some(perception),
                })
            })
            .collect();
        Radar {
            min: f64::from(results.scale.min()),
            max: f64::from(results.scale.max()),
            perception_only: results.perception_only,
            axes,
        }
    }

    /// Nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.axes.is_empty()
    }
}

/// One item's perception gap with its 95 % CI.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBar {
    /// Item code.
    pub code: String,
    /// The item's statement.
    pub text: String,
    /// P − E; negative = shortfall.
    pub gap: f64,
    /// Lower CI bound, when there is an interval.
    pub ci_low: Option<f64>,
    /// Upper CI bound.
    pub ci_high: Option<f64>,
    /// Customers who answered both parts.
    pub n: usize,
    /// n ≥ 10 and Holm-adjusted p < 0.05.
    pub finding: bool,
}

impl GapBar {
    /// The axis label: the code, with "◆" after findings.
    pub fn label(&self) -> String {
        if self.finding {
            format!("{} ◆", label_text(&self.code))
        } else {
            label_text(&self.code)
        }
    }
}

/// Perception gap per item, in the Results' order; empty in perception-only projects.
pub fn gap_bars(project: &Project, results: &Results) -> Vec<GapBar> {
    if results.perception_only {
        return Vec::new();
    }
    results
        .items
        .iter()
        .filter_map(|item| {
            let test = &item.perception_gap;
            Some(GapBar {
                code: item.code.clone(),
                text: project
                    .item(&item.code)
                    .map(|i| i.text.clone())
                    .unwrap_or_default(),
                gap: test.gap().filter(|g| g.is_finite())?,
                ci_low: test.summary.ci_low,
                ci_high: test.summary.ci_high,
                n: test.summary.n,
                finding: test.finding,
            })
        })
        .collect()
}

/// A value-axis range that holds 0, every gap and every CI bound, widened to a nice step.
pub fn gap_range(bars: &[GapBar]) -> (f64, f64) {
    let values = bars
        .iter()
        .flat_map(|b| [Some(b.gap), b.ci_low, b.ci_high])
        .flatten();
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    nice_range(low, high)
}

/// `[low, high]` widened outwards to multiples of a step of 1, 2, 2.5 or 5 × 10^k chosen so
/// that the range holds about four steps; a zero-width range is widened by half a unit.
pub fn nice_range(low: f64, high: f64) -> (f64, f64) {
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    let (low, high) = if high - low < 1e-9 {
        (low - 0.5, high + 0.5)
    } else {
        (low, high)
    };
    let raw = (high - low) / 4.0;
    let magnitude = 10_f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let round = |v: f64| (v * 1e9).round() / 1e9;
    (
        round((low / step).floor() * step),
        round((high / step).ceil() * step),
    )
}

/// One item in the IPA grid.
#[derive(Debug, Clone, PartialEq)]
pub struct IpaPoint {
    /// Item code.
    pub code: String,
    /// The item's statement.
    pub text: String,
    /// x: stated points or derived correlation.
    pub importance: f64,
    /// y: customers' mean P.
    pub performance: f64,
    /// Its quadrant.
    pub quadrant: Quadrant,
}

/// One quadrant's rectangle, `[x0, y0]` to `[x1, y1]`, and where its name sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuadrantArea {
    /// Which quadrant.
    pub quadrant: Quadrant,
    /// Lower-left corner.
    pub from: [f64; 2],
    /// Upper-right corner.
    pub to: [f64; 2],
    /// ECharts label position inside the rectangle (the corner away from the split lines).
    pub position: &'static str,
}

/// The importance–performance grid.
#[derive(Debug, Clone, PartialEq)]
pub struct IpaChart {
    /// `stated` or `derived`: names the x axis.
    pub importance_source: &'static str,
    /// Grand mean importance: the vertical line.
    pub x_split: f64,
    /// Grand mean performance: the horizontal line.
    pub y_split: f64,
    /// The x axis range (nice, holding every point and the split).
    pub x_range: (f64, f64),
    /// The y axis range.
    pub y_range: (f64, f64),
    /// The items.
    pub points: Vec<IpaPoint>,
}

impl IpaChart {
    /// The grid of `results.ipa`; `None` without points or splits.
    pub fn of(project: &Project, results: &Results) -> Option<IpaChart> {
        let ipa = &results.ipa;
        let (x_split, y_split) = (ipa.x_split?, ipa.y_split?);
        if ipa.items.is_empty() {
            return None;
        }
        let points: Vec<IpaPoint> = ipa
            .items
            .iter()
            .map(|i| IpaPoint {
                code: i.code.clone(),
                text: project
                    .item(&i.code)
                    .map(|item| item.text.clone())
                    .unwrap_or_default(),
                importance: i.importance,
                performance: i.performance,
                quadrant: i.quadrant,
            })
            .collect();
        let extent = |pick: fn(&IpaPoint) -> f64, split: f64| {
            let (lo, hi) = points
                .iter()
                .map(pick)
                .fold((split, split), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let pad = (hi - lo) * 0.08;
            nice_range(lo - pad, hi + pad)
        };
        Some(IpaChart {
            importance_source: ipa.importance_source,
            x_split,
            y_split,
            x_range: extent(|p| p.importance, x_split),
            y_range: extent(|p| p.performance, y_split),
            points,
        })
    }

    /// The four quadrants (x = importance, y = performance): high importance with low
    /// performance, bottom right, is "Concentrate here".
    pub fn quadrants(&self) -> [QuadrantArea; 4] {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let (xs, ys) = (self.x_split, self.y_split);
        [
            QuadrantArea {
                quadrant: Quadrant::PossibleOverkill,
                from: [x0, ys],
                to: [xs, y1],
                position: "insideTopLeft",
            },
            QuadrantArea {
                quadrant: Quadrant::KeepUp,
                from: [xs, ys],
                to: [x1, y1],
                position: "insideTopRight",
            },
            QuadrantArea {
                quadrant: Quadrant::LowPriority,
                from: [x0, y0],
                to: [xs, ys],
                position: "insideBottomLeft",
            },
            QuadrantArea {
                quadrant: Quadrant::ConcentrateHere,
                from: [xs, y0],
                to: [x1, ys],
                position: "insideBottomRight",
            },
        ]
    }
}

/// The overall perception gap in one wave.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// Wave name.
    pub wave: String,
    /// The gap; `None` when the wave has no paired answers.
    pub gap: Option<f64>,
    /// Lower CI bound.
    pub ci_low: Option<f64>,
    /// Upper CI bound.
    pub ci_high: Option<f64>,
    /// Customers in the wave with both parts answered.
    pub n: usize,
}

/// A change between consecutive waves with Welch's p below 0.05.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChange {
    /// Index of the later wave in [`TrendChart::points`].
    pub to_index: usize,
    /// The earlier wave.
    pub from: String,
    /// The later wave.
    pub to: String,
    /// Later minus earlier.
    pub difference: f64,
    /// Welch's two-sided p.
    pub p: f64,
}

impl TrendChange {
    /// "▲ +0.31" for an improvement, "▼ −0.25" for a decline.
    pub fn label(&self) -> String {
        let arrow = if self.difference >= 0.0 {
            "▲ +"
        } else {
            "▼ "
        };
        format!("{arrow}{}", figure(Some(self.difference), 2))
    }
}

/// Per-wave means of the overall perception gap with CI bands.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    /// One per wave, in the project's order.
    pub points: Vec<TrendPoint>,
    /// The significant changes.
    pub changes: Vec<TrendChange>,
    /// The wave the other figures are filtered to, as an index into `points`.
    pub selected: Option<usize>,
}

impl TrendChart {
    /// From `results.trends`; the wave filter only marks its wave (trends span every wave).
    pub fn of(results: &Results) -> TrendChart {
        let trends = &results.trends;
        let points: Vec<TrendPoint> = trends
            .waves
            .iter()
            .zip(&trends.overall)
            .map(|(wave, test)| TrendPoint {
                wave: wave.clone(),
                gap: test.gap().filter(|g| g.is_finite()),
                ci_low: test.summary.ci_low,
                ci_high: test.summary.ci_high,
                n: test.summary.n,
            })
            .collect();
        let changes = trends
            .changes
            .iter()
            .filter_map(|c| {
                let p = c.change.p.filter(|p| *p < ALPHA)?;
                let to_index = points.iter().position(|w| w.wave == c.to)?;
                Some(TrendChange {
                    to_index,
                    from: c.from.clone(),
                    to: c.to.clone(),
                    difference: c.change.difference?,
                    p,
                })
            })
            .collect();
        let selected = results
            .wave
            .as_ref()
            .and_then(|w| points.iter().position(|p| &p.wave == w));
        TrendChart {
            points,
            changes,
            selected,
        }
    }

    /// Fewer than two waves with a gap: no line to draw.
    pub fn is_empty(&self) -> bool {
        self.points.iter().filter(|p| p.gap.is_some()).count() < 2
    }

    /// A y range holding 0 and every gap and CI bound.
    pub fn range(&self) -> (f64, f64) {
        let values = self
            .points
            .iter()
            .flat_map(|p| [p.gap, p.ci_low, p.ci_high])
            .flatten();
        let (lo, hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        nice_range(lo, hi)
    }
}

/// One touchpoint of the journey heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    /// Index of its stage (the column).
    pub stage: usize,
    /// Its place within the stage (the row).
    pub slot: usize,
    /// Touchpoint code.
    pub code: String,
    /// Touchpoint name.
    pub name: String,
    /// Marked critical.
    pub critical: bool,
    /// The perception gap; `None` without linked items or with fewer than 10 answers.
    pub gap: Option<f64>,
    /// Why there is no gap, when there is none (in the interface language).
    pub missing: Option<&'static str>,
    /// Whether the gap is a finding (at least 10 answers, p < 0.05): `Some(true)` for a
    /// shortfall, `Some(false)` for better than expected, `None` for no finding.
    pub finding: Option<bool>,
    /// Complaints logged for it.
    pub complaints: usize,
}

impl HeatCell {
    /// The cell's text, line by line: "★ " before critical names, the gap (or why it is
    /// missing) with "▼ finding" or "▲ finding" when it is one, and the complaints, so colour
    /// is never the only carrier.
    pub fn label(&self) -> String {
        let star = if self.critical { "★ " } else { "" };
        let value = match (self.gap, self.missing) {
            (Some(gap), _) => match self.finding {
                Some(true) => t!("{gap} ▼ finding", gap = figure(Some(gap), 2)),
                Some(false) => t!("{gap} ▲ finding", gap = figure(Some(gap), 2)),
                None => figure(Some(gap), 2),
            },
            (None, Some(reason)) => reason.to_owned(),
            (None, None) => "–".to_owned(),
        };
        let complaints = match self.complaints {
            1 => t!("1 complaint").to_owned(),
            n => t!("{n} complaints", n = crate::format::count(n)),
        };
        format!("{star}{}\n{value}\n{complaints}", label_text(&self.name))
    }
}

/// Stages (columns) × touchpoints (rows within a stage), coloured by perception gap.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// Stage names, in journey order.
    pub stages: Vec<String>,
    /// The most touchpoints in one stage: the number of rows.
    pub slots: usize,
    /// One per touchpoint.
    pub cells: Vec<HeatCell>,
    /// The largest |gap|: the colour scale runs from −extent to +extent (at least 0.5).
    pub extent: f64,
}

impl HeatMap {
    /// The heat map of `results.journey`.
    pub fn of(project: &Project, results: &Results) -> HeatMap {
        let journey = &results.journey;
        let stages: Vec<String> = journey.stages.iter().map(|s| s.name.clone()).collect();
        let mut slots_used = vec![0_usize; stages.len()];
        let cells: Vec<HeatCell> = journey
            .touchpoints
            .iter()
            .filter(|t| t.stage < stages.len())
            .map(|t| {
                let slot = slots_used[t.stage];
                slots_used[t.stage] += 1;
                let (gap, missing) = if t.items == 0 {
                    (None, Some(t!("no items linked")))
                } else if t.perception_gap.summary.n < MIN_N_FINDING {
                    (None, Some(t!("too few answers")))
                } else {
                    match t.perception_gap.gap().filter(|g| g.is_finite()) {
                        Some(gap) => (Some(gap), None),
                        None => (None, Some(t!("no answers"))),
                    }
                };
                HeatCell {
                    stage: t.stage,
                    slot,
                    code: t.code.clone(),
                    name: project
                        .journey
                        .touchpoint(&t.code)
                        .map_or_else(|| t.code.clone(), |tp| tp.name.clone()),
                    critical: t.critical,
                    gap,
                    missing,
                    finding: gap.filter(|_| t.perception_gap.finding).map(|g| g < 0.0),
                    complaints: t.complaints,
                }
            })
            .collect();
        let extent = cells
            .iter()
            .filter_map(|c| c.gap)
            .fold(0.5_f64, |m, g| m.max(g.abs()));
        HeatMap {
            stages,
            slots: slots_used.into_iter().max().unwrap_or(0),
            cells,
            extent,
        }
    }

    /// No touchpoint: nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Filter;
    use crate::demo;
    use approx::assert_relative_eq;

    fn demo_results(filter: &Filter) -> (Project, Results) {
        let project = demo::hotel();
        let results = Results::for_project(&project, filter);
        (project, results)
    }

    #[test]
    fn braces_in_user_text_cannot_start_a_template() {
        assert_eq!(label_text("Check-in {b} {a|x}"), "Check-in (b) (a|x)");
    }

    #[test]
    fn nice_ranges_hold_the_values_on_round_steps() {
        assert_eq!(nice_range(-0.83, 0.12), (-1.0, 0.25));
        assert_eq!(nice_range(0.0, 1.0), (0.0, 1.0));
        assert_eq!(nice_range(4.62, 5.91), (4.5, 6.0));
        assert_eq!(nice_range(2.0, 2.0), (1.5, 2.5));
        assert_eq!(nice_range(f64::NAN, 1.0), (0.0, 1.0));
        let (lo, hi) = nice_range(-1.37, 0.4);
        assert!(lo <= -1.37 && hi >= 0.4);
    }

    #[test]
    fn radar_means_are_the_means_of_the_items_means_per_dimension() {
        let (project, results) = demo_results(&Filter::all());
        let radar = Radar::of(&project, &results);
        assert_eq!(radar.axes.len(), results.dimensions.len());
        assert_eq!((radar.min, radar.max), (1.0, 7.0));
        for axis in &radar.axes {
            let items: Vec<_> = results
                .items
                .iter()
                .filter(|i| i.dimension == axis.code)
                .collect();
            let e: f64 = items
                .iter()
                .map(|i| i.expectation.mean.unwrap())
                .sum::<f64>()
                / items.len() as f64;
            let p: f64 = items
                .iter()
                .map(|i| i.perception.mean.unwrap())
                .sum::<f64>()
                / items.len() as f64;
            assert_relative_eq!(axis.expectation.unwrap(), e, epsilon = 1e-12);
            assert_relative_eq!(axis.perception.unwrap(), p, epsilon = 1e-12);
            assert_ne!(axis.name, axis.code, "the project names its dimensions");
        }
    }

    #[test]
    fn radar_of_a_perception_only_project_has_no_expectations() {
        let (project, mut results) = demo_results(&Filter::all());
        results.perception_only = true;
        let radar = Radar::of(&project, &results);
        assert!(radar.perception_only);
        assert!(!radar.is_empty());
        assert!(radar
            .axes
            .iter()
            .all(|a| a.expectation.is_none() && a.perception.is_some()));
    }

    #[test]
    fn a_project_without_answers_draws_nothing() {
        let mut project = demo::hotel();
        project.responses.clear();
        project.complaints.clear();
        let results = Results::for_project(&project, &Filter::all());
        assert!(Radar::of(&project, &results).is_empty());
        assert!(gap_bars(&project, &results).is_empty());
        assert!(IpaChart::of(&project, &results).is_none());
        assert!(TrendChart::of(&results).is_empty());
        // The journey still has its touchpoints, each saying why it has no gap.
        let heat = HeatMap::of(&project, &results);
        assert!(heat
            .cells
            .iter()
            .all(|c| c.gap.is_none() && c.missing.is_some()));
    }

    #[test]
    fn gap_bars_carry_each_items_gap_interval_and_finding() {
        let (project, results) = demo_results(&Filter::wave("2026 Q3"));
        let bars = gap_bars(&project, &results);
        assert_eq!(bars.len(), results.items.len());
        for (bar, item) in bars.iter().zip(&results.items) {
            assert_eq!(bar.code, item.code);
            assert_eq!(Some(bar.gap), item.perception_gap.gap());
            assert_eq!(bar.ci_low, item.perception_gap.summary.ci_low);
            assert_eq!(bar.finding, item.perception_gap.finding);
            assert_eq!(bar.label().ends_with('◆'), bar.finding);
            assert!(!bar.text.is_empty());
        }
        assert!(
            bars.iter().any(|b| b.finding && b.gap < 0.0),
            "the demo has shortfall findings"
        );
        let (lo, hi) = gap_range(&bars);
        assert!(lo <= 0.0 && hi >= 0.0);
        assert!(bars
            .iter()
            .all(|b| b.ci_low.unwrap() >= lo && b.ci_high.unwrap() <= hi));
    }

    #[test]
    fn gap_bars_are_empty_without_expectations() {
        let (project, mut results) = demo_results(&Filter::all());
        results.perception_only = true;
        assert!(gap_bars(&project, &results).is_empty());
    }

    #[test]
    fn ipa_grid_holds_every_point_and_names_the_quadrants() {
        let (project, results) = demo_results(&Filter::all());
        let ipa = IpaChart::of(&project, &results).expect("the demo has IPA points");
        assert_eq!(ipa.points.len(), results.ipa.items.len());
        assert_eq!(Some(ipa.x_split), results.ipa.x_split);
        for p in &ipa.points {
            assert!(p.importance >= ipa.x_range.0 && p.importance <= ipa.x_range.1);
            assert!(p.performance >= ipa.y_range.0 && p.performance <= ipa.y_range.1);
        }
        let quadrants = ipa.quadrants();
        let concentrate = quadrants
            .iter()
            .find(|q| q.quadrant == Quadrant::ConcentrateHere)
            .unwrap();
        assert_eq!(concentrate.from, [ipa.x_split, ipa.y_range.0]);
        assert_eq!(concentrate.to, [ipa.x_range.1, ipa.y_split]);
        // Each point lies in the rectangle of its quadrant.
        for p in &ipa.points {
            let area = quadrants.iter().find(|q| q.quadrant == p.quadrant).unwrap();
            assert!(
                p.importance >= area.from[0] && p.importance <= area.to[0],
                "{}",
                p.code
            );
            assert!(
                p.performance >= area.from[1] && p.performance <= area.to[1],
                "{}",
                p.code
            );
        }
    }

    #[test]
    fn trends_follow_the_waves_and_mark_only_significant_changes() {
        let (_, results) = demo_results(&Filter::wave("2026 Q2"));
        let trend = TrendChart::of(&results);
        assert_eq!(trend.points.len(), 3);
        assert_eq!(trend.selected, Some(1));
        assert!(!trend.is_empty());
        for (point, test) in trend.points.iter().zip(&results.trends.overall) {
            assert_eq!(point.gap, test.gap());
            assert_eq!(point.ci_high, test.summary.ci_high);
        }
        let significant = results
            .trends
            .changes
            .iter()
            .filter(|c| c.change.p.is_some_and(|p| p < 0.05))
            .count();
        assert_eq!(trend.changes.len(), significant);
        for change in &trend.changes {
            assert!(change.p < 0.05);
            assert_eq!(trend.points[change.to_index].wave, change.to);
        }
        let (lo, hi) = trend.range();
        assert!(trend
            .points
            .iter()
            .all(|p| p.ci_low.unwrap() >= lo && p.ci_high.unwrap() <= hi));
        assert_eq!(
            TrendChart::of(&demo_results(&Filter::all()).1).selected,
            None
        );
    }

    #[test]
    fn trend_change_labels_show_direction_with_a_true_minus() {
        let change = TrendChange {
            to_index: 1,
            from: "A".into(),
            to: "B".into(),
            difference: -0.254,
            p: 0.01,
        };
        assert_eq!(change.label(), "▼ −0.25");
        let change = TrendChange {
            difference: 0.3,
            ..change
        };
        assert_eq!(change.label(), "▲ +0.30");
    }

    #[test]
    fn heat_map_places_each_touchpoint_in_its_stage_with_gap_and_complaints() {
        let (project, results) = demo_results(&Filter::wave("2026 Q1"));
        let heat = HeatMap::of(&project, &results);
        assert_eq!(heat.stages.len(), project.journey.stages.len());
        assert_eq!(heat.cells.len(), results.journey.touchpoints.len());
        let widest = project
            .journey
            .stages
            .iter()
            .map(|s| s.touchpoints.len())
            .max()
            .unwrap();
        assert_eq!(heat.slots, widest);
        for (cell, t) in heat.cells.iter().zip(&results.journey.touchpoints) {
            assert_eq!(cell.stage, t.stage);
            assert_eq!(cell.complaints, t.complaints);
            assert_eq!(
                project.journey.stages[cell.stage].touchpoints[cell.slot].code,
                cell.code
            );
            let label = cell.label();
            assert_eq!(label.starts_with('★'), t.critical);
            assert!(label.contains("complaint"));
            if let Some(gap) = cell.gap {
                assert!(label.contains(&figure(Some(gap), 2)));
                assert!(gap.abs() <= heat.extent);
            }
        }
        assert!(
            heat.cells.iter().any(|c| c.critical),
            "the demo marks critical touchpoints"
        );
        assert!(
            heat.cells.iter().any(|c| c.complaints > 0),
            "the demo logs complaints"
        );
        assert!(heat.cells.iter().any(|c| c.gap.is_some()));
    }

    #[test]
    fn heat_cell_label_says_why_a_gap_is_missing() {
        let cell = HeatCell {
            stage: 0,
            slot: 0,
            code: "desk".into(),
            name: "Front {desk}".into(),
            critical: true,
            gap: None,
            missing: Some("no items linked"),
            finding: None,
            complaints: 1,
        };
        assert_eq!(cell.label(), "★ Front (desk)\nno items linked\n1 complaint");
        let finding = HeatCell { gap: Some(-0.456), missing: None, finding: Some(true), complaints: 0, ..cell };
        assert_eq!(finding.label(), "★ Front (desk)\n−0.46 ▼ finding\n0 complaints");
    }
}
