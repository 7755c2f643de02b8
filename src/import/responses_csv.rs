//! The canonical Responses CSV (DESIGN.md, "Files"): one row per respondent.
//!
//! Parsing is all-or-nothing: either every row is valid and [`ImportedFile`] holds them, or
//! [`ImportError`] lists every offending row, column and value and nothing is returned.

use super::decode::{decode, BinaryFormat, DecodeError, TextEncoding};
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
    /// The character encoding the file was read in.
    pub encoding: TextEncoding,
}

/// One thing wrong with a file. Rows count data records: row 1 is the first after the header.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// The file holds nothing, not even a header.
    Empty,
    /// The file is not text: binary content (a NUL or other control byte, or broken UTF-16)
    /// at this byte offset.
    NotText { byte: usize },
    /// The file is a known binary format (a spreadsheet workbook, an image…), not CSV text.
    Binary { format: BinaryFormat },
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

/// A range limit as the interface writes numbers ("7", "0,5").
fn number(value: f64) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 2 };
    crate::format::number(Some(value), decimals)
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Problem::Empty => t!("the file is empty: it needs at least a header row").to_owned(),
            Problem::NotText { byte } => t!(
                "this looks like a binary file, not CSV text (byte {byte} is not a text character); \
                 save the data as \"CSV UTF-8\" and try again",
                byte = byte
            ),
            Problem::Binary { format } => format.advice().to_owned(),
            Problem::Malformed { row, message } => {
                t!("row {row}: the CSV structure is broken ({message})", row = row, message = message)
            }
            Problem::DuplicateColumn { column } => {
                t!("column {column}: the header names this column twice", column = shown(column))
            }
            Problem::UnknownItem { column } => {
                t!("column {column}: this project has no item with that code", column = shown(column))
            }
            Problem::UnknownDimension { column } => {
                t!("column {column}: this project has no dimension with that code", column = shown(column))
            }
            Problem::BadColumn { column, reason } => {
                t!("column {column}: {reason}", column = shown(column), reason = reason)
            }
            Problem::TooManyFields { row, expected, found } => t!(
                "row {row}: {found} fields, but the header has {expected} columns",
                row = row,
                found = found,
                expected = expected
            ),
            Problem::NotANumber { row, column, value } => t!(
                "row {row}, column {column}: {value} is not a number",
                row = row,
                column = shown(column),
                value = shown(value)
            ),
            Problem::OutOfRange { row, column, value, min, max } => t!(
                "row {row}, column {column}: {value} is outside {min}–{max}",
                row = row,
                column = shown(column),
                value = shown(value),
                min = number(*min),
                max = number(*max)
            ),
            Problem::NotWhole { row, column, value } => t!(
                "row {row}, column {column}: {value} must be a whole number",
                row = row,
                column = shown(column),
                value = shown(value)
            ),
            Problem::UnknownSource { row, value } => t!(
                "row {row}, column \"source\": {value} is neither \"customer\" nor \"management\"",
                row = row,
                value = shown(value)
            ),
            Problem::DuplicateId { row, value, first_row: Some(first) } => t!(
                "row {row}, column \"id\": {value} was already used in row {first}",
                row = row,
                value = shown(value),
                first = first
            ),
            Problem::DuplicateId { row, value, first_row: None } => t!(
                "row {row}, column \"id\": {value} is already stored in this project",
                row = row,
                value = shown(value)
            ),
            Problem::BadId { row, value, reason } => {
                t!("row {row}, column \"id\": {value} {reason}", row = row, value = shown(value), reason = reason)
            }
            Problem::CellTooLong { row, column, chars } => t!(
                "row {row}, column {column}: the cell holds {chars} characters, more than the {max} allowed",
                row = row,
                column = shown(column),
                chars = crate::format::count(*chars),
                max = crate::format::count(MAX_CELL_CHARS)
            ),
            Problem::BadDate { row, column, value } => t!(
                "row {row}, column {column}: {value} is not a date like 2026-03-31",
                row = row,
                column = shown(column),
                value = shown(value)
            ),
        };
        f.write_str(&text)
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
        let headline = if total == 1 {
            t!("The file was not imported: 1 problem found; nothing was changed.").to_owned()
        } else {
            t!("The file was not imported: {n} problems found; nothing was changed.", n = crate::format::count(total))
        };
        writeln!(f, "{headline}")?;
        for problem in &self.problems {
            writeln!(f, "- {problem}")?;
        }
        if self.not_kept > 0 {
            writeln!(f, "{}", t!("… and {n} more", n = crate::format::count(self.not_kept)))?;
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
pub(crate) fn detect_delimiter(text: &str) -> u8 {
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

impl From<DecodeError> for Problem {
    fn from(error: DecodeError) -> Problem {
        match error {
            DecodeError::Binary(format) => Problem::Binary { format },
            DecodeError::NotText { byte } => Problem::NotText { byte },
        }
    }
}

#[derive(Debug)]
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
                            reason: t!("a segment column needs a name after \"segment:\"").into(),
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
        crate::sort::sort_by_key(&mut order, |&i| SERVQUAL.find(items[i].code.as_str()).map_or(usize::MAX, |(pos, _, _)| pos));
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
                    reason: t!("an item code may only hold letters, digits, '_', '-' and '.'").into(),
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
#[derive(Debug)]
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

    fn total(&self) -> usize {
        self.kept.len() + self.not_kept
    }
}

/// How far a [`ResponsesParser`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Data rows read so far.
    pub rows: usize,
    /// Bytes of text read so far (of the decoded text, header included).
    pub bytes_read: usize,
    /// Bytes of text in all.
    pub bytes_total: usize,
    /// Problems found so far.
    pub problems: usize,
}

