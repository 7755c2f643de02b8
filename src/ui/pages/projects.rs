//! Projects: list, create from a template, open, rename, delete (with confirmation), and add
//! or reset the demo project.

use crate::demo;
use crate::model::{ProjectId, Scale};
use crate::storage::IndexEntry;
use crate::template;
use crate::ui::components::confirm::Confirm;
use crate::ui::pages::editor::focus_first;
use crate::ui::route::Route;
use crate::ui::format::{count, plural};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// A fresh project id: time and randomness, so two laptops never collide when merging.
fn new_project_id() -> Option<ProjectId> {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_000_000.0) as u64;
    ProjectId::new(&format!("p-{time:x}-{random:x}")).ok()
}

/// The Projects page.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_demo = move || state.projects.get().iter().any(|p| p.id.as_str() == demo::DEMO_ID);
    let restore_demo = move |_| {
        let project = demo::hotel();
        if state.save(&project, None).is_ok() {
            state.info(t!("The demo project is back.").into());
        }
    };
    let confirming_reset = RwSignal::new(false);
    let reset_demo = Callback::new(move |()| {
        confirming_reset.set(false);
        let project = demo::hotel();
        // Saved over the stored revision; a stored copy that cannot be read is replaced.
        let revision = match state.load(&project.id) {
            Some(loaded) => Some(loaded.revision),
            None => {
                if let Some(store) = state.store() {
                    let _ = store.delete_project(&project.id);
                }
                None
            }
        };
        if state.save(&project, revision).is_ok() {
            state.info(t!("The demo project is back as it was first shown.").into());
        }
        focus_first(vec!["[data-testid=\"reset-demo\"]".into()]);
    });

    view! {
        <section class="page">
            <h1>{t!("Projects")}</h1>
            <p class="lead">
                {t!("Each project compares what management believes it delivers with what its customers \
                     experience. Open the demo to look around, or create your own.")}
            </p>
            <Show when=move || state.projects.with(|list| list.iter().all(|p| p.id.as_str() == demo::DEMO_ID))>
                <crate::ui::components::guide::FirstGuide name_field="new-project-name"
                    demo=Signal::derive(move || if has_demo() { ProjectId::new(demo::DEMO_ID).ok().map(Route::Dashboard) } else { None }) />
            </Show>
            <CreateProject />
            <h2 id="project-list-heading">{t!("Your projects")}</h2>
            {move || {
                let projects = state.projects.get();
                if projects.is_empty() {
                    view! {
                        <div class="empty-state" data-testid="empty-state">
                            <p data-testid="no-projects">{t!("No projects yet.")}" "
                                <crate::ui::components::guide::CreateLink name_field="new-project-name" testid="empty-create-link" />
                            </p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <ul class="project-list" aria-labelledby="project-list-heading" data-testid="project-list">
                            <For each=move || state.projects.get() key=|p| (p.id.clone(), p.name.clone(), p.responses)
                                children=move |entry| view! { <ProjectRow entry=entry /> } />
                        </ul>
                    }.into_any()
                }
            }}
            <Show when=move || !has_demo()
                fallback=move || view! {
                    <div class="demo-reset">
                        <button class="button-quiet" data-testid="reset-demo"
                            on:click=move |_| confirming_reset.set(true)>{t!("Reset the demo")}</button>
                        <Show when=move || confirming_reset.get()>
                            <Confirm
                                question=t!("Reset the demo project to how it was first shown? Every change made to it here \u{2014} answers, items, journey, actions \u{2014} is lost. Your own projects are not touched.").to_owned()
                                confirm_label=t!("Reset the demo")
                                on_confirm=reset_demo
                                on_cancel=Callback::new(move |()| {
                                    confirming_reset.set(false);
                                    focus_first(vec!["[data-testid=\"reset-demo\"]".into()]);
                                }) />
                        </Show>
                    </div>
                }>
                <button class="button-quiet" data-testid="restore-demo" on:click=restore_demo>
                    {t!("Add the demo project")}
                </button>
            </Show>
        </section>
    }
}

