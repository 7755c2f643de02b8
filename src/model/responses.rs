//! Single responses entered, changed and deleted by hand on the Data page, and the filter of
//! the responses table.
//!
//! Like the other entry forms (`model::entries`), each change is a method on [`Project`] that
//! takes the form's text as typed, validates all of it, and changes the project only when
//! everything is valid: on `Err` the project is exactly as before, and every problem is
//! listed, naming the field and the value.

use super::{sentence, validate_name, Answer, ItemCode, Project, RespondentId, Response, Scale, Source};
use crate::format::count;
use crate::import::parse_number;
use std::collections::BTreeMap;
use std::fmt;

/// The longest respondent id accepted (as on import).
pub const RESPONSE_ID_MAX: usize = 100;
/// The longest wave name accepted from the form.
pub const WAVE_MAX: usize = 60;
/// The longest segment name or value accepted.
pub const SEGMENT_MAX: usize = 60;
/// The longest comment accepted.
pub const COMMENT_MAX: usize = 2_000;

/// A field of the response form, named the way the form labels it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseField {
    /// The respondent's id.
    Id,
    /// The wave.
    Wave,
    /// The segments box; `line` counts from 1.
    Segments { line: usize },
    /// The expectation for an item.
    Expectation(ItemCode),
    /// The perception for an item.
    Perception(ItemCode),
    /// The NPS answer.
    Nps,
    /// The CSAT answer.
    Csat,
    /// The CES answer.
    Ces,
    /// The comment.
    Comment,
}

impl ResponseField {
    /// The field's name in a sentence ("expectation (E) for item REL1").
    pub fn label(&self) -> String {
        match self {
            ResponseField::Id => t!("respondent id").into(),
            ResponseField::Wave => t!("wave").into(),
            ResponseField::Segments { line } => t!("segment on line {line}", line = line),
            ResponseField::Expectation(code) => t!("expectation (E) for item {code}", code = code),
            ResponseField::Perception(code) => t!("perception (P) for item {code}", code = code),
            ResponseField::Nps => t!("NPS answer").into(),
            ResponseField::Csat => t!("CSAT answer").into(),
            ResponseField::Ces => t!("CES answer").into(),
            ResponseField::Comment => t!("comment").into(),
        }
    }
}

/// Why a response was not stored. Every variant names the field (and the value) at fault.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponseError {
    /// A field holds more characters than allowed.
    TooLong { field: ResponseField, max: usize, length: usize },
    /// Another response already has this id.
    DuplicateId { id: String },
    /// A segment line that is not `name=value`.
    SegmentSyntax { line: usize, text: String },
    /// The same segment name twice.
    DuplicateSegment { line: usize, name: String },
    /// Not a plain number (decimal point or comma, no thousands separators).
    NotANumber { field: ResponseField, value: String },
    /// A rating outside the project's scale.
    OutOfScale { field: ResponseField, value: String, scale: Scale },
    /// An NPS, CSAT or CES answer that is not a whole number in its range.
    OutOfRange { field: ResponseField, value: String, min: u8, max: u8 },
    /// An item code the project does not have.
    UnknownItem { code: String },
    /// The response to change or delete is not there (changed in another tab?).
    NotFound { id: String },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ResponseError::TooLong { field, max, length } => t!(
                "The {field} is {length} characters long; at most {max} are allowed.",
                field = field.label(),
                length = count(*length),
                max = count(*max)
            ),
            ResponseError::DuplicateId { id } => t!(
                "The respondent id \u{201c}{id}\u{201d} is already used by another response; choose another.",
                id = id
            ),
            ResponseError::SegmentSyntax { line, text } => t!(
                "The segment on line {line} \u{201c}{text}\u{201d} is not written as name=value, e.g. channel=web.",
                line = line,
                text = text
            ),
            ResponseError::DuplicateSegment { line, name } => t!(
                "The segment \u{201c}{name}\u{201d} on line {line} is given twice; keep one.",
                name = name,
                line = line
            ),
            ResponseError::NotANumber { field, value } => t!(
                "The {field} \u{201c}{value}\u{201d} is not a number; write it like 5 or 5,5.",
                field = field.label(),
                value = value
            ),
            ResponseError::OutOfScale { field, value, scale } => t!(
                "The {field} \u{201c}{value}\u{201d} is outside the scale {scale}.",
                field = field.label(),
                value = value,
                scale = scale
            ),
            ResponseError::OutOfRange { field, value, min, max } => t!(
                "The {field} \u{201c}{value}\u{201d} must be a whole number from {min} to {max}.",
                field = field.label(),
                value = value,
                min = min,
                max = max
            ),
            ResponseError::UnknownItem { code } => t!("The item {code} is not in this project.", code = code),
            ResponseError::NotFound { id } => t!(
                "The response \u{201c}{id}\u{201d} is no longer there; it may have been changed in another tab. Reload the page.",
                id = id
            ),
        };
        f.write_str(&sentence(&text))
    }
}

