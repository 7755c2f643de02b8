//! The interface's languages: English, Swedish, Danish, Norwegian (bokmål) and Finnish.
//!
//! English is the source language and the key: `t!("Save")` returns "Save" in English and the
//! Swedish pack's "Spara" once Swedish is installed. Texts with values name their places:
//! `t!("{n} answers", n = count)`. A text kept in a table (a `static`) is marked with
//! `k!("…")` where it is written and translated with [`tr`] where it is shown.
//!
//! The packs are JSON fragments in `i18n/<lang>/*.json`, each an object from the English text to
//! the translation. `tests/i18n_keys.rs` reads every `t!`/`k!` in `src/` and fails when a pack
//! lacks a key, has a key no code uses, or drops or invents a `{place}`. The build
//! (`scripts/i18n-build.mjs`) merges each language's fragments into one hashed file in `dist/`,
//! fetched only when that language is chosen, so English users download none of them.
//!
//! This module is pure: the language is a per-thread setting that the web app installs once
//! at start (before mounting) and native code and tests leave at English.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Sv,
    Da,
    Nb,
    Fi,
}

impl Lang {
    /// Every language, in the order Settings lists them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Sv, Lang::Da, Lang::Nb, Lang::Fi];

    /// The BCP 47 code: `lang` attribute, storage value and pack name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::Nb => "nb",
            Lang::Fi => "fi",
        }
    }

    /// The language's own name for itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sv => "Svenska",
            Lang::Da => "Dansk",
            Lang::Nb => "Norsk (bokmål)",
            Lang::Fi => "Suomi",
        }
    }

    /// The language for a stored code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The best match for a browser's language tags (`navigator.languages`, most wanted first):
    /// "sv-FI" is Swedish, "no" and "nn" are served in bokmål, anything else is English.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            let lang = match primary.as_str() {
                "en" => Some(Lang::En),
                "sv" => Some(Lang::Sv),
                "da" => Some(Lang::Da),
                "nb" | "no" | "nn" => Some(Lang::Nb),
                "fi" => Some(Lang::Fi),
                _ => None,
            };
            if let Some(lang) = lang {
                return lang;
            }
        }
        Lang::En
    }

    /// The decimal separator: a comma in the Nordic languages.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            _ => ',',
        }
    }

    /// The thousands separator: a thin space where the decimal mark is a comma, as the Nordic
    /// standards write it (a narrow no-break space, so a figure never breaks over two lines).
    pub fn group_separator(self) -> &'static str {
        match self {
            Lang::En => ",",
            _ => "\u{202F}",
        }
    }
}

struct Installed {
    lang: Lang,
    texts: HashMap<&'static str, &'static &'static str>,
}

thread_local! {
    static CURRENT: RefCell<Installed> = RefCell::new(Installed { lang: Lang::En, texts: HashMap::new() });
}

/// The language the interface speaks now.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.borrow().lang)
}

/// Why a language pack was not installed.
#[derive(Debug, PartialEq, Eq)]
pub enum PackError {
    /// The pack is not a JSON object of strings.
    NotAPack(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::NotAPack(why) => write!(f, "the language file could not be read: {why}"),
        }
    }
}

/// Makes `lang` the interface's language with the texts of its pack (a JSON object from English
/// text to translation). English needs no pack: pass `None`. The texts live as long as the
/// program, which is what a language chosen once per page load needs.
pub fn install(lang: Lang, pack: Option<&str>) -> Result<(), PackError> {
    let texts = match pack {
        None => HashMap::new(),
        Some(json) => {
            let parsed: HashMap<String, String> =
                serde_json::from_str(json).map_err(|e| PackError::NotAPack(e.to_string()))?;
            parsed
                .into_iter()
                .map(|(k, v)| {
                    let text: &'static str = Box::leak(v.into_boxed_str());
                    (&*Box::leak(k.into_boxed_str()), &*Box::leak(Box::new(text)))
                })
                .collect()
        }
    };
    CURRENT.with(|c| *c.borrow_mut() = Installed { lang, texts });
    Ok(())
}

