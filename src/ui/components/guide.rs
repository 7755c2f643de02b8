//! The start guide as the pages show it: the full checklist at the top of a project's
//! Dashboard, a one-line summary per project on the Projects page, and the first-visit guide
//! that begins with creating a project. Every step's state comes from `crate::guide`, derived
//! from the project's data; nothing here decides whether a step is done.
//!
//! Each step carries its state in words ("Done" / "To do") and an icon beside its colour, and
//! the next step is emphasised with words too ("Next step"), so colour never carries it alone.

use crate::guide::{self, Page, Step, StepKind};
use crate::model::ProjectId;
use crate::storage::Loaded;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The route of `page` in project `id`.
pub fn route(id: &ProjectId, page: Page) -> Route {
    let id = id.clone();
    match page {
        Page::Items => Route::Items(id),
        Page::Journey => Route::Journey(id),
        Page::Questionnaire => Route::Questionnaire(id),
        Page::Data => Route::Data(id),
        Page::Dashboard => Route::Dashboard(id),
        Page::Actions => Route::Actions(id),
    }
}

/// "3 of 7 steps done" or "All 7 steps done".
fn progress(steps: &[Step]) -> String {
    let done = guide::done_count(steps);
    if done == steps.len() {
        t!("All {total} steps done", total = steps.len())
    } else {
        t!("{done} of {total} steps done", done = done, total = steps.len())
    }
}

/// The full checklist for a project, at the top of its Dashboard: open while steps remain,
/// folded (one click to open) once every step is done.
#[component]
pub fn StartGuide(
    /// The project.
    id: ProjectId,
    /// The page's loaded project; the guide follows it.
    loaded: RwSignal<Option<Loaded>>,
) -> impl IntoView {
    let steps = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| guide::steps(&l.project))));
    let id = StoredValue::new(id);
    move || {
        let steps = steps.get()?;
        let complete = guide::next(&steps).is_none();
        Some(view! {
            <details class="card guide" open=!complete data-testid="guide"
                data-complete=if complete { "true" } else { "false" }>
                <summary>
                    <h2 class="guide-heading">{t!("Start guide")}</h2>
                    <span class="guide-progress" data-testid="guide-progress">{progress(&steps)}</span>
                </summary>
                <StepList id=id.get_value() steps=steps />
            </details>
        })
    }
}

/// The ordered list of steps, each linked to the page where it is done.
#[component]
fn StepList(id: ProjectId, steps: Vec<Step>) -> impl IntoView {
    let next = guide::next(&steps).map(|s| s.kind);
    view! {
        <ol class="guide-steps">
            {steps.into_iter().map(|step| {
                let is_next = next == Some(step.kind);
                let href = route(&id, step.page).href();
                view! {
                    <StepRow kind=step.kind.as_str() done=step.done is_next=is_next>
                        <a href=href data-testid="guide-link">{step.kind.title()}</a>
                        <span class="guide-state" data-testid="guide-state">{step.state}</span>
                    </StepRow>
                }
            }).collect_view()}
        </ol>
    }
}

/// One row of a checklist: icon, "Done"/"To do", "Next step" when it is, then `children`.
#[component]
fn StepRow(kind: &'static str, done: bool, is_next: bool, children: Children) -> impl IntoView {
    let (class, icon, word) = match (done, is_next) {
        (true, _) => ("guide-step guide-done", "✓", t!("Done")),
        (false, true) => ("guide-step guide-todo guide-next", "→", t!("To do")),
        (false, false) => ("guide-step guide-todo", "○", t!("To do")),
    };
    view! {
        <li class=class data-testid="guide-step" data-step=kind data-done=if done { "true" } else { "false" }
            aria-current=is_next.then_some("step")>
            <span class="guide-icon" aria-hidden="true">{icon}</span>
            <span class="guide-body">
                <span class="guide-status" data-testid="guide-status">{word}</span>
                {is_next.then(|| view! { <strong class="guide-next-label" data-testid="guide-next">{t!("Next step")}</strong> })}
                {children()}
            </span>
        </li>
    }
}

