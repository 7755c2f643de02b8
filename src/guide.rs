//! The start guide: seven steps from an empty project to decided actions.
//!
//! Each step's state is derived from the project's data every time it is shown; there is no
//! separate "done" flag that could be forgotten, faked or go stale:
//!
//! 1. **Choose a template or write items**: done when the project has items.
//! 2. **Set up the journey**: done when the journey has a touchpoint and at least one item is
//!    linked to one, since only linked items put the journey's heat map to use.
//! 3. **Get the questionnaire**: the questionnaire itself stores nothing, so this step is done
//!    once customer answers exist: by then a questionnaire clearly reached customers (ours or
//!    a survey tool's). Until then it says whether it is ready to hand out (it needs items).
//! 4. **Collect or import answers**: done when the project has customer responses.
//! 5. **Add the management view**: done when a manager's view (M and S) is stored.
//! 6. **Read the dashboard**: done when the Dashboard, as it first opens (the latest wave with
//!    customer answers), has something to read: a gap measured on at least ten answers, so it
//!    is a finding or clearly not one. The state counts the findings.
//! 7. **Decide actions**: done when at least one action is recorded.
//!
//! Pure: the pages render [`steps`] and link each step to its [`Page`].

use crate::analysis::dashboard::{self, Gap, GapFigure, Status};
use crate::analysis::stats::MIN_N_FINDING;
use crate::analysis::{Filter, Results};
use crate::model::Project;

/// What a step of the guide is about, in the guide's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Choose a template or write items.
    Items,
    /// Set up the journey: stages, touchpoints, items linked.
    Journey,
    /// Get the questionnaire to customers.
    Questionnaire,
    /// Collect or import customer answers.
    Answers,
    /// Add the management view (M and S).
    Management,
    /// Read the dashboard.
    Dashboard,
    /// Decide actions on the priorities.
    Actions,
}

impl StepKind {
    /// Every step, in the guide's order.
    pub const ALL: [StepKind; 7] = [
        StepKind::Items,
        StepKind::Journey,
        StepKind::Questionnaire,
        StepKind::Answers,
        StepKind::Management,
        StepKind::Dashboard,
        StepKind::Actions,
    ];

    /// The word used in test ids and CSS classes: `items`, `journey`…
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Items => "items",
            StepKind::Journey => "journey",
            StepKind::Questionnaire => "questionnaire",
            StepKind::Answers => "answers",
            StepKind::Management => "management",
            StepKind::Dashboard => "dashboard",
            StepKind::Actions => "actions",
        }
    }

    /// What to do, as the step's title.
    pub fn title(self) -> &'static str {
        match self {
            StepKind::Items => t!("Choose a template or write items"),
            StepKind::Journey => t!("Set up the journey"),
            StepKind::Questionnaire => t!("Get the questionnaire"),
            StepKind::Answers => t!("Collect or import answers"),
            StepKind::Management => t!("Add the management view"),
            StepKind::Dashboard => t!("Read the dashboard"),
            StepKind::Actions => t!("Decide actions"),
        }
    }

    /// The page where the step is done.
    pub fn page(self) -> Page {
        match self {
            StepKind::Items => Page::Items,
            StepKind::Journey => Page::Journey,
            StepKind::Questionnaire => Page::Questionnaire,
            StepKind::Answers | StepKind::Management => Page::Data,
            StepKind::Dashboard => Page::Dashboard,
            StepKind::Actions => Page::Actions,
        }
    }
}

/// A page of the project a step links to (the UI turns it into a route).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Items and templates.
    Items,
    /// Journey: stages, touchpoints, item links.
    Journey,
    /// The questionnaire to print or hand out.
    Questionnaire,
    /// Data: import, entry, management view.
    Data,
    /// The Dashboard.
    Dashboard,
    /// Actions on the priorities.
    Actions,
}

/// One step of the guide as the project's data has it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Which step.
    pub kind: StepKind,
    /// Whether the data shows the step done.
    pub done: bool,
    /// The state in a few words, e.g. "22 items" or "No customer answers yet".
    pub state: String,
    /// Where the step is done.
    pub page: Page,
}

