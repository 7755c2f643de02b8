//! Backups: projects out to a JSON file and back in, validated as a whole before anything
//! changes, and merged into an existing project without losing a single answer.
//!
//! The file is `{"format":"gaplens-backup","version":1,"projects":[…]}`, each project in
//! exactly its stored serde form. Writing is deterministic (same projects → same bytes), and
//! export → [`restore`] → export gives the same bytes (serde_json's `float_roundtrip`).

use crate::format::count;
use crate::model::actions::Action;
use crate::model::{figure, Dimension, Item, Measurement, Project, ProjectId, Response, Stage, Standard, Wave};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The `format` marker of a backup file.
pub const FORMAT: &str = "gaplens-backup";
/// The backup version this build writes and reads.
pub const VERSION: u64 = 1;
/// Problems kept in a [`RestoreError`]; the rest are counted.
const MAX_PROBLEMS_KEPT: usize = 1_000;

#[derive(Serialize)]
struct BackupRef<'a> {
    format: &'static str,
    version: u64,
    projects: &'a [Project],
}

/// The backup file of `projects`: pretty-printed JSON with a final newline, the same bytes
/// for the same projects (no time stamp inside; the file name carries the date).
///
/// # Remarks
/// Every number in a project is finite (JSON cannot hold anything else and the model rejects
/// non-finite input), so serialization cannot fail; should it ever, the error is returned as
/// a JSON string that [`restore`] rejects, rather than panicking.
pub fn backup_json(projects: &[Project]) -> String {
    match serde_json::to_string_pretty(&BackupRef { format: FORMAT, version: VERSION, projects }) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// One thing wrong with a backup file. Paths look like `projects[0].responses[12].answers.REL1`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RestoreProblem {
    /// The file is not UTF-8 text.
    NotText { byte: usize },
    /// The file is not valid JSON.
    Syntax { line: usize, column: usize, message: String },
    /// The JSON is not an object with a `format` field naming a Gaplens backup.
    NotABackup { found: Option<String> },
    /// `version` is missing or not a whole number.
    NoVersion,
    /// Written by a newer Gaplens.
    NewerVersion { version: u64 },
    /// A version this build never wrote (0).
    UnknownVersion { version: u64 },
    /// A part has the wrong shape (missing field, wrong type, invalid value).
    Invalid { path: String, message: String },
    /// Two projects in the file share an id.
    DuplicateProject { path: String, id: String, first: usize },
    /// Two responses of one project share an id.
    DuplicateResponse { path: String, id: String, first: usize },
    /// Two actions of one project share an id.
    DuplicateAction { path: String, id: String, first: usize },
    /// An answer or score outside its range.
    OutOfRange { path: String, value: f64, min: f64, max: f64 },
}

impl fmt::Display for RestoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            RestoreProblem::NotText { byte } => {
                t!("the file is not UTF-8 text (byte {byte}); it is not a Gaplens backup", byte = byte)
            }
            RestoreProblem::Syntax { line, column, message } => t!(
                "line {line}, column {column}: the file is not valid JSON ({message})",
                line = line,
                column = column,
                message = message
            ),
            RestoreProblem::NotABackup { found: Some(format) } if format == "gaplens-results" => t!(
                "this is a results file (format \"gaplens-results\"), not a backup: it holds figures, not the data"
            )
            .to_owned(),
            RestoreProblem::NotABackup { found: Some(format) } => {
                t!("the file's format is {found}, not \"{expected}\"", found = quoted(format), expected = FORMAT)
            }
            RestoreProblem::NotABackup { found: None } => t!(
                "the file has no \"format\": \"{expected}\" marker; it is not a Gaplens backup",
                expected = FORMAT
            ),
            RestoreProblem::NoVersion => t!("the file has no \"version\" number").to_owned(),
            RestoreProblem::NewerVersion { version } => t!(
                "the backup was written by a newer version of Gaplens (backup version {version}; this one reads \
                 version {supported}). Update Gaplens, or open the backup where it was made",
                version = version,
                supported = VERSION
            ),
            RestoreProblem::UnknownVersion { version } => t!(
                "backup version {version} does not exist; this Gaplens reads version {supported}",
                version = version,
                supported = VERSION
            ),
            RestoreProblem::Invalid { path, message } => format!("{path}: {message}"),
            RestoreProblem::DuplicateProject { path, id, first } => t!(
                "{path}: the project id {id} is already used by projects[{first}]",
                path = path,
                id = quoted(id),
                first = first
            ),
            RestoreProblem::DuplicateResponse { path, id, first } => t!(
                "{path}: the response id {id} is already used by responses[{first}]",
                path = path,
                id = quoted(id),
                first = first
            ),
            RestoreProblem::DuplicateAction { path, id, first } => t!(
                "{path}: the action id {id} is already used by actions[{first}]",
                path = path,
                id = quoted(id),
                first = first
            ),
            RestoreProblem::OutOfRange { path, value, min, max } => t!(
                "{path}: {value} is outside {min}–{max}",
                path = path,
                value = figure(*value),
                min = figure(*min),
                max = figure(*max)
            ),
        };
        f.write_str(&text)
    }
}