/// The current language's text for the English `key`; the key itself in English or when the
/// pack lacks it (the key test keeps that from shipping). For texts kept in tables (`k!`).
#[inline(never)]
pub fn tr(key: &'static str) -> &'static str {
    CURRENT.with(|c| c.borrow().texts.get(key).map_or(key, |text| **text))
}

/// [`tr`] as [`t!`] calls it, from some two thousand places: the key and the text each behind
/// one static reference, so a call site passes and gets back one pointer, not a pointer and a
/// length on the stack (about 1 KB brotli less WebAssembly). Never inlined, for the same reason.
#[doc(hidden)]
#[inline(never)]
pub fn tr_ref(key: &'static &'static str) -> &'static &'static str {
    CURRENT.with(|c| c.borrow().texts.get(*key).copied().unwrap_or(key))
}

/// [`fill`] of [`tr_ref`] as [`t!`] with places calls it: one call per text, and the names as
/// one static list beside the values rather than stored with each value at every call site
/// (about 4 KB brotli less WebAssembly than `fill(tr(key), &[(name, value), …])`).
#[doc(hidden)]
#[inline(never)]
pub fn tr_fill<'v>(
    key: &'static &'static str,
    names: &'static [&'static str],
    values: &[&'v (dyn Display + 'v)],
) -> String {
    fill_places(tr_ref(key), &|name| names.iter().position(|n| *n == name).and_then(|i| values.get(i).copied()))
}

/// `text` with each `{name}` replaced by its value. A place with no value stays as written.
pub fn fill<'v>(text: &str, values: &[(&str, &'v (dyn Display + 'v))]) -> String {
    fill_places(text, &|name| values.iter().find(|(n, _)| *n == name).map(|(_, value)| *value))
}

/// `text` with each `{name}` replaced by `value(name)`, or left as written when that is `None`.
#[inline(never)]
fn fill_places<'v>(text: &str, value: &dyn Fn(&str) -> Option<&'v (dyn Display + 'v)>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match value(name) {
                    Some(value) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The interface text for an English literal, in the current language.
///
/// `t!("Save")` is a `&'static str`; `t!("{n} answers", n = count)` is a `String` with each
/// place filled by its `Display`. The first argument must be a string literal: the key test
/// finds the keys by reading the source.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        *$crate::i18n::tr_ref(&$key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_fill(&$key, &[$(stringify!($name)),+], &[$(&$value as &dyn ::std::fmt::Display),+])
    };
}

/// Marks an English literal as an interface text without translating it yet: for tables
/// (`static`s and `const`s) whose texts are translated where they are shown, with [`tr`].
#[macro_export]
macro_rules! k {
    ($key:literal) => {
        $key
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_key_and_a_pack_translates_it() {
        install(Lang::En, None).unwrap();
        assert_eq!(t!("Save"), "Save");
        install(Lang::Sv, Some(r#"{"Save":"Spara","{n} answers":"{n} svar"}"#)).unwrap();
        assert_eq!(lang(), Lang::Sv);
        assert_eq!(t!("Save"), "Spara");
        assert_eq!(t!("{n} answers", n = 12), "12 svar");
        assert_eq!(t!("Not in the pack"), "Not in the pack");
        assert_eq!(tr("Save"), "Spara");
        assert_eq!(tr("Not in the pack"), "Not in the pack");
        install(Lang::En, None).unwrap();
        assert_eq!(tr("Save"), "Save");
        assert_eq!(t!("{n} answers", n = 3), "3 answers");
    }

    #[test]
    fn a_broken_pack_is_refused_and_the_language_stays() {
        install(Lang::En, None).unwrap();
        assert!(install(Lang::Fi, Some("[1, 2]")).is_err());
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn places_are_filled_by_name_and_unknown_ones_stay() {
        let n = 3;
        assert_eq!(fill("{a} of {b}", &[("a", &n), ("b", &"five")]), "3 of five");
        assert_eq!(fill("{a} and {z}", &[("a", &1)]), "1 and {z}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        // t! passes names and values side by side, in the order written, whatever the text's order.
        install(Lang::En, None).unwrap();
        assert_eq!(t!("{b} before {a}, {b} again", a = 1, b = "two"), "two before 1, two again");
        assert_eq!(t!("{a} and {z}", a = n), "3 and {z}");
    }

    #[test]
    fn the_browser_language_picks_the_interface_language() {
        assert_eq!(Lang::from_browser(["sv-SE", "en"]), Lang::Sv);
        assert_eq!(Lang::from_browser(["de-DE", "nn-NO"]), Lang::Nb);
        assert_eq!(Lang::from_browser(["no"]), Lang::Nb);
        assert_eq!(Lang::from_browser(["fi"]), Lang::Fi);
        assert_eq!(Lang::from_browser(["da-DK"]), Lang::Da);
        assert_eq!(Lang::from_browser(["de", "fr"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
        assert_eq!(Lang::from_code("nb"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("xx"), None);
    }
}
