//! Tests of the mapping step, on the survey-tool fixtures in `e2e/fixtures/survey-tools/`.

use super::*;
use crate::import::ItemPolicy;
use crate::model::{Item, Response};
use crate::template::SERVQUAL;
use std::collections::HashSet;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/e2e/fixtures/survey-tools/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn table(name: &str) -> Table {
    read_table(&fixture(name), None).unwrap()
}

fn keys(suggestions: &[Suggestion]) -> Vec<String> {
    suggestions.iter().map(|s| s.target.key()).collect()
}

fn servqual_suggest(table: &Table, saved: &[SavedMapping]) -> Vec<Suggestion> {
    suggest(table, &SERVQUAL.items(), &SERVQUAL.dimensions(), saved, false)
}

fn options<'a>(items: &'a [Item], existing: &'a HashSet<String>, scale: Scale) -> ImportOptions<'a> {
    ImportOptions { scale, items: ItemPolicy::Project(items), existing_ids: existing, default_wave: Some("Wave 1"), id_prefix: "m" }
}

fn targets(keys: &[&str]) -> Vec<Target> {
    keys.iter().map(|k| Target::from_key(k).unwrap()).collect()
}

#[test]
fn surveymonkey_has_two_header_rows_and_matrix_questions_carry_right() {
    let t = table("surveymonkey.csv");
    assert_eq!(t.header_rows, 2);
    assert_eq!(t.detected_header_rows, 2);
    assert_eq!(t.rows.len(), 12);
    assert_eq!(t.headers[0], "Respondent ID");
    assert_eq!(t.headers[9], "When Fjällbo Bygg promises to do something by a certain time, it gets done. — Expectation");
    assert_eq!(t.headers[10], "When Fjällbo Bygg promises to do something by a certain time, it gets done. — Experience");
    // "Response" adds nothing to the question.
    assert_eq!(t.headers[21], "How likely is it that you would recommend Fjällbo Bygg to a friend or colleague?");
    assert_eq!(t.tool(), "SurveyMonkey");
    // Told otherwise, the second header row is data.
    let forced = read_table(&fixture("surveymonkey.csv"), Some(1)).unwrap();
    assert_eq!((forced.header_rows, forced.detected_header_rows, forced.rows.len()), (1, 2, 13));
}

#[test]
fn the_other_tools_have_one_header_row() {
    for (name, tool, delimiter, rows) in [
        ("limesurvey.csv", "LimeSurvey", ',', 10),
        ("google-forms.csv", "Google Forms", ',', 9),
        ("microsoft-forms.csv", "Microsoft Forms", ';', 8),
    ] {
        let t = table(name);
        assert_eq!((t.header_rows, t.tool(), t.delimiter, t.rows.len()), (1, tool, delimiter, rows), "{name}");
    }
    // The BOM is gone from the first header.
    assert_eq!(table("microsoft-forms.csv").headers[0], "Id");
}

#[test]
fn empty_and_binary_files_are_rejected_like_the_canonical_import() {
    assert_eq!(read_table(b"", None).unwrap_err().problems, vec![Problem::Empty]);
    assert_eq!(read_table(b" \n ", None).unwrap_err().problems, vec![Problem::Empty]);
    assert!(read_table(b"PK\x03\x04\x00\x00", None).is_err());
}

#[test]
fn the_signature_ignores_case_and_spacing_but_not_the_columns() {
    let a = read_table(b"id,Q1[SQ001]\n1,2\n", None).unwrap();
    let b = read_table(b"ID , q1[sq001]\n7,3\n", None).unwrap();
    let c = read_table(b"id,Q1[SQ002]\n1,2\n", None).unwrap();
    assert_eq!(a.signature(), b.signature());
    assert_ne!(a.signature(), c.signature());
    assert_eq!(table("limesurvey.csv").signature(), table("limesurvey-wave2.csv").signature());
    assert_eq!(table("surveymonkey.csv").signature(), table("surveymonkey-wave2.csv").signature());
    assert!(table("limesurvey.csv").default_source_name().starts_with("LimeSurvey "));
}

#[test]
fn leading_numbers_of_rating_texts() {
    assert_eq!(leading_number("7 - Strongly agree"), Some(7.0));
    assert_eq!(leading_number("10 (Extremely likely)"), Some(10.0));
    assert_eq!(leading_number("3: Neutral"), Some(3.0));
    assert_eq!(leading_number("4,5"), Some(4.5));
    assert_eq!(leading_number("7. Agree"), Some(7.0));
    for unclear in ["Strongly agree", "2026/03/02 10:00", "3/5", "1-2 days", "7x", "", "7 -"] {
        assert_eq!(leading_number(unclear), None, "{unclear:?}");
    }
}