/// User text in a message: quoted and cut, never interpreted.
fn quoted(value: &str) -> String {
    let cut: String = value.chars().take(60).collect();
    if cut.len() < value.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

/// Why a backup file was not restored: every problem found. Nothing was changed.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreError {
    /// The problems, in file order.
    pub problems: Vec<RestoreProblem>,
    /// Problems found beyond those kept.
    pub not_kept: usize,
}

impl RestoreError {
    fn single(problem: RestoreProblem) -> RestoreError {
        RestoreError { problems: vec![problem], not_kept: 0 }
    }

    /// Total number of problems found.
    pub fn total(&self) -> usize {
        self.problems.len() + self.not_kept
    }
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headline = match self.total() {
            1 => t!("The backup was not restored: 1 problem found; nothing was changed.").to_owned(),
            total => t!(
                "The backup was not restored: {total} problems found; nothing was changed.",
                total = count(total)
            ),
        };
        writeln!(f, "{headline}")?;
        for problem in &self.problems {
            writeln!(f, "- {problem}")?;
        }
        if self.not_kept > 0 {
            writeln!(f, "{}", t!("… and {n} more", n = count(self.not_kept)))?;
        }
        Ok(())
    }
}

impl std::error::Error for RestoreError {}

/// A backup file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The projects, in file order; their ids are unique.
    pub projects: Vec<Project>,
}

struct Problems {
    kept: Vec<RestoreProblem>,
    not_kept: usize,
}

impl Problems {
    fn push(&mut self, problem: RestoreProblem) {
        if self.kept.len() < MAX_PROBLEMS_KEPT {
            self.kept.push(problem);
        } else {
            self.not_kept += 1;
        }
    }

    fn invalid(&mut self, path: &str, message: impl Into<String>) {
        self.push(RestoreProblem::Invalid { path: path.to_owned(), message: message.into() });
    }

    fn count(&self) -> usize {
        self.kept.len() + self.not_kept
    }
}

