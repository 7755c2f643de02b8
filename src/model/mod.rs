//! Projects, dimensions, items, waves and responses: plain serde data, valid by construction.
//!
//! Nothing here touches the browser. The stored form of a project is exactly this data
//! (wrapped in a versioned envelope by `storage`), so every type derives `Serialize` and
//! `Deserialize`, and types with invariants validate them while deserializing too.

use crate::i18n::tr;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub mod actions;
pub mod entries;
pub mod items;
pub mod journey;
pub mod kiosk;
pub mod responses;
pub mod standards;

pub use journey::{Channel, Journey, Stage, Touchpoint};
pub use standards::{Complaint, Direction, Kpi, Measurement, Promise, Standard};

/// Why a value could not be constructed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// The scale is not one of the allowed ones (1–5, 1–7, 1–10).
    Scale { min: i64, max: i64 },
    /// A name or code is empty after trimming.
    Empty { field: &'static str },
    /// A name or code is longer than allowed.
    TooLong { field: &'static str, max: usize },
    /// A code holds characters other than letters, digits, `_`, `-` and `.`.
    Code { field: &'static str, value: String },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ModelError::Scale { min, max } => t!(
                "the scale {min}–{max} is not supported; use 1–5, 1–7 or 1–10",
                min = min,
                max = max
            ),
            ModelError::Empty { field } => t!("the {field} must not be empty", field = tr(*field)),
            ModelError::TooLong { field, max } => t!(
                "the {field} is longer than {max} characters",
                field = tr(*field),
                max = crate::format::count(*max)
            ),
            ModelError::Code { field, value } => t!(
                "the {field} \"{value}\" may only hold letters, digits, '_', '-' and '.'",
                field = tr(*field),
                value = value
            ),
        };
        f.write_str(&text)
    }
}

/// `text` with its first letter in upper case. A translation may open with a place (a field's
/// name, written in lower case to sit inside a sentence) where English opens with "The".
pub(crate) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A figure as typed or stored (as many decimals as it has), with the interface language's
/// decimal mark: "7.5" in English, "7,5" in the Nordic languages.
pub(crate) fn figure(value: f64) -> String {
    let text = value.to_string();
    match crate::i18n::lang().decimal_separator() {
        '.' => text,
        mark => text.replace('.', &mark.to_string()),
    }
}

impl std::error::Error for ModelError {}

/// A rating scale. Only 1–5, 1–7 and 1–10 exist, so `min < max` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScaleRepr", into = "ScaleRepr")]
pub struct Scale {
    min: u8,
    max: u8,
}

#[derive(Serialize, Deserialize)]
struct ScaleRepr {
    min: i64,
    max: i64,
}

impl TryFrom<ScaleRepr> for Scale {
    type Error = ModelError;
    fn try_from(repr: ScaleRepr) -> Result<Self, Self::Error> {
        Scale::new(repr.min, repr.max)
    }
}

impl From<Scale> for ScaleRepr {
    fn from(scale: Scale) -> Self {
        ScaleRepr { min: scale.min.into(), max: scale.max.into() }
    }
}

impl Scale {
    /// The default 1–7 scale.
    pub const SEVEN: Scale = Scale { min: 1, max: 7 };

    /// A scale from `min` to `max`.
    ///
    /// # Errors
    /// `ModelError::Scale` unless the pair is 1–5, 1–7 or 1–10.
    pub fn new(min: i64, max: i64) -> Result<Scale, ModelError> {
        match (min, max) {
            (1, 5) | (1, 7) | (1, 10) => Ok(Scale { min: min as u8, max: max as u8 }),
            _ => Err(ModelError::Scale { min, max }),
        }
    }

    /// The lowest point.
    pub fn min(self) -> u8 {
        self.min
    }

    /// The highest point.
    pub fn max(self) -> u8 {
        self.max
    }

