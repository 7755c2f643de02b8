//! The survey type switch: expectation and perception, or perception only.

use crate::ui::pages::editor::{read, Editor, Problem, ProjectMemo};
use crate::model::journey::SetupError;
use leptos::prelude::*;

const EP_TEXT: &str = k!("Customers rate, for each item, what they expect (E) and what they got (P). \
    Every gap is computed, including the perception gap P − E (gap 5) and the knowledge gap \
    (management's estimate M against customers' E, gap 1).");
const PERCEPTION_ONLY_TEXT: &str = k!("Customers rate only what they got (P): a shorter questionnaire. \
    Gaps that need expectations are then not computed: the perception gap P − E (gap 5) and the \
    knowledge gap (gap 1). The communication gap (P against promises), the experience gap (P \
    against management's S), standards and delivery are still computed. Expectation answers \
    already stored are kept, so switching back shows those gaps again.");

/// The survey type switch: E and P, or perception only (SERVPERF).
#[component]
pub(super) fn SurveyType(editor: Editor, project: ProjectMemo) -> impl IntoView {
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
            Ok::<(), SetupError>(())
        }) {
            Ok(()) => {
                problem.set(None);
                status.set(Some(if perception_only {
                    t!("Saved: perception only (SERVPERF). The perception gap and the knowledge gap are no longer computed.").into()
                } else {
                    t!("Saved: expectation and perception. Every gap is computed again.").into()
                }));
            }
            Err(refused) => {
                shown.set(stored.get_untracked());
                status.set(None);
                problem.set(Some(refused.problem(t!("Survey type not changed"))));
            }
        }
    };
    view! {
        <section class="card setup-section" aria-labelledby="survey-heading" data-testid="survey-section">
            <h2 id="survey-heading">{t!("Survey type")}</h2>
            <fieldset class="survey-type">
                <legend>{t!("What do customers rate?")}</legend>
                <label class="choice">
                    <input type="radio" name="survey-type" value="ep" data-testid="survey-ep"
                        aria-describedby="survey-ep-text"
                        prop:checked=move || !shown.get() on:change=move |_| choose(false) />
                    <span class="choice-text">
                        <strong>{t!("Expectation and perception (E and P)")}</strong>
                        <span id="survey-ep-text" class="choice-hint">{crate::i18n::tr(EP_TEXT)}</span>
                    </span>
                </label>
                <label class="choice">
                    <input type="radio" name="survey-type" value="perception-only" data-testid="survey-perception-only"
                        aria-describedby="survey-p-text"
                        prop:checked=move || shown.get() on:change=move |_| choose(true) />
                    <span class="choice-text">
                        <strong>{t!("Perception only (SERVPERF)")}</strong>
                        <span id="survey-p-text" class="choice-hint">{crate::i18n::tr(PERCEPTION_ONLY_TEXT)}</span>
                    </span>
                </label>
            </fieldset>
            <p class="setup-status" role="status" data-testid="survey-status">{move || status.get()}</p>
            <p class="field-problem" role="alert" data-testid="survey-problem">{move || problem.get().map(|p| p.text)}</p>
        </section>
    }
}
