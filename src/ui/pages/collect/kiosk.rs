//! The running kiosk: the questionnaire for one respondent, the thank-you screen, and the
//! reset for the next respondent.
//!
//! Each respondent's answers are stored the moment they are sent: the project is read from
//! storage right then, the response added by `Project::add_kiosk_response` and the project
//! saved at the revision just read, so the kiosk never works from a stale copy and a closed
//! lid or an empty battery loses at most the answers not yet sent.

use super::lock::{request_fullscreen, KioskLock};
use super::scale::ScaleChoice;
use super::staff::StaffExit;
use crate::format::count;
use crate::model::kiosk::{KioskAnswers, KioskSession};
use crate::model::responses::COMMENT_MAX;
use crate::model::{ItemCode, Project};
use crate::storage::StorageError;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Seconds the thank-you screen stays before the questionnaire starts again.
const RESET_SECONDS: u64 = 5;
/// The heading that gets the focus when a screen changes.
const HEADING_ID: &str = "kiosk-heading";

/// What the respondent sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The questionnaire.
    Asking,
    /// Thanks, after the answers were stored.
    Thanks,
}

/// Adds `answers` to the project as stored now and saves it. A save refused because another
/// tab saved first is retried once on the newer copy (the kiosk only adds a response, so
/// nothing of the other tab's change is lost).
fn store_answers(state: AppState, session: &KioskSession, answers: &KioskAnswers) -> Result<String, String> {
    for attempt in 0..2 {
        let Some(current) = state.load(&session.project) else {
            return Err(t!("The project could not be read, so your answers were not saved. Please tell the staff.").into());
        };
        let mut project = current.project;
        let id = project.add_kiosk_response(session, answers, js_sys::Date::now()).map_err(|e| e.to_string())?;
        match state.save(&project, Some(current.revision)) {
            Ok(_) => return Ok(id),
            Err(StorageError::Conflict { .. }) if attempt == 0 => state.conflict.set(None),
            Err(error) => {
                state.conflict.set(None);
                return Err(t!("Your answers could not be saved. {error} Please tell the staff.", error = error));
            }
        }
    }
    Err(t!("Your answers could not be saved. Please tell the staff.").into())
}

/// Moves the focus to the screen's heading and the view to the top, so a screen reader
/// starts reading the new screen and the next respondent starts at the first question.
fn focus_heading() {
    request_animation_frame(|| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        let heading = document().get_element_by_id(HEADING_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    });
}

/// The kiosk screen; the App shows it, and nothing else, while a kiosk session runs.
#[component]
pub fn Kiosk() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lock = expect_context::<KioskLock>();
    let project_id = lock.session.with_untracked(|s| s.as_ref().map(|s| s.project.clone()));
    let read = move || project_id.as_ref().and_then(|id| state.load(id)).map(|l| l.project);
    let project = RwSignal::new(read());
    // The questions follow changes made in another tab (the answers given so far stay).
    Effect::new(move |first: Option<()>| {
        state.external_change.track();
        if first.is_some() {
            project.set(read());
        }
    });
    let answers = RwSignal::new(KioskAnswers::default());
    let phase = RwSignal::new(Phase::Asking);
    let problem = RwSignal::new(None::<String>);
    let staff = RwSignal::new(false);
    let staff_button = NodeRef::<leptos::html::Button>::new();
    // Closing the PIN prompt gives the focus back to the button that opened it.
    let close_staff = Callback::new(move |_| {
        staff.set(false);
        if let Some(button) = staff_button.get_untracked() {
            let _ = button.focus();
        }
    });
    let timer = StoredValue::new(None::<TimeoutHandle>);

    let next = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        answers.set(KioskAnswers::default());
        problem.set(None);
        phase.set(Phase::Asking);
        focus_heading();
    };
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });

    let send = move || {
        let Some(session) = lock.session.get_untracked() else { return };
        match store_answers(state, &session, &answers.get_untracked()) {
            Err(text) => problem.set(Some(text)),
            Ok(_) => {
                let mut session = session;
                session.collected += 1;
                // The count is for the staff only; the answer itself is stored already.
                let _ = lock.update(session);
                phase.set(Phase::Thanks);
                focus_heading();
                timer.set_value(set_timeout_with_handle(next, Duration::from_secs(RESET_SECONDS)).ok());
            }
        }
    };

    view! {
        <main id="main" class="kiosk" data-testid="kiosk" tabindex="-1"
            on:pointerdown=move |_| request_fullscreen()>
            <div class="kiosk-body" inert=move || staff.get()>
                {move || match phase.get() {
                    Phase::Thanks => view! { <Thanks on_next=Callback::new(move |_| next()) /> }.into_any(),
                    Phase::Asking => match (project.get(), lock.session.get_untracked()) {
                        (Some(project), Some(session)) => view! {
                            <Questionnaire project=project session=session answers=answers problem=problem
                                on_send=Callback::new(move |_| send()) />
                        }.into_any(),
                        _ => view! {
                            <div class="kiosk-gone" data-testid="kiosk-gone">
                                <h1 id=HEADING_ID tabindex="-1">{t!("This questionnaire is not available")}</h1>
                                <p>{t!("The project of this kiosk is no longer stored in this browser. Staff can leave the kiosk with the PIN.")}</p>
                            </div>
                        }.into_any(),
                    },
                }}
            </div>
            <button type="button" class="kiosk-staff" data-testid="kiosk-staff" node_ref=staff_button
                aria-haspopup="dialog" aria-expanded=move || staff.get().to_string()
                on:click=move |_| staff.set(true)>{t!("Staff")}</button>
            <Show when=move || staff.get()>
                <StaffExit on_close=close_staff />
            </Show>
        </main>
    }
}

