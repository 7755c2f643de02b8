//! Setup: the survey type (E and P, or perception only), the customer journey, which item
//! belongs to which touchpoint, standards with KPI targets, and marketing promises.
//!
//! Every change goes through [`Editor::apply`]: the validated change is made on a copy of the
//! project in the model (`impl Project` in `model::journey` and `model::standards`), saved
//! at the page's revision, and only then shown. A refused change leaves storage and page as
//! they were and says why next to the form, naming the field.

use crate::model::journey::{SetupError, Step, TouchpointInput};
use crate::model::standards::{PromiseInput, StandardInput};
use crate::model::{Channel, Direction, Project, ProjectId, Promise, Stage, Standard, Touchpoint};
use crate::storage::{Loaded, StorageError};
use crate::ui::components::confirm::Confirm;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use wasm_bindgen::JsCast;

/// The page's copy of the project; `None` while it cannot be read.
type ProjectMemo = Memo<Option<Project>>;
/// The touchpoints by stage, for selects: (stage name, [(code, touchpoint name)]).
type TouchpointGroups = Memo<Vec<(String, Vec<(String, String)>)>>;

/// Reads from the page's project; `None` when it is not loaded.
fn read<T>(project: ProjectMemo, f: impl FnOnce(&Project) -> T) -> Option<T> {
    project.with(|p| p.as_ref().map(f))
}

/// A message about a refused change, and the field it is about (for `aria-invalid`).
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    field: Option<&'static str>,
    text: String,
}

/// Why a change was not made.
enum Refused {
    /// The model refused the input.
    Invalid(SetupError),
    /// The input was fine but could not be saved.
    Storage(StorageError),
    /// The project is not loaded.
    NotLoaded,
}

impl Refused {
    /// "Stage not added: the stage name must not be empty."
    fn problem(&self, what: &str) -> Problem {
        match self {
            Refused::Invalid(error) => Problem { field: error.field(), text: format!("{what}: {error}.") },
            Refused::Storage(error) => Problem { field: None, text: format!("{what}. {error}") },
            Refused::NotLoaded => Problem { field: None, text: format!("{what}: the project is not loaded.") },
        }
    }
}

/// Applies validated changes to the project and saves them.
#[derive(Clone, Copy)]
struct Editor {
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
}

impl Editor {
    /// Makes `change` on a copy of the project and saves it at the page's revision; the
    /// page's copy follows only once storage has the change. On any error nothing changes.
    fn apply<T>(&self, change: impl FnOnce(&mut Project) -> Result<T, SetupError>) -> Result<T, Refused> {
        let Some(current) = self.loaded.get_untracked() else { return Err(Refused::NotLoaded) };
        let mut project = current.project;
        let value = change(&mut project).map_err(Refused::Invalid)?;
        let revision = self.state.save(&project, Some(current.revision)).map_err(Refused::Storage)?;
        self.loaded.set(Some(Loaded { project, revision }));
        Ok(value)
    }
}

/// An id for `aria-describedby`, unique on the page.
fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// After the next render, focuses the first element matching one of `selectors`: keyboard
/// users keep their place when the element they used is re-created or disabled.
fn focus_first(selectors: Vec<String>) {
    request_animation_frame(move || {
        let document = document();
        for selector in &selectors {
            let found = document.query_selector(selector).ok().flatten();
            if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// `Some("true")` when `problem` is about `field`.
fn invalid(problem: RwSignal<Option<Problem>>, field: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    move || problem.with(|p| p.as_ref().is_some_and(|p| p.field == Some(field))).then_some("true")
}

/// Shortens long item texts for a select.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>().trim_end())
    }
}

/// The Setup page.
#[component]
pub fn SetupPage(id: ProjectId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id);
    let editor = Editor { state, loaded };
    let project: ProjectMemo = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| l.project.clone())));
    let is_loaded = Memo::new(move |_| loaded.with(Option::is_some));
    let groups: TouchpointGroups = Memo::new(move |_| {
        read(project, |p| {
            p.journey
                .stages
                .iter()
                .map(|s| (s.name.clone(), s.touchpoints.iter().map(|t| (t.code.clone(), t.name.clone())).collect()))
                .collect()
        })
        .unwrap_or_default()
    });

    view! {
        <section class="page setup-page">
            <h1>"Setup"</h1>
            <Show when=move || is_loaded.get()
                fallback=|| view! {
                    <p class="empty" data-testid="setup-not-loaded">
                        "This project could not be opened. " <a href=Route::Projects.href()>"Back to the projects"</a>
                    </p>
                }>
                <p class="lead">
                    "What the survey asks, the journey your customers take, and what the business has set "
                    "itself (standards) and promised (marketing). The analysis uses all of it."
                </p>
                <SurveyType editor=editor project=project />
                <JourneySection editor=editor project=project />
                <ItemLinks editor=editor project=project groups=groups />
                <StandardsSection editor=editor project=project groups=groups />
                <PromisesSection editor=editor project=project />
            </Show>
        </section>
    }
}

