//! The customer journey: stages with their touchpoints, and the owners per channel.

use crate::ui::pages::editor::{channel_options, focus_first, invalid, read, unique_id, Editor, Problem, ProjectMemo};
use crate::model::journey::{Step, TouchpointInput};
use crate::model::{Channel, Stage, Touchpoint};
use crate::ui::components::confirm::Confirm;
use crate::ui::format::count;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Stages with their touchpoints, and the owners per channel.
#[component]
pub(super) fn JourneySection(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let stage_count = Memo::new(move |_| read(project, |p| p.journey.stages.len()).unwrap_or(0));
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let status = RwSignal::new(None::<String>);
    let problem_id = unique_id("new-stage-problem");
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        match editor.apply(|p| p.add_stage(&name.get_untracked())) {
            Ok(index) => {
                problem.set(None);
                let added = project.with_untracked(|p| p.as_ref().map(|p| p.journey.stages[index].name.clone())).unwrap_or_default();
                status.set(Some(t!("Stage \u{201c}{name}\u{201d} added.", name = added)));
                name.set(String::new());
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Stage not added")))),
        }
    };
    view! {
        <section class="card setup-section" aria-labelledby="journey-heading" data-testid="journey-section">
            <h2 id="journey-heading" tabindex="-1">{t!("Customer journey")}</h2>
            <p class="hint">
                {t!("The steps a customer goes through, in order, and the touchpoints where they meet you.")}" "
                {t!("Mark the touchpoints where quality is made or lost as critical, and give each channel one owner.")}
            </p>
            <Show when=move || stage_count.get() == 0>
                <p class="empty" data-testid="no-stages">{t!("No stages yet. Add the first one below, e.g. \u{201c}Booking\u{201d}.")}</p>
            </Show>
            <ol class="stage-list" data-testid="stage-list">
                <For each=move || 0..stage_count.get() key=|index| *index
                    children=move |index| view! {
                        <StageRow editor=editor project=project index=index count=stage_count status=status />
                    } />
            </ol>
            <form class="field-row add-stage" on:submit=add data-testid="add-stage-form">
                <label>
                    <span>{t!("New stage")}</span>
                    <input type="text" maxlength="80" autocomplete="off" placeholder=t!("e.g. Booking")
                        data-testid="new-stage-name" aria-describedby=problem_id.clone()
                        aria-invalid=invalid(problem, "stage name")
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button-primary" data-testid="add-stage">{t!("Add stage")}</button>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="stage-problem">{move || problem.get().map(|p| p.text)}</p>
            <p class="setup-status" role="status" data-testid="journey-status">{move || status.get()}</p>
            <ChannelOwnersView project=project />
        </section>
    }
}

