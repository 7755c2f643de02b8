//! Beside the diagram: the CX gap as a headline, NPS/CSAT/CES, what to fix first, trends
//! before events, sample-size warnings, and the place for actions.

use super::diagram::{detail_href, value_text};
use crate::analysis::dashboard::{self, Gap, GapFigure, SmallFigure, TrendLine};
use crate::analysis::scores::Score;
use crate::analysis::Results;
use crate::model::{Project, ProjectId};
use crate::ui::format::number;
use crate::ui::pages::actions::ActionsSummary;
use crate::ui::route::Route;
use leptos::prelude::*;

fn item_text(project: &Project, code: &str) -> String {
    project.item(code).map(|i| i.text.clone()).unwrap_or_default()
}

/// The 80/8 gap: "Management 80 % top box vs customers 8 %".
#[component]
pub fn Headline(id: ProjectId, figure: GapFigure, results: Results) -> impl IntoView {
    let status = figure.status;
    let body = match results.overall.experience_gap_top_box {
        Some(top) => view! {
            <p class="dash-headline" data-testid="cx-headline">
                {format!("Management {} % top box vs customers {} %", number(Some(top.management), 0), number(Some(top.customers), 0))}
            </p>
            <p class="dash-headline-gap">
                <span class="dash-big"><span data-testid="gap-value-experience">{value_text(&figure)}</span>" pp"</span>
                <span class=format!("dash-status dash-status-{}", status.class())>
                    <span aria-hidden="true">{status.icon()}" "</span>{status.word()}
                </span>
            </p>
            <p class="hint">
                "Share of answers in the top box of the scale: what management thinks it delivers (S) against what customers experience (P). "
                "Bain found 80 % of executives believe they deliver a superior experience; 8 % of their customers agree."
            </p>
        }
        .into_any(),
        None => view! {
            <p class="dash-headline" data-testid="cx-headline">"Not measured yet"</p>
            <p class="dash-headline-gap"><span class="dash-big" data-testid="gap-value-experience">"–"</span></p>
            <p class="hint">{figure.basis.clone()}" Add management's view on the Data page."</p>
        }
        .into_any(),
    };
    view! {
        <section class="card dash-card dash-cx" aria-labelledby="dash-cx-heading" data-testid="dashboard-cx">
            <h2 id="dash-cx-heading">"Management vs customers"</h2>
            {body}
            <a href=detail_href(&id, Gap::Experience) data-testid="gap-link-experience">"Experience gap per item"</a>
        </section>
    }
}

/// NPS, CSAT and CES tiles with n.
#[component]
pub fn Scores(results: Results) -> impl IntoView {
    let tile =
        |name: &'static str, testid: &'static str, score: Option<Score>, unit: &'static str, help: &'static str| {
            let (figure, n) = match score {
                Some(s) => (
                    format!(
                        "{}{unit}",
                        number(
                            Some(s.value),
                            if unit.is_empty() {
                                if name == "CES" {
                                    2
                                } else {
                                    0
                                }
                            } else {
                                0
                            }
                        )
                    ),
                    format!("n = {}", s.n),
                ),
                None => ("–".to_owned(), "no answers".to_owned()),
            };
            view! {
                <div class="tile" data-testid=testid>
                    <h3>{name}</h3>
                    <p class="tile-figure">{figure}</p>
                    <p class="muted">{n}</p>
                    <p class="hint">{help}</p>
                </div>
            }
        };
    let overall = &results.overall;
    view! {
        <section class="dash-scores" aria-labelledby="dash-scores-heading">
            <h2 id="dash-scores-heading">"Customer scores"</h2>
            <div class="tiles dash-tiles">
                {tile("NPS", "dash-nps", overall.nps, "", "Promoters (9–10) minus detractors (0–6), in points.")}
                {tile("CSAT", "dash-csat", overall.csat, " %", "Share answering 4 or 5 of 5.")}
                {tile("CES", "dash-ces", overall.ces, "", "Mean effort, 1 (easy) to 7 (hard).")}
            </div>
        </section>
    }
}