    /// Whether `value` lies on the scale (inclusive).
    pub fn contains(self, value: f64) -> bool {
        value.is_finite() && value >= f64::from(self.min) && value <= f64::from(self.max)
    }

    /// The lowest answer that counts as "top box": the top two points of a 7- or
    /// 10-point scale, the top one of a 5-point scale.
    pub fn top_box_from(self) -> f64 {
        match self.max {
            5 => 5.0,
            max => f64::from(max - 1),
        }
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale::SEVEN
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.min, self.max)
    }
}

/// Checks that `value` is a usable code: non-empty, at most 40 characters of letters,
/// digits, `_`, `-` and `.`.
fn validate_code(field: &'static str, value: &str) -> Result<String, ModelError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ModelError::Empty { field });
    }
    if value.chars().count() > 40 {
        return Err(ModelError::TooLong { field, max: 40 });
    }
    if !value.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) {
        return Err(ModelError::Code { field, value: value.to_owned() });
    }
    Ok(value.to_owned())
}

/// Checks a user-visible name: trimmed, non-empty, at most `max` characters.
pub fn validate_name(field: &'static str, value: &str, max: usize) -> Result<String, ModelError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ModelError::Empty { field });
    }
    if value.chars().count() > max {
        return Err(ModelError::TooLong { field, max });
    }
    Ok(value.to_owned())
}

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $field:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// A validated code.
            ///
            /// # Errors
            /// `ModelError` when the code is empty, too long or holds other characters
            /// than letters, digits, `_`, `-` and `.`.
            pub fn new(value: &str) -> Result<Self, ModelError> {
                validate_code($field, value).map($name)
            }

            /// The code as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ModelError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::new(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_type!(
    /// Identifies a project in this browser; also names its storage key.
    ProjectId, k!("project id")
);
code_type!(
    /// An item's code, e.g. `REL1`. Matched case-insensitively on import.
    ItemCode, k!("item code")
);
code_type!(
    /// A dimension's code, e.g. `rel`.
    DimensionCode, k!("dimension code")
);

/// A respondent's id as given in the file (any text up to 100 characters) or generated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RespondentId(String);

impl RespondentId {
    /// A respondent id: trimmed, non-empty, at most 100 characters.
    ///
    /// # Errors
    /// `ModelError::Empty` or `ModelError::TooLong`.
    pub fn new(value: &str) -> Result<Self, ModelError> {
        validate_name(k!("respondent id"), value, 100).map(RespondentId)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RespondentId {
    type Error = ModelError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        RespondentId::new(&value)
    }
}

impl From<RespondentId> for String {
    fn from(value: RespondentId) -> String {
        value.0
    }
}

impl fmt::Display for RespondentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A group of items, e.g. reliability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    /// Short code used in files (`rel`).
    pub code: DimensionCode,
    /// Name shown to users ("Reliability").
    pub name: String,
}

/// One statement customers rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Code used in files (`REL1`).
    pub code: ItemCode,
    /// The dimension the item belongs to.
    pub dimension: DimensionCode,
    /// The statement, written by the project.
    pub text: String,
    /// The journey touchpoint the item is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
}

/// Who gave a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A customer: E is what they expect, P what they got.
    #[default]
    Customer,
    /// A manager: E is management's estimate of customers' expectation (M), P its
    /// rating of what the business delivers (S).
    Management,
}

impl Source {
    /// The word used in files and shown in the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Customer => "customer",
            Source::Management => "management",
        }
    }
}

/// One respondent's answer to one item; either part may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "(Option<f64>, Option<f64>)", into = "(Option<f64>, Option<f64>)")]
pub struct Answer {
    /// Expectation (customers) or management's estimate of it (M).
    pub expectation: Option<f64>,
    /// Perception (customers) or management's self-assessment (S).
    pub perception: Option<f64>,
}

impl From<(Option<f64>, Option<f64>)> for Answer {
    fn from((expectation, perception): (Option<f64>, Option<f64>)) -> Self {
        Answer { expectation, perception }
    }
}