// ---- Survey type ----

const EP_TEXT: &str = "Customers rate, for each item, what they expect (E) and what they got (P). \
    Every gap is computed, including the perception gap P − E (gap 5) and the knowledge gap \
    (management's estimate M against customers' E, gap 1).";
const PERCEPTION_ONLY_TEXT: &str = "Customers rate only what they got (P): a shorter questionnaire. \
    Gaps that need expectations are then not computed: the perception gap P − E (gap 5) and the \
    knowledge gap (gap 1). The communication gap (P against promises), the experience gap (P \
    against management's S), standards and delivery are still computed. Expectation answers \
    already stored are kept, so switching back shows those gaps again.";

/// The survey type switch: E and P, or perception only (SERVPERF).
#[component]
fn SurveyType(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let stored = Memo::new(move |_| read(project, |p| p.perception_only).unwrap_or(false));
    // What the radios show; set back to the stored value when a change is refused.
    let shown = RwSignal::new(stored.get_untracked());
    Effect::new(move |_| shown.set(stored.get()));
    let problem = RwSignal::new(None::<Problem>);
    let status = RwSignal::new(None::<String>);
    let choose = move |perception_only: bool| {
        if perception_only == stored.get_untracked() {
            return;
        }
        match editor.apply(|p| {
            p.perception_only = perception_only;
            Ok(())
        }) {
            Ok(()) => {
                problem.set(None);
                status.set(Some(if perception_only {
                    "Saved: perception only (SERVPERF). The perception gap and the knowledge gap are no longer computed.".into()
                } else {
                    "Saved: expectation and perception. Every gap is computed again.".into()
                }));
            }
            Err(refused) => {
                shown.set(stored.get_untracked());
                status.set(None);
                problem.set(Some(refused.problem("Survey type not changed")));
            }
        }
    };
    view! {
        <section class="card setup-section" aria-labelledby="survey-heading" data-testid="survey-section">
            <h2 id="survey-heading">"Survey type"</h2>
            <fieldset class="survey-type">
                <legend>"What do customers rate?"</legend>
                <label class="choice">
                    <input type="radio" name="survey-type" value="ep" data-testid="survey-ep"
                        aria-describedby="survey-ep-text"
                        prop:checked=move || !shown.get() on:change=move |_| choose(false) />
                    <span class="choice-text">
                        <strong>"Expectation and perception (E and P)"</strong>
                        <span id="survey-ep-text" class="choice-hint">{EP_TEXT}</span>
                    </span>
                </label>
                <label class="choice">
                    <input type="radio" name="survey-type" value="perception-only" data-testid="survey-perception-only"
                        aria-describedby="survey-p-text"
                        prop:checked=move || shown.get() on:change=move |_| choose(true) />
                    <span class="choice-text">
                        <strong>"Perception only (SERVPERF)"</strong>
                        <span id="survey-p-text" class="choice-hint">{PERCEPTION_ONLY_TEXT}</span>
                    </span>
                </label>
            </fieldset>
            <p class="setup-status" role="status" data-testid="survey-status">{move || status.get()}</p>
            <p class="field-problem" role="alert" data-testid="survey-problem">{move || problem.get().map(|p| p.text)}</p>
        </section>
    }
}

// ---- Journey ----

