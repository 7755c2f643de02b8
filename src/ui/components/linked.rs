//! A translated sentence with a link inside it.
//!
//! Translators get the whole sentence, with the link's words in square brackets, so each
//! language can put the link where its word order wants it:
//! `t!("No answers yet. [Import a CSV file on the Data page] and the gaps appear here.")`.

use leptos::prelude::*;

/// `text` split at its first `[…]`: the words before, the link's words, the words after.
/// A text without brackets is all link, so the link never goes missing.
fn split(text: &str) -> (&str, &str, &str) {
    let Some(open) = text.find('[') else { return ("", text, "") };
    let rest = &text[open + 1..];
    match rest.find(']') {
        Some(close) => (&text[..open], &rest[..close], &rest[close + 1..]),
        None => ("", text, ""),
    }
}

/// The sentence `text` with its bracketed words as a link to `href`.
#[component]
pub fn Linked(
    /// The translated sentence, the link's words in square brackets.
    #[prop(into)]
    text: String,
    /// Where the link goes.
    #[prop(into)]
    href: String,
) -> impl IntoView {
    let (before, link, after) = split(&text);
    let (before, link, after) = (before.to_owned(), link.to_owned(), after.to_owned());
    view! { {before}<a href=href>{link}</a>{after} }
}
