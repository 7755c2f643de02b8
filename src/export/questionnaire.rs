//! Questionnaires for a project: what the printed page asks, the same questions as plain text
//! with their codes for pasting into any survey tool, and a CSV header template whose columns
//! the canonical import (DESIGN.md "Files") recognises as they are, without a mapping step.
//!
//! A [`Questionnaire`] is built once from the project and the user's [`Options`]; the page
//! draws it, [`Questionnaire::plain_text`] writes it as text and
//! [`Questionnaire::csv_header`] writes the matching header row.
//!
//! - The **customer** questionnaire asks, per item, what the customer expects (E) and what
//!   they experienced (P), or P only in a perception-only project; then the 100-point
//!   importance allocation over the dimensions, and NPS, CSAT and CES when chosen.
//! - The **management** questionnaire asks the same items: what management believes customers
//!   expect (M, written to the `E:` column) and how well the business delivers (S, the `P:`
//!   column), in rows whose `source` is `management`.

use crate::export::csv::{neutralise, Dialect};
use crate::format::count;
use crate::model::{Project, Scale};
use std::collections::BTreeSet;

/// Who answers a questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// Customers: expectation (E) and perception (P).
    #[default]
    Customer,
    /// Managers: their picture of customers' expectations (M) and of delivery (S).
    Management,
}

impl Audience {
    /// Both audiences, in the order the page offers them.
    pub const ALL: [Audience; 2] = [Audience::Customer, Audience::Management];

    /// A stable key (`customer`, `management`): form values, file names, and the value of the
    /// `source` column in the Responses CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Customer => "customer",
            Audience::Management => "management",
        }
    }

    /// The audience with key `key`.
    pub fn parse(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == key)
    }

    /// The questionnaire's name, e.g. "Customer questionnaire".
    pub fn label(self) -> &'static str {
        match self {
            Audience::Customer => t!("Customer questionnaire"),
            Audience::Management => t!("Management questionnaire"),
        }
    }
}

/// The optional one-question scores a customer questionnaire may end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Extra {
    /// Net Promoter question, 0–10.
    Nps,
    /// Customer satisfaction, 1–5.
    Csat,
    /// Customer effort, 1 (very little) to 7 (a great deal), as the analysis reads it.
    Ces,
}

impl Extra {
    /// All three, in the order they are asked.
    pub const ALL: [Extra; 3] = [Extra::Nps, Extra::Csat, Extra::Ces];

    /// The canonical column (`nps`, `csat`, `ces`); also the key for form values.
    pub fn column(self) -> &'static str {
        match self {
            Extra::Nps => "nps",
            Extra::Csat => "csat",
            Extra::Ces => "ces",
        }
    }

    /// The short name shown beside a checkbox: NPS, CSAT, CES.
    pub fn name(self) -> &'static str {
        match self {
            Extra::Nps => "NPS",
            Extra::Csat => "CSAT",
            Extra::Ces => "CES",
        }
    }

    /// The lowest and the highest answer the import accepts.
    pub fn range(self) -> (u8, u8) {
        match self {
            Extra::Nps => (0, 10),
            Extra::Csat => (1, 5),
            Extra::Ces => (1, 7),
        }
    }

    /// The question as a customer reads it.
    pub fn question(self) -> &'static str {
        match self {
            Extra::Nps => t!("How likely is it that you would recommend us to a friend or colleague?"),
            Extra::Csat => t!("Overall, how satisfied are you with us?"),
            Extra::Ces => t!("How much effort did you personally have to put in to get what you needed from us?"),
        }
    }

    /// What the lowest answer means.
    pub fn low_anchor(self) -> &'static str {
        match self {
            Extra::Nps => t!("Not at all likely"),
            Extra::Csat => t!("Very dissatisfied"),
            Extra::Ces => t!("Very little effort"),
        }
    }

    /// What the highest answer means.
    pub fn high_anchor(self) -> &'static str {
        match self {
            Extra::Nps => t!("Extremely likely"),
            Extra::Csat => t!("Very satisfied"),
            Extra::Ces => t!("A great deal of effort"),
        }
    }
}

