//! The Dashboard: the gap model at a glance for one wave (the latest with answers, as a
//! consultant presents "this wave") or all waves, with the CX gap, the scores, what to fix
//! first, trends before events, and how sure the figures are.
//!
//! Every decision (status, value, order, warnings) is made in `analysis::dashboard`; this
//! page renders it. The figures come from one `Results` memo, recomputed only when the data
//! or the wave changes.

mod diagram;
mod side;

use crate::analysis::dashboard::{self, Gap};
use crate::explain::Topic;
use crate::analysis::{Filter, Results};
use crate::format::count;
use crate::model::ProjectId;
use crate::storage::Loaded;
use crate::ui::components::explain::Explain;
use crate::ui::components::linked::Linked;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use diagram::{detail_href, value_with_unit, GapDiagram};
use leptos::prelude::*;

/// The value of the wave selector that means every wave pooled.
const ALL_WAVES: &str = "";

/// The project, loaded while the page is built (not in an effect afterwards, as
/// `data::use_project` does), so the first paint already holds the whole Dashboard and
/// nothing shifts when it arrives; reloaded when another tab changes it.
fn use_project_now(id: ProjectId) -> RwSignal<Option<Loaded>> {
    let state = expect_context::<AppState>();
    let loaded = RwSignal::new(state.load(&id));
    let id = StoredValue::new(id);
    Effect::new(move |previous: Option<()>| {
        state.external_change.track();
        if previous.is_some() {
            loaded.set(state.load(&id.get_value()));
        }
    });
    loaded
}

/// The Dashboard page.
#[component]
pub fn DashboardPage(id: ProjectId) -> impl IntoView {
    let loaded = use_project_now(id.clone());
    // The user's choice; `None` until they choose, then the latest wave with answers is shown.
    let chosen = RwSignal::new(None::<Option<String>>);
    let wave = Memo::new(move |_| match chosen.get() {
        Some(choice) => choice,
        None => loaded.with(|l| l.as_ref().and_then(|l| dashboard::default_wave(&l.project))),
    });
    let results = Memo::new(move |_| {
        let filter = Filter { wave: wave.get(), ..Filter::all() };
        loaded.with(|l| l.as_ref().map(|l| Results::for_project(&l.project, &filter)))
    });
    let waves = Memo::new(move |_| {
        loaded
            .with(|l| l.as_ref().map(|l| l.project.waves.iter().map(|w| w.name.clone()).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let id = StoredValue::new(id);

    view! {
        <section class="page dashboard">
            <div class="dash-head">
                <h1>{t!("Dashboard")}</h1>
                <label class="dash-wave">
                    <span>{t!("Wave")}</span>
                    <select data-testid="dashboard-wave" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        chosen.set(Some((value != ALL_WAVES).then_some(value)));
                    }>
                        {move || waves.get().into_iter().rev().map(|name| {
                            let selected = {
                                let name = name.clone();
                                move || wave.get().as_deref() == Some(name.as_str())
                            };
                            view! { <option value=name.clone() prop:selected=selected>{name.clone()}</option> }
                        }).collect_view()}
                        <option value=ALL_WAVES prop:selected=move || wave.get().is_none()>{t!("All waves")}</option>
                    </select>
                </label>
            </div>
            <crate::ui::components::guide::StartGuide id=id.get_value() loaded=loaded />
            {move || {
                let project = loaded.get()?.project;
                let results = results.get()?;
                let id = id.get_value();
                let empty = project.count_responses(None).0 == 0;
                let figures = dashboard::model(&results);
                let cx = dashboard::GapFigure::of(Gap::Experience, &results);
                let customers = count(results.respondents.customers);
                let management = count(results.respondents.management);
                let counts = match &results.wave {
                    Some(wave) => t!(
                        "Wave {wave}: {customers} customers, {management} from management.",
                        wave = wave,
                        customers = customers,
                        management = management
                    ),
                    None => t!(
                        "All waves: {customers} customers, {management} from management.",
                        customers = customers,
                        management = management
                    ),
                };
                let empty_state = empty.then(|| view! {
                    <div class="empty-state" data-testid="empty-state">
                        <p class="empty" data-testid="dashboard-empty">
                            <Linked href=Route::Data(id.clone()).href() text=t!(
                                "No customer answers yet, so there is no gap to show. [Import answers or enter them on the Data page], add management's view there too, and the gap model fills in."
                            ) />
                        </p>
                    </div>
                });
                // Nothing measured at all: the model would be a diagram of dashes, so only the
                // start guide above and the empty state say what to do.
                if empty && figures.iter().chain([&cx]).all(|f| f.value.is_none()) {
                    return Some(view! {
                        <p class="dash-scope muted" data-testid="dashboard-scope">{counts}</p>
                        {empty_state}
                    }.into_any());
                }
                Some(view! {
                    <p class="dash-scope muted" data-testid="dashboard-scope">{counts}</p>
                    {empty_state}
                    <div class="dash-grid">
                        <section class="dash-model" aria-labelledby="dash-model-heading">
                            <h2 id="dash-model-heading">{t!("The gap model")}</h2>
                            <GapDiagram id=id.clone() figures=figures.clone() />
                            <GapList id=id.clone() figures=figures weighted=results.overall.weighted_perception_gap.is_some() />
                        </section>
                        <div class="dash-side">
                            <side::Headline id=id.clone() figure=cx results=results.clone() />
                            <side::Scores id=id.clone() results=results.clone() />
                            <side::Priorities id=id.clone() project=project.clone() results=results.clone() />
                        </div>
                    </div>
                    <div class="dash-lower">
                        <side::Trends project=project.clone() results=results.clone() />
                        <div class="dash-lower-column">
                            <side::Warnings project=project.clone() results=results />
                            <side::Actions id=id project=project />
                        </div>
                    </div>
                }.into_any())
            }}
        </section>
    }
}

/// The gaps in words: the diagram's text equivalent, with the question each one answers.
/// `weighted`: the perception gap shown is the importance-weighted score (then both it and the
/// plain perception gap are explained).
#[component]
fn GapList(id: ProjectId, figures: Vec<dashboard::GapFigure>, weighted: bool) -> impl IntoView {
    view! {
        <ol class="dash-gaps" aria-label=t!("The five gaps")>
            {figures.into_iter().map(|figure| {
                let gap = figure.gap;
                let status = figure.status;
                view! {
                    <li class=format!("dash-gap dash-gap-{}", status.class()) data-testid=format!("gap-item-{}", gap.as_str())>
                        <h3>
                            <a href=detail_href(&id, gap)>
                                <span class="dash-gap-number">{gap.number().unwrap_or_default()}</span>
                                {gap.name()}
                            </a>
                        </h3>
                        <p class="dash-gap-question">{gap.question()}</p>
                        <p class="dash-gap-figure">
                            {figure.value.is_some().then(|| view! { <strong>{value_with_unit(&figure)}</strong> })}
                            <span class=format!("dash-status dash-status-{}", status.class()) data-testid="gap-status">
                                <span aria-hidden="true">{status.icon()}" "</span>{status.word()}
                            </span>
                        </p>
                        <p class="hint">{figure.basis.clone()}</p>
                        {if gap == dashboard::Gap::Perception && weighted && figure.value.is_some() {
                            view! {
                                <div class="explain-group">
                                    <Explain topic=Topic::PerceptionGap named=true />
                                    <Explain topic=Topic::WeightedScore named=true />
                                </div>
                            }.into_any()
                        } else {
                            view! { <Explain topic=Topic::of_gap(gap) /> }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
