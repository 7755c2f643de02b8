//! Ready-made item sets: replace the dimensions and items (and the journey, for a template that
//! has one) while the project has no answers yet.

use crate::i18n::tr;
use crate::template::{self, Template};
use crate::ui::components::confirm::Confirm;
use crate::ui::format::plural;
use crate::ui::pages::editor::{focus_first, read, Editor, Problem, ProjectMemo};
use crate::ui::route::Route;
use leptos::prelude::*;

fn items(n: usize) -> String {
    plural(n, t!("1 item"), t!("{n} items"))
}

fn dimensions(n: usize) -> String {
    plural(n, t!("1 dimension"), t!("{n} dimensions"))
}

fn responses(n: usize) -> String {
    plural(n, t!("1 response"), t!("{n} responses"))
}

/// What the picker says about `template`: its size and whether it brings a journey.
fn template_facts(template: &Template) -> String {
    let (items, dimensions) = (items(template.items.len()), dimensions(template.dimensions.len()));
    if template.stages.is_empty() {
        t!("{items} in {dimensions}.", items = items, dimensions = dimensions)
    } else {
        t!(
            "{items} in {dimensions}, with a journey of {stages} and {touchpoints}, every item linked.",
            items = items,
            dimensions = dimensions,
            stages = plural(template.stages.len(), t!("1 stage"), t!("{n} stages")),
            touchpoints = plural(template.touchpoint_count(), t!("1 touchpoint"), t!("{n} touchpoints"))
        )
    }
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
                text: t!(
                    "Template not applied: this project has {responses}, and a template would replace the items they answered. Create a new project from the template on the Projects page instead.",
                    responses = self::responses(n)
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
                let (name, n) = (tr(template.name), change.items);
                status.set(Some(if change.journey {
                    t!("\u{201c}{template}\u{201d} applied: {items}. The journey was replaced too.", template = name, items = items(n))
                } else {
                    t!("\u{201c}{template}\u{201d} applied: {items}.", template = name, items = items(n))
                }));
                focus_first(vec!["#items-heading".into()]);
            }
            Err(refused) => {
                confirming.set(false);
                problem.set(Some(refused.problem(t!("Template not applied"))));
            }
        }
    };
    let question = move || {
        let template = current();
        let (item_count, dimension_count, change) = read(project, |p| (p.items.len(), p.dimensions.len(), p.template_change(template)))
            .unwrap_or((0, 0, Default::default()));
        let mut text = t!(
            "Replace the {items} and {dimensions} of this project with \u{201c}{template}\u{201d}?",
            items = items(item_count),
            dimensions = dimensions(dimension_count),
            template = tr(template.name)
        );
        text.push(' ');
        if change.journey {
            text.push_str(t!("The journey is replaced by the template's."));
        } else {
            text.push_str(t!("The journey stays; the new items are not linked to its touchpoints."));
        }
        if change.standards_unlinked > 0 {
            text.push(' ');
            text.push_str(&plural(
                change.standards_unlinked,
                t!("1 standard will no longer name an item."),
                t!("{n} standards will no longer name an item."),
            ));
        }
        if change.touchpoints_unlinked > 0 {
            text.push(' ');
            text.push_str(&plural(
                change.touchpoints_unlinked,
                t!("Standards and complaints lose their link to the old journey's touchpoints; they are kept."),
                t!("Standards and complaints lose their {n} links to the old journey's touchpoints; they are kept."),
            ));
        }
        if change.promises_removed > 0 {
            text.push(' ');
            text.push_str(&plural(
                change.promises_removed,
                t!("1 promise about items that go will be deleted."),
                t!("{n} promises about items that go will be deleted."),
            ));
        }
        text
    };

    view! {
        <section class="card setup-section" aria-labelledby="templates-heading" data-testid="templates-section">
            <h2 id="templates-heading">{t!("Start from a template")}</h2>
            <p class="hint">
                {t!("Ready-made item sets, written in plain words. Applying one replaces the items, so it is only \
                     possible before any answers are stored.")}
            </p>
            <fieldset class="template-choices">
                <legend>{t!("Templates")}</legend>
                {template::ALL.iter().map(|t| view! {
                    <label class="choice">
                        <input type="radio" name="item-template" value=t.key data-testid="template-choice"
                            prop:checked=move || chosen.get() == t.key
                            on:change=move |_| { chosen.set(t.key.to_owned()); confirming.set(false); } />
                        <span class="choice-text">
                            <strong>{tr(t.name)}</strong>
                            <span class="choice-hint">{tr(t.summary)}" "{template_facts(t)}</span>
                        </span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="button-row">
                <button type="button" data-testid="apply-template" on:click=ask>{t!("Use this template")}</button>
            </div>
            <Show when=move || { responses.get() > 0 }>
                <p class="hint" data-testid="template-has-answers">
                    {move || t!("This project has {responses}, so its items are kept.", responses = self::responses(responses.get()))}" "
                    <a href=Route::Projects.href()>{t!("Create a new project from a template")}</a>
                </p>
            </Show>
            {move || confirming.get().then(|| view! {
                <Confirm question=question() confirm_label=t!("Replace the items")
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