/// Reads and validates a whole backup file.
///
/// Checks, in order, listing every problem it finds: UTF-8 and JSON syntax (with line and
/// column), the format marker and version (a newer version is refused, never guessed),
/// that every project deserialises (with the path of each bad part), unique project ids,
/// unique response ids within each project, answers on each project's scale, importance
/// points 0–100, NPS 0–10, CSAT 1–5 and CES 1–7, and actions (1–5 "why?" answers, an owner,
/// an action, an ISO due date, a known status; unique ids within each project). An action's
/// item or wave need not exist any more: the app itself keeps actions of deleted waves.
///
/// # Errors
/// [`RestoreError`] with every problem when anything is wrong; then nothing is returned.
pub fn restore(bytes: &[u8]) -> Result<Backup, RestoreError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| RestoreError::single(RestoreProblem::NotText { byte: e.valid_up_to() }))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        RestoreError::single(RestoreProblem::Syntax { line: e.line(), column: e.column(), message: syntax_message(&e) })
    })?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(RestoreError::single(RestoreProblem::NotABackup { found: format.map(str::to_owned) }));
    }
    match value.get("version").and_then(Value::as_u64) {
        None => return Err(RestoreError::single(RestoreProblem::NoVersion)),
        Some(VERSION) => {}
        Some(version) if version > VERSION => {
            return Err(RestoreError::single(RestoreProblem::NewerVersion { version }))
        }
        Some(version) => return Err(RestoreError::single(RestoreProblem::UnknownVersion { version })),
    }

    let mut problems = Problems { kept: Vec::new(), not_kept: 0 };
    let Some(list) = value.get("projects").and_then(Value::as_array) else {
        problems.invalid("projects", t!("missing, or not a list of projects"));
        return Err(RestoreError { problems: problems.kept, not_kept: 0 });
    };
    let mut projects = Vec::with_capacity(list.len());
    let mut first_of_id: HashMap<String, usize> = HashMap::new();
    for (index, raw) in list.iter().enumerate() {
        let path = format!("projects[{index}]");
        // The id is checked even when the rest is broken, so every offence is listed.
        if let Some(id) = raw.get("id").and_then(Value::as_str) {
            match first_of_id.get(id) {
                Some(&first) => problems.push(RestoreProblem::DuplicateProject { path: format!("{path}.id"), id: id.to_owned(), first }),
                None => {
                    first_of_id.insert(id.to_owned(), index);
                }
            }
        }
        match serde_json::from_value::<Project>(raw.clone()) {
            Ok(project) => {
                check_project(&project, &path, &mut problems);
                projects.push(project);
            }
            Err(error) => locate_project_error(raw, &path, &error, &mut problems),
        }
    }
    if problems.count() > 0 {
        return Err(RestoreError { problems: problems.kept, not_kept: problems.not_kept });
    }
    Ok(Backup { projects })
}

/// serde_json's message without its own " at line L column C" tail (we say it first).
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(position) => text[..position].to_owned(),
        None => text,
    }
}

/// Whether `value` deserialises as `T`; if not, the problem is pushed at `path`.
fn check<T: DeserializeOwned>(value: &Value, path: &str, problems: &mut Problems) -> bool {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(_) => true,
        Err(error) => {
            problems.invalid(path, error.to_string());
            false
        }
    }
}

/// Checks each element of a list as `T`.
fn check_list<T: DeserializeOwned>(value: &Value, path: &str, problems: &mut Problems) {
    match value.as_array() {
        Some(list) => {
            for (index, element) in list.iter().enumerate() {
                check::<T>(element, &format!("{path}[{index}]"), problems);
            }
        }
        None => {
            check::<Vec<T>>(value, path, problems);
        }
    }
}

