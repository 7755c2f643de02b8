//! The Dashboard's decisions: which figure each gap of the model shows, in which unit, with
//! which status; which priorities, trends and sample-size warnings come first. Pure, so the
//! page only renders what is decided here.
//!
//! Statuses follow DESIGN.md's sample-size honesty: fewer than 10 answers are never a finding
//! ("too few answers"); fewer than 30 are indicative. Gaps 2 and 3 are shares, not tests:
//! with enough answers (gap 2) or measurements (gap 3) behind it, a share is "below target"
//! or "target met", never a finding, which needs a test (the Report says the same).

use super::priorities::Priority;
use super::stats::{GapTest, ALPHA, MIN_N_FINDING, MIN_N_SOLID};
use super::trends::Pattern;
use super::Results;
use crate::model::{Project, Source};

/// A gap as the Dashboard shows it: the five gaps of the model and the CX (80/8) gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Gap 1: management's picture of what customers expect.
    Knowledge,
    /// Gap 2: standards for what matters.
    Standards,
    /// Gap 3: the standards met in practice.
    Delivery,
    /// Gap 4: promises kept.
    Communication,
    /// Gap 5: what customers get against what they expect.
    Perception,
    /// The experience gap: customers' top box against management's.
    Experience,
}

impl Gap {
    /// The five gaps of the model, in its order.
    pub const MODEL: [Gap; 5] = [Gap::Knowledge, Gap::Standards, Gap::Delivery, Gap::Communication, Gap::Perception];

    /// The word used in test ids and links: `knowledge`, `standards`…
    pub fn as_str(self) -> &'static str {
        match self {
            Gap::Knowledge => "knowledge",
            Gap::Standards => "standards",
            Gap::Delivery => "delivery",
            Gap::Communication => "communication",
            Gap::Perception => "perception",
            Gap::Experience => "experience",
        }
    }

    /// The Analysis page's section with this gap's detail (`gap-knowledge`…).
    pub fn section(self) -> String {
        format!("gap-{}", self.as_str())
    }

    /// The gap's number in the model; the CX gap has none.
    pub fn number(self) -> Option<u8> {
        match self {
            Gap::Knowledge => Some(1),
            Gap::Standards => Some(2),
            Gap::Delivery => Some(3),
            Gap::Communication => Some(4),
            Gap::Perception => Some(5),
            Gap::Experience => None,
        }
    }

    /// The gap's name, in the interface language.
    pub fn name(self) -> &'static str {
        match self {
            Gap::Knowledge => t!("Knowledge gap"),
            Gap::Standards => t!("Standards gap"),
            Gap::Delivery => t!("Delivery gap"),
            Gap::Communication => t!("Communication gap"),
            Gap::Perception => t!("Perception gap"),
            Gap::Experience => t!("Experience gap"),
        }
    }

    /// The question the gap answers, in plain words.
    pub fn question(self) -> &'static str {
        match self {
            Gap::Knowledge => t!("Does management know what customers expect?"),
            Gap::Standards => t!("Are there standards for what customers value?"),
            Gap::Delivery => t!("Are the standards met in practice?"),
            Gap::Communication => t!("Are the promises to customers kept?"),
            Gap::Perception => t!("Do customers get what they expect?"),
            Gap::Experience => t!("Do customers rate the service as highly as management does?"),
        }
    }
}

/// The unit a gap's value is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Points on the project's rating scale, two decimals.
    Points,
    /// A share in %, no decimals.
    Percent,
    /// A difference of shares, in percentage points, no decimals.
    PercentagePoints,
}

impl Unit {
    /// Decimals shown.
    pub fn decimals(self) -> usize {
        match self {
            Unit::Points => 2,
            Unit::Percent | Unit::PercentagePoints => 0,
        }
    }

    /// The unit written after the number ("" for scale points; "pp" in the interface language).
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Points => "",
            Unit::Percent => "%",
            Unit::PercentagePoints => t!("pp"),
        }
    }
}

