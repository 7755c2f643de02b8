//! Analysis: every gap with its statistics, filtered by wave, segment and touchpoint, and what
//! to fix first. All figures come from one `Results` memo, recomputed only when the data or a
//! filter changes.

mod charts;
mod decisions;
mod overview;
mod table;

use crate::analysis::{Filter, Results};
use crate::export::results_json;
use crate::model::{Project, ProjectId};
use crate::ui::components::csv_export::{CsvExport, CsvKind};
use crate::ui::components::linked::Linked;
use crate::ui::download;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The Analysis page, scrolled to the element with id `section` when one is given
/// (`#/p/<id>/analysis/<section>`, e.g. `gap-perception` or `charts`).
#[component]
pub fn AnalysisPage(id: ProjectId, #[prop(default = None)] section: Option<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id.clone());
    let filter = RwSignal::new(Filter::all());
    let results = Memo::new(move |_| {
        let loaded = loaded.get()?;
        Some(Results::for_project(&loaded.project, &filter.get()))
    });
    let download_results = move |_| {
        let (Some(results), Some(loaded)) = (results.get_untracked(), loaded.get_untracked()) else { return };
        let suffix = results.wave.as_deref().map_or_else(|| "all-waves".to_owned(), download::file_stem);
        let name = format!("{}-{suffix}-results.json", download::file_stem(&loaded.project.name));
        if let Err(error) = download::offer(&name, "application/json", &results_json(&results)) {
            state.error(error);
        }
    };
    let data_href = Route::Data(id).href();
    let project_signal = Signal::derive(move || loaded.get().map(|l| l.project));
    scroll_to_section(section, Signal::derive(move || results.with(Option::is_some)));

    view! {
        <section class="page">
            <h1>{t!("Analysis")}</h1>
            {move || {
                let loaded = loaded.get()?;
                let project = loaded.project;
                if project.count_responses(None).0 == 0 {
                    return Some(view! {
                        <div class="empty-state" data-testid="empty-state">
                            <p class="empty" data-testid="analysis-empty">
                                <Linked href=data_href.clone()
                                    text=t!("No customer answers yet. [Import a CSV file on the Data page] and the gaps appear here.") />
                            </p>
                        </div>
                    }.into_any());
                }
                let stored = StoredValue::new(project.clone());
                // The charts stay mounted across filter changes and redraw from these signals.
                let chart_results = Signal::derive(move || {
                    results.get().unwrap_or_else(|| Results::for_project(&stored.get_value(), &Filter::all()))
                });
                let chart_project = Signal::stored(project.clone());
                Some(view! {
                    <Filters project=project filter=filter on_download=Callback::new(download_results) />
                    <CsvExport kind=CsvKind::Results
                        project=project_signal
                        results=Signal::derive(move || results.get()) />
                    {move || results.get().map(|results| {
                        let project = stored.get_value();
                        view! {
                            <overview::Summary project=project.clone() results=results.clone() />
                            <decisions::Priorities project=project.clone() results=results.clone() />
                            <overview::GapModel project=project results=results />
                        }
                    })}
                    <charts::Charts project=chart_project results=chart_results />
                    {move || results.get().map(|results| {
                        let project = stored.get_value();
                        view! {
                            <table::ItemTable project=project.clone() results=results.clone() />
                            <decisions::JourneyTable project=project.clone() results=results.clone() />
                            <decisions::IpaTable project=project.clone() results=results.clone() />
                            <decisions::TrendTable project=project results=results />
                        }
                    })}
                }.into_any())
            }}
        </section>
    }
}

/// Wave, segment and touchpoint filters, and the download button.
#[component]
fn Filters(project: Project, filter: RwSignal<Filter>, on_download: Callback<leptos::ev::MouseEvent>) -> impl IntoView {
    let waves: Vec<String> = project.waves.iter().map(|w| w.name.clone()).collect();
    let segments: BTreeSet<(String, String)> = project
        .responses
        .iter()
        .flat_map(|r| r.segments.iter().map(|(k, v)| (k.clone(), v.clone())))
        .collect();
    let touchpoints: Vec<(String, String)> = project
        .journey
        .touchpoints()
        .filter(|(_, t)| project.items.iter().any(|i| i.touchpoint.as_deref() == Some(t.code.as_str())))
        .map(|(_, t)| (t.code.clone(), t.name.clone()))
        .collect();
    let has_segments = !segments.is_empty();
    let has_touchpoints = !touchpoints.is_empty();
    view! {
        <div class="toolbar" role="group" aria-label=t!("Filters")>
            <label>
                <span>{t!("Wave")}</span>
                <select data-testid="wave-filter" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    filter.update(|f| f.wave = (!value.is_empty()).then_some(value));
                }>
                    <option value="">{t!("All waves")}</option>
                    {waves.into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || has_segments>
                <label>
                    <span>{t!("Customers")}</span>
                    <select data-testid="segment-filter" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.update(|f| f.segment = value.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())));
                    }>
                        <option value="">{t!("All customers")}</option>
                        {segments.iter().map(|(k, v)| {
                            let value = format!("{k}={v}");
                            view! { <option value=value.clone()>{format!("{k}: {v}")}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <Show when=move || has_touchpoints>
                <label>
                    <span>{t!("Touchpoint")}</span>
                    <select data-testid="touchpoint-filter" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.update(|f| f.touchpoint = (!value.is_empty()).then_some(value));
                    }>
                        <option value="">{t!("All touchpoints")}</option>
                        {touchpoints.iter().map(|(code, name)| view! { <option value=code.clone()>{name.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <button on:click=move |ev| on_download.run(ev) data-testid="download-results">{t!("Download results (JSON)")}</button>
        </div>
    }
}

/// Scrolls to the element with id `section` once the figures are on the page, and moves the
/// focus there so keyboard and screen-reader users land where the link pointed.
fn scroll_to_section(section: Option<String>, ready: Signal<bool>) {
    let Some(section) = section else { return };
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if ready.get() && !done.get_value() {
            done.set_value(true);
            scroll_when_there(section.clone(), 30);
        }
    });
}

/// Tries on each of the next `frames` animation frames: the section appears once the page
/// has rendered the figures, which may be after this page's effects ran.
fn scroll_when_there(section: String, frames: u8) {
    request_animation_frame(move || {
        let target = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&section));
        match target {
            Some(target) => {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                target.scroll_into_view_with_scroll_into_view_options(&options);
                if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
                    let _ = target.focus();
                }
            }
            None if frames > 0 => scroll_when_there(section, frames - 1),
            None => {}
        }
    });
}