/// The form that creates a project from a template.
#[component]
fn CreateProject() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let template_key = RwSignal::new(template::SERVQUAL.key.to_owned());
    let problem = RwSignal::new(None::<String>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(template) = template::by_key(&template_key.get_untracked()) else { return };
        let Some(id) = new_project_id() else { return };
        match template.project(id.clone(), &name.get_untracked(), Scale::SEVEN) {
            Err(error) => problem.set(Some(t!("Project not created: {error}.", error = error))),
            Ok(project) => {
                problem.set(None);
                if state.save(&project, None).is_ok() {
                    name.set(String::new());
                    // The Dashboard opens with the start guide's next step.
                    state.go(&Route::Dashboard(id));
                }
            }
        }
    };

    view! {
        <form class="card create-project" on:submit=create aria-labelledby="create-heading">
            <h2 id="create-heading">{t!("New project")}</h2>
            <div class="field-row">
                <label>
                    <span>{t!("Name")}</span>
                    <input type="text" required maxlength="120" autocomplete="off"
                        placeholder=t!("e.g. Fjällbo Bygg AB") data-testid="new-project-name"
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        aria-describedby="create-problem"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t!("Items")}</span>
                    <select data-testid="new-project-template" aria-describedby="template-summary"
                        on:change=move |ev| template_key.set(event_target_value(&ev))>
                        {template::ALL.iter().map(|t| view! {
                            <option value=t.key selected=move || template_key.get() == t.key>{crate::i18n::tr(t.name)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="button-primary" data-testid="create-project">{t!("Create project")}</button>
            </div>
            <p id="create-problem" class="field-problem" data-testid="create-problem">{move || problem.get()}</p>
            <p id="template-summary" class="hint" data-testid="template-summary">
                {move || template::by_key(&template_key.get()).map(|t| crate::i18n::tr(t.summary))}
            </p>
            <p class="hint">{t!("Rating scale 1–7. Items, dimensions and the journey can be edited later.")}</p>
        </form>
    }
}

/// One project in the list, with open, rename and delete.
#[component]
fn ProjectRow(entry: IndexEntry) -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(entry.name.clone());
    let problem = RwSignal::new(None::<String>);
    let id = StoredValue::new(entry.id.clone());
    let name = entry.name.clone();
    let open_route = Route::Dashboard(entry.id.clone());

    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(loaded) = state.load(&id.get_value()) else { return };
        let mut project = loaded.project;
        match project.rename(&draft.get_untracked()) {
            Err(error) => problem.set(Some(t!("Not renamed: {error}.", error = error))),
            Ok(()) => {
                if state.save(&project, Some(loaded.revision)).is_ok() {
                    problem.set(None);
                    renaming.set(false);
                }
            }
        }
    };
    let delete = Callback::new(move |()| {
        let Some(store) = state.store() else { return };
        match store.delete_project(&id.get_value()) {
            Ok(()) => {
                state.refresh_projects();
                state.info(t!("The project was deleted.").into());
            }
            Err(error) => state.error(error.to_string()),
        }
        confirming.set(false);
    });
    let question = if entry.responses == 1 {
        t!("Delete \u{201c}{project}\u{201d} and its one response from this browser? This cannot be undone.", project = entry.name)
    } else {
        t!(
            "Delete \u{201c}{project}\u{201d} and its {n} responses from this browser? This cannot be undone.",
            project = entry.name,
            n = count(entry.responses)
        )
    };

    view! {
        <li class="project-row card" data-testid="project-row" data-project-id=entry.id.to_string()>
            <Show when=move || renaming.get()
                fallback=move || view! {
                    <div class="project-summary">
                        <a class="project-title" href=open_route.href() data-testid="open-project">{name.clone()}</a>
                        <span class="muted" data-testid="project-responses">{plural(entry.responses, t!("1 response"), t!("{n} responses"))}</span>
                    </div>
                }>
                <form class="field-row" on:submit=save_name>
                    <label>
                        <span>{t!("New name")}</span>
                        <input type="text" required maxlength="120" data-testid="rename-input"
                            aria-describedby="rename-problem"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" class="button-primary" data-testid="rename-save">{t!("Save")}</button>
                    <button type="button" on:click=move |_| renaming.set(false)>{t!("Cancel")}</button>
                </form>
                <p id="rename-problem" class="field-problem">{move || problem.get()}</p>
            </Show>
            <div class="button-row">
                <button data-testid="rename-project" on:click=move |_| { renaming.set(true); confirming.set(false); }>{t!("Rename")}</button>
                <button class="button-danger-quiet" data-testid="delete-project"
                    on:click=move |_| { confirming.set(true); renaming.set(false); }>{t!("Delete")}</button>
            </div>
            <crate::ui::components::guide::CompactGuide id=id.get_value() />
            <Show when=move || confirming.get()>
                <Confirm question=question.clone() confirm_label=t!("Delete project")
                    on_confirm=delete on_cancel=Callback::new(move |()| confirming.set(false)) />
            </Show>
        </li>
    }
}
