//! The stored form of a project document, apart from the model's serde form, and the one
//! place that converts between the two. Pure: no browser crate, so `cargo test` covers it.
//!
//! Schema 2 (written by this build):
//!
//! ```text
//! { "schema": 2, "revision": 7,
//!   "project": { …the model's project, with "responses": [] },
//!   "responses": {
//!     "items": ["TAN1", …],                 // item codes, in the order of the answer strings
//!     "waves": ["2026 Q1", …],              // wave names the responses use
//!     "segments": [["channel", ["web", "phone"]], …],   // segment keys and their values
//!     "dimensions": ["tan", …],             // importance keys
//!     "rows": [ { "i": "W1-001", "w": 0, "a": "7665…", "g": [0, 1], "n": 9 }, … ] } }
//! ```
//!
//! A row's keys (each omitted when it has its default): `i` the id (absent = no id), `s` 1 for
//! management, `w` the wave's index, `a` the answers (two characters per item in `items`
//! order, expectation then perception), `x` exact values for the `*` characters of `a`, in
//! order, `g` per segment key the index of the value (null = the key is absent), `p` per
//! dimension the importance points (null = absent), `n`/`c`/`e` NPS, CSAT and CES, `t` the
//! comment. An answer character is a base-36 digit for an integer 0–35, `-` for a missing
//! value, `*` for any other value (kept in `x`); the pair `..` means the respondent has no
//! answer entry for that item, and trailing `..` pairs are left out. Numbers that JSON
//! cannot hold (NaN, ±∞) are written as strings, so every value reads back bit for bit
//! (apart from the payload of a NaN).
//!
//! Everything else of the project (journey, standards, promises, complaints, actions…) is in
//! `project`, in the model's serde form. Fields added there later are optional with a default
//! (`actions` is left out when empty), so documents written before they existed read as they
//! are, within schema 2, and a project without them is written byte for byte as before.
//!
//! Schema 1 stored the model's serde form as is (`{"schema":1,"revision":…,"project":{…}}`,
//! answers as `{"TAN1":[6.0,5.0],…}`, about 600 characters per respondent); it is migrated on
//! read, and the next save writes schema 2.

use crate::model::{Answer, DimensionCode, ItemCode, Project, RespondentId, Response, Source};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Schema version of every document written by this build.
pub const SCHEMA: u32 = 2;

/// Why a stored document could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not JSON, or not the expected shape.
    Corrupt(String),
    /// Written by a newer Gaplens.
    Newer(u32),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Corrupt(detail) => f.write_str(&t!("the stored data is damaged ({detail})", detail = detail)),
            Unreadable::Newer(schema) => f.write_str(&t!(
                "it was written by a newer version of Gaplens (schema {schema}, this one reads up to {supported})",
                schema = schema,
                supported = SCHEMA
            )),
        }
    }
}

/// A project as read from its stored document.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDocument {
    /// The stored revision.
    pub revision: u64,
    /// The project, in the model's form.
    pub project: Project,
    /// The schema it was stored with (older than [`SCHEMA`] = migrated on read).
    pub schema: u32,
}

/// Just the version, read before the rest.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    schema: Option<serde_json::Value>,
}

/// Schema 1: the model's serde form in an envelope.
#[derive(Deserialize)]
struct DocumentV1 {
    revision: u64,
    project: Project,
}

#[derive(Serialize)]
struct DocumentV2Ref<'a> {
    schema: u32,
    revision: u64,
    project: &'a Project,
    responses: Table,
}

#[derive(Deserialize)]
struct DocumentV2 {
    revision: u64,
    project: Project,
    responses: Table,
}

/// The responses of one project in their compact stored form.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    items: Vec<String>,
    waves: Vec<String>,
    segments: Vec<(String, Vec<String>)>,
    dimensions: Vec<String>,
    rows: Vec<Row>,
}

/// One respondent, compact. See the module documentation for the keys.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "s", default, skip_serializing_if = "is_zero")]
    source: u8,
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    wave: Option<usize>,
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    answers: String,
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    exact: Vec<Exact>,
    #[serde(rename = "g", default, skip_serializing_if = "Vec::is_empty")]
    segments: Vec<Option<usize>>,
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    importance: Vec<Option<Exact>>,
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    nps: Option<u8>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    csat: Option<u8>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    ces: Option<u8>,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
}

fn is_zero(value: &u8) -> bool {
    *value == 0
}