/// What the user chose on the page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// Customer or management.
    pub audience: Audience,
    /// The wave printed on the form ("2026 Q3"); blank prints none.
    pub wave: String,
    /// NPS, CSAT and CES to ask (customer questionnaire only; ignored for management).
    pub extras: BTreeSet<Extra>,
    /// The introduction as the user left it; blank prints none.
    pub intro: String,
}

/// Which half of an item a rating column asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// E: what the customer expects (for management: M, what customers expect).
    Expectation,
    /// P: what the customer experienced (for management: S, what the business delivers).
    Perception,
}

/// One rating column of the questionnaire: a side, with its heading and instruction in the
/// audience's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The side the column asks.
    pub side: Side,
    /// The canonical column prefix: `E` or `P`.
    pub prefix: &'static str,
    /// The heading over the column, e.g. "What you expect".
    pub heading: &'static str,
    /// How to answer this side alone (for the plain text, where sides come one after another).
    pub instruction: &'static str,
}

impl Part {
    fn new(audience: Audience, side: Side) -> Part {
        let (heading, instruction) = match (audience, side) {
            (Audience::Customer, Side::Expectation) => (
                t!("What you expect"),
                t!("For each statement, tick how much you agree that it is what you expect from a business like ours."),
            ),
            (Audience::Customer, Side::Perception) => (
                t!("What you experienced"),
                t!("For each statement, tick how much you agree that it describes what you experienced with us."),
            ),
            (Audience::Management, Side::Expectation) => (
                t!("What customers expect (M)"),
                t!("For each statement, tick how much you think our customers agree that it is what they expect from us."),
            ),
            (Audience::Management, Side::Perception) => (
                t!("What we deliver (S)"),
                t!("For each statement, tick how much you agree that we deliver it today."),
            ),
        };
        let prefix = match side {
            Side::Expectation => "E",
            Side::Perception => "P",
        };
        Part { side, prefix, heading, instruction }
    }

    /// The canonical column of `item_code` on this side, e.g. `E:REL1`.
    pub fn column(&self, item_code: &str) -> String {
        format!("{}:{item_code}", self.prefix)
    }
}

/// One statement to rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The item code (`REL1`), printed small beside the text.
    pub code: String,
    /// The statement as the project wrote it.
    pub text: String,
}

/// The statements of one dimension, under its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The dimension code (`rel`), the `I:` column of its importance points.
    pub code: String,
    /// The dimension's name ("Reliability"); the code when the project has no such dimension.
    pub name: String,
    /// Its statements, in the project's order.
    pub statements: Vec<Statement>,
}

/// A questionnaire ready to print, paste or turn into a CSV header.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    /// Who answers it.
    pub audience: Audience,
    /// The project's name: the form's title.
    pub project: String,
    /// The wave printed on the form, if any.
    pub wave: Option<String>,
    /// The introduction, trimmed; empty prints none.
    pub intro: String,
    /// The project's rating scale.
    pub scale: Scale,
    /// The rating columns: E and P, or P only (a customer form of a perception-only project).
    pub parts: Vec<Part>,
    /// The statements by dimension, dimensions in the project's order; only those with items.
    pub groups: Vec<Group>,
    /// Whether the 100-point importance question is asked (customers, two dimensions or more).
    pub importance: bool,
    /// NPS, CSAT and CES asked, in that order (none for management).
    pub extras: Vec<Extra>,
    /// Segment names already in the project's responses: `segment:<name>` columns of the
    /// template, so answers typed in later line up with earlier waves.
    pub segments: Vec<String>,
}

/// The anchor of a rating scale's lowest point.
pub fn low_anchor() -> &'static str {
    t!("Strongly disagree")
}

/// The anchor of a rating scale's highest point.
pub fn high_anchor() -> &'static str {
    t!("Strongly agree")
}