impl std::error::Error for ResponseError {}

impl ResponseError {
    /// The field at fault, when the problem is with one field.
    pub fn field(&self) -> Option<ResponseField> {
        match self {
            ResponseError::TooLong { field, .. }
            | ResponseError::NotANumber { field, .. }
            | ResponseError::OutOfScale { field, .. }
            | ResponseError::OutOfRange { field, .. } => Some(field.clone()),
            ResponseError::DuplicateId { .. } => Some(ResponseField::Id),
            ResponseError::SegmentSyntax { line, .. } | ResponseError::DuplicateSegment { line, .. } => {
                Some(ResponseField::Segments { line: *line })
            }
            ResponseError::UnknownItem { .. } | ResponseError::NotFound { .. } => None,
        }
    }
}

/// One response as typed in the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseEntry {
    /// The respondent's id; blank = one is generated.
    pub id: String,
    /// Customer or management.
    pub source: Source,
    /// The wave's name; blank = no wave, a new name creates the wave.
    pub wave: String,
    /// Segment fields, one `name=value` per line; blank lines are skipped.
    pub segments: String,
    /// Per item: its code, E as typed and P as typed (blank = no answer).
    pub answers: Vec<(ItemCode, String, String)>,
    /// NPS 0–10, blank = none.
    pub nps: String,
    /// CSAT 1–5, blank = none.
    pub csat: String,
    /// CES 1–7, blank = none.
    pub ces: String,
    /// Free text.
    pub comment: String,
}

/// How a number is shown in the form: no trailing zeros, decimal point.
fn typed(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl ResponseEntry {
    /// The form's text for an existing response, answers in the project's item order.
    pub fn from_response(project: &Project, response: &Response) -> ResponseEntry {
        ResponseEntry {
            id: response.id_str().to_owned(),
            source: response.source,
            wave: response.wave.clone().unwrap_or_default(),
            segments: response.segments.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("\n"),
            answers: project
                .items
                .iter()
                .map(|item| {
                    let answer = response.answers.get(&item.code).copied().unwrap_or_default();
                    (item.code.clone(), typed(answer.expectation), typed(answer.perception))
                })
                .collect(),
            nps: response.nps.map(|v| v.to_string()).unwrap_or_default(),
            csat: response.csat.map(|v| v.to_string()).unwrap_or_default(),
            ces: response.ces.map(|v| v.to_string()).unwrap_or_default(),
            comment: response.comment.clone().unwrap_or_default(),
        }
    }
}

/// Trims `value` and checks it is at most `max` characters.
fn bounded(field: ResponseField, value: &str, max: usize) -> Result<String, ResponseError> {
    let value = value.trim();
    let length = value.chars().count();
    if length > max {
        return Err(ResponseError::TooLong { field, max, length });
    }
    Ok(value.to_owned())
}

/// A rating as typed: blank is `None`; otherwise a number on `scale`.
fn rating(field: ResponseField, text: &str, scale: Scale) -> Result<Option<f64>, ResponseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value =
        parse_number(text).ok_or_else(|| ResponseError::NotANumber { field: field.clone(), value: text.to_owned() })?;
    if !scale.contains(value) {
        return Err(ResponseError::OutOfScale { field, value: text.to_owned(), scale });
    }
    Ok(Some(value))
}