/// Finds the part of a project that failed to deserialise, down to the field of a response.
fn locate_project_error(raw: &Value, path: &str, error: &serde_json::Error, problems: &mut Problems) {
    let Some(object) = raw.as_object() else {
        problems.invalid(path, t!("not a project ({error})", error = error));
        return;
    };
    let before = problems.count();
    for field in ["id", "name", "dimensions", "items"] {
        if !object.contains_key(field) {
            problems.invalid(path, t!("missing field `{field}`", field = field));
        }
    }
    for (field, value) in object {
        let at = format!("{path}.{field}");
        match field.as_str() {
            "id" => {
                check::<ProjectId>(value, &at, problems);
            }
            "name" => {
                check::<String>(value, &at, problems);
            }
            "scale" => {
                check::<crate::model::Scale>(value, &at, problems);
            }
            "dimensions" => check_list::<Dimension>(value, &at, problems),
            "items" => check_list::<Item>(value, &at, problems),
            "waves" => check_list::<Wave>(value, &at, problems),
            "current_wave" => {
                check::<Option<String>>(value, &at, problems);
            }
            "perception_only" => {
                check::<bool>(value, &at, problems);
            }
            "journey" => {
                match value.get("stages") {
                    Some(stages) => check_list::<Stage>(stages, &format!("{at}.stages"), problems),
                    None => {
                        check::<crate::model::Journey>(value, &at, problems);
                    }
                }
            }
            "standards" => check_list::<Standard>(value, &at, problems),
            "measurements" => check_list::<Measurement>(value, &at, problems),
            "promises" => check_list::<crate::model::Promise>(value, &at, problems),
            "complaints" => check_list::<crate::model::Complaint>(value, &at, problems),
            "import_mappings" => check_list::<crate::import::SavedMapping>(value, &at, problems),
            "actions" => match value.as_array() {
                Some(list) => {
                    let mut readable = Vec::new();
                    for (index, action) in list.iter().enumerate() {
                        if check::<Action>(action, &format!("{at}[{index}]"), problems) {
                            if let Ok(action) = serde_json::from_value::<Action>(action.clone()) {
                                readable.push((index, action));
                            }
                        }
                    }
                    let readable: Vec<(usize, &Action)> = readable.iter().map(|(i, a)| (*i, a)).collect();
                    check_actions(&readable, path, problems);
                }
                None => problems.invalid(&at, t!("not a list of actions")),
            },
            "responses" => match value.as_array() {
                Some(list) => {
                    let mut readable = Vec::new();
                    for (index, response) in list.iter().enumerate() {
                        match serde_json::from_value::<Response>(response.clone()) {
                            Ok(response) => readable.push((index, response)),
                            Err(_) => locate_response_error(response, &format!("{at}[{index}]"), problems),
                        }
                    }
                    // The other checks still run on the responses that could be read.
                    let scale = match object.get("scale") {
                        None => Some(crate::model::Scale::default()),
                        Some(scale) => serde_json::from_value(scale.clone()).ok(),
                    };
                    let readable: Vec<(usize, &Response)> = readable.iter().map(|(i, r)| (*i, r)).collect();
                    check_responses(scale, &readable, path, problems);
                }
                None => problems.invalid(&at, t!("not a list of responses")),
            },
            _ => {}
        }
    }
    if problems.count() == before {
        // Nothing more precise found: say what serde said.
        problems.invalid(path, error.to_string());
    }
}

/// Checks one response field by field, and each answer by item code.
fn locate_response_error(raw: &Value, path: &str, problems: &mut Problems) {
    let Some(object) = raw.as_object() else {
        check::<Response>(raw, path, problems);
        return;
    };
    if !object.contains_key("id") {
        problems.invalid(path, t!("missing field `{field}`", field = "id"));
    }
    let before = problems.count();
    for (field, value) in object {
        let at = format!("{path}.{field}");
        match field.as_str() {
            "id" => {
                check::<Option<crate::model::RespondentId>>(value, &at, problems);
            }
            "source" => {
                check::<crate::model::Source>(value, &at, problems);
            }
            "wave" | "comment" => {
                check::<Option<String>>(value, &at, problems);
            }
            "nps" | "csat" | "ces" => {
                check::<Option<u8>>(value, &at, problems);
            }
            "segments" => {
                check::<BTreeMap<String, String>>(value, &at, problems);
            }
            "answers" | "importance" => match value.as_object() {
                Some(map) => {
                    for (key, entry) in map {
                        let at = format!("{at}.{key}");
                        let key_ok = if field == "answers" {
                            crate::model::ItemCode::new(key).map(drop).map_err(|e| e.to_string())
                        } else {
                            crate::model::DimensionCode::new(key).map(drop).map_err(|e| e.to_string())
                        };
                        if let Err(message) = key_ok {
                            problems.invalid(&at, message);
                        } else if field == "answers" {
                            check::<crate::model::Answer>(entry, &at, problems);
                        } else {
                            check::<f64>(entry, &at, problems);
                        }
                    }
                }
                None => problems.invalid(&at, t!("not an object")),
            },
            _ => {}
        }
    }
    if problems.count() == before {
        check::<Response>(raw, path, problems);
    }
}

/// The checks serde cannot make: a non-empty name, then those of [`check_responses`].
fn check_project(project: &Project, path: &str, problems: &mut Problems) {
    if project.name.trim().is_empty() {
        problems.invalid(&format!("{path}.name"), t!("the project name is empty"));
    }
    let responses: Vec<(usize, &Response)> = project.responses.iter().enumerate().collect();
    check_responses(Some(project.scale), &responses, path, problems);
    let actions: Vec<(usize, &Action)> = project.actions.iter().enumerate().collect();
    check_actions(&actions, path, problems);
}