/// One stage: rename, move, delete, its touchpoints, and a form to add one.
#[component]
fn StageRow(
    editor: Editor,
    project: ProjectMemo,
    index: usize,
    count: Memo<usize>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let stage: Memo<Option<Stage>> = Memo::new(move |_| read(project, |p| p.journey.stages.get(index).cloned()).flatten());
    let stored_name = Memo::new(move |_| stage.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()));
    let codes = Memo::new(move |_| {
        stage.with(|s| s.as_ref().map(|s| s.touchpoints.iter().map(|t| t.code.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let draft = RwSignal::new(stored_name.get_untracked());
    Effect::new(move |_| draft.set(stored_name.get()));
    let problem = RwSignal::new(None::<Problem>);
    let confirming = RwSignal::new(false);
    let problem_id = unique_id("stage-problem");
    let row = format!("[data-testid=\"stage-row\"][data-index=\"{index}\"]");
    let row = StoredValue::new(row);

    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        match editor.apply(|p| p.rename_stage(index, &draft.get_untracked())) {
            Ok(()) => {
                problem.set(None);
                status.set(Some(t!("Stage renamed to \u{201c}{name}\u{201d}.", name = stored_name.get_untracked())));
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Stage not renamed")))),
        }
    };
    let move_stage = move |step: Step| {
        let name = stored_name.get_untracked();
        match editor.apply(|p| p.move_stage(index, step)) {
            Ok(to) => {
                problem.set(None);
                confirming.set(false);
                status.set(Some(t!("Stage \u{201c}{name}\u{201d} is now number {n}.", name = name, n = to + 1)));
                let (same, other) = match step {
                    Step::Up => ("stage-up", "stage-down"),
                    Step::Down => ("stage-down", "stage-up"),
                };
                let at = |button: &str| {
                    format!("[data-testid=\"stage-row\"][data-index=\"{to}\"] [data-testid=\"{button}\"]:not(:disabled)")
                };
                focus_first(vec![at(same), at(other)]);
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Stage not moved")))),
        }
    };
    let delete = move || {
        let name = stored_name.get_untracked();
        match editor.apply(|p| p.remove_stage(index)) {
            Ok(links) => {
                problem.set(None);
                confirming.set(false);
                let deleted = t!("Stage \u{201c}{name}\u{201d} deleted.", name = name);
                let unlinked = if links.is_empty() {
                    String::new()
                } else {
                    format!(" {}", t!("{links} no longer point to a touchpoint; they are kept.", links = links))
                };
                status.set(Some(deleted + &unlinked));
                focus_first(vec!["#journey-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem(t!("Stage not deleted"))));
            }
        }
    };
    let ask_delete = move |_| {
        if codes.with_untracked(Vec::is_empty) {
            delete();
        } else {
            confirming.set(true);
        }
    };
    let question = move || {
        let touchpoints = codes.get();
        let links = read(project, |p| p.touchpoint_links(&touchpoints.iter().map(String::as_str).collect::<Vec<_>>()))
            .unwrap_or_default();
        let count = touchpoints.len();
        let name = stored_name.get();
        let mut text = if count == 1 {
            t!("Delete the stage \u{201c}{name}\u{201d} and its 1 touchpoint?", name = name)
        } else {
            t!("Delete the stage \u{201c}{name}\u{201d} and its {n} touchpoints?", name = name, n = count)
        };
        if !links.is_empty() {
            text.push(' ');
            text.push_str(&t!("{links} will no longer point to a touchpoint; they are kept.", links = links));
        }
        text
    };

    view! {
        <li class="stage" data-testid="stage-row" data-index=index>
            <form class="stage-head" on:submit=rename>
                <label class="stage-name">
                    <span>{t!("Stage {n}", n = index + 1)}</span>
                    <input type="text" maxlength="80" autocomplete="off" data-testid="stage-name"
                        aria-describedby=problem_id.clone() aria-invalid=invalid(problem, "stage name")
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                </label>
                <div class="button-row stage-buttons">
                    <button type="submit" data-testid="stage-rename"
                        aria-label=move || t!("Rename stage {n}", n = index + 1)>{t!("Rename")}</button>
                    <button type="button" data-testid="stage-up" disabled=move || index == 0
                        aria-label=move || t!("Move {name} up", name = stored_name.get())
                        on:click=move |_| move_stage(Step::Up)>"↑ "{t!("Up")}</button>
                    <button type="button" data-testid="stage-down" disabled=move || { index + 1 >= count.get() }
                        aria-label=move || t!("Move {name} down", name = stored_name.get())
                        on:click=move |_| move_stage(Step::Down)>"↓ "{t!("Down")}</button>
                    <button type="button" class="button-danger-quiet" data-testid="stage-delete"
                        aria-label=move || t!("Delete stage {name}", name = stored_name.get())
                        on:click=ask_delete>{t!("Delete")}</button>
                </div>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="stage-row-problem">{move || problem.get().map(|p| p.text)}</p>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label=t!("Delete stage")
                    on_confirm=Callback::new(move |()| delete())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"stage-delete\"]", row.get_value())]);
                    }) />
            })}
            <Show when=move || codes.with(Vec::is_empty)>
                <p class="hint" data-testid="no-touchpoints">{t!("No touchpoints in this stage yet.")}</p>
            </Show>
            <ul class="touchpoint-list" aria-label=move || t!("Touchpoints of {name}", name = stored_name.get())>
                <For each=move || codes.get() key=|code| code.clone()
                    children=move |code| view! {
                        <TouchpointRow editor=editor project=project code=code status=status />
                    } />
            </ul>
            <AddTouchpoint editor=editor project=project stage=index status=status />
        </li>
    }
}

fn touchpoint_input(touchpoint: &Touchpoint) -> TouchpointInput {
    TouchpointInput {
        name: touchpoint.name.clone(),
        channel: touchpoint.channel,
        critical: touchpoint.critical,
        owner: touchpoint.owner.clone(),
    }
}

