//! The Report's figures, prepared once: each gap's headline with its status in words, and the
//! number of answers behind every figure (the method section's table).
//!
//! Pure: it only reads a [`Results`]; the Report page formats what it returns.

use super::stats::{GapTest, MIN_N_FINDING};
use super::{ItemResult, Results};
use crate::model::Project;

/// The wave a report shows: the one picked (`""` = all waves pooled), else the latest wave;
/// `None` (all waves) when the project has no waves.
pub fn report_wave(project: &Project, picked: Option<&str>) -> Option<String> {
    let latest = || project.waves.last().map(|w| w.name.clone());
    match picked {
        None => latest(),
        Some("") => None,
        Some(name) if project.waves.iter().any(|w| w.name == name) => Some(name.to_owned()),
        Some(_) => latest(),
    }
}

/// The status of a figure, in the words the report prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// n ≥ 10 and p below 0.05 (Holm-adjusted for items), the gap below zero.
    Shortfall,
    /// n ≥ 10 and p below 0.05, the gap above zero.
    Above,
    /// n ≥ 10 and no significant gap.
    NoClearGap,
    /// Fewer than 10 answers: never a finding.
    TooFew,
    /// The figure needs data the project does not have (no management answers, no promise…).
    NotMeasured,
}

impl Status {
    /// The status of `test`; `None` (no test possible) is not measured.
    ///
    /// # Remarks
    /// A test with n = 0 is "not measured"; 1 ≤ n < 10 is "too few answers".
    pub fn of(test: Option<&GapTest>) -> Status {
        match test {
            None => Status::NotMeasured,
            Some(t) if t.summary.n == 0 => Status::NotMeasured,
            Some(t) if t.summary.n < MIN_N_FINDING => Status::TooFew,
            Some(t) if t.finding && t.gap().is_some_and(|g| g < 0.0) => Status::Shortfall,
            Some(t) if t.finding => Status::Above,
            Some(_) => Status::NoClearGap,
        }
    }

    /// The status in words, in the interface language.
    pub fn label(self) -> &'static str {
        match self {
            Status::Shortfall => t!("finding: shortfall"),
            Status::Above => t!("finding: above"),
            Status::NoClearGap => t!("no clear gap"),
            Status::TooFew => t!("too few answers"),
            Status::NotMeasured => t!("not measured"),
        }
    }

    /// A class name for the report's stylesheet.
    pub fn class(self) -> &'static str {
        match self {
            Status::Shortfall => "status status-short",
            Status::Above => "status status-over",
            Status::NoClearGap => "status status-none",
            Status::TooFew | Status::NotMeasured => "status status-few",
        }
    }
}

/// The status of `test` in words, with "indicative" added when 10 ≤ n < 30.
pub fn status_text(test: Option<&GapTest>) -> String {
    let status = Status::of(test);
    let indicative =
        matches!(status, Status::Shortfall | Status::Above | Status::NoClearGap) && test.is_some_and(|t| t.indicative);
    if indicative {
        t!("{status}, indicative (n < 30)", status = status.label())
    } else {
        status.label().to_owned()
    }
}

/// The gaps of the model and the experience gap, in the report's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapId {
    /// Gap 1: management's estimate of expectations vs customers' expectations.
    Knowledge,
    /// Gap 2: standards for what matters to customers.
    Standards,
    /// Gap 3: standards met in delivery.
    Delivery,
    /// Gap 4: promises vs perceptions.
    Communication,
    /// Gap 5: perceptions vs expectations.
    Perception,
    /// The CX (80/8) gap: customers' experience vs management's self-assessment.
    Experience,
}

impl GapId {
    /// Every gap, in the report's order.
    pub const ALL: [GapId; 6] = [
        GapId::Knowledge,
        GapId::Standards,
        GapId::Delivery,
        GapId::Communication,
        GapId::Perception,
        GapId::Experience,
    ];