/// Stages with their touchpoints, and the owners per channel.
#[component]
fn JourneySection(editor: Editor, project: ProjectMemo) -> impl IntoView {
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
                status.set(Some(format!("Stage \u{201c}{added}\u{201d} added.")));
                name.set(String::new());
            }
            Err(refused) => problem.set(Some(refused.problem("Stage not added"))),
        }
    };
    view! {
        <section class="card setup-section" aria-labelledby="journey-heading" data-testid="journey-section">
            <h2 id="journey-heading" tabindex="-1">"Customer journey"</h2>
            <p class="hint">
                "The steps a customer goes through, in order, and the touchpoints where they meet you. "
                "Mark the touchpoints where quality is made or lost as critical, and give each channel one owner."
            </p>
            <Show when=move || stage_count.get() == 0>
                <p class="empty" data-testid="no-stages">"No stages yet. Add the first one below, e.g. \u{201c}Booking\u{201d}."</p>
            </Show>
            <ol class="stage-list" data-testid="stage-list">
                <For each=move || 0..stage_count.get() key=|index| *index
                    children=move |index| view! {
                        <StageRow editor=editor project=project index=index count=stage_count status=status />
                    } />
            </ol>
            <form class="field-row add-stage" on:submit=add data-testid="add-stage-form">
                <label>
                    <span>"New stage"</span>
                    <input type="text" maxlength="80" autocomplete="off" placeholder="e.g. Booking"
                        data-testid="new-stage-name" aria-describedby=problem_id.clone()
                        aria-invalid=invalid(problem, "stage name")
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button-primary" data-testid="add-stage">"Add stage"</button>
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
                status.set(Some(format!("Stage renamed to \u{201c}{}\u{201d}.", stored_name.get_untracked())));
            }
            Err(refused) => problem.set(Some(refused.problem("Stage not renamed"))),
        }
    };
    let move_stage = move |step: Step| {
        let name = stored_name.get_untracked();
        match editor.apply(|p| p.move_stage(index, step)) {
            Ok(to) => {
                problem.set(None);
                confirming.set(false);
                status.set(Some(format!("Stage \u{201c}{name}\u{201d} is now number {}.", to + 1)));
                let (same, other) = match step {
                    Step::Up => ("stage-up", "stage-down"),
                    Step::Down => ("stage-down", "stage-up"),
                };
                let at = |button: &str| {
                    format!("[data-testid=\"stage-row\"][data-index=\"{to}\"] [data-testid=\"{button}\"]:not(:disabled)")
                };
                focus_first(vec![at(same), at(other)]);
            }
            Err(refused) => problem.set(Some(refused.problem("Stage not moved"))),
        }
    };
    let delete = move || {
        let name = stored_name.get_untracked();
        match editor.apply(|p| p.remove_stage(index)) {
            Ok(links) => {
                problem.set(None);
                confirming.set(false);
                let unlinked = if links.is_empty() {
                    String::new()
                } else {
                    format!(" {links} no longer point to a touchpoint; they are kept.")
                };
                status.set(Some(format!("Stage \u{201c}{name}\u{201d} deleted.{unlinked}")));
                focus_first(vec!["#journey-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem("Stage not deleted")));
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
        let mut text = format!(
            "Delete the stage \u{201c}{}\u{201d} and its {count} touchpoint{}?",
            stored_name.get(),
            if count == 1 { "" } else { "s" }
        );
        if !links.is_empty() {
            text.push_str(&format!(" {links} will no longer point to a touchpoint; they are kept."));
        }
        text
    };

    view! {
        <li class="stage" data-testid="stage-row" data-index=index>
            <form class="stage-head" on:submit=rename>
                <label class="stage-name">
                    <span>{format!("Stage {}", index + 1)}</span>
                    <input type="text" maxlength="80" autocomplete="off" data-testid="stage-name"
                        aria-describedby=problem_id.clone() aria-invalid=invalid(problem, "stage name")
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                </label>
                <div class="button-row stage-buttons">
                    <button type="submit" data-testid="stage-rename"
                        aria-label=move || format!("Rename stage {}", index + 1)>"Rename"</button>
                    <button type="button" data-testid="stage-up" disabled=move || index == 0
                        aria-label=move || format!("Move {} up", stored_name.get())
                        on:click=move |_| move_stage(Step::Up)>"↑ Up"</button>
                    <button type="button" data-testid="stage-down" disabled=move || { index + 1 >= count.get() }
                        aria-label=move || format!("Move {} down", stored_name.get())
                        on:click=move |_| move_stage(Step::Down)>"↓ Down"</button>
                    <button type="button" class="button-danger-quiet" data-testid="stage-delete"
                        aria-label=move || format!("Delete stage {}", stored_name.get())
                        on:click=ask_delete>"Delete"</button>
                </div>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="stage-row-problem">{move || problem.get().map(|p| p.text)}</p>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label="Delete stage"
                    on_confirm=Callback::new(move |()| delete())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"stage-delete\"]", row.get_value())]);
                    }) />
            })}
            <Show when=move || codes.with(Vec::is_empty)>
                <p class="hint" data-testid="no-touchpoints">"No touchpoints in this stage yet."</p>
            </Show>
            <ul class="touchpoint-list" aria-label=move || format!("Touchpoints of {}", stored_name.get())>
                <For each=move || codes.get() key=|code| code.clone()
                    children=move |code| view! {
                        <TouchpointRow editor=editor project=project code=code status=status />
                    } />
            </ul>
            <AddTouchpoint editor=editor project=project stage=index status=status />
        </li>
    }
}

