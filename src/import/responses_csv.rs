//! The canonical Responses CSV (DESIGN.md, "Files"): one row per respondent.
//!
//! Parsing is all-or-nothing: either every row is valid and [`ImportedFile`] holds them, or
//! [`ImportError`] lists every offending row, column and value and nothing is returned.

use super::number::parse_number;
use crate::model::{
    Answer, DimensionCode, Item, ItemCode, RespondentId, Response, Scale, Source, Wave,
};
use crate::template::SERVQUAL;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// Longest cell accepted, in characters. Comments are short; a longer cell is a broken file.
pub const MAX_CELL_CHARS: usize = 10_000;
/// Problems kept in an [`ImportError`]; the rest are only counted.
const MAX_PROBLEMS_KEPT: usize = 10_000;

/// Which item codes a file may use.
#[derive(Debug, Clone, Copy)]
pub enum ItemPolicy<'a> {
    /// Only the project's items (matched case-insensitively); any other code is a problem.
    Project(&'a [Item]),
    /// The project's items; columns of other codes are ignored (the native command).
    ProjectIgnoringUnknown(&'a [Item]),
    /// The SERVQUAL template's codes, and unknown codes in dimension `other` (the native
    /// command without `--project`).
    TemplateAndUnknown,
}

/// What the file is checked against.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions<'a> {
    /// The project's rating scale.
    pub scale: Scale,
    /// Which item codes are allowed.
    pub items: ItemPolicy<'a>,
    /// Ids already stored in the project: a row repeating one is a problem.
    pub existing_ids: &'a HashSet<String>,
    /// Wave for rows whose wave is blank or absent (`None` = no wave).
    pub default_wave: Option<&'a str>,
    /// Prefix for generated ids (rows with no id).
    pub id_prefix: &'a str,
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedFile {
    /// One response per data row, in file order.
    pub responses: Vec<Response>,
    /// Waves the rows name, in order of first appearance.
    pub waves: Vec<Wave>,
    /// Items that have an `E:` or `P:` column: template order first, then unknown codes.
    pub items: Vec<Item>,
    /// Header names that are not part of the canonical format (ignored).
    pub ignored_columns: Vec<String>,
    /// Rows that got a generated id.
    pub generated_ids: usize,
    /// Rows whose importance points did not sum to 100 and were rescaled.
    pub rescaled_importance: usize,
    /// The separator found: `,` or `;`.
    pub delimiter: char,
}

/// One thing wrong with a file. Rows count data records: row 1 is the first after the header.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// The file holds nothing, not even a header.
    Empty,
    /// The file is not UTF-8 text (or looks binary) at this byte offset.
    NotText { byte: usize },
    /// The CSV structure itself is broken (e.g. an unterminated quote).
    Malformed { row: usize, message: String },
    /// Two header cells name the same column.
    DuplicateColumn { column: String },
    /// An `E:`/`P:` column names an item the project does not have.
    UnknownItem { column: String },
    /// An `I:` column names a dimension the project does not have.
    UnknownDimension { column: String },
    /// A header cell that cannot be a column (e.g. `E:` with no code).
    BadColumn { column: String, reason: String },
    /// A row with more fields than the header.
    TooManyFields { row: usize, expected: usize, found: usize },
    /// A cell that should hold a number does not.
    NotANumber { row: usize, column: String, value: String },
    /// A number outside its allowed range.
    OutOfRange { row: usize, column: String, value: String, min: f64, max: f64 },
    /// A whole-number answer (NPS, CSAT, CES) with a fraction.
    NotWhole { row: usize, column: String, value: String },
    /// `source` is neither `customer` nor `management`.
    UnknownSource { row: usize, value: String },
    /// An id used before in the file (`first_row`) or already stored (`first_row` = None).
    DuplicateId { row: usize, value: String, first_row: Option<usize> },
    /// An id that cannot be used (too long).
    BadId { row: usize, value: String, reason: String },
    /// A cell longer than [`MAX_CELL_CHARS`].
    CellTooLong { row: usize, column: String, chars: usize },
    /// A date that is not ISO 8601 (YYYY-MM-DD).
    BadDate { row: usize, column: String, value: String },
}

