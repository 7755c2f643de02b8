//! Analysis: the perception gap per dimension and item, with n, SD, SE and the 95 % CI.

use crate::analysis::stats::GapTest;
use crate::analysis::{Filter, Results};
use crate::export::results_json;
use crate::model::{Project, ProjectId};
use crate::ui::download;
use crate::ui::format::{number, p_value};
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The Analysis page.
#[component]
pub fn AnalysisPage(id: ProjectId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id.clone());
    let wave = RwSignal::new(None::<String>);
    let results = Memo::new(move |_| {
        let loaded = loaded.get()?;
        let filter = Filter { wave: wave.get(), ..Filter::all() };
        Some(Results::for_project(&loaded.project, &filter))
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

    view! {
        <section class="page">
            <h1>"Analysis"</h1>
            {move || {
                let loaded = loaded.get()?;
                let project = loaded.project;
                if project.count_responses(None).0 == 0 {
                    return Some(view! {
                        <p class="empty" data-testid="analysis-empty">
                            "No customer answers yet. "
                            <a href=data_href.clone()>"Import a CSV file on the Data page"</a>
                            " and the gaps appear here."
                        </p>
                    }.into_any());
                }
                let waves: Vec<String> = project.waves.iter().map(|w| w.name.clone()).collect();
                Some(view! {
                    <div class="toolbar">
                        <label>
                            <span>"Wave"</span>
                            <select data-testid="wave-filter"
                                on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    wave.set((!value.is_empty()).then_some(value));
                                }>
                                <option value="" selected=move || wave.get().is_none()>"All waves"</option>
                                {waves.into_iter().map(|name| {
                                    let selected = name.clone();
                                    view! { <option value=name.clone() selected=move || wave.get().as_deref() == Some(selected.as_str())>{name.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <button on:click=download_results data-testid="download-results">"Download results (JSON)"</button>
                    </div>
                    {move || results.get().map(|results| view! { <ResultsView project=project.clone() results=results /> })}
                }.into_any())
            }}
        </section>
    }
}

/// The reading guide, the overall figure and the table.
#[component]
fn ResultsView(project: Project, results: Results) -> impl IntoView {
    let overall = results.overall.perception_gap;
    let scale_span = f64::from(project.scale.max() - project.scale.min());
    view! {
        <p class="lead">
            "Perception gap = what customers experienced (P) minus what they expected (E), on the "
            {project.scale.to_string()} " scale. Below zero means customers get less than they expect. "
            "The 95 % confidence interval shows where the true gap most likely lies."
        </p>
        <div class="card overall" data-testid="overall">
            <h2>"Overall perception gap"</h2>
            <p class="big-figure" data-testid="overall-gap">{gap_text(&overall)}</p>
            <p>{ci_sentence(&overall)}</p>
            <Status test=overall item=false />
        </div>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Perception gap per dimension and item">
        <table class="data-table analysis-table" data-testid="analysis-table">
            <caption>"Perception gap (P − E) per dimension and item"</caption>
            <thead>
                <tr>
                    <th scope="col">"Item"</th>
                    <th scope="col" class="num">"n"</th>
                    <th scope="col" class="num">"E"</th>
                    <th scope="col" class="num">"P"</th>
                    <th scope="col" class="num">"Gap P − E"</th>
                    <th scope="col" class="num">"SD"</th>
                    <th scope="col" class="num">"SE"</th>
                    <th scope="col" class="num">"95 % CI"</th>
                    <th scope="col" class="num">"p (Holm)"</th>
                    <th scope="col"><span class="visually-hidden">"Confidence interval chart"</span></th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            {results.dimensions.iter().map(|dimension| {
                let name = project.dimensions.iter().find(|d| d.code.as_str() == dimension.code)
                    .map_or_else(|| dimension.code.clone(), |d| d.name.clone());
                let alpha = match dimension.alpha {
                    Some(a) => format!("Cronbach's α {} ({} items, {} complete answers)", number(Some(a.value), 2), a.items, a.cases),
                    None => "Cronbach's α: not enough complete answers".to_owned(),
                };
                let test = dimension.perception_gap;
                let items: Vec<_> = results.items.iter().filter(|i| i.dimension == dimension.code).cloned().collect();
                view! {
                    <tbody>
                        <tr class="dimension-row" data-testid="dimension-row" data-code=dimension.code.clone()>
                            <th scope="rowgroup">{name}<span class="muted small">{alpha}</span></th>
                            <GapCells test=test expectation=None perception=None holm=false span=scale_span />
                        </tr>
                        {items.into_iter().map(|item| {
                            let text = project.item(&item.code).map(|i| i.text.clone()).unwrap_or_default();
                            view! {
                                <tr data-testid="item-row" data-code=item.code.clone()>
                                    <th scope="row"><span class="code">{item.code.clone()}</span>" "<span class="item-text">{text}</span></th>
                                    <GapCells test=item.perception_gap expectation=item.expectation.mean
                                        perception=item.perception.mean holm=true span=scale_span />
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                }
            }).collect_view()}
        </table>
        </div>
        <p class="hint">
            "Item p-values are Holm-adjusted over all items of this view. Fewer than 10 answers: "
            "too few to say anything. Fewer than 30: indicative only."
        </p>
    }
}

fn gap_text(test: &GapTest) -> String {
    if test.summary.too_few() {
        "too few answers".to_owned()
    } else {
        number(test.gap(), 2)
    }
}

fn ci_sentence(test: &GapTest) -> String {
    if test.summary.too_few() {
        return format!("Only {} customers answered both parts; at least 10 are needed.", test.summary.n);
    }
    format!(
        "n = {}. With 95 % confidence the true gap lies between {} and {}.",
        test.summary.n,
        number(test.summary.ci_low, 2),
        number(test.summary.ci_high, 2)
    )
}

/// The number cells of one row; n < 10 shows "too few answers" instead of figures.
#[component]
fn GapCells(test: GapTest, expectation: Option<f64>, perception: Option<f64>, holm: bool, span: f64) -> impl IntoView {
    let n = test.summary.n;
    let means = view! {
        <td class="num" data-testid="n">{n}</td>
        <td class="num">{number(expectation, 2)}</td>
        <td class="num">{number(perception, 2)}</td>
    };
    if test.summary.too_few() {
        return view! {
            {means}
            <td class="num too-few" colspan="6" data-testid="gap">"too few answers"</td>
            <td><Status test=test item=holm /></td>
        }
        .into_any();
    }
    let p = if holm { test.p_holm.flatten() } else { test.p };
    view! {
        {means}
        <td class="num gap" data-testid="gap">{number(test.gap(), 2)}</td>
        <td class="num" data-testid="sd">{number(test.summary.sd, 2)}</td>
        <td class="num" data-testid="se">{number(test.summary.se, 2)}</td>
        <td class="num ci" data-testid="ci">{format!("{} to {}", number(test.summary.ci_low, 2), number(test.summary.ci_high, 2))}</td>
        <td class="num">{p_value(p)}</td>
        <td class="ci-chart"><CiBar test=test span=span /></td>
        <td><Status test=test item=holm /></td>
    }
    .into_any()
}

/// A small interval plot: zero line, CI bar and the mean, scaled to ± a third of the scale's
/// span (±2 on 1–7), where nearly every real gap lies; wider values are clipped.
#[component]
fn CiBar(test: GapTest, span: f64) -> impl IntoView {
    let half = span / 3.0;
    let x = |v: f64| 50.0 + (v.clamp(-half, half) / half) * 48.0;
    let (Some(mean), Some(low), Some(high)) = (test.gap(), test.summary.ci_low, test.summary.ci_high) else {
        return ().into_any();
    };
    let class = if test.finding && mean < 0.0 { "ci-bar short" } else if test.finding { "ci-bar over" } else { "ci-bar" };
    view! {
        <svg class="ci-svg" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="ci-track" x="2" y="5" width="96" height="2" />
            <line class="ci-zero" x1="50" x2="50" y1="0" y2="12" />
            <rect class=class x=x(low) y="4" width=(x(high) - x(low)).max(0.5) height="4" />
            <rect class="ci-mean" x=x(mean) - 0.75 y="1" width="1.5" height="10" />
        </svg>
    }
    .into_any()
}

/// The status in words (never colour alone).
#[component]
fn Status(test: GapTest, item: bool) -> impl IntoView {
    let _ = item;
    let (class, icon, text) = if test.summary.too_few() {
        ("status status-few", "…", "too few answers")
    } else if test.finding && test.gap().unwrap_or(0.0) < 0.0 {
        ("status status-short", "▼", "finding: shortfall")
    } else if test.finding {
        ("status status-over", "▲", "finding: exceeds expectations")
    } else {
        ("status status-none", "○", "no clear gap")
    };
    view! {
        <span class=class data-testid="status">
            <span aria-hidden="true">{icon}" "</span>{text}
            {(!test.summary.too_few() && test.indicative).then(|| view! { <span class="tag">"indicative"</span> })}
        </span>
    }
}
