//! Survey-tool exports (one column per question) turned into the same validated responses as
//! the canonical Responses CSV, through a column mapping the user confirms.
//!
//! The steps: [`read_table`] reads the file (delimiter, BOM, one or two header rows);
//! [`suggest`] proposes a [`Target`] per column and [`detect_scale`] the rating scale from the
//! answers; [`convert`] writes the mapped columns as a canonical file and validates it with
//! [`parse_responses`], so the rules and messages are exactly the canonical import's, with
//! problems naming the export's own column headers and cell values. A mapping that worked is
//! kept in the project as a [`SavedMapping`] and found again by [`Table::signature`].

mod suggest;

pub use suggest::{detect_scale, suggest, ScaleGuess, Suggestion};

use super::decode::{decode, TextEncoding};
use super::number::parse_number;
use super::responses_csv::{detect_delimiter, parse_responses, ImportError, ImportOptions, ImportedFile, Problem};
use crate::model::{DimensionCode, ItemCode, Scale};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Saved mappings kept per project; the oldest goes when a new one would exceed this.
pub const MAX_SAVED_MAPPINGS: usize = 20;
/// Longest source name accepted.
pub const SOURCE_NAME_MAX: usize = 80;

/// What one column of an export means.
///
/// Stored (in [`SavedMapping`]) as its canonical column name: `ignore`, `id`, `wave`,
/// `segment:<name>`, `E:<item>`, `P:<item>`, `I:<dimension>`, `nps`, `csat`, `ces`, `comment`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Target {
    /// Not imported.
    Ignore,
    /// The respondent id.
    Id,
    /// The wave name (overrides the wave chosen for the rows).
    Wave,
    /// A segment field with this name (e.g. `channel`).
    Segment(String),
    /// Expectation (E) of an item.
    Expectation(ItemCode),
    /// Perception (P) of an item.
    Perception(ItemCode),
    /// Importance points of a dimension.
    Importance(DimensionCode),
    /// Net Promoter answer, 0–10.
    Nps,
    /// Satisfaction answer, 1–5.
    Csat,
    /// Effort answer, 1–7.
    Ces,
    /// Free-text comment.
    Comment,
}

impl Target {
    /// The canonical column name this target writes (`E:REL1`, `nps`…); `ignore` for
    /// [`Target::Ignore`]. Also the value of the UI's select options.
    pub fn key(&self) -> String {
        match self {
            Target::Ignore => "ignore".into(),
            Target::Id => "id".into(),
            Target::Wave => "wave".into(),
            Target::Segment(name) => format!("segment:{name}"),
            Target::Expectation(code) => format!("E:{code}"),
            Target::Perception(code) => format!("P:{code}"),
            Target::Importance(code) => format!("I:{code}"),
            Target::Nps => "nps".into(),
            Target::Csat => "csat".into(),
            Target::Ces => "ces".into(),
            Target::Comment => "comment".into(),
        }
    }

    /// Reads a key written by [`Target::key`].
    ///
    /// # Errors
    /// A sentence naming the key when it is not one (or names an invalid code).
    pub fn from_key(key: &str) -> Result<Target, String> {
        let bad = || t!("\"{key}\" is not a column mapping", key = key);
        let prefixed = |prefix: &str| key.strip_prefix(prefix).map(str::trim);
        Ok(match key {
            "ignore" => Target::Ignore,
            "id" => Target::Id,
            "wave" => Target::Wave,
            "nps" => Target::Nps,
            "csat" => Target::Csat,
            "ces" => Target::Ces,
            "comment" => Target::Comment,
            _ => {
                if let Some(name) = prefixed("segment:") {
                    let name = segment_name(name);
                    if name.is_empty() {
                        return Err(bad());
                    }
                    Target::Segment(name)
                } else if let Some(code) = prefixed("E:") {
                    Target::Expectation(ItemCode::new(code).map_err(|_| bad())?)
                } else if let Some(code) = prefixed("P:") {
                    Target::Perception(ItemCode::new(code).map_err(|_| bad())?)
                } else if let Some(code) = prefixed("I:") {
                    Target::Importance(DimensionCode::new(code).map_err(|_| bad())?)
                } else {
                    return Err(bad());
                }
            }
        })
    }

    /// Whether the column holds ratings on the project's scale (E or P).
    pub fn is_rating(&self) -> bool {
        matches!(self, Target::Expectation(_) | Target::Perception(_))
    }

    /// Whether the column holds numbers (ratings, points, NPS, CSAT, CES), so that an answer
    /// like "7 - Strongly agree" is read as its leading number.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Target::Expectation(_) | Target::Perception(_) | Target::Importance(_) | Target::Nps | Target::Csat | Target::Ces
        )
    }
}