/// The top three priorities with what closes each one's gap.
#[component]
pub fn Priorities(id: ProjectId, project: Project, results: Results) -> impl IntoView {
    let top = dashboard::top_priorities(&results, 3).to_vec();
    let more = results.priorities.len().saturating_sub(top.len());
    let body = if top.is_empty() {
        view! {
            <p class="muted" data-testid="dash-no-priorities">
                "No item shows a clear shortfall in this view (a finding needs at least 10 answers and a Holm-adjusted p below 0.05)."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ol class="dash-priorities" data-testid="dash-priorities">
                {top.into_iter().map(|p| view! {
                    <li class="dash-priority" data-testid="dash-priority" data-code=p.code.clone()>
                        <h3><span class="code">{p.code.clone()}</span>" "{item_text(&project, &p.code)}</h3>
                        <p>
                            {format!("Customers rate it {} below what they expect.", number(Some(-p.gap), 2))}
                            " "<span class="tag">{p.explained_by.name()}</span>
                        </p>
                        <p class="muted">{p.explained_by.cause()}</p>
                        <ul class="dash-strategies" aria-label="What closes this gap">
                            {p.explained_by.strategies().iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card dash-card" aria-labelledby="dash-priorities-heading">
            <h2 id="dash-priorities-heading">"Fix first"</h2>
            <p class="hint">"Shortfalls customers feel, ranked by how much they matter to customers times how far short they fall."</p>
            {body}
            {(more > 0).then(|| view! {
                <p><a href=Route::Analysis(id, None).href()>{format!("{more} more on the Analysis page")}</a></p>
            })}
        </section>
    }
}

fn trend_line(project: &Project, line: &TrendLine) -> impl IntoView {
    let waves =
        line.gaps.iter().map(|(wave, gap)| format!("{wave}: {}", number(*gap, 2))).collect::<Vec<_>>().join(" · ");
    view! {
        <li data-code=line.code.clone()>
            <span class="code">{line.code.clone()}</span>" "{item_text(project, &line.code)}
            <span class="dash-waves muted">{waves}</span>
        </li>
    }
}

/// How many trends, and how many events, are listed; the rest are on the Analysis page.
const LINES_SHOWN: usize = 4;

/// Trends first, then events, then the overall change: never just "the lowest score".
#[component]
pub fn Trends(project: Project, results: Results) -> impl IntoView {
    let summary = dashboard::trend_summary(&results);
    if summary.waves < 2 {
        return view! {
            <section class="card dash-card" aria-labelledby="dash-trends-heading" data-testid="dash-trends">
                <h2 id="dash-trends-heading">"Over the waves"</h2>
                <p class="muted">"Trends need at least two waves. Measure again and the direction shows here."</p>
            </section>
        }
        .into_any();
    }
    let overall = summary.overall.as_ref().map(|c| {
        let direction = if c.difference > 0.0 {
            "narrowed"
        } else if c.difference < 0.0 {
            "widened"
        } else {
            "did not move"
        };
        format!(
            "Overall, the perception gap {direction} from {} in {} to {} in {} ({}{}).",
            number(c.from.1, 2),
            c.from.0,
            number(c.to.1, 2),
            c.to.0,
            if c.difference > 0.0 { "+" } else { "" },
            number(Some(c.difference), 2)
        ) + if c.significant {
            " The change is significant (Welch's t-test, p < 0.05)."
        } else {
            " The change is not significant."
        }
    });
    let list = |lines: &[TrendLine], testid: &'static str, none: &'static str| {
        if lines.is_empty() {
            return view! { <p class="muted" data-testid=testid>{none}</p> }.into_any();
        }
        let more = lines.len().saturating_sub(LINES_SHOWN);
        view! {
            <ul class="dash-trend-list" data-testid=testid>
                {lines.iter().take(LINES_SHOWN).map(|l| trend_line(&project, l)).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <p class="muted">{format!("and {more} more in the trends on the Analysis page.")}</p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="card dash-card" aria-labelledby="dash-trends-heading" data-testid="dash-trends">
            <h2 id="dash-trends-heading">"Over the waves"</h2>
            <h3>"Trends: short in two or more waves in a row"</h3>
            {list(&summary.trends, "dash-trend-items", "None: no shortfall repeats from one wave to the next.")}
            <h3>"Events: short in a single wave"</h3>
            {list(&summary.events, "dash-event-items", "None.")}
            {overall.map(|text| view! { <p data-testid="dash-overall-change">{text}</p> })}
            <p class="hint">"Gaps are perception minus expectation (P − E) per wave; all waves are shown whatever wave is selected."</p>
        </section>
    }
    .into_any()
}

fn figures_text(figures: &[SmallFigure]) -> String {
    figures.iter().map(|f| format!("{} (n = {})", f.label, f.n)).collect::<Vec<_>>().join(", ")
}

/// Which figures rest on few answers.
#[component]
pub fn Warnings(project: Project, results: Results) -> impl IntoView {
    let warnings = dashboard::sample_warnings(&project, &results);
    let body = if results.items.is_empty() {
        view! { <p class="muted">"No answers in this view yet."</p> }.into_any()
    } else if warnings.is_empty() {
        view! { <p data-testid="dash-no-warnings">"Every figure here rests on at least 30 answers."</p> }.into_any()
    } else {
        view! {
            {(!warnings.too_few.is_empty()).then(|| view! {
                <p data-testid="dash-too-few">
                    <strong><span aria-hidden="true">"… "</span>"Too few answers (n < 10), never a finding: "</strong>
                    {figures_text(&warnings.too_few)}"."
                </p>
            })}
            {(!warnings.indicative.is_empty()).then(|| view! {
                <p data-testid="dash-indicative">
                    <strong><span aria-hidden="true">"◐ "</span>"Indicative only (n < 30): "</strong>
                    {figures_text(&warnings.indicative)}"."
                </p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="card dash-card dash-warnings" aria-labelledby="dash-warnings-heading" data-testid="dash-warnings">
            <h2 id="dash-warnings-heading">"How sure these figures are"</h2>
            {body}
        </section>
    }
}

/// The actions decided on the priorities, and whether their gaps closed (the Actions page's
/// summary).
#[component]
pub fn Actions(id: ProjectId, project: Project) -> impl IntoView {
    view! {
        <section class="card dash-card dash-actions" aria-labelledby="dash-actions-heading" data-testid="dash-actions">
            <h2 id="dash-actions-heading">"Actions"</h2>
            <ActionsSummary project=Signal::stored(project.clone()) />
            // The summary links to the Actions page itself while there are no actions.
            {(!project.actions.is_empty()).then(|| view! {
                <p><a href=Route::Actions(id).href()>"Root causes and actions on the Actions page"</a></p>
            })}
        </section>
    }
}
