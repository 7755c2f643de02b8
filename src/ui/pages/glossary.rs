//! The glossary: every figure and concept Gaplens uses, explained in plain language, in the
//! interface language's alphabetical order. `#/glossary/<slug>` opens at one term.

use crate::explain::Topic;
use leptos::prelude::*;

/// The glossary page; `focus` is the slug of a term to scroll to.
#[component]
pub fn GlossaryPage(focus: Option<String>) -> impl IntoView {
    let mut topics: Vec<(Topic, crate::explain::Explanation)> = Topic::ALL.iter().map(|t| (*t, t.explain())).collect();
    crate::sort::sort_by_key(&mut topics, |(_, e)| e.title.to_lowercase());
    let [measures, reading, example] = crate::explain::part_labels();
    if let Some(slug) = focus.filter(|s| Topic::from_slug(s).is_some()) {
        request_animation_frame(move || {
            if let Some(element) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("term-{slug}")))
            {
                element.scroll_into_view();
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                    let _ = element.focus();
                }
            }
        });
    }
    view! {
        <section class="page glossary" data-testid="glossary">
            <h1>{t!("Glossary")}</h1>
            <p class="lead">{t!("Every figure Gaplens shows, in plain words: what it measures, how to read it, and an example.")}</p>
            <nav aria-label=t!("Terms")>
                <ul class="glossary-index">
                    {topics.iter().map(|(topic, e)| view! {
                        <li><a href=format!("#/glossary/{}", topic.slug())>{e.title}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {topics.into_iter().map(|(topic, e)| view! {
                <article class="glossary-term" id=format!("term-{}", topic.slug()) tabindex="-1"
                    data-testid=format!("term-{}", topic.slug())>
                    <h2>{e.title}</h2>
                    <dl>
                        <dt>{measures}</dt>
                        <dd>{e.measures}</dd>
                        <dt>{reading}</dt>
                        <dd>{e.reading}</dd>
                        <dt>{example}</dt>
                        <dd>{e.example}</dd>
                    </dl>
                </article>
            }).collect_view()}
        </section>
    }
}