/// Any `f64`, bit for bit: a JSON number when finite, else the text `NaN`, `inf` or `-inf`.
#[derive(Debug, Clone, Copy)]
struct Exact(f64);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            serializer.serialize_f64(self.0)
        } else {
            serializer.serialize_str(&self.0.to_string())
        }
    }
}

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Number(f64),
            Text(String),
        }
        match Repr::deserialize(deserializer)? {
            Repr::Number(value) => Ok(Exact(value)),
            Repr::Text(text) => match text.as_str() {
                "NaN" => Ok(Exact(f64::NAN)),
                "inf" => Ok(Exact(f64::INFINITY)),
                "-inf" => Ok(Exact(f64::NEG_INFINITY)),
                _ => Err(serde::de::Error::custom(t!("\"{text}\" is not a number", text = text))),
            },
        }
    }
}

/// Marks a missing expectation or perception.
const MISSING: char = '-';
/// Marks an item the respondent has no answer entry for (as the pair `..`).
const ABSENT: char = '.';
/// Marks a value kept exactly in the row's `x` list.
const EXACT: char = '*';

/// The character of a value, or `None` when it needs the exact list. `-0.0` goes to the
/// exact list, so its sign survives.
fn value_char(value: f64) -> Option<char> {
    if value.fract() == 0.0 && (0.0..=35.0).contains(&value) && value.is_sign_positive() {
        char::from_digit(value as u32, 36)
    } else {
        None
    }
}

/// Writes one value: its character, or `*` and the value appended to `exact`.
fn push_value(out: &mut String, exact: &mut Vec<Exact>, value: Option<f64>) {
    match value {
        None => out.push(MISSING),
        Some(v) => match value_char(v) {
            Some(c) => out.push(c),
            None => {
                out.push(EXACT);
                exact.push(Exact(v));
            }
        },
    }
}

/// Interns `value` into `list`, returning its index.
fn intern(list: &mut Vec<String>, lookup: &mut HashMap<String, usize>, value: &str) -> usize {
    if let Some(&index) = lookup.get(value) {
        return index;
    }
    list.push(value.to_owned());
    lookup.insert(value.to_owned(), list.len() - 1);
    list.len() - 1
}

impl Table {
    /// The compact form of `responses`; `project_items` fixes the order of the answer strings
    /// (codes that only responses use follow in first-seen order).
    fn encode(project_items: &[ItemCode], responses: &[Response]) -> Table {
        let mut table = Table::default();
        let mut item_index: HashMap<ItemCode, usize> = HashMap::new();
        for code in project_items {
            if !item_index.contains_key(code) {
                item_index.insert(code.clone(), table.items.len());
                table.items.push(code.as_str().to_owned());
            }
        }
        let mut waves = HashMap::new();
        let mut segment_keys: HashMap<String, usize> = HashMap::new();
        let mut segment_values: Vec<HashMap<String, usize>> = Vec::new();
        let mut dimensions = HashMap::new();
        let mut slots: Vec<Option<&Answer>> = Vec::new();

        for response in responses {
            let mut row = Row {
                id: response.id.as_ref().map(|id| id.as_str().to_owned()),
                source: u8::from(response.source == Source::Management),
                wave: response.wave.as_deref().map(|w| intern(&mut table.waves, &mut waves, w)),
                nps: response.nps,
                csat: response.csat,
                ces: response.ces,
                comment: response.comment.clone(),
                ..Row::default()
            };
            // Answers: one slot per known item, filled from the map.
            slots.clear();
            for (code, answer) in &response.answers {
                let index = *item_index.entry(code.clone()).or_insert_with(|| {
                    table.items.push(code.as_str().to_owned());
                    table.items.len() - 1
                });
                if slots.len() <= index {
                    slots.resize(index + 1, None);
                }
                slots[index] = Some(answer);
            }
            while slots.last() == Some(&None) {
                slots.pop();
            }
            for slot in &slots {
                match slot {
                    None => {
                        row.answers.push(ABSENT);
                        row.answers.push(ABSENT);
                    }
                    Some(answer) => {
                        push_value(&mut row.answers, &mut row.exact, answer.expectation);
                        push_value(&mut row.answers, &mut row.exact, answer.perception);
                    }
                }
            }
            for (key, value) in &response.segments {
                let key_index = match segment_keys.get(key) {
                    Some(&index) => index,
                    None => {
                        table.segments.push((key.clone(), Vec::new()));
                        segment_values.push(HashMap::new());
                        segment_keys.insert(key.clone(), table.segments.len() - 1);
                        table.segments.len() - 1
                    }
                };
                let value_index = intern(&mut table.segments[key_index].1, &mut segment_values[key_index], value);
                if row.segments.len() <= key_index {
                    row.segments.resize(key_index + 1, None);
                }
                row.segments[key_index] = Some(value_index);
            }
            for (dimension, points) in &response.importance {
                let index = intern(&mut table.dimensions, &mut dimensions, dimension.as_str());
                if row.importance.len() <= index {
                    row.importance.resize(index + 1, None);
                }
                row.importance[index] = Some(Exact(*points));
            }
            table.rows.push(row);
        }
        table
    }