/// Unique action ids; `actions` are those that deserialised, with their index in the file.
fn check_actions(actions: &[(usize, &Action)], path: &str, problems: &mut Problems) {
    let mut first_of_id: HashMap<&str, usize> = HashMap::new();
    for &(index, action) in actions {
        match first_of_id.get(action.id()) {
            Some(&first) => problems.push(RestoreProblem::DuplicateAction {
                path: format!("{path}.actions[{index}].id"),
                id: action.id().to_owned(),
                first,
            }),
            None => {
                first_of_id.insert(action.id(), index);
            }
        }
    }
}

/// Unique response ids, answers on `scale` (skipped when the scale itself is broken),
/// importance points 0–100, NPS 0–10, CSAT 1–5, CES 1–7. `responses` are those that
/// deserialised, with their index in the file, so a project with other broken parts still
/// gets every one of these problems listed.
fn check_responses(scale: Option<crate::model::Scale>, responses: &[(usize, &Response)], path: &str, problems: &mut Problems) {
    let mut first_of_id: HashMap<&str, usize> = HashMap::new();
    for &(index, response) in responses {
        let at = format!("{path}.responses[{index}]");
        if let Some(id) = &response.id {
            match first_of_id.get(id.as_str()) {
                Some(&first) => problems.push(RestoreProblem::DuplicateResponse {
                    path: format!("{at}.id"),
                    id: id.to_string(),
                    first,
                }),
                None => {
                    first_of_id.insert(id.as_str(), index);
                }
            }
        }
        if let Some(scale) = scale {
            let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));
            for (code, answer) in &response.answers {
                for (part, value) in [("E", answer.expectation), ("P", answer.perception)] {
                    if let Some(value) = value {
                        if !scale.contains(value) {
                            problems.push(RestoreProblem::OutOfRange {
                                path: format!("{at}.answers.{code} ({part})"),
                                value,
                                min,
                                max,
                            });
                        }
                    }
                }
            }
        }
        for (code, &points) in &response.importance {
            if !(0.0..=100.0).contains(&points) {
                problems.push(RestoreProblem::OutOfRange {
                    path: format!("{at}.importance.{code}"),
                    value: points,
                    min: 0.0,
                    max: 100.0,
                });
            }
        }
        for (field, value, low, high) in [
            ("nps", response.nps, 0, 10),
            ("csat", response.csat, 1, 5),
            ("ces", response.ces, 1, 7),
        ] {
            if let Some(value) = value {
                if !(low..=high).contains(&value) {
                    problems.push(RestoreProblem::OutOfRange {
                        path: format!("{at}.{field}"),
                        value: f64::from(value),
                        min: f64::from(low),
                        max: f64::from(high),
                    });
                }
            }
        }
    }
}

