//! Data entered by hand on the Data page: a manager's view (M and S per item), delivery
//! measurements of the standards' KPIs, and complaints.
//!
//! Each change is a method on [`Project`] that takes the form's text as typed, validates all
//! of it, and changes the project only when every field is valid: on `Err` the project is
//! exactly as before. Errors name the field and the value, so the form can show them as is.

use super::{sentence, validate_name, Complaint, ItemCode, Kpi, Measurement, Project, RespondentId, Response, Scale, Source, Standard, Wave};
use crate::format::count;
use crate::i18n::tr;
use crate::import::parse_number;
use std::fmt;

/// The longest wave name accepted from a form.
pub const WAVE_NAME_MAX: usize = 60;
/// The longest complaint text accepted.
pub const COMPLAINT_TEXT_MAX: usize = 2_000;
/// The longest complaint category accepted.
pub const CATEGORY_MAX: usize = 80;
/// The longest manager id accepted (the same limit as any respondent id).
pub const MANAGER_ID_MAX: usize = 100;

/// A field of an entry form, named the way the form labels it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// The manager's id or name.
    ManagerId,
    /// The wave.
    Wave,
    /// M, management's estimate of what customers expect, for an item.
    Expectation(ItemCode),
    /// S, management's rating of how well the business delivers, for an item.
    Delivery(ItemCode),
    /// The standard measured.
    Standard,
    /// The measured value.
    Value,
    /// The complaint's date.
    Date,
    /// The touchpoint a complaint concerns.
    Touchpoint,
    /// The complaint's category.
    Category,
    /// What the customer said.
    Text,
}

impl Field {
    /// The field's name in a sentence ("M (what customers expect) for item REL1").
    pub fn label(&self) -> String {
        match self {
            Field::ManagerId => t!("manager id or name").into(),
            Field::Wave => t!("wave").into(),
            Field::Expectation(code) => t!("M (what customers expect) for item {code}", code = code),
            Field::Delivery(code) => t!("S (how well we deliver) for item {code}", code = code),
            Field::Standard => t!("standard").into(),
            Field::Value => t!("measured value").into(),
            Field::Date => t!("date").into(),
            Field::Touchpoint => t!("touchpoint").into(),
            Field::Category => t!("category").into(),
            Field::Text => t!("complaint text").into(),
        }
    }
}

/// Why an entry was not stored. Every variant names the field (and the value) at fault.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EntryError {
    /// A required field is blank.
    Required { field: Field },
    /// A field holds more characters than allowed.
    TooLong { field: Field, max: usize, length: usize },
    /// Another response already has this id.
    DuplicateId { id: String },
    /// Not a plain number (decimal point or comma, no thousands separators).
    NotANumber { field: Field, value: String },
    /// A rating outside the project's scale.
    OutOfScale { field: Field, value: String, scale: Scale },
    /// A manager's view with not a single M or S value.
    NoAnswers,
    /// An item code the project does not have.
    UnknownItem { code: String },
    /// A standard the project does not have.
    UnknownStandard { id: String },
    /// A standard without a KPI target cannot be measured.
    NoKpi { standard: String },
    /// A touchpoint that is not in the journey.
    UnknownTouchpoint { code: String },
    /// Not an ISO 8601 calendar date (YYYY-MM-DD).
    Date { value: String },
    /// The entry to change or delete is not there (changed in another tab?).
    NotFound { what: &'static str, id: String },
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            EntryError::Required { field } => t!("The {field} is required.", field = field.label()),
            EntryError::TooLong { field, max, length } => t!(
                "The {field} is {length} characters long; at most {max} are allowed.",
                field = field.label(),
                length = count(*length),
                max = count(*max)
            ),
            EntryError::DuplicateId { id } => t!(
                "The manager id or name \u{201c}{id}\u{201d} is already used by another response; choose another.",
                id = id
            ),
            EntryError::NotANumber { field, value } => t!(
                "The {field} \u{201c}{value}\u{201d} is not a number; write it like 5 or 5,5.",
                field = field.label(),
                value = value
            ),
            EntryError::OutOfScale { field, value, scale } => t!(
                "The {field} \u{201c}{value}\u{201d} is outside the scale {scale}.",
                field = field.label(),
                value = value,
                scale = scale
            ),
            EntryError::NoAnswers => t!("Enter at least one M or S value.").to_owned(),
            EntryError::UnknownItem { code } => t!("The item {code} is not in this project.", code = code),
            EntryError::UnknownStandard { id } => t!(
                "The standard \u{201c}{id}\u{201d} is not in this project; it may have been removed on the Items page.",
                id = id
            ),
            EntryError::NoKpi { standard } => t!(
                "The standard \u{201c}{standard}\u{201d} has no KPI target, so it cannot be measured.",
                standard = standard
            ),
            EntryError::UnknownTouchpoint { code } => {
                t!("The touchpoint \u{201c}{code}\u{201d} is not in the journey.", code = code)
            }
            EntryError::Date { value } => t!(
                "The date \u{201c}{value}\u{201d} is not a calendar date written as YYYY-MM-DD.",
                value = value
            ),
            EntryError::NotFound { what, id } => t!(
                "The {what} \u{201c}{id}\u{201d} is no longer there; it may have been changed in another tab. Reload the page.",
                what = tr(*what),
                id = id
            ),
        };
        f.write_str(&sentence(&text))
    }
}

