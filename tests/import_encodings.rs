//! The import fixtures in other encodings (e2e/fixtures/import/) read exactly like the same
//! text saved as UTF-8, and binary files are turned away with a message that says what to do.

use gaplens::import::{parse_responses, ImportOptions, ImportedFile, ItemPolicy, Problem, ResponsesParser, TextEncoding};
use gaplens::model::Scale;
use std::collections::HashSet;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "e2e", "fixtures", "import", name].iter().collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(bytes: &[u8]) -> Result<ImportedFile, gaplens::import::ImportError> {
    let existing = HashSet::new();
    let options = ImportOptions {
        scale: Scale::SEVEN,
        items: ItemPolicy::TemplateAndUnknown,
        existing_ids: &existing,
        default_wave: None,
        id_prefix: "r",
    };
    parse_responses(bytes, &options)
}

/// The same file re-encoded as UTF-8 gives the same responses; only `encoding` differs.
fn same_as_utf8(file: &ImportedFile, text: &str) {
    let utf8 = parse(text.as_bytes()).expect("the UTF-8 version imports");
    assert_eq!(utf8.encoding, TextEncoding::Utf8);
    assert_eq!(ImportedFile { encoding: TextEncoding::Utf8, ..file.clone() }, utf8);
}

#[test]
fn windows_1252_fixture_keeps_nordic_letters_in_segments_and_comments() {
    let bytes = fixture("windows-1252.csv");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    let file = parse(&bytes).expect("imports");
    assert_eq!(file.encoding, TextEncoding::Windows1252);
    assert_eq!(file.delimiter, ';');
    assert_eq!(file.responses.len(), 5);
    assert_eq!(file.waves[0].name, "Höst 2026");
    let towns: Vec<&str> = file.responses.iter().map(|r| r.segments["ort"].as_str()).collect();
    assert_eq!(towns, ["Malmö", "Århus", "Tórshavn", "Jyväskylä", "Øst"]);
    let comments: Vec<&str> = file.responses.iter().filter_map(|r| r.comment.as_deref()).collect();
    assert_eq!(
        comments,
        [
            "Trevlig personal, men kön var lång – säg till!",
            "Pæn og hurtig levering; «god» service",
            "Kundeservice svarede først efter 20 min…",
            "Hinta 12 € oli ok",
            "Vi tror att vi levererar.",
        ]
    );
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    same_as_utf8(&file, &text);
}

#[test]
fn utf16_fixture_is_excels_unicode_text() {
    let bytes = fixture("utf-16.txt");
    let file = parse(&bytes).expect("imports");
    assert_eq!((file.encoding, file.delimiter), (TextEncoding::Utf16Le, '\t'));
    assert_eq!(file.responses.len(), 3);
    assert_eq!(file.responses[0].segments["ort"], "Tromsø");
    assert_eq!(file.responses[1].comment.as_deref(), Some("Frokosten var \"helt ok\""));
    let (text, _, _) = encoding_rs::UTF_16LE.decode(&bytes);
    same_as_utf8(&file, &text);
    // The same file big-endian.
    let mut big_endian = vec![0xFE, 0xFF];
    big_endian.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(parse(&big_endian).map(|f| (f.encoding, f.responses)), Ok((TextEncoding::Utf16Be, file.responses)));
}

#[test]
fn utf8_fixture_with_bom_is_unchanged() {
    let file = parse(&fixture("nordic-semicolon.csv")).expect("imports");
    assert_eq!((file.encoding, file.responses.len()), (TextEncoding::Utf8, 3));
}

#[test]
fn binary_files_renamed_to_csv_are_rejected_with_advice() {
    let message = |bytes: &[u8]| parse(bytes).unwrap_err().to_string();
    let xlsx = message(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml");
    assert!(xlsx.contains("this looks like an Excel workbook (.xlsx)"), "{xlsx}");
    assert!(xlsx.contains("Save As"), "{xlsx}");
    let xls = message(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00");
    assert!(xls.contains("an old Excel workbook (.xls)"), "{xls}");
    let png = message(b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x00\x10");
    assert!(png.contains("this looks like an image"), "{png}");
    let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1).collect();
    let error = parse(&noise).unwrap_err();
    assert!(matches!(error.problems[0], Problem::NotText { .. }), "{error}");
    assert!(error.to_string().contains("this looks like a binary file"));
}

#[test]
fn the_stepwise_parser_reads_the_fixtures_like_one_call() {
    let existing = HashSet::new();
    let options = ImportOptions {
        scale: Scale::SEVEN,
        items: ItemPolicy::TemplateAndUnknown,
        existing_ids: &existing,
        default_wave: Some("Wave 1"),
        id_prefix: "r",
    };
    for name in ["good.csv", "bad.csv", "nordic-semicolon.csv", "windows-1252.csv", "utf-16.txt"] {
        let bytes = fixture(name);
        let mut parser = ResponsesParser::new(&bytes, options).expect(name);
        while !parser.step(2) {}
        assert_eq!(parser.finish(), parse_responses(&bytes, &options), "{name}");
    }
}