impl Step {
    fn new(kind: StepKind, done: bool, state: String) -> Step {
        Step { kind, done, state, page: kind.page() }
    }
}

/// The guide's seven steps for `project`, in order.
///
/// The analysis behind step 6 runs only when the latest wave with customer answers has at
/// least ten of them; with fewer, nothing on the Dashboard can be a finding.
pub fn steps(project: &Project) -> Vec<Step> {
    let (customers, managers) = project.count_responses(None);
    vec![
        items_step(project),
        journey_step(project),
        questionnaire_step(project, customers),
        answers_step(customers),
        management_step(managers),
        dashboard_step(project),
        actions_step(project),
    ]
}

/// The first step not done, if any: the one the guide emphasises.
pub fn next(steps: &[Step]) -> Option<&Step> {
    steps.iter().find(|s| !s.done)
}

/// How many steps are done.
pub fn done_count(steps: &[Step]) -> usize {
    steps.iter().filter(|s| s.done).count()
}

fn items_step(project: &Project) -> Step {
    let n = project.items.len();
    let state = match n {
        0 => t!("No items yet").to_owned(),
        1 => t!("1 item").to_owned(),
        n => t!("{n} items", n = crate::format::count(n)),
    };
    Step::new(StepKind::Items, n > 0, state)
}

fn journey_step(project: &Project) -> Step {
    let touchpoints = project.journey.touchpoints().count();
    let linked = project
        .items
        .iter()
        .filter(|item| item.touchpoint.as_deref().is_some_and(|code| project.journey.touchpoint(code).is_some()))
        .count();
    let state = if project.journey.stages.is_empty() {
        t!("No stages yet").to_owned()
    } else if touchpoints == 0 {
        t!("No touchpoints yet").to_owned()
    } else {
        let touchpoints = match touchpoints {
            1 => t!("1 touchpoint").to_owned(),
            n => t!("{n} touchpoints", n = crate::format::count(n)),
        };
        let links = match linked {
            0 => t!("no items linked yet").to_owned(),
            1 => t!("1 item linked").to_owned(),
            n => t!("{n} items linked", n = crate::format::count(n)),
        };
        t!("{touchpoints}, {links}", touchpoints = touchpoints, links = links)
    };
    Step::new(StepKind::Journey, touchpoints > 0 && linked > 0, state)
}

fn questionnaire_step(project: &Project, customers: usize) -> Step {
    let state = if customers > 0 {
        t!("Customers have answered it")
    } else if project.items.is_empty() {
        t!("Needs items first")
    } else {
        t!("Ready to print or hand out")
    };
    Step::new(StepKind::Questionnaire, customers > 0, state.to_owned())
}

fn answers_step(customers: usize) -> Step {
    let state = match customers {
        0 => t!("No customer answers yet").to_owned(),
        1 => t!("1 customer has answered; a finding needs at least {min}", min = MIN_N_FINDING),
        n if n < MIN_N_FINDING => t!(
            "{n} customers have answered; a finding needs at least {min}",
            n = crate::format::count(n),
            min = MIN_N_FINDING
        ),
        n => t!("{n} customers have answered", n = crate::format::count(n)),
    };
    Step::new(StepKind::Answers, customers > 0, state)
}

fn management_step(managers: usize) -> Step {
    let state = match managers {
        0 => t!("No management view yet").to_owned(),
        1 => t!("1 manager's view").to_owned(),
        n => t!("{n} managers' views", n = crate::format::count(n)),
    };
    Step::new(StepKind::Management, managers > 0, state)
}