impl TryFrom<String> for Target {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Target::from_key(&value)
    }
}

impl From<Target> for String {
    fn from(value: Target) -> String {
        value.key()
    }
}

impl fmt::Display for Target {
    /// What the column becomes, in the interface language ("E of REL1", "respondent id").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Ignore => f.write_str(t!("ignore")),
            Target::Id => f.write_str(t!("respondent id")),
            Target::Wave => f.write_str(t!("wave")),
            Target::Segment(name) => f.write_str(&t!("segment \"{name}\"", name = name)),
            Target::Expectation(code) => f.write_str(&t!("E of {code}", code = code)),
            Target::Perception(code) => f.write_str(&t!("P of {code}", code = code)),
            Target::Importance(code) => f.write_str(&t!("importance of {code}", code = code)),
            Target::Nps => f.write_str("NPS"),
            Target::Csat => f.write_str("CSAT"),
            Target::Ces => f.write_str("CES"),
            Target::Comment => f.write_str(t!("comment")),
        }
    }
}

/// A segment name made from a header: letters, digits, spaces, `-` and `_`, at most 40
/// characters, trimmed. Other characters (separators, quotes) become spaces.
pub fn segment_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ') { c } else { ' ' })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let joined = words.join(" ");
    joined.chars().take(40).collect::<String>().trim().to_owned()
}

/// A column mapping remembered for a source, so its next export imports in one click.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedMapping {
    /// The name the user gave the source, e.g. "SurveyMonkey guest survey".
    pub source: String,
    /// [`Table::signature`] of the files this mapping fits.
    pub signature: String,
    /// Header rows of those files (1 or 2).
    pub header_rows: u8,
    /// The confirmed rating scale of the answers.
    pub scale: Scale,
    /// Column by column: the header as shown and what it was mapped to.
    pub columns: Vec<SavedColumn>,
}

/// One column of a [`SavedMapping`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedColumn {
    /// The column's header as shown (question text, and the sub-answer of a second header row).
    pub header: String,
    /// What the column was mapped to.
    pub target: Target,
}

impl SavedMapping {
    /// A mapping for `table` named `source`.
    ///
    /// # Errors
    /// A sentence when the name is empty or longer than [`SOURCE_NAME_MAX`] characters.
    pub fn new(source: &str, table: &Table, targets: &[Target], scale: Scale) -> Result<SavedMapping, String> {
        let source = source.trim();
        if source.is_empty() {
            return Err(t!("the source needs a name, e.g. \"SurveyMonkey guest survey\"").into());
        }
        if source.chars().count() > SOURCE_NAME_MAX {
            return Err(t!("the source name is longer than {max} characters", max = SOURCE_NAME_MAX));
        }
        let columns = table
            .headers
            .iter()
            .enumerate()
            .map(|(i, header)| SavedColumn {
                header: header.clone(),
                target: targets.get(i).cloned().unwrap_or(Target::Ignore),
            })
            .collect();
        Ok(SavedMapping {
            source: source.to_owned(),
            signature: table.signature(),
            header_rows: if table.header_rows == 2 { 2 } else { 1 },
            scale,
            columns,
        })
    }

    /// The targets in column order.
    pub fn targets(&self) -> Vec<Target> {
        self.columns.iter().map(|c| c.target.clone()).collect()
    }

    /// Whether this mapping was made for files with `table`'s headers.
    pub fn fits(&self, table: &Table) -> bool {
        self.signature == table.signature()
    }

    /// Puts `mapping` into `saved`: replacing one of the same source name or the same
    /// signature, otherwise appended (dropping the oldest beyond [`MAX_SAVED_MAPPINGS`]).
    pub fn remember(saved: &mut Vec<SavedMapping>, mapping: SavedMapping) {
        saved.retain(|m| !m.source.eq_ignore_ascii_case(&mapping.source) && m.signature != mapping.signature);
        saved.push(mapping);
        while saved.len() > MAX_SAVED_MAPPINGS {
            saved.remove(0);
        }
    }

    /// The saved mapping that fits `table`, if any.
    pub fn find<'m>(saved: &'m [SavedMapping], table: &Table) -> Option<&'m SavedMapping> {
        let signature = table.signature();
        saved.iter().rev().find(|m| m.signature == signature)
    }
}