/// The thank-you screen with the button that starts the next respondent at once.
#[component]
fn Thanks(on_next: Callback<()>) -> impl IntoView {
    view! {
        <section class="kiosk-thanks" data-testid="kiosk-thanks" aria-labelledby=HEADING_ID>
            <p class="kiosk-thanks-mark" aria-hidden="true">"✓"</p>
            <h1 id=HEADING_ID tabindex="-1">{t!("Thank you for your answers!")}</h1>
            <p>{t!("Your answers have been saved.")}</p>
            <p class="kiosk-muted">{t!("The questionnaire starts again for the next person in a few seconds.")}</p>
            <button type="button" class="button-primary kiosk-big-button" data-testid="kiosk-next"
                on:click=move |_| on_next.run(())>{t!("Next respondent")}</button>
        </section>
    }
}

/// The questions for one respondent: each item's E and P (P only in a perception-only
/// project), then the optional questions the session asks.
#[component]
fn Questionnaire(
    project: Project,
    session: KioskSession,
    answers: RwSignal<KioskAnswers>,
    problem: RwSignal<Option<String>>,
    on_send: Callback<()>,
) -> impl IntoView {
    let scale = project.scale;
    let max = scale.max();
    let perception_only = project.perception_only;
    // The same questions, in the same words, as the printed questionnaire and the survey-tool
    // text (`export::questionnaire`), so kiosk answers mean what the other answers of the wave mean.
    let intro = if perception_only {
        t!(
            "For each statement, tap how much you agree that it describes what you experienced with us: 1 means strongly disagree, {max} strongly agree.",
            max = max
        )
    } else {
        t!(
            "For each statement, tap how much you agree: first that it is what you expect from a business like ours, then that it describes what you experienced with us. 1 means strongly disagree, {max} strongly agree.",
            max = max
        )
    };
    let total = project.items.len();
    let items = project
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let code = item.code.clone();
            view! {
                <ItemQuestion code=code text=item.text.clone() number=index + 1 total=total
                    min=scale.min() max=max perception_only=perception_only answers=answers />
            }
        })
        .collect_view();
    let asked = session.questions;
    let choose = |set: fn(&mut KioskAnswers, u8)| Callback::new(move |value: u8| answers.update(|a| set(a, value)));
    view! {
        <form class="kiosk-form" data-testid="kiosk-form" novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                on_send.run(());
            }>
            <header class="kiosk-intro">
                <h1 id=HEADING_ID tabindex="-1">{project.name.clone()}</h1>
                <p class="kiosk-lead">{t!("Tell us about your experience with us. It takes a few minutes, and you can skip any question. Your name is not asked.")}</p>
                <p>{intro}</p>
            </header>
            <ol class="kiosk-items">{items}</ol>
            {asked.nps.then(|| view! {
                <ScaleChoice name="kiosk-nps".into() testid="kiosk-nps".into() class="kiosk-question" min=0 max=10
                    legend=t!("How likely is it that you would recommend us to a friend or colleague?").into()
                    low=t!("Not at all likely") high=t!("Extremely likely")
                    selected=Signal::derive(move || answers.with(|a| a.nps))
                    on_choose=choose(|a, v| a.nps = Some(v)) />
            })}
            {asked.csat.then(|| view! {
                <ScaleChoice name="kiosk-csat".into() testid="kiosk-csat".into() class="kiosk-question" min=1 max=5
                    legend=t!("Overall, how satisfied are you with us?").into()
                    low=t!("Very dissatisfied") high=t!("Very satisfied")
                    selected=Signal::derive(move || answers.with(|a| a.csat))
                    on_choose=choose(|a, v| a.csat = Some(v)) />
            })}
            {asked.ces.then(|| view! {
                <ScaleChoice name="kiosk-ces".into() testid="kiosk-ces".into() class="kiosk-question" min=1 max=7
                    legend=t!("How much effort did you personally have to put in to get what you needed from us?").into()
                    low=t!("Very little effort") high=t!("A great deal of effort")
                    selected=Signal::derive(move || answers.with(|a| a.ces))
                    on_choose=choose(|a, v| a.ces = Some(v)) />
            })}
            {asked.comment.then(|| view! {
                <label class="kiosk-fieldset kiosk-question kiosk-comment">
                    <span class="kiosk-legend">{t!("Anything else you would like to tell us? (optional)")}</span>
                    <textarea rows="4" maxlength=COMMENT_MAX.to_string() data-testid="kiosk-comment"
                        prop:value=move || answers.with(|a| a.comment.clone())
                        on:input=move |ev| answers.update(|a| a.comment = event_target_value(&ev))></textarea>
                </label>
            })}
            <div class="kiosk-send">
                {move || problem.get().map(|text| view! {
                    <p class="notice notice-error" role="alert" data-testid="kiosk-error">{text}</p>
                })}
                <button type="submit" class="button-primary kiosk-big-button" data-testid="kiosk-submit">
                    {t!("Send my answers")}
                </button>
            </div>
        </form>
    }
}

