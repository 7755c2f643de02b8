//! Data entry forms on the Data page: the management view, delivery measurements and
//! complaints.
//!
//! Every change is validated by a method of `Project` (`model::entries`) on a copy of the
//! page's project, then saved at the page's revision; only after the save succeeds does the
//! page's `loaded` signal change. A validation or storage error leaves storage and the page as
//! they were.

mod complaints;
mod management;
mod measurements;

use crate::model::entries::{EntryError, Field};
use crate::model::Project;
use crate::storage::Loaded;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The entry forms; `loaded` is the Data page's copy of the project, updated after a save.
#[component]
pub fn DataEntry(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let ready = Memo::new(move |_| loaded.with(Option::is_some));
    view! {
        <Show when=move || ready.get()>
            <div class="data-entry">
                <management::ManagementEntry loaded=loaded />
                <measurements::MeasurementEntry loaded=loaded />
                <complaints::ComplaintEntry loaded=loaded />
            </div>
        </Show>
    }
}

/// What went wrong with the last attempt to save a form.
#[derive(Debug, Clone, Default, PartialEq)]
struct Problems {
    /// Fields the user has to fix; nothing was saved.
    entry: Vec<EntryError>,
    /// The browser refused the write; nothing was saved.
    storage: Option<String>,
}

impl Problems {
    fn invalid(entry: Vec<EntryError>) -> Problems {
        Problems { entry, storage: None }
    }

    fn is_empty(&self) -> bool {
        self.entry.is_empty() && self.storage.is_none()
    }

    /// Whether `field` is one of the fields at fault.
    fn names(&self, field: &Field) -> bool {
        self.entry.iter().any(|e| e.field() == Some(field))
    }

    fn messages(&self) -> Vec<String> {
        self.entry.iter().map(ToString::to_string).chain(self.storage.clone()).collect()
    }
}

/// Applies `change` to a copy of the page's project and saves it at the page's revision.
/// On success the page's `loaded` holds the saved project; on any error nothing changed.
fn save_change<T>(
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
    change: impl FnOnce(&mut Project) -> Result<T, Vec<EntryError>>,
) -> Result<T, Problems> {
    let Some(current) = loaded.get_untracked() else {
        return Err(Problems { entry: Vec::new(), storage: Some(t!("The project is not loaded; reload the page.").into()) });
    };
    let mut project = current.project;
    let outcome = change(&mut project).map_err(Problems::invalid)?;
    match state.save(&project, Some(current.revision)) {
        Ok(revision) => {
            loaded.set(Some(Loaded { project, revision }));
            Ok(outcome)
        }
        Err(error) => Err(Problems { entry: Vec::new(), storage: Some(t!("Not saved. {error}", error = error)) }),
    }
}

