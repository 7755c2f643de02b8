//! Actions on priorities: the root cause found through a "why?" chain, an owner, an action,
//! a due date and a status.
//!
//! An [`Action`] is decided for one priority (an item whose perception gap is a shortfall
//! finding) in one wave, the baseline wave. The next wave with answers shows whether the gap
//! closed (`analysis::actions`).
//!
//! Every change is a method on [`Project`] that takes the form's text as typed, validates all
//! of it and changes the project only when every field is valid: on `Err` the project is
//! exactly as before. Errors name the field, so the form can show them as is. An action read
//! from storage or a backup is checked the same way while deserializing (its fields; whether
//! its item and wave still exist is not required, since waves can be deleted later).

use super::entries::is_iso_date;
use super::{sentence, ItemCode, Project};
use crate::format::count;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most "why?" steps a root-cause chain has.
pub const MAX_WHYS: usize = 5;
/// The longest answer to one "why?".
pub const WHY_MAX: usize = 300;
/// The longest owner name.
pub const OWNER_MAX: usize = 80;
/// The longest action text.
pub const ACTION_TEXT_MAX: usize = 500;
/// The longest action id (ids are generated: "a1", "a2"…).
const ID_MAX: usize = 40;

/// The gap of the model that a priority was tagged with when the action was decided.
///
/// It mirrors `analysis::priorities::GapType` (the model cannot depend on the analysis);
/// `analysis::actions` converts between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// Gap 1: management misreads what customers expect.
    Knowledge,
    /// Gap 2: no standard for what matters.
    Standards,
    /// Gap 3: the standard exists but is not met.
    Delivery,
    /// Gap 4: marketing promises more than is delivered.
    Communication,
    /// Gap 5 with no other measured gap to explain it.
    Perception,
}

impl Gap {
    /// Every gap, in the model's order.
    pub const ALL: [Gap; 5] = [
        Gap::Knowledge,
        Gap::Standards,
        Gap::Delivery,
        Gap::Communication,
        Gap::Perception,
    ];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Gap::Knowledge => "knowledge",
            Gap::Standards => "standards",
            Gap::Delivery => "delivery",
            Gap::Communication => "communication",
            Gap::Perception => "perception",
        }
    }

    /// The gap named `text` in files.
    pub fn parse(text: &str) -> Option<Gap> {
        Gap::ALL.into_iter().find(|g| g.as_str() == text.trim())
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Decided, not started.
    #[default]
    Planned,
    /// Being done.
    InProgress,
    /// Done.
    Done,
    /// Given up (kept, so the record shows what was tried).
    Dropped,
}

impl Status {
    /// Every status, in the order the UI offers them.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// The word used in files and form values.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    /// The name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => t!("Planned"),
            Status::InProgress => t!("In progress"),
            Status::Done => t!("Done"),
            Status::Dropped => t!("Dropped"),
        }
    }

    /// The status named `text` (its file word).
    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

/// One decided action on a priority. Valid by construction: 1–5 non-empty "why?" answers,
/// an owner, an action text, an ISO due date, every text within its limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ActionRepr", into = "ActionRepr")]
pub struct Action {
    id: String,
    item: ItemCode,
    gap: Gap,
    wave: String,
    whys: Vec<String>,
    owner: String,
    text: String,
    due: String,
    status: Status,
}

/// The serde form of an [`Action`], checked by `TryFrom`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionRepr {
    id: String,
    item: ItemCode,
    gap: Gap,
    wave: String,
    whys: Vec<String>,
    owner: String,
    #[serde(rename = "action")]
    text: String,
    due: String,
    #[serde(default)]
    status: Status,
}

impl TryFrom<ActionRepr> for Action {
    type Error = ActionError;
    fn try_from(repr: ActionRepr) -> Result<Self, Self::Error> {
        let action = Action {
            id: repr.id,
            item: repr.item,
            gap: repr.gap,
            wave: repr.wave,
            whys: repr.whys,
            owner: repr.owner,
            text: repr.text,
            due: repr.due,
            status: repr.status,
        };
        match action.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(action),
        }
    }
}

