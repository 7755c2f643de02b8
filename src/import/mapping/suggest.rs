//! Suggested targets for an export's columns, and the rating scale its answers use.
//!
//! Every suggestion says why in words, so the user can judge it. The rules, in order:
//! 1. a header mapped before in a saved mapping of this project (e.g. a LimeSurvey code);
//! 2. an item code in the header (`E:REL1`, `REL1 (E)`, `REL1_P`);
//! 3. survey-tool metadata (timestamps, e-mail, names) is ignored; `id` and `wave` by name;
//! 4. keywords: importance points with a dimension's name, NPS ("recommend"), CSAT
//!    ("satisfied"), CES ("effort"), segments ("channel"), comments ("comment");
//! 5. the item whose text shares the most with the header (words compared by their first
//!    six letters, and letter trigrams), with the side (E or P) from words such as "expect"
//!    or "experience";
//! 6. otherwise ignored.
//!
//! A field is suggested for one column only: the strongest claim wins, others are ignored.

use super::{leading_number, normalise, segment_name, SavedMapping, Table, Target};
use crate::model::{Dimension, Item, Scale};
use std::collections::{HashMap, HashSet};

/// A suggested target for one column, with the reason in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// What the column should map to.
    pub target: Target,
    /// Why, in the interface language, e.g. "the header names item REL1 and E".
    pub reason: String,
    /// How sure the rule is, 0–1 (used to settle two columns claiming one field).
    pub score: f64,
}

impl Suggestion {
    fn new(target: Target, reason: impl Into<String>, score: f64) -> Suggestion {
        Suggestion { target, reason: reason.into(), score }
    }

    fn ignore(reason: impl Into<String>) -> Suggestion {
        Suggestion::new(Target::Ignore, reason, 0.0)
    }
}

/// Lowest text similarity that suggests an item.
const MIN_SIMILARITY: f64 = 0.3;

/// Word stems that put a column on the expectation side.
const EXPECTATION_WORDS: [&str; 6] = ["expect", "förvänt", "forvent", "odot", "odote", "ideal"];
/// Word stems that put a column on the perception side.
const PERCEPTION_WORDS: [&str; 9] =
    ["experienc", "upplev", "oplev", "opplev", "kokemu", "perce", "receiv", "actual", "fick"];
/// Whole words that put a column on the perception side.
const PERCEPTION_WHOLE_WORDS: [&str; 3] = ["got", "fik", "sai"];

/// Headers survey tools add that are never answers.
const METADATA: [&str; 27] = [
    "timestamp", "tidsstämpel", "tidsstempel", "aikaleima", "start time", "completion time",
    "last modified time", "email", "e-mail", "name", "collector id", "start date", "end date",
    "ip address", "email address", "first name", "last name", "custom data 1", "submitdate",
    "lastpage", "startlanguage", "seed", "startdate", "datestamp", "refurl", "ipaddr", "token",
];
const ID_HEADERS: [&str; 6] = ["id", "respondent id", "response id", "respondentid", "responseid", "respondent"];
const WAVE_HEADERS: [&str; 5] = ["wave", "våg", "bølge", "aalto", "round"];

/// Words left out when comparing texts: they say nothing about which item is meant.
const STOP_WORDS: [&str; 62] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "is", "are", "was",
    "were", "be", "it", "its", "we", "our", "us", "you", "your", "they", "their", "this", "that", "how",
    "what", "do", "does", "did", "when", "as", "from", "rate", "please", "statement", "agree", "much",
    "och", "att", "det", "som", "en", "ett", "är", "vi", "du", "på", "av", "för", "med", "hur",
    "om", "var", "de", "den", "har", "i",
];

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The side (E or P) the header's words point to, with the word that decided it. A second
/// header row's sub-answer (after " — ") speaks first.
fn side(header: &str) -> Option<(bool, String)> {
    if let Some((question, sub)) = header.rsplit_once(" — ") {
        return side_of_words(sub).or_else(|| side_of_words(question));
    }
    side_of_words(header)
}

fn side_of_words(text: &str) -> Option<(bool, String)> {
    for word in words(text) {
        if EXPECTATION_WORDS.iter().any(|stem| word.starts_with(stem)) {
            return Some((true, word));
        }
        if PERCEPTION_WORDS.iter().any(|stem| word.starts_with(stem)) || PERCEPTION_WHOLE_WORDS.contains(&word.as_str()) {
            return Some((false, word));
        }
    }
    None
}

fn is_side_word(word: &str) -> bool {
    EXPECTATION_WORDS.iter().chain(PERCEPTION_WORDS.iter()).any(|stem| word.starts_with(stem))
        || PERCEPTION_WHOLE_WORDS.contains(&word)
}