fn dashboard_step(project: &Project) -> Step {
    let wave = dashboard::default_wave(project);
    let customers = project.count_responses(wave.as_deref()).0;
    if customers < MIN_N_FINDING {
        let state = t!("Needs at least {min} customer answers", min = MIN_N_FINDING);
        return Step::new(StepKind::Dashboard, false, state);
    }
    let results = Results::for_project(project, &Filter { wave, ..Filter::all() });
    let statuses: Vec<Status> = dashboard::model(&results)
        .into_iter()
        .chain(std::iter::once(GapFigure::of(Gap::Experience, &results)))
        .map(|figure| figure.status)
        .collect();
    let readable = statuses.iter().any(|s| !matches!(s, Status::TooFew | Status::NotMeasured));
    let findings = statuses.iter().filter(|s| matches!(s, Status::Finding { .. })).count();
    let state = match (readable, findings) {
        (false, _) => t!("No gap can be measured yet").to_owned(),
        (true, 0) => t!("No clear gaps yet").to_owned(),
        (true, 1) => t!("1 gap with a finding").to_owned(),
        (true, n) => t!("{n} gaps with a finding", n = n),
    };
    Step::new(StepKind::Dashboard, readable, state)
}

fn actions_step(project: &Project) -> Step {
    let state = match project.actions.len() {
        0 => t!("No actions yet").to_owned(),
        1 => t!("1 action decided").to_owned(),
        n => t!("{n} actions decided", n = crate::format::count(n)),
    };
    Step::new(StepKind::Actions, !project.actions.is_empty(), state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journey::TouchpointInput;
    use crate::model::{Answer, ItemCode, ProjectId, RespondentId, Response, Scale, Source};
    use crate::template::{SERVQUAL, SMALL};

    fn fresh(template: &crate::template::Template) -> Project {
        template.project(ProjectId::new("p-test").unwrap(), "Café", Scale::SEVEN).unwrap()
    }

    fn done(steps: &[Step]) -> Vec<StepKind> {
        steps.iter().filter(|s| s.done).map(|s| s.kind).collect()
    }

    fn step(steps: &[Step], kind: StepKind) -> &Step {
        steps.iter().find(|s| s.kind == kind).unwrap()
    }

    /// `n` customers who expect 6 of every item and perceive 6 (give or take one), except
    /// `short`, perceived 3 (give or take one): a clear shortfall there.
    fn customers(project: &mut Project, n: usize, short: &str) {
        let responses = (0..n)
            .map(|i| {
                let wobble: f64 = [-1.0, 0.0, 1.0][i % 3];
                let answers = project
                    .items
                    .iter()
                    .map(|item| {
                        let p = if item.code.as_str() == short { 3.0 + wobble } else { 6.0 + wobble.min(0.0) };
                        (item.code.clone(), Answer { expectation: Some(6.0 + wobble.max(0.0)), perception: Some(p) })
                    })
                    .collect();
                Response {
                    id: RespondentId::new(&format!("C{i}")).ok(),
                    source: Source::Customer,
                    wave: Some("W1".into()),
                    answers,
                    ..Response::default()
                }
            })
            .collect();
        project.append_responses(responses, &[crate::model::Wave { name: "W1".into(), date: None }]);
    }

    #[test]
    fn the_steps_come_in_the_guides_order_and_link_to_their_pages() {
        let steps = steps(&fresh(&SERVQUAL));
        let kinds: Vec<StepKind> = steps.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, StepKind::ALL);
        let pages: Vec<Page> = steps.iter().map(|s| s.page).collect();
        assert_eq!(
            pages,
            [Page::Items, Page::Journey, Page::Questionnaire, Page::Data, Page::Data, Page::Dashboard, Page::Actions]
        );
    }

    #[test]
    fn the_demo_project_has_every_step_done() {
        let steps = steps(&crate::demo::hotel());
        assert_eq!(done(&steps), StepKind::ALL, "{steps:#?}");
        assert!(next(&steps).is_none());
        assert_eq!(done_count(&steps), 7);
        assert_eq!(step(&steps, StepKind::Items).state, "22 items");
        assert!(step(&steps, StepKind::Dashboard).state.ends_with("gaps with a finding"), "{steps:#?}");
    }

    #[test]
    fn a_project_fresh_from_a_template_has_only_its_items() {
        let steps = steps(&fresh(&SERVQUAL));
        assert_eq!(done(&steps), [StepKind::Items]);
        assert_eq!(next(&steps).map(|s| s.kind), Some(StepKind::Journey));
        let states: Vec<&str> = steps.iter().map(|s| s.state.as_str()).collect();
        assert_eq!(
            states,
            [
                "22 items",
                "No stages yet",
                "Ready to print or hand out",
                "No customer answers yet",
                "No management view yet",
                "Needs at least 10 customer answers",
                "No actions yet",
            ]
        );
    }

    #[test]
    fn a_project_without_items_has_nothing_done() {
        let mut project = fresh(&SMALL);
        project.items.clear();
        let steps = steps(&project);
        assert!(done(&steps).is_empty());
        assert_eq!(step(&steps, StepKind::Items).state, "No items yet");
        assert_eq!(step(&steps, StepKind::Questionnaire).state, "Needs items first");
    }

    #[test]
    fn the_journey_is_set_up_once_an_item_is_linked_to_a_touchpoint() {
        let mut project = fresh(&SMALL);
        let stage = project.add_stage("Visit").unwrap();
        assert_eq!(step(&steps(&project), StepKind::Journey).state, "No touchpoints yet");
        let input = TouchpointInput { name: "Counter".into(), ..TouchpointInput::default() };
        let code = project.add_touchpoint(stage, &input).unwrap();
        let journey = steps(&project).into_iter().find(|s| s.kind == StepKind::Journey).unwrap();
        assert!(!journey.done);
        assert_eq!(journey.state, "1 touchpoint, no items linked yet");
        project.set_item_touchpoint("KEEP1", Some(&code)).unwrap();
        let journey = steps(&project).into_iter().find(|s| s.kind == StepKind::Journey).unwrap();
        assert!(journey.done);
        assert_eq!(journey.state, "1 touchpoint, 1 item linked");
        // A link to a touchpoint that no longer exists does not count.
        project.items[1].touchpoint = Some("gone".into());
        assert_eq!(step(&steps(&project), StepKind::Journey).state, "1 touchpoint, 1 item linked");
    }

    #[test]
    fn a_few_answers_do_the_answer_steps_but_not_the_dashboard() {
        let mut project = fresh(&SMALL);
        customers(&mut project, 4, "KEEP1");
        let steps = steps(&project);
        assert_eq!(done(&steps), [StepKind::Items, StepKind::Questionnaire, StepKind::Answers]);
        assert_eq!(step(&steps, StepKind::Questionnaire).state, "Customers have answered it");
        assert_eq!(step(&steps, StepKind::Answers).state, "4 customers have answered; a finding needs at least 10");
        assert_eq!(step(&steps, StepKind::Dashboard).state, "Needs at least 10 customer answers");
    }

    #[test]
    fn ten_answers_with_a_clear_shortfall_make_a_finding_to_read() {
        let mut project = fresh(&SMALL);
        customers(&mut project, 12, "KEEP1");
        let steps = steps(&project);
        let dashboard = step(&steps, StepKind::Dashboard);
        assert!(dashboard.done);
        assert_eq!(dashboard.state, "1 gap with a finding");
        assert_eq!(step(&steps, StepKind::Answers).state, "12 customers have answered");
        assert_eq!(next(&steps).map(|s| s.kind), Some(StepKind::Journey));
    }

    #[test]
    fn the_management_view_and_actions_count_what_is_stored() {
        let mut project = fresh(&SMALL);
        let manager = Response {
            id: RespondentId::new("Anna").ok(),
            source: Source::Management,
            answers: [(ItemCode::new("KEEP1").unwrap(), Answer { expectation: Some(5.0), perception: Some(6.0) })]
                .into_iter()
                .collect(),
            ..Response::default()
        };
        project.responses.push(manager);
        let steps = steps(&project);
        assert_eq!(done(&steps), [StepKind::Items, StepKind::Management]);
        assert_eq!(step(&steps, StepKind::Management).state, "1 manager's view");
        // A manager's answers are not customer answers.
        assert_eq!(step(&steps, StepKind::Answers).state, "No customer answers yet");
        let demo = crate::demo::hotel();
        let actions = step(&super::steps(&demo), StepKind::Actions).state.clone();
        assert_eq!(actions, format!("{} actions decided", demo.actions.len()));
    }
}
