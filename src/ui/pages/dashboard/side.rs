//! Beside the diagram: the CX gap as a headline, NPS/CSAT/CES, what to fix first, trends
//! before events, sample-size warnings, and the place for actions.

use super::diagram::{detail_href, value_text};
use crate::analysis::dashboard::{self, Gap, GapFigure, SmallFigure, TrendLine};
use crate::analysis::Results;
use crate::format::percent;
use crate::explain::Topic;
use crate::i18n::tr;
use crate::model::{Project, ProjectId};
use crate::ui::format::{count, number};
use crate::ui::components::explain::Explain;
use crate::ui::components::score_tile::score_tile;
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
                {t!(
                    "Management {management} % top box vs customers {customers} %",
                    management = number(Some(top.management), 0),
                    customers = number(Some(top.customers), 0)
                )}
            </p>
            <p class="dash-headline-gap">
                <span class="dash-big"><span data-testid="gap-value-experience">{value_text(&figure)}</span>" "{t!("pp")}</span>
                <span class=format!("dash-status dash-status-{}", status.class())>
                    <span aria-hidden="true">{status.icon()}" "</span>{status.word()}
                </span>
            </p>
            <p class="hint">
                {t!("Share of answers in the top box of the scale: what management thinks it delivers (S) against what customers experience (P).")}" "
                {t!(
                    "Bain found {executives} of executives believe they deliver a superior experience; {customers} of their customers agree.",
                    executives = percent(Some(80.0), 0),
                    customers = percent(Some(8.0), 0)
                )}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="dash-headline" data-testid="cx-headline">{t!("Not measured yet")}</p>
            <p class="dash-headline-gap"><span class="dash-big" data-testid="gap-value-experience">"–"</span></p>
            <p class="hint">{figure.basis.clone()}" "{t!("Add management's view on the Data page.")}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card dash-card dash-cx" aria-labelledby="dash-cx-heading" data-testid="dashboard-cx">
            <h2 id="dash-cx-heading">{t!("Management vs customers")}</h2>
            {body}
            <Explain topic=Topic::ExperienceGap />
            <a href=detail_href(&id, Gap::Experience) data-testid="gap-link-experience">{t!("Experience gap per item")}</a>
        </section>
    }
}