impl std::error::Error for EntryError {}

impl EntryError {
    /// The field at fault, when the problem is with one field.
    pub fn field(&self) -> Option<&Field> {
        match self {
            EntryError::Required { field }
            | EntryError::TooLong { field, .. }
            | EntryError::NotANumber { field, .. }
            | EntryError::OutOfScale { field, .. } => Some(field),
            EntryError::DuplicateId { .. } => Some(&Field::ManagerId),
            EntryError::UnknownStandard { .. } | EntryError::NoKpi { .. } => Some(&Field::Standard),
            EntryError::UnknownTouchpoint { .. } => Some(&Field::Touchpoint),
            EntryError::Date { .. } => Some(&Field::Date),
            EntryError::NoAnswers | EntryError::UnknownItem { .. } | EntryError::NotFound { .. } => None,
        }
    }
}

/// One manager's answers for one wave, as typed in the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagementEntry {
    /// The manager's id or name.
    pub id: String,
    /// The wave's name; a new name creates the wave.
    pub wave: String,
    /// Per item: its code, M as typed and S as typed (blank = no answer).
    pub answers: Vec<(ItemCode, String, String)>,
}

/// A delivery measurement as typed in the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasurementEntry {
    /// The standard's id.
    pub standard: String,
    /// The wave's name; a new name creates the wave.
    pub wave: String,
    /// The value in the KPI's unit, decimal point or comma.
    pub value: String,
}

/// A complaint as typed in the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintEntry {
    /// ISO 8601 date, YYYY-MM-DD.
    pub date: String,
    /// The wave's name; blank = no wave, a new name creates the wave.
    pub wave: String,
    /// The touchpoint's code, or `None`.
    pub touchpoint: Option<String>,
    /// A short category; may be blank.
    pub category: String,
    /// What the customer said; required.
    pub text: String,
}

/// Trims `value` and checks it is at most `max` characters.
fn bounded(field: Field, value: &str, max: usize) -> Result<String, EntryError> {
    let value = value.trim();
    let length = value.chars().count();
    if length > max {
        return Err(EntryError::TooLong { field, max, length });
    }
    Ok(value.to_owned())
}

/// A required wave name: trimmed, non-empty, at most [`WAVE_NAME_MAX`] characters.
fn wave_name(value: &str) -> Result<String, EntryError> {
    let name = bounded(Field::Wave, value, WAVE_NAME_MAX)?;
    if name.is_empty() {
        return Err(EntryError::Required { field: Field::Wave });
    }
    Ok(name)
}

/// A rating as typed: blank is `None`; otherwise a number on `scale`.
fn rating(field: Field, text: &str, scale: Scale) -> Result<Option<f64>, EntryError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = parse_number(text).ok_or_else(|| EntryError::NotANumber { field: field.clone(), value: text.to_owned() })?;
    if !scale.contains(value) {
        return Err(EntryError::OutOfScale { field, value: text.to_owned(), scale });
    }
    Ok(Some(value))
}

/// Whether `text` is a calendar date written `YYYY-MM-DD` (years 1000–9999).
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !text.is_ascii() || bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else { return false };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1000 && (1..=days).contains(&day)
}

