//! Journey: the stages customers go through and the touchpoints where they meet the business,
//! each channel with its owner, which item is about which touchpoint, and the heat map of the
//! perception gap along the journey.
//!
//! Every change goes through `Editor::apply` (see `pages::editor`). Each section has its own
//! file: `stages` (stages, touchpoints, owners per channel) and `links` (items and touchpoints).

mod links;
mod stages;

use crate::analysis::{Filter, Results};
use crate::model::ProjectId;
use crate::ui::charts::{Chart, ChartKind};
use crate::ui::components::linked::Linked;
use crate::ui::pages::editor::{read, NotLoaded, ProjectMemo, Workbench};
use crate::ui::route::Route;
use leptos::prelude::*;
use links::ItemLinks;
use stages::JourneySection;

/// The Journey page.
#[component]
pub fn JourneyPage(id: ProjectId) -> impl IntoView {
    let Workbench { editor, project, is_loaded, groups } = Workbench::open(id.clone());
    let items_href = Route::Items(id).href();
    view! {
        <section class="page setup-page journey-page">
            <h1>{t!("Journey")}</h1>
            <Show when=move || is_loaded.get() fallback=|| view! { <NotLoaded /> }>
                <p class="lead">
                    {t!("The steps your customers go through, the touchpoints where they meet you, and who owns each channel.")}" "
                    {t!("Link the survey's items to touchpoints and the heat map below shows where along the journey the experience falls short.")}
                </p>
                <JourneySection editor=editor project=project />
                <HeatMap project=project />
                <ItemLinks editor=editor project=project groups=groups />
                <p class="hint">
                    <Linked href=items_href.clone() text=t!("The items themselves are edited on the [Items page].") />
                </p>
            </Show>
        </section>
    }
}

/// The journey heat map for one wave or all waves pooled.
#[component]
fn HeatMap(project: ProjectMemo) -> impl IntoView {
    let waves = Memo::new(move |_| read(project, |p| p.waves.iter().map(|w| w.name.clone()).collect::<Vec<_>>()).unwrap_or_default());
    // The latest wave by default: the journey as customers see it now.
    let wave = RwSignal::new(waves.get_untracked().last().cloned());
    let chart = move || {
        let initial = project.get_untracked()?;
        let project = Signal::derive(move || project.get().unwrap_or_else(|| initial.clone()));
        let results = Memo::new(move |_| {
            let filter = wave.get().map_or_else(Filter::all, |w| Filter::wave(&w));
            project.with(|p| Results::for_project(p, &filter))
        });
        Some(view! { <Chart kind=ChartKind::JourneyHeatMap project=project results=results /> })
    };
    view! {
        <section class="card setup-section journey-heat" aria-labelledby="heat-heading" data-testid="journey-heat-section">
            <h2 id="heat-heading">{t!("Heat map")}</h2>
            <p class="hint">{t!("Where along the journey customers get less than they expect. The latest wave is shown first.")}</p>
            <Show when=move || waves.with(|w| !w.is_empty())>
                <label class="heat-wave">
                    <span>{t!("Wave")}</span>
                    <select data-testid="heat-wave"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            wave.set((!value.is_empty()).then_some(value));
                        }>
                        <option value="" prop:selected=move || wave.get().is_none()>{t!("All waves")}</option>
                        {move || waves.get().into_iter().map(|name| {
                            let selected = name.clone();
                            let value = name.clone();
                            view! { <option value=value prop:selected=move || wave.get().as_deref() == Some(selected.as_str())>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            {chart}
        </section>
    }
}