/// A whole-number answer in `min..=max`, blank = `None`.
fn whole(field: ResponseField, text: &str, min: u8, max: u8) -> Result<Option<u8>, ResponseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(value) if (min..=max).contains(&value) => Ok(Some(value)),
        _ => Err(ResponseError::OutOfRange { field, value: text.to_owned(), min, max }),
    }
}

/// Segment lines `name=value` into a map; blank lines are skipped.
fn segments(text: &str, problems: &mut Vec<ResponseError>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            problems.push(ResponseError::SegmentSyntax { line: number, text: line.trim().to_owned() });
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.is_empty() || value.is_empty() {
            problems.push(ResponseError::SegmentSyntax { line: number, text: line.trim().to_owned() });
            continue;
        }
        let field = || ResponseField::Segments { line: number };
        let checked = bounded(field(), name, SEGMENT_MAX).and_then(|n| Ok((n, bounded(field(), value, SEGMENT_MAX)?)));
        match checked {
            Err(problem) => problems.push(problem),
            Ok((name, value)) => {
                if map.insert(name.clone(), value).is_some() {
                    problems.push(ResponseError::DuplicateSegment { line: number, name });
                }
            }
        }
    }
    map
}

/// Which responses the table shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseFilter {
    /// `None` = every wave; `Some(None)` = responses without a wave; `Some(Some(w))` = wave `w`.
    pub wave: Option<Option<String>>,
    /// `None` = both sources.
    pub source: Option<Source>,
    /// Part of the id, compared case-insensitively; blank = any.
    pub id_text: String,
}

impl ResponseFilter {
    /// Whether `response` passes the filter.
    pub fn matches(&self, response: &Response) -> bool {
        if let Some(wave) = &self.wave {
            if response.wave.as_deref() != wave.as_deref() {
                return false;
            }
        }
        if self.source.is_some_and(|source| source != response.source) {
            return false;
        }
        let needle = self.id_text.trim();
        needle.is_empty() || response.id_str().to_lowercase().contains(&needle.to_lowercase())
    }
}

impl Project {
    /// Positions of the responses that pass `filter`, in stored order.
    pub fn filter_responses(&self, filter: &ResponseFilter) -> Vec<usize> {
        // Lower-case the needle once, not per row.
        let needle = filter.id_text.trim().to_lowercase();
        let quick = ResponseFilter { id_text: String::new(), ..filter.clone() };
        self.responses
            .iter()
            .enumerate()
            .filter(|(_, r)| quick.matches(r) && (needle.is_empty() || r.id_str().to_lowercase().contains(&needle)))
            .map(|(i, _)| i)
            .collect()
    }

    /// A response id not used yet: `manual-1`, `manual-2`, …
    fn unused_response_id(&self) -> String {
        let used: std::collections::HashSet<&str> = self.responses.iter().map(Response::id_str).collect();
        (1..).map(|n| format!("manual-{n}")).find(|id| !used.contains(id.as_str())).unwrap_or_default()
    }

    /// Validates `entry` into a response; `position` is the response being edited, whose
    /// own id does not count as taken and whose answers to items no longer in the project
    /// and importance points are kept.
    fn build_response(&self, position: Option<usize>, entry: &ResponseEntry) -> Result<Response, Vec<ResponseError>> {
        let mut problems = Vec::new();
        let id_text = match bounded(ResponseField::Id, &entry.id, RESPONSE_ID_MAX) {
            Ok(text) if text.is_empty() => self.unused_response_id(),
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                String::new()
            }
        };
        let taken = self.responses.iter().enumerate().any(|(i, r)| Some(i) != position && r.id_str() == id_text);
        if taken && !id_text.is_empty() {
            problems.push(ResponseError::DuplicateId { id: id_text.clone() });
        }
        let id = validate_name(k!("respondent id"), &id_text, RESPONSE_ID_MAX).ok().and_then(|t| RespondentId::new(&t).ok());
        let wave = bounded(ResponseField::Wave, &entry.wave, WAVE_MAX).map_err(|p| problems.push(p)).ok();
        let segments = segments(&entry.segments, &mut problems);