/// Merging lives in its own module; re-exported here, where restore hands over.
pub use super::merge::{Choice, Conflict, Difference, MergeError, MergePlan};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, ItemCode, RespondentId, Source};
    use std::collections::HashSet;

    fn small() -> Project {
        let mut project = crate::demo::hotel();
        project.responses.truncate(6);
        project
    }

    fn problems(text: &str) -> Vec<RestoreProblem> {
        restore(text.as_bytes()).expect_err("should be rejected").problems
    }

    fn with_project_edit(edit: impl Fn(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&backup_json(&[small()])).unwrap();
        edit(&mut value["projects"][0]);
        serde_json::to_string_pretty(&value).unwrap()
    }

    #[test]
    fn export_is_deterministic_and_marked() {
        let json = backup_json(&[small()]);
        assert_eq!(json, backup_json(&[small()]));
        assert!(json.ends_with("}\n"));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], "gaplens-backup");
        assert_eq!(value["version"], 1);
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let demo = crate::demo::hotel();
        let mut other = small();
        other.id = ProjectId::new("other").unwrap();
        other.responses[0].answers.insert(ItemCode::new("REL1").unwrap(), Answer { expectation: Some(0.1 + 0.2 + 5.0), perception: Some(5.0 / 3.0) });
        assert!(!demo.actions.is_empty(), "the demo's actions are part of the round trip");
        other.actions.clear();
        let first = backup_json(&[demo, other]);
        assert!(first.contains("\"actions\": ["));
        let restored = restore(first.as_bytes()).unwrap();
        let second = backup_json(&restored.projects);
        assert_eq!(first, second);
        assert_eq!(restored.projects[0], crate::demo::hotel());
        assert!(restored.projects[1].actions.is_empty());
    }

    #[test]
    fn bad_actions_are_listed_with_their_paths() {
        let text = with_project_edit(|p| {
            p["actions"][0]["due"] = Value::String("31.12.2026".into());
            p["actions"][1]["whys"] = serde_json::json!([]);
            p["actions"][2]["id"] = p["actions"][0]["id"].clone();
            p["responses"][1]["nps"] = serde_json::json!(12);
        });
        let shown: Vec<String> = problems(&text).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "projects[0].actions[0]: The due date \u{201c}31.12.2026\u{201d} is not a calendar date written as YYYY-MM-DD.".to_owned(),
                "projects[0].actions[1]: The root cause is required: answer \u{201c}why?\u{201d} at least once.".to_owned(),
                "projects[0].responses[1].nps: 12 is outside 0–10".to_owned(),
            ],
        );
        // With every action readable, a repeated id is named too.
        let duplicate = with_project_edit(|p| p["actions"][2]["id"] = p["actions"][0]["id"].clone());
        assert_eq!(
            problems(&duplicate).iter().map(ToString::to_string).collect::<Vec<_>>(),
            vec!["projects[0].actions[2].id: the action id \"a1\" is already used by actions[0]".to_owned()]
        );
        // An action whose wave was deleted later is restored as it is.
        let mut project = small();
        project.delete_wave("2026 Q1");
        assert!(restore(backup_json(&[project.clone()]).as_bytes()).is_ok());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let problems = problems("{\n  \"format\": \"gaplens-backup\",\n  \"version\": 1,\n  \"projects\": [,]\n}");
        match &problems[..] {
            [RestoreProblem::Syntax { line: 4, column, .. }] => assert!(*column > 0),
            other => panic!("{other:?}"),
        }
        assert!(problems[0].to_string().starts_with("line 4, column"));
    }

    #[test]
    fn not_text_and_other_formats_are_named() {
        assert!(matches!(restore(&[0xff, 0xfe]).unwrap_err().problems[..], [RestoreProblem::NotText { byte: 0 }]));
        assert!(problems(r#"{"format":"gaplens-results","version":1}"#)[0].to_string().contains("results file"));
        assert!(matches!(problems("[1,2]")[..], [RestoreProblem::NotABackup { found: None }]));
        assert!(matches!(problems(r#"{"format":"gaplens-backup"}"#)[..], [RestoreProblem::NoVersion]));
    }

    #[test]
    fn a_newer_version_is_refused_not_guessed() {
        let problems = problems(r#"{"format":"gaplens-backup","version":2,"projects":[]}"#);
        assert_eq!(problems, vec![RestoreProblem::NewerVersion { version: 2 }]);
        assert!(problems[0].to_string().contains("newer version of Gaplens"));
        assert!(matches!(self::problems(r#"{"format":"gaplens-backup","version":0,"projects":[]}"#)[..], [RestoreProblem::UnknownVersion { version: 0 }]));
    }

    #[test]
    fn serde_errors_name_the_path() {
        let text = with_project_edit(|p| {
            p["responses"][3]["answers"]["REL1"] = Value::String("six".into());
            p["responses"][4]["source"] = Value::String("boss".into());
            p["items"][2]["code"] = Value::String("a b".into());
        });
        let shown: Vec<String> = problems(&text).iter().map(ToString::to_string).collect();
        assert!(shown.iter().any(|p| p.starts_with("projects[0].responses[3].answers.REL1:")), "{shown:?}");
        assert!(shown.iter().any(|p| p.starts_with("projects[0].responses[4].source:")), "{shown:?}");
        assert!(shown.iter().any(|p| p.starts_with("projects[0].items[2]:")), "{shown:?}");
        assert_eq!(shown.len(), 3, "{shown:?}");
        let missing = with_project_edit(|p| {
            p.as_object_mut().unwrap().remove("name");
        });
        assert_eq!(problems(&missing)[0].to_string(), "projects[0]: missing field `name`");
        assert!(problems(r#"{"format":"gaplens-backup","version":1}"#)[0].to_string().starts_with("projects:"));
    }

    #[test]
    fn shape_and_range_problems_are_listed_together() {
        let mut value: Value = serde_json::from_str(&backup_json(&[crate::demo::hotel()])).unwrap();
        let p = &mut value["projects"][0];
        p["responses"][12]["answers"]["REL1"] = serde_json::json!([9, null]);
        p["responses"][13]["id"] = p["responses"][3]["id"].clone();
        p["responses"][14]["answers"]["REL2"] = Value::String("six".into());
        let shown: Vec<String> = problems(&value.to_string()).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "projects[0].responses[14].answers.REL2: invalid type: string \"six\", expected a tuple of size 2".to_owned(),
                "projects[0].responses[12].answers.REL1 (E): 9 is outside 1–7".to_owned(),
                "projects[0].responses[13].id: the response id \"W1-004\" is already used by responses[3]".to_owned(),
            ]
        );
    }

    #[test]
    fn duplicate_ids_and_ranges_are_all_listed() {
        let mut a = small();
        a.responses[2].id = a.responses[0].id.clone();
        a.responses[1].answers.insert(ItemCode::new("TAN1").unwrap(), Answer { expectation: Some(8.0), perception: Some(0.0) });
        a.responses[3].nps = Some(11);
        a.responses[3].csat = Some(0);
        let text = backup_json(&[a.clone(), a]);
        let problems = problems(&text);
        let dup_project = problems.iter().filter(|p| matches!(p, RestoreProblem::DuplicateProject { first: 0, .. })).count();
        let dup_response = problems.iter().filter(|p| matches!(p, RestoreProblem::DuplicateResponse { first: 0, .. })).count();
        let ranges = problems.iter().filter(|p| matches!(p, RestoreProblem::OutOfRange { .. })).count();
        assert_eq!((dup_project, dup_response, ranges), (1, 2, 8), "{problems:?}");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown.contains(&"projects[0].responses[1].answers.TAN1 (E): 8 is outside 1–7".to_owned()), "{shown:?}");
        assert!(shown.contains(&"projects[1].responses[3].nps: 11 is outside 0–10".to_owned()), "{shown:?}");
    }

    fn response(id: &str, p: f64) -> Response {
        let mut answers = BTreeMap::new();
        answers.insert(ItemCode::new("REL1").unwrap(), Answer { expectation: Some(6.0), perception: Some(p) });
        Response { id: Some(RespondentId::new(id).unwrap()), source: Source::Customer, wave: Some("2026 Q1".into()), answers, ..Response::default() }
    }

    #[test]
    fn merge_adds_counts_and_lists_conflicts() {
        let mut mine = small();
        mine.responses = vec![response("a", 5.0), response("b", 4.0)];
        let mut theirs = mine.clone();
        theirs.responses = vec![response("b", 4.0), response("a", 3.0), response("c", 6.0)];
        let plan = MergePlan::new(&mine, &theirs).unwrap();
        assert_eq!(plan.identical, 1);
        assert_eq!(plan.added.iter().map(Response::id_str).collect::<Vec<_>>(), vec!["c"]);
        assert_eq!(plan.conflicts.len(), 1);
        assert_eq!(plan.conflicts[0].id(), "a");
        assert_eq!(
            plan.conflicts[0].differences(),
            vec![Difference { field: "P:REL1".into(), mine: "5".into(), theirs: "3".into() }]
        );

        let kept = plan.apply(&[Choice::KeepMine]).unwrap();
        assert_eq!(kept.responses, vec![response("a", 5.0), response("b", 4.0), response("c", 6.0)]);
        let taken = plan.apply(&[Choice::TakeTheirs]).unwrap();
        assert_eq!(taken.responses, vec![response("a", 3.0), response("b", 4.0), response("c", 6.0)]);
        assert_eq!(plan.apply(&[]), Err(MergeError::Choices { expected: 1, given: 0 }));
    }

    #[test]
    fn merge_drops_nothing() {
        let demo = crate::demo::hotel();
        let mut mine = demo.clone();
        mine.responses.truncate(50);
        let mut theirs = demo.clone();
        theirs.responses.drain(..20);
        theirs.responses[0].comment = Some("changed on the other laptop".into());
        let plan = MergePlan::new(&mine, &theirs).unwrap();
        assert_eq!(plan.added.len() + plan.identical + plan.conflicts.len(), theirs.responses.len());
        let merged = plan.apply(&vec![Choice::TakeTheirs; plan.conflicts.len()]).unwrap();
        // Every response of either side is in the result, by id.
        let ids: HashSet<&str> = merged.responses.iter().map(Response::id_str).collect();
        assert_eq!(ids.len(), merged.responses.len());
        assert!(mine.responses.iter().chain(&theirs.responses).all(|r| ids.contains(r.id_str())));
        assert_eq!(merged.responses.len(), demo.responses.len());
        // Merging the same thing again changes nothing.
        let again = MergePlan::new(&merged, &theirs).unwrap();
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(again.identical, theirs.responses.len());
    }

    #[test]
    fn merge_adds_items_waves_and_setup_without_duplicates() {
        let mine = small();
        let mut theirs = small();
        theirs.items.push(Item { code: ItemCode::new("NEW1").unwrap(), dimension: crate::model::DimensionCode::new("new").unwrap(), text: "New".into(), touchpoint: None });
        theirs.dimensions.push(Dimension { code: crate::model::DimensionCode::new("new").unwrap(), name: "New things".into() });
        theirs.items[0].text = "Reworded elsewhere".into();
        theirs.waves.push(Wave { name: "2027 Q1".into(), date: None });
        let mut changed = theirs.standards[0].clone();
        changed.text = "A different standard".into();
        theirs.standards[0] = changed;
        theirs.measurements.push(theirs.measurements[0].clone());
        theirs.complaints.push(crate::model::Complaint { date: "2027-01-02".into(), wave: None, touchpoint: None, category: "x".into(), text: "y".into() });
        let plan = MergePlan::new(&mine, &theirs).unwrap();
        assert_eq!(plan.new_items.len(), 1);
        assert_eq!(plan.new_dimensions.len(), 1);
        assert_eq!(plan.new_waves.len(), 1);
        assert_eq!(plan.new_complaints.len(), 1);
        assert_eq!(plan.new_promises.len(), 0);
        assert_eq!(plan.new_standards.len(), 1);
        let new_id = plan.new_standards[0].id.clone();
        assert_ne!(new_id, mine.standards[0].id);
        // The backup's measurements of the renumbered standard follow it.
        let moved = theirs.measurements.iter().filter(|m| m.standard == mine.standards[0].id).count();
        assert_eq!(plan.new_measurements.iter().filter(|m| m.standard == new_id).count(), moved);
        assert_eq!(plan.differing.len(), 2, "{:?}", plan.differing);
        let merged = plan.apply(&[]).unwrap();
        assert_eq!(merged.items.len(), mine.items.len() + 1);
        assert_eq!(merged.items[0].text, mine.items[0].text);
        assert!(merged.waves.iter().any(|w| w.name == "2027 Q1"));
        assert_eq!(merged.complaints.len(), mine.complaints.len() + 1);
        assert_eq!(merged.promises, mine.promises);
    }

    #[test]
    fn merge_refuses_other_scales() {
        let mine = small();
        let mut theirs = small();
        theirs.scale = crate::model::Scale::new(1, 5).unwrap();
        theirs.responses.clear();
        assert!(matches!(MergePlan::new(&mine, &theirs), Err(MergeError::ScaleDiffers { .. })));
    }
}
