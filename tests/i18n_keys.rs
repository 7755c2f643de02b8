//! Every interface text exists in every language.
//!
//! Reads each `t!("…")` and `k!("…")` in `src/` (the English text is the key) and each language's
//! pack fragments in `i18n/<lang>/*.json`, and fails when a pack:
//! - lacks a key the code uses (it lists them, ready to translate);
//! - has a key no code uses any more (an English text changed or went away);
//! - drops, renames or invents a `{place}` of the English text;
//! - leaves a translation empty, or gives one key two different translations in two fragments.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LANGS: [&str; 4] = ["sv", "da", "nb", "fi"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The value of the Rust string literal at the start of `s` (normal or raw), or None.
fn literal(s: &str) -> Option<String> {
    if let Some(raw) = s.strip_prefix('r') {
        let hashes = raw.chars().take_while(|&c| c == '#').count();
        let body = raw[hashes..].strip_prefix('"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        return Some(body[..body.find(&end)?].to_owned());
    }
    let mut chars = s.strip_prefix('"')?.chars().peekable();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                'u' => {
                    chars.next(); // {
                    let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                '\n' => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                other => panic!("unexpected escape \\{other}"),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every key the code uses, with the first file that uses it.
fn keys_in_source() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut keys = BTreeMap::new();
    for file in files {
        if file.starts_with(root.join("src/i18n")) {
            continue; // the macros' own documentation and tests
        }
        let text = fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .map(|l| if l.trim_start().starts_with("//") { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        for mac in ["t!(", "k!("] {
            let mut rest = code.as_str();
            while let Some(at) = rest.find(mac) {
                let before = rest[..at].chars().last();
                rest = &rest[at + mac.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // e.g. `print!(`, `format!(`
                }
                let arg = rest.trim_start();
                let key = literal(arg).unwrap_or_else(|| {
                    panic!("{}: {mac}…) must start with a string literal, found {:?}", file.display(), &arg[..arg.len().min(40)])
                });
                let rel = file.strip_prefix(root).unwrap().display().to_string();
                keys.entry(key).or_insert(rel);
            }
        }
    }
    keys
}

fn places(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    out.insert(name.to_owned());
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// One language's texts from all its fragments, with the problems found while merging.
fn pack(lang: &str, problems: &mut Vec<String>) -> BTreeMap<String, (String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n").join(lang);
    let mut texts: BTreeMap<String, (String, String)> = BTreeMap::new();
    let Ok(read) = fs::read_dir(&dir) else {
        problems.push(format!("{lang}: no folder i18n/{lang}/"));
        return texts;
    };
    let mut files: Vec<_> = read.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let parsed: BTreeMap<String, String> = match serde_json::from_str(&fs::read_to_string(&file).unwrap()) {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!("{lang}/{name}: not a JSON object of strings: {e}"));
                continue;
            }
        };
        for (key, text) in parsed {
            if text.trim().is_empty() {
                problems.push(format!("{lang}/{name}: empty translation for {key:?}"));
            }
            if let Some((other, earlier)) = texts.get(&key) {
                if *earlier != text {
                    problems.push(format!(
                        "{lang}: {key:?} is {earlier:?} in {other} but {text:?} in {name}; keep one"
                    ));
                }
                continue;
            }
            texts.insert(key, (name.clone(), text));
        }
    }
    texts
}

#[test]
fn every_interface_text_exists_in_every_language() {
    let keys = keys_in_source();
    assert!(keys.len() > 0, "no t!/k! keys found in src/");
    let mut problems = Vec::new();
    for lang in LANGS {
        let texts = pack(lang, &mut problems);
        let mut missing = BTreeMap::new();
        for (key, file) in &keys {
            match texts.get(key) {
                None => {
                    missing.entry(file.clone()).or_insert_with(Vec::new).push(key.clone());
                }
                Some((name, text)) => {
                    if places(key) != places(text) {
                        problems.push(format!(
                            "{lang}/{name}: {key:?} has places {:?} but its translation {text:?} has {:?}",
                            places(key),
                            places(text)
                        ));
                    }
                }
            }
        }
        for (file, list) in missing {
            let json: Vec<String> = list.iter().map(|k| format!("  {}: \"\"", serde_json::to_string(k).unwrap())).collect();
            problems.push(format!("{lang}: {} key(s) used in {file} are missing:\n{}", list.len(), json.join(",\n")));
        }
        for (key, (name, _)) in &texts {
            if !keys.contains_key(key) {
                problems.push(format!("{lang}/{name}: {key:?} is used nowhere in src/ (remove it, or fix the English)"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s) with the language packs:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_scanner_reads_rust_literals() {
    assert_eq!(literal(r#""a \"b\" {n}" , x"#).as_deref(), Some("a \"b\" {n}"));
    assert_eq!(literal("\"one \\\n      two\"").as_deref(), Some("one two"));
    assert_eq!(literal(r###"r#"raw "q""#"###).as_deref(), Some("raw \"q\""));
    assert_eq!(literal("\"\\u{2212}1\"").as_deref(), Some("−1"));
    assert_eq!(places("{n} of {total} {"), BTreeSet::from(["n".to_owned(), "total".to_owned()]));
}