impl From<Action> for ActionRepr {
    fn from(action: Action) -> Self {
        ActionRepr {
            id: action.id,
            item: action.item,
            gap: action.gap,
            wave: action.wave,
            whys: action.whys,
            owner: action.owner,
            text: action.text,
            due: action.due,
            status: action.status,
        }
    }
}

impl Action {
    /// Unique within the project ("a1", "a2"…).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The item the action is about.
    pub fn item(&self) -> &ItemCode {
        &self.item
    }

    /// The gap the priority was tagged with when the action was decided.
    pub fn gap(&self) -> Gap {
        self.gap
    }

    /// The wave it was decided in: the baseline its follow-up compares against.
    pub fn wave(&self) -> &str {
        &self.wave
    }

    /// The answers to "why?", in order; the last is the root cause.
    pub fn whys(&self) -> &[String] {
        &self.whys
    }

    /// The root cause: the last answer of the "why?" chain.
    pub fn root_cause(&self) -> &str {
        self.whys.last().map_or("", String::as_str)
    }

    /// Who answers for it.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// What will be done.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Due date, YYYY-MM-DD.
    pub fn due(&self) -> &str {
        &self.due
    }

    /// Where it stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Every rule the fields break, in form order (empty when valid).
    fn problems(&self) -> Vec<ActionError> {
        let mut problems = Vec::new();
        let id = self.id.trim();
        if id.is_empty() || id.chars().count() > ID_MAX || id != self.id {
            problems.push(ActionError::BadId {
                id: self.id.clone(),
            });
        }
        if self.wave.trim().is_empty() {
            problems.push(ActionError::Required {
                field: ActionField::Wave,
            });
        }
        check_whys(&self.whys, &mut problems);
        check_text(ActionField::Owner, &self.owner, OWNER_MAX, &mut problems);
        check_text(
            ActionField::Action,
            &self.text,
            ACTION_TEXT_MAX,
            &mut problems,
        );
        check_due(&self.due, &mut problems);
        problems
    }
}

/// A field of the action form, named the way the form labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActionField {
    /// The priority (item) the action is for.
    Item,
    /// The wave it was decided in.
    Wave,
    /// The root-cause chain as a whole.
    Whys,
    /// The answer to "why?" number `n` (1-based).
    Why(usize),
    /// Who answers for it.
    Owner,
    /// What will be done.
    Action,
    /// The due date.
    Due,
}

impl ActionField {
    /// The field's name in a sentence.
    pub fn label(self) -> String {
        match self {
            ActionField::Item => t!("priority").into(),
            ActionField::Wave => t!("wave").into(),
            ActionField::Whys => t!("root cause (the \u{201c}why?\u{201d} answers)").into(),
            ActionField::Why(n) => t!("answer to \u{201c}why?\u{201d} no. {n}", n = n),
            ActionField::Owner => t!("owner").into(),
            ActionField::Action => t!("action").into(),
            ActionField::Due => t!("due date").into(),
        }
    }
}

/// Why an action was not stored. Every variant names the field (and the value) at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActionError {
    /// A required field is blank.
    Required { field: ActionField },
    /// A field holds more characters than allowed.
    TooLong {
        field: ActionField,
        max: usize,
        length: usize,
    },
    /// More "why?" steps than [`MAX_WHYS`].
    TooManyWhys { count: usize },
    /// Not an ISO 8601 calendar date (YYYY-MM-DD).
    Date { value: String },
    /// An item code the project does not have.
    UnknownItem { code: String },
    /// A wave the project does not have.
    UnknownWave { name: String },
    /// A stored id that is empty, too long or has space around it.
    BadId { id: String },
    /// The action to change or delete is not there (changed in another tab?).
    NotFound { id: String },
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ActionError::Required { field: ActionField::Whys } => {
                t!("The root cause is required: answer \u{201c}why?\u{201d} at least once.").to_owned()
            }
            ActionError::Required { field: field @ ActionField::Why(_) } => {
                t!("The {field} is empty; write it or remove the step.", field = field.label())
            }
            ActionError::Required { field } => t!("The {field} is required.", field = field.label()),
            ActionError::TooLong { field, max, length } => t!(
                "The {field} is {length} characters long; at most {max} are allowed.",
                field = field.label(),
                length = count(*length),
                max = count(*max)
            ),
            ActionError::TooManyWhys { count: whys } => t!(
                "The root cause has {count} \u{201c}why?\u{201d} steps; at most {max} are allowed.",
                count = count(*whys),
                max = count(MAX_WHYS)
            ),
            ActionError::Date { value } => t!(
                "The due date \u{201c}{value}\u{201d} is not a calendar date written as YYYY-MM-DD.",
                value = value
            ),
            ActionError::UnknownItem { code } => t!("The item {code} is not in this project.", code = code),
            ActionError::UnknownWave { name } => {
                t!("The wave \u{201c}{name}\u{201d} is not in this project.", name = name)
            }
            ActionError::BadId { id } => t!("The action id \u{201c}{id}\u{201d} is not valid.", id = id),
            ActionError::NotFound { id } => t!(
                "The action \u{201c}{id}\u{201d} is no longer there; it may have been changed in another tab. Reload the page.",
                id = id
            ),
        };
        f.write_str(&sentence(&text))
    }
}