/// An export read as text: headers and data rows, nothing interpreted yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// One header per column: the question, with a second header row's sub-answer after
    /// " — " (e.g. "The room was clean — Expectation"); "Column N" when blank (in the interface language).
    pub headers: Vec<String>,
    /// Header rows used: 1 or 2.
    pub header_rows: usize,
    /// Header rows detected (what [`read_table`] chose without being told).
    pub detected_header_rows: usize,
    /// Data rows, in file order; a row may be shorter or longer than the header.
    pub rows: Vec<Vec<String>>,
    /// The separator found: `,`, `;` or tab.
    pub delimiter: char,
    /// The character encoding the file was read in.
    pub encoding: TextEncoding,
}

/// Sub-answers of a second header row that add nothing to the question.
const PLAIN_SUB_HEADERS: [&str; 3] = ["response", "open-ended response", "other (please specify)"];

impl Table {
    /// The first `n` data rows, each padded or cut to the number of columns.
    pub fn preview(&self, n: usize) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .take(n)
            .map(|row| (0..self.headers.len()).map(|i| row.get(i).cloned().unwrap_or_default()).collect())
            .collect()
    }

    /// A fingerprint of the headers (case, spacing and the header-row count do count):
    /// 16 hex digits. Two exports of the same survey have the same signature.
    pub fn signature(&self) -> String {
        // FNV-1a, 64 bit: stable across builds and platforms, unlike std's hasher.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for &b in bytes {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(&[self.header_rows as u8]);
        for header in &self.headers {
            feed(normalise(header).as_bytes());
            feed(&[0x1f]);
        }
        format!("{hash:016x}")
    }

    /// Which tool the export looks like, from its headers: "SurveyMonkey", "LimeSurvey",
    /// "Google Forms", "Microsoft Forms" or "Survey export" (in the interface language).
    pub fn tool(&self) -> &'static str {
        let has = |name: &str| self.headers.iter().any(|h| normalise(h) == name);
        if has("respondent id") && has("collector id") {
            "SurveyMonkey"
        } else if has("start time") && has("completion time") {
            "Microsoft Forms"
        } else if self.headers.first().is_some_and(|h| normalise(h) == "timestamp") {
            "Google Forms"
        } else if has("submitdate") || has("lastpage") || self.headers.iter().any(|h| is_lime_code(h)) {
            "LimeSurvey"
        } else {
            t!("Survey export")
        }
    }

    /// The source name offered by default: the tool and the start of the signature, e.g.
    /// "SurveyMonkey 3f9a1c".
    pub fn default_source_name(&self) -> String {
        format!("{} {}", self.tool(), &self.signature()[..6])
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.headers.len()
    }
}