#[test]
fn surveymonkey_suggestions_use_text_similarity_and_side_words() {
    let t = table("surveymonkey.csv");
    let s = servqual_suggest(&t, &[]);
    assert_eq!(
        keys(&s),
        [
            "id", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore",
            "E:REL1", "P:REL1", "E:RES2", "P:RES2", "E:ASS2", "P:ASS2", "E:EMP1", "P:EMP1", "E:TAN2", "P:TAN2",
            "E:REL3", "P:REL3", "nps", "segment:channel", "comment",
        ]
    );
    assert!(s[9].reason.contains("REL1") && s[9].reason.contains("expectation"), "{}", s[9].reason);
    assert_eq!(s[1].reason, "survey-tool metadata");
}

#[test]
fn code_headers_match_exactly_and_metadata_is_ignored() {
    let t = read_table("Id,Start time,Completion time,Email,Name,E:REL1,REL1 (P),rel2_e,Comments\n1,a,b,c,d,5,6,7,x\n".as_bytes(), None)
        .unwrap();
    let s = servqual_suggest(&t, &[]);
    assert_eq!(keys(&s), ["id", "ignore", "ignore", "ignore", "ignore", "E:REL1", "P:REL1", "E:REL2", "comment"]);
    assert_eq!(s[6].reason, "the header names item REL1 and P");
}

#[test]
fn google_and_microsoft_forms_headers_with_full_question_text() {
    let g = servqual_suggest(&table("google-forms.csv"), &[]);
    assert_eq!(
        keys(&g),
        ["ignore", "E:REL1", "E:RES2", "E:ASS2", "E:EMP1", "P:REL1", "P:RES2", "P:ASS2", "P:EMP1", "csat", "nps", "comment"]
    );
    let m = servqual_suggest(&table("microsoft-forms.csv"), &[]);
    assert_eq!(
        keys(&m),
        [
            "id", "ignore", "ignore", "ignore", "ignore", "E:ASS2", "E:EMP1", "E:TAN2", "E:REL3", "P:ASS2", "P:EMP1",
            "P:TAN2", "P:REL3", "ces", "comment"
        ]
    );
}

#[test]
fn a_field_goes_to_one_column_only() {
    let t = read_table(b"E:REL1,REL1 expectation,Comment,Other comments\n1,2,a,b\n", None).unwrap();
    let s = servqual_suggest(&t, &[]);
    assert_eq!(keys(&s), ["E:REL1", "ignore", "comment", "ignore"]);
    assert_eq!(s[1].reason, "E of REL1 already goes to column \"E:REL1\"");
}

#[test]
fn limesurvey_codes_are_remembered_from_a_saved_mapping() {
    let t = table("limesurvey.csv");
    // Codes say nothing: only the id is suggested at first.
    let first = servqual_suggest(&t, &[]);
    assert_eq!(first[0].target, Target::Id);
    assert!(first[5..17].iter().all(|s| s.target == Target::Ignore));
    let mut chosen: Vec<Target> = first.iter().map(|s| s.target.clone()).collect();
    for (k, code) in ["REL1", "RES2", "ASS2", "EMP1", "TAN2", "REL3"].iter().enumerate() {
        chosen[5 + k] = Target::from_key(&format!("E:{code}")).unwrap();
        chosen[11 + k] = Target::from_key(&format!("P:{code}")).unwrap();
    }
    chosen[17] = Target::Nps;
    let saved = SavedMapping::new("LimeSurvey guests", &t, &chosen, Scale::new(1, 5).unwrap()).unwrap();
    // The next wave's file fits the saved mapping as a whole…
    let wave2 = table("limesurvey-wave2.csv");
    assert!(SavedMapping::find(std::slice::from_ref(&saved), &wave2).is_some());
    // …and another file with some of the same codes gets them suggested.
    let other = read_table(b"Q1[SQ001],Q9\n4,5\n", None).unwrap();
    let s = servqual_suggest(&other, std::slice::from_ref(&saved));
    assert_eq!(keys(&s), ["E:REL1", "ignore"]);
    assert_eq!(s[0].reason, "mapped like this in a saved mapping");
}

