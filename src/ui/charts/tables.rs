//! Each chart's text alternative: its numbers as a table.

use super::ChartData;
use crate::analysis::chart_data::figure;
use leptos::prelude::*;

fn ci(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!("{} to {}", figure(Some(low), 2), figure(Some(high), 2)),
        _ => "–".to_owned(),
    }
}

/// The table of `data`, or nothing when the chart is empty.
pub fn table(data: &ChartData) -> AnyView {
    match data {
        ChartData::Radar(radar) => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">"Dimension"</th>
                    {(!radar.perception_only).then(|| view! { <th scope="col" class="num">"Expected (E)"</th> })}
                    <th scope="col" class="num">"Experienced (P)"</th>
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
                    <th scope="col">"Item"</th><th scope="col">"Statement"</th><th scope="col" class="num">"Gap"</th>
                    <th scope="col" class="num">"95 % CI"</th><th scope="col" class="num">"n"</th><th scope="col">"Finding"</th>
                </tr></thead>
                <tbody>{bars.iter().map(|b| view! { <tr>
                    <th scope="row">{b.code.clone()}</th>
                    <td>{b.text.clone()}</td>
                    <td class="num">{figure(Some(b.gap), 2)}</td>
                    <td class="num">{ci(b.ci_low, b.ci_high)}</td>
                    <td class="num">{b.n}</td>
                    <td>{if b.finding { "yes ◆" } else { "no" }}</td>
                </tr> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::Ipa(Some(ipa)) => view! {
            <table class="data-table">
                <caption>{format!(
                    "Lines at the means: importance {}, performance {}.",
                    figure(Some(ipa.x_split), 2),
                    figure(Some(ipa.y_split), 2)
                )}</caption>
                <thead><tr>
                    <th scope="col">"Item"</th><th scope="col" class="num">"Importance"</th>
                    <th scope="col" class="num">"Performance"</th><th scope="col">"Quadrant"</th>
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
                    <th scope="col">"Wave"</th><th scope="col" class="num">"Overall gap"</th>
                    <th scope="col" class="num">"95 % CI"</th><th scope="col" class="num">"n"</th>
                    <th scope="col">"Change from the wave before"</th>
                </tr></thead>
                <tbody>{trend.points.iter().enumerate().map(|(index, p)| {
                    let change = trend.changes.iter().find(|c| c.to_index == index).map_or_else(
                        || "not significant".to_owned(),
                        |c| format!("{} (Welch p = {})", c.label(), figure(Some(c.p), 3)),
                    );
                    let change = if index == 0 { "–".to_owned() } else { change };
                    let selected = trend.selected == Some(index);
                    view! { <tr class:selected=selected>
                        <th scope="row">{p.wave.clone()}{selected.then_some(" (filtered)")}</th>
                        <td class="num">{figure(p.gap, 2)}</td>
                        <td class="num">{ci(p.ci_low, p.ci_high)}</td>
                        <td class="num">{p.n}</td>
                        <td>{change}</td>
                    </tr> }
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        ChartData::Journey(heat) => view! {
            <table class="data-table">
                <thead><tr>
                    <th scope="col">"Stage"</th><th scope="col">"Touchpoint"</th><th scope="col" class="num">"Perception gap"</th>
                    <th scope="col" class="num">"Complaints"</th>
                </tr></thead>
                <tbody>{heat.cells.iter().map(|c| view! { <tr>
                    <td>{heat.stages.get(c.stage).cloned().unwrap_or_default()}</td>
                    <th scope="row">{c.name.clone()}{c.critical.then_some(" ★ critical")}</th>
                    <td class="num">{c.gap.map_or_else(|| c.missing.unwrap_or("–").to_owned(), |g| figure(Some(g), 2))}</td>
                    <td class="num">{c.complaints}</td>
                </tr> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}