    /// The gap's name, with its number, in the interface language.
    pub fn name(self) -> &'static str {
        match self {
            GapId::Knowledge => t!("Gap 1: knowledge"),
            GapId::Standards => t!("Gap 2: standards"),
            GapId::Delivery => t!("Gap 3: delivery"),
            GapId::Communication => t!("Gap 4: communication"),
            GapId::Perception => t!("Gap 5: perception"),
            GapId::Experience => t!("Experience gap (80/8)"),
        }
    }

    /// How the gap is computed, in plain words (the method section).
    pub fn formula(self) -> &'static str {
        match self {
            GapId::Knowledge => t!(
                "Per item, management's mean estimate of what customers expect (M) minus customers' mean \
                 expectation (E): mean(M) − mean(E). Management's mean is treated as a fixed level, and \
                 customers' E answers are tested against it with a one-sample t-test. Over all items, \
                 Spearman's rank correlation (ρ) says whether management and customers put the items in \
                 the same order of expectation; it needs at least three items with both."
            ),
            GapId::Standards => t!(
                "The share of what matters to customers that is covered by a service standard: the \
                 importance of the items that have a standard, summed, divided by the importance of all \
                 items, in %. Listed beside it: important items without a standard, and standards set on \
                 items of little importance."
            ),
            GapId::Delivery => t!(
                "Per standard with a measurable target (KPI): the share of measurements that meet the \
                 target, in %, and the mean deviation from the target in the KPI's own unit (negative = \
                 short of the target). These are measured facts, not survey answers, so they carry no test."
            ),
            GapId::Communication => t!(
                "Per item with a marketing promise: customers' mean perception minus the promised level, \
                 mean(P) − promise, with a one-sample t-test of the P answers against the promised level."
            ),
            GapId::Perception => t!(
                "Per item, the mean of P − E over the customers who answered both: a paired t-test, with \
                 Cohen's d_z (mean difference ÷ SD of the differences) as the effect size. For a dimension, \
                 a touchpoint or overall, each customer's mean P − E over the items of the group is taken \
                 first, then tested against 0. The weighted gap is Σ w_d · gap_d, where w_d is the mean of \
                 the importance points customers gave dimension d, divided by 100."
            ),
            GapId::Experience => t!(
                "The share of customers' P answers in the top box minus the share of management's own \
                 ratings (S) in the top box, in percentage points (the top box is the top two points of a \
                 7- or 10-point scale, the top one of a 5-point scale). Per item, mean(P) − mean(S), with a \
                 one-sample t-test of customers' P against management's mean S."
            ),
        }
    }

    /// The item-level test of this gap, for the gaps that have one.
    pub fn item_test(self, item: &ItemResult) -> Option<GapTest> {
        match self {
            GapId::Knowledge => item.knowledge_gap,
            GapId::Communication => item.communication_gap,
            GapId::Perception => Some(item.perception_gap),
            GapId::Experience => item.experience_gap,
            GapId::Standards | GapId::Delivery => None,
        }
    }
}

/// How many items of one gap's family fall under each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FamilyCount {
    /// Items with a test of this gap (the Holm family's size, counting small n too).
    pub tested: usize,
    /// Shortfall findings.
    pub shortfalls: usize,
    /// Findings above zero.
    pub above: usize,
    /// Tested items with fewer than 10 answers.
    pub too_few: usize,
}

/// The status counts of `gap` over `items`.
pub fn family_count(items: &[ItemResult], gap: GapId) -> FamilyCount {
    items.iter().filter_map(|i| gap.item_test(i)).fold(FamilyCount::default(), |mut count, test| {
        count.tested += 1;
        match Status::of(Some(&test)) {
            Status::Shortfall => count.shortfalls += 1,
            Status::Above => count.above += 1,
            Status::TooFew | Status::NotMeasured => count.too_few += 1,
            Status::NoClearGap => {}
        }
        count
    })
}

/// The item with the largest shortfall of `gap` among items with at least 10 answers
/// (the first such item on a tie); `None` when no such item has a gap below zero.
pub fn largest_shortfall(items: &[ItemResult], gap: GapId) -> Option<(&ItemResult, GapTest)> {
    items
        .iter()
        .filter_map(|i| gap.item_test(i).map(|t| (i, t)))
        .filter(|(_, t)| t.summary.n >= MIN_N_FINDING && t.gap().is_some_and(|g| g < 0.0))
        .fold(None, |best: Option<(&ItemResult, GapTest)>, (item, test)| match best {
            Some((_, b)) if b.gap() <= test.gap() => best,
            _ => Some((item, test)),
        })
}

/// How many answers stand behind one kind of figure: a row of the method section's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleSize {
    /// The figure, in words.
    pub figure: String,
    /// What is counted (customers, answers, measurements…).
    pub counted: &'static str,
    /// The smallest n over the figures of this kind.
    pub min: usize,
    /// The largest n over the figures of this kind.
    pub max: usize,
}

impl SampleSize {
    fn of(figure: impl Into<String>, counted: &'static str, ns: impl IntoIterator<Item = usize>) -> Option<SampleSize> {
        let ns: Vec<usize> = ns.into_iter().collect();
        let min = *ns.iter().min()?;
        let max = *ns.iter().max()?;
        Some(SampleSize { figure: figure.into(), counted, min, max })
    }

    /// "12" or "12–40".
    pub fn range(&self) -> String {
        if self.min == self.max {
            crate::format::count(self.min)
        } else {
            format!("{}–{}", crate::format::count(self.min), crate::format::count(self.max))
        }
    }
}

