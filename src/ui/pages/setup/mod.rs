//! Setup: the survey type (E and P, or perception only), the customer journey, which item
//! belongs to which touchpoint, standards with KPI targets, and marketing promises.
//!
//! Every change goes through [`Editor::apply`]: the validated change is made on a copy of the
//! project in the model (`impl Project` in `model::journey` and `model::standards`), saved
//! at the page's revision, and only then shown. A refused change leaves storage and page as
//! they were and says why next to the form, naming the field.
//!
//! This file holds the page and what its sections share; each section has its own file:
//! `survey`, `journey`, `links` (items and touchpoints), `standards` and `promises`.

mod journey;
mod links;
mod promises;
mod standards;
mod survey;

use crate::model::journey::SetupError;
use crate::model::{Channel, Project, ProjectId};
use crate::storage::{Loaded, StorageError};
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use journey::JourneySection;
use leptos::prelude::*;
use links::ItemLinks;
use promises::PromisesSection;
use standards::StandardsSection;
use std::sync::atomic::{AtomicU64, Ordering};
use survey::SurveyType;
use wasm_bindgen::JsCast;

/// The page's copy of the project; `None` while it cannot be read.
type ProjectMemo = Memo<Option<Project>>;
/// The touchpoints by stage, for selects: (stage name, [(code, touchpoint name)]).
type TouchpointGroups = Memo<Vec<(String, Vec<(String, String)>)>>;

/// Reads from the page's project; `None` when it is not loaded.
fn read<T>(project: ProjectMemo, f: impl FnOnce(&Project) -> T) -> Option<T> {
    project.with(|p| p.as_ref().map(f))
}

/// A message about a refused change, and the field it is about (for `aria-invalid`).
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    field: Option<&'static str>,
    text: String,
}

/// Why a change was not made.
enum Refused {
    /// The model refused the input.
    Invalid(SetupError),
    /// The input was fine but could not be saved.
    Storage(StorageError),
    /// The project is not loaded.
    NotLoaded,
}

impl Refused {
    /// "Stage not added: the stage name must not be empty."
    fn problem(&self, what: &str) -> Problem {
        match self {
            Refused::Invalid(error) => Problem { field: error.field(), text: format!("{what}: {error}.") },
            Refused::Storage(error) => Problem { field: None, text: format!("{what}. {error}") },
            Refused::NotLoaded => Problem { field: None, text: format!("{what}: the project is not loaded.") },
        }
    }
}

/// Applies validated changes to the project and saves them.
#[derive(Clone, Copy)]
struct Editor {
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
}

impl Editor {
    /// Makes `change` on a copy of the project and saves it at the page's revision; the
    /// page's copy follows only once storage has the change. On any error nothing changes.
    fn apply<T>(&self, change: impl FnOnce(&mut Project) -> Result<T, SetupError>) -> Result<T, Refused> {
        let Some(current) = self.loaded.get_untracked() else { return Err(Refused::NotLoaded) };
        let mut project = current.project;
        let value = change(&mut project).map_err(Refused::Invalid)?;
        let revision = self.state.save(&project, Some(current.revision)).map_err(Refused::Storage)?;
        self.loaded.set(Some(Loaded { project, revision }));
        Ok(value)
    }
}

/// An id for `aria-describedby`, unique on the page.
fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// After the next render, focuses the first element matching one of `selectors`: keyboard
/// users keep their place when the element they used is re-created or disabled.
fn focus_first(selectors: Vec<String>) {
    request_animation_frame(move || {
        let document = document();
        for selector in &selectors {
            let found = document.query_selector(selector).ok().flatten();
            if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// `Some("true")` when `problem` is about `field`.
fn invalid(problem: RwSignal<Option<Problem>>, field: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    move || problem.with(|p| p.as_ref().is_some_and(|p| p.field == Some(field))).then_some("true")
}

/// Shortens long item texts for a select.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>().trim_end())
    }
}

/// The Setup page.
#[component]
pub fn SetupPage(id: ProjectId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id);
    let editor = Editor { state, loaded };
    let project: ProjectMemo = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| l.project.clone())));
    let is_loaded = Memo::new(move |_| loaded.with(Option::is_some));
    let groups: TouchpointGroups = Memo::new(move |_| {
        read(project, |p| {
            p.journey
                .stages
                .iter()
                .map(|s| (s.name.clone(), s.touchpoints.iter().map(|t| (t.code.clone(), t.name.clone())).collect()))
                .collect()
        })
        .unwrap_or_default()
    });

    view! {
        <section class="page setup-page">
            <h1>"Setup"</h1>
            <Show when=move || is_loaded.get()
                fallback=|| view! {
                    <p class="empty" data-testid="setup-not-loaded">
                        "This project could not be opened. " <a href=Route::Projects.href()>"Back to the projects"</a>
                    </p>
                }>
                <p class="lead">
                    "What the survey asks, the journey your customers take, and what the business has set "
                    "itself (standards) and promised (marketing). The analysis uses all of it."
                </p>
                <SurveyType editor=editor project=project />
                <JourneySection editor=editor project=project />
                <ItemLinks editor=editor project=project groups=groups />
                <StandardsSection editor=editor project=project groups=groups />
                <PromisesSection editor=editor project=project />
            </Show>
        </section>
    }
}

// ---- Options for selects ----

/// The `<option>`s of every channel, `selected` marked.
fn channel_options(selected: impl Fn() -> Channel + Copy + Send + Sync + 'static) -> impl IntoView {
    Channel::ALL
        .into_iter()
        .map(|channel| view! { <option value=channel.as_str() prop:selected=move || selected() == channel>{channel.label()}</option> })
        .collect_view()
}

/// The `<option>`s "(none)" and every touchpoint grouped by stage, `selected` marked; a
/// link to a touchpoint that no longer exists is shown rather than silently dropped.
fn touchpoint_options(groups: TouchpointGroups, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let groups = groups.get();
        let current = selected();
        let missing = current.clone().filter(|c| !groups.iter().any(|(_, t)| t.iter().any(|(code, _)| code == c)));
        view! {
            <option value="" prop:selected=current.is_none()>"(none)"</option>
            {missing.map(|code| view! {
                <option value=code.clone() prop:selected=true>{format!("missing touchpoint \u{201c}{code}\u{201d}")}</option>
            })}
            {groups.into_iter().map(|(stage, touchpoints)| {
                let current = current.clone();
                view! {
                    <optgroup label=stage>
                        {touchpoints.into_iter().map(|(code, name)| {
                            let selected = current.as_deref() == Some(code.as_str());
                            view! { <option value=code prop:selected=selected>{name}</option> }
                        }).collect_view()}
                    </optgroup>
                }
            }).collect_view()}
        }
    }
}

fn option_value(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The `<option>`s "(none)" and every item, `selected` marked.
fn item_options(project: ProjectMemo, none_label: &'static str, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let items = read(project, |p| p.items.iter().map(|i| (i.code.to_string(), i.text.clone())).collect::<Vec<_>>()).unwrap_or_default();
        let current = selected();
        view! {
            <option value="" prop:selected=current.is_none()>{none_label}</option>
            {items.into_iter().map(|(code, text)| {
                let is_selected = current.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&code));
                view! { <option value=code.clone() prop:selected=is_selected>{format!("{code} \u{2014} {}", shorten(&text, 60))}</option> }
            }).collect_view()}
        }
    }
}

/// A key that changes whenever anything shown in a row changes.
fn content_key<T: serde::Serialize>(index: usize, value: &T) -> String {
    format!("{index}:{}", serde_json::to_string(value).unwrap_or_default())
}
