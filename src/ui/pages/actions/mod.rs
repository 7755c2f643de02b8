//! Actions: root causes, not symptoms. For each priority of a wave the user follows a guided
//! "why?" chain to the root cause and records an owner, an action, a due date and a status.
//! Beside each recorded action, the next wave says whether its gap closed (Welch's test
//! between the waves, `analysis::actions`).
//!
//! Every change is validated by a method of `Project` (`model::actions`) on a copy of the
//! page's project, then saved at the page's revision; only after the save succeeds does the
//! page's `loaded` signal change. A validation or storage error leaves storage and the page
//! as they were and says why.

mod form;
pub mod summary;

// For the Dashboard and the Report: `<ActionsSummary project=signal />`.
#[allow(unused_imports)]
pub use summary::ActionsSummary;

use crate::analysis::actions::FollowUp;
use crate::analysis::priorities::GapType;
use crate::analysis::{Filter, Results};
use crate::explain::Topic;
use crate::model::actions::{Action, ActionError, ActionField, ActionInput, Gap, Status};
use crate::model::{Project, ProjectId, Source};
use crate::storage::Loaded;
use crate::format::date;
use crate::i18n::tr;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::explain::Explain;
use crate::ui::components::linked::Linked;
use crate::ui::format::number;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use form::{ActionForm, Target};
use leptos::prelude::*;
use summary::FollowUpLine;
use wasm_bindgen::JsCast;

/// What went wrong with the last attempt to save the form.
#[derive(Debug, Clone, Default, PartialEq)]
struct Problems {
    /// Fields the user has to fix; nothing was saved.
    entry: Vec<ActionError>,
    /// The browser refused the write; nothing was saved.
    storage: Option<String>,
}

impl Problems {
    fn is_empty(&self) -> bool {
        self.entry.is_empty() && self.storage.is_none()
    }

    /// Whether `field` is one of the fields at fault.
    fn names(&self, field: ActionField) -> bool {
        self.entry.iter().any(|e| e.field() == Some(field))
    }

    fn messages(&self) -> Vec<String> {
        self.entry
            .iter()
            .map(ToString::to_string)
            .chain(self.storage.clone())
            .collect()
    }
}

/// Applies `change` to a copy of the page's project and saves it at the page's revision.
/// On success the page's `loaded` holds the saved project; on any error nothing changed.
fn save_change<T>(
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
    change: impl FnOnce(&mut Project) -> Result<T, Vec<ActionError>>,
) -> Result<T, Problems> {
    let Some(current) = loaded.get_untracked() else {
        return Err(Problems {
            entry: Vec::new(),
            storage: Some(t!("The project is not loaded; reload the page.").into()),
        });
    };
    let mut project = current.project;
    let outcome = change(&mut project).map_err(|entry| Problems {
        entry,
        storage: None,
    })?;
    match state.save(&project, Some(current.revision)) {
        Ok(revision) => {
            loaded.set(Some(Loaded { project, revision }));
            Ok(outcome)
        }
        Err(error) => Err(Problems {
            entry: Vec::new(),
            storage: Some(t!("Not saved. {error}", error = error)),
        }),
    }
}

/// After the next render, moves keyboard focus to the element with `id`.
fn focus(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The last wave with customer answers: the one whose priorities are shown first.
fn latest_wave(project: &Project) -> Option<String> {
    project
        .waves
        .iter()
        .rev()
        .find(|w| {
            project
                .responses
                .iter()
                .any(|r| r.source == Source::Customer && r.wave.as_deref() == Some(w.name.as_str()))
        })
        .map(|w| w.name.clone())
}

/// One priority as the page shows it.
#[derive(Debug, Clone, PartialEq)]
struct PriorityRow {
    code: String,
    text: String,
    gap: f64,
    gap_type: GapType,
    actions: usize,
}

/// Which form is open: a new action on an item's priority, or an edit of an action.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    New(String),
    Edit(String),
}

