//! Items and touchpoints: which touchpoint each item is about.

use crate::ui::pages::editor::{option_value, read, touchpoint_options, unique_id, Editor, Problem, ProjectMemo, TouchpointGroups};
use leptos::prelude::*;

/// Which touchpoint each item is about.
#[component]
pub(super) fn ItemLinks(editor: Editor, project: ProjectMemo, groups: TouchpointGroups) -> impl IntoView {
    let codes = Memo::new(move |_| read(project, |p| p.items.iter().map(|i| i.code.to_string()).collect::<Vec<_>>()).unwrap_or_default());
    let has_touchpoints = Memo::new(move |_| groups.with(|g| g.iter().any(|(_, t)| !t.is_empty())));
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="card setup-section" aria-labelledby="links-heading" data-testid="links-section">
            <h2 id="links-heading">{t!("Items and touchpoints")}</h2>
            <p class="hint">{t!("Link each item to the touchpoint it is about; the journey view then shows the gap per touchpoint and stage.")}</p>
            <Show when=move || has_touchpoints.get()
                fallback=|| view! { <p class="empty" data-testid="no-touchpoints-for-items">{t!("Add touchpoints to the journey above to link items to them.")}</p> }>
                <Show when=move || codes.with(|c| !c.is_empty())
                    fallback=|| view! { <p class="empty" data-testid="no-items">{t!("This project has no items yet.")}</p> }>
                    <div class="table-scroll">
                        <table class="data-table item-links" data-testid="item-links">
                            <thead><tr>
                                <th scope="col">{t!("Code")}</th><th scope="col">{t!("Item")}</th><th scope="col">{t!("Touchpoint")}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || codes.get() key=|code| code.clone()
                                    children=move |code| view! {
                                        <ItemLinkRow editor=editor project=project groups=groups code=code status=status />
                                    } />
                            </tbody>
                        </table>
                    </div>
                </Show>
            </Show>
            <p class="setup-status" role="status" data-testid="links-status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn ItemLinkRow(editor: Editor, project: ProjectMemo, groups: TouchpointGroups, code: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let code = StoredValue::new(code);
    let item = Memo::new(move |_| read(project, |p| code.with_value(|c| p.item(c).map(|i| (i.text.clone(), i.touchpoint.clone())))).flatten());
    let stored = Memo::new(move |_| item.with(|i| i.as_ref().and_then(|(_, t)| t.clone())));
    let shown = RwSignal::new(stored.get_untracked());
    Effect::new(move |_| shown.set(stored.get()));
    let problem = RwSignal::new(None::<Problem>);
    let problem_id = unique_id("link-problem");
    let select_id = unique_id("link");
    let change = move |ev: leptos::ev::Event| {
        let touchpoint = option_value(event_target_value(&ev));
        match editor.apply(|p| p.set_item_touchpoint(&code.get_value(), touchpoint.as_deref())) {
            Ok(()) => {
                problem.set(None);
                let name = touchpoint
                    .as_deref()
                    .and_then(|t| untrack(|| read(project, |p| p.journey.touchpoint(t).map(|t| t.name.clone()))).flatten());
                status.set(Some(match name {
                    Some(name) => t!("{code} linked to \u{201c}{name}\u{201d}.", code = code.get_value(), name = name),
                    None => t!("{code} is not linked to a touchpoint.", code = code.get_value()),
                }));
            }
            Err(refused) => {
                shown.set(stored.get_untracked());
                problem.set(Some(refused.problem(t!("Link not changed"))));
            }
        }
    };
    view! {
        <tr data-testid="item-link-row" data-code=code.get_value()>
            <td class="code">{code.get_value()}</td>
            <td class="item-link-text">{move || item.with(|i| i.as_ref().map(|(text, _)| text.clone()))}</td>
            <td>
                <label class="visually-hidden" for=select_id.clone()>{move || t!("Touchpoint of {code}", code = code.get_value())}</label>
                <select id=select_id data-testid="item-touchpoint" aria-describedby=problem_id.clone() on:change=change>
                    {touchpoint_options(groups, move || shown.get())}
                </select>
                <p id=problem_id class="field-problem" role="alert" data-testid="item-link-problem">{move || problem.get().map(|p| p.text)}</p>
            </td>
        </tr>
    }
}
