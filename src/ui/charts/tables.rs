//! Each chart's text alternative: its numbers as a table.

use super::ChartData;
use crate::analysis::chart_data::{figure, HeatCell};
use crate::format::count;
use leptos::prelude::*;

fn ci(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => t!("{low} to {high}", low = figure(Some(low), 2), high = figure(Some(high), 2)),
        _ => "–".to_owned(),
    }
}

/// A heat map cell's status in words with its icon (colour is never the only carrier).
fn heat_status(cell: &HeatCell) -> String {
    match (cell.gap, cell.finding) {
        (None, _) => "–".to_owned(),
        (Some(_), Some(true)) => format!("▼ {}", t!("finding: shortfall")),
        (Some(_), Some(false)) => format!("▲ {}", t!("finding: above")),
        (Some(_), None) => format!("○ {}", t!("no clear gap")),
    }
}

/// The table of `data`, or nothing when the chart is empty.
pub fn table(data: &ChartData) -> AnyView {
    match data {
        ChartData::Radar(radar) => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!("Dimension")}</th>
                    {(!radar.perception_only).then(|| view! { <th scope="col" class="num">{t!("Expected (E)")}</th> })}
                    <th scope="col" class="num">{t!("Experienced (P)")}</th>
                    {(!radar.perception_only).then(|| view! { <th scope="col" class="num">"P − E"</th> })}
                </tr></thead>
                <tbody>{radar.axes.iter().map(|a| {
                    let gap = a.perception.zip(a.expectation).map(|(p, e)| p - e);
                    let perception_only = radar.perception_only;
                    view! { <tr>
                        <th scope="row">{a.name.clone()}</th>
                        {(!perception_only).then(|| view! { <td class="num">{figure(a.expectation, 2)}</td> })}
                        <td class="num">{figure(a.perception, 2)}</td>
                        {(!perception_only).then(|| view! { <td class="num">{figure(gap, 2)}</td> })}
                    </tr> }
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::GapBars { bars, .. } => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!("Item")}</th><th scope="col">{t!("Statement")}</th><th scope="col" class="num">{t!("Gap")}</th>
                    <th scope="col" class="num">{t!("95 % CI")}</th><th scope="col" class="num">"n"</th><th scope="col">{t!("Finding")}</th>
                </tr></thead>
                <tbody>{bars.iter().map(|b| view! { <tr>
                    <th scope="row">{b.code.clone()}</th>
                    <td>{b.text.clone()}</td>
                    <td class="num">{figure(Some(b.gap), 2)}</td>
                    <td class="num">{ci(b.ci_low, b.ci_high)}</td>
                    <td class="num">{count(b.n)}</td>
                    <td>{if b.finding { t!("yes ◆") } else { t!("no") }}</td>
                </tr> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::Ipa(Some(ipa)) => view! {
            <table class="data-table">
                <caption>{t!(
                    "Lines at the means: importance {importance}, performance {performance}.",
                    importance = figure(Some(ipa.x_split), 2),
                    performance = figure(Some(ipa.y_split), 2)
                )}</caption>
                <thead><tr>
                    <th scope="col">{t!("Item")}</th><th scope="col" class="num">{t!("Importance")}</th>
                    <th scope="col" class="num">{t!("Performance")}</th><th scope="col">{t!("Quadrant")}</th>
                </tr></thead>
                <tbody>{ipa.points.iter().map(|p| view! { <tr>
                    <th scope="row">{p.code.clone()}</th>
                    <td class="num">{figure(Some(p.importance), 2)}</td>
                    <td class="num">{figure(Some(p.performance), 2)}</td>
                    <td>{p.quadrant.label()}</td>
                </tr> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::Ipa(None) => ().into_any(),
        ChartData::Trends(trend) => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!("Wave")}</th><th scope="col" class="num">{t!("Overall gap")}</th>
                    <th scope="col" class="num">{t!("95 % CI")}</th><th scope="col" class="num">"n"</th>
                    <th scope="col">{t!("Change from the wave before")}</th>
                </tr></thead>
                <tbody>{trend.points.iter().enumerate().map(|(index, p)| {
                    let change = trend.changes.iter().find(|c| c.to_index == index).map_or_else(
                        || t!("not significant").to_owned(),
                        |c| t!("{change} (Welch p = {p})", change = c.label(), p = figure(Some(c.p), 3)),
                    );
                    let change = if index == 0 { "–".to_owned() } else { change };
                    let selected = trend.selected == Some(index);
                    view! { <tr class:selected=selected>
                        <th scope="row">{p.wave.clone()}{selected.then(|| format!(" {}", t!("(filtered)")))}</th>
                        <td class="num">{figure(p.gap, 2)}</td>
                        <td class="num">{ci(p.ci_low, p.ci_high)}</td>
                        <td class="num">{count(p.n)}</td>
                        <td>{change}</td>
                    </tr> }
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::Journey(heat) => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!("Stage")}</th><th scope="col">{t!("Touchpoint")}</th><th scope="col" class="num">{t!("Perception gap")}</th>
                    <th scope="col">{t!("Status")}</th><th scope="col" class="num">{t!("Complaints")}</th>
                </tr></thead>
                <tbody>{heat.cells.iter().map(|c| view! { <tr>
                    <td>{heat.stages.get(c.stage).cloned().unwrap_or_default()}</td>
                    <th scope="row">{c.name.clone()}{c.critical.then(|| format!(" ★ {}", t!("critical")))}</th>
                    <td class="num">{c.gap.map_or_else(|| c.missing.unwrap_or("–").to_owned(), |g| figure(Some(g), 2))}</td>
                    <td>{heat_status(c)}</td>
                    <td class="num">{count(c.complaints)}</td>
                </tr> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}