/// The introduction offered until the user writes their own.
pub fn default_intro(project: &Project, audience: Audience) -> &'static str {
    match audience {
        Audience::Customer if project.perception_only => t!(
            "Thank you for taking a few minutes to answer. We want to know how you experienced our service, so that we \
             can improve where it matters most to you. There are no right or wrong answers, and your answers are anonymous."
        ),
        Audience::Customer => t!(
            "Thank you for taking a few minutes to answer. We want to know what you expect from us and how we actually \
             did, so that we can improve where it matters most to you. There are no right or wrong answers, and your \
             answers are anonymous."
        ),
        Audience::Management => t!(
            "This questionnaire asks how you see our customers' expectations and our own service. Answer as you honestly \
             see it today: your answers are compared with what our customers say, to show where our picture and theirs differ."
        ),
    }
}

impl Questionnaire {
    /// The questionnaire for `project` as `options` ask.
    ///
    /// # Remarks
    /// Items whose dimension the project does not list are grouped under their dimension code,
    /// after the listed dimensions. The importance question is left out when fewer than two
    /// dimensions have items (points shared among one group say nothing). A project with no
    /// items gives a questionnaire with no groups; the page says so.
    pub fn new(project: &Project, options: &Options) -> Questionnaire {
        let audience = options.audience;
        let sides: &[Side] = match audience {
            Audience::Customer if project.perception_only => &[Side::Perception],
            _ => &[Side::Expectation, Side::Perception],
        };
        let wave = options.wave.trim();
        let is_customer = audience == Audience::Customer;
        let groups = groups(project);
        let segments: BTreeSet<&String> = project
            .responses
            .iter()
            .filter(|r| r.source.as_str() == audience.as_str())
            .flat_map(|r| r.segments.keys())
            .collect();
        Questionnaire {
            audience,
            project: project.name.clone(),
            wave: (!wave.is_empty()).then(|| wave.to_owned()),
            intro: options.intro.trim().to_owned(),
            scale: project.scale,
            parts: sides.iter().map(|&side| Part::new(audience, side)).collect(),
            importance: is_customer && groups.len() >= 2,
            groups,
            extras: if is_customer { options.extras.iter().copied().collect() } else { Vec::new() },
            segments: if is_customer { segments.into_iter().cloned().collect() } else { Vec::new() },
        }
    }

