//! Dimensions: the groups items belong to (reliability, responsiveness…).

use crate::model::journey::Step;
use crate::ui::format::plural;
use crate::ui::pages::editor::{focus_first, invalid, read, unique_id, Editor, Problem, ProjectMemo};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The dimensions: add, rename, reorder, remove.
#[component]
pub(super) fn DimensionsSection(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let codes = Memo::new(move |_| read(project, |p| p.dimensions.iter().map(|d| d.code.to_string()).collect::<Vec<_>>()).unwrap_or_default());
    let name = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let status = RwSignal::new(None::<String>);
    let problem_id = unique_id("new-dimension-problem");
    // A refusal is about the dimensions as they were: once they change, it no longer applies.
    Effect::new(move |_| {
        codes.track();
        problem.set(None);
    });
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        match editor.apply(|p| p.add_dimension(&code.get_untracked(), &name.get_untracked())) {
            Ok(added) => {
                problem.set(None);
                status.set(Some(t!(
                    "Dimension \u{201c}{name}\u{201d} added with the code {code}.",
                    name = name.get_untracked().trim(),
                    code = added
                )));
                name.set(String::new());
                code.set(String::new());
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Dimension not added")))),
        }
    };
    view! {
        <section class="card setup-section" aria-labelledby="dimensions-heading" data-testid="dimensions-section">
            <h2 id="dimensions-heading" tabindex="-1">{t!("Dimensions")}</h2>
            <p class="hint">
                {t!("The groups the items belong to. The analysis reports every dimension, and customers can give \
                     each one importance points. A dimension can only be removed once it has no items.")}
            </p>
            <Show when=move || codes.with(Vec::is_empty)>
                <p class="empty" data-testid="no-dimensions">{t!("No dimensions yet. Add one below, or start from a template.")}</p>
            </Show>
            <ol class="dimension-list" data-testid="dimension-list">
                <For each=move || codes.get() key=|code| code.clone()
                    children=move |code| view! { <DimensionRow editor=editor project=project code=code codes=codes status=status /> } />
            </ol>
            <form class="field-row add-dimension" on:submit=add data-testid="add-dimension-form" aria-label=t!("New dimension")>
                <label>
                    <span>{t!("New dimension")}</span>
                    <input type="text" maxlength="80" autocomplete="off" placeholder=t!("e.g. Value for money")
                        data-testid="new-dimension-name" aria-describedby=problem_id.clone()
                        aria-invalid=invalid(problem, "dimension name")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label class="code-field">
                    <span>{t!("Code (optional)")}</span>
                    <input type="text" maxlength="40" autocomplete="off" placeholder=t!("from the name")
                        data-testid="new-dimension-code" aria-describedby=problem_id.clone()
                        aria-invalid=invalid(problem, "dimension code")
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button-primary" data-testid="add-dimension">{t!("Add dimension")}</button>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="dimension-problem">{move || problem.get().map(|p| p.text)}</p>
            <p class="setup-status" role="status" data-testid="dimensions-status">{move || status.get()}</p>
        </section>
    }
}

/// One dimension: rename, move, remove.
#[component]
fn DimensionRow(editor: Editor, project: ProjectMemo, code: String, codes: Memo<Vec<String>>, status: RwSignal<Option<String>>) -> impl IntoView {
    let code = StoredValue::new(code);
    let stored_name = Memo::new(move |_| {
        read(project, |p| code.with_value(|c| p.dimensions.iter().find(|d| d.code.as_str() == c).map(|d| d.name.clone())))
            .flatten()
            .unwrap_or_default()
    });
    let items = Memo::new(move |_| read(project, |p| code.with_value(|c| p.items_in_dimension(c))).unwrap_or(0));
    let index = Memo::new(move |_| codes.with(|all| code.with_value(|c| all.iter().position(|x| x == c))).unwrap_or(0));
    let draft = RwSignal::new(stored_name.get_untracked());
    Effect::new(move |_| draft.set(stored_name.get()));
    let problem = RwSignal::new(None::<Problem>);
    let problem_id = unique_id("dimension-row-problem");
    // "Still has 6 items" no longer holds once the items change.
    Effect::new(move |_| {
        items.track();
        problem.set(None);
    });
    let row = move || code.with_value(|c| format!("[data-testid=\"dimension-row\"][data-code=\"{c}\"]"));

    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        match editor.apply(|p| p.rename_dimension(&code.get_value(), &draft.get_untracked())) {
            Ok(()) => {
                problem.set(None);
                status.set(Some(t!("Dimension renamed to \u{201c}{name}\u{201d}.", name = stored_name.get_untracked())));
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Dimension not renamed")))),
        }
    };
    let move_dimension = move |step: Step| match editor.apply(|p| p.move_dimension(&code.get_value(), step)) {
        Ok(to) => {
            problem.set(None);
            status.set(Some(t!("Dimension \u{201c}{name}\u{201d} is now number {n}.", name = stored_name.get_untracked(), n = to + 1)));
            let (same, other) = match step {
                Step::Up => ("dimension-up", "dimension-down"),
                Step::Down => ("dimension-down", "dimension-up"),
            };
            focus_first(vec![format!("{} [data-testid=\"{same}\"]:not(:disabled)", row()), format!("{} [data-testid=\"{other}\"]", row())]);
        }
        Err(refused) => problem.set(Some(refused.problem(t!("Dimension not moved")))),
    };
    let remove = move |_| {
        let name = stored_name.get_untracked();
        match editor.apply(|p| p.remove_dimension(&code.get_value())) {
            Ok(()) => {
                status.set(Some(t!("Dimension \u{201c}{name}\u{201d} removed.", name = name)));
                focus_first(vec!["#dimensions-heading".into()]);
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Dimension not removed")))),
        }
    };

    view! {
        <li class="dimension" data-testid="dimension-row" data-code=code.get_value()>
            <form class="dimension-head" on:submit=rename>
                <label class="dimension-name">
                    <span>{move || t!(
                        "Dimension {n} \u{00b7} code {code} \u{00b7} {items}",
                        n = index.get() + 1,
                        code = code.get_value(),
                        items = plural(items.get(), t!("1 item"), t!("{n} items"))
                    )}</span>
                    <input type="text" maxlength="80" autocomplete="off" data-testid="dimension-name"
                        aria-describedby=problem_id.clone() aria-invalid=invalid(problem, "dimension name")
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                </label>
                <div class="button-row stage-buttons">
                    <button type="submit" data-testid="dimension-rename"
                        aria-label=move || t!("Rename dimension {code}", code = code.get_value())>{t!("Rename")}</button>
                    <button type="button" data-testid="dimension-up" disabled=move || index.get() == 0
                        aria-label=move || t!("Move {name} up", name = stored_name.get())
                        on:click=move |_| move_dimension(Step::Up)>{t!("↑ Up")}</button>
                    <button type="button" data-testid="dimension-down" disabled=move || { index.get() + 1 >= codes.with(Vec::len) }
                        aria-label=move || t!("Move {name} down", name = stored_name.get())
                        on:click=move |_| move_dimension(Step::Down)>{t!("↓ Down")}</button>
                    <button type="button" class="button-danger-quiet" data-testid="dimension-remove"
                        aria-label=move || t!("Remove dimension {name}", name = stored_name.get())
                        on:click=remove>{t!("Remove")}</button>
                </div>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="dimension-row-problem">{move || problem.get().map(|p| p.text)}</p>
        </li>
    }
}
