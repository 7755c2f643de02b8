//! Items: the survey type, the dimensions and items customers rate, the standards and
//! promises set for them, and ready-made templates.
//!
//! Every change goes through `Editor::apply` (see `pages::editor`). Each section has its own
//! file: `survey`, `templates`, `dimensions`, `list` (the items), `standards` and `promises`.

mod dimensions;
mod list;
mod promises;
mod standards;
mod survey;
mod templates;

use crate::model::ProjectId;
use crate::ui::pages::editor::{NotLoaded, Workbench};
use dimensions::DimensionsSection;
use leptos::prelude::*;
use list::ItemsSection;
use promises::PromisesSection;
use standards::StandardsSection;
use survey::SurveyType;
use templates::TemplatePicker;

/// The Items page.
#[component]
pub fn ItemsPage(id: ProjectId) -> impl IntoView {
    let questionnaire_href = crate::ui::route::Route::Questionnaire(id.clone()).href();
    let Workbench { editor, project, is_loaded, groups } = Workbench::open(id);
    view! {
        <section class="page setup-page items-page">
            <h1>{t!("Items")}</h1>
            <Show when=move || is_loaded.get() fallback=|| view! { <NotLoaded /> }>
                <p class="lead">
                    {t!("What the survey asks, grouped in dimensions, and what the business has set itself \
                         (standards) and promised (marketing) for it. The analysis uses all of it.")}
                </p>
                <p class="items-questionnaire-link">
                    <a href=questionnaire_href.clone() data-testid="items-questionnaire">
                        {t!("Print the questionnaires, or copy them into a survey tool →")}
                    </a>
                </p>
                <SurveyType editor=editor project=project />
                <TemplatePicker editor=editor project=project />
                <DimensionsSection editor=editor project=project />
                <ItemsSection editor=editor project=project />
                <StandardsSection editor=editor project=project groups=groups />
                <PromisesSection editor=editor project=project />
            </Show>
        </section>
    }
}