impl ImportProgress {
    /// The share read, from 0.0 to 1.0 (1.0 for an empty text).
    pub fn fraction(&self) -> f64 {
        if self.bytes_total == 0 {
            1.0
        } else {
            (self.bytes_read as f64 / self.bytes_total as f64).clamp(0.0, 1.0)
        }
    }
}

/// Parses and validates a Responses CSV a few rows at a time, so a caller with a user
/// interface can show progress and stay responsive between steps.
///
/// [`ResponsesParser::new`] reads the encoding and the header, [`ResponsesParser::step`]
/// validates the next rows, and [`ResponsesParser::finish`] gives the result.
/// [`parse_responses`] is the same in one call.
pub struct ResponsesParser<'a> {
    options: ImportOptions<'a>,
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    header: Header,
    encoding: TextEncoding,
    delimiter: u8,
    bytes_total: usize,
    problems: Problems,
    rows: Vec<(usize, Response)>,
    waves: Vec<Wave>,
    first_row_of_id: HashMap<String, usize>,
    rescaled_importance: usize,
    rows_read: usize,
    done: bool,
}

impl<'a> ResponsesParser<'a> {
    /// Reads the file's encoding, separator and header row; the header's problems are kept
    /// and reported by [`ResponsesParser::finish`] together with the rows' problems.
    ///
    /// # Errors
    /// [`ImportError`] with a single problem when the file is not text, is empty, or its
    /// header row cannot be read; no rows are looked at then.
    pub fn new(bytes: &[u8], options: ImportOptions<'a>) -> Result<ResponsesParser<'a>, ImportError> {
        let decoded = decode(bytes).map_err(|e| ImportError::single(Problem::from(e)))?;
        let text = decoded.text;
        if text.trim().is_empty() {
            return Err(ImportError::single(Problem::Empty));
        }
        let delimiter = detect_delimiter(&text);
        let bytes_total = text.len();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(std::io::Cursor::new(text.into_owned().into_bytes()));
        let mut record = csv::StringRecord::new();
        let header_names: Vec<String> = match reader.read_record(&mut record) {
            Ok(true) => record.iter().map(str::to_owned).collect(),
            Ok(false) => return Err(ImportError::single(Problem::Empty)),
            Err(e) => return Err(ImportError::single(Problem::Malformed { row: 0, message: e.to_string() })),
        };
        let mut problems = Problems { kept: Vec::new(), not_kept: 0 };
        let mut header_problems = Vec::new();
        let header = read_header(header_names, options.items, &mut header_problems);
        for problem in header_problems {
            problems.push(problem);
        }
        Ok(ResponsesParser {
            options,
            reader,
            record,
            header,
            encoding: decoded.encoding,
            delimiter,
            bytes_total,
            problems,
            rows: Vec::new(),
            waves: Vec::new(),
            first_row_of_id: HashMap::new(),
            rescaled_importance: 0,
            rows_read: 0,
            done: false,
        })
    }

    /// The encoding the file was read in.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Whether every row has been read.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// How far the parser has got.
    pub fn progress(&self) -> ImportProgress {
        let bytes_read = if self.done {
            self.bytes_total
        } else {
            usize::try_from(self.reader.position().byte()).unwrap_or(self.bytes_total)
        };
        ImportProgress {
            rows: self.rows_read,
            bytes_read: bytes_read.min(self.bytes_total),
            bytes_total: self.bytes_total,
            problems: self.problems.total(),
        }
    }

    /// Validates up to `max_rows` more data rows (at least one), keeping every problem.
    /// Returns `true` when the end of the file has been reached.
    pub fn step(&mut self, max_rows: usize) -> bool {
        for _ in 0..max_rows.max(1) {
            if self.done {
                break;
            }
            let before = self.reader.position().byte();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    self.rows_read += 1;
                    let record = std::mem::take(&mut self.record);
                    self.read_row(self.rows_read, &record);
                    self.record = record;
                }
                Err(e) => {
                    self.rows_read += 1;
                    self.problems.push(Problem::Malformed { row: self.rows_read, message: e.to_string() });
                    // A reader that cannot move on would report the same error forever.
                    if self.reader.position().byte() == before {
                        self.done = true;
                    }
                }
            }
        }
        self.done
    }

    fn read_row(&mut self, row: usize, record: &csv::StringRecord) {
        let header = &self.header;
        if record.len() > header.columns.len() {
            self.problems.push(Problem::TooManyFields { row, expected: header.columns.len(), found: record.len() });
            return;
        }
        let (response, wave_date, rescaled, row_ok) = parse_row(row, record, header, &self.options, &mut self.problems);
        // Ids are checked on rows with other problems too, so every offence is listed.
        if let Some(id) = &response.id {
            if self.options.existing_ids.contains(id.as_str()) {
                self.problems.push(Problem::DuplicateId { row, value: id.to_string(), first_row: None });
            } else if let Some(&first) = self.first_row_of_id.get(id.as_str()) {
                self.problems.push(Problem::DuplicateId { row, value: id.to_string(), first_row: Some(first) });
            } else {
                self.first_row_of_id.insert(id.to_string(), row);
            }
        }
        if !row_ok {
            return;
        }
        self.rescaled_importance += usize::from(rescaled);
        if let Some(name) = &response.wave {
            match self.waves.iter_mut().find(|w| &w.name == name) {
                Some(wave) => {
                    if wave.date.is_none() {
                        wave.date = wave_date;
                    }
                }
                None => self.waves.push(Wave { name: name.clone(), date: wave_date }),
            }
        }
        self.rows.push((row, response));
    }

    /// Reads any rows left and returns the result.
    ///
    /// # Errors
    /// [`ImportError`] listing every problem when anything is wrong; then nothing is returned.
    pub fn finish(mut self) -> Result<ImportedFile, ImportError> {
        while !self.step(usize::MAX) {}
        if !self.problems.kept.is_empty() {
            return Err(ImportError { problems: self.problems.kept, not_kept: self.problems.not_kept });
        }

        // Ids for rows without one: prefix + row number, made unique against every id in play.
        let options = self.options;
        let mut first_row_of_id = self.first_row_of_id;
        let mut generated_ids = 0;
        let mut responses = Vec::with_capacity(self.rows.len());
        for (row, mut response) in self.rows {
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
            waves: self.waves,
            items: self.header.items,
            ignored_columns: self.header.ignored,
            generated_ids,
            rescaled_importance: self.rescaled_importance,
            delimiter: char::from(self.delimiter),
            encoding: self.encoding,
        })
    }
}

