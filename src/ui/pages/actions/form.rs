//! The action form: the guided "why?" chain to the root cause, then owner, action, due date
//! and status. Used to record a new action on a priority and to edit a recorded one.

use super::{focus, save_change, Problems};
use crate::model::actions::{
    ActionField, ActionInput, Status, ACTION_TEXT_MAX, MAX_WHYS, OWNER_MAX, WHY_MAX,
};
use crate::storage::Loaded;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What the form saves: a new action on a priority, or changes to a recorded one.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A new action; `input` carries the item, its gap tag and the wave.
    New,
    /// The action with this id.
    Edit(String),
}

/// The form. `start` fills the fields (item, gap and wave come from it and are not edited
/// here); `on_done` gets the saved action's id, or `None` on cancel.
#[component]
pub fn ActionForm(
    loaded: RwSignal<Option<Loaded>>,
    target: Target,
    start: ActionInput,
    /// The item's statement, for the first question.
    item_text: String,
    /// A prefix for element ids, unique on the page.
    prefix: String,
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let fixed = StoredValue::new(start.clone());
    let whys = RwSignal::new(if start.whys.is_empty() {
        vec![String::new()]
    } else {
        start.whys.clone()
    });
    let count = Memo::new(move |_| whys.with(Vec::len));
    let owner = RwSignal::new(start.owner.clone());
    let text = RwSignal::new(start.text.clone());
    let due = RwSignal::new(start.due.clone());
    let status = RwSignal::new(start.status);
    let problems = RwSignal::new(Problems::default());
    let target = StoredValue::new(target);

    let id = {
        let prefix = prefix.clone();
        move |field: &str| format!("{prefix}-{field}")
    };
    let problems_id = id("problems");
    let why_id = {
        let prefix = prefix.clone();
        move |index: usize| format!("{prefix}-why-{}", index + 1)
    };
    let dom_id = {
        let why_id = why_id.clone();
        let id = id.clone();
        move |field: ActionField| match field {
            ActionField::Why(n) => Some(why_id(n.saturating_sub(1))),
            ActionField::Whys => Some(why_id(0)),
            ActionField::Owner => Some(id("owner")),
            ActionField::Action => Some(id("text")),
            ActionField::Due => Some(id("due")),
            _ => None,
        }
    };
    let invalid =
        move |field: ActionField| move || problems.with(|p| p.names(field)).then_some("true");

    let add_step = {
        let why_id = why_id.clone();
        move |_| {
            if count.get_untracked() < MAX_WHYS {
                // A message about the old chain would now be out of date.
                problems.set(Problems::default());
                whys.update(|w| w.push(String::new()));
                focus(&why_id(count.get_untracked() - 1));
            }
        }
    };
    let remove_step = {
        let why_id = why_id.clone();
        move |_| {
            if count.get_untracked() > 1 {
                problems.set(Problems::default());
                whys.update(|w| {
                    w.pop();
                });
                focus(&why_id(count.get_untracked() - 1));
            }
        }
    };

    let submit = {
        let problems_id = problems_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let input = ActionInput {
                whys: whys.get_untracked(),
                owner: owner.get_untracked(),
                text: text.get_untracked(),
                due: due.get_untracked(),
                status: status.get_untracked(),
                ..fixed.get_value()
            };
            let outcome = match target.get_value() {
                Target::New => save_change(state, loaded, |project| project.add_action(&input)),
                Target::Edit(id) => save_change(state, loaded, |project| {
                    project.edit_action(&id, &input).map(|()| id.clone())
                }),
            };
            match outcome {
                Ok(id) => {
                    problems.set(Problems::default());
                    on_done.run(Some(id));
                }
                Err(found) => {
                    let first = found
                        .entry
                        .iter()
                        .find_map(|e| e.field().and_then(dom_id.clone()));
                    problems.set(found);
                    focus(&first.unwrap_or_else(|| problems_id.clone()));
                }
            }
        }
    };

    let statement = item_text.trim().trim_end_matches(['.', '!']);
    let first_question = t!("Why does \u{201c}{statement}\u{201d} fall short?", statement = statement);
    let heading = match target.get_value() {
        Target::New => t!("Find the root cause"),
        Target::Edit(_) => t!("Edit the action"),
    };
    let heading_id = id("heading");
    let steps = {
        let why_id = why_id.clone();
        let problems_id = problems_id.clone();
        move || {
            (0..count.get())
                .map(|index| {
                    let question = if index == 0 { first_question.clone() } else { t!("Why?").to_owned() };
                    let element_id = why_id(index);
                    view! {
                        <li class="why-step">
                            <label for=element_id.clone()>
                                <span class="why-question">{question}</span>
                                <span class="visually-hidden">" "{t!("(step {n} of at most {max})", n = index + 1, max = MAX_WHYS)}</span>
                            </label>
                            <textarea id=element_id rows="2" data-testid="action-why" maxlength=WHY_MAX.to_string()
                                aria-invalid=invalid(ActionField::Why(index + 1))
                                aria-describedby=problems_id.clone()
                                prop:value=move || whys.with(|w| w.get(index).cloned().unwrap_or_default())
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    whys.update(|w| if let Some(slot) = w.get_mut(index) { *slot = value; });
                                }></textarea>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <form class="action-form" novalidate data-testid="action-form" aria-labelledby=heading_id.clone() on:submit=submit>
            <h3 id=heading_id.clone() class="action-form-heading">{heading}</h3>
            <fieldset class="why-chain">
                <legend>{t!("Root cause: ask \u{201c}why?\u{201d} until you reach something you can change")}</legend>
                <ol class="why-steps">{steps}</ol>
                <p class="hint">{move || t!(
                    "The last answer is taken as the root cause. {n} of at most {max} steps.",
                    n = count.get(),
                    max = MAX_WHYS
                )}</p>
                <div class="button-row">
                    <button type="button" data-testid="action-why-add" on:click=add_step
                        disabled=move || { count.get() >= MAX_WHYS }>{t!("Ask \u{201c}why?\u{201d} again")}</button>
                    <button type="button" data-testid="action-why-remove" on:click=remove_step
                        disabled=move || { count.get() <= 1 }>{t!("Remove the last step")}</button>
                </div>
            </fieldset>
            <div class="field-row action-fields">
                <label class="de-field action-owner">
                    <span>{t!("Owner")}</span>
                    <input type="text" id=id("owner") data-testid="action-owner" maxlength=OWNER_MAX.to_string() autocomplete="off"
                        aria-invalid=invalid(ActionField::Owner) aria-describedby=problems_id.clone()
                        prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                </label>
                <label class="de-field">
                    <span>{t!("Due date")}</span>
                    <input type="date" id=id("due") data-testid="action-due"
                        aria-invalid=invalid(ActionField::Due) aria-describedby=problems_id.clone()
                        prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                </label>
                <label class="de-field">
                    <span>{t!("Status")}</span>
                    <select id=id("status") data-testid="action-status"
                        on:change=move |ev| status.set(Status::parse(&event_target_value(&ev)).unwrap_or_default())>
                        {Status::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() prop:selected=move || status.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <label class="de-field de-field-text">
                <span>{t!("Action: what will be done about the root cause")}</span>
                <textarea id=id("text") rows="3" data-testid="action-text"
                    aria-invalid=invalid(ActionField::Action) aria-describedby=problems_id.clone()
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <p class=move || { if text.with(|t| t.trim().chars().count()) > ACTION_TEXT_MAX { "hint de-over" } else { "hint" } }>
                {move || t!("{n} of {max} characters", n = text.with(|t| t.trim().chars().count()), max = ACTION_TEXT_MAX)}
            </p>
            <div id=problems_id.clone() class="de-problems" role="alert" data-testid="action-problems" tabindex="-1">
                {move || {
                    let found = problems.get();
                    (!found.is_empty()).then(|| view! {
                        <p class="de-problems-title"><span aria-hidden="true">"⚠ "</span>{t!("Nothing was saved. Please check:")}</p>
                        <ul>{found.messages().into_iter().map(|m| view! { <li data-testid="action-problem">{m}</li> }).collect_view()}</ul>
                    })
                }}
            </div>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="action-save">{t!("Save action")}</button>
                <button type="button" data-testid="action-cancel" on:click=move |_| on_done.run(None)>{t!("Cancel")}</button>
            </div>
        </form>
    }
}
