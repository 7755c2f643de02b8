//! Questionnaires: the customer and the management questionnaire as print-ready pages, the
//! same questions as plain text for a survey tool, and the CSV header template that imports
//! on the Data page without a mapping step. What is asked comes from
//! `export::questionnaire`; this page holds the choices and draws the form (`form.rs`).
//!
//! The introduction the user edits lives in this page only (the project has no place for it):
//! it prints, and it is in the copied text, but it is not stored.

mod form;

use crate::export::csv::Dialect;
use crate::export::questionnaire::{default_intro, Audience, Extra, Options, Questionnaire};
use crate::model::ProjectId;
use crate::ui::download;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use form::QuestionnaireForm;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

/// How the last "Copy text" went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    /// Waiting for the browser's answer.
    Trying,
    /// On the clipboard.
    Done,
    /// The browser refused: the user selects the text below.
    Refused,
}

/// The Questionnaire page.
#[component]
pub fn QuestionnairePage(id: ProjectId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id.clone());
    let audience = RwSignal::new(Audience::Customer);
    let wave = RwSignal::new(None::<String>);
    let extras = RwSignal::new(BTreeSet::<Extra>::new());
    // The user's introduction per audience; `None` until they edit it (the suggestion shows).
    let customer_intro = RwSignal::new(None::<String>);
    let management_intro = RwSignal::new(None::<String>);
    let intro_of = move |audience: Audience| match audience {
        Audience::Customer => customer_intro,
        Audience::Management => management_intro,
    };
    let dialect = RwSignal::new(Dialect::Comma);
    let copied = RwSignal::new(None::<Copied>);
    let copied_text = RwSignal::new(String::new());

    // The wave printed: the project's current wave until the user types another.
    let wave_text = Memo::new(move |_| {
        wave.get().unwrap_or_else(|| {
            loaded.with(|l| {
                l.as_ref()
                    .and_then(|l| l.project.current_wave.clone().or_else(|| l.project.waves.last().map(|w| w.name.clone())))
                    .unwrap_or_default()
            })
        })
    });
    let intro_text = Memo::new(move |_| {
        let audience = audience.get();
        intro_of(audience).get().unwrap_or_else(|| {
            loaded.with(|l| l.as_ref().map(|l| default_intro(&l.project, audience).to_owned()).unwrap_or_default())
        })
    });
    let questionnaire = Memo::new(move |_| {
        let options =
            Options { audience: audience.get(), wave: wave_text.get(), extras: extras.get(), intro: intro_text.get() };
        loaded.with(|l| l.as_ref().map(|l| Questionnaire::new(&l.project, &options)))
    });

    // A saved PDF is named after the document title; restore it when the page is left.
    Effect::new(move |_| {
        if let Some(title) = questionnaire.with(|q| q.as_ref().map(title_of)) {
            document().set_title(&title);
        }
    });
    on_cleanup(|| document().set_title("Gaplens"));

    let copy = move |_| {
        let Some(text) = questionnaire.with_untracked(|q| q.as_ref().map(Questionnaire::plain_text)) else { return };
        copied_text.set(text.clone());
        copied.set(Some(Copied::Trying));
        leptos::task::spawn_local(async move {
            let outcome = if write_clipboard(&text).await { Copied::Done } else { Copied::Refused };
            copied.set(Some(outcome));
            if outcome == Copied::Refused {
                // After the status has been drawn.
                request_animation_frame(|| select_text("q-copy-text"));
            }
        });
    };
    let download_template = move |_| {
        let Some((name, contents)) = questionnaire.with_untracked(|q| {
            q.as_ref().map(|q| {
                let stem = download::file_stem(&q.project);
                (q.csv_file_name(&stem, dialect.get_untracked()), q.csv_header(dialect.get_untracked()))
            })
        }) else {
            return;
        };
        match download::offer(&name, "text/csv;charset=utf-8", &contents) {
            Ok(()) => state.info(t!("{file} was downloaded: the header row for the answers.", file = name)),
            Err(error) => state.error(error),
        }
    };
    let data_href = Route::Data(id.clone()).href();
    let items_href = Route::Items(id).href();

    view! {
        <article class="page questionnaire-page" data-testid="questionnaire" aria-labelledby="q-page-title">
            <div class="q-controls no-print">
                <h1 id="q-page-title">{t!("Questionnaires")}</h1>
                <p class="lead">
                    {t!("Print a questionnaire for customers or for management, or copy its questions into any survey \
                         tool. The statements come from the Items page; the answers come back on the Data page.")}
                </p>
                <div class="card q-options" role="group" aria-label=t!("Questionnaire options")>
                    <fieldset class="q-audience">
                        <legend>{t!("Which questionnaire?")}</legend>
                        {Audience::ALL.into_iter().map(|a| view! {
                            <label class="q-choice">
                                <input type="radio" name="q-audience" value=a.as_str()
                                    data-testid=format!("q-audience-{}", a.as_str())
                                    prop:checked=move || audience.get() == a
                                    on:change=move |_| { audience.set(a); copied.set(None); } />
                                <span>{a.label()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <label class="q-field">
                        <span>{t!("Wave printed on the form")}</span>
                        <input type="text" maxlength="60" data-testid="q-wave"
                            prop:value=move || wave_text.get()
                            on:input=move |ev| wave.set(Some(event_target_value(&ev))) />
                    </label>
                    <Show when=move || audience.get() == Audience::Customer>
                        <fieldset class="q-extras-choice">
                            <legend>{t!("Also ask")}</legend>
                            {Extra::ALL.into_iter().map(|e| view! {
                                <label class="q-choice">
                                    <input type="checkbox" data-testid=format!("q-extra-{}", e.column())
                                        prop:checked=move || extras.with(|x| x.contains(&e))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            extras.update(|x| { if on { x.insert(e); } else { x.remove(&e); } });
                                        } />
                                    <span>{e.name()}</span>
                                </label>
                            }).collect_view()}
                        </fieldset>
                    </Show>
                    <label class="q-field q-intro-field">
                        <span>{t!("Introduction")}</span>
                        <textarea rows="4" maxlength="2000" data-testid="q-intro" aria-describedby="q-intro-hint"
                            prop:value=move || intro_text.get()
                            on:input=move |ev| intro_of(audience.get_untracked()).set(Some(event_target_value(&ev)))>
                        </textarea>
                        <span id="q-intro-hint" class="hint">
                            {t!("Printed above the questions and included in the copied text. It is kept while this page is open, not stored.")}
                        </span>
                    </label>
                    <div class="button-row">
                        <button type="button" class="button-quiet" data-testid="q-intro-reset"
                            disabled=move || intro_of(audience.get()).with(Option::is_none)
                            on:click=move |_| intro_of(audience.get_untracked()).set(None)>
                            {t!("Use the suggested introduction")}
                        </button>
                    </div>
                </div>
                <div class="card q-actions">
                    <h2>{t!("Print, copy or collect elsewhere")}</h2>
                    <div class="button-row">
                        <button type="button" class="button-primary" data-testid="q-print"
                            disabled=move || questionnaire.with(Option::is_none)
                            on:click=move |_| { let _ = window().print(); }>
                            {t!("Print or save as PDF")}
                        </button>
                        <button type="button" data-testid="q-copy" on:click=copy
                            disabled=move || questionnaire.with(Option::is_none)>
                            {t!("Copy text")}
                        </button>
                    </div>
                    <CopyOutcome copied=copied text=copied_text />
                    <p class="hint">
                        {t!("The copied text has every question with its code in brackets, e.g. [E:REL1]. In your survey \
                             tool, give each question its code as its question code or column name, so the answers are \
                             recognised when you import them.")}
                    </p>
                    <div class="field-row q-template">
                        <label>
                            <span>{t!("Template format")}</span>
                            <select data-testid="q-csv-dialect"
                                on:change=move |ev| if let Some(d) = Dialect::parse(&event_target_value(&ev)) { dialect.set(d) }>
                                {Dialect::ALL.into_iter().map(|d| view! {
                                    <option value=d.as_str() selected=move || dialect.get() == d>{d.label()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="button" data-testid="q-csv" on:click=download_template
                            disabled=move || questionnaire.with(Option::is_none)>
                            {t!("Download CSV header template")}
                        </button>
                    </div>
                    <p class="hint">
                        {t!("The template is a CSV file with one column per question, named by its code. Type or paste the \
                             answers under it, one row per respondent, with the respondent number in the id column, and \
                             import the file on the Data page: every column is recognised without a mapping step.")}
                        " "<a href=data_href>{t!("Open the Data page")}</a>
                    </p>
                    <Show when=move || audience.get() == Audience::Management>
                        <p class="hint" data-testid="q-source-hint">
                            {t!("In the management template, write \"management\" in the \"source\" column of every row, so \
                                 the answers count as management's view (M and S) and not as customers'.")}
                        </p>
                    </Show>
                </div>
                <h2 class="q-preview-heading">{t!("Preview")}</h2>
            </div>
            {move || match questionnaire.get() {
                None => None,
                Some(q) if q.groups.is_empty() => Some(view! {
                    <p class="empty" data-testid="q-no-items">
                        {t!("This project has no items yet, so there is nothing to ask.")}" "
                        <a href=items_href.clone()>{t!("Add items on the Items page")}</a>
                    </p>
                }.into_any()),
                Some(q) => Some(view! { <QuestionnaireForm questionnaire=q /> }.into_any()),
            }}
        </article>
    }
}

/// The document title (and so the PDF's name): "Hotel: customer questionnaire".
fn title_of(questionnaire: &Questionnaire) -> String {
    match questionnaire.audience {
        Audience::Customer => t!("{project}: customer questionnaire", project = questionnaire.project),
        Audience::Management => t!("{project}: management questionnaire", project = questionnaire.project),
    }
}

/// What "Copy text" did, and the text itself to select by hand when the browser refused. The
/// text area stays the same element while the status changes, so a selection made in it lasts.
#[component]
fn CopyOutcome(copied: RwSignal<Option<Copied>>, text: RwSignal<String>) -> impl IntoView {
    let status = move || match copied.get()? {
        Copied::Trying => Some(t!("Copying…")),
        Copied::Done => Some(t!("Copied. Paste it into your survey tool. The same text is below.")),
        Copied::Refused => Some(t!(
            "This browser did not allow copying. The text below is selected: copy it with Ctrl+C (⌘C on a Mac)."
        )),
    };
    let class = move || match copied.get() {
        Some(Copied::Refused) => "notice notice-error",
        _ => "notice notice-info",
    };
    view! {
        <Show when=move || copied.with(Option::is_some)>
            <div class="q-copy">
                <p role="status" data-testid="q-copy-status" class=class>{status}</p>
                <label class="q-field">
                    <span>{t!("The questions as text")}</span>
                    <textarea id="q-copy-text" rows="10" readonly data-testid="q-copy-text" prop:value=move || text.get()></textarea>
                </label>
            </div>
        </Show>
    }
}

/// Puts `text` on the clipboard; `false` when the browser has no clipboard or refuses.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    // Through Reflect: the Clipboard API is not among the web-sys features the app enables.
    let navigator: wasm_bindgen::JsValue = window.navigator().into();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return false };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else { return false };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else { return false };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Focuses the text area `id` and selects all its text, ready for Ctrl+C.
fn select_text(id: &str) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    if let Ok(select) = js_sys::Reflect::get(&element, &"select".into()) {
        if let Ok(select) = select.dyn_into::<js_sys::Function>() {
            let _ = select.call0(&element);
        }
    }
}