/// The first-visit guide on the Projects page, for someone with no project of their own yet:
/// creating one comes first (its link moves to the name field of the form on the same page),
/// then the seven steps, linked once the project exists.
#[component]
pub fn FirstGuide(
    /// The `data-testid` of the field that names a new project.
    name_field: &'static str,
    /// The demo project's Dashboard, when the demo is there to look at.
    demo: Signal<Option<Route>>,
) -> impl IntoView {
    view! {
        <section class="card guide guide-first" data-testid="guide" aria-labelledby="guide-heading">
            <h2 id="guide-heading" class="guide-heading">{t!("Start guide")}</h2>
            <p class="hint">
                {t!("From an empty project to decided actions in seven steps. Each step shows Done by itself once the data for it is there.")}
            </p>
            <ol class="guide-steps">
                <StepRow kind="create" done=false is_next=true>
                    <CreateLink name_field=name_field testid="guide-link" />
                    <span class="guide-state" data-testid="guide-state">{t!("Name it and pick its items below")}</span>
                </StepRow>
                {StepKind::ALL.into_iter().map(|kind| view! {
                    <StepRow kind=kind.as_str() done=false is_next=false>
                        <span class="guide-title">{kind.title()}</span>
                    </StepRow>
                }).collect_view()}
            </ol>
            {move || demo.get().map(|route| view! {
                <p class="hint guide-demo">
                    {t!("To see every step done, look at the demo project.")}" "
                    <a href=route.href() data-testid="guide-demo-link">{t!("Open the demo's dashboard")}</a>
                </p>
            })}
        </section>
    }
}

/// "Create a project": a link to the form on the Projects page that moves the focus to its
/// name field (the page is already shown, so the link only moves the reader there).
#[component]
pub fn CreateLink(
    /// The `data-testid` of the name field.
    name_field: &'static str,
    /// The link's own `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let focus_name = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let selector = format!("[data-testid=\"{name_field}\"]");
        let field = document().query_selector(&selector).ok().flatten();
        if let Some(field) = field.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = field.focus();
        }
    };
    view! { <a href=Route::Projects.href() data-testid=testid on:click=focus_name>{t!("Create a project")}</a> }
}

/// One line per project on the Projects page: how far its guide is, and a link to the next
/// step. Follows the project's stored revision, so a change in another tab shows.
#[component]
pub fn CompactGuide(
    /// The project.
    id: ProjectId,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let revision = Memo::new(move |_| {
        id.with_value(|id| state.projects.with(|list| list.iter().find(|p| &p.id == id).map(|p| p.revision)))
    });
    let steps = Memo::new(move |_| {
        revision.track();
        // Read quietly: a project that cannot be read is reported by the page that opens it.
        let store = crate::storage::Store::open().ok()?;
        let loaded = id.with_value(|id| store.load_project(id)).ok()?;
        Some(guide::steps(&loaded.project))
    });
    move || {
        let steps = steps.get()?;
        let done = guide::done_count(&steps);
        let text = if done == steps.len() {
            t!("Start guide: all {total} steps done.", total = steps.len())
        } else {
            t!("Start guide: {done} of {total} steps done.", done = done, total = steps.len())
        };
        let next = guide::next(&steps).map(|step| {
            let href = route(&id.get_value(), step.page).href();
            view! {
                " "<span class="guide-next-label">{t!("Next step:")}</span>" "
                <a href=href data-testid="guide-next-link">{step.kind.title()}</a>
            }
        });
        let complete = next.is_none();
        Some(view! {
            <p class="guide-compact" data-testid="guide-compact" data-complete=if complete { "true" } else { "false" }>
                <span class="guide-icon" aria-hidden="true">{if complete { "✓" } else { "→" }}</span>
                <span data-testid="guide-progress">{text}</span>
                {next}
            </p>
        })
    }
}
