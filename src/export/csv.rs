//! CSV out: the responses (in the canonical Responses CSV, so the file imports again) and the
//! per-item results, in the two dialects spreadsheets expect.
//!
//! **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or
//! carriage return as a formula. Every *text* cell (ids, waves, segments, comments, item
//! texts and codes) that starts with one of them gets a leading `'`, which spreadsheets show
//! as text. *Numbers* are never prefixed: they are written by this module from `f64`/`u8`
//! values (never copied from user text), so a negative gap such as `-0.84` stays a number a
//! spreadsheet can compute with, and it cannot carry a formula. The price of the prefix:
//! a comment that begins with `-` imports back with the `'` in front.

use crate::analysis::stats::{GapTest, Summary};
use crate::analysis::Results;
use crate::model::{DimensionCode, ItemCode, Project, Source};
use std::collections::BTreeSet;

/// The two CSV dialects offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// `,` between cells, decimal point (English-language spreadsheets).
    #[default]
    Comma,
    /// `;` between cells, decimal comma, UTF-8 byte-order mark (Nordic Excel).
    Semicolon,
}

impl Dialect {
    /// Both dialects, for a choice in the UI.
    pub const ALL: [Dialect; 2] = [Dialect::Comma, Dialect::Semicolon];

    /// A stable key (`comma`, `semicolon`) for form values.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Comma => "comma",
            Dialect::Semicolon => "semicolon",
        }
    }

    /// The words shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Dialect::Comma => t!("Comma, decimal point (1.5)"),
            Dialect::Semicolon => t!("Semicolon, decimal comma (1,5), Nordic Excel"),
        }
    }

    /// The dialect with key `key`.
    pub fn parse(key: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.as_str() == key)
    }

    fn delimiter(self) -> u8 {
        match self {
            Dialect::Comma => b',',
            Dialect::Semicolon => b';',
        }
    }

    /// A number as this dialect writes it: shortest text that reads back to the same value.
    pub fn number(self, value: f64) -> String {
        let text = value.to_string();
        match self {
            Dialect::Comma => text,
            Dialect::Semicolon => text.replace('.', ","),
        }
    }
}

/// A text cell made safe for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` in front, so it is shown as text and never run as a formula.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes rows with the dialect's delimiter, CRLF line ends and a BOM for the Nordic one.
fn write(dialect: Dialect, rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(csv::Terminator::CRLF)
        .flexible(false)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail; a failure would show as a short file, never a panic.
        if writer.write_record(row).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match dialect {
        Dialect::Comma => text,
        Dialect::Semicolon => format!("\u{feff}{text}"),
    }
}

/// The project's responses as a Responses CSV (DESIGN.md "Files") that imports back into
/// the same project: `id`, `source`, `wave`, `date`, one `segment:<name>` per segment name
/// used, `E:`/`P:` per item (the project's items in order, then codes answered but no
/// longer in the project), `I:` per dimension with points, `nps`, `csat`, `ces`, `comment`.
pub fn responses_csv(project: &Project, dialect: Dialect) -> String {
    let segments: BTreeSet<&String> = project.responses.iter().flat_map(|r| r.segments.keys()).collect();
    let mut items: Vec<&ItemCode> = project.items.iter().map(|i| &i.code).collect();
    let answered: BTreeSet<&ItemCode> = project.responses.iter().flat_map(|r| r.answers.keys()).collect();
    for code in answered {
        if !items.contains(&code) {
            items.push(code);
        }
    }
    let mut dimensions: Vec<&DimensionCode> = project.dimensions.iter().map(|d| &d.code).collect();
    let weighted: BTreeSet<&DimensionCode> = project.responses.iter().flat_map(|r| r.importance.keys()).collect();
    dimensions.retain(|d| weighted.contains(d));
    for code in weighted {
        if !dimensions.contains(&code) {
            dimensions.push(code);
        }
    }

    let mut header: Vec<String> = ["id", "source", "wave", "date"].map(str::to_owned).to_vec();
    header.extend(segments.iter().map(|s| neutralise(&format!("segment:{s}"))));
    for code in &items {
        header.push(format!("E:{code}"));
        header.push(format!("P:{code}"));
    }
    header.extend(dimensions.iter().map(|d| format!("I:{d}")));
    header.extend(["nps", "csat", "ces", "comment"].map(str::to_owned));

    let number = |value: Option<f64>| value.map_or_else(String::new, |v| dialect.number(v));
    let text = |value: Option<&str>| value.map_or_else(String::new, neutralise);
    let mut rows = vec![header];
    for response in &project.responses {
        let date = response
            .wave
            .as_deref()
            .and_then(|name| project.waves.iter().find(|w| w.name == name))
            .and_then(|w| w.date.as_deref());
        let mut row = vec![
            text(response.id.as_ref().map(|id| id.as_str())),
            match response.source {
                Source::Customer => "customer".to_owned(),
                Source::Management => "management".to_owned(),
            },
            text(response.wave.as_deref()),
            text(date),
        ];
        row.extend(segments.iter().map(|s| text(response.segments.get(*s).map(String::as_str))));
        for code in &items {
            let answer = response.answers.get(*code).copied().unwrap_or_default();
            row.push(number(answer.expectation));
            row.push(number(answer.perception));
        }
        row.extend(dimensions.iter().map(|d| number(response.importance.get(*d).copied())));
        row.push(number(response.nps.map(f64::from)));
        row.push(number(response.csat.map(f64::from)));
        row.push(number(response.ces.map(f64::from)));
        row.push(text(response.comment.as_deref()));
        rows.push(row);
    }
    write(dialect, &rows)
}