    /// The model's responses, checking every index and code.
    fn decode(self) -> Result<Vec<Response>, String> {
        let items = self
            .items
            .iter()
            .map(|code| ItemCode::new(code).map_err(|e| t!("item list: {error}", error = e)))
            .collect::<Result<Vec<_>, _>>()?;
        if items.iter().zip(&self.items).any(|(code, text)| code.as_str() != text) {
            return Err(t!("item list: a code is not in its stored form").into());
        }
        let dimensions = self
            .dimensions
            .iter()
            .map(|code| DimensionCode::new(code).map_err(|e| t!("dimension list: {error}", error = e)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut responses = Vec::with_capacity(self.rows.len());
        for (number, row) in self.rows.into_iter().enumerate() {
            let at = |what: String| t!("response {number}: {problem}", number = number + 1, problem = what);
            let id = match row.id {
                None => None,
                Some(text) => {
                    let id = RespondentId::new(&text).map_err(|e| at(e.to_string()))?;
                    if id.as_str() != text {
                        return Err(at(t!("the id is not in its stored form").into()));
                    }
                    Some(id)
                }
            };
            let source = match row.source {
                0 => Source::Customer,
                1 => Source::Management,
                other => return Err(at(t!("unknown source {source}", source = other))),
            };
            let wave = match row.wave {
                None => None,
                Some(index) => {
                    Some(self.waves.get(index).ok_or_else(|| at(t!("no wave number {index}", index = index)))?.clone())
                }
            };
            let answers = decode_answers(&row.answers, &row.exact, &items).map_err(at)?;
            let mut segments = BTreeMap::new();
            for (key_index, value_index) in row.segments.iter().enumerate() {
                let Some(value_index) = value_index else { continue };
                let (key, values) =
                    self.segments.get(key_index).ok_or_else(|| at(t!("no segment number {index}", index = key_index)))?;
                let value = values
                    .get(*value_index)
                    .ok_or_else(|| at(t!("segment {key} has no value number {index}", key = key, index = value_index)))?;
                segments.insert(key.clone(), value.clone());
            }
            let mut importance = BTreeMap::new();
            for (index, points) in row.importance.iter().enumerate() {
                let Some(points) = points else { continue };
                let dimension = dimensions.get(index).ok_or_else(|| at(t!("no dimension number {index}", index = index)))?;
                importance.insert(dimension.clone(), points.0);
            }
            responses.push(Response {
                id,
                source,
                wave,
                answers,
                segments,
                importance,
                nps: row.nps,
                csat: row.csat,
                ces: row.ces,
                comment: row.comment,
            });
        }
        Ok(responses)
    }
}

/// Reads an answer string back into the answer map.
fn decode_answers(text: &str, exact: &[Exact], items: &[ItemCode]) -> Result<BTreeMap<ItemCode, Answer>, String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() % 2 != 0 {
        return Err(t!("the answers have an odd length").into());
    }
    if chars.len() / 2 > items.len() {
        return Err(t!("more answers than items").into());
    }
    let mut exact = exact.iter();
    let mut value = |c: char| -> Result<Option<f64>, String> {
        match c {
            MISSING => Ok(None),
            EXACT => exact.next().map(|e| Some(e.0)).ok_or_else(|| t!("an exact value is missing").to_owned()),
            _ => c.to_digit(36).map(|d| Some(f64::from(d))).ok_or_else(|| t!("'{c}' is not an answer", c = c)),
        }
    };
    let mut answers = BTreeMap::new();
    for (pair, code) in chars.chunks(2).zip(items) {
        match (pair[0], pair[1]) {
            (ABSENT, ABSENT) => {}
            (ABSENT, _) | (_, ABSENT) => return Err(t!("a half-absent answer").into()),
            (e, p) => {
                let answer = Answer { expectation: value(e)?, perception: value(p)? };
                if answers.insert(code.clone(), answer).is_some() {
                    return Err(t!("item {code} twice", code = code));
                }
            }
        }
    }
    if exact.next().is_some() {
        return Err(t!("exact values left over").into());
    }
    Ok(answers)
}

/// Writes `project` at `revision` in the current schema.
///
/// # Errors
/// The serializer's message (cannot happen with the model's types; kept as a value rather
/// than a panic).
pub fn encode_project(project: &Project, revision: u64) -> Result<String, String> {
    let codes: Vec<ItemCode> = project.items.iter().map(|item| item.code.clone()).collect();
    let responses = Table::encode(&codes, &project.responses);
    // The rest of the project in the model's own form; responses live in the table.
    let mut head = project.clone();
    head.responses = Vec::new();
    serde_json::to_string(&DocumentV2Ref { schema: SCHEMA, revision, project: &head, responses })
        .map_err(|e| e.to_string())
}

/// The revision of a stored project document, without decoding its responses: what a save
/// needs to detect a concurrent edit. The whole text is still checked to be JSON, and the
/// schema to be one this version reads, so a document from a newer Gaplens is never
/// overwritten.
///
/// # Errors
/// As [`decode_project`], for the envelope only.
pub fn probe_revision(raw: &str) -> Result<u64, Unreadable> {
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(default)]
        schema: Option<serde_json::Value>,
        #[serde(default)]
        revision: Option<u64>,
    }
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    let schema = match envelope.schema {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    match (schema, envelope.revision) {
        (Some(newer), _) if newer > u64::from(SCHEMA) => Err(Unreadable::Newer(u32::try_from(newer).unwrap_or(u32::MAX))),
        (Some(schema), Some(revision)) if (1..=u64::from(SCHEMA)).contains(&schema) => Ok(revision),
        _ => Err(Unreadable::Corrupt(t!("no schema or revision in the stored document").into())),
    }
}

