//! The items customers rate: add, edit, reorder, remove.

use crate::model::items::ItemInput;
use crate::model::journey::Step;
use crate::ui::components::confirm::Confirm;
use crate::ui::format::plural;
use crate::ui::pages::editor::{focus_first, invalid, read, unique_id, Editor, Problem, ProjectMemo};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// "1 response" / "3 responses".
fn responses(n: usize) -> String {
    plural(n, t!("1 response"), t!("{n} responses"))
}

/// "1 standard" / "3 standards".
fn standards(n: usize) -> String {
    plural(n, t!("1 standard"), t!("{n} standards"))
}

/// The items: add, edit, reorder, remove.
#[component]
pub(super) fn ItemsSection(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let codes = Memo::new(move |_| read(project, |p| p.items.iter().map(|i| i.code.to_string()).collect::<Vec<_>>()).unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    let draft = RwSignal::new(ItemInput::default());
    let problem = RwSignal::new(None::<Problem>);
    let add = Callback::new(move |()| {
        let input = draft.get_untracked();
        match editor.apply(|p| p.add_item(&input)) {
            Ok(answers) => {
                problem.set(None);
                let code = input.code.trim();
                status.set(Some(if answers == 0 {
                    t!("Item {code} added.", code = code)
                } else {
                    t!(
                        "Item {code} added. Stored answers from {responses} carry this code and count again.",
                        code = code,
                        responses = responses(answers)
                    )
                }));
                // Keep the dimension: items are usually added to one dimension in a row.
                draft.set(ItemInput { dimension: input.dimension, ..ItemInput::default() });
                focus_first(vec!["[data-testid=\"add-item-form\"] [data-testid=\"item-code-input\"]".into()]);
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Item not added")))),
        }
    });
    view! {
        <section class="card setup-section" aria-labelledby="items-heading" data-testid="items-section">
            <h2 id="items-heading" tabindex="-1">{t!("Items")}</h2>
            <p class="hint">
                {t!("The statements customers rate, in the order the survey asks them. The code names the item's \
                     columns in CSV files, so it cannot change once answers are stored. Removing an item keeps its \
                     stored answers, but they are no longer analysed.")}
            </p>
            <Show when=move || codes.with(Vec::is_empty)>
                <p class="empty" data-testid="no-items">{t!("No items yet. Add one below, or start from a template.")}</p>
            </Show>
            <ol class="item-list" data-testid="item-list">
                <For each=move || codes.get() key=|code| code.clone()
                    children=move |code| view! { <ItemRow editor=editor project=project code=code codes=codes status=status /> } />
            </ol>
            <h3>{t!("Add an item")}</h3>
            <ItemForm project=project draft=draft problem=problem answers=Signal::stored(0)
                submit_label=t!("Add item") testid="add-item-form" on_submit=add />
            <p class="setup-status" role="status" data-testid="items-status">{move || status.get()}</p>
        </section>
    }
}

/// One item: shown, or edited in place.
#[component]
fn ItemRow(editor: Editor, project: ProjectMemo, code: String, codes: Memo<Vec<String>>, status: RwSignal<Option<String>>) -> impl IntoView {
    let code = StoredValue::new(code);
    let item = Memo::new(move |_| {
        read(project, |p| {
            code.with_value(|c| {
                p.item(c).map(|i| {
                    let dimension = p.dimension(&i.dimension).map_or_else(|| i.dimension.to_string(), |d| d.name.clone());
                    (ItemInput { code: i.code.to_string(), dimension: i.dimension.to_string(), text: i.text.clone() }, dimension)
                })
            })
        })
        .flatten()
    });
    let answers = Memo::new(move |_| read(project, |p| code.with_value(|c| p.answer_count(c))).unwrap_or(0));
    let index = Memo::new(move |_| codes.with(|all| code.with_value(|c| all.iter().position(|x| x == c))).unwrap_or(0));
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(ItemInput::default());
    let problem = RwSignal::new(None::<Problem>);
    let row_problem = RwSignal::new(None::<Problem>);
    let row = move || code.with_value(|c| format!("[data-testid=\"item-row\"][data-code=\"{c}\"]"));
    let text = move || item.with(|i| i.as_ref().map(|(input, _)| input.text.clone()).unwrap_or_default());

    let start_edit = move |_| {
        if let Some((input, _)) = item.get_untracked() {
            draft.set(input);
        }
        problem.set(None);
        confirming.set(false);
        editing.set(true);
        focus_first(vec![format!("{} [data-testid=\"item-text-input\"]", row())]);
    };
    let save = Callback::new(move |()| {
        let input = draft.get_untracked();
        match editor.apply(|p| p.edit_item(&code.get_value(), &input)) {
            Ok(()) => {
                problem.set(None);
                editing.set(false);
                status.set(Some(t!("Item {code} saved.", code = input.code.trim())));
                focus_first(vec![format!("[data-testid=\"item-row\"][data-code=\"{}\"] [data-testid=\"item-edit\"]", input.code.trim())]);
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Item not saved")))),
        }
    });
    let cancel = Callback::new(move |()| {
        editing.set(false);
        focus_first(vec![format!("{} [data-testid=\"item-edit\"]", row())]);
    });
    let move_item = move |step: Step| match editor.apply(|p| p.move_item(&code.get_value(), step)) {
        Ok(to) => {
            row_problem.set(None);
            status.set(Some(t!("Item {code} is now number {n}.", code = code.get_value(), n = to + 1)));
            let (same, other) = match step {
                Step::Up => ("item-up", "item-down"),
                Step::Down => ("item-down", "item-up"),
            };
            focus_first(vec![format!("{} [data-testid=\"{same}\"]:not(:disabled)", row()), format!("{} [data-testid=\"{other}\"]", row())]);
        }
        Err(refused) => row_problem.set(Some(refused.problem(t!("Item not moved")))),
    };
    let remove = move || match editor.apply(|p| p.remove_item(&code.get_value())) {
        Ok(removal) => {
            confirming.set(false);
            let mut text = t!("Item {code} removed.", code = code.get_value());
            if removal.answers > 0 {
                text.push(' ');
                text.push_str(&t!(
                    "Its answers from {responses} are kept but no longer analysed.",
                    responses = responses(removal.answers)
                ));
            }
            if removal.standards > 0 {
                text.push(' ');
                text.push_str(&plural(removal.standards, t!("1 standard no longer names it."), t!("{n} standards no longer name it.")));
            }
            status.set(Some(text));
            focus_first(vec!["#items-heading".into()]);
        }
        Err(refused) => {
            confirming.set(false);
            row_problem.set(Some(refused.problem(t!("Item not removed"))));
        }
    };
    let question = move || {
        let c = code.get_value();
        let removal = read(project, |p| p.item_removal(&c)).unwrap_or_default();
        let mut text = t!("Remove the item {code} \u{201c}{text}\u{201d}?", code = c, text = text());
        text.push(' ');
        if removal.answers > 0 {
            text.push_str(&t!(
                "Answers from {responses} are stored for it: they are kept, but no longer analysed. Adding an item with the code {code} again brings them back.",
                responses = responses(removal.answers),
                code = c
            ));
        } else {
            text.push_str(t!("Nobody has answered it yet."));
        }
        if removal.standards > 0 {
            text.push(' ');
            text.push_str(&t!("{standards} will no longer name it; they are kept.", standards = standards(removal.standards)));
        }
        text
    };

    view! {
        <li class="item-row" data-testid="item-row" data-code=code.get_value()>
            <Show when=move || editing.get()
                fallback=move || view! {
                    <div class="item-main">
                        <span class="item-number" aria-hidden="true">{move || format!("{}.", index.get() + 1)}</span>
                        <span class="code" data-testid="item-code">{code.get_value()}</span>
                        <span class="item-text" data-testid="item-text">{text}</span>
                        <span class="item-facts">
                            <span data-testid="item-dimension">{move || item.with(|i| i.as_ref().map(|(_, d)| d.clone()))}</span>
                            {move || (answers.get() > 0).then(|| view! {
                                <span class="muted" data-testid="item-answers">" \u{00b7} "{t!("answered by {responses}", responses = responses(answers.get()))}</span>
                            })}
                        </span>
                    </div>
                    <div class="button-row item-buttons">
                        <button type="button" data-testid="item-edit"
                            aria-label=move || t!("Edit item {code}", code = code.get_value()) on:click=start_edit>{t!("Edit")}</button>
                        <button type="button" data-testid="item-up" disabled=move || index.get() == 0
                            aria-label=move || t!("Move {name} up", name = code.get_value())
                            on:click=move |_| move_item(Step::Up)>"↑"</button>
                        <button type="button" data-testid="item-down" disabled=move || { index.get() + 1 >= codes.with(Vec::len) }
                            aria-label=move || t!("Move {name} down", name = code.get_value())
                            on:click=move |_| move_item(Step::Down)>"↓"</button>
                        <button type="button" class="button-danger-quiet" data-testid="item-remove"
                            aria-label=move || t!("Remove item {code}", code = code.get_value())
                            on:click=move |_| { row_problem.set(None); confirming.set(true); }>{t!("Remove")}</button>
                    </div>
                }>
                <ItemForm project=project draft=draft problem=problem answers=Signal::from(answers)
                    submit_label=t!("Save") testid="edit-item-form" on_submit=save on_cancel=cancel />
            </Show>
            <p class="field-problem" role="alert" data-testid="item-row-problem">{move || row_problem.get().map(|p| p.text)}</p>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label=t!("Remove item")
                    on_confirm=Callback::new(move |()| remove())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"item-remove\"]", row())]);
                    }) />
            })}
        </li>
    }
}