impl std::error::Error for ActionError {}

impl ActionError {
    /// The field at fault, when the problem is with one field.
    pub fn field(&self) -> Option<ActionField> {
        match self {
            ActionError::Required { field } | ActionError::TooLong { field, .. } => Some(*field),
            ActionError::TooManyWhys { .. } => Some(ActionField::Whys),
            ActionError::Date { .. } => Some(ActionField::Due),
            ActionError::UnknownItem { .. } => Some(ActionField::Item),
            ActionError::UnknownWave { .. } => Some(ActionField::Wave),
            ActionError::BadId { .. } | ActionError::NotFound { .. } => None,
        }
    }
}

fn check_text(field: ActionField, value: &str, max: usize, problems: &mut Vec<ActionError>) {
    let value = value.trim();
    let length = value.chars().count();
    if length == 0 {
        problems.push(ActionError::Required { field });
    } else if length > max {
        problems.push(ActionError::TooLong { field, max, length });
    }
}

fn check_whys(whys: &[String], problems: &mut Vec<ActionError>) {
    if whys.is_empty() {
        problems.push(ActionError::Required {
            field: ActionField::Whys,
        });
    }
    if whys.len() > MAX_WHYS {
        problems.push(ActionError::TooManyWhys { count: whys.len() });
    }
    for (index, why) in whys.iter().enumerate() {
        check_text(ActionField::Why(index + 1), why, WHY_MAX, problems);
    }
}

fn check_due(due: &str, problems: &mut Vec<ActionError>) {
    let due = due.trim();
    if due.is_empty() {
        problems.push(ActionError::Required {
            field: ActionField::Due,
        });
    } else if !is_iso_date(due) {
        problems.push(ActionError::Date {
            value: due.to_owned(),
        });
    }
}

/// An action's fields as the user typed them; validated by [`Project::add_action`] and
/// [`Project::edit_action`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionInput {
    /// The item's code (the priority).
    pub item: String,
    /// The gap the priority is tagged with; `None` for the perception gap.
    pub gap: Option<Gap>,
    /// The wave it is decided in (an existing wave).
    pub wave: String,
    /// The answers to "why?", in order (1–5, none blank).
    pub whys: Vec<String>,
    /// Who answers for it.
    pub owner: String,
    /// What will be done.
    pub text: String,
    /// Due date, YYYY-MM-DD.
    pub due: String,
    /// Where it stands.
    pub status: Status,
}

impl ActionInput {
    /// The form's fields for an existing action.
    pub fn of(action: &Action) -> ActionInput {
        ActionInput {
            item: action.item.to_string(),
            gap: Some(action.gap),
            wave: action.wave.clone(),
            whys: action.whys.clone(),
            owner: action.owner.clone(),
            text: action.text.clone(),
            due: action.due.clone(),
            status: action.status,
        }
    }
}