/// The `<option>`s of every channel, `selected` marked.
fn channel_options(selected: impl Fn() -> Channel + Copy + Send + Sync + 'static) -> impl IntoView {
    Channel::ALL
        .into_iter()
        .map(|channel| view! { <option value=channel.as_str() prop:selected=move || selected() == channel>{channel.label()}</option> })
        .collect_view()
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
            <span>"Touchpoint"</span>
            <input type="text" maxlength="80" autocomplete="off" node_ref=name_ref data-testid=format!("{prefix}touchpoint-name")
                aria-describedby=describedby.clone() aria-invalid=invalid(problem, "touchpoint name")
                prop:value=move || draft.with(|d| d.name.clone())
                on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) />
        </label>
        <label class="tp-channel">
            <span>"Channel"</span>
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
            <span>"Owner"</span>
            <input type="text" maxlength="80" autocomplete="off" data-testid=format!("{prefix}touchpoint-owner")
                aria-describedby=describedby aria-invalid=invalid(problem, "owner")
                prop:value=move || draft.with(|d| d.owner.clone())
                on:input=move |ev| draft.update(|d| d.owner = event_target_value(&ev)) />
        </label>
        <label class="tp-critical checkbox">
            <input type="checkbox" data-testid=format!("{prefix}touchpoint-critical")
                prop:checked=move || draft.with(|d| d.critical)
                on:change=move |ev| draft.update(|d| d.critical = event_target_checked(&ev)) />
            <span>"Critical"</span>
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
                status.set(Some(format!("Touchpoint \u{201c}{}\u{201d} saved.", untrack(stored_name))));
            }
            Err(refused) => problem.set(Some(refused.problem("Touchpoint not saved"))),
        }
    };
    let links = move || read(project, |p| code.with_value(|c| p.touchpoint_links(&[c.as_str()]))).unwrap_or_default();
    let delete = move || {
        let name = untrack(stored_name);
        match editor.apply(|p| p.remove_touchpoint(&code.get_value())) {
            Ok(links) => {
                confirming.set(false);
                let unlinked = if links.is_empty() {
                    String::new()
                } else {
                    format!(" {links} no longer point to it; they are kept.")
                };
                status.set(Some(format!("Touchpoint \u{201c}{name}\u{201d} deleted.{unlinked}")));
                focus_first(vec!["#journey-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem("Touchpoint not deleted")));
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
                        aria-label=move || format!("Save touchpoint {}", stored_name())>"Save"</button>
                    <button type="button" class="button-danger-quiet" data-testid="touchpoint-delete"
                        aria-label=move || format!("Delete touchpoint {}", stored_name())
                        on:click=ask_delete>"Delete"</button>
                    <Show when=dirty>
                        <span class="unsaved" data-testid="touchpoint-unsaved">"Unsaved changes"</span>
                    </Show>
                </div>
            </form>
            <p id=problem_id class="field-problem" role="alert" data-testid="touchpoint-problem">{move || problem.get().map(|p| p.text)}</p>
            {move || confirming.get().then(|| view! {
                <Confirm
                    question=format!(
                        "Delete the touchpoint \u{201c}{}\u{201d}? {} will no longer point to it; they are kept.",
                        stored_name(), links()
                    )
                    confirm_label="Delete touchpoint"
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
                status.set(Some(format!("Touchpoint \u{201c}{}\u{201d} added to \u{201c}{}\u{201d}.", input.name.trim(), untrack(stage_name))));
                draft.set(fresh());
                if let Some(input) = name_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Err(refused) => problem.set(Some(refused.problem("Touchpoint not added"))),
        }
    };
    view! {
        <form class="touchpoint-form add-touchpoint" on:submit=add data-testid="add-touchpoint-form"
            aria-label=move || format!("New touchpoint in {}", stage_name())>
            <TouchpointFields draft=draft problem=problem describedby=problem_id.clone() name_ref=name_ref prefix="new-" />
            <div class="button-row tp-buttons">
                <button type="submit" data-testid="add-touchpoint">"Add touchpoint"</button>
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
            <h3 id="owners-heading">"Owners per channel"</h3>
            <p class="hint">"Each channel should have one owner, so it is clear who answers for it."</p>
            <div class="table-scroll">
                <table class="data-table channel-owners" data-testid="channel-owners" aria-labelledby="owners-heading">
                    <thead><tr>
                        <th scope="col">"Channel"</th><th scope="col">"Owner"</th><th scope="col" class="num">"Touchpoints"</th>
                    </tr></thead>
                    <tbody>
                        {move || owners.get().into_iter().map(|row| {
                            let several = row.has_several_owners();
                            let mut who = row.owners.join(", ");
                            if row.unowned > 0 {
                                if !who.is_empty() {
                                    who.push_str("; ");
                                }
                                who.push_str(&format!("{} without an owner", row.unowned));
                            }
                            view! {
                                <tr data-testid="channel-owner-row" data-channel=row.channel.as_str() class:several=several>
                                    <th scope="row">{row.channel.label()}</th>
                                    <td data-testid="channel-owner">{who}</td>
                                    <td class="num">{row.touchpoints}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || owners.get().into_iter().filter(|o| o.has_several_owners()).map(|o| {
                let names = match o.owners.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                    _ => o.owners.join(""),
                };
                view! {
                    <p class="setup-warning" data-testid="channel-owner-warning" data-channel=o.channel.as_str()>
                        <span aria-hidden="true">"⚠ "</span>
                        {format!(
                            "The {} channel has {} owners: {names}. One owner per channel makes it clear who answers for it; consider agreeing on one.",
                            o.channel.label().to_lowercase(), o.owners.len()
                        )}
                    </p>
                }
            }).collect_view()}
        </Show>
    }
}

// ---- Items and touchpoints ----

/// The `<option>`s "(none)" and every touchpoint grouped by stage, `selected` marked; a
/// link to a touchpoint that no longer exists is shown rather than silently dropped.
fn touchpoint_options(groups: TouchpointGroups, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let groups = groups.get();
        let current = selected();
        let missing = current.clone().filter(|c| !groups.iter().any(|(_, t)| t.iter().any(|(code, _)| code == c)));
        view! {
            <option value="" prop:selected=current.is_none()>"(none)"</option>
            {missing.map(|code| view! {
                <option value=code.clone() prop:selected=true>{format!("missing touchpoint \u{201c}{code}\u{201d}")}</option>
            })}
            {groups.into_iter().map(|(stage, touchpoints)| {
                let current = current.clone();
                view! {
                    <optgroup label=stage>
                        {touchpoints.into_iter().map(|(code, name)| {
                            let selected = current.as_deref() == Some(code.as_str());
                            view! { <option value=code prop:selected=selected>{name}</option> }
                        }).collect_view()}
                    </optgroup>
                }
            }).collect_view()}
        }
    }
}

fn option_value(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Which touchpoint each item is about.
#[component]
fn ItemLinks(editor: Editor, project: ProjectMemo, groups: TouchpointGroups) -> impl IntoView {
    let codes = Memo::new(move |_| read(project, |p| p.items.iter().map(|i| i.code.to_string()).collect::<Vec<_>>()).unwrap_or_default());
    let has_touchpoints = Memo::new(move |_| groups.with(|g| g.iter().any(|(_, t)| !t.is_empty())));
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="card setup-section" aria-labelledby="links-heading" data-testid="links-section">
            <h2 id="links-heading">"Items and touchpoints"</h2>
            <p class="hint">"Link each item to the touchpoint it is about; the journey view then shows the gap per touchpoint and stage."</p>
            <Show when=move || has_touchpoints.get()
                fallback=|| view! { <p class="empty" data-testid="no-touchpoints-for-items">"Add touchpoints to the journey above to link items to them."</p> }>
                <Show when=move || codes.with(|c| !c.is_empty())
                    fallback=|| view! { <p class="empty" data-testid="no-items">"This project has no items yet."</p> }>
                    <div class="table-scroll">
                        <table class="data-table item-links" data-testid="item-links">
                            <thead><tr>
                                <th scope="col">"Code"</th><th scope="col">"Item"</th><th scope="col">"Touchpoint"</th>
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
                    Some(name) => format!("{} linked to \u{201c}{name}\u{201d}.", code.get_value()),
                    None => format!("{} is not linked to a touchpoint.", code.get_value()),
                }));
            }
            Err(refused) => {
                shown.set(stored.get_untracked());
                problem.set(Some(refused.problem("Link not changed")));
            }
        }
    };
    view! {
        <tr data-testid="item-link-row" data-code=code.get_value()>
            <td class="code">{code.get_value()}</td>
            <td class="item-link-text">{move || item.with(|i| i.as_ref().map(|(text, _)| text.clone()))}</td>
            <td>
                <label class="visually-hidden" for=select_id.clone()>{move || format!("Touchpoint of {}", code.get_value())}</label>
                <select id=select_id data-testid="item-touchpoint" aria-describedby=problem_id.clone() on:change=change>
                    {touchpoint_options(groups, move || shown.get())}
                </select>
                <p id=problem_id class="field-problem" role="alert" data-testid="item-link-problem">{move || problem.get().map(|p| p.text)}</p>
            </td>
        </tr>
    }
}

// ---- Standards ----

fn kpi_text(standard: &Standard) -> Option<String> {
    standard.kpi.as_ref().map(|k| {
        let unit = if k.unit.is_empty() { String::new() } else { format!(" {}", k.unit) };
        format!("{} {}{unit}", k.direction.as_str(), k.target)
    })
}

/// A key that changes whenever anything shown in a row changes.
fn content_key<T: serde::Serialize>(index: usize, value: &T) -> String {
    format!("{index}:{}", serde_json::to_string(value).unwrap_or_default())
}

/// The business's own service standards, with optional KPI targets.
#[component]
fn StandardsSection(editor: Editor, project: ProjectMemo, groups: TouchpointGroups) -> impl IntoView {
    let standards = Memo::new(move |_| read(project, |p| p.standards.clone()).unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    let add = Callback::new(move |input: StandardInput| {
        editor
            .apply(|p| p.add_standard(&input))
            .map(|id| status.set(Some(format!("Standard {id} added: \u{201c}{}\u{201d}.", input.text.trim()))))
            .map_err(|refused| refused.problem("Standard not added"))
    });
    view! {
        <section class="card setup-section" aria-labelledby="standards-heading" data-testid="standards-section">
            <h2 id="standards-heading" tabindex="-1">"Standards"</h2>
            <p class="hint">
                "The service specifications the business has set itself, e.g. \u{201c}answer the phone within 20 seconds\u{201d}. "
                "Attach each to the item or touchpoint it serves; a KPI target lets measured delivery be checked against it."
            </p>
            <Show when=move || standards.with(Vec::is_empty)>
                <p class="empty" data-testid="no-standards">"No standards yet."</p>
            </Show>
            <ul class="entry-list" data-testid="standard-list">
                <For each=move || standards.get().into_iter().enumerate()
                    key=|(index, standard)| content_key(*index, standard)
                    children=move |(_, standard)| view! {
                        <StandardRow editor=editor project=project groups=groups standard=standard status=status />
                    } />
            </ul>
            <h3>"Add a standard"</h3>
            <StandardForm project=project groups=groups initial=StandardInput::default()
                submit_label="Add standard" testid="add-standard" on_submit=add />
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
                status.set(Some(format!("Standard {} saved.", id.get_value())));
                focus_first(vec![format!("{} [data-testid=\"standard-edit\"]", row.get_value())]);
            })
            .map_err(|refused| refused.problem("Standard not saved"))
    });
    let delete = move || match editor.apply(|p| p.remove_standard(&id.get_value())) {
        Ok(removed) => {
            let with = if removed == 0 { String::new() } else { format!(" with {removed} measurements") };
            status.set(Some(format!("Standard {} deleted{with}.", id.get_value())));
            focus_first(vec!["#standards-heading".into()]);
        }
        Err(refused) => {
            confirming.set(false);
            problem.set(Some(refused.problem("Standard not deleted").text));
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
            let n = measurements();
            format!(
                "Delete the standard \u{201c}{text}\u{201d} and its {n} delivery measurement{}? This cannot be undone.",
                if n == 1 { "" } else { "s" }
            )
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
                                <li><span class="fact-label">"Id "</span><span class="code">{id.get_value()}</span></li>
                                {item.clone().map(|item| view! { <li><span class="fact-label">"Item "</span><span data-testid="standard-item">{item}</span></li> })}
                                {touchpoint.clone().map(|t| view! { <li><span class="fact-label">"Touchpoint "</span><span data-testid="standard-touchpoint">{t}</span></li> })}
                                {kpi.clone().map(|k| view! { <li><span class="fact-label">"KPI "</span><span data-testid="standard-kpi">{k}</span></li> })}
                            </ul>
                        </div>
                        <div class="button-row">
                            <button type="button" data-testid="standard-edit"
                                aria-label=format!("Edit standard {}", id.get_value())
                                on:click=move |_| { editing.set(true); confirming.set(false); }>"Edit"</button>
                            <button type="button" class="button-danger-quiet" data-testid="standard-delete"
                                aria-label=format!("Delete standard {}", id.get_value())
                                on:click=ask_delete>"Delete"</button>
                        </div>
                    }
                }>
                <StandardForm project=project groups=groups initial=initial.clone()
                    submit_label="Save" testid="edit-standard" on_submit=save on_cancel=cancel_edit />
            </Show>
            <p class="field-problem" role="alert" data-testid="standard-row-problem">{move || problem.get()}</p>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label="Delete standard"
                    on_confirm=Callback::new(move |()| delete())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec![format!("{} [data-testid=\"standard-delete\"]", row.get_value())]);
                    }) />
            })}
        </li>
    }
}