/// One item: its statement, then E and P (or P alone) as rows of buttons.
#[component]
fn ItemQuestion(
    code: ItemCode,
    text: String,
    number: usize,
    total: usize,
    min: u8,
    max: u8,
    perception_only: bool,
    answers: RwSignal<KioskAnswers>,
) -> impl IntoView {
    let rating = move |code: ItemCode, perception: bool| {
        Signal::derive(move || {
            answers.with(|a| a.ratings.get(&code).and_then(|(e, p)| if perception { *p } else { *e }))
        })
    };
    let expectation = (!perception_only).then(|| {
        let code = code.clone();
        view! {
            <ScaleChoice name=format!("kiosk-e-{code}") testid=format!("kiosk-e-{code}") class="kiosk-rating"
                min=min max=max legend=t!("What you expect").into() low=t!("Strongly disagree") high=t!("Strongly agree")
                selected=rating(code.clone(), false)
                on_choose=Callback::new(move |v| answers.update(|a| a.set_expectation(&code, v))) />
        }
    });
    let p_code = code.clone();
    view! {
        <li class="kiosk-item" data-testid="kiosk-item" data-code=code.to_string()>
            <fieldset class="kiosk-item-fields">
                <legend class="kiosk-statement">
                    <span class="kiosk-number" aria-hidden="true">{number.to_string()}</span>
                    <span class="visually-hidden">{t!("Statement {n} of {total}:", n = count(number), total = count(total))}</span>
                    " "{text}
                </legend>
                {expectation}
                <ScaleChoice name=format!("kiosk-p-{code}") testid=format!("kiosk-p-{code}") class="kiosk-rating"
                    min=min max=max legend=t!("What you experienced").into() low=t!("Strongly disagree") high=t!("Strongly agree")
                    selected=rating(code.clone(), true)
                    on_choose=Callback::new(move |v| answers.update(|a| a.set_perception(&p_code, v))) />
            </fieldset>
        </li>
    }
}
