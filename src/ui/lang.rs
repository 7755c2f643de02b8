//! Choosing and loading the interface language in the browser.
//!
//! The choice is kept in this browser (`gaplens/pref/lang`); the first visit follows the
//! browser's languages. A language other than English is a pack built into `dist/` with a hashed
//! name (`scripts/i18n-build.mjs`), named in `<meta name="gaplens-i18n">`, fetched from our own
//! origin before the app mounts. Changing the language reloads the page, so every text, number
//! and date on it follows at once; the data is in local storage and is not touched.

use crate::i18n::{self, Lang};
use crate::storage::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const PREFERENCE: &str = "lang";

/// The language this browser chose, or the browser's own language on a first visit.
pub fn chosen() -> Lang {
    if let Some(lang) = Store::open().ok().and_then(|s| s.preference(PREFERENCE)).and_then(|c| Lang::from_code(&c)) {
        return lang;
    }
    let tags: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::from_browser(tags.iter().map(String::as_str))
}

/// Remembers `lang` and reloads the page in it.
///
/// # Errors
/// The storage error's text when the choice could not be stored (the language stays).
pub fn choose(lang: Lang) -> Result<(), String> {
    let store = Store::open().map_err(|e| e.to_string())?;
    store.set_preference(PREFERENCE, lang.code()).map_err(|e| e.to_string())?;
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
    Ok(())
}

/// The address of `lang`'s pack, from the meta tag the build writes
/// (`<meta name="gaplens-i18n" content="sv=./i18n-sv-<hash>.json da=…">`).
fn pack_address(lang: Lang) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name='gaplens-i18n']").ok()??;
    let content = meta.get_attribute("content")?;
    content
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .find(|(code, _)| *code == lang.code())
        .map(|(_, address)| address.to_owned())
}

async fn fetch_text(address: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(address)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Installs the chosen language (fetching its pack) and sets `<html lang>`. When the pack
/// cannot be loaded the interface speaks English and the returned text says why.
pub async fn load() -> Option<String> {
    let lang = chosen();
    let outcome = if lang == Lang::En {
        i18n::install(Lang::En, None).map_err(|e| e.to_string())
    } else {
        match pack_address(lang) {
            None => Err("this build has no language files".to_owned()),
            Some(address) => match fetch_text(&address).await {
                Ok(json) => i18n::install(lang, Some(&json)).map_err(|e| e.to_string()),
                Err(why) => Err(why),
            },
        }
    };
    let failure = outcome.err().map(|why| {
        let _ = i18n::install(Lang::En, None);
        format!("{} could not be loaded ({why}), so Gaplens speaks English for now.", lang.native_name())
    });
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", i18n::lang().code());
    }
    failure
}