impl fmt::Debug for ResponsesParser<'_> {
    // The file's text is left out: it may be megabytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponsesParser")
            .field("encoding", &self.encoding)
            .field("delimiter", &char::from(self.delimiter))
            .field("progress", &self.progress())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Parses and validates a Responses CSV in one call (see [`ResponsesParser`] to do it in steps).
///
/// # Errors
/// [`ImportError`] listing every problem when anything is wrong; then nothing is returned.
pub fn parse_responses(bytes: &[u8], options: &ImportOptions<'_>) -> Result<ImportedFile, ImportError> {
    ResponsesParser::new(bytes, *options)?.finish()
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
    let before = problems.total();
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
    if problems.total() > before {
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
        assert_eq!(binary.problems, vec![Problem::Binary { format: BinaryFormat::Zip }]);
        let binary = parse_responses(b"id,P:REL1\n1,\x00\x01", &options(&HashSet::new())).unwrap_err();
        assert_eq!(binary.problems, vec![Problem::NotText { byte: 12 }]);
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

    /// 250 rows; with `offences`, every 50th is out of scale and every 70th repeats id 1.
    fn many_rows(offences: bool) -> String {
        let mut text = String::from("id,wave,segment:ort,P:REL1,comment\n");
        for row in 1..=250 {
            let id = if offences && row % 70 == 0 { 1 } else { row };
            let value = if offences && row % 50 == 0 { 9 } else { row % 7 + 1 };
            text.push_str(&format!("{id},V{},Malmö,{value},\"rad {row}\"\n", row % 3));
        }
        text
    }

    #[test]
    fn stepping_gives_the_same_result_and_problems_as_one_call() {
        let existing = HashSet::new();
        let text = many_rows(true);
        let whole = parse_responses(text.as_bytes(), &options(&existing));
        let mut parser = ResponsesParser::new(text.as_bytes(), options(&existing)).unwrap();
        let mut steps = 0;
        let mut last = parser.progress();
        assert_eq!((last.rows, last.problems), (0, 0));
        while !parser.step(16) {
            steps += 1;
            let now = parser.progress();
            assert!(now.rows > last.rows && now.bytes_read > last.bytes_read && now.fraction() < 1.0);
            last = now;
        }
        assert_eq!(steps, 250 / 16);
        let end = parser.progress();
        assert_eq!((end.rows, end.bytes_read, end.fraction()), (250, text.len(), 1.0));
        assert_eq!(end.problems, 5 + 3);
        assert_eq!(parser.finish(), whole);
        assert_eq!(whole.map_err(|e| e.total()), Err(8));

        let text = many_rows(false);
        let whole = parse_responses(text.as_bytes(), &options(&existing));
        let mut parser = ResponsesParser::new(text.as_bytes(), options(&existing)).unwrap();
        while !parser.step(1) {}
        assert_eq!(parser.finish(), whole);
        assert_eq!(whole.map(|f| f.responses.len()), Ok(250));
    }

    #[test]
    fn the_encoding_is_reported_and_nordic_letters_survive() {
        let file = parse("id;segment:ort;comment\n1;Malmö;Bra\n").unwrap();
        assert_eq!(file.encoding, TextEncoding::Utf8);
        let windows = parse_responses(b"id;segment:ort;comment\r\n1;\xC5rhus;S\xF8ren \x96 \xE6ble\r\n", &options(&HashSet::new())).unwrap();
        assert_eq!(windows.encoding, TextEncoding::Windows1252);
        assert_eq!(windows.delimiter, ';');
        assert_eq!(windows.responses[0].segments["ort"], "Århus");
        assert_eq!(windows.responses[0].comment.as_deref(), Some("Søren – æble"));
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend("id\tsegment:ort\r\n1\tTórshavn\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        let file = parse_responses(&utf16, &options(&HashSet::new())).unwrap();
        assert_eq!((file.encoding, file.delimiter), (TextEncoding::Utf16Le, '\t'));
        assert_eq!(file.responses[0].segments["ort"], "Tórshavn");
    }

    #[test]
    fn binary_files_get_a_message_that_says_what_to_do() {
        let zip = parse_responses(b"PK\x03\x04\x14\x00\x06\x00rest", &options(&HashSet::new())).unwrap_err();
        let message = zip.problems[0].to_string();
        assert!(message.starts_with("this looks like an Excel workbook (.xlsx)"), "{message}");
        assert!(message.contains("CSV UTF-8"), "{message}");
        let png = parse_responses(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", &options(&HashSet::new())).unwrap_err();
        assert!(png.problems[0].to_string().starts_with("this looks like an image"));
        let nul = parse_responses(b"id\n\x00\x00\x00\x01\x02", &options(&HashSet::new())).unwrap_err();
        assert_eq!(
            nul.problems[0].to_string(),
            "this looks like a binary file, not CSV text (byte 3 is not a text character); \
             save the data as \"CSV UTF-8\" and try again"
        );
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