/// The `<option>`s "(none)" and every item, `selected` marked.
fn item_options(project: ProjectMemo, none_label: &'static str, selected: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let items = read(project, |p| p.items.iter().map(|i| (i.code.to_string(), i.text.clone())).collect::<Vec<_>>()).unwrap_or_default();
        let current = selected();
        view! {
            <option value="" prop:selected=current.is_none()>{none_label}</option>
            {items.into_iter().map(|(code, text)| {
                let is_selected = current.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&code));
                view! { <option value=code.clone() prop:selected=is_selected>{format!("{code} \u{2014} {}", shorten(&text, 60))}</option> }
            }).collect_view()}
        }
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
                <span>"Standard"</span>
                <input type="text" maxlength="200" autocomplete="off" node_ref=text_ref
                    placeholder="e.g. Answer the phone within 20 seconds" data-testid="standard-text-input"
                    aria-describedby=described.clone() aria-invalid=invalid(problem, "standard text")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev)) />
            </label>
            <label>
                <span>"Item"</span>
                <select data-testid="standard-item-select" aria-invalid=invalid(problem, "item")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.item = option_value(event_target_value(&ev)))>
                    {item_options(project, "(none)", move || draft.with(|d| d.item.clone()))}
                </select>
            </label>
            <label>
                <span>"Touchpoint"</span>
                <select data-testid="standard-touchpoint-select" aria-invalid=invalid(problem, "touchpoint")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.touchpoint = option_value(event_target_value(&ev)))>
                    {touchpoint_options(groups, move || draft.with(|d| d.touchpoint.clone()))}
                </select>
            </label>
            <fieldset class="kpi">
                <legend>"KPI target (optional)"</legend>
                <label>
                    <span>"Met when the value is"</span>
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
                    <span>"Target"</span>
                    <input type="text" inputmode="decimal" maxlength="30" autocomplete="off" class="number-input"
                        placeholder="e.g. 20" data-testid="standard-kpi-target"
                        aria-describedby=described.clone() aria-invalid=invalid(problem, "KPI target")
                        prop:value=move || draft.with(|d| d.kpi_target.clone())
                        on:input=move |ev| draft.update(|d| d.kpi_target = event_target_value(&ev)) />
                </label>
                <label>
                    <span>"Unit"</span>
                    <input type="text" maxlength="20" autocomplete="off" class="unit-input"
                        placeholder="e.g. s, %, days" data-testid="standard-kpi-unit"
                        aria-describedby=described aria-invalid=invalid(problem, "KPI unit")
                        prop:value=move || draft.with(|d| d.kpi_unit.clone())
                        on:input=move |ev| draft.update(|d| d.kpi_unit = event_target_value(&ev)) />
                </label>
            </fieldset>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="standard-save">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="standard-cancel" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
            <p id=problem_id class="field-problem wide" role="alert" data-testid="standard-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}

