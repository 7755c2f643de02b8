//! The headline figures and the five gaps at a glance.

use super::table::{unavailable, Status};
use crate::format::percent;
use crate::analysis::stats::GapTest;
use crate::analysis::Results;
use crate::explain::Topic;
use crate::model::Project;
use crate::ui::components::explain::Explain;
use crate::ui::components::score_tile::score_tile;
use crate::ui::format::{count, number};
use leptos::prelude::*;

fn ci_sentence(test: &GapTest) -> String {
    let n = count(test.summary.n);
    match unavailable(Some(test), t!("no answers")) {
        Some(_) => t!("Only {n} customers answered both parts; at least 10 are needed.", n = n),
        None if test.summary.se == Some(0.0) => t!("n = {n}. Every answer is the same, so there is no interval.", n = n),
        None => t!(
            "n = {n}. With 95 % confidence the true gap lies between {low} and {high}.",
            n = n,
            low = number(test.summary.ci_low, 2),
            high = number(test.summary.ci_high, 2)
        ),
    }
}

/// The headline cards: overall perception gap, the 80/8 experience gap, NPS, CSAT, CES.
#[component]
pub fn Summary(project: Project, results: Results) -> impl IntoView {
    let overall = results.overall.perception_gap;
    let reading = t!(
        "Gaps are customers' experience minus a reference, on the {scale} scale: below zero means a shortfall.",
        scale = project.scale
    );
    let perception = if project.perception_only {
        view! {
            <p class="big-figure" data-testid="overall-gap">{t!("not measured")}</p>
            <p>{t!("This survey asks perception only; the perception gap needs expectations.")}</p>
        }
        .into_any()
    } else {
        let big = match unavailable(Some(&overall), t!("no answers")) {
            Some(reason) => reason.to_owned(),
            None => number(overall.gap(), 2),
        };
        let weighted = results.overall.weighted_perception_gap.map(|w| {
            t!("Weighted by the importance customers gave each dimension: {gap}.", gap = number(Some(w), 2))
        });
        view! {
            <p class="big-figure" data-testid="overall-gap">{big}</p>
            <p>{ci_sentence(&overall)}</p>
            {weighted.map(|w| view! { <p data-testid="weighted-gap">{w}</p> })}
            <Status test=Some(overall) missing=t!("no answers") />
        }
        .into_any()
    };
    let top_box = match results.overall.experience_gap_top_box {
        Some(top) => view! {
            <p class="big-figure" data-testid="cx-gap">{format!("{}\u{a0}{}", number(Some(top.gap_pp), 0), t!("pp"))}</p>
            <p data-testid="cx-headline">{t!(
                "Management {management} % top box vs customers {customers} %.",
                management = number(Some(top.management), 0),
                customers = number(Some(top.customers), 0)
            )}</p>
            <p class="hint">{t!("Share of answers in the top box (the top two points of a 7-point scale) for what management thinks it delivers (S) and what customers experience (P).")}</p>
        }
        .into_any(),
        None => view! {
            <p class="big-figure" data-testid="cx-gap">{t!("not measured")}</p>
            <p>{t!("Needs management's own rating (S) and customers' perceptions (P). Add the management view on the Data page.")}</p>
        }
        .into_any(),
    };
    view! {
        <p class="lead">{reading}</p>
        <div class="cards">
            <div class="card overall" data-testid="overall">
                <h2>{t!("Overall perception gap")}</h2>
                {perception}
                <div class="explain-group">
                    <Explain topic=Topic::PerceptionGap named=true />
                    <Explain topic=Topic::ConfidenceInterval named=true />
                    <Explain topic=Topic::WeightedScore named=true />
                </div>
            </div>
            <div class="card" id="gap-experience" tabindex="-1" data-testid="experience-gap">
                <h2>{t!("Experience gap (the 80/8 gap)")}</h2>
                {top_box}
                <div class="explain-group">
                    <Explain topic=Topic::ExperienceGap named=true />
                    <Explain topic=Topic::TopBox named=true />
                </div>
            </div>
        </div>
        <div class="tiles">
            {score_tile("NPS", "nps", results.overall.nps, |v| number(Some(v), 2), t!("% promoters (9–10) minus % detractors (0–6)."), Topic::Nps)}
            {score_tile("CSAT", "csat", results.overall.csat, |v| percent(Some(v), 0), t!("Share answering 4 or 5 of 5."), Topic::Csat)}
            {score_tile("CES", "ces", results.overall.ces, |v| number(Some(v), 2), t!("Mean effort, 1 (easy) to 7 (hard)."), Topic::Ces)}
        </div>
    }
}

