//! What the Journey and Items pages share: every change goes through [`Editor::apply`]. The
//! validated change is made on a copy of the project in the model (`impl Project` in
//! `model::journey`, `model::items` and `model::standards`), saved at the page's revision,
//! and only then shown. A refused change leaves storage and page as they were and says why
//! next to the form, naming the field.

use crate::model::items::ItemError;
use crate::model::journey::SetupError;
use crate::model::{Channel, Project, ProjectId};
use crate::storage::{Loaded, StorageError};
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::fmt::Display;
use std::sync::atomic::{AtomicU64, Ordering};
use wasm_bindgen::JsCast;

/// The page's copy of the project; `None` while it cannot be read.
pub(super) type ProjectMemo = Memo<Option<Project>>;
/// The touchpoints by stage, for selects: (stage name, [(code, touchpoint name)]).
pub(super) type TouchpointGroups = Memo<Vec<(String, Vec<(String, String)>)>>;

/// Reads from the page's project; `None` when it is not loaded.
pub(super) fn read<T>(project: ProjectMemo, f: impl FnOnce(&Project) -> T) -> Option<T> {
    project.with(|p| p.as_ref().map(f))
}

/// A message about a refused change, and the field it is about (for `aria-invalid`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Problem {
    pub(super) field: Option<&'static str>,
    pub(super) text: String,
}

/// An error of the model that names the field it is about.
pub(super) trait FieldError: Display {
    /// The field, when it is one of the form's fields.
    fn field(&self) -> Option<&'static str>;
}

impl FieldError for SetupError {
    fn field(&self) -> Option<&'static str> {
        SetupError::field(self)
    }
}

impl FieldError for ItemError {
    fn field(&self) -> Option<&'static str> {
        ItemError::field(self)
    }
}

/// Why a change was not made.
pub(super) enum Refused {
    /// The model refused the input: the field it is about and why.
    Invalid(Option<&'static str>, String),
    /// The input was fine but could not be saved.
    Storage(StorageError),
    /// The project is not loaded.
    NotLoaded,
}

impl Refused {
    /// "Stage not added: the stage name must not be empty." `what` is the translated
    /// "… not …" sentence start, e.g. `t!("Stage not added")`.
    pub(super) fn problem(&self, what: &str) -> Problem {
        match self {
            Refused::Invalid(field, error) => Problem { field: *field, text: t!("{what}: {why}.", what = what, why = error) },
            Refused::Storage(error) => Problem { field: None, text: t!("{what}. {why}", what = what, why = error) },
            Refused::NotLoaded => Problem { field: None, text: t!("{what}: the project is not loaded.", what = what) },
        }
    }
}

/// Applies validated changes to the project and saves them.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
}

impl Editor {
    /// Makes `change` on a copy of the project and saves it at the page's revision; the
    /// page's copy follows only once storage has the change. On any error nothing changes.
    pub(super) fn apply<T, E: FieldError>(&self, change: impl FnOnce(&mut Project) -> Result<T, E>) -> Result<T, Refused> {
        let Some(current) = self.loaded.get_untracked() else { return Err(Refused::NotLoaded) };
        let mut project = current.project;
        let value = change(&mut project).map_err(|e| Refused::Invalid(e.field(), e.to_string()))?;
        let revision = self.state.save(&project, Some(current.revision)).map_err(Refused::Storage)?;
        self.loaded.set(Some(Loaded { project, revision }));
        Ok(value)
    }
}

/// An id for `aria-describedby`, unique on the page.
pub(super) fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// After the next render, focuses the first element matching one of `selectors`: keyboard
/// users keep their place when the element they used is re-created or disabled.
pub(super) fn focus_first(selectors: Vec<String>) {
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
pub(super) fn invalid(problem: RwSignal<Option<Problem>>, field: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    move || problem.with(|p| p.as_ref().is_some_and(|p| p.field == Some(field))).then_some("true")
}

/// Shortens long item texts for a select.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>().trim_end())
    }
}

// ---- Options for selects ----

/// The `<option>`s of every channel, `selected` marked.
pub(super) fn channel_options(selected: impl Fn() -> Channel + Copy + Send + Sync + 'static) -> impl IntoView {
    Channel::ALL
        .into_iter()
        .map(|channel| view! { <option value=channel.as_str() prop:selected=move || selected() == channel>{channel.label()}</option> })
        .collect_view()
}

/// The `<option>`s "(none)" and every touchpoint grouped by stage, `selected` marked; a
/// link to a touchpoint that no longer exists is shown rather than silently dropped.
pub(super) fn touchpoint_options(groups: TouchpointGroups, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let groups = groups.get();
        let current = selected();
        let missing = current.clone().filter(|c| !groups.iter().any(|(_, t)| t.iter().any(|(code, _)| code == c)));
        view! {
            <option value="" prop:selected=current.is_none()>{t!("(none)")}</option>
            {missing.map(|code| view! {
                <option value=code.clone() prop:selected=true>{t!("missing touchpoint \u{201c}{code}\u{201d}", code = code)}</option>
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

pub(super) fn option_value(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The `<option>`s "(none)" and every item, `selected` marked.
pub(super) fn item_options(project: ProjectMemo, none_label: &'static str, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
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
pub(super) fn content_key<T: serde::Serialize>(index: usize, value: &T) -> String {
    format!("{index}:{}", serde_json::to_string(value).unwrap_or_default())
}

/// The page's project, loaded and kept in step with storage, with the editor that changes it.
pub(super) struct Workbench {
    pub(super) editor: Editor,
    pub(super) project: ProjectMemo,
    pub(super) is_loaded: Memo<bool>,
    pub(super) groups: TouchpointGroups,
}

impl Workbench {
    /// Loads the project `id` for a page that edits it.
    pub(super) fn open(id: ProjectId) -> Workbench {
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
        Workbench { editor, project, is_loaded, groups }
    }
}

/// Shown instead of a page whose project cannot be read.
#[component]
pub(super) fn NotLoaded() -> impl IntoView {
    view! {
        <p class="empty" data-testid="setup-not-loaded">
            {t!("This project could not be opened.")} " " <a href=Route::Projects.href()>{t!("Back to the projects")}</a>
        </p>
    }
}