    /// How to fill in the printed form, where the rating columns stand side by side.
    pub fn instruction(&self) -> &'static str {
        match (self.audience, self.parts.len()) {
            (Audience::Customer, 1) => self.parts[0].instruction,
            (Audience::Customer, _) => t!(
                "For each statement, tick two boxes: on the left how much you agree that it is what you expect from a \
                 business like ours, on the right how much you agree that it describes what you experienced with us."
            ),
            (Audience::Management, _) => t!(
                "For each statement, tick two boxes: on the left how much you think our customers agree that it is what \
                 they expect from us, on the right how much you agree that we deliver it today."
            ),
        }
    }

    /// The scale in words, e.g. "Answer on a scale from 1 (strongly disagree) to 7 (strongly agree)."
    pub fn scale_sentence(&self) -> String {
        t!(
            "Answer on a scale from {min} (strongly disagree) to {max} (strongly agree).",
            min = count(self.scale.min().into()),
            max = count(self.scale.max().into())
        )
    }

    /// The points of the rating scale, lowest first.
    pub fn points(&self) -> std::ops::RangeInclusive<u8> {
        self.scale.min()..=self.scale.max()
    }

    /// The heading of the importance question.
    pub fn importance_heading() -> &'static str {
        t!("How important is each group to you?")
    }

    /// How to share the importance points.
    pub fn importance_instruction() -> &'static str {
        t!(
            "Share 100 points among the groups of statements below: the more important a group is to you, the more \
             points it gets. The points should add up to 100."
        )
    }

    /// The columns of the CSV header template, in order: `id`, `source` (management only),
    /// `wave`, `segment:<name>` per segment already used, `E:`/`P:` per item (item by item,
    /// as the printed form reads), `I:` per dimension when importance is asked, and the chosen
    /// of `nps`, `csat`, `ces`. Every one is a column the canonical import recognises.
    pub fn columns(&self) -> Vec<String> {
        let mut columns = vec!["id".to_owned()];
        if self.audience == Audience::Management {
            columns.push("source".to_owned());
        }
        columns.push("wave".to_owned());
        columns.extend(self.segments.iter().map(|s| neutralise(&format!("segment:{s}"))));
        for statement in self.groups.iter().flat_map(|g| &g.statements) {
            columns.extend(self.parts.iter().map(|part| part.column(&statement.code)));
        }
        if self.importance {
            columns.extend(self.groups.iter().map(|g| format!("I:{}", g.code)));
        }
        columns.extend(self.extras.iter().map(|e| e.column().to_owned()));
        columns
    }

    /// The CSV header template: the header row of [`Questionnaire::columns`] in `dialect`
    /// (the semicolon one with a UTF-8 byte-order mark, as Nordic Excel expects), CRLF-ended.
    /// A management template's rows need `management` in the `source` column.
    pub fn csv_header(&self, dialect: Dialect) -> String {
        let separator = match dialect {
            Dialect::Comma => ',',
            Dialect::Semicolon => ';',
        };
        let cells: Vec<String> = self.columns().iter().map(|c| quoted(c, separator)).collect();
        let row = cells.join(&separator.to_string());
        match dialect {
            Dialect::Comma => format!("{row}\r\n"),
            Dialect::Semicolon => format!("\u{feff}{row}\r\n"),
        }
    }

    /// The file name of the template: `<stem>-customer-template.csv` and the like.
    pub fn csv_file_name(&self, stem: &str, dialect: Dialect) -> String {
        crate::export::csv::file_name(stem, &format!("{}-template", self.audience.as_str()), dialect)
    }

    /// The questions as plain text, each with its code in brackets (`[E:REL1]`, `[I:rel]`,
    /// `[nps]`), ready to paste into a survey tool: the title, the wave, the introduction,
    /// the scale, one part per rating side with the statements by dimension, then the
    /// importance question and NPS, CSAT and CES when asked.
    pub fn plain_text(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        out.push(match self.audience {
            Audience::Customer => t!("{project}: customer questionnaire", project = self.project),
            Audience::Management => t!("{project}: management questionnaire", project = self.project),
        });
        if let Some(wave) = &self.wave {
            out.push(t!("Wave: {wave}", wave = wave));
        }
        out.push(String::new());
        if !self.intro.is_empty() {
            out.push(self.intro.clone());
            out.push(String::new());
        }
        out.push(self.scale_sentence());
        for (index, part) in self.parts.iter().enumerate() {
            out.push(String::new());
            let heading = if self.parts.len() > 1 {
                t!("Part {n}: {heading}", n = count(index + 1), heading = part.heading)
            } else {
                part.heading.to_owned()
            };
            out.push(heading);
            out.push(part.instruction.to_owned());
            for group in &self.groups {
                out.push(String::new());
                out.push(group.name.clone());
                for statement in &group.statements {
                    out.push(format!("[{}] {}", part.column(&statement.code), statement.text));
                }
            }
        }
        if self.importance {
            out.push(String::new());
            out.push(Self::importance_heading().to_owned());
            out.push(Self::importance_instruction().to_owned());
            for group in &self.groups {
                out.push(format!("[I:{}] {}", group.code, group.name));
            }
        }
        if !self.extras.is_empty() {
            out.push(String::new());
        }
        for extra in &self.extras {
            let (min, max) = extra.range();
            out.push(format!(
                "[{}] {} ({} = {}, {} = {})",
                extra.column(),
                extra.question(),
                count(min.into()),
                extra.low_anchor(),
                count(max.into()),
                extra.high_anchor()
            ));
        }
        out.push(String::new());
        out.push(t!("Thank you for your answers!").to_owned());
        let mut text = out.join("\n");
        text.push('\n');
        text
    }
}