impl Problem {
    /// The data row the problem is on, if any.
    pub fn row(&self) -> Option<usize> {
        match self {
            Problem::Malformed { row, .. }
            | Problem::TooManyFields { row, .. }
            | Problem::NotANumber { row, .. }
            | Problem::OutOfRange { row, .. }
            | Problem::NotWhole { row, .. }
            | Problem::UnknownSource { row, .. }
            | Problem::DuplicateId { row, .. }
            | Problem::BadId { row, .. }
            | Problem::CellTooLong { row, .. }
            | Problem::BadDate { row, .. } => Some(*row),
            _ => None,
        }
    }
}

/// Shortens a value for a message: user text is quoted and cut, never interpreted.
fn shown(value: &str) -> String {
    let cut: String = value.chars().take(40).collect();
    if cut.len() < value.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

fn number(value: f64) -> String {
    format!("{value}")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("the file is empty: it needs at least a header row"),
            Problem::NotText { byte } => write!(
                f,
                "the file is not UTF-8 text (byte {byte}); save it as \"CSV UTF-8\" and try again"
            ),
            Problem::Malformed { row, message } => {
                write!(f, "row {row}: the CSV structure is broken ({message})")
            }
            Problem::DuplicateColumn { column } => {
                write!(f, "column {}: the header names this column twice", shown(column))
            }
            Problem::UnknownItem { column } => write!(
                f,
                "column {}: this project has no item with that code",
                shown(column)
            ),
            Problem::UnknownDimension { column } => write!(
                f,
                "column {}: this project has no dimension with that code",
                shown(column)
            ),
            Problem::BadColumn { column, reason } => {
                write!(f, "column {}: {reason}", shown(column))
            }
            Problem::TooManyFields { row, expected, found } => write!(
                f,
                "row {row}: {found} fields, but the header has {expected} columns"
            ),
            Problem::NotANumber { row, column, value } => {
                write!(f, "row {row}, column {}: {} is not a number", shown(column), shown(value))
            }
            Problem::OutOfRange { row, column, value, min, max } => write!(
                f,
                "row {row}, column {}: {} is outside {}–{}",
                shown(column),
                shown(value),
                number(*min),
                number(*max)
            ),
            Problem::NotWhole { row, column, value } => write!(
                f,
                "row {row}, column {}: {} must be a whole number",
                shown(column),
                shown(value)
            ),
            Problem::UnknownSource { row, value } => write!(
                f,
                "row {row}, column \"source\": {} is neither \"customer\" nor \"management\"",
                shown(value)
            ),
            Problem::DuplicateId { row, value, first_row: Some(first) } => write!(
                f,
                "row {row}, column \"id\": {} was already used in row {first}",
                shown(value)
            ),
            Problem::DuplicateId { row, value, first_row: None } => write!(
                f,
                "row {row}, column \"id\": {} is already stored in this project",
                shown(value)
            ),
            Problem::BadId { row, value, reason } => {
                write!(f, "row {row}, column \"id\": {} {reason}", shown(value))
            }
            Problem::CellTooLong { row, column, chars } => write!(
                f,
                "row {row}, column {}: the cell holds {chars} characters, more than the {MAX_CELL_CHARS} allowed",
                shown(column)
            ),
            Problem::BadDate { row, column, value } => write!(
                f,
                "row {row}, column {}: {} is not a date like 2026-03-31",
                shown(column),
                shown(value)
            ),
        }
    }
}

/// Why a file was rejected: every problem found (up to 10,000 kept, the rest counted).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The problems, in file order (header problems first).
    pub problems: Vec<Problem>,
    /// Problems found beyond those kept.
    pub not_kept: usize,
}

impl ImportError {
    fn single(problem: Problem) -> ImportError {
        ImportError { problems: vec![problem], not_kept: 0 }
    }