/// A LimeSurvey question code such as `Q1[SQ001]` or `G2Q3`.
fn is_lime_code(header: &str) -> bool {
    let header = header.trim();
    match header.split_once('[') {
        Some((code, rest)) => {
            !code.is_empty() && rest.ends_with(']') && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

/// Lowercase, single spaces, trimmed: how headers are compared.
pub(crate) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}


fn single(problem: Problem) -> ImportError {
    ImportError { problems: vec![problem], not_kept: 0 }
}

/// Whether a cell holds a number: a plain one or the clear leading number of a rating.
fn is_numeric_cell(cell: &str) -> bool {
    leading_number(cell).is_some()
}

/// Reads an export. `header_rows` forces 1 or 2 header rows; `None` detects them: the second
/// row is a header row when it holds no number at all (neither plain nor a rating like
/// "7 - Agree") but some text, and the first row leaves a cell blank or the second names a
/// sub-answer SurveyMonkey writes ("Response", "Open-Ended Response").
///
/// # Errors
/// [`ImportError`] when the file is empty, not text, or its CSV structure is broken.
pub fn read_table(bytes: &[u8], header_rows: Option<usize>) -> Result<Table, ImportError> {
    let decoded = decode(bytes).map_err(|e| single(Problem::from(e)))?;
    let encoding = decoded.encoding;
    let text: &str = &decoded.text;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(single(Problem::Empty));
    }
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.records().enumerate() {
        match record {
            Ok(record) => records.push(record.iter().map(str::to_owned).collect()),
            // Row numbers here count from the first line; the header is row 0.
            Err(e) => problems.push(Problem::Malformed { row: index, message: e.to_string() }),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError { problems, not_kept: 0 });
    }
    let Some(first) = records.first() else { return Err(single(Problem::Empty)) };
    let detected = match records.get(1) {
        Some(second) => {
            let has_text = second.iter().any(|c| !c.trim().is_empty());
            let no_numbers = !second.iter().any(|c| is_numeric_cell(c));
            let gaps_above = first.iter().any(|c| c.trim().is_empty()) || first.len() < second.len();
            let sub_words = second.iter().any(|c| PLAIN_SUB_HEADERS.contains(&normalise(c).as_str()));
            if has_text && no_numbers && (gaps_above || sub_words) {
                2
            } else {
                1
            }
        }
        None => 1,
    };
    let used = match header_rows {
        Some(2) if records.len() >= 2 => 2,
        Some(_) => 1,
        None => detected,
    };
    let width = records.iter().take(used).map(Vec::len).max().unwrap_or(0);
    let mut headers = Vec::with_capacity(width);
    let mut question_above = String::new();
    for column in 0..width {
        let question = records[0].get(column).map_or("", |c| c.trim());
        let header = if used == 2 {
            let sub = records[1].get(column).map_or("", |c| c.trim());
            // A matrix question names itself once, over its first column: carry it right.
            let question = if question.is_empty() && !sub.is_empty() {
                question_above.clone()
            } else {
                question.to_owned()
            };
            if !question.is_empty() {
                question_above = question.clone();
            }
            match (question.is_empty(), sub.is_empty() || PLAIN_SUB_HEADERS.contains(&normalise(sub).as_str())) {
                (true, true) => String::new(),
                (true, false) => sub.to_owned(),
                (false, true) => question,
                (false, false) => format!("{question} — {sub}"),
            }
        } else {
            question.to_owned()
        };
        headers.push(if header.is_empty() { t!("Column {n}", n = column + 1) } else { header });
    }
    let rows = records.into_iter().skip(used).collect();
    Ok(Table { headers, header_rows: used, detected_header_rows: detected, rows, delimiter: char::from(delimiter), encoding })
}

/// The number an answer stands for: a plain number (`5`, `4,5`), or the clear leading number
/// of a rating's text (`7 - Strongly agree`, `10 (Extremely likely)`, `3: Neutral`). Clear
/// means the number is followed by a space, dash, colon, full stop or bracket and the rest
/// of the cell holds no other digit. `None` otherwise.
pub fn leading_number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    if let Some(value) = parse_number(cell) {
        return Some(value);
    }
    let end = cell
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i > 0 && matches!(c, '.' | ',')) || (i == 0 && matches!(c, '-' | '+'))))
        .map_or(cell.len(), |(i, _)| i);
    let (number, rest) = cell.split_at(end);
    // "7. Agree": the full stop ends the number rather than starting decimals.
    let (number, rest) = match number.strip_suffix(['.', ',']) {
        Some(stripped) => (stripped, &cell[stripped.len()..]),
        None => (number, rest),
    };
    let value = parse_number(number)?;
    let separated = rest.starts_with(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | '(' | ')' | '='));
    let other_digit = rest.chars().any(|c| c.is_ascii_digit());
    (separated && !other_digit && rest.chars().any(char::is_alphabetic)).then_some(value)
}