/// One row per item of `results` with its figures: E and P (n, mean, SD), the perception
/// gap with its full test, and the knowledge, communication and experience gaps (gap, CI,
/// Holm-adjusted p, finding). A blank cell is a figure that cannot be computed.
pub fn results_csv(project: &Project, results: &Results, dialect: Dialect) -> String {
    let header = [
        "code", "dimension", "item",
        "E n", "E mean", "E sd", "P n", "P mean", "P sd",
        "P-E n", "P-E gap", "P-E sd", "P-E se", "P-E ci low", "P-E ci high", "P-E t", "P-E df", "P-E p",
        "P-E p (Holm)", "P-E dz", "P-E finding", "indicative",
        "knowledge gap", "knowledge ci low", "knowledge ci high", "knowledge p (Holm)", "knowledge finding",
        "communication gap", "communication ci low", "communication ci high", "communication p (Holm)", "communication finding",
        "experience gap", "experience ci low", "experience ci high", "experience p (Holm)", "experience finding",
    ];
    let number = |value: Option<f64>| value.map_or_else(String::new, |v| dialect.number(v));
    let count = |n: usize| n.to_string();
    let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_owned();
    let holm = |test: &GapTest| test.p_holm.flatten().or(test.p);
    let summary = |s: &Summary| vec![count(s.n), number(s.mean), number(s.sd)];
    let one_sample = |test: Option<&GapTest>| match test {
        None => vec![String::new(); 5],
        Some(t) => vec![number(t.summary.mean), number(t.summary.ci_low), number(t.summary.ci_high), number(holm(t)), yes_no(t.finding)],
    };

    let mut rows = vec![header.map(str::to_owned).to_vec()];
    for item in &results.items {
        let text = project.item(&item.code).map_or("", |i| i.text.as_str());
        let gap = &item.perception_gap;
        let mut row = vec![neutralise(&item.code), neutralise(&item.dimension), neutralise(text)];
        row.extend(summary(&item.expectation));
        row.extend(summary(&item.perception));
        row.extend([
            count(gap.summary.n),
            number(gap.summary.mean),
            number(gap.summary.sd),
            number(gap.summary.se),
            number(gap.summary.ci_low),
            number(gap.summary.ci_high),
            number(gap.t),
            number(gap.df),
            number(gap.p),
            number(gap.p_holm.flatten()),
            number(gap.dz.flatten()),
            yes_no(gap.finding),
            yes_no(gap.indicative),
        ]);
        row.extend(one_sample(item.knowledge_gap.as_ref()));
        row.extend(one_sample(item.communication_gap.as_ref()));
        row.extend(one_sample(item.experience_gap.as_ref()));
        rows.push(row);
    }
    write(dialect, &rows)
}