/// What a figure can be said to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// n ≥ 10 and a clear gap (p < 0.05). `shortfall` when the gap
    /// is on the side of falling short; `indicative` when n < 30.
    Finding {
        /// The gap is a shortfall (negative).
        shortfall: bool,
        /// n < 30.
        indicative: bool,
    },
    /// A share in % with at least 10 answers or measurements behind it (gaps 2 and 3): it is
    /// below or at its target of 100 %. A share is counted, not tested, so it is never called
    /// a finding.
    Share {
        /// Below 100 %.
        short: bool,
    },
    /// n ≥ 30 and no clear gap.
    NoClearGap,
    /// 10 ≤ n < 30 and no clear gap: indicative only.
    Indicative,
    /// n < 10: nothing can be said.
    TooFew,
    /// No data for this figure in the view.
    NotMeasured,
}

impl Status {
    /// The status in words, in the interface language. Each begins with its
    /// [`Status::short_word`] (the diagram shows the rest apart).
    pub fn word(self) -> &'static str {
        match self {
            Status::Finding { shortfall: true, indicative: false } => t!("finding: shortfall"),
            Status::Finding { shortfall: true, indicative: true } => t!("finding: shortfall (indicative)"),
            Status::Finding { shortfall: false, indicative: false } => t!("finding: no shortfall"),
            Status::Finding { shortfall: false, indicative: true } => t!("finding: no shortfall (indicative)"),
            Status::Share { short: true } => t!("below target (a share, not a test)"),
            Status::Share { short: false } => t!("target met (a share, not a test)"),
            Status::NoClearGap => t!("no clear gap"),
            Status::Indicative => t!("indicative"),
            Status::TooFew => t!("too few answers"),
            Status::NotMeasured => t!("not measured"),
        }
    }

    /// A short word for tight places (the diagram).
    pub fn short_word(self) -> &'static str {
        match self {
            Status::Finding { .. } => t!("finding"),
            Status::Share { short: true } => t!("below target"),
            Status::Share { short: false } => t!("target met"),
            Status::NoClearGap => t!("no clear gap"),
            Status::Indicative => t!("indicative"),
            Status::TooFew => t!("too few answers"),
            Status::NotMeasured => t!("not measured"),
        }
    }

    /// An icon that carries the status beside its colour.
    pub fn icon(self) -> &'static str {
        match self {
            Status::Finding { shortfall: true, .. } => "▼",
            Status::Finding { shortfall: false, .. } => "▲",
            Status::Share { short: true } => "▽",
            Status::Share { short: false } => "✓",
            Status::NoClearGap => "○",
            Status::Indicative => "◐",
            Status::TooFew => "…",
            Status::NotMeasured => "–",
        }
    }

    /// A CSS class suffix: `short`, `over`, `clear`, `indicative`, `few`, `none`.
    pub fn class(self) -> &'static str {
        match self {
            Status::Finding { shortfall: true, .. } => "short",
            Status::Finding { shortfall: false, .. } => "over",
            Status::Share { short: true } => "short",
            Status::Share { short: false } => "clear",
            Status::NoClearGap => "clear",
            Status::Indicative => "indicative",
            Status::TooFew => "few",
            Status::NotMeasured => "none",
        }
    }

    /// The status of one test (overall figures: the plain p).
    pub fn of_test(test: &GapTest) -> Status {
        let n = test.summary.n;
        match test.gap() {
            None => Status::NotMeasured,
            Some(_) if n < MIN_N_FINDING => Status::TooFew,
            Some(gap) if test.finding => Status::Finding { shortfall: gap < 0.0, indicative: n < MIN_N_SOLID },
            Some(_) if n < MIN_N_SOLID => Status::Indicative,
            Some(_) => Status::NoClearGap,
        }
    }

    /// The status of a gap measured item by item (Holm-adjusted findings): a finding when any
    /// item is one (a shortfall when any finding is), otherwise by the largest n.
    pub fn of_items(tests: &[GapTest]) -> Status {
        let measured: Vec<&GapTest> = tests.iter().filter(|t| t.gap().is_some()).collect();
        let Some(largest) = measured.iter().map(|t| t.summary.n).max() else {
            return Status::NotMeasured;
        };
        let findings: Vec<&&GapTest> = measured.iter().filter(|t| t.finding).collect();
        if largest < MIN_N_FINDING {
            Status::TooFew
        } else if !findings.is_empty() {
            let shortfall = findings.iter().any(|t| t.gap().is_some_and(|g| g < 0.0));
            let indicative = findings.iter().all(|t| t.summary.n < MIN_N_SOLID);
            Status::Finding { shortfall, indicative }
        } else if largest < MIN_N_SOLID {
            Status::Indicative
        } else {
            Status::NoClearGap
        }
    }

    /// The status of a share in % that should be 100 (standards coverage, targets met), from
    /// `n` answers or measurements behind it.
    pub fn of_share(pct: Option<f64>, n: usize) -> Status {
        match pct {
            None => Status::NotMeasured,
            Some(_) if n < MIN_N_FINDING => Status::TooFew,
            Some(p) => Status::Share { short: p < 100.0 - 1e-9 },
        }
    }
}