/// Content words of a text, cut to their first six letters.
fn stems(text: &str) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()) && !is_side_word(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

fn trigrams(text: &str) -> HashSet<[char; 3]> {
    let kept: Vec<String> =
        words(text).into_iter().filter(|w| !STOP_WORDS.contains(&w.as_str()) && !is_side_word(w)).collect();
    let joined: Vec<char> = format!(" {} ", kept.join(" ")).chars().collect();
    joined.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

fn dice<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// How alike a header and an item text are, 0–1: the mean of the Dice overlap of their
/// content words (first six letters) and of their letter trigrams.
pub fn similarity(header: &str, item_text: &str) -> f64 {
    (dice(&stems(header), &stems(item_text)) + dice(&trigrams(header), &trigrams(item_text))) / 2.0
}

fn contains_any(text: &str, needles: &[&str]) -> Option<String> {
    needles.iter().find(|n| text.contains(*n)).map(|n| (*n).to_owned())
}

/// A suggestion for one column, before settling conflicts between columns.
fn suggest_column(
    header: &str,
    items: &[Item],
    dimensions: &[Dimension],
    remembered: &HashMap<String, Target>,
    perception_only: bool,
) -> Suggestion {
    let key = normalise(header);
    // 1. Mapped before.
    if let Some(target) = remembered.get(&key) {
        if *target != Target::Ignore {
            return Suggestion::new(target.clone(), t!("mapped like this in a saved mapping"), 1.0);
        }
    }
    // 2. An item code in the header.
    let tokens = words(header);
    if let Some(item) = items.iter().find(|i| tokens.iter().any(|t| t.eq_ignore_ascii_case(i.code.as_str()))) {
        let marker = tokens.iter().find_map(|t| match t.as_str() {
            "e" | "exp" | "expectation" => Some(true),
            "p" | "perc" | "perception" => Some(false),
            _ => None,
        });
        let (expectation, why) = match (marker, side(header)) {
            (Some(e), _) => (
                e,
                t!("the header names item {code} and {side}", code = item.code, side = if e { "E" } else { "P" }),
            ),
            (None, Some((e, word))) => (e, t!("the header names item {code}; \"{word}\"", code = item.code, word = word)),
            (None, None) => {
                (false, t!("the header names item {code}; no side given, perception assumed", code = item.code))
            }
        };
        let target = if expectation && !perception_only {
            Target::Expectation(item.code.clone())
        } else {
            Target::Perception(item.code.clone())
        };
        return Suggestion::new(target, why, 0.95);
    }
    // 3. Metadata, id, wave.
    if METADATA.contains(&key.as_str()) {
        return Suggestion::ignore(t!("survey-tool metadata"));
    }
    if ID_HEADERS.contains(&key.as_str()) {
        return Suggestion::new(Target::Id, t!("the header names the respondent id"), 0.9);
    }
    if WAVE_HEADERS.contains(&key.as_str()) {
        return Suggestion::new(Target::Wave, t!("the header names the wave"), 0.9);
    }
    // 4. Keywords.
    if let Some(word) = contains_any(&key, &["point", "poäng", "poeng", "pisteet", "importan", "viktig"]) {
        let dimension = dimensions.iter().find(|d| {
            tokens.iter().any(|t| t.eq_ignore_ascii_case(d.code.as_str())) || key.contains(&d.name.to_lowercase())
        });
        if let Some(dimension) = dimension {
            return Suggestion::new(
                Target::Importance(dimension.code.clone()),
                t!("\"{word}\" and the dimension \"{dimension}\"", word = word, dimension = dimension.name),
                0.9,
            );
        }
    }
    if let Some(word) = contains_any(&key, &["recommend", "rekommend", "anbefal", "suosit", "nps"]) {
        return Suggestion::new(Target::Nps, t!("\"{word}\": the Net Promoter question", word = word), 0.9);
    }
    if let Some(word) = contains_any(&key, &["satisf", "nöjd", "tilfreds", "fornøyd", "tyytyv", "csat"]) {
        return Suggestion::new(Target::Csat, t!("\"{word}\": the satisfaction question", word = word), 0.85);
    }
    if let Some(word) = contains_any(&key, &["effort", "ansträng", "anstreng", "how easy was it", "ces"]) {
        return Suggestion::new(Target::Ces, t!("\"{word}\": the effort question", word = word), 0.85);
    }
    if let Some(word) =
        contains_any(&key, &["channel", "kanal", "customer type", "kundtyp", "segment", "region", "department", "avdelning"])
    {
        // The keyword names the segment: "channel" reads better than the whole question.
        let name = if word == "segment" { segment_name(header) } else { word.clone() };
        return Suggestion::new(Target::Segment(name), t!("\"{word}\": a segment", word = word), 0.85);
    }
    if let Some(word) = contains_any(
        &key,
        &["comment", "kommentar", "anything else", "feedback", "open-ended", "improve", "förbättr", "suggestion"],
    ) {
        return Suggestion::new(Target::Comment, t!("\"{word}\": free text", word = word), 0.8);
    }
    // 5. The most similar item text.
    let best = items
        .iter()
        .map(|item| (similarity(header, &item.text), item))
        .fold(None::<(f64, &Item)>, |best, (score, item)| match best {
            Some((s, _)) if s >= score => best,
            _ => Some((score, item)),
        });
    if let Some((score, item)) = best.filter(|(score, _)| *score >= MIN_SIMILARITY) {
        let share = crate::format::percent(Some((score * 100.0).round()), 0);
        let code = &item.code;
        let (target, why) = match side(header) {
            Some((true, word)) if !perception_only => (
                Target::Expectation(item.code.clone()),
                t!("{share} like the text of {code}; \"{word}\" → E", share = share, code = code, word = word),
            ),
            Some((_, word)) => (
                Target::Perception(item.code.clone()),
                t!("{share} like the text of {code}; \"{word}\" → P", share = share, code = code, word = word),
            ),
            None => (
                Target::Perception(item.code.clone()),
                t!("{share} like the text of {code}; no side words, P assumed", share = share, code = code),
            ),
        };
        return Suggestion::new(target, why, score * 0.8);
    }
    Suggestion::ignore(t!("no match found"))
}

/// Suggests a target for every column of `table`, from the project's items and dimensions and
/// the headers of its saved mappings. A field is given to one column only.
pub fn suggest(
    table: &Table,
    items: &[Item],
    dimensions: &[Dimension],
    saved: &[SavedMapping],
    perception_only: bool,
) -> Vec<Suggestion> {
    let mut remembered: HashMap<String, Target> = HashMap::new();
    for mapping in saved {
        for column in &mapping.columns {
            let still_valid = match &column.target {
                Target::Expectation(code) | Target::Perception(code) => items.iter().any(|i| &i.code == code),
                Target::Importance(code) => dimensions.iter().any(|d| &d.code == code),
                _ => true,
            };
            if still_valid {
                remembered.insert(normalise(&column.header), column.target.clone());
            }
        }
    }
    let mut suggestions: Vec<Suggestion> = table
        .headers
        .iter()
        .map(|header| suggest_column(header, items, dimensions, &remembered, perception_only))
        .collect();
    // Strongest claim first; ties go to the leftmost column.
    let mut order: Vec<usize> = (0..suggestions.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| suggestions[b].score.total_cmp(&suggestions[a].score).then(a.cmp(&b)));
    let mut taken: HashMap<String, usize> = HashMap::new();
    for index in order {
        let target = &suggestions[index].target;
        if *target == Target::Ignore {
            continue;
        }
        let key = target.key().to_lowercase();
        if let Some(&first) = taken.get(&key) {
            let reason = t!(
                "{target} already goes to column \"{column}\"",
                target = suggestions[index].target,
                column = table.headers[first]
            );
            suggestions[index] = Suggestion::ignore(reason);
        } else {
            taken.insert(key, index);
        }
    }
    suggestions
}

/// The answers in the rating columns, and the scale they fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleGuess {
    /// Numeric answers seen in E and P columns.
    pub values: usize,
    /// The lowest of them.
    pub min: Option<f64>,
    /// The highest of them.
    pub max: Option<f64>,
    /// The smallest supported scale holding every answer (1–5, 1–7, 1–10); `None` when there
    /// are no answers or one is above 10.
    pub scale: Option<Scale>,
}

/// Looks at every numeric answer (plain or a rating's leading number) in the columns mapped
/// to E or P and picks the smallest scale that holds them all.
pub fn detect_scale(table: &Table, targets: &[Target]) -> ScaleGuess {
    let mut guess = ScaleGuess { values: 0, min: None, max: None, scale: None };
    for (index, target) in targets.iter().enumerate() {
        if !target.is_rating() {
            continue;
        }
        for row in &table.rows {
            let Some(value) = row.get(index).and_then(|cell| leading_number(cell)) else { continue };
            guess.values += 1;
            guess.min = Some(guess.min.map_or(value, |m| m.min(value)));
            guess.max = Some(guess.max.map_or(value, |m| m.max(value)));
        }
    }
    guess.scale = guess.max.and_then(|max| {
        [5u8, 7, 10].into_iter().find(|&top| max <= f64::from(top)).and_then(|top| Scale::new(1, i64::from(top)).ok())
    });
    guess
}
