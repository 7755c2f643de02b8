//! Ready-made item sets: replace the dimensions and items (and the journey, for a template that
//! has one) while the project has no answers yet.

use crate::template::{self, Template};
use crate::ui::components::confirm::Confirm;
use crate::ui::pages::editor::{focus_first, read, Editor, Problem, ProjectMemo};
use crate::ui::route::Route;
use leptos::prelude::*;

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What the picker says about `template`: its size and whether it brings a journey.
fn template_facts(template: &Template) -> String {
    let mut text = format!("{} in {}", plural(template.items.len(), "item"), plural(template.dimensions.len(), "dimension"));
    if !template.stages.is_empty() {
        text.push_str(&format!(
            ", with a journey of {} and {}, every item linked",
            plural(template.stages.len(), "stage"),
            plural(template.touchpoint_count(), "touchpoint")
        ));
    }
    text.push('.');
    text
}

/// Pick a template and apply it after confirmation; refused once answers exist.
#[component]
pub(super) fn TemplatePicker(editor: Editor, project: ProjectMemo) -> impl IntoView {
    let chosen = RwSignal::new(template::SERVQUAL.key.to_owned());
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let status = RwSignal::new(None::<String>);
    let responses = Memo::new(move |_| read(project, |p| p.responses.len()).unwrap_or(0));
    let current = move || template::by_key(&chosen.get()).unwrap_or(&template::SERVQUAL);

    let ask = move |_| {
        status.set(None);
        let n = responses.get_untracked();
        if n > 0 {
            problem.set(Some(Problem {
                field: None,
                text: format!(
                    "Template not applied: this project has {}, and a template would replace the items they answered. Create a new project from the template on the Projects page instead.",
                    plural(n, "response")
                ),
            }));
        } else {
            problem.set(None);
            confirming.set(true);
        }
    };
    let apply = move || {
        let template = untrack(current);
        match editor.apply(|p| p.apply_template(template)) {
            Ok(change) => {
                confirming.set(false);
                let journey = if change.journey { " The journey was replaced too." } else { "" };
                status.set(Some(format!("\u{201c}{}\u{201d} applied: {} items.{journey}", template.name, change.items)));
                focus_first(vec!["#items-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem("Template not applied")));
            }
        }
    };
    let question = move || {
        let template = current();
        let (items, dimensions, change) = read(project, |p| (p.items.len(), p.dimensions.len(), p.template_change(template)))
            .unwrap_or((0, 0, Default::default()));
        let mut text = format!(
            "Replace the {} and {} of this project with \u{201c}{}\u{201d}?",
            plural(items, "item"),
            plural(dimensions, "dimension"),
            template.name
        );
        if change.journey {
            text.push_str(" The journey is replaced by the template's.");
        } else {
            text.push_str(" The journey stays; the new items are not linked to its touchpoints.");
        }
        if change.standards_unlinked > 0 {
            text.push_str(&format!(" {} will no longer name an item.", plural(change.standards_unlinked, "standard")));
        }
        if change.touchpoints_unlinked > 0 {
            text.push_str(&format!(
                " Standards and complaints lose their {} to the old journey's touchpoints; they are kept.",
                plural(change.touchpoints_unlinked, "link")
            ));
        }
        if change.promises_removed > 0 {
            text.push_str(&format!(" {} about items that go will be deleted.", plural(change.promises_removed, "promise")));
        }
        text
    };

    view! {
        <section class="card setup-section" aria-labelledby="templates-heading" data-testid="templates-section">
            <h2 id="templates-heading">"Start from a template"</h2>
            <p class="hint">
                "Ready-made item sets, written in plain words. Applying one replaces the items, so it is only "
                "possible before any answers are stored."
            </p>
            <fieldset class="template-choices">
                <legend>"Templates"</legend>
                {template::ALL.iter().map(|t| view! {
                    <label class="choice">
                        <input type="radio" name="item-template" value=t.key data-testid="template-choice"
                            prop:checked=move || chosen.get() == t.key
                            on:change=move |_| { chosen.set(t.key.to_owned()); confirming.set(false); } />
                        <span class="choice-text">
                            <strong>{t.name}</strong>
                            <span class="choice-hint">{t.summary}" "{template_facts(t)}</span>
                        </span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="button-row">
                <button type="button" data-testid="apply-template" on:click=ask>"Use this template"</button>
            </div>
            <Show when=move || { responses.get() > 0 }>
                <p class="hint" data-testid="template-has-answers">
                    {move || format!("This project has {}, so its items are kept. ", plural(responses.get(), "response"))}
                    <a href=Route::Projects.href()>"Create a new project from a template"</a>
                </p>
            </Show>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label="Replace the items"
                    on_confirm=Callback::new(move |()| apply())
                    on_cancel=Callback::new(move |()| {
                        confirming.set(false);
                        focus_first(vec!["[data-testid=\"apply-template\"]".into()]);
                    }) />
            })}
            <p class="field-problem" role="alert" data-testid="template-problem">{move || problem.get().map(|p| p.text)}</p>
            <p class="setup-status" role="status" data-testid="template-status">{move || status.get()}</p>
        </section>
    }
}