/// One gap's headline on the Dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct GapFigure {
    /// Which gap.
    pub gap: Gap,
    /// The value shown; `None` when not measured.
    pub value: Option<f64>,
    /// Its unit.
    pub unit: Unit,
    /// What can be said.
    pub status: Status,
    /// What the value is, or what is missing to measure it, in plain words.
    pub basis: String,
}

/// The mean of the gaps of item tests, and how many items it is over.
fn mean_of_items(tests: &[GapTest]) -> Option<(f64, usize)> {
    let gaps: Vec<f64> = tests.iter().filter_map(GapTest::gap).collect();
    (!gaps.is_empty()).then(|| (gaps.iter().sum::<f64>() / gaps.len() as f64, gaps.len()))
}

impl GapFigure {
    /// The headline of `gap` in `results`.
    ///
    /// Gap 1 and gap 4: the mean over items of the item gaps (M − E; P − promised level).
    /// Gap 2: importance-weighted standards coverage. Gap 3: the share of all measurements
    /// that met their standard's target. Gap 5: the importance-weighted P − E when customers
    /// gave importance points, the plain overall P − E otherwise (status from its test). CX:
    /// customers' top-box share minus management's, in percentage points.
    pub fn of(gap: Gap, results: &Results) -> GapFigure {
        let customers = results.respondents.customers;
        let item_tests = |pick: fn(&super::ItemResult) -> Option<GapTest>| -> Vec<GapTest> {
            results.items.iter().filter_map(pick).collect()
        };
        match gap {
            Gap::Knowledge => {
                let tests = if results.perception_only { Vec::new() } else { item_tests(|i| i.knowledge_gap) };
                let mean = mean_of_items(&tests);
                GapFigure {
                    gap,
                    value: mean.map(|m| m.0),
                    unit: Unit::Points,
                    status: Status::of_items(&tests),
                    basis: match mean {
                        Some((_, 1)) => t!(
                            "Management's estimate of what customers expect (M) minus customers' expectation (E), mean over 1 item."
                        )
                        .to_owned(),
                        Some((_, k)) => t!(
                            "Management's estimate of what customers expect (M) minus customers' expectation (E), mean over {k} items.",
                            k = crate::format::count(k)
                        ),
                        None if results.perception_only => {
                            t!("Needs customers' expectations; this survey asks perception only.").to_owned()
                        }
                        None => t!("Needs management's view (M) and customers' expectations (E).").to_owned(),
                    },
                }
            }
            Gap::Standards => {
                let pct = results.overall.standards_coverage_pct;
                GapFigure {
                    gap,
                    value: pct,
                    unit: Unit::Percent,
                    status: Status::of_share(pct, customers),
                    basis: match pct {
                        Some(_) => {
                            t!("Share of what customers value (importance-weighted) that has a standard.").to_owned()
                        }
                        None if results.items.is_empty() => t!("Needs customers' answers and standards.").to_owned(),
                        None => t!("Needs standards: none are set up yet.").to_owned(),
                    },
                }
            }
            Gap::Delivery => {
                let n: usize = results.delivery.iter().map(|d| d.n).sum();
                let met: f64 = results.delivery.iter().map(|d| d.met_pct.unwrap_or(0.0) * d.n as f64 / 100.0).sum();
                let pct = (n > 0).then(|| 100.0 * met / n as f64);
                let standards = results.delivery.iter().filter(|d| d.n > 0).count();
                GapFigure {
                    gap,
                    value: pct,
                    unit: Unit::Percent,
                    status: Status::of_share(pct, n),
                    basis: match pct {
                        Some(_) if standards == 1 => t!(
                            "Share of {n} measurements that met their target, over 1 standard.",
                            n = crate::format::count(n)
                        ),
                        Some(_) => t!(
                            "Share of {n} measurements that met their target, over {standards} standards.",
                            n = crate::format::count(n),
                            standards = crate::format::count(standards)
                        ),
                        None => t!("Needs standards with a numeric target and measurements of them.").to_owned(),
                    },
                }
            }
            Gap::Communication => {
                let tests = item_tests(|i| i.communication_gap);
                let mean = mean_of_items(&tests);
                GapFigure {
                    gap,
                    value: mean.map(|m| m.0),
                    unit: Unit::Points,
                    status: Status::of_items(&tests),
                    basis: match mean {
                        Some((_, 1)) => {
                            t!("Customers' perception (P) minus the promised level, mean over 1 promised item.").to_owned()
                        }
                        Some((_, k)) => t!(
                            "Customers' perception (P) minus the promised level, mean over {k} promised items.",
                            k = crate::format::count(k)
                        ),
                        None => t!("Needs promises with a level and customers' perceptions.").to_owned(),
                    },
                }
            }
            Gap::Perception => {
                if results.perception_only {
                    return GapFigure {
                        gap,
                        value: None,
                        unit: Unit::Points,
                        status: Status::NotMeasured,
                        basis: t!("Needs customers' expectations; this survey asks perception only.").to_owned(),
                    };
                }
                let test = results.overall.perception_gap;
                let weighted = results.overall.weighted_perception_gap.filter(|_| test.gap().is_some());
                GapFigure {
                    gap,
                    value: weighted.or(test.gap()),
                    unit: Unit::Points,
                    status: Status::of_test(&test),
                    basis: match (weighted, test.gap()) {
                        (Some(_), _) => t!(
                            "Perception minus expectation (P − E), weighted by the importance customers gave each dimension; n = {n}.",
                            n = crate::format::count(test.summary.n)
                        ),
                        (None, Some(_)) => t!(
                            "Perception minus expectation (P − E), mean over customers; n = {n}.",
                            n = crate::format::count(test.summary.n)
                        ),
                        (None, None) => t!("Needs customers' expectations and perceptions.").to_owned(),
                    },
                }
            }
            Gap::Experience => {
                let tests = item_tests(|i| i.experience_gap);
                let top = results.overall.experience_gap_top_box;
                GapFigure {
                    gap,
                    value: top.map(|t| t.gap_pp),
                    unit: Unit::PercentagePoints,
                    status: if top.is_some() { Status::of_items(&tests) } else { Status::NotMeasured },
                    basis: match top {
                        Some(_) => {
                            t!("Customers' top-box share of perception (P) minus management's of its own rating (S).")
                                .to_owned()
                        }
                        None => t!("Needs management's own rating (S) and customers' perceptions (P).").to_owned(),
                    },
                }
            }
        }
    }
}