    /// Total number of problems found.
    pub fn total(&self) -> usize {
        self.problems.len() + self.not_kept
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        writeln!(
            f,
            "The file was not imported: {total} problem{} found; nothing was changed.",
            if total == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            writeln!(f, "- {problem}")?;
        }
        if self.not_kept > 0 {
            writeln!(f, "… and {} more", self.not_kept)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// What a header cell means.
#[derive(Debug, Clone)]
enum Column {
    Id,
    Source,
    Wave,
    Date,
    Expectation(usize),
    Perception(usize),
    Segment(String),
    Importance(DimensionCode),
    Nps,
    Csat,
    Ces,
    Comment,
    Ignored,
}

/// Finds the separator from the header line: the most frequent of `,` `;` and tab outside
/// quotes; `,` on a tie.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    candidates[best]
}

/// Checks that `bytes` is text and returns it without a BOM.
fn as_text(bytes: &[u8]) -> Result<&str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| Problem::NotText { byte: e.valid_up_to() })?;
    if let Some(byte) = text.bytes().position(|b| b == 0) {
        return Err(Problem::NotText { byte });
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

struct Header {
    columns: Vec<Column>,
    names: Vec<String>,
    items: Vec<Item>,
    ignored: Vec<String>,
}

fn split_prefix<'h>(name: &'h str, prefix: &str) -> Option<&'h str> {
    let head = name.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| name[prefix.len()..].trim())
}

/// Reads the header row into columns, collecting every problem with it.
fn read_header(names: Vec<String>, policy: ItemPolicy<'_>, problems: &mut Vec<Problem>) -> Header {
    let mut items: Vec<Item> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut ignored = Vec::new();
    let mut columns = Vec::with_capacity(names.len());
    for name in &names {
        let trimmed = name.trim();
        let key = trimmed.to_lowercase();
        if !key.is_empty() && seen.insert(key.clone(), ()).is_some() {
            problems.push(Problem::DuplicateColumn { column: trimmed.to_owned() });
        }
        let column = match key.as_str() {
            "id" => Column::Id,
            "source" => Column::Source,
            "wave" => Column::Wave,
            "date" => Column::Date,
            "nps" => Column::Nps,
            "csat" => Column::Csat,
            "ces" => Column::Ces,
            "comment" => Column::Comment,
            _ => {
                if let Some(code) = split_prefix(trimmed, "E:") {
                    item_column(trimmed, code, policy, &mut items, problems).map_or(Column::Ignored, Column::Expectation)
                } else if let Some(code) = split_prefix(trimmed, "P:") {
                    item_column(trimmed, code, policy, &mut items, problems).map_or(Column::Ignored, Column::Perception)
                } else if let Some(code) = split_prefix(trimmed, "I:") {
                    match dimension_column(code, policy) {
                        Some(code) => Column::Importance(code),
                        None => {
                            problems.push(Problem::UnknownDimension { column: trimmed.to_owned() });
                            Column::Ignored
                        }
                    }
                } else if let Some(segment) = split_prefix(trimmed, "segment:") {
                    if segment.is_empty() {
                        problems.push(Problem::BadColumn {
                            column: trimmed.to_owned(),
                            reason: "a segment column needs a name after \"segment:\"".into(),
                        });
                        Column::Ignored
                    } else {
                        Column::Segment(segment.to_owned())
                    }
                } else {
                    ignored.push(trimmed.to_owned());
                    Column::Ignored
                }
            }
        };
        columns.push(column);
    }
    if let ItemPolicy::TemplateAndUnknown = policy {
        // Template order first, then unknown codes in the order their columns appear.
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| SERVQUAL.find(items[i].code.as_str()).map_or(usize::MAX, |(pos, _, _)| pos));
        let mut remap = vec![0; items.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new;
        }
        for column in &mut columns {
            if let Column::Expectation(i) | Column::Perception(i) = column {
                *i = remap[*i];
            }
        }
        items = order.into_iter().map(|i| items[i].clone()).collect();
    }
    Header { columns, names, items, ignored }
}