#[test]
fn perception_only_projects_get_p_suggestions() {
    let t = read_table(b"What did you expect? [Customers are served promptly.]\n5\n", None).unwrap();
    let s = suggest(&t, &SERVQUAL.items(), &SERVQUAL.dimensions(), &[], true);
    assert_eq!(keys(&s), ["P:RES2"]);
}

#[test]
fn importance_points_name_their_dimension() {
    let t = read_table(b"Points for Reliability,Points for Empathy\n60,40\n", None).unwrap();
    assert_eq!(keys(&servqual_suggest(&t, &[])), ["I:rel", "I:emp"]);
}

#[test]
fn the_scale_is_detected_from_the_mapped_rating_columns() {
    let t = table("limesurvey.csv");
    let mut chosen = vec![Target::Ignore; t.width()];
    chosen[5] = Target::from_key("E:REL1").unwrap();
    chosen[11] = Target::from_key("P:REL1").unwrap();
    let guess = detect_scale(&t, &chosen);
    assert_eq!(guess.scale, Scale::new(1, 5).ok());
    assert_eq!(guess.values, 20);
    // The NPS column (0–10) does not count.
    chosen[17] = Target::Nps;
    assert_eq!(detect_scale(&t, &chosen).scale, Scale::new(1, 5).ok());

    let s = table("surveymonkey.csv");
    let targets = servqual_suggest(&s, &[]).into_iter().map(|s| s.target).collect::<Vec<_>>();
    assert_eq!(detect_scale(&s, &targets).scale, Some(Scale::SEVEN));
    // Rating texts count by their leading number.
    let g = table("google-forms.csv");
    let targets = servqual_suggest(&g, &[]).into_iter().map(|s| s.target).collect::<Vec<_>>();
    let guess = detect_scale(&g, &targets);
    assert_eq!((guess.max, guess.scale), (Some(7.0), Some(Scale::SEVEN)));
    // Nothing mapped, or a value above 10: no guess.
    assert_eq!(detect_scale(&g, &[]).scale, None);
    let big = read_table(b"a\n12\n", None).unwrap();
    assert_eq!(detect_scale(&big, &[Target::from_key("P:REL1").unwrap()]).scale, None);
    let ten = read_table(b"a\n8\n", None).unwrap();
    assert_eq!(detect_scale(&ten, &[Target::from_key("P:REL1").unwrap()]).scale, Scale::new(1, 10).ok());
}

#[test]
fn surveymonkey_converts_into_the_same_responses_as_the_canonical_file() {
    let t = table("surveymonkey.csv");
    let chosen: Vec<Target> = servqual_suggest(&t, &[]).into_iter().map(|s| s.target).collect();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let file = convert(&t, &chosen, &options(&items, &existing, Scale::SEVEN)).unwrap();
    assert_eq!(file.responses.len(), 12);
    let first = &file.responses[0];
    assert_eq!(first.id_str(), "114587223301");
    assert_eq!(first.wave.as_deref(), Some("Wave 1"));
    assert_eq!(first.nps, Some(8));
    assert_eq!(first.segments["channel"], "Web");
    let rel1 = first.answers[&crate::model::ItemCode::new("REL1").unwrap()];
    assert_eq!((rel1.expectation, rel1.perception), (Some(6.0), Some(4.0)));
    // A blank cell is a missing answer, as in the canonical import.
    let tan2 = first.answers[&crate::model::ItemCode::new("TAN2").unwrap()];
    assert_eq!((tan2.expectation, tan2.perception), (Some(6.0), Some(6.0)));
    assert_eq!(file.delimiter, ',');

    // The same rows written as a canonical file give the same responses.
    let canonical = "id,E:REL1,P:REL1,nps,segment:channel\n114587223301,6,4,8,Web\n";
    let direct = parse_responses(canonical.as_bytes(), &options(&items, &existing, Scale::SEVEN)).unwrap();
    let mapped_first: &Response = &file.responses[0];
    assert_eq!(direct.responses[0].answers[&crate::model::ItemCode::new("REL1").unwrap()], rel1);
    assert_eq!(direct.responses[0].segments, mapped_first.segments);
}