/// The project's items by dimension: listed dimensions first, in their order, then codes of
/// dimensions the project does not list. Dimensions without items are left out.
fn groups(project: &Project) -> Vec<Group> {
    let mut groups: Vec<Group> = project
        .dimensions
        .iter()
        .map(|d| Group { code: d.code.to_string(), name: d.name.clone(), statements: Vec::new() })
        .collect();
    for item in &project.items {
        let code = item.dimension.to_string();
        let statement = Statement { code: item.code.to_string(), text: item.text.clone() };
        match groups.iter_mut().find(|g| g.code == code) {
            Some(group) => group.statements.push(statement),
            None => groups.push(Group { name: code.clone(), code, statements: vec![statement] }),
        }
    }
    groups.retain(|g| !g.statements.is_empty());
    groups
}

/// A header cell, quoted when it holds the separator, a quote or a line break.
fn quoted(cell: &str, separator: char) -> String {
    if cell.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{parse_responses, ImportOptions, ItemPolicy};
    use crate::model::{Source, Wave};
    use std::collections::HashSet;

    fn all_extras() -> BTreeSet<Extra> {
        Extra::ALL.into_iter().collect()
    }

    fn options(audience: Audience) -> Options {
        Options { audience, wave: " 2026 Q4 ".into(), extras: all_extras(), intro: "  Hello.  ".into() }
    }

    /// Imports `text` into `project` exactly as the Data page does.
    fn import(project: &Project, text: &str) -> crate::import::ImportedFile {
        let existing: HashSet<String> = project.responses.iter().map(|r| r.id_str().to_owned()).collect();
        let options = ImportOptions {
            scale: project.scale,
            items: ItemPolicy::Project(&project.items),
            existing_ids: &existing,
            default_wave: Some("Wave 1"),
            id_prefix: "r-",
        };
        match parse_responses(text.as_bytes(), &options) {
            Ok(file) => file,
            Err(error) => panic!("the template did not import: {error}"),
        }
    }

    #[test]
    fn the_customer_template_imports_back_with_every_column_recognised() {
        let project = crate::demo::hotel();
        let questionnaire = Questionnaire::new(&project, &options(Audience::Customer));
        let columns = questionnaire.columns();
        assert_eq!(&columns[..4], ["id", "wave", "segment:channel", "segment:guest"]);
        assert_eq!(&columns[4..6], ["E:TAN1", "P:TAN1"]);
        assert_eq!(columns.len(), 4 + 22 * 2 + 5 + 3);
        assert_eq!(&columns[columns.len() - 8..], ["I:tan", "I:rel", "I:res", "I:ass", "I:emp", "nps", "csat", "ces"]);

        for dialect in Dialect::ALL {
            let mut text = questionnaire.csv_header(dialect);
            let separator = if dialect == Dialect::Comma { "," } else { ";" };
            // Two respondents typed in: every rating 5 (E) / 6 (P), points 20 each, NPS 9.
            for id in ["Q-1", "Q-2"] {
                let cells: Vec<String> = columns
                    .iter()
                    .map(|c| match c.as_str() {
                        "id" => id.to_owned(),
                        "wave" => "2026 Q4".to_owned(),
                        "segment:channel" => "paper".to_owned(),
                        "segment:guest" => String::new(),
                        "nps" => "9".to_owned(),
                        "csat" => "4".to_owned(),
                        "ces" => "2".to_owned(),
                        c if c.starts_with("E:") => "5".to_owned(),
                        c if c.starts_with("P:") => "6".to_owned(),
                        c if c.starts_with("I:") => "20".to_owned(),
                        other => panic!("unexpected column {other}"),
                    })
                    .collect();
                text.push_str(&cells.join(separator));
                text.push_str("\r\n");
            }
            let file = import(&project, &text);
            assert!(file.ignored_columns.is_empty(), "columns not recognised: {:?}", file.ignored_columns);
            assert_eq!(file.items.len(), project.items.len(), "every item has its columns");
            assert_eq!(file.responses.len(), 2);
            assert_eq!(file.waves, vec![Wave { name: "2026 Q4".into(), date: None }]);
            let response = &file.responses[0];
            assert_eq!(response.id_str(), "Q-1");
            assert_eq!(response.source, Source::Customer);
            assert_eq!(response.segments.get("channel").map(String::as_str), Some("paper"));
            assert_eq!(response.answers.len(), 22);
            assert!(response.answers.values().all(|a| a.expectation == Some(5.0) && a.perception == Some(6.0)));
            assert_eq!(response.importance.len(), 5);
            assert!(response.importance.values().all(|&p| p == 20.0));
            assert_eq!((response.nps, response.csat, response.ces), (Some(9), Some(4), Some(2)));
            assert_eq!(file.rescaled_importance, 0);
        }
    }

    #[test]
    fn the_management_template_imports_as_management_rows() {
        let project = crate::demo::hotel();
        let questionnaire = Questionnaire::new(&project, &options(Audience::Management));
        let columns = questionnaire.columns();
        assert_eq!(&columns[..3], ["id", "source", "wave"]);
        assert_eq!(columns.len(), 3 + 22 * 2, "no importance, no NPS/CSAT/CES, no segments for managers");
        assert!(questionnaire.extras.is_empty() && !questionnaire.importance);

        let mut text = questionnaire.csv_header(Dialect::Comma);
        let row: Vec<&str> = columns
            .iter()
            .map(|c| match c.as_str() {
                "id" => "MQ-1",
                "source" => "management",
                "wave" => "",
                c if c.starts_with("E:") => "6",
                _ => "7",
            })
            .collect();
        text.push_str(&row.join(","));
        let file = import(&project, &text);
        assert!(file.ignored_columns.is_empty());
        let response = &file.responses[0];
        assert_eq!(response.source, Source::Management);
        assert_eq!(response.wave.as_deref(), Some("Wave 1"), "a blank wave takes the wave chosen on import");
        assert!(response.answers.values().all(|a| a.expectation == Some(6.0) && a.perception == Some(7.0)));
        assert_eq!(response.answers.len(), 22);
    }

    #[test]
    fn a_perception_only_project_has_no_expectation_columns() {
        let mut project = crate::demo::hotel();
        project.perception_only = true;
        let customer = Questionnaire::new(&project, &options(Audience::Customer));
        assert_eq!(customer.parts.len(), 1);
        assert_eq!(customer.parts[0].side, Side::Perception);
        let columns = customer.columns();
        assert!(!columns.iter().any(|c| c.starts_with("E:")), "{columns:?}");
        assert_eq!(columns.iter().filter(|c| c.starts_with("P:")).count(), 22);
        let text = customer.plain_text();
        assert!(!text.contains("[E:"));
        assert!(text.contains("[P:REL1] When we promise to do something by a certain time, it gets done."));
        assert!(!text.contains("Part 1"), "one part needs no number");
        assert_eq!(customer.instruction(), customer.parts[0].instruction);
        assert!(import(&project, &customer.csv_header(Dialect::Comma)).ignored_columns.is_empty());

        // Management still gives M and S: S is compared with P, M is kept.
        let management = Questionnaire::new(&project, &options(Audience::Management));
        assert_eq!(management.parts.len(), 2);
    }

    #[test]
    fn the_plain_text_has_every_question_with_its_code() {
        let project = crate::demo::hotel();
        let text = Questionnaire::new(&project, &options(Audience::Customer)).plain_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Hotel Fjordgården (demo): customer questionnaire");
        assert_eq!(lines[1], "Wave: 2026 Q4");
        assert_eq!(lines[3], "Hello.", "the introduction, trimmed");
        assert!(text.contains("Answer on a scale from 1 (strongly disagree) to 7 (strongly agree)."));
        let part1 = text.find("Part 1: What you expect").expect("part 1");
        let part2 = text.find("Part 2: What you experienced").expect("part 2");
        assert!(part1 < part2);
        assert!(text[part1..part2].contains("[E:EMP5] Our staff understand what each customer specifically needs."));
        assert!(text[part2..].contains("[P:TAN1] The equipment and tools we use look modern and work well."));
        assert_eq!(text.matches("[E:").count(), 22);
        assert_eq!(text.matches("[P:").count(), 22);
        assert!(text.contains("Reliability\n[E:REL1]"), "statements come under their dimension");
        assert!(text.contains("Share 100 points"));
        assert!(text.contains("[I:rel] Reliability"));
        assert!(text.contains(
            "[nps] How likely is it that you would recommend us to a friend or colleague? (0 = Not at all likely, 10 = Extremely likely)"
        ));
        assert!(text.contains("[csat] Overall, how satisfied are you with us? (1 = Very dissatisfied, 5 = Very satisfied)"));
        assert!(text.contains("[ces] "));
        assert!(text.ends_with("Thank you for your answers!\n"));

        let chosen = Options { extras: [Extra::Nps].into_iter().collect(), ..options(Audience::Customer) };
        let text = Questionnaire::new(&project, &chosen).plain_text();
        assert!(text.contains("[nps]") && !text.contains("[csat]") && !text.contains("[ces]"));

        let management = Questionnaire::new(&project, &options(Audience::Management)).plain_text();
        assert!(management.starts_with("Hotel Fjordgården (demo): management questionnaire\n"));
        assert!(management.contains("Part 1: What customers expect (M)"));
        assert!(management.contains("Part 2: What we deliver (S)"));
        assert!(!management.contains("[I:") && !management.contains("[nps]"));
    }

    #[test]
    fn blank_wave_and_intro_print_nothing_and_the_scale_follows_the_project() {
        let mut project = crate::demo::hotel();
        project.scale = Scale::new(1, 10).unwrap_or_default();
        let questionnaire = Questionnaire::new(&project, &Options::default());
        assert_eq!(questionnaire.wave, None);
        assert_eq!(questionnaire.points().count(), 10);
        let text = questionnaire.plain_text();
        assert!(!text.contains("Wave:"));
        assert!(text.contains("from 1 (strongly disagree) to 10 (strongly agree)"));
        assert!(questionnaire.extras.is_empty());
        assert!(!text.contains("[nps]"));
    }

    #[test]
    fn groups_follow_the_dimensions_and_skip_empty_ones() {
        let mut project = crate::demo::hotel();
        // An item in a dimension the project does not list, and a listed dimension emptied.
        project.items.retain(|i| i.dimension.as_str() != "emp");
        if let Some(item) = project.items.first_mut() {
            item.dimension = crate::model::DimensionCode::new("extra").unwrap_or_else(|_| item.dimension.clone());
        }
        let questionnaire = Questionnaire::new(&project, &Options::default());
        let codes: Vec<&str> = questionnaire.groups.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(codes, ["tan", "rel", "res", "ass", "extra"]);
        assert_eq!(questionnaire.groups[4].name, "extra");

        project.items.retain(|i| i.dimension.as_str() == "rel");
        let single = Questionnaire::new(&project, &Options::default());
        assert!(!single.importance, "points shared among one group say nothing");
        assert!(!single.columns().iter().any(|c| c.starts_with("I:")));
    }

    #[test]
    fn header_cells_with_the_separator_are_quoted_and_keys_round_trip() {
        assert_eq!(quoted("segment:a;b", ';'), "\"segment:a;b\"");
        assert_eq!(quoted("segment:a;b", ','), "segment:a;b");
        assert_eq!(quoted("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        for audience in Audience::ALL {
            assert_eq!(Audience::parse(audience.as_str()), Some(audience));
        }
        let project = crate::demo::hotel();
        let q = Questionnaire::new(&project, &Options::default());
        assert_eq!(q.csv_file_name("Hotel", Dialect::Comma), "Hotel-customer-template.csv");
        assert!(q.csv_header(Dialect::Semicolon).starts_with('\u{feff}'));
    }
}