/// Resolves the item of an `E:`/`P:` column, adding it to `items` once.
fn item_column(
    column: &str,
    code: &str,
    policy: ItemPolicy<'_>,
    items: &mut Vec<Item>,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let item = match policy {
        ItemPolicy::Project(known) | ItemPolicy::ProjectIgnoringUnknown(known) => {
            match known.iter().find(|i| i.code.as_str().eq_ignore_ascii_case(code)) {
                Some(item) => item.clone(),
                None => {
                    if let ItemPolicy::Project(_) = policy {
                        problems.push(Problem::UnknownItem { column: column.to_owned() });
                    }
                    return None;
                }
            }
        }
        ItemPolicy::TemplateAndUnknown => {
            let (code, dimension) = match SERVQUAL.find(code) {
                Some((_, code, dimension)) => (code.to_owned(), dimension),
                None => (code.to_owned(), super::super::analysis::OTHER_DIMENSION),
            };
            let (Ok(item_code), Ok(dimension)) = (ItemCode::new(&code), DimensionCode::new(dimension)) else {
                problems.push(Problem::BadColumn {
                    column: column.to_owned(),
                    reason: "an item code may only hold letters, digits, '_', '-' and '.'".into(),
                });
                return None;
            };
            Item { code: item_code, dimension, text: String::new(), touchpoint: None }
        }
    };
    if let Some(position) = items.iter().position(|i| i.code == item.code) {
        return Some(position);
    }
    items.push(item);
    Some(items.len() - 1)
}

fn dimension_column(code: &str, policy: ItemPolicy<'_>) -> Option<DimensionCode> {
    match policy {
        ItemPolicy::Project(items) | ItemPolicy::ProjectIgnoringUnknown(items) => items
            .iter()
            .map(|i| &i.dimension)
            .find(|d| d.as_str().eq_ignore_ascii_case(code))
            .cloned(),
        ItemPolicy::TemplateAndUnknown => DimensionCode::new(code).ok(),
    }
}

/// Collects problems, keeping the first [`MAX_PROBLEMS_KEPT`].
struct Problems {
    kept: Vec<Problem>,
    not_kept: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.kept.len() < MAX_PROBLEMS_KEPT {
            self.kept.push(problem);
        } else {
            self.not_kept += 1;
        }
    }
}

/// Parses and validates a Responses CSV.
///
/// # Errors
/// [`ImportError`] listing every problem when anything is wrong; then nothing is returned.
pub fn parse_responses(bytes: &[u8], options: &ImportOptions<'_>) -> Result<ImportedFile, ImportError> {
    let text = as_text(bytes).map_err(ImportError::single)?;
    if text.trim().is_empty() {
        return Err(ImportError::single(Problem::Empty));
    }
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let mut problems = Problems { kept: Vec::new(), not_kept: 0 };
    let header_names: Vec<String> = match records.next() {
        Some(Ok(record)) => record.iter().map(str::to_owned).collect(),
        Some(Err(e)) => return Err(ImportError::single(Problem::Malformed { row: 0, message: e.to_string() })),
        None => return Err(ImportError::single(Problem::Empty)),
    };
    let mut header_problems = Vec::new();
    let header = read_header(header_names, options.items, &mut header_problems);
    for problem in header_problems {
        problems.push(problem);
    }

    let mut rows: Vec<(usize, Response)> = Vec::new();
    let mut waves: Vec<Wave> = Vec::new();
    let mut first_row_of_id: HashMap<String, usize> = HashMap::new();
    let mut rescaled_importance = 0;
    for (index, record) in records.enumerate() {
        let row = index + 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(Problem::Malformed { row, message: e.to_string() });
                continue;
            }
        };
        if record.len() > header.columns.len() {
            problems.push(Problem::TooManyFields { row, expected: header.columns.len(), found: record.len() });
            continue;
        }
        let (response, wave_date, rescaled, row_ok) = parse_row(row, &record, &header, options, &mut problems);
        // Ids are checked on rows with other problems too, so every offence is listed.
        if let Some(id) = &response.id {
            if options.existing_ids.contains(id.as_str()) {
                problems.push(Problem::DuplicateId { row, value: id.to_string(), first_row: None });
            } else if let Some(&first) = first_row_of_id.get(id.as_str()) {
                problems.push(Problem::DuplicateId { row, value: id.to_string(), first_row: Some(first) });
            } else {
                first_row_of_id.insert(id.to_string(), row);
            }
        }
        if !row_ok {
            continue;
        }
        rescaled_importance += usize::from(rescaled);
        if let Some(name) = &response.wave {
            match waves.iter_mut().find(|w| &w.name == name) {
                Some(wave) => {
                    if wave.date.is_none() {
                        wave.date = wave_date;
                    }
                }
                None => waves.push(Wave { name: name.clone(), date: wave_date }),
            }
        }
        rows.push((row, response));
    }

    if !problems.kept.is_empty() {
        return Err(ImportError { problems: problems.kept, not_kept: problems.not_kept });
    }

    // Ids for rows without one: prefix + row number, made unique against every id in play.
    let mut generated_ids = 0;
    let mut responses = Vec::with_capacity(rows.len());
    for (row, mut response) in rows {
        if response.id.is_none() {
            let mut candidate = format!("{}{row}", options.id_prefix);
            let mut bump = 1;
            while options.existing_ids.contains(&candidate) || first_row_of_id.contains_key(&candidate) {
                bump += 1;
                candidate = format!("{}{row}-{bump}", options.id_prefix);
            }
            first_row_of_id.insert(candidate.clone(), row);
            response.id = RespondentId::new(&candidate).ok();
            generated_ids += 1;
        }
        responses.push(response);
    }

    Ok(ImportedFile {
        responses,
        waves,
        items: header.items,
        ignored_columns: header.ignored,
        generated_ids,
        rescaled_importance,
        delimiter: char::from(delimiter),
    })
}