impl From<Answer> for (Option<f64>, Option<f64>) {
    fn from(answer: Answer) -> Self {
        (answer.expectation, answer.perception)
    }
}

impl Answer {
    /// P − E when both were given.
    pub fn gap(self) -> Option<f64> {
        Some(self.perception? - self.expectation?)
    }
}

/// One respondent in one wave.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Response {
    /// Unique within the project.
    pub id: Option<RespondentId>,
    /// Customer or management.
    #[serde(default)]
    pub source: Source,
    /// The wave's name; `None` belongs to no wave.
    #[serde(default)]
    pub wave: Option<String>,
    /// Answers by item code.
    #[serde(default)]
    pub answers: BTreeMap<ItemCode, Answer>,
    /// Segment fields, e.g. `channel = web`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub segments: BTreeMap<String, String>,
    /// Importance points per dimension as given (rescaled when analysed).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub importance: BTreeMap<DimensionCode, f64>,
    /// Net Promoter answer, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<u8>,
    /// Customer satisfaction answer, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat: Option<u8>,
    /// Customer effort answer, 1–7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ces: Option<u8>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Response {
    /// The respondent's id as text ("" when none).
    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", RespondentId::as_str)
    }

    /// Whether this response belongs to `wave` (`None` = every wave).
    pub fn in_wave(&self, wave: Option<&str>) -> bool {
        match wave {
            None => true,
            Some(name) => self.wave.as_deref() == Some(name),
        }
    }
}

/// A measurement round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wave {
    /// Unique name, e.g. "2026 Q1".
    pub name: String,
    /// ISO 8601 date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One organisation or service under study, with everything measured about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Stable id; names the storage key.
    pub id: ProjectId,
    /// Name shown to users.
    pub name: String,
    /// Rating scale, fixed once data exists.
    #[serde(default)]
    pub scale: Scale,
    /// Item groups, in display order.
    pub dimensions: Vec<Dimension>,
    /// Items, in display order.
    pub items: Vec<Item>,
    /// Waves, in chronological order.
    #[serde(default)]
    pub waves: Vec<Wave>,
    /// The wave that rows without a wave join.
    #[serde(default)]
    pub current_wave: Option<String>,
    /// Every respondent, customers and managers.
    #[serde(default)]
    pub responses: Vec<Response>,
    /// Perception-only survey (SERVPERF): customers rate P only, gaps needing E are not shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub perception_only: bool,
    /// The customer journey.
    #[serde(default, skip_serializing_if = "journey_is_empty")]
    pub journey: Journey,
    /// Service standards (gap 2 and 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
    /// Delivery measurements of the standards' KPIs (gap 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
    /// Marketing promises (gap 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises: Vec<Promise>,
    /// Complaints, their own channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<Complaint>,
    /// Column mappings of survey-tool exports, remembered per source for the next wave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_mappings: Vec<crate::import::SavedMapping>,
    /// Actions decided on priorities, with their root causes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<actions::Action>,
}

fn journey_is_empty(journey: &Journey) -> bool {
    journey.stages.is_empty()
}

/// The longest project name accepted.
pub const PROJECT_NAME_MAX: usize = 120;

impl Project {
    /// An empty project with the given dimensions and items on `scale`.
    ///
    /// # Errors
    /// `ModelError` when the name is empty or too long.
    pub fn new(
        id: ProjectId,
        name: &str,
        scale: Scale,
        dimensions: Vec<Dimension>,
        items: Vec<Item>,
    ) -> Result<Project, ModelError> {
        Ok(Project {
            id,
            name: validate_name(k!("project name"), name, PROJECT_NAME_MAX)?,
            scale,
            dimensions,
            items,
            waves: Vec::new(),
            current_wave: None,
            responses: Vec::new(),
            perception_only: false,
            journey: Journey::default(),
            standards: Vec::new(),
            measurements: Vec::new(),
            promises: Vec::new(),
            complaints: Vec::new(),
            import_mappings: Vec::new(),
            actions: Vec::new(),
        })
    }