/// A file name for a CSV export: `<stem>-responses.csv`, with `-semicolon` for the Nordic
/// dialect so the two downloads never overwrite each other.
pub fn file_name(stem: &str, what: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Comma => format!("{stem}-{what}.csv"),
        Dialect::Semicolon => format!("{stem}-{what}-semicolon.csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Filter;
    use crate::import::{parse_responses, ImportOptions, ItemPolicy};
    use crate::model::RespondentId;
    use std::collections::HashSet;

    fn reimport(project: &Project, text: &str) -> Vec<crate::model::Response> {
        let no_ids = HashSet::new();
        let options = ImportOptions {
            scale: project.scale,
            items: ItemPolicy::Project(&project.items),
            existing_ids: &no_ids,
            default_wave: None,
            id_prefix: "x",
        };
        parse_responses(text.as_bytes(), &options).expect("the export imports again").responses
    }

    #[test]
    fn each_formula_prefix_is_neutralised() {
        for text in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(text), format!("'{text}"), "{text:?}");
        }
        for text in ["", "plain", "1", "a=b", " =x"] {
            assert_eq!(neutralise(text), text);
        }
    }

    #[test]
    fn responses_import_again_unchanged_in_both_dialects() {
        let demo = crate::demo::hotel();
        for dialect in Dialect::ALL {
            let text = responses_csv(&demo, dialect);
            let back = reimport(&demo, &text);
            assert_eq!(back.len(), demo.responses.len());
            for (a, b) in back.iter().zip(&demo.responses) {
                // Importance points stored after a rescale may sum to 100 ± 1 ULP, and the
                // import rescales any sum that is not exactly 100: equal to 1e-12 here.
                for (code, points) in &b.importance {
                    let again = a.importance.get(code).copied().unwrap_or(f64::NAN);
                    assert!((again - points).abs() <= 1e-12 * points.abs(), "{code}: {again} vs {points}");
                }
                let (mut a, mut b) = (a.clone(), b.clone());
                a.importance.clear();
                b.importance.clear();
                assert_eq!(a, b, "{dialect:?} {}", b.id_str());
            }
        }
    }

    #[test]
    fn dialects_differ_in_separator_decimal_and_bom() {
        let mut demo = crate::demo::hotel();
        demo.responses.truncate(3);
        demo.responses[0].answers.values_mut().next().unwrap().perception = Some(5.5);
        let comma = responses_csv(&demo, Dialect::Comma);
        let semicolon = responses_csv(&demo, Dialect::Semicolon);
        assert!(comma.starts_with("id,source,wave,date,"));
        assert!(comma.contains(",5.5,"));
        assert!(semicolon.starts_with("\u{feff}id;source;wave;date;"));
        assert!(semicolon.contains(";5,5;"));
        assert!(comma.contains("\r\n"));
    }

    #[test]
    fn user_text_is_neutralised_and_numbers_stay_numbers() {
        let mut demo = crate::demo::hotel();
        demo.responses.truncate(2);
        demo.responses[0].comment = Some("=HYPERLINK(\"x\")".into());
        demo.responses[0].id = RespondentId::new("@home").ok();
        demo.responses[1].segments.insert("channel".into(), "-web".into());
        let text = responses_csv(&demo, Dialect::Comma);
        assert!(text.contains("'=HYPERLINK(\"\"x\"\")"), "{text}");
        assert!(text.contains("\r\n'@home,"));
        assert!(text.contains(",'-web,"));
        // Documented price: the prefix comes back on import.
        let back = reimport(&demo, &text);
        assert_eq!(back[0].comment.as_deref(), Some("'=HYPERLINK(\"x\")"));

        let results = Results::for_project(&crate::demo::hotel(), &Filter::all());
        for dialect in Dialect::ALL {
            let csv = results_csv(&crate::demo::hotel(), &results, dialect);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(dialect.delimiter())
                .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), results.items.len());
            let rel4 = rows.iter().find(|r| &r[0] == "REL4").unwrap();
            let gap = results.items.iter().find(|i| i.code == "REL4").unwrap().perception_gap.summary.mean.unwrap();
            assert!(gap < 0.0);
            // A negative figure is written as a plain number, never with the text prefix.
            assert_eq!(&rel4[10], dialect.number(gap));
            assert!(rel4[10].starts_with('-'));
            assert_eq!(crate::import::parse_number(&rel4[10]), Some(gap));
        }
    }

    #[test]
    fn file_names_tell_the_dialects_apart() {
        assert_eq!(file_name("Hotel", "responses", Dialect::Comma), "Hotel-responses.csv");
        assert_eq!(file_name("Hotel", "results", Dialect::Semicolon), "Hotel-results-semicolon.csv");
        assert_eq!(Dialect::parse("semicolon"), Some(Dialect::Semicolon));
    }
}
