//! The management view: one manager's M ("what customers expect") and S ("how well we
//! deliver") per item for a wave, and the list of management responses.

use super::{focus, plain_number, save_change, save_removal, wave_names, ProblemList, Problems, SavedLine, WaveInput};
use crate::model::entries::{Field, ManagementEntry as Entry, MANAGER_ID_MAX};
use crate::model::{ItemCode, Scale};
use crate::storage::Loaded;
use crate::ui::components::confirm::Confirm;
use crate::ui::format::{count, plural};
use crate::ui::state::AppState;
use leptos::prelude::*;

const PROBLEMS_ID: &str = "mgmt-problems";

/// What the form is built from; the form is rebuilt only when this changes.
#[derive(Debug, Clone, PartialEq)]
struct FormShape {
    scale: Scale,
    perception_only: bool,
    /// Dimension name and its items (code, text), in project order.
    groups: Vec<(String, Vec<(ItemCode, String)>)>,
}

impl FormShape {
    fn of(project: &crate::model::Project) -> FormShape {
        let mut groups: Vec<(String, Vec<(ItemCode, String)>)> = project
            .dimensions
            .iter()
            .map(|d| (d.name.clone(), project.items.iter().filter(|i| i.dimension == d.code).map(|i| (i.code.clone(), i.text.clone())).collect()))
            .collect();
        let other: Vec<(ItemCode, String)> = project
            .items
            .iter()
            .filter(|i| project.dimension(&i.dimension).is_none())
            .map(|i| (i.code.clone(), i.text.clone()))
            .collect();
        if !other.is_empty() {
            groups.push((t!("Other").into(), other));
        }
        groups.retain(|(_, items)| !items.is_empty());
        FormShape { scale: project.scale, perception_only: project.perception_only, groups }
    }
}

/// The management view section of the Data page.
#[component]
pub fn ManagementEntry(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let shape = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| FormShape::of(&l.project))));
    view! {
        <section class="card de-section" aria-labelledby="mgmt-heading" data-testid="management-section">
            <h2 id="mgmt-heading">{t!("Management view")}</h2>
            {move || shape.get().map(|shape| {
                if shape.groups.is_empty() {
                    view! {
                        <p class="empty" data-testid="mgmt-no-items">
                            {t!("This project has no items yet, so there is nothing for management to rate.")}
                        </p>
                    }.into_any()
                } else {
                    view! { <ManagementForm shape=shape loaded=loaded /> }.into_any()
                }
            })}
        </section>
    }
}

/// One item's two fields.
#[derive(Clone)]
struct ItemFields {
    code: ItemCode,
    m: RwSignal<String>,
    s: RwSignal<String>,
}