/// The Actions page.
#[component]
pub fn ActionsPage(id: ProjectId) -> impl IntoView {
    let loaded = use_project(id.clone());
    let is_loaded = Memo::new(move |_| loaded.with(Option::is_some));
    let has_answers = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .is_some_and(|l| latest_wave(&l.project).is_some())
        })
    });
    let waves = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.project
                        .waves
                        .iter()
                        .map(|w| w.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The wave whose priorities are listed; empty = the latest wave with answers.
    let chosen = RwSignal::new(String::new());
    let wave = Memo::new(move |_| {
        let chosen = chosen.get();
        loaded.with(|l| {
            let project = &l.as_ref()?.project;
            if !chosen.is_empty() && project.waves.iter().any(|w| w.name == chosen) {
                Some(chosen)
            } else {
                latest_wave(project)
            }
        })
    });
    // Only the analysis of the chosen wave; recomputed when the data or the wave changes.
    let results = Memo::new(move |_| {
        let wave = wave.get()?;
        loaded.with(|l| {
            l.as_ref()
                .map(|l| Results::for_project(&l.project, &Filter::wave(&wave)))
        })
    });
    let priorities = Memo::new(move |_| {
        let Some(results) = results.get() else {
            return Vec::new();
        };
        loaded.with(|l| {
            let Some(l) = l else { return Vec::new() };
            results
                .priorities
                .iter()
                .map(|p| PriorityRow {
                    code: p.code.clone(),
                    text: l
                        .project
                        .item(&p.code)
                        .map(|i| i.text.clone())
                        .unwrap_or_default(),
                    gap: p.gap,
                    gap_type: p.explained_by,
                    actions: l.project.actions_for(&p.code).count(),
                })
                .collect::<Vec<_>>()
        })
    });
    let open = RwSignal::new(None::<Open>);
    let saved = RwSignal::new(None::<String>);
    let data_href = Route::Data(id.clone()).href();

    view! {
        <section class="page actions-page">
            <h1>{t!("Actions")}</h1>
            <Show when=move || is_loaded.get()
                fallback=|| view! {
                    <p class="empty" data-testid="actions-not-loaded">
                        <Linked href=Route::Projects.href() text=t!("This project could not be opened. [Back to the projects]") />
                    </p>
                }>
                <p class="lead">
                    {t!("Fix root causes, not symptoms. For each priority, ask \u{201c}why?\u{201d} until you reach something you can change, then decide who does what by when. The next wave shows whether the gap closed.")}
                </p>
                <p class="de-saved" role="status" data-testid="actions-saved">
                    {move || saved.get().map(|text| view! { <span aria-hidden="true">"✓ "</span>{text} })}
                </p>
                <Show when=move || has_answers.get()
                    fallback={
                        let data_href = data_href.clone();
                        move || view! {
                            <div class="empty-state" data-testid="empty-state">
                                <p class="empty" data-testid="actions-empty">
                                    <Linked href=data_href.clone()
                                        text=t!("No customer answers yet, so there are no priorities to act on. [Import answers on the Data page.]") />
                                </p>
                            </div>
                        }
                    }>
                    <section class="actions-priorities" aria-labelledby="actions-priorities-heading">
                        <div class="actions-head">
                            <h2 id="actions-priorities-heading">
                                {move || t!("Priorities in {wave}", wave = wave.get().unwrap_or_default())}
                            </h2>
                            <label class="de-field">
                                <span>{t!("Wave")}</span>
                                <select data-testid="actions-wave" on:change=move |ev| chosen.set(event_target_value(&ev))>
                                    {move || {
                                        let current = wave.get();
                                        waves.get().into_iter().map(|name| {
                                            let selected = current.as_deref() == Some(name.as_str());
                                            view! { <option value=name.clone() prop:selected=selected>{name.clone()}</option> }
                                        }).collect_view()
                                    }}
                                </select>
                            </label>
                        </div>
                        <Explain topic=Topic::Priorities />
                        {move || {
                            let rows = priorities.get();
                            if rows.is_empty() {
                                return view! {
                                    <p class="empty" data-testid="actions-no-priorities">
                                        {t!(
                                            "No item shows a clear shortfall in {wave} (a finding needs at least 10 answers and a Holm-adjusted p below 0.05).",
                                            wave = wave.get_untracked().unwrap_or_default()
                                        )}
                                    </p>
                                }.into_any();
                            }
                            view! {
                                <ol class="priorities" data-testid="actions-priorities">
                                    {rows.into_iter().map(|row| view! { <PriorityCard row=row loaded=loaded wave=wave open=open saved=saved /> }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    </section>
                </Show>
                <ActionList loaded=loaded open=open saved=saved />
            </Show>
        </section>
    }
}

/// One priority with its "Find the root cause" form.
#[component]
fn PriorityCard(
    row: PriorityRow,
    loaded: RwSignal<Option<Loaded>>,
    wave: Memo<Option<String>>,
    open: RwSignal<Option<Open>>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let code = row.code.clone();
    let is_open = {
        let code = code.clone();
        Memo::new(move |_| open.with(|o| matches!(o, Some(Open::New(c)) if *c == code)))
    };
    let button_id = format!("action-start-{}", row.code);
    let strategies = row.gap_type.strategies();
    let recorded = match row.actions {
        0 => t!("No action recorded for this item yet.").to_owned(),
        1 => t!("1 action recorded for this item (below).").to_owned(),
        n => t!("{n} actions recorded for this item (below).", n = n),
    };
    let form = {
        let code = code.clone();
        let text = row.text.clone();
        let button_id = button_id.clone();
        move || {
            let start = ActionInput {
                item: code.clone(),
                gap: Some(Gap::from(row.gap_type)),
                wave: wave.get_untracked().unwrap_or_default(),
                whys: vec![String::new()],
                owner: String::new(),
                text: String::new(),
                // No default: a due date is a decision, not today's date.
                due: String::new(),
                status: Status::Planned,
            };
            let button_id = button_id.clone();
            view! {
                <ActionForm loaded=loaded target=Target::New start=start item_text=text.clone()
                    prefix=format!("new-{code}")
                    on_done=Callback::new(move |id: Option<String>| {
                        open.set(None);
                        match id {
                            Some(id) => {
                                saved.set(Some(t!("Action {id} saved.", id = id)));
                                focus(&format!("action-{id}"));
                            }
                            None => focus(&button_id),
                        }
                    }) />
            }
        }
    };
    let start_button = {
        let code = code.clone();
        let button_id = button_id.clone();
        move || {
            let code = code.clone();
            let name = t!("Find the root cause of {code}", code = code);
            view! {
                <button type="button" id=button_id.clone() class="button-primary" data-testid="action-start" aria-label=name
                    on:click=move |_| {
                        saved.set(None);
                        open.set(Some(Open::New(code.clone())));
                        focus(&format!("new-{code}-why-1"));
                    }>
                    {t!("Find the root cause")}
                </button>
            }
        }
    };
    view! {
        <li class="card priority action-priority" data-testid="action-priority" data-code=row.code.clone()>
            <p class="priority-head">
                <span class="code">{row.code.clone()}</span>" "
                <strong>{row.text.clone()}</strong>
            </p>
            <p>
                {t!("Customers rate it {gap} below what they expect.", gap = number(Some(-row.gap), 2))}
                " " <span class="tag" data-testid="gap-type">{row.gap_type.name()}</span>
            </p>
            <details>
                <summary>{t!("What usually closes this gap")}</summary>
                <ul>{strategies.iter().map(|s| view! { <li>{tr(s)}</li> }).collect_view()}</ul>
            </details>
            <p class="muted">{recorded}</p>
            <Show when=move || !is_open.get()>{start_button.clone()}</Show>
            <Show when=move || is_open.get()>{form.clone()}</Show>
        </li>
    }
}

/// One recorded action as listed.
#[derive(Debug, Clone, PartialEq)]
struct ActionRow {
    action: Action,
    item_text: String,
    follow_up: FollowUp,
}

/// The recorded actions, each with its follow-up, edit and delete.
#[component]
fn ActionList(
    loaded: RwSignal<Option<Loaded>>,
    open: RwSignal<Option<Open>>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        loaded.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let project = &l.project;
            project
                .actions
                .iter()
                .map(|action| ActionRow {
                    action: action.clone(),
                    item_text: project
                        .item(action.item().as_str())
                        .map(|i| i.text.clone())
                        .unwrap_or_default(),
                    follow_up: FollowUp::of(project, action),
                })
                .collect::<Vec<_>>()
        })
    });
    let remove = move |id: String| {
        match save_change(state, loaded, |project| {
            project.remove_action(&id).map_err(|e| vec![e])
        }) {
            Ok(_) => saved.set(Some(t!("Action {id} deleted.", id = id))),
            Err(problems) => {
                // A storage error is already on the notice line (AppState::save puts it there).
                if !problems.entry.is_empty() {
                    state.error(problems.messages().join(" "));
                }
            }
        }
        confirming.set(None);
        focus("actions-list-heading");
    };

    view! {
        <section class="actions-recorded" aria-labelledby="actions-list-heading">
            <h2 id="actions-list-heading" tabindex="-1">
                {move || t!("Recorded actions ({n})", n = rows.with(Vec::len))}
            </h2>
            <Explain topic=Topic::FollowUp />
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="actions-none">{t!("No actions recorded yet. Start with a priority above.")}</p> }.into_any();
                }
                view! {
                    <ul class="action-list" data-testid="action-list">
                        {rows.into_iter().map(|row| {
                            let id = row.action.id().to_owned();
                            let editing = {
                                let id = id.clone();
                                Memo::new(move |_| open.with(|o| matches!(o, Some(Open::Edit(e)) if *e == id)))
                            };
                            let is_confirming = {
                                let id = id.clone();
                                Memo::new(move |_| confirming.with(|c| c.as_deref() == Some(id.as_str())))
                            };
                            let delete_button = NodeRef::<leptos::html::Button>::new();
                            let edit_id = format!("action-{id}-edit");
                            let question = t!(
                                "Delete action {id} on {item} (\u{201c}{text}\u{201d})? This cannot be undone.",
                                id = id,
                                item = row.action.item(),
                                text = short(row.action.text(), 60)
                            );
                            let action = row.action.clone();
                            let buttons = {
                                let id = id.clone();
                                let edit_id = edit_id.clone();
                                move || {
                                    let (edit, delete) = (id.clone(), id.clone());
                                    view! {
                                        <div class="button-row">
                                            <button type="button" id=edit_id.clone() data-testid="action-edit"
                                                aria-label=t!("Edit action {id}", id = id)
                                                on:click=move |_| {
                                                    saved.set(None);
                                                    confirming.set(None);
                                                    open.set(Some(Open::Edit(edit.clone())));
                                                    focus(&format!("edit-{edit}-why-1"));
                                                }>
                                                {t!("Edit")}
                                            </button>
                                            <button type="button" class="button-danger-quiet" data-testid="action-delete" node_ref=delete_button
                                                aria-label=t!("Delete action {id}", id = id)
                                                on:click=move |_| confirming.set(Some(delete.clone()))>
                                                {t!("Delete")}
                                            </button>
                                        </div>
                                    }
                                }
                            };
                            let confirm = {
                                let id = id.clone();
                                move || {
                                    let id = id.clone();
                                    view! {
                                        <Confirm question=question.clone() confirm_label=t!("Delete action")
                                            on_confirm=Callback::new(move |()| remove(id.clone()))
                                            on_cancel=Callback::new(move |()| {
                                                confirming.set(None);
                                                if let Some(button) = delete_button.get_untracked() { let _ = button.focus(); }
                                            }) />
                                    }
                                }
                            };
                            let edit_form = {
                                let action = action.clone();
                                let item_text = row.item_text.clone();
                                let edit_id = edit_id.clone();
                                move || {
                                    let edit_id = edit_id.clone();
                                    view! {
                                        <ActionForm loaded=loaded target=Target::Edit(action.id().to_owned())
                                            start=ActionInput::of(&action) item_text=item_text.clone()
                                            prefix=format!("edit-{}", action.id())
                                            on_done=Callback::new(move |id: Option<String>| {
                                                open.set(None);
                                                match id {
                                                    Some(id) => {
                                                        saved.set(Some(t!("Action {id} saved.", id = id)));
                                                        focus(&format!("action-{id}"));
                                                    }
                                                    None => focus(&edit_id),
                                                }
                                            }) />
                                    }
                                }
                            };
                            view! {
                                <li class="card action-row" data-testid="action-row" data-id=id.clone() data-item=action.item().to_string()>
                                    <h3 id=format!("action-{id}") class="action-title" tabindex="-1">
                                        <span class="code">{action.item().to_string()}</span>" "
                                        {row.item_text.clone()}
                                    </h3>
                                    <p class="action-text" data-testid="action-row-text">{action.text().to_owned()}</p>
                                    <dl class="action-meta">
                                        <div><dt>{t!("Owner")}</dt><dd data-testid="action-row-owner">{action.owner().to_owned()}</dd></div>
                                        <div><dt>{t!("Due")}</dt><dd data-testid="action-row-due">
                                            <time datetime=action.due().to_owned()>{date(action.due())}</time>
                                        </dd></div>
                                        <div><dt>{t!("Status")}</dt><dd>
                                            <span class=format!("action-status action-status-{}", action.status().as_str()) data-testid="action-row-status">{action.status().label()}</span>
                                        </dd></div>
                                        <div><dt>{t!("Decided in")}</dt><dd>{action.wave().to_owned()}</dd></div>
                                        <div><dt>{t!("Gap")}</dt><dd>{GapType::from(action.gap()).name()}</dd></div>
                                    </dl>
                                    <details class="action-whys">
                                        <summary>
                                            {t!("Root cause:")}" "<span data-testid="action-row-root">{action.root_cause().to_owned()}</span>
                                        </summary>
                                        <ol class="why-answers" data-testid="action-row-whys">
                                            {action.whys().iter().enumerate().map(|(i, why)| view! {
                                                <li><span class="muted">{if i == 0 { t!("Why does it fall short?") } else { t!("Why?") }}" "</span>{why.clone()}</li>
                                            }).collect_view()}
                                        </ol>
                                    </details>
                                    <FollowUpLine follow_up=row.follow_up.clone() />
                                    <Show when=move || !editing.get()>{buttons.clone()}</Show>
                                    <Show when=move || is_confirming.get()>{confirm.clone()}</Show>
                                    <Show when=move || editing.get()>{edit_form.clone()}</Show>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The first `max` characters of `text`, with "…" when cut.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!(
            "{}…",
            text.chars().take(max - 1).collect::<String>().trim_end()
        )
    }
}