/// Actions. Every method validates first and changes nothing when it returns an error.
impl Project {
    /// The action with `id`.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The actions decided for `item` (compared case-insensitively), in stored order.
    pub fn actions_for<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions
            .iter()
            .filter(move |a| a.item.as_str().eq_ignore_ascii_case(item))
    }

    /// The next free action id: "a" and one more than the highest number in use.
    pub fn next_action_id(&self) -> String {
        let highest = self
            .actions
            .iter()
            .filter_map(|a| a.id.strip_prefix('a').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        format!("a{}", highest.saturating_add(1))
    }

    /// The action `input` describes, with `id`, or every problem in form order.
    fn action_from(&self, id: String, input: &ActionInput) -> Result<Action, Vec<ActionError>> {
        let mut problems = Vec::new();
        let code = input.item.trim();
        let item = if code.is_empty() {
            problems.push(ActionError::Required {
                field: ActionField::Item,
            });
            None
        } else {
            match self.item(code) {
                Some(item) => Some(item.code.clone()),
                None => {
                    problems.push(ActionError::UnknownItem {
                        code: code.to_owned(),
                    });
                    None
                }
            }
        };
        let wave = input.wave.trim();
        if wave.is_empty() {
            problems.push(ActionError::Required {
                field: ActionField::Wave,
            });
        } else if !self.waves.iter().any(|w| w.name == wave) {
            problems.push(ActionError::UnknownWave {
                name: wave.to_owned(),
            });
        }
        let whys: Vec<String> = input.whys.iter().map(|w| w.trim().to_owned()).collect();
        check_whys(&whys, &mut problems);
        check_text(ActionField::Owner, &input.owner, OWNER_MAX, &mut problems);
        check_text(
            ActionField::Action,
            &input.text,
            ACTION_TEXT_MAX,
            &mut problems,
        );
        check_due(&input.due, &mut problems);
        let (Some(item), true) = (item, problems.is_empty()) else {
            return Err(problems);
        };
        Ok(Action {
            id,
            item,
            gap: input.gap.unwrap_or(Gap::Perception),
            wave: wave.to_owned(),
            whys,
            owner: input.owner.trim().to_owned(),
            text: input.text.trim().to_owned(),
            due: input.due.trim().to_owned(),
            status: input.status,
        })
    }

    /// Records a new action and returns its id ("a1", "a2"…).
    ///
    /// # Errors
    /// Every problem, in form order: a blank or unknown item, a blank or unknown wave, no
    /// "why?" answer, more than five, a blank or too long answer, a blank or too long owner or
    /// action, a blank due date or one that is not a calendar date. The project is unchanged.
    pub fn add_action(&mut self, input: &ActionInput) -> Result<String, Vec<ActionError>> {
        let id = self.next_action_id();
        let action = self.action_from(id.clone(), input)?;
        self.actions.push(action);
        Ok(id)
    }

    /// Replaces the fields of action `id`; its id and place stay.
    ///
    /// # Errors
    /// `NotFound` when there is no such action, else the problems of [`Project::add_action`].
    /// The project is unchanged.
    pub fn edit_action(&mut self, id: &str, input: &ActionInput) -> Result<(), Vec<ActionError>> {
        let index = self
            .actions
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| vec![ActionError::NotFound { id: id.to_owned() }])?;
        self.actions[index] = self.action_from(id.to_owned(), input)?;
        Ok(())
    }

    /// Changes only the status of action `id`.
    ///
    /// # Errors
    /// `NotFound` when there is no such action; nothing changes.
    pub fn set_action_status(&mut self, id: &str, status: Status) -> Result<(), ActionError> {
        let action = self
            .actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| ActionError::NotFound { id: id.to_owned() })?;
        action.status = status;
        Ok(())
    }

    /// Deletes action `id` and returns it.
    ///
    /// # Errors
    /// `NotFound` when there is no such action; nothing changes.
    pub fn remove_action(&mut self, id: &str) -> Result<Action, ActionError> {
        let index = self
            .actions
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| ActionError::NotFound { id: id.to_owned() })?;
        Ok(self.actions.remove(index))
    }
}

