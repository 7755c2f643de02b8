//! The report's findings: key figures, the gaps at a glance, every item's gaps, delivery,
//! trends, and the priorities with what closes them.

use crate::analysis::report::{family_count, largest_shortfall, status_text, GapId, Status};
use crate::analysis::stats::GapTest;
use crate::analysis::trends::Pattern;
use crate::analysis::Results;
use crate::model::Project;
use crate::format::percent;
use crate::i18n::tr;
use crate::ui::format::{count, number, p_value};
use leptos::prelude::*;

fn item_text(project: &Project, code: &str) -> String {
    project.item(code).map(|i| i.text.clone()).unwrap_or_default()
}

/// "REL4 We deliver on time", for lists that run on in a sentence (no full stop of its own).
fn item_label(project: &Project, code: &str) -> String {
    format!("{code} {}", item_text(project, code).trim_end().trim_end_matches('.'))
}

fn ci_text(test: Option<&GapTest>) -> String {
    match test.map(|t| (t.summary.ci_low, t.summary.ci_high)) {
        Some((Some(low), Some(high))) => t!("{low} to {high}", low = number(Some(low), 2), high = number(Some(high), 2)),
        _ => "–".to_owned(),
    }
}

/// "3 of 12 items are shortfall findings".
fn shortfall_note(shortfalls: usize, tested: usize) -> String {
    t!("{shortfalls} of {tested} items are shortfall findings", shortfalls = count(shortfalls), tested = count(tested))
}

/// A table that scrolls sideways on a narrow screen (and prints whole).
#[component]
pub fn Scroll(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll report-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}

/// A status in words with its icon (never colour alone).
#[component]
fn StatusCell(test: Option<GapTest>) -> impl IntoView {
    let status = Status::of(test.as_ref());
    let icon = match status {
        Status::Shortfall => "▼",
        Status::Above => "▲",
        Status::NoClearGap => "○",
        Status::TooFew | Status::NotMeasured => "…",
    };
    view! {
        <td class=status.class() data-testid="report-status">
            <span aria-hidden="true">{icon}" "</span>{status_text(test.as_ref())}
        </td>
    }
}

/// The headline figures in sentences: overall gap, the 80/8 figure, NPS, CSAT, CES.
#[component]
pub fn KeyFigures(results: Results) -> impl IntoView {
    let overall = results.overall.perception_gap;
    let perception = if results.perception_only {
        t!("Perception gap: not measured (the survey asks perception only).").to_owned()
    } else if overall.summary.too_few() {
        t!("Overall perception gap: too few answers (n = {n}; at least 10 are needed).", n = count(overall.summary.n))
    } else {
        t!(
            "Overall perception gap P − E: {gap} (n = {n}, 95 % CI {ci}); {status}.",
            gap = number(overall.gap(), 2),
            n = count(overall.summary.n),
            ci = ci_text(Some(&overall)),
            status = status_text(Some(&overall))
        )
    };
    let weighted = results
        .overall
        .weighted_perception_gap
        .map(|w| t!("Weighted by the importance customers gave each dimension: {gap}.", gap = number(Some(w), 2)));
    let cx = match results.overall.experience_gap_top_box {
        Some(top) => t!(
            "Experience gap: management {management} % top box vs customers {customers} %, a gap of {gap} percentage points.",
            management = number(Some(top.management), 0),
            customers = number(Some(top.customers), 0),
            gap = number(Some(top.gap_pp), 0)
        ),
        None => t!("Experience gap: not measured (needs management's own rating S).").to_owned(),
    };
    // `show` writes the score: NPS in whole points, CSAT in %, CES with two decimals of 7.
    let score = |name: &str, value: Option<crate::analysis::scores::Score>, show: fn(f64) -> String| match value {
        Some(s) => format!("{name} {} (n = {})", show(s.value), count(s.n)),
        None => format!("{name}: {}", t!("no answers")),
    };
    let scores = format!(
        "{}; {}; {}.",
        score("NPS", results.overall.nps, |v| number(Some(v), 0)),
        score("CSAT", results.overall.csat, |v| percent(Some(v), 0)),
        score("CES", results.overall.ces, |v| t!("{value} of 7", value = number(Some(v), 2)))
    );
    view! {
        <ul class="report-key-figures" data-testid="report-key-figures">
            <li data-testid="report-overall">{perception}</li>
            {weighted.map(|w| view! { <li>{w}</li> })}
            <li data-testid="report-cx">{cx}</li>
            <li data-testid="report-scores">{scores}</li>
        </ul>
    }
}