/// The five gaps of the model with their headline figure each.
#[component]
pub fn GapModel(project: Project, results: Results) -> impl IntoView {
    let tally = |pick: fn(&crate::analysis::ItemResult) -> Option<GapTest>| {
        let tests: Vec<GapTest> = results.items.iter().filter_map(pick).collect();
        let shortfalls = tests.iter().filter(|t| t.finding && t.gap().unwrap_or(0.0) < 0.0).count();
        (tests.len(), shortfalls)
    };
    let (knowledge_items, knowledge_short) = tally(|i| i.knowledge_gap);
    let (promise_items, promise_short) = tally(|i| i.communication_gap);
    let (perception_items, perception_short) = tally(|i| Some(i.perception_gap));
    let knowledge = if knowledge_items == 0 {
        t!("Not measured: add the management view (M, what management thinks customers expect).").to_owned()
    } else {
        t!(
            "{short} of {items} items where management underestimates expectations. Rank agreement between customers' and management's priorities (Spearman ρ): {rho}.",
            short = count(knowledge_short),
            items = count(knowledge_items),
            rho = results.overall.knowledge_rank_correlation.map_or_else(|| t!("needs 3+ items").to_owned(), |r| number(Some(r), 2))
        )
    };
    let standards_text = match results.overall.standards_coverage_pct {
        Some(pct) => t!("Standards cover {share} of what matters to customers (importance-weighted).", share = percent(Some(pct), 0)),
        None => t!("Not measured: no standards are set up (Items page).").to_owned(),
    };
    let missing: Vec<String> = results.standards_gap.important_without_standard.clone();
    let unimportant: Vec<String> = results.standards_gap.standards_on_unimportant_items.clone();
    let communication = if promise_items == 0 {
        t!("Not measured: no marketing promises are recorded (Items page).").to_owned()
    } else {
        t!(
            "{short} of {items} promises are not kept (customers' P below the promised level).",
            short = count(promise_short),
            items = count(promise_items)
        )
    };
    let perception = if project.perception_only {
        t!("Not measured: perception-only survey.").to_owned()
    } else {
        t!(
            "{short} of {items} items where customers get less than they expect.",
            short = count(perception_short),
            items = count(perception_items)
        )
    };
    let delivery_rows: Vec<_> = results
        .delivery
        .iter()
        .map(|d| {
            let standard = project.standards.iter().find(|s| s.id == d.standard);
            let text = standard.map(|s| s.text.clone()).unwrap_or_else(|| d.standard.clone());
            let target = standard
                .and_then(|s| s.kpi.as_ref())
                .map(|k| format!("{} {} {}", k.direction.as_str(), number(Some(k.target), 1), k.unit))
                .unwrap_or_default();
            let met = d.met_pct.map_or_else(|| t!("no measurements").to_owned(), |m| percent(Some(m), 0));
            let deviation = d.mean_deviation.map_or("–".to_owned(), |m| number(Some(m), 1));
            let (icon, word) = match d.met_pct {
                None => ("…", t!("not measured")),
                Some(m) if m >= 100.0 => ("✓", t!("met")),
                Some(m) if m >= 80.0 => ("◐", t!("mostly met")),
                Some(_) => ("✗", t!("often missed")),
            };
            view! {
                <tr data-testid="delivery-row" data-standard=d.standard.clone()>
                    <th scope="row">{text}</th>
                    <td>{target}</td>
                    <td class="num">{count(d.n)}</td>
                    <td class="num" data-testid="met">{met}</td>
                    <td class="num">{deviation}</td>
                    <td><span aria-hidden="true">{icon}" "</span>{word}</td>
                </tr>
            }
        })
        .collect();
    let has_delivery = !delivery_rows.is_empty();
    view! {
        <section aria-labelledby="model-heading" class="gap-model">
            <h2 id="model-heading">{t!("The five gaps")}</h2>
            <dl class="gap-list" data-testid="gap-list">
                <div id="gap-knowledge" tabindex="-1"><dt>"1 · "{t!("Knowledge gap")}</dt><dd data-testid="gap1">{knowledge}</dd>
                    <dd class="explain-dd explain-group"><Explain topic=Topic::KnowledgeGap named=true /><Explain topic=Topic::RankAgreement named=true /></dd>
                </div>
                <div id="gap-standards" tabindex="-1">
                    <dt>"2 · "{t!("Standards gap")}</dt>
                    <dd data-testid="gap2">
                        {standards_text}
                        {(!missing.is_empty()).then(|| view! { <span class="block">{t!("Important items with no standard: {items}.", items = missing.join(", "))}</span> })}
                        {(!unimportant.is_empty()).then(|| view! { <span class="block">{t!("Standards on items customers rate less important: {items}.", items = unimportant.join(", "))}</span> })}
                    </dd>
                    <dd class="explain-dd"><Explain topic=Topic::StandardsGap /></dd>
                </div>
                <div id="gap-delivery" tabindex="-1">
                    <dt>"3 · "{t!("Delivery gap")}</dt>
                    <dd data-testid="gap3">
                        {if has_delivery { t!("How often each standard's target was met in the measurements.") } else { t!("Not measured: no standard has a numeric target with measurements.") }}
                    </dd>
                    <dd class="explain-dd"><Explain topic=Topic::DeliveryGap /></dd>
                </div>
                <div id="gap-communication" tabindex="-1"><dt>"4 · "{t!("Communication gap")}</dt><dd data-testid="gap4">{communication}</dd>
                    <dd class="explain-dd"><Explain topic=Topic::CommunicationGap /></dd>
                </div>
                <div id="gap-perception" tabindex="-1"><dt>"5 · "{t!("Perception gap")}</dt><dd data-testid="gap5">{perception}</dd>
                    <dd class="explain-dd"><Explain topic=Topic::PerceptionGap /></dd>
                </div>
            </dl>
            {has_delivery.then(|| view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=t!("Delivery against standards")>
                    <table class="data-table" data-testid="delivery-table">
                        <caption>{t!("Delivery against standards (gap 3)")}</caption>
                        <thead><tr>
                            <th scope="col">{t!("Standard")}</th><th scope="col">{t!("Target")}</th><th scope="col" class="num">{t!("Measurements")}</th>
                            <th scope="col" class="num">{t!("Met")}</th><th scope="col" class="num">{t!("Mean deviation")}</th><th scope="col">{t!("Status")}</th>
                        </tr></thead>
                        <tbody>{delivery_rows}</tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