impl Action {
    /// The same action under another id (merging renumbers an action whose id is taken).
    pub fn with_id(&self, id: String) -> Action {
        Action { id, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, DimensionCode, Item, ProjectId, Scale, Wave};

    fn project() -> Project {
        let dimension = DimensionCode::new("rel").unwrap();
        let item = |code: &str| Item {
            code: ItemCode::new(code).unwrap(),
            dimension: dimension.clone(),
            text: format!("Item {code}"),
            touchpoint: None,
        };
        let mut project = Project::new(
            ProjectId::new("p").unwrap(),
            "P",
            Scale::SEVEN,
            vec![Dimension {
                code: dimension.clone(),
                name: "Reliability".into(),
            }],
            vec![item("REL1"), item("REL4")],
        )
        .unwrap();
        project.waves = vec![
            Wave {
                name: "2026 Q1".into(),
                date: None,
            },
            Wave {
                name: "2026 Q2".into(),
                date: None,
            },
        ];
        project
    }

    fn input() -> ActionInput {
        ActionInput {
            item: "rel4".into(),
            gap: Some(Gap::Delivery),
            wave: "2026 Q1".into(),
            whys: vec![
                " Rooms are not ready at 15:00 ".into(),
                "Cleaning starts late".into(),
                "Check-out list arrives at noon".into(),
            ],
            owner: " Maja Holm ".into(),
            text: "Send the check-out list to housekeeping at 09:00".into(),
            due: "2026-05-31".into(),
            status: Status::InProgress,
        }
    }

    #[test]
    fn an_action_is_recorded_trimmed_with_the_projects_item_code() {
        let mut project = project();
        assert_eq!(project.add_action(&input()).unwrap(), "a1");
        let action = project.action("a1").unwrap();
        assert_eq!(action.item().as_str(), "REL4");
        assert_eq!(action.gap(), Gap::Delivery);
        assert_eq!(action.whys()[0], "Rooms are not ready at 15:00");
        assert_eq!(action.root_cause(), "Check-out list arrives at noon");
        assert_eq!(action.owner(), "Maja Holm");
        assert_eq!(action.status(), Status::InProgress);
        assert_eq!(
            project
                .add_action(&ActionInput {
                    gap: None,
                    ..input()
                })
                .unwrap(),
            "a2"
        );
        assert_eq!(project.action("a2").unwrap().gap(), Gap::Perception);
        assert_eq!(project.actions_for("REL4").count(), 2);
    }

    #[test]
    fn every_bad_field_is_named_and_nothing_changes() {
        let mut project = project();
        let before = project.clone();
        let bad = ActionInput {
            item: "NOPE".into(),
            gap: None,
            wave: "2027".into(),
            whys: vec!["ok".into(), "  ".into(), "x".repeat(301)],
            owner: String::new(),
            text: "t".repeat(501),
            due: "2026-02-30".into(),
            status: Status::Planned,
        };
        let problems = project.add_action(&bad).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ActionError::UnknownItem {
                    code: "NOPE".into()
                },
                ActionError::UnknownWave {
                    name: "2027".into()
                },
                ActionError::Required {
                    field: ActionField::Why(2)
                },
                ActionError::TooLong {
                    field: ActionField::Why(3),
                    max: 300,
                    length: 301
                },
                ActionError::Required {
                    field: ActionField::Owner
                },
                ActionError::TooLong {
                    field: ActionField::Action,
                    max: 500,
                    length: 501
                },
                ActionError::Date {
                    value: "2026-02-30".into()
                },
            ]
        );
        assert_eq!(
            problems[6].to_string(),
            "The due date \u{201c}2026-02-30\u{201d} is not a calendar date written as YYYY-MM-DD."
        );
        assert_eq!(problems[6].field(), Some(ActionField::Due));
        assert_eq!(
            problems[2].to_string(),
            "The answer to \u{201c}why?\u{201d} no. 2 is empty; write it or remove the step."
        );
        assert_eq!(project, before);

