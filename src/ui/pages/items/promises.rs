//! Promises: what marketing tells customers about an item, on the project's scale.

use crate::ui::pages::editor::{channel_options, content_key, focus_first, invalid, item_options, option_value, read, unique_id, Editor, Problem, ProjectMemo};
use crate::model::standards::PromiseInput;
use crate::model::{Channel, Promise};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// What marketing promises about items, on the project's scale.
#[component]
pub(super) fn PromisesSection(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let promises = Memo::new(move |_| read(project, |p| p.promises.clone()).unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    let scale = Memo::new(move |_| read(project, |p| p.scale.to_string()).unwrap_or_default());
    let add = Callback::new(move |input: PromiseInput| {
        editor
            .apply(|p| p.add_promise(&input))
            .map(|_| status.set(Some(t!("Promise added for {item}.", item = input.item.trim()))))
            .map_err(|refused| refused.problem(t!("Promise not added")))
    });
    view! {
        <section class="card setup-section" aria-labelledby="promises-heading" data-testid="promises-section">
            <h2 id="promises-heading" tabindex="-1">{t!("Promises")}</h2>
            <p class="hint">
                {move || t!(
                    "What marketing tells customers about an item, where, and the level it promises on the project's {scale} scale. \
                     The communication gap compares what customers experience with it.",
                    scale = scale.get()
                )}
            </p>
            <Show when=move || promises.with(Vec::is_empty)>
                <p class="empty" data-testid="no-promises">{t!("No promises yet.")}</p>
            </Show>
            <ul class="entry-list" data-testid="promise-list">
                <For each=move || promises.get().into_iter().enumerate()
                    key=|(index, promise)| content_key(*index, promise)
                    children=move |(index, promise)| view! {
                        <PromiseRow editor=editor project=project index=index promise=promise status=status />
                    } />
            </ul>
            <h3>{t!("Add a promise")}</h3>
            <PromiseForm project=project initial=PromiseInput::default() submit_label=t!("Add promise")
                testid="add-promise" on_submit=add />
            <p class="setup-status" role="status" data-testid="promises-status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn PromiseRow(editor: Editor, project: ProjectMemo, index: usize, promise: Promise, status: RwSignal<Option<String>>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let row = StoredValue::new(format!("[data-testid=\"promise-row\"][data-index=\"{index}\"]"));
    let initial = PromiseInput::of(&promise);
    let save = Callback::new(move |input: PromiseInput| {
        editor
            .apply(|p| p.edit_promise(index, &input))
            .map(|()| {
                status.set(Some(t!("Promise {n} saved.", n = index + 1)));
                focus_first(vec![format!("{} [data-testid=\"promise-edit\"]", row.get_value())]);
            })
            .map_err(|refused| refused.problem(t!("Promise not saved")))
    });
    let delete = move |_| match editor.apply(|p| p.remove_promise(index)) {
        Ok(removed) => {
            status.set(Some(t!("Promise \u{201c}{text}\u{201d} deleted.", text = removed.text)));
            focus_first(vec!["#promises-heading".into()]);
        }
        Err(refused) => problem.set(Some(refused.problem(t!("Promise not deleted")).text)),
    };
    let cancel_edit = Callback::new(move |()| {
        editing.set(false);
        focus_first(vec![format!("{} [data-testid=\"promise-edit\"]", row.get_value())]);
    });
    let facts = (promise.item.to_string(), promise.channel.label(), crate::ui::format::plain(promise.level));
    let text = promise.text.clone();
    view! {
        <li class="entry" data-testid="promise-row" data-index=index>
            <Show when=move || editing.get()
                fallback={
                    let text = text.clone();
                    let facts = facts.clone();
                    move || view! {
                        <div class="entry-main">
                            <p class="entry-text" data-testid="promise-text">{text.clone()}</p>
                            <ul class="entry-facts">
                                <li><span class="fact-label">{t!("Item")}" "</span><span data-testid="promise-item">{facts.0.clone()}</span></li>
                                <li><span class="fact-label">{t!("Channel")}" "</span><span data-testid="promise-channel">{facts.1}</span></li>
                                <li><span class="fact-label">{t!("Promised level")}" "</span><span data-testid="promise-level">{facts.2.clone()}</span></li>
                            </ul>
                        </div>
                        <div class="button-row">
                            <button type="button" data-testid="promise-edit" aria-label=t!("Edit promise {n}", n = index + 1)
                                on:click=move |_| editing.set(true)>{t!("Edit")}</button>
                            <button type="button" class="button-danger-quiet" data-testid="promise-delete"
                                aria-label=t!("Delete promise {n}", n = index + 1) on:click=delete>{t!("Delete")}</button>
                        </div>
                    }
                }>
                <PromiseForm project=project initial=initial.clone() submit_label=t!("Save") testid="edit-promise"
                    on_submit=save on_cancel=cancel_edit />
            </Show>
            <p class="field-problem" role="alert" data-testid="promise-row-problem">{move || problem.get()}</p>
        </li>
    }
}

/// Add or edit a promise.
#[component]
fn PromiseForm(
    project: ProjectMemo,
    initial: PromiseInput,
    submit_label: &'static str,
    /// `data-testid` of the form; its fields have fixed test ids inside it.
    testid: &'static str,
    /// Saves; `Ok` resets an add form.
    on_submit: Callback<PromiseInput, Result<(), Problem>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let adding = on_cancel.is_none();
    let draft = RwSignal::new(initial);
    let problem = RwSignal::new(None::<Problem>);
    let problem_id = unique_id("promise-problem");
    let scale = move || read(project, |p| p.scale).unwrap_or_default();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match on_submit.run(draft.get_untracked()) {
            Ok(()) => {
                problem.set(None);
                if adding {
                    draft.update(|d| {
                        d.text.clear();
                        d.level.clear();
                    });
                }
            }
            Err(refused) => problem.set(Some(refused)),
        }
    };
    let described = problem_id.clone();
    view! {
        <form class="entry-form promise-form" data-testid=testid on:submit=submit>
            <label>
                <span>{t!("Item")}</span>
                <select data-testid="promise-item-select" aria-invalid=invalid(problem, "item")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.item = event_target_value(&ev))>
                    {item_options(project, t!("(choose an item)"), move || option_value(draft.with(|d| d.item.clone())))}
                </select>
            </label>
            <label class="wide">
                <span>{t!("Promise")}</span>
                <input type="text" maxlength="300" autocomplete="off" placeholder=t!("e.g. Your room is ready at 2 pm, always")
                    data-testid="promise-text-input" aria-describedby=described.clone()
                    aria-invalid=invalid(problem, "promise text")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev)) />
            </label>
            <label>
                <span>{t!("Channel")}</span>
                <select data-testid="promise-channel-select"
                    on:change=move |ev| {
                        if let Some(channel) = Channel::parse(&event_target_value(&ev)) {
                            draft.update(|d| d.channel = channel);
                        }
                    }>
                    {channel_options(move || draft.with(|d| d.channel))}
                </select>
            </label>
            <label>
                <span>{move || t!("Promised level ({scale})", scale = scale())}</span>
                <input type="text" inputmode="decimal" maxlength="10" autocomplete="off" class="number-input"
                    data-testid="promise-level-input" aria-describedby=described
                    aria-invalid=invalid(problem, "promised level")
                    prop:value=move || draft.with(|d| d.level.clone())
                    on:input=move |ev| draft.update(|d| d.level = event_target_value(&ev)) />
            </label>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="promise-save">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="promise-cancel" on:click=move |_| cancel.run(())>{t!("Cancel")}</button>
                })}
            </div>
            <p id=problem_id class="field-problem wide" role="alert" data-testid="promise-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}
