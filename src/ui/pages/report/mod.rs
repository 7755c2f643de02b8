//! The Report: one print-ready page with the findings, the priorities and their remedies, the
//! charts as images, the actions and the method, for the browser's "Save as PDF". Everything
//! on it comes from one `Results` memo of the chosen wave (the latest by default). The print
//! rules are in style/report.css.

mod findings;
mod method;

use crate::analysis::report::report_wave;
use crate::analysis::{Filter, Results};
use crate::model::{Project, ProjectId};
use crate::format::{count, date};
use crate::ui::charts::{Chart, ChartKind};
use crate::ui::components::linked::Linked;
use crate::ui::pages::actions::ActionsSummary;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use leptos::prelude::*;

/// Today's date in the browser's time zone, ISO 8601.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The Report page.
#[component]
pub fn ReportPage(id: ProjectId) -> impl IntoView {
    let loaded = use_project(id.clone());
    // What the wave selector says; `None` until the user picks (then the latest wave).
    let picked = RwSignal::new(None::<String>);
    let wave =
        Memo::new(move |_| loaded.with(|l| l.as_ref().and_then(|l| report_wave(&l.project, picked.get().as_deref()))));
    let results = Memo::new(move |_| {
        let filter = Filter { wave: wave.get(), ..Filter::all() };
        loaded.with(|l| l.as_ref().map(|l| Results::for_project(&l.project, &filter)))
    });
    let produced = today();
    let data_href = Route::Data(id).href();

    // A saved PDF is named after the document title; restore it when the page is left.
    Effect::new(move |_| {
        if let Some(name) = loaded.with(|l| l.as_ref().map(|l| l.project.name.clone())) {
            document().set_title(&t!("{name}: gap report, Gaplens", name = name));
        }
    });
    on_cleanup(|| document().set_title("Gaplens"));

    view! {
        <article class="page report" data-testid="report" aria-labelledby="report-title">
            {move || {
                let project = loaded.with(|l| l.as_ref().map(|l| l.project.clone()))?;
                let waves: Vec<String> = project.waves.iter().map(|w| w.name.clone()).collect();
                let wave_text = move || {
                    wave.get().map_or_else(|| t!("Figures for all waves pooled.").to_owned(), |w| t!("Figures for wave {wave}.", wave = w))
                };
                let produced = produced.clone();
                // The date is an element of its own inside the sentence.
                let sentence = t!("Produced on {date} with Gaplens.");
                let (before, after) = sentence.split_once("{date}").unwrap_or((sentence, ""));
                Some(view! {
                    <header class="report-head">
                        <p class="report-kicker">{t!("Customer-experience gap report")}</p>
                        <h1 id="report-title" data-testid="report-title">{project.name.clone()}</h1>
                        <p class="report-meta" data-testid="report-meta">
                            <span data-testid="report-wave">{wave_text}</span>" "
                            <span>{before}<time datetime=produced.clone() data-testid="report-date">{date(&produced)}</time>{after}</span>
                        </p>
                        <div class="report-controls no-print" role="group" aria-label=t!("Report options")>
                            <label>
                                <span>{t!("Wave")}</span>
                                <select data-testid="report-wave-select"
                                    on:change=move |ev| picked.set(Some(event_target_value(&ev)))>
                                    {waves.into_iter().map(|name| {
                                        let (this, label) = (name.clone(), name.clone());
                                        view! {
                                            <option value=name prop:selected=move || wave.get().as_deref() == Some(this.as_str())>
                                                {label}
                                            </option>
                                        }
                                    }).collect_view()}
                                    <option value="" prop:selected=move || wave.get().is_none()>{t!("All waves pooled")}</option>
                                </select>
                            </label>
                            <button class="button-primary" data-testid="report-print"
                                on:click=move |_| { let _ = window().print(); }>
                                {t!("Print or save as PDF")}
                            </button>
                        </div>
                    </header>
                })
            }}
            {move || {
                let project = loaded.with(|l| l.as_ref().map(|l| l.project.clone()))?;
                let results = results.get()?;
                if results.respondents.customers == 0 {
                    return Some(view! {
                        <div class="empty-state" data-testid="empty-state">
                            <p class="empty" data-testid="report-empty">
                                <Linked href=data_href.clone()
                                    text=t!("No customer answers in this view, so there is nothing to report yet. [Import answers on the Data page], or pick another wave.") />
                            </p>
                        </div>
                    }.into_any());
                }
                Some(view! { <ReportBody project=project results=results /> }.into_any())
            }}
        </article>
    }
}

/// Everything below the title, for one set of results.
#[component]
fn ReportBody(project: Project, results: Results) -> impl IntoView {
    let respondents = format!(
        "{} {}",
        t!(
            "{customers} customers and {managers} managers answered in this view, on the {scale} scale.",
            customers = count(results.respondents.customers),
            managers = count(results.respondents.management),
            scale = project.scale
        ),
        t!("Gaps are customers' side minus a reference: below zero means customers get less.")
    );
    let charts = [ChartKind::Radar, ChartKind::GapBars, ChartKind::Ipa, ChartKind::Trends, ChartKind::JourneyHeatMap];
    let chart_project = StoredValue::new(project.clone());
    let chart_results = StoredValue::new(results.clone());
    view! {
        <p class="lead" data-testid="report-respondents">{respondents}</p>
        <section class="report-section" aria-labelledby="report-findings" data-testid="report-findings">
            <h2 id="report-findings">{t!("Findings")}</h2>
            <findings::KeyFigures results=results.clone() />
            <findings::GapsAtAGlance project=project.clone() results=results.clone() />
            <findings::ItemFindings project=project.clone() results=results.clone() />
            <findings::Delivery project=project.clone() results=results.clone() />
            <findings::Journey project=project.clone() results=results.clone() />
            <findings::Trends project=project.clone() results=results.clone() />
        </section>
        <section class="report-section" aria-labelledby="report-priorities" data-testid="report-priorities">
            <h2 id="report-priorities">{t!("Priorities")}</h2>
            <findings::Priorities project=project.clone() results=results.clone() />
        </section>
        <section class="report-section report-charts" aria-labelledby="report-charts" data-testid="report-charts">
            <h2 id="report-charts">{t!("Charts")}</h2>
            <div class="report-chart-grid">
                {charts.into_iter().map(|kind| view! {
                    <div class="report-chart" data-testid=format!("report-chart-{}", kind.slug())>
                        <Chart kind=kind project=chart_project.get_value() results=chart_results.get_value() image=true />
                        <p class="hint">{kind.reading()}</p>
                    </div>
                }).collect_view()}
            </div>
        </section>
        <section class="report-section" aria-labelledby="report-actions" data-testid="report-actions">
            <h2 id="report-actions">{t!("Actions")}</h2>
            <p class="hint">{t!("What is being done about the priorities: the root cause found, the owner, the due date and the status; after the next wave, whether the gap closed (Welch's test between the waves).")}</p>
            <ActionsSummary project=chart_project.get_value() />
        </section>
        <method::Method project=project results=results />
        <p class="report-end muted">
            {t!("End of the report. Figures are rounded to two decimals; \u{201c}–\u{201d} marks a figure that cannot be computed.")}
        </p>
    }
}
