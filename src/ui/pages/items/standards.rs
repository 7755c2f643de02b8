//! Standards: the business's own service specifications, with optional KPI targets.

use crate::ui::pages::editor::{
    content_key, focus_first, invalid, item_options, option_value, read, touchpoint_options, unique_id, Editor, Problem,
    ProjectMemo, TouchpointGroups,
};
use crate::model::standards::StandardInput;
use crate::model::{Direction, Standard};
use crate::ui::components::confirm::Confirm;
use crate::ui::format::{count, plain};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

fn kpi_text(standard: &Standard) -> Option<String> {
    standard.kpi.as_ref().map(|k| {
        let unit = if k.unit.is_empty() { String::new() } else { format!(" {}", k.unit) };
        format!("{} {}{unit}", k.direction.as_str(), plain(k.target))
    })
}

/// The business's own service standards, with optional KPI targets.
#[component]
pub(super) fn StandardsSection(editor: Editor, project: ProjectMemo, groups: TouchpointGroups) -> impl IntoView {
    let standards = Memo::new(move |_| read(project, |p| p.standards.clone()).unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    let add = Callback::new(move |input: StandardInput| {
        editor
            .apply(|p| p.add_standard(&input))
            .map(|id| status.set(Some(t!("Standard {id} added: \u{201c}{text}\u{201d}.", id = id, text = input.text.trim()))))
            .map_err(|refused| refused.problem(t!("Standard not added")))
    });
    view! {
        <section class="card setup-section" aria-labelledby="standards-heading" data-testid="standards-section">
            <h2 id="standards-heading" tabindex="-1">{t!("Standards")}</h2>
            <p class="hint">
                {t!("The service specifications the business has set itself, e.g. \u{201c}answer the phone within 20 seconds\u{201d}. \
                     Attach each to the item or touchpoint it serves; a KPI target lets measured delivery be checked against it.")}
            </p>
            <Show when=move || standards.with(Vec::is_empty)>
                <p class="empty" data-testid="no-standards">{t!("No standards yet.")}</p>
            </Show>
            <ul class="entry-list" data-testid="standard-list">
                <For each=move || standards.get().into_iter().enumerate()
                    key=|(index, standard)| content_key(*index, standard)
                    children=move |(_, standard)| view! {
                        <StandardRow editor=editor project=project groups=groups standard=standard status=status />
                    } />
            </ul>
            <h3>{t!("Add a standard")}</h3>
            <StandardForm project=project groups=groups initial=StandardInput::default()
                submit_label=t!("Add standard") testid="add-standard" on_submit=add />
            <p class="setup-status" role="status" data-testid="standards-status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn StandardRow(editor: Editor, project: ProjectMemo, groups: TouchpointGroups, standard: Standard, status: RwSignal<Option<String>>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let id = StoredValue::new(standard.id.clone());
    let row = format!("[data-testid=\"standard-row\"][data-id=\"{}\"]", standard.id);
    let row = StoredValue::new(row);
    let measurements = move || read(project, |p| p.measurement_count(&id.get_value())).unwrap_or(0);
    let item = standard.item.as_ref().map(ToString::to_string);
    let touchpoint = standard
        .touchpoint
        .as_ref()
        .map(|code| untrack(|| read(project, |p| p.journey.touchpoint(code).map(|t| t.name.clone()))).flatten().unwrap_or_else(|| code.clone()));
    let kpi = kpi_text(&standard);
    let text = standard.text.clone();
    let initial = StandardInput::of(&standard);

    let save = Callback::new(move |input: StandardInput| {
        editor
            .apply(|p| p.edit_standard(&id.get_value(), &input))
            .map(|()| {
                status.set(Some(t!("Standard {id} saved.", id = id.get_value())));
                focus_first(vec![format!("{} [data-testid=\"standard-edit\"]", row.get_value())]);
            })
            .map_err(|refused| refused.problem(t!("Standard not saved")))
    });
    let delete = move || match editor.apply(|p| p.remove_standard(&id.get_value())) {
        Ok(removed) => {
            status.set(Some(match removed {
                0 => t!("Standard {id} deleted.", id = id.get_value()),
                1 => t!("Standard {id} deleted with its one measurement.", id = id.get_value()),
                n => t!("Standard {id} deleted with {n} measurements.", id = id.get_value(), n = count(n)),
            }));
            focus_first(vec!["#standards-heading".into()]);
        }
        Err(refused) => {
            confirming.set(false);
            problem.set(Some(refused.problem(t!("Standard not deleted")).text));
        }
    };
    let ask_delete = move |_| {
        if untrack(measurements) == 0 {
            delete();
        } else {
            confirming.set(true);
        }
    };
    let question = {
        let text = text.clone();
        move || {
            match measurements() {
                1 => t!("Delete the standard \u{201c}{text}\u{201d} and its one delivery measurement? This cannot be undone.", text = text),
                n => t!(
                    "Delete the standard \u{201c}{text}\u{201d} and its {n} delivery measurements? This cannot be undone.",
                    text = text,
                    n = count(n)
                ),
            }
        }
    };
    let cancel_edit = Callback::new(move |()| {
        editing.set(false);
        focus_first(vec![format!("{} [data-testid=\"standard-edit\"]", row.get_value())]);
    });

    view! {
        <li class="entry" data-testid="standard-row" data-id=standard.id.clone()>
            <Show when=move || editing.get()
                fallback={
                    let text = text.clone();
                    let item = item.clone();
                    let touchpoint = touchpoint.clone();
                    let kpi = kpi.clone();
                    move || view! {
                        <div class="entry-main">
                            <p class="entry-text" data-testid="standard-text">{text.clone()}</p>
                            <ul class="entry-facts">
                                <li><span class="fact-label">{t!("Id")}" "</span><span class="code">{id.get_value()}</span></li>
                                {item.clone().map(|item| view! { <li><span class="fact-label">{t!("Item")}" "</span><span data-testid="standard-item">{item}</span></li> })}
                                {touchpoint.clone().map(|tp| view! { <li><span class="fact-label">{t!("Touchpoint")}" "</span><span data-testid="standard-touchpoint">{tp}</span></li> })}
                                {kpi.clone().map(|k| view! { <li><span class="fact-label">"KPI "</span><span data-testid="standard-kpi">{k}</span></li> })}
                            </ul>
                        </div>
                        <div class="button-row">
                            <button type="button" data-testid="standard-edit"
                                aria-label=t!("Edit standard {id}", id = id.get_value())
                                on:click=move |_| { editing.set(true); confirming.set(false); }>{t!("Edit")}</button>
                            <button type="button" class="button-danger-quiet" data-testid="standard-delete"
                                aria-label=t!("Delete standard {id}", id = id.get_value())
                                on:click=ask_delete>{t!("Delete")}</button>
                        </div>
                    }
                }>
                <StandardForm project=project groups=groups initial=initial.clone()
                    submit_label=t!("Save") testid="edit-standard" on_submit=save on_cancel=cancel_edit />
            </Show>
            <p class="field-problem" role="alert" data-testid="standard-row-problem">{move || problem.get()}</p>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label=t!("Delete standard")
                    on_confirm=Callback::new(move |()| delete())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"standard-delete\"]", row.get_value())]);
                    }) />
            })}
        </li>
    }
}