/// Reads one data row. Returns the response, the wave date given on the row, whether its
/// importance points were rescaled, and whether the row was free of problems (the
/// problems themselves are pushed).
fn parse_row(
    row: usize,
    record: &csv::StringRecord,
    header: &Header,
    options: &ImportOptions<'_>,
    problems: &mut Problems,
) -> (Response, Option<String>, bool, bool) {
    let before = problems.kept.len() + problems.not_kept;
    let mut response = Response::default();
    let mut wave_date = None;
    let mut answers: BTreeMap<ItemCode, Answer> = BTreeMap::new();
    let scale = options.scale;
    let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));

    for (index, column) in header.columns.iter().enumerate() {
        // Missing trailing fields count as blank.
        let raw = record.get(index).unwrap_or("");
        let name = &header.names[index];
        let chars = raw.chars().count();
        if chars > MAX_CELL_CHARS {
            problems.push(Problem::CellTooLong { row, column: name.trim().to_owned(), chars });
            continue;
        }
        let value = raw.trim();
        if value.is_empty() {
            continue;
        }
        let column_name = || name.trim().to_owned();
        match column {
            Column::Id => match RespondentId::new(value) {
                Ok(id) => response.id = Some(id),
                Err(e) => problems.push(Problem::BadId { row, value: value.to_owned(), reason: e.to_string() }),
            },
            Column::Source => match value.to_lowercase().as_str() {
                "customer" => response.source = Source::Customer,
                "management" => response.source = Source::Management,
                _ => problems.push(Problem::UnknownSource { row, value: value.to_owned() }),
            },
            Column::Wave => response.wave = Some(value.to_owned()),
            Column::Date => {
                if is_iso_date(value) {
                    wave_date = Some(value.to_owned());
                } else {
                    problems.push(Problem::BadDate { row, column: column_name(), value: value.to_owned() });
                }
            }
            Column::Expectation(item) | Column::Perception(item) => {
                let Some(number) = checked_number(row, name, value, min, max, problems) else { continue };
                let answer = answers.entry(header.items[*item].code.clone()).or_default();
                if matches!(column, Column::Expectation(_)) {
                    answer.expectation = Some(number);
                } else {
                    answer.perception = Some(number);
                }
            }
            Column::Segment(segment) => {
                response.segments.insert(segment.clone(), value.to_owned());
            }
            Column::Importance(dimension) => {
                if let Some(points) = checked_number(row, name, value, 0.0, 100.0, problems) {
                    response.importance.insert(dimension.clone(), points);
                }
            }
            Column::Nps => response.nps = checked_whole(row, name, value, 0.0, 10.0, problems),
            Column::Csat => response.csat = checked_whole(row, name, value, 1.0, 5.0, problems),
            Column::Ces => response.ces = checked_whole(row, name, value, 1.0, 7.0, problems),
            Column::Comment => response.comment = Some(value.to_owned()),
            Column::Ignored => {}
        }
    }
    if problems.kept.len() + problems.not_kept > before {
        return (response, wave_date, false, false);
    }
    if response.wave.is_none() {
        response.wave = options.default_wave.map(str::to_owned);
    }
    response.answers = answers;
    let rescaled = rescale_importance(&mut response.importance);
    (response, wave_date, rescaled, true)
}