/// The n behind every figure of `results`, one row per kind of figure (a range where a kind
/// has several figures, e.g. the items). Kinds with no figure at all are left out.
pub fn sample_sizes(results: &Results) -> Vec<SampleSize> {
    let items = &results.items;
    let per_item = |gap: GapId| items.iter().filter_map(move |i| gap.item_test(i)).map(|t| t.summary.n);
    // A kind of figure counted over `k` figures: left out when there are none.
    let kind = |k: usize, row: Option<SampleSize>| row.filter(|_| k > 0);
    let mut rows = Vec::new();
    let customers = t!("customers");
    if !results.perception_only {
        rows.push(SampleSize::of(
            t!("Overall perception gap (P − E)"),
            customers,
            [results.overall.perception_gap.summary.n],
        ));
        let k = results.dimensions.len();
        rows.push(kind(
            k,
            SampleSize::of(
                t!("Perception gap per dimension ({k})", k = k),
                customers,
                results.dimensions.iter().map(|d| d.perception_gap.summary.n),
            ),
        ));
        rows.push(kind(
            items.len(),
            SampleSize::of(
                t!("Perception gap per item ({k})", k = items.len()),
                t!("customers with both E and P"),
                per_item(GapId::Perception),
            ),
        ));
        let k = per_item(GapId::Knowledge).count();
        rows.push(kind(
            k,
            SampleSize::of(
                t!("Knowledge gap per item ({k})", k = k),
                t!("customers' E answers"),
                per_item(GapId::Knowledge),
            ),
        ));
    }
    let k = per_item(GapId::Communication).count();
    rows.push(kind(
        k,
        SampleSize::of(
            t!("Communication gap per item with a promise ({k})", k = k),
            t!("customers' P answers"),
            per_item(GapId::Communication),
        ),
    ));
    let k = per_item(GapId::Experience).count();
    rows.push(kind(
        k,
        SampleSize::of(
            t!("Experience gap per item ({k})", k = k),
            t!("customers' P answers"),
            per_item(GapId::Experience),
        ),
    ));
    rows.push(kind(
        items.len(),
        SampleSize::of(
            t!("Customers' perception per item ({k})", k = items.len()),
            t!("P answers"),
            items.iter().map(|i| i.perception.n),
        ),
    ));
    let touchpoints: Vec<usize> =
        results.journey.touchpoints.iter().filter(|t| t.items > 0).map(|t| t.perception_gap.summary.n).collect();
    if !results.perception_only {
        rows.push(kind(
            touchpoints.len(),
            SampleSize::of(
                t!("Perception gap per touchpoint ({k})", k = touchpoints.len()),
                customers,
                touchpoints,
            ),
        ));
    }
    let k = results.dimensions.iter().filter(|d| d.alpha.is_some()).count();
    rows.push(kind(
        k,
        SampleSize::of(
            t!("Cronbach's α per dimension ({k})", k = k),
            t!("complete cases"),
            results.dimensions.iter().filter_map(|d| d.alpha.map(|a| a.cases)),
        ),
    ));
    let k = results.delivery.len();
    rows.push(kind(
        k,
        SampleSize::of(
            t!("Delivery per standard ({k})", k = k),
            t!("measurements"),
            results.delivery.iter().map(|d| d.n),
        ),
    ));
    for (name, score) in [("NPS", results.overall.nps), ("CSAT", results.overall.csat), ("CES", results.overall.ces)] {
        rows.push(score.and_then(|s| SampleSize::of(name, t!("answers"), [s.n])));
    }
    if results.overall.experience_gap_top_box.is_some() {
        let figure = t!("Top-box shares: respondents");
        rows.push(SampleSize::of(figure, customers, [results.respondents.customers]));
        rows.push(SampleSize::of(figure, t!("managers"), [results.respondents.management]));
    }
    if results.trends.waves.len() >= 2 {
        rows.push(SampleSize::of(
            t!("Overall perception gap per wave ({k})", k = results.trends.waves.len()),
            customers,
            results.trends.overall.iter().map(|t| t.summary.n),
        ));
    }
    rows.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::Summary;

    fn test(n: usize, gap: f64, finding: bool) -> GapTest {
        let summary = Summary {
            n,
            mean: Some(gap),
            sd: Some(1.0),
            se: Some(0.1),
            ci_low: Some(gap - 0.2),
            ci_high: Some(gap + 0.2),
        };
        GapTest { summary, t: None, df: None, p: None, p_holm: None, dz: None, finding, indicative: n < 30 }
    }

    fn item(code: &str, perception: GapTest, knowledge: Option<GapTest>) -> ItemResult {
        ItemResult {
            code: code.to_owned(),
            dimension: "rel".to_owned(),
            expectation: perception.summary,
            perception: perception.summary,
            perception_gap: perception,
            knowledge_gap: knowledge,
            communication_gap: None,
            experience_gap: None,
        }
    }

    #[test]
    fn the_report_defaults_to_the_latest_wave() {
        let project = crate::demo::hotel();
        let latest = project.waves.last().map(|w| w.name.clone());
        assert!(latest.is_some());
        assert_eq!(report_wave(&project, None), latest);
        assert_eq!(report_wave(&project, Some("")), None);
        let first = project.waves[0].name.clone();
        assert_eq!(report_wave(&project, Some(&first)), Some(first));
        // A wave that no longer exists (deleted in another tab) falls back to the latest.
        assert_eq!(report_wave(&project, Some("gone")), latest);
        let mut no_waves = project.clone();
        no_waves.waves.clear();
        assert_eq!(report_wave(&no_waves, None), None);
    }

    #[test]
    fn status_follows_the_sample_size_rules() {
        assert_eq!(Status::of(None), Status::NotMeasured);
        assert_eq!(Status::of(Some(&test(0, 0.0, false))), Status::NotMeasured);
        // A small sample is never a finding, even if flagged as one.
        assert_eq!(Status::of(Some(&test(9, -1.0, true))), Status::TooFew);
        assert_eq!(Status::of(Some(&test(10, -1.0, true))), Status::Shortfall);
        assert_eq!(Status::of(Some(&test(40, 0.5, true))), Status::Above);
        assert_eq!(Status::of(Some(&test(40, -0.1, false))), Status::NoClearGap);
    }

    #[test]
    fn indicative_is_added_between_10_and_30() {
        assert_eq!(status_text(Some(&test(12, -1.0, true))), "finding: shortfall, indicative (n < 30)");
        assert_eq!(status_text(Some(&test(30, -1.0, true))), "finding: shortfall");
        assert_eq!(status_text(Some(&test(5, -1.0, false))), "too few answers");
        assert_eq!(status_text(None), "not measured");
    }

    #[test]
    fn counts_and_the_largest_shortfall_skip_small_samples() {
        let items = vec![
            item("A", test(50, -0.4, true), Some(test(50, -0.2, false))),
            item("B", test(5, -2.0, false), None),
            item("C", test(50, -0.9, true), Some(test(50, 0.3, true))),
            item("D", test(50, 0.6, true), None),
        ];
        let count = family_count(&items, GapId::Perception);
        assert_eq!(count, FamilyCount { tested: 4, shortfalls: 2, above: 1, too_few: 1 });
        let (worst, t) = largest_shortfall(&items, GapId::Perception).expect("a shortfall");
        assert_eq!((worst.code.as_str(), t.gap()), ("C", Some(-0.9)));
        assert_eq!(family_count(&items, GapId::Knowledge).tested, 2);
        assert_eq!(largest_shortfall(&items, GapId::Knowledge).map(|(i, _)| i.code.as_str()), Some("A"));
        assert!(largest_shortfall(&items, GapId::Communication).is_none());
        assert_eq!(family_count(&items, GapId::Standards), FamilyCount::default());
    }

    #[test]
    fn ties_keep_the_first_item() {
        let items = vec![item("A", test(50, -0.5, true), None), item("B", test(50, -0.5, true), None)];
        assert_eq!(largest_shortfall(&items, GapId::Perception).map(|(i, _)| i.code.as_str()), Some("A"));
    }

    #[test]
    fn sample_sizes_of_the_demo_cover_every_figure_kind() {
        let project = crate::demo::hotel();
        let results = Results::for_project(&project, &crate::analysis::Filter::all());
        let rows = sample_sizes(&results);
        let figures: Vec<&str> = rows.iter().map(|r| r.figure.as_str()).collect();
        assert!(figures[0].starts_with("Overall perception gap"), "{figures:?}");
        assert_eq!(rows[0].min, results.overall.perception_gap.summary.n);
        for wanted in ["per item", "per dimension", "NPS", "CSAT", "CES", "Delivery", "Cronbach"] {
            assert!(figures.iter().any(|f| f.contains(wanted)), "{wanted} missing from {figures:?}");
        }
        assert!(rows.iter().all(|r| r.min <= r.max));
    }

    #[test]
    fn sample_sizes_of_an_empty_view_do_not_panic() {
        let project = crate::demo::hotel();
        let results = Results::for_project(&project, &crate::analysis::Filter::wave("no such wave"));
        let rows = sample_sizes(&results);
        // Trends always cover every wave; everything else of an empty view has n = 0.
        assert!(rows.iter().filter(|r| !r.figure.contains("per wave")).all(|r| r.max == 0), "{rows:?}");
        assert_eq!(SampleSize::of("x", "y", Vec::<usize>::new()), None);
        assert_eq!(SampleSize::of("x", "y", [3, 7]).map(|s| s.range()), Some("3–7".to_owned()));
    }
}