/// Add or edit a standard.
#[component]
fn StandardForm(
    project: ProjectMemo,
    groups: TouchpointGroups,
    initial: StandardInput,
    submit_label: &'static str,
    /// `data-testid` of the form; its fields have fixed test ids inside it.
    testid: &'static str,
    /// Saves; `Ok` resets an add form.
    on_submit: Callback<StandardInput, Result<(), Problem>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let adding = on_cancel.is_none();
    let draft = RwSignal::new(initial);
    let problem = RwSignal::new(None::<Problem>);
    let problem_id = unique_id("standard-problem");
    let text_ref = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match on_submit.run(draft.get_untracked()) {
            Ok(()) => {
                problem.set(None);
                if adding {
                    draft.set(StandardInput::default());
                    if let Some(input) = text_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
            Err(refused) => problem.set(Some(refused)),
        }
    };
    let described = problem_id.clone();
    view! {
        <form class="entry-form standard-form" data-testid=testid on:submit=submit>
            <label class="wide">
                <span>{t!("Standard")}</span>
                <input type="text" maxlength="200" autocomplete="off" node_ref=text_ref
                    placeholder=t!("e.g. Answer the phone within 20 seconds") data-testid="standard-text-input"
                    aria-describedby=described.clone() aria-invalid=invalid(problem, "standard text")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev)) />
            </label>
            <label>
                <span>{t!("Item")}</span>
                <select data-testid="standard-item-select" aria-invalid=invalid(problem, "item")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.item = option_value(event_target_value(&ev)))>
                    {item_options(project, t!("(none)"), move || draft.with(|d| d.item.clone()))}
                </select>
            </label>
            <label>
                <span>{t!("Touchpoint")}</span>
                <select data-testid="standard-touchpoint-select" aria-invalid=invalid(problem, "touchpoint")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.touchpoint = option_value(event_target_value(&ev)))>
                    {touchpoint_options(groups, move || draft.with(|d| d.touchpoint.clone()))}
                </select>
            </label>
            <fieldset class="kpi">
                <legend>{t!("KPI target (optional)")}</legend>
                <label>
                    <span>{t!("Met when the value is")}</span>
                    <select data-testid="standard-kpi-direction"
                        on:change=move |ev| {
                            let direction = if event_target_value(&ev) == Direction::AtLeast.as_str() { Direction::AtLeast } else { Direction::AtMost };
                            draft.update(|d| d.kpi_direction = direction);
                        }>
                        {[Direction::AtMost, Direction::AtLeast].into_iter().map(|direction| view! {
                            <option value=direction.as_str() prop:selected=move || draft.with(|d| d.kpi_direction == direction)>
                                {direction.label()}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t!("Target")}</span>
                    <input type="text" inputmode="decimal" maxlength="30" autocomplete="off" class="number-input"
                        placeholder=t!("e.g. 20") data-testid="standard-kpi-target"
                        aria-describedby=described.clone() aria-invalid=invalid(problem, "KPI target")
                        prop:value=move || draft.with(|d| d.kpi_target.clone())
                        on:input=move |ev| draft.update(|d| d.kpi_target = event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t!("Unit")}</span>
                    <input type="text" maxlength="20" autocomplete="off" class="unit-input"
                        placeholder=t!("e.g. s, %, days") data-testid="standard-kpi-unit"
                        aria-describedby=described aria-invalid=invalid(problem, "KPI unit")
                        prop:value=move || draft.with(|d| d.kpi_unit.clone())
                        on:input=move |ev| draft.update(|d| d.kpi_unit = event_target_value(&ev)) />
                </label>
            </fieldset>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="standard-save">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="standard-cancel" on:click=move |_| cancel.run(())>{t!("Cancel")}</button>
                })}
            </div>
            <p id=problem_id class="field-problem wide" role="alert" data-testid="standard-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}