/// Reads a project document of any schema up to [`SCHEMA`], migrating older ones.
///
/// # Errors
/// `Unreadable::Newer` for a document from a newer Gaplens, `Unreadable::Corrupt` (naming
/// what is wrong, and where) for anything that is not a valid document.
pub fn decode_project(raw: &str) -> Result<ProjectDocument, Unreadable> {
    let probe: Probe = serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    let schema = match probe.schema {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    match schema.map(u32::try_from) {
        Some(Ok(1)) => {
            let document: DocumentV1 = serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
            Ok(ProjectDocument { revision: document.revision, project: document.project, schema: 1 })
        }
        Some(Ok(SCHEMA)) => {
            let document: DocumentV2 = serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
            let mut project = document.project;
            if !project.responses.is_empty() {
                return Err(Unreadable::Corrupt(t!("responses stored in two places").into()));
            }
            project.responses = document.responses.decode().map_err(Unreadable::Corrupt)?;
            Ok(ProjectDocument { revision: document.revision, project, schema: SCHEMA })
        }
        Some(Ok(newer)) if newer > SCHEMA => Err(Unreadable::Newer(newer)),
        Some(Err(_)) => Err(Unreadable::Newer(u32::MAX)),
        _ => Err(Unreadable::Corrupt(t!(
            "unknown schema {schema}",
            schema = schema.map_or_else(|| t!("(none)").to_owned(), |s| s.to_string())
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scale, ProjectId};
    use crate::template::SERVQUAL;

    fn code(text: &str) -> ItemCode {
        ItemCode::new(text).unwrap()
    }

    fn round_trip(project: &Project) -> Project {
        let text = encode_project(project, 3).unwrap();
        let document = decode_project(&text).unwrap();
        assert_eq!(document.revision, 3);
        assert_eq!(document.schema, SCHEMA);
        document.project
    }

    fn empty_project() -> Project {
        Project::new(ProjectId::new("p").unwrap(), "P", Scale::SEVEN, SERVQUAL.dimensions(), SERVQUAL.items()).unwrap()
    }

    #[test]
    fn the_demo_round_trips_exactly() {
        let demo = crate::demo::hotel();
        assert_eq!(round_trip(&demo), demo);
    }

    #[test]
    fn a_document_written_before_actions_existed_still_loads() {
        // Schema 2 as the build before actions wrote it: no "actions" key.
        let raw = r#"{"schema":2,"revision":4,"project":{"id":"old","name":"Old","scale":{"min":1,"max":7},"dimensions":[],"items":[],"waves":[{"name":"W1"}],"current_wave":"W1","responses":[]},"responses":{"items":[],"waves":[],"segments":[],"dimensions":[],"rows":[]}}"#;
        let document = decode_project(raw).unwrap();
        assert_eq!(document.revision, 4);
        assert!(document.project.actions.is_empty());
        // Written back unchanged, it has no "actions" key either.
        let again = encode_project(&document.project, 4).unwrap();
        assert!(!again.contains("actions"), "{again}");
        assert_eq!(again, raw);
    }

    #[test]
    fn a_project_with_actions_round_trips_byte_identically() {
        let demo = crate::demo::hotel();
        assert!(!demo.actions.is_empty());
        let text = encode_project(&demo, 9).unwrap();
        assert!(text.contains(r#""actions":[{"id":"a1","item":"RES2""#), "actions are stored in the project part");
        let back = decode_project(&text).unwrap().project;
        assert_eq!(back.actions, demo.actions);
        assert_eq!(encode_project(&back, 9).unwrap(), text);
        // A damaged action makes the document unreadable (quarantined), never half-read.
        let bad = text.replacen(r#""due":"2026-04-30""#, r#""due":"2026-04-31""#, 1);
        assert_ne!(bad, text);
        assert!(matches!(decode_project(&bad), Err(Unreadable::Corrupt(d)) if d.contains("due date")));
    }

    #[test]
    fn odd_values_and_text_round_trip_exactly() {
        let mut project = empty_project();
        let mut odd = Response {
            id: Some(RespondentId::new("Åsa \"Q\" ,;\\ 🙂 \u{2028}x").unwrap()),
            source: Source::Management,
            wave: Some("W \"1\"\n".into()),
            comment: Some("line one\nline \"two\"\t\\ ÆØÅ 🙂 \u{0}".into()),
            nps: Some(0),
            csat: Some(5),
            ces: Some(7),
            ..Response::default()
        };
        let values = [
            5.5, 0.1 + 0.2, -0.0, 0.0, 35.0, 36.0, -1.0, 1e300, f64::MIN_POSITIVE, f64::INFINITY, f64::NEG_INFINITY, 7.0,
        ];
        for (i, v) in values.iter().enumerate() {
            odd.answers.insert(code(&format!("X{i}")), Answer { expectation: Some(*v), perception: None });
        }
        odd.answers.insert(code("TAN1"), Answer { expectation: None, perception: None });
        odd.answers.insert(code("EMP5"), Answer { expectation: None, perception: Some(10.0) });
        odd.segments.insert("kanal=\"x\"".into(), "a\nb".into());
        odd.segments.insert(String::new(), String::new());
        odd.importance.insert(DimensionCode::new("rel").unwrap(), 33.333333333333336);
        odd.importance.insert(DimensionCode::new("zzz").unwrap(), f64::NAN);
        project.responses.push(Response::default());
        project.responses.push(odd.clone());
        project.responses.push(Response { segments: [("other".to_owned(), "v".to_owned())].into(), ..Response::default() });

        let back = round_trip(&project);
        assert_eq!(back.responses.len(), 3);
        assert_eq!(back.responses[0], Response::default());
        assert_eq!(back.responses[2], project.responses[2]);
        let got = &back.responses[1];
        // NaN is not equal to itself: compare it apart, then the rest with PartialEq.
        assert!(got.importance[&DimensionCode::new("zzz").unwrap()].is_nan());
        let mut got = got.clone();
        let mut want = odd.clone();
        got.importance.remove(&DimensionCode::new("zzz").unwrap());
        want.importance.remove(&DimensionCode::new("zzz").unwrap());
        assert_eq!(got, want);
        // Bit for bit, the sign of zero included.
        for (i, v) in values.iter().enumerate() {
            let stored = back.responses[1].answers[&code(&format!("X{i}"))].expectation.unwrap();
            assert_eq!(stored.to_bits(), v.to_bits(), "value {v}");
        }
    }

    #[test]
    fn a_typical_respondent_is_compact() {
        let mut project = empty_project();
        for n in 0..100 {
            let mut response = Response {
                id: Some(RespondentId::new(&format!("r{n:05}")).unwrap()),
                wave: Some(["2026 Q1", "2026 Q2"][n % 2].into()),
                nps: Some((n % 11) as u8),
                ..Response::default()
            };
            for (i, item) in project.items.iter().enumerate() {
                let e = ((n + i) % 7 + 1) as f64;
                let p = ((n * 3 + i) % 7 + 1) as f64;
                response.answers.insert(item.code.clone(), Answer { expectation: Some(e), perception: Some(p) });
            }
            for (key, options) in [("channel", ["web", "phone", "shop"]), ("type", ["new", "regular", "vip"]), ("region", ["north", "south", "east"])] {
                response.segments.insert(key.into(), options[n % 3].into());
            }
            project.responses.push(response);
        }
        let with = encode_project(&project, 1).unwrap().len();
        project.responses.clear();
        let without = encode_project(&project, 1).unwrap().len();
        let per_respondent = (with - without) / 100;
        assert!(per_respondent <= 100, "{per_respondent} characters per respondent");
    }

    #[test]
    fn answers_use_one_character_per_value() {
        let items = [code("A"), code("B"), code("C")];
        let mut response = Response::default();
        response.answers.insert(code("A"), Answer { expectation: Some(7.0), perception: None });
        response.answers.insert(code("B"), Answer { expectation: Some(10.0), perception: Some(2.5) });
        let table = Table::encode(&items, &[response.clone()]);
        assert_eq!(table.rows[0].answers, "7-a*");
        assert_eq!(table.rows[0].exact.len(), 1);
        // An answer only to C leaves the pairs before it absent.
        let only_c = Response { answers: [(code("C"), Answer { expectation: None, perception: Some(1.0) })].into(), ..Response::default() };
        assert_eq!(Table::encode(&items, &[only_c]).rows[0].answers, "....-1");
    }

    #[test]
    fn schema_1_is_migrated_on_read() {
        let raw = include_str!("../../tests/fixtures/storage/schema1-project.json");
        let document = decode_project(raw).unwrap();
        assert_eq!(document.schema, 1);
        assert_eq!(document.revision, 7);
        assert_eq!(document.project.id.as_str(), "schema1-hotel");
        assert_eq!(document.project.responses.len(), 42);
        // Written back as schema 2, it reads back the same and is much smaller.
        let text = encode_project(&document.project, 8).unwrap();
        let again = decode_project(&text).unwrap();
        assert_eq!((again.schema, again.revision), (SCHEMA, 8));
        assert_eq!(again.project, document.project);
        assert!(text.len() * 2 < raw.len(), "{} vs {}", text.len(), raw.len());
    }

    #[test]
    fn newer_unknown_and_damaged_documents_are_unreadable() {
        assert_eq!(decode_project(r#"{"schema":99,"revision":1}"#).unwrap_err(), Unreadable::Newer(99));
        assert!(matches!(decode_project(r#"{"revision":1}"#), Err(Unreadable::Corrupt(_))));
        assert!(matches!(decode_project(r#"{"schema":0}"#), Err(Unreadable::Corrupt(_))));
        assert!(matches!(decode_project("{not json"), Err(Unreadable::Corrupt(_))));
        let good = encode_project(&crate::demo::hotel(), 1).unwrap();
        // An index out of range, a bad answer character, a missing exact value.
        for (from, to) in [(r#""w":0"#, r#""w":99"#), (r#""a":"7"#, r#""a":"!"#), (r#""g":[0"#, r#""g":[77"#)] {
            assert!(good.contains(from), "{from}");
            let bad = good.replacen(from, to, 1);
            match decode_project(&bad) {
                Err(Unreadable::Corrupt(detail)) => assert!(detail.contains("response 1"), "{detail}"),
                other => panic!("{from}: {other:?}"),
            }
        }
        let mut one = empty_project();
        one.responses.push(Response {
            answers: [(code("TAN1"), Answer { expectation: Some(2.5), perception: None })].into(),
            ..Response::default()
        });
        let text = encode_project(&one, 1).unwrap();
        let bad = text.replace(r#","x":[2.5]"#, "");
        assert_ne!(bad, text);
        assert!(matches!(decode_project(&bad), Err(Unreadable::Corrupt(d)) if d.contains("exact value")));
    }

    #[test]
    fn probe_reads_the_revision_and_refuses_newer_or_broken_documents() {
        assert_eq!(probe_revision(r#"{"schema":2,"revision":7,"project":{},"responses":{}}"#), Ok(7));
        assert_eq!(probe_revision(r#"{"schema":1,"revision":3,"project":{"x":[1,2]}}"#), Ok(3));
        assert_eq!(probe_revision(r#"{"schema":99,"revision":3}"#), Err(Unreadable::Newer(99)));
        assert!(matches!(probe_revision("{not json"), Err(Unreadable::Corrupt(_))));
        assert!(matches!(probe_revision(r#"{"schema":2}"#), Err(Unreadable::Corrupt(_))));
    }
}