#[component]
fn ManagementForm(shape: FormShape, loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = RwSignal::new(String::new());
    let wave = super::wave_field(loaded, t!("Wave 1"));
    let editing = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Problems::default());
    let saved = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    let waves = wave_names(loaded);
    let fields: Vec<ItemFields> = shape
        .groups
        .iter()
        .flat_map(|(_, items)| items.iter())
        .map(|(code, _)| ItemFields { code: code.clone(), m: RwSignal::new(String::new()), s: RwSignal::new(String::new()) })
        .collect();
    let fields = StoredValue::new(fields);
    let scale = shape.scale;

    let clear = move || {
        id.set(String::new());
        editing.set(None);
        fields.with_value(|fields| {
            for field in fields {
                field.m.set(String::new());
                field.s.set(String::new());
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entry = Entry {
            id: id.get_untracked(),
            wave: wave.get_untracked(),
            answers: fields.with_value(|fields| {
                fields.iter().map(|f| (f.code.clone(), f.m.get_untracked(), f.s.get_untracked())).collect()
            }),
        };
        let was_editing = editing.get_untracked();
        match save_change(state, loaded, |project| project.upsert_management_response(was_editing.as_deref(), &entry)) {
            Ok(stored) => {
                let answered = entry.answers.iter().filter(|(_, m, s)| !m.trim().is_empty() || !s.trim().is_empty()).count();
                problems.set(Problems::default());
                let wave = entry.wave.trim();
                saved.set(Some(match (was_editing.is_some(), answered) {
                    (false, 1) => t!("Saved the view of \u{201c}{who}\u{201d} for {wave}: 1 item answered.", who = stored, wave = wave),
                    (false, n) => t!(
                        "Saved the view of \u{201c}{who}\u{201d} for {wave}: {n} items answered.",
                        who = stored,
                        wave = wave,
                        n = count(n)
                    ),
                    (true, 1) => t!("Updated the view of \u{201c}{who}\u{201d} for {wave}: 1 item answered.", who = stored, wave = wave),
                    (true, n) => t!(
                        "Updated the view of \u{201c}{who}\u{201d} for {wave}: {n} items answered.",
                        who = stored,
                        wave = wave,
                        n = count(n)
                    ),
                }));
                clear();
                focus("mgmt-id");
            }
            Err(found) => {
                saved.set(None);
                let first = found.entry.iter().find_map(|e| e.field().and_then(dom_id));
                problems.set(found);
                focus(first.as_deref().unwrap_or(PROBLEMS_ID));
            }
        }
    };

    let edit = move |respondent: String| {
        let Some(response) = loaded.with_untracked(|l| {
            l.as_ref().and_then(|l| l.project.management_responses().find(|r| r.id_str() == respondent).cloned())
        }) else {
            return;
        };
        id.set(respondent.clone());
        wave.set(response.wave.clone().unwrap_or_default());
        fields.with_value(|fields| {
            for field in fields {
                let answer = response.answers.get(&field.code).copied().unwrap_or_default();
                field.m.set(answer.expectation.map(plain_number).unwrap_or_default());
                field.s.set(answer.perception.map(plain_number).unwrap_or_default());
            }
        });
        editing.set(Some(respondent));
        confirming.set(None);
        problems.set(Problems::default());
        saved.set(None);
        focus("mgmt-id");
    };

    let remove = move |respondent: String| {
        if save_removal(state, loaded, |project| project.remove_management_response(&respondent)).is_some() {
            if editing.get_untracked().as_deref() == Some(respondent.as_str()) {
                clear();
            }
            state.info(t!("The management view of \u{201c}{who}\u{201d} was deleted.", who = respondent));
        }
        confirming.set(None);
        focus("mgmt-list-heading");
    };

    let id_invalid = Signal::derive(move || problems.with(|p| p.names(&Field::ManagerId)));
    let wave_invalid = Signal::derive(move || problems.with(|p| p.names(&Field::Wave)));
    let perception_note = shape.perception_only.then(|| view! {
        <p class="hint" data-testid="mgmt-perception-only">
            {t!("This project's customer survey asks perception only, so customers give no expectation to compare \
                 M with. S is compared with what customers perceive; M is kept as management's own estimate.")}
        </p>
    });

    view! {
        <p class="hint">
            {t!(
                "Enter one manager's answers for a wave. For each item: M = what management believes customers expect, \
                 S = how well management believes the business delivers, on the scale {scale}. Leave a field blank if \
                 there is no answer; 5,5 and 5.5 both work.",
                scale = scale
            )}
        </p>
        {perception_note}
        <ManagementList loaded=loaded confirming=confirming editing=editing
            on_edit=Callback::new(edit) on_remove=Callback::new(remove) />
        <h3 id="mgmt-form-heading">{move || if editing.get().is_some() { t!("Edit a manager's view") } else { t!("Add a manager's view") }}</h3>
        <form class="de-form" on:submit=submit novalidate data-testid="mgmt-form" aria-labelledby="mgmt-form-heading" aria-describedby="mgmt-editing">
            <p id="mgmt-editing" class="de-editing" data-testid="mgmt-editing">
                {move || editing.get().map(|who| t!("Editing the view of \u{201c}{who}\u{201d}. Save to replace it, or cancel.", who = who))}
            </p>
            <div class="field-row">
                <label class="de-field">
                    <span>{t!("Manager (id or name)")}</span>
                    <input type="text" id="mgmt-id" maxlength=MANAGER_ID_MAX.to_string() autocomplete="off" required
                        data-testid="mgmt-id"
                        aria-invalid=move || id_invalid.get().then_some("true")
                        aria-describedby=PROBLEMS_ID
                        prop:value=move || id.get()
                        on:input=move |ev| id.set(event_target_value(&ev)) />
                </label>
                <WaveInput id="mgmt-wave" testid="mgmt-wave" value=wave waves=waves invalid=wave_invalid describedby=PROBLEMS_ID />
            </div>
            {shape.groups.into_iter().map(|(dimension, items)| view! {
                <fieldset class="ms-group">
                    <legend>{dimension}</legend>
                    <div class="ms-head" aria-hidden="true">
                        <span>{t!("Item")}</span><span>{t!("M · customers expect")}</span><span>{t!("S · we deliver")}</span>
                    </div>
                    {items.into_iter().map(|(code, text)| {
                        let item = fields.with_value(|f| f.iter().find(|f| f.code == code).cloned());
                        item.map(|item| view! { <ItemRow code=code text=text fields=item scale=scale problems=problems /> })
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
            <ProblemList id=PROBLEMS_ID testid="mgmt-problems" problems=problems />
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="mgmt-save">
                    {move || if editing.get().is_some() { t!("Save changes") } else { t!("Save manager's view") }}
                </button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" data-testid="mgmt-cancel-edit" on:click=move |_| {
                        clear();
                        problems.set(Problems::default());
                        focus("mgmt-id");
                    }>{t!("Cancel editing")}</button>
                </Show>
            </div>
            <SavedLine testid="mgmt-saved" saved=saved />
        </form>
    }
}

/// The element id of a field of this form.
fn dom_id(field: &Field) -> Option<String> {
    match field {
        Field::ManagerId => Some("mgmt-id".into()),
        Field::Wave => Some("mgmt-wave".into()),
        Field::Expectation(code) => Some(format!("mgmt-m-{code}")),
        Field::Delivery(code) => Some(format!("mgmt-s-{code}")),
        _ => None,
    }
}

/// One item: its text and its M and S fields.
#[component]
fn ItemRow(code: ItemCode, text: String, fields: ItemFields, scale: Scale, problems: RwSignal<Problems>) -> impl IntoView {
    let m_id = format!("mgmt-m-{code}");
    let s_id = format!("mgmt-s-{code}");
    let text_id = format!("mgmt-item-{code}");
    let m_field = Field::Expectation(code.clone());
    let s_field = Field::Delivery(code.clone());
    let m_invalid = move || problems.with(|p| p.names(&m_field)).then_some("true");
    let s_invalid = move || problems.with(|p| p.names(&s_field)).then_some("true");
    let range = format!("{}–{}", scale.min(), scale.max());
    let (m, s) = (fields.m, fields.s);
    view! {
        <div class="ms-row" data-testid="mgmt-item" data-code=code.to_string()>
            <p class="ms-item" id=text_id.clone()>
                <span class="code">{code.to_string()}</span>" "{text.clone()}
            </p>
            <label class="ms-field">
                <span class="ms-label">"M"<span class="ms-word" aria-hidden="true">" "{t!("expect")}</span><span class="visually-hidden">" "{t!("(what customers expect, {range}) for {code}: {text}", range = range, code = code, text = text)}</span></span>
                <input type="text" inputmode="decimal" autocomplete="off" maxlength="10" id=m_id
                    data-testid="mgmt-m" placeholder=range.clone()
                    aria-invalid=m_invalid aria-describedby=PROBLEMS_ID
                    prop:value=move || m.get()
                    on:input=move |ev| m.set(event_target_value(&ev)) />
            </label>
            <label class="ms-field">
                <span class="ms-label">"S"<span class="ms-word" aria-hidden="true">" "{t!("deliver")}</span><span class="visually-hidden">" "{t!("(how well we deliver, {range}) for {code}: {text}", range = range, code = code, text = text)}</span></span>
                <input type="text" inputmode="decimal" autocomplete="off" maxlength="10" id=s_id
                    data-testid="mgmt-s" placeholder=range.clone()
                    aria-invalid=s_invalid aria-describedby=PROBLEMS_ID
                    prop:value=move || s.get()
                    on:input=move |ev| s.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}

/// One row of the list: id, wave, items answered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    wave: String,
    answered: usize,
}

/// The stored management responses with edit and delete.
#[component]
fn ManagementList(
    loaded: RwSignal<Option<Loaded>>,
    confirming: RwSignal<Option<String>>,
    editing: RwSignal<Option<String>>,
    on_edit: Callback<String>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.project
                        .management_responses()
                        .map(|r| Row { id: r.id_str().to_owned(), wave: r.wave.clone().unwrap_or_default(), answered: r.items_answered() })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let items = Memo::new(move |_| loaded.with(|l| l.as_ref().map_or(0, |l| l.project.items.len())));
    view! {
        <h3 id="mgmt-list-heading" tabindex="-1">{t!("Stored management views")}</h3>
        <Show when=move || !rows.with(Vec::is_empty)
            fallback=|| view! { <p class="muted" data-testid="mgmt-none">{t!("No management views yet: add the first one below.")}</p> }>
            <ul class="de-list" aria-labelledby="mgmt-list-heading" data-testid="management-list">
                <For each=move || rows.get() key=|row| row.clone() children=move |row| {
                    let Row { id, wave, answered } = row;
                    let (edit_id, delete_id, confirm_id, current, remove_id) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                    let wave_text = if wave.is_empty() { t!("no wave").to_owned() } else { wave.clone() };
                    let question = t!(
                        "Delete the management view of \u{201c}{who}\u{201d} ({wave}, {items})? This cannot be undone.",
                        who = id,
                        wave = wave_text,
                        items = plural(answered, t!("1 item"), t!("{n} items"))
                    );
                    let delete_button = NodeRef::<leptos::html::Button>::new();
                    view! {
                        <li data-testid="management-row" data-id=id.clone()
                            class=move || { if editing.get().as_deref() == Some(current.as_str()) { "de-row de-row-editing" } else { "de-row" } }>
                            <div class="de-summary">
                                <span class="de-title" data-testid="mgmt-row-id">{id.clone()}</span>
                                <span class="muted" data-testid="mgmt-row-meta">
                                    {t!(
                                        "{wave} · {n} of {total} items answered",
                                        wave = wave_text,
                                        n = count(answered),
                                        total = count(items.get_untracked())
                                    )}
                                </span>
                            </div>
                            <div class="button-row">
                                <button type="button" data-testid="mgmt-edit"
                                    on:click=move |_| on_edit.run(edit_id.clone())>
                                    {t!("Edit")}<span class="visually-hidden">{format!(" {id}")}</span>
                                </button>
                                <button type="button" class="button-danger-quiet" data-testid="mgmt-delete" node_ref=delete_button
                                    on:click=move |_| confirming.set(Some(delete_id.clone()))>
                                    {t!("Delete")}<span class="visually-hidden">{format!(" {id}")}</span>
                                </button>
                            </div>
                            <Show when=move || confirming.get().as_deref() == Some(confirm_id.as_str())>
                                <Confirm question=question.clone() confirm_label=t!("Delete view")
                                    on_confirm={ let id = remove_id.clone(); Callback::new(move |()| on_remove.run(id.clone())) }
                                    on_cancel=Callback::new(move |()| {
                                        confirming.set(None);
                                        if let Some(button) = delete_button.get_untracked() { let _ = button.focus(); }
                                    }) />
                            </Show>
                        </li>
                    }
                } />
            </ul>
        </Show>
    }
}