/// Rescales importance points to sum to 100. A row whose points sum to 0 gives no weight
/// (its points are dropped). Returns whether a rescale happened.
fn rescale_importance(points: &mut BTreeMap<DimensionCode, f64>) -> bool {
    let sum: f64 = points.values().sum();
    if points.is_empty() {
        return false;
    }
    if sum == 0.0 {
        points.clear();
        return false;
    }
    if sum == 100.0 {
        return false;
    }
    for value in points.values_mut() {
        *value = *value * 100.0 / sum;
    }
    true
}

fn checked_number(row: usize, column: &str, value: &str, min: f64, max: f64, problems: &mut Problems) -> Option<f64> {
    let column = column.trim().to_owned();
    match parse_number(value) {
        None => {
            problems.push(Problem::NotANumber { row, column, value: value.to_owned() });
            None
        }
        Some(number) if number < min || number > max => {
            problems.push(Problem::OutOfRange { row, column, value: value.to_owned(), min, max });
            None
        }
        Some(number) => Some(number),
    }
}

fn checked_whole(row: usize, column: &str, value: &str, min: f64, max: f64, problems: &mut Problems) -> Option<u8> {
    let number = checked_number(row, column, value, min, max, problems)?;
    if number.fract() != 0.0 {
        problems.push(Problem::NotWhole { row, column: column.trim().to_owned(), value: value.to_owned() });
        return None;
    }
    // In range 0–10 by the check above, so the cast is exact.
    Some(number as u8)
}