/// The five gaps of the model, in order.
pub fn model(results: &Results) -> Vec<GapFigure> {
    Gap::MODEL.iter().map(|gap| GapFigure::of(*gap, results)).collect()
}

/// The wave a consultant presents as "this wave": the latest wave with customer answers;
/// `None` (all waves) when no wave has any.
pub fn default_wave(project: &Project) -> Option<String> {
    project
        .waves
        .iter()
        .rev()
        .find(|w| project.responses.iter().any(|r| r.source == Source::Customer && r.in_wave(Some(&w.name))))
        .map(|w| w.name.clone())
}

/// The top `n` priorities (already ranked by importance-weighted shortfall).
pub fn top_priorities(results: &Results, n: usize) -> &[Priority] {
    &results.priorities[..results.priorities.len().min(n)]
}

/// One item's perception gap over the waves.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLine {
    /// Item code.
    pub code: String,
    /// Trend or event.
    pub pattern: Pattern,
    /// The gap in each wave, in wave order (`None` where the wave has no answers).
    pub gaps: Vec<(String, Option<f64>)>,
}

impl TrendLine {
    /// The mean over waves that have a gap: how the line is ranked.
    fn mean(&self) -> f64 {
        let gaps: Vec<f64> = self.gaps.iter().filter_map(|g| g.1).collect();
        if gaps.is_empty() {
            0.0
        } else {
            gaps.iter().sum::<f64>() / gaps.len() as f64
        }
    }
}