#[test]
fn google_forms_rating_texts_become_their_numbers() {
    let t = table("google-forms.csv");
    let chosen: Vec<Target> = servqual_suggest(&t, &[]).into_iter().map(|s| s.target).collect();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let file = convert(&t, &chosen, &options(&items, &existing, Scale::SEVEN)).unwrap();
    let rel1 = file.responses[0].answers[&crate::model::ItemCode::new("REL1").unwrap()];
    assert_eq!(rel1.expectation, Some(7.0)); // "7 - Strongly agree"
    assert_eq!(file.responses[0].csat, Some(4));
    assert_eq!(file.generated_ids, 9, "Google Forms has no id column");
}

#[test]
fn bad_values_are_listed_with_row_header_and_the_cell_as_written() {
    let t = table("surveymonkey-bad.csv");
    let chosen: Vec<Target> = servqual_suggest(&t, &[]).into_iter().map(|s| s.target).collect();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let error = convert(&t, &chosen, &options(&items, &existing, Scale::SEVEN)).unwrap_err();
    let messages: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "row 3, column \"Customers are served promp… — Experience\": \"8\" is outside 1–7",
            "row 5, column \"When Fjällbo Bygg promises… — Experience\": \"Don't know\" is not a number",
        ]
    );
    assert_eq!(
        error.problems[0],
        Problem::OutOfRange {
            row: 3,
            column: "Customers are served promp… — Experience".into(),
            value: "8".into(),
            min: 1.0,
            max: 7.0
        }
    );
}

#[test]
fn a_rating_text_out_of_scale_is_reported_as_written() {
    let t = read_table("Q\n9 - Excellent\n".as_bytes(), None).unwrap();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let error = convert(&t, &targets(&["P:REL1"]), &options(&items, &existing, Scale::SEVEN)).unwrap_err();
    assert_eq!(
        error.problems,
        vec![Problem::OutOfRange { row: 1, column: "Q".into(), value: "9 - Excellent".into(), min: 1.0, max: 7.0 }]
    );
}

#[test]
fn ids_stored_before_two_columns_on_one_field_and_ragged_rows_are_problems() {
    let t = table("limesurvey.csv");
    let mut chosen = vec![Target::Ignore; t.width()];
    chosen[0] = Target::Id;
    chosen[5] = Target::from_key("E:REL1").unwrap();
    chosen[6] = Target::from_key("E:REL1").unwrap();
    let items = SERVQUAL.items();
    let existing: HashSet<String> = ["2".to_owned()].into();
    let error = convert(&t, &chosen, &options(&items, &existing, Scale::new(1, 5).unwrap())).unwrap_err();
    assert_eq!(
        error.problems,
        vec![
            Problem::BadColumn { column: "Q1[SQ002]".into(), reason: "E of REL1 is already mapped from column \"Q1[SQ001]\"".into() },
            Problem::DuplicateId { row: 2, value: "2".into(), first_row: None },
        ]
    );
    let ragged = read_table(b"a,b\n1,2,3\n4\n", None).unwrap();
    let error = convert(&ragged, &targets(&["P:REL1", "P:REL2"]), &options(&items, &HashSet::new(), Scale::SEVEN)).unwrap_err();
    assert_eq!(error.problems, vec![Problem::TooManyFields { row: 1, expected: 2, found: 3 }]);
}

#[test]
fn an_item_deleted_since_the_mapping_was_saved_is_named_by_the_header() {
    let t = read_table(b"Q1\n4\n", None).unwrap();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let error = convert(&t, &targets(&["P:GONE1"]), &options(&items, &existing, Scale::SEVEN)).unwrap_err();
    assert_eq!(error.problems, vec![Problem::UnknownItem { column: "Q1".into() }]);
}

#[test]
fn limesurvey_wave_two_imports_with_the_saved_mapping() {
    let t = table("limesurvey.csv");
    let mut chosen = vec![Target::Ignore; t.width()];
    chosen[0] = Target::Id;
    for (k, code) in ["REL1", "RES2", "ASS2", "EMP1", "TAN2", "REL3"].iter().enumerate() {
        chosen[5 + k] = Target::from_key(&format!("E:{code}")).unwrap();
        chosen[11 + k] = Target::from_key(&format!("P:{code}")).unwrap();
    }
    chosen[17] = Target::Nps;
    chosen[18] = Target::Segment("channel".into());
    chosen[19] = Target::Comment;
    let scale = Scale::new(1, 5).unwrap();
    let items = SERVQUAL.items();
    let existing = HashSet::new();
    let first = convert(&t, &chosen, &options(&items, &existing, scale)).unwrap();
    assert_eq!(first.responses.len(), 10);
    let mut saved = Vec::new();
    SavedMapping::remember(&mut saved, SavedMapping::new("LimeSurvey", &t, &chosen, scale).unwrap());

    let wave2 = table("limesurvey-wave2.csv");
    let mapping = SavedMapping::find(&saved, &wave2).unwrap();
    let stored: HashSet<String> = first.responses.iter().map(|r| r.id_str().to_owned()).collect();
    let options = ImportOptions { default_wave: Some("Wave 2"), ..options(&items, &stored, mapping.scale) };
    let second = convert(&wave2, &mapping.targets(), &options).unwrap();
    assert_eq!(second.responses.len(), 8);
    assert!(second.responses.iter().all(|r| r.wave.as_deref() == Some("Wave 2")));
    assert_eq!(second.waves.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), ["Wave 2"]);
    // Importing wave 1 again is refused: its ids are stored.
    let again = convert(&t, &mapping.targets(), &options).unwrap_err();
    assert_eq!(again.total(), 10);
}