        let none = ActionInput {
            item: " ".into(),
            wave: String::new(),
            whys: vec![],
            due: " ".into(),
            ..input()
        };
        assert_eq!(
            project.add_action(&none).unwrap_err(),
            vec![
                ActionError::Required {
                    field: ActionField::Item
                },
                ActionError::Required {
                    field: ActionField::Wave
                },
                ActionError::Required {
                    field: ActionField::Whys
                },
                ActionError::Required {
                    field: ActionField::Due
                },
            ]
        );
        let six = ActionInput {
            whys: vec!["why".into(); 6],
            ..input()
        };
        assert_eq!(
            project.add_action(&six).unwrap_err(),
            vec![ActionError::TooManyWhys { count: 6 }]
        );
        // Exactly five steps of 300 characters (not bytes) and an 80-character owner are fine.
        let full = ActionInput {
            whys: vec!["å".repeat(300); 5],
            owner: "ø".repeat(80),
            ..input()
        };
        project.add_action(&full).unwrap();
    }

    #[test]
    fn edit_keeps_id_and_place_remove_and_status_find_by_id() {
        let mut project = project();
        project.add_action(&input()).unwrap();
        project
            .add_action(&ActionInput {
                item: "REL1".into(),
                ..input()
            })
            .unwrap();
        let edited = ActionInput {
            whys: vec!["Only one why".into()],
            status: Status::Done,
            ..input()
        };
        project.edit_action("a1", &edited).unwrap();
        assert_eq!(project.actions[0].id(), "a1");
        assert_eq!(project.actions[0].whys(), ["Only one why"]);
        let before = project.clone();
        assert_eq!(
            project
                .edit_action(
                    "a1",
                    &ActionInput {
                        due: "31.5.2026".into(),
                        ..edited.clone()
                    }
                )
                .unwrap_err(),
            vec![ActionError::Date {
                value: "31.5.2026".into()
            }]
        );
        assert_eq!(
            project.edit_action("a9", &edited).unwrap_err(),
            vec![ActionError::NotFound { id: "a9".into() }]
        );
        assert_eq!(project, before);
        project.set_action_status("a2", Status::Dropped).unwrap();
        assert_eq!(project.action("a2").unwrap().status(), Status::Dropped);
        assert!(matches!(
            project.set_action_status("zz", Status::Done),
            Err(ActionError::NotFound { .. })
        ));
        assert_eq!(project.remove_action("a1").unwrap().id(), "a1");
        assert!(matches!(
            project.remove_action("a1"),
            Err(ActionError::NotFound { .. })
        ));
        // Ids are not reused while a higher one exists.
        assert_eq!(project.add_action(&input()).unwrap(), "a3");
    }

    #[test]
    fn the_serde_form_is_checked_like_the_form() {
        let mut project = project();
        project.add_action(&input()).unwrap();
        let json = serde_json::to_string(&project.actions[0]).unwrap();
        assert_eq!(
            json,
            r#"{"id":"a1","item":"REL4","gap":"delivery","wave":"2026 Q1","whys":["Rooms are not ready at 15:00","Cleaning starts late","Check-out list arrives at noon"],"owner":"Maja Holm","action":"Send the check-out list to housekeeping at 09:00","due":"2026-05-31","status":"in_progress"}"#
        );
        assert_eq!(
            serde_json::from_str::<Action>(&json).unwrap(),
            project.actions[0]
        );
        for (from, to) in [
            (r#""due":"2026-05-31""#, r#""due":"2026-5-31""#),
            (
                r#""whys":["Rooms are not ready at 15:00","#,
                r#""whys":[" ","#,
            ),
            (r#""owner":"Maja Holm""#, r#""owner":"""#),
            (r#""status":"in_progress""#, r#""status":"later""#),
            (r#""id":"a1""#, r#""id":"""#),
            (r#""gap":"delivery""#, r#""gap":"other""#),
        ] {
            let bad = json.replacen(from, to, 1);
            assert_ne!(bad, json);
            assert!(serde_json::from_str::<Action>(&bad).is_err(), "{bad}");
        }
        let error =
            serde_json::from_str::<Action>(&json.replacen("2026-05-31", "soon", 1)).unwrap_err();
        assert!(
            error.to_string().contains("due date \u{201c}soon\u{201d}"),
            "{error}"
        );
        let no_whys = json.replacen(r#""whys":["Rooms are not ready at 15:00","Cleaning starts late","Check-out list arrives at noon"]"#, r#""whys":[]"#, 1);
        assert!(serde_json::from_str::<Action>(&no_whys)
            .unwrap_err()
            .to_string()
            .contains("root cause is required"));
    }

    #[test]
    fn statuses_and_gaps_have_stable_words() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.as_str())
            );
        }
        for gap in Gap::ALL {
            assert_eq!(Gap::parse(gap.as_str()), Some(gap));
            assert_eq!(
                serde_json::to_string(&gap).unwrap(),
                format!("\"{}\"", gap.as_str())
            );
        }
        assert_eq!(Status::parse("later"), None);
    }
}