    /// Renames the project.
    ///
    /// # Errors
    /// `ModelError` when the new name is empty or too long; the project is unchanged.
    pub fn rename(&mut self, name: &str) -> Result<(), ModelError> {
        self.name = validate_name(k!("project name"), name, PROJECT_NAME_MAX)?;
        Ok(())
    }

    /// The item with `code`, compared case-insensitively.
    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.code.as_str().eq_ignore_ascii_case(code))
    }

    /// The dimension with `code`.
    pub fn dimension(&self, code: &DimensionCode) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| &d.code == code)
    }

    /// Items that at least one response has an answer for, in project order.
    pub fn items_with_data(&self) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|item| self.responses.iter().any(|r| r.answers.contains_key(&item.code)))
            .collect()
    }

    /// Number of customer and management responses in `wave` (`None` = all).
    pub fn count_responses(&self, wave: Option<&str>) -> (usize, usize) {
        self.responses.iter().filter(|r| r.in_wave(wave)).fold((0, 0), |(c, m), r| match r
            .source
        {
            Source::Customer => (c + 1, m),
            Source::Management => (c, m + 1),
        })
    }

    /// Adds responses that the import has validated, creating waves they name.
    /// The caller has checked ids against `self`; this only appends.
    pub fn append_responses(&mut self, responses: Vec<Response>, waves: &[Wave]) {
        for wave in waves {
            if !self.waves.iter().any(|w| w.name == wave.name) {
                self.waves.push(wave.clone());
            }
        }
        if self.current_wave.is_none() {
            self.current_wave = self.waves.last().map(|w| w.name.clone());
        }
        self.responses.extend(responses);
    }

    /// Deletes every response of `wave`, and the wave itself.
    pub fn delete_wave(&mut self, wave: &str) {
        self.responses.retain(|r| r.wave.as_deref() != Some(wave));
        self.waves.retain(|w| w.name != wave);
        if self.current_wave.as_deref() == Some(wave) {
            self.current_wave = self.waves.last().map(|w| w.name.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_allows_only_the_supported_ranges() {
        assert!(Scale::new(1, 7).is_ok());
        assert!(Scale::new(1, 5).is_ok());
        assert!(Scale::new(1, 10).is_ok());
        assert_eq!(Scale::new(7, 1), Err(ModelError::Scale { min: 7, max: 1 }));
        assert!(serde_json::from_str::<Scale>(r#"{"min":0,"max":3}"#).is_err());
    }

    #[test]
    fn top_box_follows_the_scale() {
        assert_eq!(Scale::new(1, 7).unwrap().top_box_from(), 6.0);
        assert_eq!(Scale::new(1, 5).unwrap().top_box_from(), 5.0);
        assert_eq!(Scale::new(1, 10).unwrap().top_box_from(), 9.0);
    }

    #[test]
    fn codes_are_validated() {
        assert!(ItemCode::new("REL1").is_ok());
        assert!(ItemCode::new(" ").is_err());
        assert!(ItemCode::new("a b").is_err());
        assert!(serde_json::from_str::<ItemCode>("\"<b>\"").is_err());
    }

    #[test]
    fn answer_round_trips_as_a_pair() {
        let answer = Answer { expectation: Some(6.0), perception: None };
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(json, "[6.0,null]");
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), answer);
    }

    #[test]
    fn rename_rejects_blank_and_keeps_old_name() {
        let mut project =
            Project::new(ProjectId::new("p1").unwrap(), "Hotel", Scale::SEVEN, vec![], vec![])
                .unwrap();
        assert!(project.rename("   ").is_err());
        assert_eq!(project.name, "Hotel");
        project.rename("  Hotel Fjordgården ").unwrap();
        assert_eq!(project.name, "Hotel Fjordgården");
    }
}