/// One row of the gaps table.
struct GapRow {
    gap: GapId,
    figure: String,
    note: Option<String>,
    value: String,
    n: String,
    ci: String,
    status: AnyView,
}

fn descriptive(text: &'static str) -> AnyView {
    view! { <td class="status status-none" data-testid="report-status">{text}</td> }.into_any()
}

fn item_gap_row(project: &Project, results: &Results, gap: GapId, rho: Option<String>) -> GapRow {
    let count = family_count(&results.items, gap);
    let counted = (count.tested > 0).then(|| {
        let mut note = shortfall_note(count.shortfalls, count.tested);
        if count.too_few > 0 {
            note.push_str(", ");
            note.push_str(&t!("{n} with too few answers", n = crate::format::count(count.too_few)));
        }
        if let Some(rho) = &rho {
            note.push_str("; ");
            note.push_str(&t!("rank agreement ρ = {rho}", rho = rho));
        }
        note
    });
    match largest_shortfall(&results.items, gap) {
        Some((item, test)) => GapRow {
            gap,
            figure: t!("Largest shortfall: {item}", item = format!("{} {}", item.code, item_text(project, &item.code))),
            note: counted,
            value: number(test.gap(), 2),
            n: crate::format::count(test.summary.n),
            ci: ci_text(Some(&test)),
            status: view! { <StatusCell test=Some(test) /> }.into_any(),
        },
        None => {
            let (figure, status) = match count.tested {
                0 => (t!("Not measured for any item"), Status::NotMeasured.label()),
                _ if count.too_few == count.tested => (t!("Every item has too few answers"), Status::TooFew.label()),
                _ => (t!("No item falls short"), t!("no shortfall")),
            };
            GapRow {
                gap,
                figure: figure.to_owned(),
                note: counted,
                value: "–".to_owned(),
                n: "–".to_owned(),
                ci: "–".to_owned(),
                status: descriptive(status),
            }
        }
    }
}