/// The overall perception gap's latest change between consecutive waves.
#[derive(Debug, Clone, PartialEq)]
pub struct OverallChange {
    /// The earlier wave and its gap.
    pub from: (String, Option<f64>),
    /// The later wave and its gap.
    pub to: (String, Option<f64>),
    /// Later minus earlier: positive = the gap closes.
    pub difference: f64,
    /// Welch's p below 0.05.
    pub significant: bool,
}

/// What the waves say, trends before events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendSummary {
    /// Shortfalls in two or more consecutive waves, the largest mean shortfall first.
    pub trends: Vec<TrendLine>,
    /// Shortfalls in a single wave, the largest mean shortfall first.
    pub events: Vec<TrendLine>,
    /// The latest wave-to-wave change of the overall gap with a difference.
    pub overall: Option<OverallChange>,
    /// Number of waves.
    pub waves: usize,
}

/// Trends first, events second (see [`super::trends`]).
pub fn trend_summary(results: &Results) -> TrendSummary {
    let trends = &results.trends;
    let lines = |pattern: Pattern| -> Vec<TrendLine> {
        let mut lines: Vec<TrendLine> = trends
            .items
            .iter()
            .filter(|i| i.pattern == pattern)
            .map(|i| TrendLine {
                code: i.code.clone(),
                pattern,
                gaps: trends.waves.iter().cloned().zip(i.waves.iter().map(GapTest::gap)).collect(),
            })
            .collect();
        crate::sort::sort_by(&mut lines, |a, b| a.mean().total_cmp(&b.mean()).then_with(|| a.code.cmp(&b.code)));
        lines
    };
    let overall = trends.changes.iter().enumerate().rev().find_map(|(i, c)| {
        let difference = c.change.difference?;
        Some(OverallChange {
            from: (c.from.clone(), trends.overall.get(i).and_then(GapTest::gap)),
            to: (c.to.clone(), trends.overall.get(i + 1).and_then(GapTest::gap)),
            difference,
            significant: c.change.p.is_some_and(|p| p < ALPHA),
        })
    });
    TrendSummary { trends: lines(Pattern::Trend), events: lines(Pattern::Event), overall, waves: trends.waves.len() }
}

/// A figure whose n is small, with that n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmallFigure {
    /// What the figure is: an item code, "NPS", a standard's text…
    pub label: String,
    /// Answers (or measurements) behind it.
    pub n: usize,
}

/// Which figures rest on few answers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SampleWarnings {
    /// n < 10: never a finding.
    pub too_few: Vec<SmallFigure>,
    /// 10 ≤ n < 30: indicative only.
    pub indicative: Vec<SmallFigure>,
}

impl SampleWarnings {
    /// Whether there is nothing to warn about.
    pub fn is_empty(&self) -> bool {
        self.too_few.is_empty() && self.indicative.is_empty()
    }