fn is_iso_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    bytes.len() >= 10
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && (bytes.len() == 10 || bytes[10] == b'T' || bytes[10] == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(existing: &HashSet<String>) -> ImportOptions<'_> {
        ImportOptions {
            scale: Scale::SEVEN,
            items: ItemPolicy::TemplateAndUnknown,
            existing_ids: existing,
            default_wave: None,
            id_prefix: "r",
        }
    }

    fn parse(text: &str) -> Result<ImportedFile, ImportError> {
        parse_responses(text.as_bytes(), &options(&HashSet::new()))
    }

    #[test]
    fn delimiter_is_detected_outside_quotes() {
        assert_eq!(detect_delimiter("id;E:REL1;P:REL1\n1;2;3"), b';');
        assert_eq!(detect_delimiter("\"a;b;c\",x,y\n"), b',');
        assert_eq!(detect_delimiter("id\tE:REL1\n"), b'\t');
    }

    #[test]
    fn semicolon_bom_crlf_and_decimal_comma() {
        let file = parse("\u{feff}id;E:REL1;P:REL1\r\nA;6;4,5\r\nB;7;7\r\n").unwrap();
        assert_eq!(file.responses.len(), 2);
        assert_eq!(file.responses[0].answers[&ItemCode::new("REL1").unwrap()].perception, Some(4.5));
        assert_eq!(file.delimiter, ';');
    }

    #[test]
    fn quoted_fields_may_hold_separators_and_newlines() {
        let file = parse("id,comment,P:REL1\n1,\"late, and\nrude\",3\n").unwrap();
        assert_eq!(file.responses[0].comment.as_deref(), Some("late, and\nrude"));
    }

    #[test]
    fn every_offence_is_listed_with_row_column_and_value() {
        let error = parse("id,source,E:REL1,P:REL1\n1,customer,9,x\n1,boss,3,3\n").unwrap_err();
        let messages: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            vec![
                "row 1, column \"E:REL1\": \"9\" is outside 1–7",
                "row 1, column \"P:REL1\": \"x\" is not a number",
                "row 2, column \"source\": \"boss\" is neither \"customer\" nor \"management\"",
                "row 2, column \"id\": \"1\" was already used in row 1",
            ]
        );
    }

    #[test]
    fn a_repeated_id_is_reported_even_when_its_first_row_has_other_problems() {
        let error = parse("id,P:REL1\na,9\na,3\n").unwrap_err();
        assert_eq!(error.problems.len(), 2);
        assert_eq!(error.problems[1], Problem::DuplicateId { row: 2, value: "a".into(), first_row: Some(1) });
    }

    #[test]
    fn duplicate_ids_in_the_file_and_in_storage() {
        let error = parse("id,P:REL1\na,1\nb,2\na,3\n").unwrap_err();
        assert_eq!(error.problems, vec![Problem::DuplicateId { row: 3, value: "a".into(), first_row: Some(1) }]);
        let stored: HashSet<String> = ["b".to_owned()].into();
        let error = parse_responses(b"id,P:REL1\nb,2\n", &options(&stored)).unwrap_err();
        assert_eq!(error.problems, vec![Problem::DuplicateId { row: 1, value: "b".into(), first_row: None }]);
    }

    #[test]
    fn ragged_rows() {
        let error = parse("id,P:REL1\na,1,9\n").unwrap_err();
        assert_eq!(error.problems, vec![Problem::TooManyFields { row: 1, expected: 2, found: 3 }]);
        let file = parse("id,E:REL1,P:REL1\na,5\n").unwrap();
        assert_eq!(file.responses[0].answers[&ItemCode::new("REL1").unwrap()].perception, None);
    }

    #[test]
    fn empty_header_only_and_binary_files() {
        assert_eq!(parse("").unwrap_err().problems, vec![Problem::Empty]);
        assert_eq!(parse("id,P:REL1\n").unwrap().responses.len(), 0);
        let binary = parse_responses(b"PK\x03\x04\x00\xff", &options(&HashSet::new())).unwrap_err();
        assert!(matches!(binary.problems[0], Problem::NotText { .. }));
    }

    #[test]
    fn duplicate_columns_and_unknown_project_items() {
        assert_eq!(
            parse("id,P:REL1,p:rel1\n").unwrap_err().problems,
            vec![Problem::DuplicateColumn { column: "p:rel1".into() }]
        );
        let items = SERVQUAL.items();
        let existing = HashSet::new();
        let options = ImportOptions { items: ItemPolicy::Project(&items), ..options(&existing) };
        let error = parse_responses(b"id,P:NOPE1\n", &options).unwrap_err();
        assert_eq!(error.problems, vec![Problem::UnknownItem { column: "P:NOPE1".into() }]);
    }

    #[test]
    fn generated_ids_do_not_collide() {
        let file = parse("id,P:REL1\n,1\nr1,2\n").unwrap();
        let ids: Vec<&str> = file.responses.iter().map(Response::id_str).collect();
        assert_eq!(ids, vec!["r1-2", "r1"]);
        assert_eq!(file.generated_ids, 1);
    }

    #[test]
    fn items_follow_template_order_then_unknown_codes() {
        let file = parse("P:XTRA,P:rel2,P:TAN1\n1,2,3\n").unwrap();
        let codes: Vec<&str> = file.items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, vec!["TAN1", "REL2", "XTRA"]);
        assert_eq!(file.items[2].dimension.as_str(), "other");
        assert_eq!(file.responses[0].answers[&ItemCode::new("XTRA").unwrap()].perception, Some(1.0));
    }

    #[test]
    fn a_huge_cell_is_reported_not_stored() {
        let text = format!("id,comment\na,{}\n", "x".repeat(2_000_000));
        let error = parse(&text).unwrap_err();
        assert_eq!(error.problems, vec![Problem::CellTooLong { row: 1, column: "comment".into(), chars: 2_000_000 }]);
    }

    #[test]
    fn importance_is_rescaled_to_100() {
        let file = parse("id,I:rel,I:tan,I:emp\na,30,30,\nb,0,0,0\n").unwrap();
        let a = &file.responses[0].importance;
        assert!((a[&DimensionCode::new("rel").unwrap()] - 50.0).abs() < 1e-12);
        assert!(file.responses[1].importance.is_empty());
        assert_eq!(file.rescaled_importance, 1);
    }
}