/// Runs a removal the same way as [`save_change`]; a problem goes to the page's notice line.
fn save_removal<T>(
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
    change: impl FnOnce(&mut Project) -> Result<T, EntryError>,
) -> Option<T> {
    match save_change(state, loaded, |project| change(project).map_err(|e| vec![e])) {
        Ok(value) => Some(value),
        Err(problems) => {
            // A storage error is already on the notice line (AppState::save puts it there).
            if !problems.entry.is_empty() {
                state.error(problems.messages().join(" "));
            }
            None
        }
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
fn focus(id: &str) {
    let element = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Today's local date as YYYY-MM-DD.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// A measured value or rating as a user would type it into a field: no trailing zeros, a
/// decimal point (the fields read a comma too). Shown values use `ui::format::plain`.
fn plain_number(value: f64) -> String {
    let text = format!("{value}");
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// The wave names of the loaded project, in order.
fn wave_names(loaded: RwSignal<Option<Loaded>>) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        loaded.with(|l| l.as_ref().map(|l| l.project.waves.iter().map(|w| w.name.clone()).collect()).unwrap_or_default())
    })
}

/// The text of a wave field. It starts with the project's current wave (else its last wave,
/// else `fallback`) and follows that suggestion when it changes, e.g. after another form
/// created the first wave, until the user types something else.
fn wave_field(loaded: RwSignal<Option<Loaded>>, fallback: &'static str) -> RwSignal<String> {
    let suggestion = Memo::new(move |_| {
        loaded
            .with(|l| {
                l.as_ref().and_then(|l| l.project.current_wave.clone().or_else(|| l.project.waves.last().map(|w| w.name.clone())))
            })
            .unwrap_or_else(|| fallback.to_owned())
    });
    let value = RwSignal::new(suggestion.get_untracked());
    Effect::new(move |previous: Option<String>| {
        let now = suggestion.get();
        if previous.is_some_and(|previous| value.get_untracked() == previous) {
            value.set(now.clone());
        }
        now
    });
    value
}

/// A wave field: pick an existing wave from the list or type a new one.
#[component]
fn WaveInput(
    /// The element id (also names the datalist).
    id: &'static str,
    /// The `data-testid`.
    testid: &'static str,
    /// The text typed.
    value: RwSignal<String>,
    /// Existing waves, offered as suggestions.
    waves: Memo<Vec<String>>,
    /// Whether the last attempt named this field.
    invalid: Signal<bool>,
    /// The id of the element describing problems.
    describedby: &'static str,
    /// The visible label (default: "Wave").
    #[prop(optional)]
    label: Option<&'static str>,
    /// Whether the field must be filled.
    #[prop(default = true)]
    required: bool,
) -> impl IntoView {
    let list = format!("{id}-list");
    view! {
        <label class="de-field de-field-wave">
            <span>{label.unwrap_or_else(|| t!("Wave"))}</span>
            <input type="text" id=id list=list.clone() maxlength="60" autocomplete="off" data-testid=testid
                required=required
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            <datalist id=list>
                {move || waves.get().into_iter().map(|w| view! { <option value=w></option> }).collect_view()}
            </datalist>
        </label>
    }
}

/// A filter over waves for a list: "All waves" or one of them.
#[component]
fn WaveFilter(
    /// The `data-testid`.
    testid: &'static str,
    /// The wave chosen, `None` = all.
    value: RwSignal<Option<String>>,
    /// The project's waves.
    waves: Memo<Vec<String>>,
) -> impl IntoView {
    view! {
        <label class="de-filter">
            <span>{t!("Show")}</span>
            <select data-testid=testid
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    value.set((!chosen.is_empty()).then_some(chosen));
                }>
                <option value="" selected=move || value.get().is_none()>{t!("All waves")}</option>
                {move || waves.get().into_iter().map(|w| {
                    let selected = w.clone();
                    view! { <option value=w.clone() selected=move || value.get().as_deref() == Some(selected.as_str())>{w.clone()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The problems of the last attempt, as a list of sentences; empty when there are none.
#[component]
fn ProblemList(
    /// The element id, referred to by the fields' `aria-describedby`.
    id: &'static str,
    /// The `data-testid` of the container; each sentence gets `<testid>-item`.
    testid: &'static str,
    problems: RwSignal<Problems>,
) -> impl IntoView {
    let item_testid = format!("{testid}-item");
    view! {
        <div id=id class="de-problems" role="alert" data-testid=testid>
            {move || {
                let problems = problems.get();
                (!problems.is_empty()).then(|| {
                    let item_testid = item_testid.clone();
                    view! {
                        <p class="de-problems-title">
                            <span aria-hidden="true">"⚠ "</span>{t!("Nothing was saved. Please check:")}
                        </p>
                        <ul>
                            {problems.messages().into_iter()
                                .map(|m| view! { <li data-testid=item_testid.clone()>{m}</li> })
                                .collect_view()}
                        </ul>
                    }
                })
            }}
        </div>
    }
}

/// A one-line confirmation of what was just saved.
#[component]
fn SavedLine(testid: &'static str, saved: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <p class="de-saved" role="status" data-testid=testid>
            {move || saved.get().map(|text| view! { <span aria-hidden="true">"✓ "</span>{text} })}
        </p>
    }
}