/// Add or edit an item: code, dimension, text.
#[component]
fn ItemForm(
    project: ProjectMemo,
    draft: RwSignal<ItemInput>,
    problem: RwSignal<Option<Problem>>,
    /// Responses that answered the item: its code is then fixed.
    answers: Signal<usize>,
    submit_label: &'static str,
    testid: &'static str,
    on_submit: Callback<()>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let problem_id = unique_id("item-problem");
    let code_hint_id = unique_id("item-code-hint");
    let dimensions = Memo::new(move |_| {
        read(project, |p| p.dimensions.iter().map(|d| (d.code.to_string(), d.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form class="entry-form item-form" data-testid=testid on:submit=submit>
            <label class="item-code-field">
                <span>{t!("Code")}</span>
                <input type="text" maxlength="40" autocomplete="off" placeholder=t!("e.g. VAL1") data-testid="item-code-input"
                    readonly=move || { answers.get() > 0 }
                    aria-describedby=format!("{code_hint_id} {problem_id}")
                    aria-invalid=invalid(problem, "item code")
                    prop:value=move || draft.with(|d| d.code.clone())
                    on:input=move |ev| draft.update(|d| d.code = event_target_value(&ev)) />
                <span id=code_hint_id.clone() class="choice-hint">
                    {move || if answers.get() > 0 {
                        t!("Fixed: answers are stored under this code.")
                    } else {
                        t!("Letters and digits; names the CSV columns.")
                    }}
                </span>
            </label>
            <label>
                <span>{t!("Dimension")}</span>
                <select data-testid="item-dimension-select" aria-describedby=problem_id.clone()
                    aria-invalid=invalid(problem, "dimension")
                    on:change=move |ev| draft.update(|d| d.dimension = event_target_value(&ev))>
                    <option value="" prop:selected=move || draft.with(|d| d.dimension.is_empty())>{t!("Choose a dimension")}</option>
                    {move || dimensions.get().into_iter().map(|(code, name)| {
                        let selected = code.clone();
                        view! { <option value=code prop:selected=move || draft.with(|d| d.dimension == selected)>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="wide">
                <span>{t!("Statement customers rate")}</span>
                <textarea rows="2" maxlength="300" data-testid="item-text-input" aria-describedby=problem_id.clone()
                    aria-invalid=invalid(problem, "item text")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))></textarea>
            </label>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="item-save">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="item-cancel" on:click=move |_| cancel.run(())>{t!("Cancel")}</button>
                })}
            </div>
            <p id=problem_id class="field-problem wide" role="alert" data-testid="item-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}