#[test]
fn saved_mappings_round_trip_and_replace_by_name_or_signature() {
    let t = table("surveymonkey.csv");
    let chosen: Vec<Target> = servqual_suggest(&t, &[]).into_iter().map(|s| s.target).collect();
    let mapping = SavedMapping::new("  SurveyMonkey guests ", &t, &chosen, Scale::SEVEN).unwrap();
    assert_eq!(mapping.source, "SurveyMonkey guests");
    let json = serde_json::to_string(&mapping).unwrap();
    assert!(json.contains("\"target\":\"E:REL1\""), "{json}");
    assert_eq!(serde_json::from_str::<SavedMapping>(&json).unwrap(), mapping);
    assert!(serde_json::from_str::<Target>("\"E:<b>\"").is_err());

    let mut saved = Vec::new();
    SavedMapping::remember(&mut saved, mapping.clone());
    SavedMapping::remember(&mut saved, SavedMapping { source: "renamed".into(), ..mapping.clone() });
    assert_eq!(saved.len(), 1, "the same signature replaces");
    for n in 0..(MAX_SAVED_MAPPINGS + 3) {
        SavedMapping::remember(&mut saved, SavedMapping { source: format!("s{n}"), signature: format!("{n}"), ..mapping.clone() });
    }
    assert_eq!(saved.len(), MAX_SAVED_MAPPINGS);
    assert!(SavedMapping::new(" ", &t, &chosen, Scale::SEVEN).is_err());
    assert!(SavedMapping::new(&"x".repeat(SOURCE_NAME_MAX + 1), &t, &chosen, Scale::SEVEN).is_err());
}

#[test]
fn projects_stored_before_mappings_existed_still_load() {
    let project = crate::demo::hotel();
    let mut json: serde_json::Value = serde_json::to_value(&project).unwrap();
    assert!(json.get("import_mappings").is_none(), "an empty list is not written");
    json.as_object_mut().unwrap().remove("import_mappings");
    let back: crate::model::Project = serde_json::from_value(json).unwrap();
    assert!(back.import_mappings.is_empty());
}

#[test]
fn next_wave_names() {
    assert_eq!(next_wave_name("Wave 1").as_deref(), Some("Wave 2"));
    assert_eq!(next_wave_name("2026 Q1").as_deref(), Some("2026 Q2"));
    assert_eq!(next_wave_name("Våg 9 (höst)").as_deref(), Some("Våg 10 (höst)"));
    assert_eq!(next_wave_name("Baseline"), None);
}

#[test]
fn targets_read_back_from_their_keys() {
    for key in ["ignore", "id", "wave", "segment:channel", "E:REL1", "P:REL1", "I:rel", "nps", "csat", "ces", "comment"] {
        assert_eq!(Target::from_key(key).unwrap().key(), key);
    }
    assert!(Target::from_key("segment:").is_err());
    assert!(Target::from_key("X:REL1").is_err());
    assert_eq!(segment_name("Which channel; did you use?"), "Which channel did you use");
}

#[test]
fn long_headers_keep_their_sub_answer_in_messages() {
    assert_eq!(column_label("Short — Experience"), "Short — Experience");
    assert_eq!(column_label(&"x".repeat(60)), "x".repeat(60));
    let label = column_label("When Fjällbo Bygg promises to do something by a certain time, it gets done. — Expectation");
    assert_eq!(label, "When Fjällbo Bygg promise… — Expectation");
    assert!(label.chars().count() <= 40);
}
