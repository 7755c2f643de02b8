//! "What is this?": a figure's plain-language explanation behind a disclosure.
//!
//! A native `<details>`/`<summary>`: it opens with Enter or Space, screen readers announce it
//! as a collapsed or expanded button, and it needs no script. The summary names the figure for
//! screen readers ("What is this? Perception gap (gap 5)"), so a page with several of them
//! reads unambiguously. Print hides them (style/explain.css).

use crate::explain::Topic;
use leptos::prelude::*;

/// The disclosure for one topic, with a link to the glossary. `named` shows the topic's name
/// in the summary instead of "What is this?" (which screen readers still hear), for places
/// where several disclosures sit together and "What is this?" alone would not say which is
/// which.
#[component]
pub fn Explain(
    topic: Topic,
    /// Show the topic's name instead of "What is this?" (screen readers always hear both).
    #[prop(optional)]
    named: bool,
) -> impl IntoView {
    let text = topic.explain();
    let [measures, reading, example] = crate::explain::part_labels();
    view! {
        <details class="explain" data-testid=format!("explain-{}", topic.slug())>
            <summary>
                <span class="explain-mark" aria-hidden="true">"?"</span>
                <span class:visually-hidden=named>{t!("What is this?")}</span>
                <span class=if named { "explain-name" } else { "visually-hidden" }>" "{text.title}</span>
            </summary>
            <div class="explain-body">
                <p class="explain-title">{text.title}</p>
                <dl>
                    <dt>{measures}</dt>
                    <dd>{text.measures}</dd>
                    <dt>{reading}</dt>
                    <dd>{text.reading}</dd>
                    <dt>{example}</dt>
                    <dd>{text.example}</dd>
                </dl>
                <p><a href=format!("#/glossary/{}", topic.slug())>{t!("All terms in the glossary")}</a></p>
            </div>
        </details>
    }
}