// ---- Promises ----

/// What marketing promises about items, on the project's scale.
#[component]
fn PromisesSection(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let promises = Memo::new(move |_| read(project, |p| p.promises.clone()).unwrap_or_default());
    let status = RwSignal::new(None::<String>);
    let scale = Memo::new(move |_| read(project, |p| p.scale.to_string()).unwrap_or_default());
    let add = Callback::new(move |input: PromiseInput| {
        editor
            .apply(|p| p.add_promise(&input))
            .map(|_| status.set(Some(format!("Promise added for {}.", input.item.trim()))))
            .map_err(|refused| refused.problem("Promise not added"))
    });
    view! {
        <section class="card setup-section" aria-labelledby="promises-heading" data-testid="promises-section">
            <h2 id="promises-heading" tabindex="-1">"Promises"</h2>
            <p class="hint">
                {move || format!(
                    "What marketing tells customers about an item, where, and the level it promises on the project's {} scale. \
                     The communication gap compares what customers experience with it.",
                    scale.get()
                )}
            </p>
            <Show when=move || promises.with(Vec::is_empty)>
                <p class="empty" data-testid="no-promises">"No promises yet."</p>
            </Show>
            <ul class="entry-list" data-testid="promise-list">
                <For each=move || promises.get().into_iter().enumerate()
                    key=|(index, promise)| content_key(*index, promise)
                    children=move |(index, promise)| view! {
                        <PromiseRow editor=editor project=project index=index promise=promise status=status />
                    } />
            </ul>
            <h3>"Add a promise"</h3>
            <PromiseForm project=project initial=PromiseInput::default() submit_label="Add promise"
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
                status.set(Some(format!("Promise {} saved.", index + 1)));
                focus_first(vec![format!("{} [data-testid=\"promise-edit\"]", row.get_value())]);
            })
            .map_err(|refused| refused.problem("Promise not saved"))
    });
    let delete = move |_| match editor.apply(|p| p.remove_promise(index)) {
        Ok(removed) => {
            status.set(Some(format!("Promise \u{201c}{}\u{201d} deleted.", removed.text)));
            focus_first(vec!["#promises-heading".into()]);
        }
        Err(refused) => problem.set(Some(refused.problem("Promise not deleted").text)),
    };
    let cancel_edit = Callback::new(move |()| {
        editing.set(false);
        focus_first(vec![format!("{} [data-testid=\"promise-edit\"]", row.get_value())]);
    });
    let facts = (promise.item.to_string(), promise.channel.label(), promise.level.to_string());
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
                                <li><span class="fact-label">"Item "</span><span data-testid="promise-item">{facts.0.clone()}</span></li>
                                <li><span class="fact-label">"Channel "</span><span data-testid="promise-channel">{facts.1}</span></li>
                                <li><span class="fact-label">"Promised level "</span><span data-testid="promise-level">{facts.2.clone()}</span></li>
                            </ul>
                        </div>
                        <div class="button-row">
                            <button type="button" data-testid="promise-edit" aria-label=format!("Edit promise {}", index + 1)
                                on:click=move |_| editing.set(true)>"Edit"</button>
                            <button type="button" class="button-danger-quiet" data-testid="promise-delete"
                                aria-label=format!("Delete promise {}", index + 1) on:click=delete>"Delete"</button>
                        </div>
                    }
                }>
                <PromiseForm project=project initial=initial.clone() submit_label="Save" testid="edit-promise"
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
                <span>"Item"</span>
                <select data-testid="promise-item-select" aria-invalid=invalid(problem, "item")
                    aria-describedby=described.clone()
                    on:change=move |ev| draft.update(|d| d.item = event_target_value(&ev))>
                    {item_options(project, "(choose an item)", move || option_value(draft.with(|d| d.item.clone())))}
                </select>
            </label>
            <label class="wide">
                <span>"Promise"</span>
                <input type="text" maxlength="300" autocomplete="off" placeholder="e.g. Your room is ready at 2 pm, always"
                    data-testid="promise-text-input" aria-describedby=described.clone()
                    aria-invalid=invalid(problem, "promise text")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev)) />
            </label>
            <label>
                <span>"Channel"</span>
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
                <span>{move || format!("Promised level ({})", scale())}</span>
                <input type="text" inputmode="decimal" maxlength="10" autocomplete="off" class="number-input"
                    data-testid="promise-level-input" aria-describedby=described
                    aria-invalid=invalid(problem, "promised level")
                    prop:value=move || draft.with(|d| d.level.clone())
                    on:input=move |ev| draft.update(|d| d.level = event_target_value(&ev)) />
            </label>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="promise-save">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="promise-cancel" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
            <p id=problem_id class="field-problem wide" role="alert" data-testid="promise-problem">{move || problem.get().map(|p| p.text)}</p>
        </form>
    }
}