/// The fields of a touchpoint, shared by the row editor and the add form.
#[component]
fn TouchpointFields(draft: RwSignal<TouchpointInput>, problem: RwSignal<Option<Problem>>, describedby: String, #[prop(optional)] name_ref: NodeRef<leptos::html::Input>, prefix: &'static str) -> impl IntoView {
    view! {
        <label class="tp-name">
            <span>{t!("Touchpoint")}</span>
            <input type="text" maxlength="80" autocomplete="off" node_ref=name_ref data-testid=format!("{prefix}touchpoint-name")
                aria-describedby=describedby.clone() aria-invalid=invalid(problem, "touchpoint name")
                prop:value=move || draft.with(|d| d.name.clone())
                on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) />
        </label>
        <label class="tp-channel">
            <span>{t!("Channel")}</span>
            <select data-testid=format!("{prefix}touchpoint-channel")
                on:change=move |ev| {
                    if let Some(channel) = Channel::parse(&event_target_value(&ev)) {
                        draft.update(|d| d.channel = channel);
                    }
                }>
                {channel_options(move || draft.with(|d| d.channel))}
            </select>
        </label>
        <label class="tp-owner">
            <span>{t!("Owner")}</span>
            <input type="text" maxlength="80" autocomplete="off" data-testid=format!("{prefix}touchpoint-owner")
                aria-describedby=describedby aria-invalid=invalid(problem, "owner")
                prop:value=move || draft.with(|d| d.owner.clone())
                on:input=move |ev| draft.update(|d| d.owner = event_target_value(&ev)) />
        </label>
        <label class="tp-critical checkbox">
            <input type="checkbox" data-testid=format!("{prefix}touchpoint-critical")
                prop:checked=move || draft.with(|d| d.critical)
                on:change=move |ev| draft.update(|d| d.critical = event_target_checked(&ev)) />
            <span>{t!("Critical")}</span>
        </label>
    }
}

/// One touchpoint, editable in place.
#[component]
fn TouchpointRow(editor: Editor, project: ProjectMemo, code: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let code = StoredValue::new(code);
    let touchpoint = Memo::new(move |_| read(project, |p| code.with_value(|c| p.journey.touchpoint(c).cloned())).flatten());
    let stored = Memo::new(move |_| touchpoint.with(|t| t.as_ref().map(touchpoint_input)));
    let draft = RwSignal::new(stored.get_untracked().unwrap_or_default());
    Effect::new(move |_| {
        if let Some(input) = stored.get() {
            draft.set(input);
        }
    });
    let dirty = move || stored.with(|s| s.as_ref() != Some(&draft.get()));
    let problem = RwSignal::new(None::<Problem>);
    let confirming = RwSignal::new(false);
    let problem_id = unique_id("touchpoint-problem");
    let stored_name = move || stored.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default());

    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        match editor.apply(|p| p.edit_touchpoint(&code.get_value(), &draft.get_untracked())) {
            Ok(()) => {
                problem.set(None);
                status.set(Some(t!("Touchpoint \u{201c}{name}\u{201d} saved.", name = untrack(stored_name))));
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Touchpoint not saved")))),
        }
    };
    let links = move || read(project, |p| code.with_value(|c| p.touchpoint_links(&[c.as_str()]))).unwrap_or_default();
    let delete = move || {
        let name = untrack(stored_name);
        match editor.apply(|p| p.remove_touchpoint(&code.get_value())) {
            Ok(links) => {
                confirming.set(false);
                let deleted = t!("Touchpoint \u{201c}{name}\u{201d} deleted.", name = name);
                let unlinked = if links.is_empty() {
                    String::new()
                } else {
                    format!(" {}", t!("{links} no longer point to it; they are kept.", links = links))
                };
                status.set(Some(deleted + &unlinked));
                focus_first(vec!["#journey-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem(t!("Touchpoint not deleted"))));
            }
        }
    };
    let ask_delete = move |_| {
        if untrack(links).is_empty() {
            delete();
        } else {
            confirming.set(true);
        }
    };
    let row = move || code.with_value(|c| format!("[data-testid=\"touchpoint-row\"][data-code=\"{c}\"]"));

    view! {
        <li class="touchpoint" class:dirty=dirty data-testid="touchpoint-row" data-code=code.get_value()>
            <form class="touchpoint-form" on:submit=save>
                <TouchpointFields draft=draft problem=problem describedby=problem_id.clone() prefix="" />
                <div class="button-row tp-buttons">
                    <button type="submit" data-testid="touchpoint-save"
                        aria-label=move || t!("Save touchpoint {name}", name = stored_name())>{t!("Save")}</button>
                    <button type="button" class="button-danger-quiet" data-testid="touchpoint-delete"
                        aria-label=move || t!("Delete touchpoint {name}", name = stored_name())
                        on:click=ask_delete>{t!("Delete")}</button>
                    <Show when=dirty>
                        <span class="unsaved" data-testid="touchpoint-unsaved">{t!("Unsaved changes")}</span>
                    </Show>
                </div>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="touchpoint-problem">{move || problem.get().map(|p| p.text)}</p>
            {move || confirming.get().then(|| view! {
                <Confirm
                    question=t!(
                        "Delete the touchpoint \u{201c}{name}\u{201d}? {links} will no longer point to it; they are kept.",
                        name = stored_name(),
                        links = links()
                    )
                    confirm_label=t!("Delete touchpoint")
                    on_confirm=Callback::new(move |()| delete())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"touchpoint-delete\"]", row())]);
                    }) />
            })}
        </li>
    }
}