/// Converts `table` through `targets` (one per column; missing ones are ignored) into
/// responses, with exactly the canonical import's checks (`options`: the scale, the
/// project's items, stored ids, the wave for rows without one).
///
/// # Errors
/// [`ImportError`] listing every problem, in row order, with the export's own column headers
/// and cell values: two columns mapped to the same field, a row with more fields than the
/// header, and everything the canonical import rejects. Nothing is returned then.
pub fn convert(table: &Table, targets: &[Target], options: &ImportOptions<'_>) -> Result<ImportedFile, ImportError> {
    let mut problems: Vec<Problem> = Vec::new();
    // Canonical column name → the export's column index.
    let mut column_of: HashMap<String, usize> = HashMap::new();
    let mut mapped: Vec<(usize, &Target)> = Vec::new();
    for (index, target) in targets.iter().enumerate().take(table.width()) {
        if *target == Target::Ignore {
            continue;
        }
        let key = target.key();
        let folded = key.to_lowercase();
        if let Some(&first) = column_of.get(&folded) {
            problems.push(Problem::BadColumn {
                column: column_label(&table.headers[index]),
                reason: t!(
                    "{target} is already mapped from column \"{column}\"",
                    target = target,
                    column = table.headers[first]
                ),
            });
            continue;
        }
        column_of.insert(folded, index);
        mapped.push((index, target));
    }

    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let header: Vec<String> = mapped.iter().map(|(_, t)| t.key()).collect();
    let mut write_failed = writer.write_record(&header).is_err();
    for (row_index, row) in table.rows.iter().enumerate() {
        if row.len() > table.width() {
            problems.push(Problem::TooManyFields { row: row_index + 1, expected: table.width(), found: row.len() });
        }
        let record: Vec<String> = mapped
            .iter()
            .map(|&(index, target)| {
                let cell = row.get(index).map_or("", String::as_str);
                match leading_number(cell) {
                    Some(value) if target.is_numeric() && parse_number(cell).is_none() => format!("{value}"),
                    _ => cell.to_owned(),
                }
            })
            .collect();
        write_failed |= writer.write_record(&record).is_err();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    if write_failed {
        // Writing to memory does not fail; if it ever did, say so rather than import half.
        problems.push(Problem::Malformed { row: 0, message: t!("the mapped table could not be written").into() });
    }

    let by_key: HashMap<String, usize> = mapped.iter().map(|&(i, t)| (t.key(), i)).collect();
    let mut not_kept = 0;
    match parse_responses(&bytes, options) {
        Ok(mut file) if problems.is_empty() => {
            file.delimiter = table.delimiter;
            file.encoding = table.encoding;
            return Ok(file);
        }
        Ok(_) => {}
        Err(error) => {
            not_kept = error.not_kept;
            problems.extend(error.problems.into_iter().map(|p| relabel(p, table, &by_key)));
        }
    }
    // Header problems (no row) first, then by row; within a row, in column order as found.
    crate::sort::sort_by_key(&mut problems, |p| p.row().unwrap_or(0));
    Err(ImportError { problems, not_kept })
}

/// Characters of a column name that messages show in full (longer ones are cut there).
const LABEL_CHARS: usize = 40;

/// A header short enough for a message that keeps its end: a long question is cut before a
/// second header row's sub-answer ("Customers are served… — Experience"), so the side stays
/// visible. Shorter headers, and those without a sub-answer, are returned as they are.
pub fn column_label(header: &str) -> String {
    if header.chars().count() <= LABEL_CHARS {
        return header.to_owned();
    }
    if let Some((question, sub)) = header.rsplit_once(" — ") {
        let budget = LABEL_CHARS.saturating_sub(sub.chars().count() + 4);
        if budget >= 12 {
            let cut: String = question.chars().take(budget).collect();
            return format!("{}… — {sub}", cut.trim_end());
        }
    }
    header.to_owned()
}

/// Names a canonical problem by the export's header and its original cell text.
fn relabel(problem: Problem, table: &Table, by_key: &HashMap<String, usize>) -> Problem {
    let header = |column: &str| by_key.get(column).map(|&i| (i, column_label(&table.headers[i])));
    let original = |row: usize, index: usize, value: String| {
        table.rows.get(row.wrapping_sub(1)).and_then(|r| r.get(index)).map_or(value, |cell| cell.trim().to_owned())
    };
    match problem {
        Problem::NotANumber { row, column, value } => match header(&column) {
            Some((i, name)) => Problem::NotANumber { row, column: name, value: original(row, i, value) },
            None => Problem::NotANumber { row, column, value },
        },
        Problem::OutOfRange { row, column, value, min, max } => match header(&column) {
            Some((i, name)) => Problem::OutOfRange { row, column: name, value: original(row, i, value), min, max },
            None => Problem::OutOfRange { row, column, value, min, max },
        },
        Problem::NotWhole { row, column, value } => match header(&column) {
            Some((i, name)) => Problem::NotWhole { row, column: name, value: original(row, i, value) },
            None => Problem::NotWhole { row, column, value },
        },
        Problem::CellTooLong { row, column, chars } => {
            Problem::CellTooLong { row, column: header(&column).map_or(column, |(_, n)| n), chars }
        }
        Problem::BadDate { row, column, value } => {
            Problem::BadDate { row, column: header(&column).map_or(column, |(_, n)| n), value }
        }
        Problem::UnknownItem { column } => Problem::UnknownItem { column: header(&column).map_or(column, |(_, n)| n) },
        Problem::UnknownDimension { column } => {
            Problem::UnknownDimension { column: header(&column).map_or(column, |(_, n)| n) }
        }
        Problem::DuplicateColumn { column } => {
            Problem::DuplicateColumn { column: header(&column).map_or(column, |(_, n)| n) }
        }
        Problem::BadColumn { column, reason } => {
            Problem::BadColumn { column: header(&column).map_or(column, |(_, n)| n), reason }
        }
        other => other,
    }
}

/// The wave name to offer after `current`: its last number counted up ("Wave 1" → "Wave 2",
/// "2026 Q1" → "2026 Q2"); `None` when it holds no number.
pub fn next_wave_name(current: &str) -> Option<String> {
    let current = current.trim();
    let end = current.rfind(|c: char| c.is_ascii_digit())? + 1;
    let start = current[..end].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let number: u64 = current[start..end].parse().ok()?;
    Some(format!("{}{}{}", &current[..start], number.checked_add(1)?, &current[end..]))
}

#[cfg(test)]
mod tests;
