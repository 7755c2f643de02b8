//! Did the action work? For an action decided in wave A on item X, the next wave B after A
//! (in the project's wave order) with answers to X shows whether X's gap changed: Welch's
//! t-test on the respondent-level perception gaps (P − E; in a perception-only project P) of
//! A and B, and whether B's gap is still a shortfall.
//!
//! Verdicts, with n ≥ 10 on both sides (DESIGN.md: below 10 is never a finding):
//! - **improved**: Welch's two-sided p < 0.05 and B's mean is higher than A's;
//! - **worse**: p < 0.05 and B's mean is lower;
//! - **no significant change**: p ≥ 0.05, or no p (no variance on either side);
//! - **too few answers**: n < 10 in A or in B (the means are still given);
//! - **not yet measured**: no later wave has answers to the item;
//! - **no baseline**: the wave or the item the action was decided on is no longer in the
//!   project.
//!
//! Apart from the verdict, B's gap is **closed** when its 95 % CI reaches 0 (includes 0 or
//! lies above it): the shortfall is no longer a finding. It is only said with n ≥ 10 in B,
//! and never for perception-only projects, where P has no zero to reach.

use super::priorities::GapType;
use super::stats::{Change, Summary, ALPHA, MIN_N_FINDING};
use super::view::{Filter, View};
use crate::model::actions::{Action, Gap};
use crate::model::{Item, Project};
use serde::Serialize;

/// What the waves after an action say about its gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Significantly higher (better) in the next wave.
    Improved,
    /// No significant change.
    NoChange,
    /// Significantly lower (worse) in the next wave.
    Worse,
    /// n < 10 in the baseline or the next wave.
    TooFew,
    /// No later wave has answers to the item yet.
    NotYetMeasured,
    /// The wave or item the action was decided on is gone.
    NoBaseline,
}

impl Verdict {
    /// The verdict in a few words, in the interface language.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Improved => t!("Improved significantly"),
            Verdict::NoChange => t!("No significant change"),
            Verdict::Worse => t!("Worse significantly"),
            Verdict::TooFew => t!("Too few answers"),
            Verdict::NotYetMeasured => t!("Not yet measured"),
            Verdict::NoBaseline => t!("No baseline"),
        }
    }

    /// A word for CSS classes and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Improved => "improved",
            Verdict::NoChange => "no-change",
            Verdict::Worse => "worse",
            Verdict::TooFew => "too-few",
            Verdict::NotYetMeasured => "not-yet-measured",
            Verdict::NoBaseline => "no-baseline",
        }
    }
}

/// The follow-up of one action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    /// The action's id.
    pub action: String,
    /// The item's code.
    pub item: String,
    /// The wave the action was decided in (A).
    pub from: String,
    /// The next wave with answers to the item (B), if any.
    pub to: Option<String>,
    /// Whether the values are perceptions (perception-only project) rather than P − E.
    pub perception_only: bool,
    /// The item's respondent-level values in A.
    pub before: Summary,
    /// The same in B.
    pub after: Option<Summary>,
    /// Welch's test of B against A (`difference` = mean B − mean A).
    pub change: Option<Change>,
    /// What the test says.
    pub verdict: Verdict,
    /// Whether B's 95 % CI reaches 0 (the shortfall is no longer a finding); `None` when it
    /// cannot be said (no B, n < 10 in B, perception-only).
    pub closed: Option<bool>,
}

impl FollowUp {
    /// The follow-up of `action` in `project`.
    pub fn of(project: &Project, action: &Action) -> FollowUp {
        let perception_only = project.perception_only;
        let mut follow_up = FollowUp {
            action: action.id().to_owned(),
            item: action.item().to_string(),
            from: action.wave().to_owned(),
            to: None,
            perception_only,
            before: Summary::of(&[]),
            after: None,
            change: None,
            verdict: Verdict::NoBaseline,
            closed: None,
        };
        let Some(item) = project.item(action.item().as_str()) else {
            return follow_up;
        };
        let Some(start) = project.waves.iter().position(|w| w.name == action.wave()) else {
            return follow_up;
        };
        let values = |wave: &str| values(project, item, wave);
        let before = values(action.wave());
        follow_up.before = Summary::of(&before);
        let later = project.waves[start + 1..]
            .iter()
            .map(|w| (w.name.as_str(), values(&w.name)))
            .find(|(_, v)| !v.is_empty());
        let Some((to, after)) = later else {
            follow_up.verdict = Verdict::NotYetMeasured;
            return follow_up;
        };
        let after_summary = Summary::of(&after);
        let change = Change::welch(&before, &after);
        follow_up.to = Some(to.to_owned());
        follow_up.after = Some(after_summary);
        follow_up.change = Some(change);
        let enough = before.len() >= MIN_N_FINDING && after.len() >= MIN_N_FINDING;
        follow_up.verdict = match (enough, change.p, change.difference) {
            (false, _, _) => Verdict::TooFew,
            (true, Some(p), Some(d)) if p < ALPHA && d > 0.0 => Verdict::Improved,
            (true, Some(p), Some(d)) if p < ALPHA && d < 0.0 => Verdict::Worse,
            _ => Verdict::NoChange,
        };
        if !perception_only && after.len() >= MIN_N_FINDING {
            follow_up.closed = after_summary.ci_high.map(|high| high >= 0.0);
        }
        follow_up
    }