/// One row per gap: its headline figure, value, n, CI and status.
#[component]
pub fn GapsAtAGlance(project: Project, results: Results) -> impl IntoView {
    let mut rows: Vec<GapRow> = Vec::new();
    if !results.perception_only {
        let rho = results.overall.knowledge_rank_correlation.map(|r| number(Some(r), 2));
        rows.push(item_gap_row(&project, &results, GapId::Knowledge, rho));
    } else {
        rows.push(GapRow {
            gap: GapId::Knowledge,
            figure: t!("Needs customers' expectations; this survey asks perception only").to_owned(),
            note: None,
            value: "–".to_owned(),
            n: "–".to_owned(),
            ci: "–".to_owned(),
            status: view! { <StatusCell test=None /> }.into_any(),
        });
    }
    rows.push(match results.overall.standards_coverage_pct {
        Some(pct) => GapRow {
            gap: GapId::Standards,
            figure: t!("Importance-weighted coverage by service standards").to_owned(),
            note: (!results.standards_gap.important_without_standard.is_empty()).then(|| {
                t!(
                    "Important items with no standard: {items}",
                    items = results.standards_gap.important_without_standard.join(", ")
                )
            }),
            value: percent(Some(pct), 0),
            n: "–".to_owned(),
            ci: "–".to_owned(),
            status: descriptive(t!("a share, no test")),
        },
        None => GapRow {
            gap: GapId::Standards,
            figure: t!("No service standards are set up").to_owned(),
            note: None,
            value: "–".to_owned(),
            n: "–".to_owned(),
            ci: "–".to_owned(),
            status: view! { <StatusCell test=None /> }.into_any(),
        },
    });
    let least_met = results
        .delivery
        .iter()
        .filter(|d| d.met_pct.is_some())
        .min_by(|a, b| a.met_pct.unwrap_or(0.0).total_cmp(&b.met_pct.unwrap_or(0.0)));
    rows.push(match least_met {
        Some(d) => GapRow {
            gap: GapId::Delivery,
            figure: t!(
                "Least met standard: {standard}",
                standard = project.standards.iter().find(|s| s.id == d.standard).map_or(d.standard.clone(), |s| s.text.clone())
            ),
            note: Some(t!(
                "{n} standards with a measured target",
                n = count(results.delivery.iter().filter(|d| d.n > 0).count())
            )),
            value: t!("{share} met", share = percent(d.met_pct, 0)),
            n: count(d.n),
            ci: "–".to_owned(),
            status: descriptive(t!("measured, no test")),
        },
        None => GapRow {
            gap: GapId::Delivery,
            figure: t!("No measurements of a standard's target in this view").to_owned(),
            note: None,
            value: "–".to_owned(),
            n: count(0),
            ci: "–".to_owned(),
            status: view! { <StatusCell test=None /> }.into_any(),
        },
    });
    rows.push(item_gap_row(&project, &results, GapId::Communication, None));
    let overall = results.overall.perception_gap;
    rows.push(if results.perception_only {
        GapRow {
            gap: GapId::Perception,
            figure: t!("Needs customers' expectations; this survey asks perception only").to_owned(),
            note: None,
            value: "–".to_owned(),
            n: "–".to_owned(),
            ci: "–".to_owned(),
            status: view! { <StatusCell test=None /> }.into_any(),
        }
    } else {
        let count = family_count(&results.items, GapId::Perception);
        GapRow {
            gap: GapId::Perception,
            figure: t!("Overall, over all items").to_owned(),
            note: Some(shortfall_note(count.shortfalls, count.tested)),
            value: number(overall.gap(), 2),
            n: crate::format::count(overall.summary.n),
            ci: ci_text(Some(&overall)),
            status: view! { <StatusCell test=Some(overall) /> }.into_any(),
        }
    });
    let mut experience = item_gap_row(&project, &results, GapId::Experience, None);
    if let Some(top) = results.overall.experience_gap_top_box {
        let note = t!(
            "Top box: management {management} % vs customers {customers} %, {gap} pp",
            management = number(Some(top.management), 0),
            customers = number(Some(top.customers), 0),
            gap = number(Some(top.gap_pp), 0)
        );
        experience.note = Some(match experience.note {
            // A unit abbreviation ("p.e.") may already end the note with a full stop.
            Some(counted) if note.ends_with('.') => format!("{note} {counted}"),
            Some(counted) => format!("{note}. {counted}"),
            None => note,
        });
    }
    rows.push(experience);

    view! {
        <h3>{t!("The gaps at a glance")}</h3>
        <Scroll label=t!("The gaps at a glance")>
        <table class="data-table report-table report-gaps" data-testid="report-gaps">
            <caption>{t!("Each gap's headline figure: scale points (below zero is a shortfall) or a share in %.")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("Gap")}</th>
                    <th scope="col">{t!("Figure")}</th>
                    <th scope="col" class="num">{t!("Value")}</th>
                    <th scope="col" class="num">"n"</th>
                    <th scope="col" class="num">{t!("95 % CI")}</th>
                    <th scope="col">{t!("Status")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr data-testid="report-gap-row">
                        <th scope="row">{row.gap.name()}</th>
                        <td>{row.figure}{row.note.map(|n| view! { <span class="small muted">{n}</span> })}</td>
                        <td class="num gap" data-label=t!("Value")>{row.value}</td>
                        <td class="num" data-label="n">{row.n}</td>
                        <td class="num" data-label=t!("95 % CI")>{row.ci}</td>
                        {row.status}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </Scroll>
    }
}

/// Every item's figure for each gap with item-level tests, grouped by dimension for gap 5.
#[component]
pub fn ItemFindings(project: Project, results: Results) -> impl IntoView {
    let gaps: Vec<GapId> = [GapId::Perception, GapId::Knowledge, GapId::Communication, GapId::Experience]
        .into_iter()
        .filter(|g| !(results.perception_only && matches!(g, GapId::Perception | GapId::Knowledge)))
        .filter(|g| family_count(&results.items, *g).tested > 0)
        .collect();
    gaps.into_iter()
        .map(|gap| {
            let (title, left, right) = match gap {
                GapId::Perception => (t!("Perception gap per item: P − E"), "E", "P"),
                GapId::Knowledge => (t!("Knowledge gap per item: M − E"), "E", "M"),
                GapId::Communication => (t!("Communication gap per item: P − promised level"), "P", t!("Promise")),
                _ => (t!("Experience gap per item: P − S"), "P", "S"),
            };
            let dimension_rows = gap == GapId::Perception;
            let tested = family_count(&results.items, gap).tested;
            let groups: Vec<(String, Option<AnyView>, Vec<AnyView>)> = results
                .dimensions
                .iter()
                .map(|dimension| {
                    let name = project
                        .dimensions
                        .iter()
                        .find(|d| d.code.as_str() == dimension.code)
                        .map_or_else(|| dimension.code.clone(), |d| d.name.clone());
                    let head = dimension_rows.then(|| {
                        let alpha = match dimension.alpha {
                            Some(a) => t!(
                                "Cronbach's α {alpha} ({items} items, {cases} cases)",
                                alpha = number(Some(a.value), 2),
                                items = count(a.items),
                                cases = count(a.cases)
                            ),
                            None => t!("Cronbach's α: not computable (needs 2+ items, 3+ complete cases)").to_owned(),
                        };
                        let test = dimension.perception_gap;
                        view! {
                            <tr class="dimension-row">
                                <th scope="row">{name.clone()}<span class="small muted">{alpha}</span></th>
                                <td class="num">{count(test.summary.n)}</td>
                                <td class="num"></td>
                                <td class="num"></td>
                                <td class="num gap">{number(test.gap(), 2)}</td>
                                <td class="num">{ci_text(Some(&test))}</td>
                                <td class="num">{p_value(test.p)}</td>
                                <StatusCell test=Some(test) />
                            </tr>
                        }
                        .into_any()
                    });
                    let rows: Vec<AnyView> = results
                        .items
                        .iter()
                        .filter(|i| i.dimension == dimension.code)
                        .filter_map(|item| {
                            let test = gap.item_test(item)?;
                            let (l, r) = match gap {
                                GapId::Perception => (item.expectation.mean, item.perception.mean),
                                GapId::Knowledge => (item.expectation.mean, test.gap().zip(item.expectation.mean).map(|(g, e)| g + e)),
                                _ => (item.perception.mean, test.gap().zip(item.perception.mean).map(|(g, p)| p - g)),
                            };
                            Some(
                                view! {
                                    <tr data-testid="report-item-row" data-code=item.code.clone()>
                                        <th scope="row"><span class="code">{item.code.clone()}</span>" "{item_text(&project, &item.code)}</th>
                                        <td class="num">{count(test.summary.n)}</td>
                                        <td class="num">{number(l, 2)}</td>
                                        <td class="num">{number(r, 2)}</td>
                                        <td class="num gap">{number(test.gap(), 2)}</td>
                                        <td class="num">{ci_text(Some(&test))}</td>
                                        <td class="num">{p_value(test.p_holm.flatten())}</td>
                                        <StatusCell test=Some(test) />
                                    </tr>
                                }
                                .into_any(),
                            )
                        })
                        .collect();
                    (name, head, rows)
                })
                .filter(|(_, _, rows)| !rows.is_empty())
                .collect();
            view! {
                <h3>{title}</h3>
                <Scroll label=title>
                <table class="data-table report-table report-items" data-testid=format!("report-items-{}", match gap {
                    GapId::Perception => "perception", GapId::Knowledge => "knowledge",
                    GapId::Communication => "communication", _ => "experience" })>
                    <caption>{format!(
                        "{title}. {}",
                        t!("p is Holm-adjusted over the {n} items of this gap; dimension rows use the plain p.", n = count(tested))
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("Item")}</th>
                            <th scope="col" class="num">"n"</th>
                            <th scope="col" class="num">{left}</th>
                            <th scope="col" class="num">{right}</th>
                            <th scope="col" class="num">{t!("Gap")}</th>
                            <th scope="col" class="num">{t!("95 % CI")}</th>
                            <th scope="col" class="num">"p"</th>
                            <th scope="col">{t!("Status")}</th>
                        </tr>
                    </thead>
                    {groups.into_iter().map(|(_, head, rows)| view! { <tbody>{head}{rows}</tbody> }).collect_view()}
                </table>
                </Scroll>
            }
        })
        .collect_view()
}

/// Gap 2's lists and gap 3 per standard.
#[component]
pub fn Delivery(project: Project, results: Results) -> impl IntoView {
    let rows: Vec<_> = results
        .delivery
        .iter()
        .map(|d| {
            let standard = project.standards.iter().find(|s| s.id == d.standard);
            let text = standard.map_or_else(|| d.standard.clone(), |s| s.text.clone());
            let target = standard
                .and_then(|s| s.kpi.as_ref())
                .map(|k| format!("{} {} {}", k.direction.as_str(), number(Some(k.target), 1), k.unit))
                .unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{text}</th>
                    <td>{target}</td>
                    <td class="num">{count(d.n)}</td>
                    <td class="num">{d.met_pct.map_or_else(|| t!("not measured").to_owned(), |m| percent(Some(m), 0))}</td>
                    <td class="num">{number(d.mean_deviation, 1)}</td>
                </tr>
            }
        })
        .collect();
    let names = |codes: &[String]| -> String {
        if codes.is_empty() {
            t!("none").to_owned()
        } else {
            codes.iter().map(|c| item_label(&project, c)).collect::<Vec<_>>().join("; ")
        }
    };
    let standards_known = results.overall.standards_coverage_pct.is_some();
    view! {
        <h3>{t!("Standards and delivery")}</h3>
        {standards_known.then(|| view! {
            <p>{t!("Important items with no standard: {items}.", items = names(&results.standards_gap.important_without_standard))}</p>
            <p>{t!("Standards on items of little importance: {items}.", items = names(&results.standards_gap.standards_on_unimportant_items))}</p>
        })}
        {if rows.is_empty() {
            view! { <p class="muted">{t!("No standard has a measurable target, so delivery (gap 3) is not measured.")}</p> }.into_any()
        } else {
            view! {
                <Scroll label=t!("Delivery against the standards")>
                <table class="data-table report-table" data-testid="report-delivery">
                    <caption>{t!("Gap 3: measured delivery against each standard's target")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Standard")}</th><th scope="col">{t!("Target")}</th>
                        <th scope="col" class="num">{t!("Measurements")}</th><th scope="col" class="num">{t!("Met")}</th>
                        <th scope="col" class="num">{t!("Mean deviation")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </Scroll>
            }.into_any()
        }}
    }
}

/// Trends before events: repeated shortfalls, then the overall gap per wave with Welch's test.
#[component]
pub fn Trends(project: Project, results: Results) -> impl IntoView {
    let trends = results.trends;
    if trends.waves.len() < 2 {
        return view! {
            <h3>{t!("Trends")}</h3>
            <p class="muted">{t!("Trends need at least two waves.")}</p>
        }
        .into_any();
    }
    let named = |pattern: Pattern| -> Vec<String> {
        trends
            .items
            .iter()
            .filter(|i| i.pattern == pattern)
            .map(|i| item_label(&project, &i.code))
            .collect()
    };
    let list = |names: Vec<String>| {
        if names.is_empty() {
            t!("none").to_owned()
        } else {
            names.join("; ")
        }
    };
    let rows = trends
        .waves
        .iter()
        .zip(&trends.overall)
        .enumerate()
        .map(|(i, (wave, test))| {
            let change = i.checked_sub(1).and_then(|j| trends.changes.get(j));
            let change_text = change.map_or("–".to_owned(), |c| match (c.change.difference, c.change.p) {
                (Some(d), Some(p)) if p < crate::analysis::stats::ALPHA => {
                    t!("{change} (p {p}), significant", change = number(Some(d), 2), p = p_value(Some(p)))
                }
                (Some(d), Some(p)) => format!("{} (p {})", number(Some(d), 2), p_value(Some(p))),
                (Some(d), None) => number(Some(d), 2),
                _ => "–".to_owned(),
            });
            view! {
                <tr>
                    <th scope="row">{wave.clone()}</th>
                    <td class="num">{count(test.summary.n)}</td>
                    <td class="num gap">{number(test.gap(), 2)}</td>
                    <td class="num">{ci_text(Some(test))}</td>
                    <td class="num">{change_text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{t!("Trends")}</h3>
        <p data-testid="report-trend-items">
            <strong>{t!("Trends (a shortfall finding in two or more waves in a row):")}" "</strong>{list(named(Pattern::Trend))}"."
        </p>
        <p data-testid="report-event-items">
            <strong>{t!("Events (a shortfall finding in a single wave):")}" "</strong>{list(named(Pattern::Event))}"."
        </p>
        <Scroll label=t!("Overall perception gap per wave")>
        <table class="data-table report-table" data-testid="report-trends">
            <caption>{t!("Overall perception gap per wave; the change is Welch's t-test against the wave before")}</caption>
            <thead><tr>
                <th scope="col">{t!("Wave")}</th><th scope="col" class="num">"n"</th><th scope="col" class="num">{t!("Gap")}</th>
                <th scope="col" class="num">{t!("95 % CI")}</th><th scope="col" class="num">{t!("Change")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </Scroll>
    }
    .into_any()
}

/// What to fix first, each with the gap that explains it and what closes that gap.
#[component]
pub fn Priorities(project: Project, results: Results) -> impl IntoView {
    if results.priorities.is_empty() {
        return view! {
            <p class="empty" data-testid="report-no-priorities">
                {t!("No item shows a clear shortfall in this view (a finding needs at least 10 answers and a Holm-adjusted p below 0.05), so there is nothing to rank.")}
            </p>
        }
        .into_any();
    }
    let stated = results.ipa.importance_source == "stated";
    view! {
        <p class="hint">{t!("Shortfall findings, ranked by importance × size of the gap. Each is tagged with the gap that most likely explains it.")}</p>
        <ol class="report-priorities" data-testid="report-priority-list">
            {results.priorities.iter().take(10).map(|p| {
                let test = results.item(&p.code).map(|i| i.perception_gap);
                let importance = if stated && p.importance <= 1.0 {
                    t!("it carries {share} of the importance customers gave", share = percent(Some(p.importance * 100.0), 0))
                } else {
                    t!("no importance was stated, so the size of the gap ranks it").to_owned()
                };
                let figures = t!(
                    "Customers rate it {gap} below what they expect (n = {n}, 95 % CI {ci}); {importance}.",
                    gap = number(Some(-p.gap), 2),
                    n = count(test.map_or(0, |t| t.summary.n)),
                    ci = ci_text(test.as_ref()),
                    importance = importance
                );
                view! {
                    <li class="report-priority" data-testid="report-priority" data-code=p.code.clone()>
                        <h3><span class="code">{p.code.clone()}</span>" "{item_text(&project, &p.code)}</h3>
                        <p>{figures}</p>
                        <p><strong>{p.explained_by.name()}": "</strong>{p.explained_by.cause()}</p>
                        <p class="report-remedies-title">{t!("What closes it:")}</p>
                        <ul>{p.explained_by.strategies().iter().map(|s| view! { <li>{tr(s)}</li> }).collect_view()}</ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The journey's numbers (the heat map's data) and where importance–performance says to act.
#[component]
pub fn Journey(project: Project, results: Results) -> impl IntoView {
    let concentrate: Vec<String> = results
        .ipa
        .items
        .iter()
        .filter(|i| i.quadrant == crate::analysis::importance::Quadrant::ConcentrateHere)
        .map(|i| item_label(&project, &i.code))
        .collect();
    let ipa = (!results.ipa.items.is_empty()).then(|| {
        let list = if concentrate.is_empty() { t!("none").to_owned() } else { concentrate.join("; ") };
        view! {
            <p data-testid="report-concentrate">
                <strong>{t!("Concentrate here (important to customers, performing below the mean):")}" "</strong>{list}"."
            </p>
        }
    });
    let rows: Vec<_> = results
        .journey
        .touchpoints
        .iter()
        .map(|t| {
            let touchpoint = project.journey.touchpoint(&t.code);
            let name = touchpoint.map_or_else(|| t.code.clone(), |tp| tp.name.clone());
            let stage = project.journey.stages.get(t.stage).map(|s| s.name.clone()).unwrap_or_default();
            let test = (t.items > 0).then_some(t.perception_gap);
            view! {
                <tr>
                    <td>{stage}</td>
                    <th scope="row">{name}{t.critical.then(|| view! { <span class="tag">{t!("critical")}</span> })}</th>
                    <td class="num">{count(t.items)}</td>
                    <td class="num">{count(test.map_or(0, |t| t.summary.n))}</td>
                    <td class="num gap">{test.map_or("–".to_owned(), |t| number(t.gap(), 2))}</td>
                    <td class="num">{ci_text(test.as_ref())}</td>
                    <StatusCell test=test />
                    <td class="num">{count(t.complaints)}</td>
                </tr>
            }
        })
        .collect();
    let has_rows = !rows.is_empty();
    view! {
        <h3>{t!("Journey and where to act")}</h3>
        {ipa}
        {has_rows.then(|| view! {
            <Scroll label=t!("Perception gap per touchpoint")>
                <table class="data-table report-table" data-testid="report-journey">
                    <caption>{t!("Perception gap per touchpoint of the journey, with the complaints logged")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Stage")}</th><th scope="col">{t!("Touchpoint")}</th>
                        <th scope="col" class="num">{t!("Items")}</th><th scope="col" class="num">"n"</th>
                        <th scope="col" class="num">{t!("Gap")}</th><th scope="col" class="num">{t!("95 % CI")}</th>
                        <th scope="col">{t!("Status")}</th><th scope="col" class="num">{t!("Complaints")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Scroll>
        })}
    }
}