/// The form that adds a touchpoint to a stage.
#[component]
fn AddTouchpoint(editor: Editor, project: ProjectMemo, stage: usize, status: RwSignal<Option<String>>) -> impl IntoView {
    let fresh = || TouchpointInput { channel: Channel::Web, ..TouchpointInput::default() };
    let draft = RwSignal::new(fresh());
    let problem = RwSignal::new(None::<Problem>);
    let problem_id = unique_id("new-touchpoint-problem");
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let stage_name = move || read(project, |p| p.journey.stages.get(stage).map(|s| s.name.clone())).flatten().unwrap_or_default();
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = draft.get_untracked();
        match editor.apply(|p| p.add_touchpoint(stage, &input)) {
            Ok(_) => {
                problem.set(None);
                status.set(Some(t!(
                    "Touchpoint \u{201c}{name}\u{201d} added to \u{201c}{stage}\u{201d}.",
                    name = input.name.trim(),
                    stage = untrack(stage_name)
                )));
                draft.set(fresh());
                if let Some(input) = name_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Err(refused) => problem.set(Some(refused.problem(t!("Touchpoint not added")))),
        }
    };
    view! {
        <form class="touchpoint-form add-touchpoint" on:submit=add data-testid="add-touchpoint-form"
            aria-label=move || t!("New touchpoint in {stage}", stage = stage_name())>
            <TouchpointFields draft=draft problem=problem describedby=problem_id.clone() name_ref=name_ref prefix="new-" />
            <div class="button-row tp-buttons">
                <button type="submit" data-testid="add-touchpoint">{t!("Add touchpoint")}</button>
            </div>
            <p id=problem_id class="field-problem tp-problem" role="alert" data-testid="new-touchpoint-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}

/// Who owns each channel, with a warning where a channel has several owners.
#[component]
fn ChannelOwnersView(project: ProjectMemo) -> impl IntoView {
    let owners = Memo::new(move |_| read(project, |p| p.journey.channel_owners()).unwrap_or_default());
    view! {
        <Show when=move || owners.with(|o| !o.is_empty())>
            <h3 id="owners-heading">{t!("Owners per channel")}</h3>
            <p class="hint">{t!("Each channel should have one owner, so it is clear who answers for it.")}</p>
            <div class="table-scroll">
                <table class="data-table channel-owners" data-testid="channel-owners" aria-labelledby="owners-heading">
                    <thead><tr>
                        <th scope="col">{t!("Channel")}</th><th scope="col">{t!("Owner")}</th><th scope="col" class="num">{t!("Touchpoints")}</th>
                    </tr></thead>
                    <tbody>
                        {move || owners.get().into_iter().map(|row| {
                            let several = row.has_several_owners();
                            let mut who = row.owners.join(", ");
                            if row.unowned > 0 {
                                if !who.is_empty() {
                                    who.push_str("; ");
                                }
                                who.push_str(&t!("{n} without an owner", n = count(row.unowned)));
                            }
                            view! {
                                <tr data-testid="channel-owner-row" data-channel=row.channel.as_str() class:several=several>
                                    <th scope="row">{row.channel.label()}</th>
                                    <td data-testid="channel-owner">{who}</td>
                                    <td class="num">{count(row.touchpoints)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || owners.get().into_iter().filter(|o| o.has_several_owners()).map(|o| {
                let names = match o.owners.split_last() {
                    Some((last, rest)) if !rest.is_empty() => t!("{list} and {last}", list = rest.join(", "), last = last),
                    _ => o.owners.join(""),
                };
                view! {
                    <p class="setup-warning" data-testid="channel-owner-warning" data-channel=o.channel.as_str()>
                        <span aria-hidden="true">"⚠ "</span>
                        {t!(
                            "The {channel} channel has {n} owners: {names}. One owner per channel makes it clear who answers for it; consider agreeing on one.",
                            channel = o.channel.label().to_lowercase(),
                            n = count(o.owners.len()),
                            names = names
                        )}
                    </p>
                }
            }).collect_view()}
        </Show>
    }
}