    /// The follow-up of every action of `project`, in stored order.
    pub fn all(project: &Project) -> Vec<FollowUp> {
        project
            .actions
            .iter()
            .map(|action| FollowUp::of(project, action))
            .collect()
    }

    /// The result in one sentence, e.g. "Improved significantly from 2026 Q1 to 2026 Q2
    /// (mean gap −1.33 → −0.41, Welch p = 0.001); the gap is still short in 2026 Q2."
    pub fn sentence(&self) -> String {
        let number = |v: Option<f64>| crate::format::number(v, 2);
        let count = crate::format::count;
        match (self.verdict, &self.to, &self.after) {
            (Verdict::NoBaseline, _, _) => {
                t!("The wave or item this action was decided on is no longer in the project.").to_owned()
            }
            (Verdict::NotYetMeasured, _, _) => {
                let (from, item, mean, n) = (&self.from, &self.item, number(self.before.mean), count(self.before.n));
                if self.perception_only {
                    t!(
                        "No wave after {from} has answers to {item} yet (mean perception in {from}: {mean}, n = {n}).",
                        from = from,
                        item = item,
                        mean = mean,
                        n = n
                    )
                } else {
                    t!(
                        "No wave after {from} has answers to {item} yet (mean gap in {from}: {mean}, n = {n}).",
                        from = from,
                        item = item,
                        mean = mean,
                        n = n
                    )
                }
            }
            (verdict, Some(to), Some(after)) => {
                let test = self.change.and_then(|c| c.p).map_or_else(
                    || t!("no test possible").to_owned(),
                    |p| t!("Welch {p}", p = p_value(p)),
                );
                let (from, before_mean, after_mean) = (&self.from, number(self.before.mean), number(after.mean));
                let (n_before, n_after) = (count(self.before.n), count(after.n));
                let mut text = if self.perception_only {
                    t!(
                        "{verdict} from {from} to {to} (mean perception {before} → {after}, n = {n_before} and {n_after}; {test}).",
                        verdict = verdict.label(),
                        from = from,
                        to = to,
                        before = before_mean,
                        after = after_mean,
                        n_before = n_before,
                        n_after = n_after,
                        test = test
                    )
                } else {
                    t!(
                        "{verdict} from {from} to {to} (mean gap {before} → {after}, n = {n_before} and {n_after}; {test}).",
                        verdict = verdict.label(),
                        from = from,
                        to = to,
                        before = before_mean,
                        after = after_mean,
                        n_before = n_before,
                        n_after = n_after,
                        test = test
                    )
                };
                match self.closed {
                    Some(true) => {
                        text.push(' ');
                        text.push_str(&t!("The gap is closed in {to}: its 95 % CI reaches 0.", to = to));
                    }
                    Some(false) => {
                        text.push(' ');
                        text.push_str(&t!("The gap is still a shortfall in {to}.", to = to));
                    }
                    None => {}
                }
                text
            }
            _ => String::new(),
        }
    }
}

/// The item's respondent-level values in `wave`: P − E, or P in a perception-only project.
fn values(project: &Project, item: &Item, wave: &str) -> Vec<f64> {
    let view = View::new(project, &Filter::wave(wave), &[item]);
    if project.perception_only {
        view.perceptions(item)
    } else {
        view.gaps(item)
    }
}

/// A p-value as shown: "p = 0.032" with three decimals, "p < 0.001" below that (with the
/// interface language's decimal mark).
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        format!("p < {}", crate::format::number(Some(0.001), 3))
    } else {
        format!("p = {}", crate::format::number(Some(p), 3))
    }
}