impl Response {
    /// Number of items with an expectation, a perception or both.
    pub fn items_answered(&self) -> usize {
        self.answers.values().filter(|a| a.expectation.is_some() || a.perception.is_some()).count()
    }
}

impl Project {
    /// Adds the wave `name` at the end unless it exists, and makes it the current wave when
    /// there is none.
    pub fn ensure_wave(&mut self, name: &str) {
        if !self.waves.iter().any(|w| w.name == name) {
            self.waves.push(Wave { name: name.to_owned(), date: None });
        }
        if self.current_wave.is_none() {
            self.current_wave = Some(name.to_owned());
        }
    }

    /// The management responses, in stored order.
    pub fn management_responses(&self) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(|r| r.source == Source::Management)
    }

    /// Stores one manager's view: a new response when `editing` is `None`, otherwise it
    /// replaces the management response whose id is `editing` (in place, keeping any other
    /// data it has, such as answers to items no longer in the project). A new wave name
    /// creates the wave. Returns the stored id.
    ///
    /// # Errors
    /// Every problem, in form order: a blank or too long id, an id another response has, a
    /// blank or too long wave, an unknown item, a value that is not a number or is outside
    /// the scale, no value at all, or `editing` naming no management response. The project
    /// is unchanged.
    pub fn upsert_management_response(
        &mut self,
        editing: Option<&str>,
        entry: &ManagementEntry,
    ) -> Result<RespondentId, Vec<EntryError>> {
        let mut problems = Vec::new();
        let position = match editing {
            None => None,
            Some(old) => match self.responses.iter().position(|r| r.source == Source::Management && r.id_str() == old) {
                Some(position) => Some(position),
                None => return Err(vec![EntryError::NotFound { what: k!("management response"), id: old.to_owned() }]),
            },
        };

        let id = match validate_name(k!("manager id"), &entry.id, MANAGER_ID_MAX) {
            Ok(text) => {
                let taken = self
                    .responses
                    .iter()
                    .enumerate()
                    .any(|(i, r)| Some(i) != position && r.id_str() == text);
                if taken {
                    problems.push(EntryError::DuplicateId { id: text.clone() });
                }
                RespondentId::new(&text).ok()
            }
            Err(_) if entry.id.trim().is_empty() => {
                problems.push(EntryError::Required { field: Field::ManagerId });
                None
            }
            Err(_) => {
                let length = entry.id.trim().chars().count();
                problems.push(EntryError::TooLong { field: Field::ManagerId, max: MANAGER_ID_MAX, length });
                None
            }
        };
        let wave = wave_name(&entry.wave).map_err(|e| problems.push(e)).ok();

        let mut answers = std::collections::BTreeMap::new();
        for (code, m, s) in &entry.answers {
            let Some(item) = self.item(code.as_str()) else {
                problems.push(EntryError::UnknownItem { code: code.to_string() });
                continue;
            };
            let code = item.code.clone();
            let expectation = rating(Field::Expectation(code.clone()), m, self.scale).map_err(|e| problems.push(e)).ok().flatten();
            let perception = rating(Field::Delivery(code.clone()), s, self.scale).map_err(|e| problems.push(e)).ok().flatten();
            if expectation.is_some() || perception.is_some() {
                answers.insert(code, super::Answer { expectation, perception });
            }
        }
        if problems.is_empty() && answers.is_empty() {
            problems.push(EntryError::NoAnswers);
        }
        let (Some(id), Some(wave), true) = (id, wave, problems.is_empty()) else { return Err(problems) };

        self.ensure_wave(&wave);
        match position {
            Some(position) => {
                let response = &mut self.responses[position];
                // Answers to items the form did not show are kept; the form's items are replaced.
                response.answers.retain(|code, _| !entry.answers.iter().any(|(c, _, _)| c.as_str().eq_ignore_ascii_case(code.as_str())));
                response.answers.extend(answers);
                response.id = Some(id.clone());
                response.wave = Some(wave);
            }
            None => self.responses.push(Response {
                id: Some(id.clone()),
                source: Source::Management,
                wave: Some(wave),
                answers,
                ..Response::default()
            }),
        }
        Ok(id)
    }

    /// Deletes the management response with `id` and returns it.
    ///
    /// # Errors
    /// `EntryError::NotFound` when no management response has that id; nothing changes.
    pub fn remove_management_response(&mut self, id: &str) -> Result<Response, EntryError> {
        let position = self
            .responses
            .iter()
            .position(|r| r.source == Source::Management && r.id_str() == id)
            .ok_or_else(|| EntryError::NotFound { what: k!("management response"), id: id.to_owned() })?;
        Ok(self.responses.remove(position))
    }

    /// The standards that have a KPI target, in project order.
    pub fn standards_with_kpi(&self) -> impl Iterator<Item = (&Standard, &Kpi)> {
        self.standards.iter().filter_map(|s| s.kpi.as_ref().map(|kpi| (s, kpi)))
    }

    /// The standard with `id`.
    pub fn standard(&self, id: &str) -> Option<&Standard> {
        self.standards.iter().find(|s| s.id == id)
    }

    /// Adds a delivery measurement of a standard's KPI; a new wave name creates the wave.
    ///
    /// # Errors
    /// Every problem, in form order: a blank, unknown or KPI-less standard, a blank or too
    /// long wave, a blank value or one that is not a number. The project is unchanged.
    pub fn add_measurement(&mut self, entry: &MeasurementEntry) -> Result<(), Vec<EntryError>> {
        let mut problems = Vec::new();
        let standard = entry.standard.trim();
        match self.standard(standard) {
            _ if standard.is_empty() => problems.push(EntryError::Required { field: Field::Standard }),
            None => problems.push(EntryError::UnknownStandard { id: standard.to_owned() }),
            Some(found) if found.kpi.is_none() => problems.push(EntryError::NoKpi { standard: found.text.clone() }),
            Some(_) => {}
        }
        let wave = wave_name(&entry.wave).map_err(|e| problems.push(e)).ok();
        let text = entry.value.trim();
        let value = if text.is_empty() {
            problems.push(EntryError::Required { field: Field::Value });
            None
        } else {
            parse_number(text).or_else(|| {
                problems.push(EntryError::NotANumber { field: Field::Value, value: text.to_owned() });
                None
            })
        };
        let (Some(wave), Some(value), true) = (wave, value, problems.is_empty()) else { return Err(problems) };
        self.ensure_wave(&wave);
        self.measurements.push(Measurement { standard: standard.to_owned(), wave, value });
        Ok(())
    }

    /// Deletes the measurement at `index` (its position in `self.measurements`) and returns it.
    ///
    /// # Errors
    /// `EntryError::NotFound` when there is no such measurement; nothing changes.
    pub fn remove_measurement(&mut self, index: usize) -> Result<Measurement, EntryError> {
        if index >= self.measurements.len() {
            return Err(EntryError::NotFound { what: k!("measurement"), id: format!("#{}", index + 1) });
        }
        Ok(self.measurements.remove(index))
    }

    /// Adds a complaint; a new wave name creates the wave, a blank one leaves it without.
    ///
    /// # Errors
    /// Every problem, in form order: a date that is not YYYY-MM-DD, a too long wave, a
    /// touchpoint not in the journey, a too long category, a blank text or one longer than
    /// [`COMPLAINT_TEXT_MAX`] characters. The project is unchanged.
    pub fn add_complaint(&mut self, entry: &ComplaintEntry) -> Result<(), Vec<EntryError>> {
        let mut problems = Vec::new();
        let date = entry.date.trim();
        if date.is_empty() {
            problems.push(EntryError::Required { field: Field::Date });
        } else if !is_iso_date(date) {
            problems.push(EntryError::Date { value: date.to_owned() });
        }
        let wave = bounded(Field::Wave, &entry.wave, WAVE_NAME_MAX).map_err(|e| problems.push(e)).unwrap_or_default();
        let touchpoint = entry.touchpoint.as_deref().map(str::trim).filter(|t| !t.is_empty());
        if let Some(code) = touchpoint {
            if !self.journey.stages.iter().flat_map(|s| &s.touchpoints).any(|t| t.code == code) {
                problems.push(EntryError::UnknownTouchpoint { code: code.to_owned() });
            }
        }
        let category = bounded(Field::Category, &entry.category, CATEGORY_MAX).map_err(|e| problems.push(e)).unwrap_or_default();
        let text = entry.text.trim();
        let length = text.chars().count();
        if text.is_empty() {
            problems.push(EntryError::Required { field: Field::Text });
        } else if length > COMPLAINT_TEXT_MAX {
            problems.push(EntryError::TooLong { field: Field::Text, max: COMPLAINT_TEXT_MAX, length });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let wave = (!wave.is_empty()).then_some(wave);
        if let Some(wave) = &wave {
            self.ensure_wave(wave);
        }
        self.complaints.push(Complaint {
            date: date.to_owned(),
            wave,
            touchpoint: touchpoint.map(str::to_owned),
            category,
            text: text.to_owned(),
        });
        Ok(())
    }

    /// Deletes the complaint at `index` (its position in `self.complaints`) and returns it.
    ///
    /// # Errors
    /// `EntryError::NotFound` when there is no such complaint; nothing changes.
    pub fn remove_complaint(&mut self, index: usize) -> Result<Complaint, EntryError> {
        if index >= self.complaints.len() {
            return Err(EntryError::NotFound { what: k!("complaint"), id: format!("#{}", index + 1) });
        }
        Ok(self.complaints.remove(index))
    }

    /// The complaints with their stored positions, newest date first; complaints of the same
    /// date with the one entered last first.
    pub fn complaints_newest_first(&self) -> Vec<(usize, &Complaint)> {
        let mut list: Vec<(usize, &Complaint)> = self.complaints.iter().enumerate().collect();
        crate::sort::sort_by(&mut list, |(ia, a), (ib, b)| b.date.cmp(&a.date).then(ib.cmp(ia)));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Direction, Journey, ProjectId, Stage, Touchpoint};
    use crate::template::SERVQUAL;

    fn project() -> Project {
        let mut project =
            Project::new(ProjectId::new("p1").unwrap(), "Bistro", Scale::SEVEN, SERVQUAL.dimensions(), SERVQUAL.items())
                .unwrap();
        project.standards = vec![
            Standard {
                id: "s1".into(),
                text: "Answer the phone within 20 seconds".into(),
                item: None,
                touchpoint: None,
                kpi: Some(Kpi { target: 20.0, unit: "s".into(), direction: Direction::AtMost }),
            },
            Standard { id: "s2".into(), text: "Be kind".into(), item: None, touchpoint: None, kpi: None },
        ];
        project.journey = Journey {
            stages: vec![Stage {
                name: "Buy".into(),
                touchpoints: vec![Touchpoint {
                    code: "phone".into(),
                    name: "Phone".into(),
                    channel: Channel::Phone,
                    critical: false,
                    owner: String::new(),
                }],
            }],
        };
        project
    }

    fn code(text: &str) -> ItemCode {
        ItemCode::new(text).unwrap()
    }

    fn manager(id: &str, wave: &str, answers: &[(&str, &str, &str)]) -> ManagementEntry {
        ManagementEntry {
            id: id.into(),
            wave: wave.into(),
            answers: answers.iter().map(|(c, m, s)| (code(c), (*m).into(), (*s).into())).collect(),
        }
    }

    #[test]
    fn a_manager_view_is_stored_with_decimal_comma_and_blanks_and_creates_its_wave() {
        let mut project = project();
        let id = project
            .upsert_management_response(None, &manager(" Anna ", "2026 Q1", &[("REL1", "6,5", "5"), ("REL2", "", "4.5"), ("REL3", "", "")]))
            .unwrap();
        assert_eq!(id.as_str(), "Anna");
        let response = &project.responses[0];
        assert_eq!(response.source, Source::Management);
        assert_eq!(response.wave.as_deref(), Some("2026 Q1"));
        assert_eq!(response.answers[&code("REL1")], crate::model::Answer { expectation: Some(6.5), perception: Some(5.0) });
        assert_eq!(response.answers[&code("REL2")], crate::model::Answer { expectation: None, perception: Some(4.5) });
        assert!(!response.answers.contains_key(&code("REL3")), "a row left blank is no answer");
        assert_eq!(response.items_answered(), 2);
        assert_eq!(project.waves, vec![Wave { name: "2026 Q1".into(), date: None }]);
        assert_eq!(project.current_wave.as_deref(), Some("2026 Q1"));
    }

    #[test]
    fn every_bad_field_is_named_and_nothing_changes() {
        let mut project = project();
        let before = project.clone();
        let problems = project
            .upsert_management_response(None, &manager("  ", "", &[("REL1", "9", "x"), ("REL2", "0,5", "7")]))
            .unwrap_err();
        assert_eq!(
            problems,
            vec![
                EntryError::Required { field: Field::ManagerId },
                EntryError::Required { field: Field::Wave },
                EntryError::OutOfScale { field: Field::Expectation(code("REL1")), value: "9".into(), scale: Scale::SEVEN },
                EntryError::NotANumber { field: Field::Delivery(code("REL1")), value: "x".into() },
                EntryError::OutOfScale { field: Field::Expectation(code("REL2")), value: "0,5".into(), scale: Scale::SEVEN },
            ]
        );
        assert_eq!(
            problems[2].to_string(),
            "The M (what customers expect) for item REL1 \u{201c}9\u{201d} is outside the scale 1–7."
        );
        assert_eq!(
            problems[3].to_string(),
            "The S (how well we deliver) for item REL1 \u{201c}x\u{201d} is not a number; write it like 5 or 5,5."
        );
        assert_eq!(project, before);
    }

    #[test]
    fn a_view_needs_an_answer_and_a_unique_id() {
        let mut project = project();
        let empty = project.upsert_management_response(None, &manager("Anna", "W1", &[("REL1", " ", "")])).unwrap_err();
        assert_eq!(empty, vec![EntryError::NoAnswers]);
        project.upsert_management_response(None, &manager("Anna", "W1", &[("REL1", "5", "")])).unwrap();
        let before = project.clone();
        let duplicate = project.upsert_management_response(None, &manager("Anna", "W2", &[("REL1", "5", "")])).unwrap_err();
        assert_eq!(duplicate, vec![EntryError::DuplicateId { id: "Anna".into() }]);
        assert!(duplicate[0].to_string().contains("\u{201c}Anna\u{201d} is already used"));
        // Customer ids count too: ids are unique among all responses.
        project.responses.push(Response { id: RespondentId::new("c1").ok(), ..Response::default() });
        let clash = project.upsert_management_response(None, &manager("c1", "W1", &[("REL1", "5", "")])).unwrap_err();
        assert_eq!(clash, vec![EntryError::DuplicateId { id: "c1".into() }]);
        project.responses.pop();
        assert_eq!(project, before);
        let long = "x".repeat(101);
        let too_long = project.upsert_management_response(None, &manager(&long, "W1", &[("REL1", "5", "")])).unwrap_err();
        assert_eq!(too_long, vec![EntryError::TooLong { field: Field::ManagerId, max: 100, length: 101 }]);
    }

    #[test]
    fn editing_replaces_in_place_keeps_other_data_and_may_rename() {
        let mut project = project();
        project.upsert_management_response(None, &manager("Anna", "W1", &[("REL1", "5", "6")])).unwrap();
        project.upsert_management_response(None, &manager("Bo", "W1", &[("REL1", "4", "4")])).unwrap();
        project.responses[0].answers.insert(code("OLD1"), crate::model::Answer { expectation: Some(3.0), perception: None });
        project.responses[0].comment = Some("kept".into());

        // Keeping the same id is not a duplicate of itself.
        project.upsert_management_response(Some("Anna"), &manager("Anna", "W2", &[("REL1", "", "7"), ("REL2", "2", "")])).unwrap();
        let anna = &project.responses[0];
        assert_eq!(anna.wave.as_deref(), Some("W2"));
        assert_eq!(anna.answers[&code("REL1")], crate::model::Answer { expectation: None, perception: Some(7.0) });
        assert_eq!(anna.answers[&code("REL2")].expectation, Some(2.0));
        assert!(anna.answers.contains_key(&code("OLD1")), "answers to items the form did not show stay");
        assert_eq!(anna.comment.as_deref(), Some("kept"));
        assert_eq!(project.waves.len(), 2);

        // Renaming onto another response's id is refused; renaming to a free id works.
        let clash = project.upsert_management_response(Some("Anna"), &manager("Bo", "W2", &[("REL1", "5", "")])).unwrap_err();
        assert_eq!(clash, vec![EntryError::DuplicateId { id: "Bo".into() }]);
        project.upsert_management_response(Some("Anna"), &manager("Anna L.", "W2", &[("REL1", "5", "")])).unwrap();
        assert_eq!(project.responses[0].id_str(), "Anna L.");
        assert_eq!(project.responses.len(), 2);

        let gone = project.upsert_management_response(Some("Nobody"), &manager("X", "W1", &[("REL1", "5", "")])).unwrap_err();
        assert_eq!(gone, vec![EntryError::NotFound { what: "management response", id: "Nobody".into() }]);
    }

    #[test]
    fn only_management_responses_are_removed_by_the_management_form() {
        let mut project = project();
        project.responses.push(Response { id: RespondentId::new("c1").ok(), ..Response::default() });
        project.upsert_management_response(None, &manager("Anna", "W1", &[("REL1", "5", "")])).unwrap();
        assert!(matches!(project.remove_management_response("c1"), Err(EntryError::NotFound { .. })));
        assert_eq!(project.remove_management_response("Anna").unwrap().id_str(), "Anna");
        assert_eq!(project.management_responses().count(), 0);
        assert_eq!(project.responses.len(), 1);
        assert_eq!(project.waves.len(), 1, "the wave stays");
    }

    #[test]
    fn unknown_items_are_refused() {
        let mut project = project();
        let problems = project.upsert_management_response(None, &manager("Anna", "W1", &[("NOPE", "5", "")])).unwrap_err();
        assert_eq!(problems, vec![EntryError::UnknownItem { code: "NOPE".into() }]);
    }

    #[test]
    fn a_measurement_is_added_with_decimal_comma_and_creates_its_wave() {
        let mut project = project();
        project.add_measurement(&MeasurementEntry { standard: "s1".into(), wave: " 2026 Q1 ".into(), value: "18,5".into() }).unwrap();
        assert_eq!(project.measurements, vec![Measurement { standard: "s1".into(), wave: "2026 Q1".into(), value: 18.5 }]);
        assert_eq!(project.waves[0].name, "2026 Q1");
        let (_, kpi) = project.standards_with_kpi().next().unwrap();
        assert!(kpi.is_met(18.5));
        assert_eq!(project.standards_with_kpi().count(), 1);
    }

    #[test]
    fn bad_measurements_name_the_field_and_change_nothing() {
        let mut project = project();
        let before = project.clone();
        let entry = |standard: &str, wave: &str, value: &str| MeasurementEntry {
            standard: standard.into(),
            wave: wave.into(),
            value: value.into(),
        };
        assert_eq!(
            project.add_measurement(&entry("", "", "")).unwrap_err(),
            vec![
                EntryError::Required { field: Field::Standard },
                EntryError::Required { field: Field::Wave },
                EntryError::Required { field: Field::Value },
            ]
        );
        assert_eq!(
            project.add_measurement(&entry("s9", "W1", "1.234,5")).unwrap_err(),
            vec![
                EntryError::UnknownStandard { id: "s9".into() },
                EntryError::NotANumber { field: Field::Value, value: "1.234,5".into() },
            ]
        );
        let no_kpi = project.add_measurement(&entry("s2", "W1", "3")).unwrap_err();
        assert_eq!(no_kpi, vec![EntryError::NoKpi { standard: "Be kind".into() }]);
        assert_eq!(no_kpi[0].to_string(), "The standard \u{201c}Be kind\u{201d} has no KPI target, so it cannot be measured.");
        let long_wave = "w".repeat(61);
        assert!(matches!(
            project.add_measurement(&entry("s1", &long_wave, "3")).unwrap_err()[..],
            [EntryError::TooLong { field: Field::Wave, max: 60, length: 61 }]
        ));
        assert_eq!(project, before);
    }

    #[test]
    fn measurements_are_removed_by_position() {
        let mut project = project();
        for value in ["10", "30"] {
            project.add_measurement(&MeasurementEntry { standard: "s1".into(), wave: "W1".into(), value: value.into() }).unwrap();
        }
        assert_eq!(project.remove_measurement(0).unwrap().value, 10.0);
        assert_eq!(project.measurements.len(), 1);
        assert_eq!(project.remove_measurement(5), Err(EntryError::NotFound { what: "measurement", id: "#6".into() }));
        assert_eq!(project.measurements.len(), 1);
    }

    fn complaint(date: &str, text: &str) -> ComplaintEntry {
        ComplaintEntry { date: date.into(), wave: "W1".into(), touchpoint: Some("phone".into()), category: " phone ".into(), text: text.into() }
    }

    #[test]
    fn a_complaint_is_stored_trimmed_with_its_touchpoint_and_wave() {
        let mut project = project();
        project.add_complaint(&complaint("2026-03-01", "  Nobody <b>answered</b>.  ")).unwrap();
        assert_eq!(
            project.complaints,
            vec![Complaint {
                date: "2026-03-01".into(),
                wave: Some("W1".into()),
                touchpoint: Some("phone".into()),
                category: "phone".into(),
                text: "Nobody <b>answered</b>.".into(),
            }]
        );
        assert_eq!(project.waves[0].name, "W1");
        let no_wave = ComplaintEntry { wave: " ".into(), touchpoint: None, ..complaint("2026-03-02", "Cold soup") };
        project.add_complaint(&no_wave).unwrap();
        assert_eq!(project.complaints[1].wave, None);
        assert_eq!(project.complaints[1].touchpoint, None);
        assert_eq!(project.waves.len(), 1);
    }

    #[test]
    fn bad_complaints_name_the_field_and_change_nothing() {
        let mut project = project();
        let before = project.clone();
        let entry = ComplaintEntry {
            date: "2026-02-30".into(),
            wave: String::new(),
            touchpoint: Some("shop".into()),
            category: "c".repeat(81),
            text: "   ".into(),
        };
        assert_eq!(
            project.add_complaint(&entry).unwrap_err(),
            vec![
                EntryError::Date { value: "2026-02-30".into() },
                EntryError::UnknownTouchpoint { code: "shop".into() },
                EntryError::TooLong { field: Field::Category, max: 80, length: 81 },
                EntryError::Required { field: Field::Text },
            ]
        );
        let long = complaint("", &"a".repeat(2_001));
        let problems = project.add_complaint(&long).unwrap_err();
        assert_eq!(
            problems,
            vec![
                EntryError::Required { field: Field::Date },
                EntryError::TooLong { field: Field::Text, max: 2_000, length: 2_001 },
            ]
        );
        assert_eq!(problems[1].to_string(), "The complaint text is 2001 characters long; at most 2000 are allowed.");
        assert_eq!(project, before);
        // Exactly 2,000 characters (not bytes) is fine.
        project.add_complaint(&complaint("2026-01-01", &"å".repeat(2_000))).unwrap();
    }

    #[test]
    fn complaints_list_newest_first_and_are_removed_by_position() {
        let mut project = project();
        for (date, text) in [("2026-01-05", "a"), ("2026-03-01", "b"), ("2026-01-05", "c")] {
            project.add_complaint(&complaint(date, text)).unwrap();
        }
        let order: Vec<&str> = project.complaints_newest_first().iter().map(|(_, c)| c.text.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        assert_eq!(project.complaints_newest_first()[0].0, 1);
        assert_eq!(project.remove_complaint(1).unwrap().text, "b");
        assert!(matches!(project.remove_complaint(2), Err(EntryError::NotFound { .. })));
        assert_eq!(project.complaints.len(), 2);
    }

    #[test]
    fn iso_dates_are_real_calendar_dates() {
        for good in ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-01"] {
            assert!(is_iso_date(good), "{good}");
        }
        for bad in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-01", "2026-01-1x", "", "０２０２-01-01"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn an_existing_wave_is_not_duplicated_and_the_current_wave_stays() {
        let mut project = project();
        project.ensure_wave("W1");
        project.ensure_wave("W2");
        project.ensure_wave("W1");
        assert_eq!(project.waves.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), ["W1", "W2"]);
        assert_eq!(project.current_wave.as_deref(), Some("W1"));
    }

    #[test]
    fn scales_other_than_seven_points_are_respected() {
        let mut project = project();
        project.scale = Scale::new(1, 10).unwrap();
        project.upsert_management_response(None, &manager("Anna", "W1", &[("REL1", "9,5", "10")])).unwrap();
        project.scale = Scale::new(1, 5).unwrap();
        let problems = project.upsert_management_response(None, &manager("Bo", "W1", &[("REL1", "6", "")])).unwrap_err();
        assert_eq!(problems[0].to_string(), "The M (what customers expect) for item REL1 \u{201c}6\u{201d} is outside the scale 1–5.");
    }
}