        let previous = position.and_then(|p| self.responses.get(p));
        let mut answers: BTreeMap<ItemCode, Answer> = previous
            .map(|r| r.answers.iter().filter(|(code, _)| self.item(code.as_str()).is_none()).map(|(c, a)| (c.clone(), *a)).collect())
            .unwrap_or_default();
        for (code, e, p) in &entry.answers {
            let Some(item) = self.item(code.as_str()) else {
                problems.push(ResponseError::UnknownItem { code: code.to_string() });
                continue;
            };
            let code = item.code.clone();
            let expectation = rating(ResponseField::Expectation(code.clone()), e, self.scale).map_err(|x| problems.push(x));
            let perception = rating(ResponseField::Perception(code.clone()), p, self.scale).map_err(|x| problems.push(x));
            if let (Ok(expectation), Ok(perception)) = (expectation, perception) {
                if expectation.is_some() || perception.is_some() {
                    answers.insert(code, Answer { expectation, perception });
                }
            }
        }
        let nps = whole(ResponseField::Nps, &entry.nps, 0, 10).map_err(|p| problems.push(p)).ok().flatten();
        let csat = whole(ResponseField::Csat, &entry.csat, 1, 5).map_err(|p| problems.push(p)).ok().flatten();
        let ces = whole(ResponseField::Ces, &entry.ces, 1, 7).map_err(|p| problems.push(p)).ok().flatten();
        let comment = bounded(ResponseField::Comment, &entry.comment, COMMENT_MAX).map_err(|p| problems.push(p)).ok();

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Response {
            id,
            source: entry.source,
            wave: wave.filter(|w| !w.is_empty()),
            answers,
            segments,
            importance: previous.map(|r| r.importance.clone()).unwrap_or_default(),
            nps,
            csat,
            ces,
            comment: comment.filter(|c| !c.is_empty()),
        })
    }

    /// Adds one response typed by hand at the end; a blank id gets `manual-N`, a new wave
    /// name creates the wave. Returns the stored id.
    ///
    /// # Errors
    /// Every problem, in form order: a too long id or one another response has, a too long
    /// wave, a segment line that is not `name=value` or repeats a name, an unknown item, an
    /// answer that is not a number or is outside the scale, an NPS/CSAT/CES answer outside
    /// its range, a too long comment. The project is unchanged.
    pub fn add_response(&mut self, entry: &ResponseEntry) -> Result<String, Vec<ResponseError>> {
        let response = self.build_response(None, entry)?;
        if let Some(wave) = &response.wave {
            self.ensure_wave(wave);
        }
        let id = response.id_str().to_owned();
        self.responses.push(response);
        Ok(id)
    }

    /// Replaces the response at `position`, which must still have the id `id` (the table's
    /// copy may be older than storage). Importance points and answers to items no longer in
    /// the project are kept. Returns the stored id.
    ///
    /// # Errors
    /// As [`Project::add_response`], and `NotFound` when no response with `id` is at
    /// `position`. The project is unchanged.
    pub fn update_response(&mut self, position: usize, id: &str, entry: &ResponseEntry) -> Result<String, Vec<ResponseError>> {
        if self.responses.get(position).is_none_or(|r| r.id_str() != id) {
            return Err(vec![ResponseError::NotFound { id: id.to_owned() }]);
        }
        let response = self.build_response(Some(position), entry)?;
        if let Some(wave) = &response.wave {
            self.ensure_wave(wave);
        }
        let stored = response.id_str().to_owned();
        self.responses[position] = response;
        Ok(stored)
    }

    /// Deletes the response at `position`, which must still have the id `id`; returns it.
    ///
    /// # Errors
    /// `NotFound` when no response with `id` is at `position`; the project is unchanged.
    pub fn delete_response(&mut self, position: usize, id: &str) -> Result<Response, ResponseError> {
        if self.responses.get(position).is_none_or(|r| r.id_str() != id) {
            return Err(ResponseError::NotFound { id: id.to_owned() });
        }
        Ok(self.responses.remove(position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DimensionCode, ProjectId};
    use crate::template::SERVQUAL;

    fn project() -> Project {
        Project::new(ProjectId::new("p").unwrap(), "P", Scale::SEVEN, SERVQUAL.dimensions(), SERVQUAL.items()).unwrap()
    }

    fn code(text: &str) -> ItemCode {
        ItemCode::new(text).unwrap()
    }

    fn entry(id: &str) -> ResponseEntry {
        ResponseEntry {
            id: id.into(),
            wave: "2026 Q1".into(),
            segments: "channel = web\n\n customer=business ".into(),
            answers: vec![(code("TAN1"), "7".into(), "5,5".into()), (code("REL1"), "".into(), "4".into()), (code("REL2"), "".into(), "".into())],
            nps: "9".into(),
            csat: "4".into(),
            ces: "".into(),
            comment: "  Fine \"stay\"\n".into(),
            ..ResponseEntry::default()
        }
    }

    #[test]
    fn a_valid_entry_is_added_with_its_wave() {
        let mut project = project();
        assert_eq!(project.add_response(&entry("A1")), Ok("A1".to_owned()));
        let r = &project.responses[0];
        assert_eq!(r.wave.as_deref(), Some("2026 Q1"));
        assert_eq!(project.waves.len(), 1);
        assert_eq!(project.current_wave.as_deref(), Some("2026 Q1"));
        assert_eq!(r.answers.len(), 2, "an item with neither value is not stored");
        assert_eq!(r.answers[&code("TAN1")], Answer { expectation: Some(7.0), perception: Some(5.5) });
        assert_eq!(r.answers[&code("REL1")], Answer { expectation: None, perception: Some(4.0) });
        assert_eq!(r.segments.get("channel").map(String::as_str), Some("web"));
        assert_eq!(r.segments.get("customer").map(String::as_str), Some("business"));
        assert_eq!((r.nps, r.csat, r.ces), (Some(9), Some(4), None));
        assert_eq!(r.comment.as_deref(), Some("Fine \"stay\""));
        assert_eq!(r.items_answered(), 2);
    }

    #[test]
    fn a_blank_id_is_generated_and_unique() {
        let mut project = project();
        assert_eq!(project.add_response(&entry("manual-1")).unwrap(), "manual-1");
        assert_eq!(project.add_response(&entry(" ")).unwrap(), "manual-2");
    }

    #[test]
    fn every_problem_is_listed_and_nothing_changes() {
        let mut project = project();
        project.add_response(&entry("A1")).unwrap();
        let before = project.clone();
        let bad = ResponseEntry {
            id: "A1".into(),
            wave: "w".repeat(61),
            segments: "channel\nx=1\nx=2".into(),
            answers: vec![(code("TAN1"), "8".into(), "abc".into()), (code("NOPE"), "1".into(), "".into())],
            nps: "11".into(),
            csat: "4.5".into(),
            ces: "0".into(),
            comment: "c".repeat(2001),
            ..ResponseEntry::default()
        };
        let problems = project.add_response(&bad).unwrap_err();
        assert_eq!(project, before);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let expected = [
            "respondent id \u{201c}A1\u{201d} is already used",
            "wave is 61 characters long",
            "segment on line 1 \u{201c}channel\u{201d} is not written as name=value",
            "segment \u{201c}x\u{201d} on line 3 is given twice",
            "expectation (E) for item TAN1 \u{201c}8\u{201d} is outside the scale 1–7",
            "perception (P) for item TAN1 \u{201c}abc\u{201d} is not a number",
            "item NOPE is not in this project",
            "NPS answer \u{201c}11\u{201d} must be a whole number from 0 to 10",
            "CSAT answer \u{201c}4.5\u{201d} must be a whole number from 1 to 5",
            "CES answer \u{201c}0\u{201d} must be a whole number from 1 to 7",
            "comment is 2001 characters long",
        ];
        assert_eq!(text.len(), expected.len(), "{text:#?}");
        for (got, want) in text.iter().zip(expected) {
            assert!(got.contains(want), "{got} should contain {want}");
        }
        assert_eq!(problems[0].field(), Some(ResponseField::Id));
        assert_eq!(problems[2].field(), Some(ResponseField::Segments { line: 1 }));
    }

    #[test]
    fn edit_keeps_its_own_id_importance_and_unknown_items() {
        let mut project = project();
        project.add_response(&entry("A1")).unwrap();
        project.add_response(&entry("B2")).unwrap();
        project.responses[0].importance.insert(DimensionCode::new("rel").unwrap(), 40.0);
        project.responses[0].answers.insert(code("OLD1"), Answer { expectation: Some(3.0), perception: None });

        let mut form = ResponseEntry::from_response(&project, &project.responses[0]);
        assert_eq!(form.id, "A1");
        assert_eq!(form.answers.len(), 22);
        assert_eq!(form.answers[0], (code("TAN1"), "7".into(), "5.5".into()));
        assert_eq!(form.segments, "channel=web\ncustomer=business");
        form.nps = "3".into();
        form.answers[0].2 = "".into();
        form.source = Source::Management;
        assert_eq!(project.update_response(0, "A1", &form), Ok("A1".to_owned()));
        let r = &project.responses[0];
        assert_eq!((r.nps, r.source), (Some(3), Source::Management));
        assert_eq!(r.answers[&code("TAN1")], Answer { expectation: Some(7.0), perception: None });
        assert_eq!(r.answers[&code("OLD1")].expectation, Some(3.0));
        assert_eq!(r.importance.len(), 1);

        // Taking another response's id is refused; a stale position is refused.
        form.id = "B2".into();
        assert!(matches!(project.update_response(0, "A1", &form).unwrap_err()[0], ResponseError::DuplicateId { .. }));
        assert!(matches!(project.update_response(1, "A1", &form).unwrap_err()[0], ResponseError::NotFound { .. }));
    }

    #[test]
    fn delete_checks_the_id_at_the_position() {
        let mut project = project();
        project.add_response(&entry("A1")).unwrap();
        project.add_response(&entry("B2")).unwrap();
        assert!(project.delete_response(0, "B2").is_err());
        assert_eq!(project.responses.len(), 2);
        assert_eq!(project.delete_response(1, "B2").unwrap().id_str(), "B2");
        assert_eq!(project.responses.len(), 1);
        assert!(project.delete_response(5, "A1").is_err());
    }

    #[test]
    fn the_filter_combines_wave_source_and_id_text() {
        let mut project = project();
        project.add_response(&entry("Cust-1")).unwrap();
        project.add_response(&ResponseEntry { wave: String::new(), ..entry("cust-2") }).unwrap();
        project.add_response(&ResponseEntry { source: Source::Management, ..entry("Boss") }).unwrap();
        let all = ResponseFilter::default();
        assert_eq!(project.filter_responses(&all), vec![0, 1, 2]);
        let q1 = ResponseFilter { wave: Some(Some("2026 Q1".into())), ..ResponseFilter::default() };
        assert_eq!(project.filter_responses(&q1), vec![0, 2]);
        let none = ResponseFilter { wave: Some(None), ..ResponseFilter::default() };
        assert_eq!(project.filter_responses(&none), vec![1]);
        let managers = ResponseFilter { source: Some(Source::Management), ..ResponseFilter::default() };
        assert_eq!(project.filter_responses(&managers), vec![2]);
        let text = ResponseFilter { id_text: " CUST ".into(), ..ResponseFilter::default() };
        assert_eq!(project.filter_responses(&text), vec![0, 1]);
        assert!(text.matches(&project.responses[1]));
    }
}