impl From<GapType> for Gap {
    fn from(gap: GapType) -> Gap {
        match gap {
            GapType::Knowledge => Gap::Knowledge,
            GapType::Standards => Gap::Standards,
            GapType::Delivery => Gap::Delivery,
            GapType::Communication => Gap::Communication,
            GapType::Perception => Gap::Perception,
        }
    }
}

impl From<Gap> for GapType {
    fn from(gap: Gap) -> GapType {
        match gap {
            Gap::Knowledge => GapType::Knowledge,
            Gap::Standards => GapType::Standards,
            Gap::Delivery => GapType::Delivery,
            Gap::Communication => GapType::Communication,
            Gap::Perception => GapType::Perception,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actions::{ActionInput, Status};
    use crate::model::{
        Answer, Dimension, DimensionCode, ItemCode, ProjectId, RespondentId, Response, Scale, Wave,
    };

    /// A project with item X and one customer per (E, P) pair per wave.
    fn project(waves: &[(&str, &[(f64, f64)])]) -> Project {
        let dimension = DimensionCode::new("d").unwrap();
        let item = Item {
            code: ItemCode::new("X").unwrap(),
            dimension: dimension.clone(),
            text: "X".into(),
            touchpoint: None,
        };
        let mut project = Project::new(
            ProjectId::new("p").unwrap(),
            "P",
            Scale::SEVEN,
            vec![Dimension {
                code: dimension,
                name: "D".into(),
            }],
            vec![item],
        )
        .unwrap();
        for (w, (name, answers)) in waves.iter().enumerate() {
            project.waves.push(Wave {
                name: (*name).into(),
                date: None,
            });
            for (i, (e, p)) in answers.iter().enumerate() {
                let mut response = Response {
                    id: RespondentId::new(&format!("{w}-{i}")).ok(),
                    wave: Some((*name).into()),
                    ..Response::default()
                };
                response.answers.insert(
                    ItemCode::new("X").unwrap(),
                    Answer {
                        expectation: Some(*e),
                        perception: Some(*p),
                    },
                );
                project.responses.push(response);
            }
        }
        project
    }

    fn decide(project: &mut Project, wave: &str) -> Action {
        let input = ActionInput {
            item: "X".into(),
            gap: None,
            wave: wave.into(),
            whys: vec!["because".into()],
            owner: "Ann".into(),
            text: "fix it".into(),
            due: "2026-06-30".into(),
            status: Status::Planned,
        };
        let id = project.add_action(&input).unwrap();
        project.action(&id).unwrap().clone()
    }

    // Wave A: gaps −3,−2,−2,−1,−2,−3,−1,−2,−2,−2 (mean −2.0); wave B: gaps 0,−1,1,0,−1,0,1,0,−1,0,0,1
    // (mean 0.0). SciPy 1.x: ttest_ind(b, a, equal_var=False) → t = 6.6704109335536375,
    // p = 1.781970239607809e-06, df = 19.842083955365503.
    const A: [f64; 10] = [-3.0, -2.0, -2.0, -1.0, -2.0, -3.0, -1.0, -2.0, -2.0, -2.0];
    const B: [f64; 12] = [
        0.0, -1.0, 1.0, 0.0, -1.0, 0.0, 1.0, 0.0, -1.0, 0.0, 0.0, 1.0,
    ];

    fn pairs(gaps: &[f64]) -> Vec<(f64, f64)> {
        gaps.iter().map(|g| (6.0, 6.0 + g)).collect()
    }

    #[test]
    fn welch_between_the_waves_matches_scipy() {
        let (a, b) = (pairs(&A), pairs(&B));
        let mut project = project(&[("W1", &a), ("W2", &b)]);
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(follow_up.to.as_deref(), Some("W2"));
        assert_eq!((follow_up.before.n, follow_up.after.unwrap().n), (10, 12));
        assert!((follow_up.before.mean.unwrap() + 2.0).abs() < 1e-12);
        let change = follow_up.change.unwrap();
        assert!((change.difference.unwrap() - 2.0).abs() < 1e-12);
        assert!(
            (change.t.unwrap() - 6.6704109335536375).abs() < 1e-9,
            "{change:?}"
        );
        assert!(
            (change.df.unwrap() - 19.842083955365503).abs() < 1e-9,
            "{change:?}"
        );
        assert!(
            (change.p.unwrap() - 1.781970239607809e-06).abs() < 1e-7 * 1.781970239607809e-06,
            "{change:?}"
        );
        assert_eq!(follow_up.verdict, Verdict::Improved);
        assert_eq!(
            follow_up.closed,
            Some(true),
            "B's mean is 0: its CI holds 0"
        );
        assert_eq!(
            follow_up.sentence(),
            "Improved significantly from W1 to W2 (mean gap \u{2212}2.00 → 0.00, n = 10 and 12; Welch p < 0.001). The gap is closed in W2: its 95 % CI reaches 0."
        );
    }

    #[test]
    fn worse_no_change_and_still_short() {
        let (a, b) = (pairs(&A), pairs(&B));
        // Decided in the better wave, followed by the worse one.
        let mut project = project(&[("W1", &b), ("W2", &a)]);
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(follow_up.verdict, Verdict::Worse);
        assert_eq!(follow_up.closed, Some(false));
        // The same gaps twice: no change, and the gap is still short.
        let mut project = project_same();
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(follow_up.verdict, Verdict::NoChange);
        assert_eq!(follow_up.closed, Some(false));
        assert!(
            follow_up.sentence().contains("still a shortfall in W2"),
            "{}",
            follow_up.sentence()
        );
    }

    fn project_same() -> Project {
        let a = pairs(&A);
        project(&[("W1", &a), ("W2", &a)])
    }

    #[test]
    fn waves_without_answers_are_skipped_and_small_waves_are_too_few() {
        let (a, b) = (pairs(&A), pairs(&B));
        let few = pairs(&B[..9]);
        let mut project = project(&[("W1", &a), ("W2", &[]), ("W3", &few), ("W4", &b)]);
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(
            follow_up.to.as_deref(),
            Some("W3"),
            "W2 has no answers: the next wave with data is W3"
        );
        assert_eq!(follow_up.verdict, Verdict::TooFew);
        assert_eq!(
            follow_up.closed, None,
            "n = 9 in W3 says nothing about closing"
        );
        assert!(
            follow_up.change.unwrap().p.is_some(),
            "the numbers are still shown"
        );
        // Decided in the last wave: nothing to compare yet.
        let last = decide(&mut project, "W4");
        let follow_up = FollowUp::of(&project, &last);
        assert_eq!(follow_up.verdict, Verdict::NotYetMeasured);
        assert_eq!(follow_up.before.n, 12);
        assert!(
            follow_up
                .sentence()
                .starts_with("No wave after W4 has answers to X yet"),
            "{}",
            follow_up.sentence()
        );
    }

    #[test]
    fn a_deleted_wave_or_item_gives_no_baseline_and_no_panic() {
        let a = pairs(&A);
        let mut project = project(&[("W1", &a), ("W2", &a)]);
        let action = decide(&mut project, "W1");
        project.delete_wave("W1");
        assert_eq!(FollowUp::of(&project, &action).verdict, Verdict::NoBaseline);
        let mut project = project_same();
        let action = decide(&mut project, "W2");
        project.items.clear();
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(follow_up.verdict, Verdict::NoBaseline);
        assert!(!follow_up.sentence().is_empty());
    }

    #[test]
    fn perception_only_compares_p_and_never_says_closed() {
        let (a, b) = (pairs(&A), pairs(&B));
        let mut project = project(&[("W1", &a), ("W2", &b)]);
        project.perception_only = true;
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert!((follow_up.before.mean.unwrap() - 4.0).abs() < 1e-12);
        assert_eq!(follow_up.verdict, Verdict::Improved);
        assert_eq!(follow_up.closed, None);
        assert!(
            follow_up.sentence().contains("mean perception 4.00 → 6.00"),
            "{}",
            follow_up.sentence()
        );
    }

    #[test]
    fn no_variance_is_no_change_not_a_panic() {
        let flat = pairs(&[-1.0; 10]);
        let mut project = project(&[("W1", &flat), ("W2", &flat)]);
        let action = decide(&mut project, "W1");
        let follow_up = FollowUp::of(&project, &action);
        assert_eq!(follow_up.verdict, Verdict::NoChange);
        assert!(follow_up.sentence().contains("no test possible"));
        assert_eq!(
            follow_up.closed,
            Some(false),
            "SD 0: the CI is the mean, −1"
        );
    }

    #[test]
    fn gap_types_convert_both_ways() {
        for gap in Gap::ALL {
            assert_eq!(Gap::from(GapType::from(gap)), gap);
        }
    }
}
