//! From figures to decisions: priorities with remedies, the journey, IPA and trends.

use super::table::{interval, Status};
use crate::analysis::trends::Pattern;
use crate::analysis::Results;
use crate::explain::Topic;
use crate::model::Project;
use crate::i18n::tr;
use crate::ui::components::explain::Explain;
use crate::ui::format::{count, number, p_value};
use leptos::prelude::*;

fn item_text(project: &Project, code: &str) -> String {
    project.item(code).map(|i| i.text.clone()).unwrap_or_default()
}

/// What to fix first: shortfall findings ranked by importance-weighted size.
#[component]
pub fn Priorities(project: Project, results: Results) -> impl IntoView {
    let priorities = results.priorities.clone();
    view! {
        <section aria-labelledby="priorities-heading">
            <h2 id="priorities-heading">{t!("What to fix first")}</h2>
            <Explain topic=Topic::Priorities />
            {if priorities.is_empty() {
                view! { <p class="empty" data-testid="no-priorities">
                    {t!("No item shows a clear shortfall yet (a finding needs at least 10 answers and a Holm-adjusted p below 0.05).")}
                </p> }.into_any()
            } else {
                view! {
                    <ol class="priorities" data-testid="priorities">
                        {priorities.into_iter().take(5).map(|p| {
                            let strategies = p.explained_by.strategies();
                            view! {
                                <li class="card priority" data-testid="priority" data-code=p.code.clone()>
                                    <p class="priority-head">
                                        <span class="code">{p.code.clone()}</span>" "
                                        <strong>{item_text(&project, &p.code)}</strong>
                                    </p>
                                    <p>{t!("Customers rate it {gap} below what they expect.", gap = number(Some(-p.gap), 2))}
                                       " " <span class="tag" data-testid="gap-type">{p.explained_by.name()}</span></p>
                                    <p class="muted">{p.explained_by.cause()}</p>
                                    <details>
                                        <summary>{t!("What closes this gap")}</summary>
                                        <ul>{strategies.iter().map(|s| view! { <li>{tr(s)}</li> }).collect_view()}</ul>
                                    </details>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// Perception gap per journey stage and touchpoint, with complaints alongside.
#[component]
pub fn JourneyTable(project: Project, results: Results) -> impl IntoView {
    if results.journey.touchpoints.is_empty() {
        return view! {
            <section aria-labelledby="journey-heading">
                <h2 id="journey-heading">{t!("Journey")}</h2>
                <p class="empty">{t!("No customer journey is set up yet. Add stages and touchpoints on the Journey page and link items to them.")}</p>
            </section>
        }
        .into_any();
    }
    let rows = results.journey.touchpoints.iter().map(|t| {
        let touchpoint = project.journey.touchpoint(&t.code);
        let name = touchpoint.map_or_else(|| t.code.clone(), |tp| tp.name.clone());
        let owner = touchpoint.map(|tp| tp.owner.clone()).unwrap_or_default();
        let stage = project.journey.stages.get(t.stage).map(|s| s.name.clone()).unwrap_or_default();
        let gap = if t.items == 0 {
            t!("no items linked").to_owned()
        } else if t.perception_gap.summary.too_few() {
            t!("too few answers").to_owned()
        } else {
            number(t.perception_gap.gap(), 2)
        };
        view! {
            <tr data-testid="touchpoint-row" data-code=t.code.clone()>
                <td>{stage}</td>
                <th scope="row">{name}{t.critical.then(|| view! { <span class="tag">{t!("critical")}</span> })}</th>
                <td>{owner}</td>
                <td class="num">{count(t.items)}</td>
                <td class="num" data-testid="gap">{gap}</td>
                <td><Status test=(t.items > 0).then_some(t.perception_gap) missing=t!("no items linked") /></td>
                <td class="num" data-testid="complaints">{count(t.complaints)}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <section aria-labelledby="journey-heading">
            <h2 id="journey-heading">{t!("Journey")}</h2>
            <Explain topic=Topic::JourneyMap />
            <div class="table-scroll" tabindex="0" role="region" aria-label=t!("Perception gap per touchpoint")>
                <table class="data-table" data-testid="journey-table">
                    <caption>{t!("Perception gap per touchpoint, with complaints")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Stage")}</th><th scope="col">{t!("Touchpoint")}</th><th scope="col">{t!("Owner")}</th>
                        <th scope="col" class="num">{t!("Items")}</th><th scope="col" class="num">{t!("Gap P − E")}</th>
                        <th scope="col">{t!("Status")}</th><th scope="col" class="num">{t!("Complaints")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// Importance–performance analysis as a table grouped by quadrant.
#[component]
pub fn IpaTable(project: Project, results: Results) -> impl IntoView {
    let ipa = results.ipa.clone();
    if ipa.items.is_empty() {
        return view! {
            <section aria-labelledby="ipa-heading">
                <h2 id="ipa-heading">{t!("Importance and performance")}</h2>
                <p class="empty">{t!("Not enough answers to place items by importance and performance.")}</p>
            </section>
        }
        .into_any();
    }
    let source = if ipa.importance_source == "stated" {
        t!("Importance is what customers stated (points per dimension, shared by its items).")
    } else {
        t!("No stated importance: importance is derived as each item's correlation with the overall perception.")
    };
    let mut items = ipa.items.clone();
    crate::sort::sort_by_key(&mut items, |i| i.quadrant as u8);
    view! {
        <section aria-labelledby="ipa-heading">
            <h2 id="ipa-heading">{t!("Importance and performance")}</h2>
            <p class="hint">{source}" "{t!(
                "Split at the means: importance {importance}, performance {performance}.",
                importance = number(ipa.x_split, 2),
                performance = number(ipa.y_split, 2)
            )}</p>
            <div class="explain-group">
                <Explain topic=Topic::ImportancePerformance named=true />
                <Explain topic=Topic::Importance named=true />
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t!("Importance and performance per item")>
                <table class="data-table" data-testid="ipa-table">
                    <caption>{t!("Importance–performance quadrants")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Quadrant")}</th><th scope="col">{t!("Item")}</th>
                        <th scope="col" class="num">{t!("Importance")}</th><th scope="col" class="num">{t!("Performance (P)")}</th>
                    </tr></thead>
                    <tbody>
                        {items.into_iter().map(|i| view! {
                            <tr data-testid="ipa-row" data-code=i.code.clone()>
                                <td data-testid="quadrant">{i.quadrant.label()}</td>
                                <th scope="row"><span class="code">{i.code.clone()}</span>" "{item_text(&project, &i.code)}</th>
                                <td class="num">{number(Some(i.importance), 2)}</td>
                                <td class="num">{number(Some(i.performance), 2)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// Trends first: the overall gap per wave with changes, then items whose shortfall repeats.
#[component]
pub fn TrendTable(project: Project, results: Results) -> impl IntoView {
    let trends = results.trends.clone();
    if trends.waves.len() < 2 {
        return view! {
            <section aria-labelledby="trends-heading">
                <h2 id="trends-heading">{t!("Trends")}</h2>
                <p class="empty">{t!("Trends need at least two waves.")}</p>
            </section>
        }
        .into_any();
    }
    let overall_rows = trends.waves.iter().zip(&trends.overall).enumerate().map(|(i, (wave, test))| {
        let change = i.checked_sub(1).and_then(|j| trends.changes.get(j));
        let change_text = change.map_or(String::new(), |c| match (c.change.difference, c.change.p) {
            (Some(d), Some(p)) if p < 0.05 => t!("{change} (p {p}), significant", change = number(Some(d), 2), p = p_value(Some(p))),
            (Some(d), Some(p)) => format!("{} (p {})", number(Some(d), 2), p_value(Some(p))),
            (Some(d), None) => number(Some(d), 2),
            _ => "–".to_owned(),
        });
        view! {
            <tr data-testid="trend-row">
                <th scope="row">{wave.clone()}</th>
                <td class="num">{count(test.summary.n)}</td>
                <td class="num">{number(test.gap(), 2)}</td>
                <td class="num">{interval(test.summary.ci_low, test.summary.ci_high)}</td>
                <td class="num">{change_text}</td>
            </tr>
        }
    }).collect_view();
    let named = |pattern: Pattern| -> Vec<String> {
        trends.items.iter().filter(|i| i.pattern == pattern).map(|i| format!("{} {}", i.code, item_text(&project, &i.code))).collect()
    };
    let (trend_items, event_items) = (named(Pattern::Trend), named(Pattern::Event));
    view! {
        <section aria-labelledby="trends-heading">
            <h2 id="trends-heading">{t!("Trends")}</h2>
            <div class="explain-group">
                <Explain topic=Topic::Trend named=true />
                <Explain topic=Topic::Wave named=true />
            </div>
            <div class="trend-lists">
                <div data-testid="trend-items">
                    <h3>{t!("Trends: a shortfall in two or more waves in a row")}</h3>
                    {if trend_items.is_empty() { view! { <p class="muted">{t!("None.")}</p> }.into_any() } else {
                        view! { <ul>{trend_items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </div>
                <div data-testid="event-items">
                    <h3>{t!("Events: a shortfall in a single wave")}</h3>
                    {if event_items.is_empty() { view! { <p class="muted">{t!("None.")}</p> }.into_any() } else {
                        view! { <ul>{event_items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </div>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t!("Overall perception gap per wave")>
                <table class="data-table" data-testid="trend-table">
                    <caption>{t!("Overall perception gap per wave (change: Welch's t-test against the wave before)")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Wave")}</th><th scope="col" class="num">"n"</th><th scope="col" class="num">{t!("Gap")}</th>
                        <th scope="col" class="num">{t!("95 % CI")}</th><th scope="col" class="num">{t!("Change")}</th>
                    </tr></thead>
                    <tbody>{overall_rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