/// NPS, CSAT and CES tiles with n.
#[component]
pub fn Scores(id: ProjectId, results: Results) -> impl IntoView {
    let overall = &results.overall;
    // No score asked at all: three tiles of dashes would say nothing, so say where to ask.
    if overall.nps.is_none() && overall.csat.is_none() && overall.ces.is_none() {
        return view! {
            <section class="dash-scores" aria-labelledby="dash-scores-heading">
                <h2 id="dash-scores-heading">{t!("Customer scores")}</h2>
                <div class="empty-state" data-testid="empty-state">
                    <p class="muted" data-testid="dash-no-scores">
                        <crate::ui::components::linked::Linked href=Route::Questionnaire(id).href()
                            text=t!("No NPS, CSAT or CES answers in this view. To get these scores, [add their questions to the questionnaire].") />
                    </p>
                </div>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="dash-scores" aria-labelledby="dash-scores-heading">
            <h2 id="dash-scores-heading">{t!("Customer scores")}</h2>
            <div class="tiles dash-tiles">
                {score_tile("NPS", "dash-nps", overall.nps, |v| number(Some(v), 0), t!("Promoters (9–10) minus detractors (0–6), in points."), Topic::Nps)}
                {score_tile("CSAT", "dash-csat", overall.csat, |v| percent(Some(v), 0), t!("Share answering 4 or 5 of 5."), Topic::Csat)}
                {score_tile("CES", "dash-ces", overall.ces, |v| number(Some(v), 2), t!("Mean effort, 1 (easy) to 7 (hard)."), Topic::Ces)}
            </div>
        </section>
    }
    .into_any()
}

/// The top three priorities with what closes each one's gap.
#[component]
pub fn Priorities(id: ProjectId, project: Project, results: Results) -> impl IntoView {
    let top = dashboard::top_priorities(&results, 3).to_vec();
    let more = results.priorities.len().saturating_sub(top.len());
    let body = if top.is_empty() {
        view! {
            <p class="muted" data-testid="dash-no-priorities">
                {t!("No item shows a clear shortfall in this view (a finding needs at least 10 answers and a Holm-adjusted p below 0.05).")}
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
                            {t!("Customers rate it {gap} below what they expect.", gap = number(Some(-p.gap), 2))}
                            " "<span class="tag">{p.explained_by.name()}</span>
                        </p>
                        <p class="muted">{p.explained_by.cause()}</p>
                        <ul class="dash-strategies" aria-label=t!("What closes this gap")>
                            {p.explained_by.strategies().iter().map(|s| view! { <li>{tr(s)}</li> }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card dash-card" aria-labelledby="dash-priorities-heading">
            <h2 id="dash-priorities-heading">{t!("Fix first")}</h2>
            <p class="hint">{t!("Shortfalls customers feel, ranked by how much they matter to customers times how far short they fall.")}</p>
            <Explain topic=Topic::Priorities />
            {body}
            {(more > 0).then(|| view! {
                <p><a href=Route::Analysis(id, None).href()>{t!("{n} more on the Analysis page", n = count(more))}</a></p>
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
                <h2 id="dash-trends-heading">{t!("Over the waves")}</h2>
                <p class="muted">{t!("Trends need at least two waves. Measure again and the direction shows here.")}</p>
            </section>
        }
        .into_any();
    }
    let overall = summary.overall.as_ref().map(|c| {
        let (from, from_wave) = (number(c.from.1, 2), &c.from.0);
        let (to, to_wave) = (number(c.to.1, 2), &c.to.0);
        let change = format!("{}{}", if c.difference > 0.0 { "+" } else { "" }, number(Some(c.difference), 2));
        let moved = if c.difference > 0.0 {
            t!(
                "Overall, the perception gap narrowed from {from} in {from_wave} to {to} in {to_wave} ({change}).",
                from = from, from_wave = from_wave, to = to, to_wave = to_wave, change = change
            )
        } else if c.difference < 0.0 {
            t!(
                "Overall, the perception gap widened from {from} in {from_wave} to {to} in {to_wave} ({change}).",
                from = from, from_wave = from_wave, to = to, to_wave = to_wave, change = change
            )
        } else {
            t!(
                "Overall, the perception gap did not move from {from} in {from_wave} to {to} in {to_wave} ({change}).",
                from = from, from_wave = from_wave, to = to, to_wave = to_wave, change = change
            )
        };
        let significance = if c.significant {
            t!("The change is significant (Welch's t-test, p < {alpha}).", alpha = number(Some(0.05), 2))
        } else {
            t!("The change is not significant.").to_owned()
        };
        format!("{moved} {significance}")
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
                <p class="muted">{t!("and {n} more in the trends on the Analysis page.", n = count(more))}</p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="card dash-card" aria-labelledby="dash-trends-heading" data-testid="dash-trends">
            <h2 id="dash-trends-heading">{t!("Over the waves")}</h2>
            <h3>{t!("Trends: short in two or more waves in a row")}</h3>
            {list(&summary.trends, "dash-trend-items", t!("None: no shortfall repeats from one wave to the next."))}
            <h3>{t!("Events: short in a single wave")}</h3>
            {list(&summary.events, "dash-event-items", t!("None."))}
            {overall.map(|text| view! { <p data-testid="dash-overall-change">{text}</p> })}
            <p class="hint">{t!("Gaps are perception minus expectation (P − E) per wave; all waves are shown whatever wave is selected.")}</p>
            <Explain topic=Topic::Trend />
        </section>
    }
    .into_any()
}

fn figures_text(figures: &[SmallFigure]) -> String {
    figures.iter().map(|f| format!("{} (n = {})", f.label, count(f.n))).collect::<Vec<_>>().join(", ")
}

/// Which figures rest on few answers.
#[component]
pub fn Warnings(project: Project, results: Results) -> impl IntoView {
    let warnings = dashboard::sample_warnings(&project, &results);
    let body = if results.items.is_empty() {
        view! { <p class="muted">{t!("No answers in this view yet.")}</p> }.into_any()
    } else if warnings.is_empty() {
        view! { <p data-testid="dash-no-warnings">{t!("Every figure here rests on at least 30 answers.")}</p> }.into_any()
    } else {
        view! {
            {(!warnings.too_few.is_empty()).then(|| view! {
                <p data-testid="dash-too-few">
                    <strong><span aria-hidden="true">"… "</span>{t!("Too few answers (n < 10), never a finding:")}" "</strong>
                    {figures_text(&warnings.too_few)}"."
                </p>
            })}
            {(!warnings.indicative.is_empty()).then(|| view! {
                <p data-testid="dash-indicative">
                    <strong><span aria-hidden="true">"◐ "</span>{t!("Indicative only (n < 30):")}" "</strong>
                    {figures_text(&warnings.indicative)}"."
                </p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="card dash-card dash-warnings" aria-labelledby="dash-warnings-heading" data-testid="dash-warnings">
            <h2 id="dash-warnings-heading">{t!("How sure these figures are")}</h2>
            {body}
            <div class="explain-group">
                <Explain topic=Topic::Indicative named=true />
                <Explain topic=Topic::TooFewAnswers named=true />
                <Explain topic=Topic::Finding named=true />
            </div>
        </section>
    }
}

/// The actions decided on the priorities, and whether their gaps closed (the Actions page's
/// summary).
#[component]
pub fn Actions(id: ProjectId, project: Project) -> impl IntoView {
    view! {
        <section class="card dash-card dash-actions" aria-labelledby="dash-actions-heading" data-testid="dash-actions">
            <h2 id="dash-actions-heading">{t!("Actions")}</h2>
            <ActionsSummary project=Signal::stored(project.clone()) />
            // The summary links to the Actions page itself while there are no actions.
            {(!project.actions.is_empty()).then(|| view! {
                <Explain topic=Topic::FollowUp />
                <p><a href=Route::Actions(id).href()>{t!("Root causes and actions on the Actions page")}</a></p>
            })}
        </section>
    }
}