    fn add(&mut self, label: String, n: usize) {
        if n < MIN_N_FINDING {
            self.too_few.push(SmallFigure { label, n });
        } else if n < MIN_N_SOLID {
            self.indicative.push(SmallFigure { label, n });
        }
    }
}

/// The figures of `results` with n < 30: the overall gap, each item (its perception gap, or
/// its perception in a perception-only survey), NPS, CSAT, CES, and each standard's
/// measurements. Figures that are not measured at all are not listed.
pub fn sample_warnings(project: &Project, results: &Results) -> SampleWarnings {
    let mut warnings = SampleWarnings::default();
    if results.items.is_empty() {
        return warnings;
    }
    if !results.perception_only {
        warnings.add(t!("Overall perception gap").to_owned(), results.overall.perception_gap.summary.n);
    }
    for item in &results.items {
        let n = if results.perception_only { item.perception.n } else { item.perception_gap.summary.n };
        warnings.add(item.code.clone(), n);
    }
    for (name, score) in [("NPS", results.overall.nps), ("CSAT", results.overall.csat), ("CES", results.overall.ces)] {
        if let Some(score) = score {
            warnings.add(name.to_owned(), score.n);
        }
    }
    for delivery in results.delivery.iter().filter(|d| d.n > 0) {
        let text = project.standards.iter().find(|s| s.id == delivery.standard).map_or(&delivery.standard, |s| &s.text);
        warnings.add(t!("measurements of “{text}”", text = text), delivery.n);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::Summary;
    use crate::analysis::Filter;
    use crate::demo;
    use crate::model::{ProjectId, Scale};
    use crate::template::SERVQUAL;

    fn test_with(n: usize, gap: f64, finding: bool) -> GapTest {
        let summary = Summary { n, mean: Some(gap), sd: Some(1.0), se: Some(0.1), ci_low: None, ci_high: None };
        GapTest { summary, t: None, df: None, p: None, p_holm: None, dz: None, finding, indicative: n < 30 }
    }

    fn empty_test() -> GapTest {
        GapTest::paired(&[])
    }

    #[test]
    fn status_of_a_test_follows_the_sample_size_rules() {
        assert_eq!(Status::of_test(&empty_test()), Status::NotMeasured);
        assert_eq!(Status::of_test(&test_with(9, -1.0, false)), Status::TooFew);
        assert_eq!(Status::of_test(&test_with(12, -1.0, true)), Status::Finding { shortfall: true, indicative: true });
        assert_eq!(Status::of_test(&test_with(40, 0.5, true)), Status::Finding { shortfall: false, indicative: false });
        assert_eq!(Status::of_test(&test_with(12, -0.1, false)), Status::Indicative);
        assert_eq!(Status::of_test(&test_with(30, -0.1, false)), Status::NoClearGap);
    }

    #[test]
    fn status_of_items_takes_any_finding_and_the_largest_n() {
        assert_eq!(Status::of_items(&[]), Status::NotMeasured);
        assert_eq!(Status::of_items(&[empty_test()]), Status::NotMeasured);
        assert_eq!(Status::of_items(&[test_with(5, -2.0, false), test_with(9, -2.0, false)]), Status::TooFew);
        assert_eq!(
            Status::of_items(&[test_with(40, 0.3, true), test_with(40, -0.1, false)]),
            Status::Finding { shortfall: false, indicative: false }
        );
        assert_eq!(
            Status::of_items(&[test_with(40, 0.3, true), test_with(20, -0.9, true)]),
            Status::Finding { shortfall: true, indicative: false }
        );
        assert_eq!(
            Status::of_items(&[test_with(20, -0.9, true)]),
            Status::Finding { shortfall: true, indicative: true }
        );
        assert_eq!(Status::of_items(&[test_with(20, -0.9, false)]), Status::Indicative);
        assert_eq!(Status::of_items(&[test_with(31, -0.9, false), test_with(2, 0.0, false)]), Status::NoClearGap);
    }

    #[test]
    fn a_share_is_below_or_at_its_target_never_a_finding() {
        assert_eq!(Status::of_share(None, 100), Status::NotMeasured);
        assert_eq!(Status::of_share(Some(50.0), 9), Status::TooFew);
        assert_eq!(Status::of_share(Some(99.0), 12), Status::Share { short: true });
        assert_eq!(Status::of_share(Some(100.0), 12), Status::Share { short: false });
    }

    #[test]
    fn every_status_has_a_word_and_an_icon() {
        let all = [
            Status::Finding { shortfall: true, indicative: false },
            Status::Finding { shortfall: true, indicative: true },
            Status::Finding { shortfall: false, indicative: false },
            Status::Finding { shortfall: false, indicative: true },
            Status::Share { short: true },
            Status::Share { short: false },
            Status::NoClearGap,
            Status::Indicative,
            Status::TooFew,
            Status::NotMeasured,
        ];
        for status in all {
            assert!(!status.word().is_empty() && !status.icon().is_empty() && !status.class().is_empty());
        }
        assert_eq!(Status::TooFew.word(), "too few answers");
        assert_eq!(Status::NotMeasured.word(), "not measured");
    }

    #[test]
    fn gaps_link_to_their_analysis_sections() {
        let sections: Vec<String> = Gap::MODEL.iter().map(|g| g.section()).collect();
        assert_eq!(sections, ["gap-knowledge", "gap-standards", "gap-delivery", "gap-communication", "gap-perception"]);
        assert_eq!(Gap::Experience.section(), "gap-experience");
        assert_eq!(Gap::MODEL.map(|g| g.number()), [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    }

    fn empty_project() -> Project {
        SERVQUAL.project(ProjectId::new("empty").unwrap(), "Empty", Scale::SEVEN).unwrap()
    }

    #[test]
    fn an_empty_project_measures_nothing_and_warns_of_nothing() {
        let project = empty_project();
        let results = Results::for_project(&project, &Filter::all());
        for figure in model(&results) {
            assert_eq!(figure.status, Status::NotMeasured, "{:?}", figure.gap);
            assert_eq!(figure.value, None);
            assert!(figure.basis.starts_with("Needs"), "{}", figure.basis);
        }
        assert_eq!(GapFigure::of(Gap::Experience, &results).status, Status::NotMeasured);
        assert!(sample_warnings(&project, &results).is_empty());
        assert_eq!(default_wave(&project), None);
        assert!(top_priorities(&results, 3).is_empty());
        let trends = trend_summary(&results);
        assert!(trends.trends.is_empty() && trends.events.is_empty() && trends.overall.is_none());
    }

    /// The demo's latest wave (the demo may change; these tests read its figures, not constants).
    fn demo_latest() -> (Project, String) {
        let project = demo::hotel();
        let wave = project.waves.last().expect("the demo has waves").name.clone();
        (project, wave)
    }

    #[test]
    fn demo_values_are_the_results_figures() {
        let (project, wave) = demo_latest();
        assert_eq!(default_wave(&project).as_deref(), Some(wave.as_str()));
        let results = Results::for_project(&project, &Filter::wave(&wave));
        let figures = model(&results);

        let knowledge: Vec<f64> = results.items.iter().filter_map(|i| i.knowledge_gap?.gap()).collect();
        let expected = knowledge.iter().sum::<f64>() / knowledge.len() as f64;
        assert!((figures[0].value.unwrap() - expected).abs() < 1e-12);
        assert_eq!(figures[1].value, results.overall.standards_coverage_pct);
        let n: usize = results.delivery.iter().map(|d| d.n).sum();
        let met: f64 = results.delivery.iter().map(|d| d.met_pct.unwrap_or(0.0) * d.n as f64 / 100.0).sum();
        assert!(n > 0);
        assert!((figures[2].value.unwrap() - 100.0 * met / n as f64).abs() < 1e-9);
        let promised: Vec<f64> = results.items.iter().filter_map(|i| i.communication_gap?.gap()).collect();
        assert!(!promised.is_empty());
        let mean = promised.iter().sum::<f64>() / promised.len() as f64;
        assert!((figures[3].value.unwrap() - mean).abs() < 1e-12);
        assert_eq!(figures[4].value, results.overall.weighted_perception_gap);
        assert_eq!(figures[4].unit, Unit::Points);
        let cx = GapFigure::of(Gap::Experience, &results);
        assert_eq!(cx.value, results.overall.experience_gap_top_box.map(|t| t.gap_pp));
        assert!(cx.value.unwrap() < 0.0, "the demo's management rates itself higher than customers do");
    }

    #[test]
    fn delivery_pools_every_measurement() {
        let (project, wave) = demo_latest();
        let mut results = Results::for_project(&project, &Filter::wave(&wave));
        results.delivery = vec![
            crate::analysis::standards::Delivery {
                standard: "a".into(),
                n: 10,
                met_pct: Some(50.0),
                mean_deviation: None,
            },
            crate::analysis::standards::Delivery {
                standard: "b".into(),
                n: 30,
                met_pct: Some(100.0),
                mean_deviation: None,
            },
            crate::analysis::standards::Delivery { standard: "c".into(), n: 0, met_pct: None, mean_deviation: None },
        ];
        let figure = GapFigure::of(Gap::Delivery, &results);
        assert_eq!(figure.value, Some(87.5));
        assert_eq!(figure.status, Status::Share { short: true });
        assert!(figure.basis.contains("40 measurements") && figure.basis.contains("2 standards"), "{}", figure.basis);
    }

    #[test]
    fn demo_trends_come_before_events_ranked_by_shortfall() {
        let (project, wave) = demo_latest();
        let results = Results::for_project(&project, &Filter::wave(&wave));
        let summary = trend_summary(&results);
        assert_eq!(summary.waves, project.waves.len());
        assert!(!summary.trends.is_empty(), "the demo has a repeating shortfall");
        assert!(summary.trends.iter().all(|t| t.pattern == Pattern::Trend && t.gaps.len() == summary.waves));
        assert!(summary.events.iter().all(|t| t.pattern == Pattern::Event));
        let means: Vec<f64> = summary.trends.iter().map(TrendLine::mean).collect();
        assert!(means.windows(2).all(|w| w[0] <= w[1]), "{means:?}");
        let overall = summary.overall.expect("several waves give changes");
        assert_eq!(overall.to.0, wave);
        let top = top_priorities(&results, 3);
        assert!(!top.is_empty() && top.len() <= 3);
        assert_eq!(top, &results.priorities[..top.len()]);
    }

    #[test]
    fn small_waves_are_listed_as_indicative_or_too_few() {
        let (mut project, wave) = demo_latest();
        // Keep 8 customers of the last wave: every item falls under 10.
        let mut kept = 0;
        project.responses.retain(|r| {
            if r.source == Source::Customer && r.in_wave(Some(&wave)) {
                kept += 1;
                kept <= 8
            } else {
                true
            }
        });
        let results = Results::for_project(&project, &Filter::wave(&wave));
        let warnings = sample_warnings(&project, &results);
        assert!(warnings.too_few.iter().any(|f| f.label == "Overall perception gap" && f.n == 8));
        assert!(warnings.too_few.iter().any(|f| f.label == "REL4"));
        assert!(warnings.too_few.iter().any(|f| f.label == "NPS"));
        for delivery in results.delivery.iter().filter(|d| d.n > 0 && d.n < 10) {
            let text = &project.standards.iter().find(|s| s.id == delivery.standard).unwrap().text;
            assert!(warnings.too_few.iter().any(|f| f.label.contains(text.as_str()) && f.n == delivery.n));
        }
        assert_eq!(GapFigure::of(Gap::Perception, &results).status, Status::TooFew);

        let all = Results::for_project(&project, &Filter::all());
        let warnings = sample_warnings(&project, &all);
        assert!(!warnings.too_few.iter().chain(&warnings.indicative).any(|f| f.label == "Overall perception gap"));
    }
}
