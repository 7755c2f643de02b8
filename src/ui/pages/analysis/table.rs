//! The per-item table: one gap at a time, every statistic, and a status in words.

use crate::analysis::stats::GapTest;
use crate::analysis::{ItemResult, Results};
use crate::explain::Topic;
use crate::model::Project;
use crate::ui::components::explain::Explain;
use crate::ui::format::{count, number, p_value};
use leptos::prelude::*;

/// Which gap the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    /// Gap 5, P − E.
    Perception,
    /// Gap 1, M − E.
    Knowledge,
    /// Gap 4, P − promised level.
    Communication,
    /// CX gap, P − S.
    Experience,
}

impl GapKind {
    const ALL: [GapKind; 4] = [GapKind::Perception, GapKind::Knowledge, GapKind::Communication, GapKind::Experience];

    /// The value used in the select.
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::Perception => "perception",
            GapKind::Knowledge => "knowledge",
            GapKind::Communication => "communication",
            GapKind::Experience => "experience",
        }
    }

    /// The label in the select and the caption.
    pub fn label(self) -> &'static str {
        match self {
            GapKind::Perception => t!("Gap 5, perception: P − E"),
            GapKind::Knowledge => t!("Gap 1, knowledge: management's M − customers' E"),
            GapKind::Communication => t!("Gap 4, communication: P − promised level"),
            GapKind::Experience => t!("Experience gap: P − management's S"),
        }
    }

    fn columns(self) -> (&'static str, &'static str) {
        match self {
            GapKind::Perception => ("E", "P"),
            GapKind::Knowledge => ("E", "M"),
            GapKind::Communication => ("P", t!("Promised")),
            GapKind::Experience => ("P", "S"),
        }
    }

    /// The item's test for this gap, and the two means shown beside it.
    fn of(self, item: &ItemResult) -> (Option<GapTest>, Option<f64>, Option<f64>) {
        let (e, p) = (item.expectation.mean, item.perception.mean);
        match self {
            GapKind::Perception => (Some(item.perception_gap), e, p),
            GapKind::Knowledge => {
                let test = item.knowledge_gap;
                (test, e, test.and_then(|t| Some(t.gap()? + e?)))
            }
            GapKind::Communication => {
                let test = item.communication_gap;
                (test, p, test.and_then(|t| Some(p? - t.gap()?)))
            }
            GapKind::Experience => {
                let test = item.experience_gap;
                (test, p, test.and_then(|t| Some(p? - t.gap()?)))
            }
        }
    }

    /// Why there is no test at all, in words.
    fn missing(self) -> &'static str {
        match self {
            GapKind::Perception => t!("no answers"),
            GapKind::Knowledge | GapKind::Experience => t!("no management answers"),
            GapKind::Communication => t!("no promise recorded"),
        }
    }

    fn needs_expectations(self) -> bool {
        matches!(self, GapKind::Perception | GapKind::Knowledge)
    }
}

/// A confidence interval, "−0.52 to −0.11" (a missing end is "–").
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    t!("{low} to {high}", low = number(low, 2), high = number(high, 2))
}

/// Why a figure is not a number, in words; `None` when it can be shown.
pub fn unavailable(test: Option<&GapTest>, kind_missing: &'static str) -> Option<&'static str> {
    match test {
        None => Some(kind_missing),
        Some(t) if t.summary.n == 0 => Some(t!("no answers")),
        Some(t) if t.summary.too_few() => Some(t!("too few answers")),
        _ => None,
    }
}

/// The item table with its gap selector.
#[component]
pub fn ItemTable(project: Project, results: Results) -> impl IntoView {
    let kind = RwSignal::new(GapKind::Perception);
    let project = StoredValue::new(project);
    let results = StoredValue::new(results);
    view! {
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">{t!("Items and dimensions")}</h2>
            <div class="toolbar">
                <label>
                    <span>{t!("Gap shown")}</span>
                    <select data-testid="gap-kind" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(k) = GapKind::ALL.into_iter().find(|k| k.as_str() == value) {
                            kind.set(k);
                        }
                    }>
                        {GapKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || {
                let kind = kind.get();
                project.with_value(|project| results.with_value(|results| table(project, results, kind)))
            }}
            <p class="hint">
                {t!("Item p-values are Holm-adjusted over all items of this view, separately for each gap.")}" "
                {t!("A finding needs at least 10 answers and an adjusted p below 0.05. Fewer than 10 answers: too few to say anything. Fewer than 30: indicative only.")}
            </p>
            <div class="explain-group">
                <Explain topic=Topic::ConfidenceInterval named=true />
                <Explain topic=Topic::Finding named=true />
                <Explain topic=Topic::Indicative named=true />
                <Explain topic=Topic::TooFewAnswers named=true />
                <Explain topic=Topic::Reliability named=true />
            </div>
        </section>
    }
}

fn table(project: &Project, results: &Results, kind: GapKind) -> AnyView {
    if project.perception_only && kind.needs_expectations() {
        return view! {
            <p class="empty" data-testid="perception-only-note">
                {t!("This project's survey asks perception only, so gaps that need customers' expectations (the perception gap P − E and the knowledge gap) are not measured. Choose another gap above.")}
            </p>
        }
        .into_any();
    }
    let (left, right) = kind.columns();
    let span = f64::from(project.scale.max() - project.scale.min());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=kind.label()>
        <table class="data-table analysis-table" data-testid="analysis-table" data-gap=kind.as_str()>
            <caption>{kind.label()}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("Item")}</th>
                    <th scope="col" class="num">"n"</th>
                    <th scope="col" class="num">{left}</th>
                    <th scope="col" class="num">{right}</th>
                    <th scope="col" class="num">{t!("Gap")}</th>
                    <th scope="col" class="num">{t!("SD")}</th>
                    <th scope="col" class="num">{t!("SE")}</th>
                    <th scope="col" class="num">{t!("95 % CI")}</th>
                    <th scope="col" class="num">"p (Holm)"</th>
                    <th scope="col"><span class="visually-hidden">{t!("Confidence interval chart")}</span></th>
                    <th scope="col">{t!("Status")}</th>
                </tr>
            </thead>
            {results.dimensions.iter().map(|dimension| {
                let name = project.dimensions.iter().find(|d| d.code.as_str() == dimension.code)
                    .map_or_else(|| dimension.code.clone(), |d| d.name.clone());
                let alpha = match dimension.alpha {
                    Some(a) => t!(
                        "Cronbach's α {alpha} ({items} items, {cases} complete answers)",
                        alpha = number(Some(a.value), 2),
                        items = count(a.items),
                        cases = count(a.cases)
                    ),
                    None => t!("Cronbach's α: needs 2+ items and 3+ complete answers").to_owned(),
                };
                let dimension_test = (kind == GapKind::Perception).then_some(dimension.perception_gap);
                let items: Vec<ItemResult> = results.items.iter().filter(|i| i.dimension == dimension.code).cloned().collect();
                view! {
                    <tbody>
                        <tr class="dimension-row" data-testid="dimension-row" data-code=dimension.code.clone()>
                            <th scope="rowgroup">{name}<span class="muted small">{alpha}</span></th>
                            {match dimension_test {
                                Some(test) => view! { <GapCells test=Some(test) left=None right=None holm=false span=span missing=t!("no answers") /> }.into_any(),
                                None => view! { <td colspan="10" class="muted">{t!("Dimension figures are given for the perception gap.")}</td> }.into_any(),
                            }}
                        </tr>
                        {items.into_iter().map(|item| {
                            let text = project.item(&item.code).map(|i| i.text.clone()).unwrap_or_default();
                            let (test, left, right) = kind.of(&item);
                            view! {
                                <tr data-testid="item-row" data-code=item.code.clone()>
                                    <th scope="row"><span class="code">{item.code.clone()}</span>" "<span class="item-text">{text}</span></th>
                                    <GapCells test=test left=left right=right holm=true span=span missing=kind.missing() />
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                }
            }).collect_view()}
        </table>
        </div>
    }
    .into_any()
}

/// The number cells of one row; figures that cannot be shown say why instead.
#[component]
pub fn GapCells(
    test: Option<GapTest>,
    left: Option<f64>,
    right: Option<f64>,
    holm: bool,
    span: f64,
    missing: &'static str,
) -> impl IntoView {
    let n = test.map_or(0, |t| t.summary.n);
    let means = view! {
        <td class="num" data-testid="n">{count(n)}</td>
        <td class="num">{number(left, 2)}</td>
        <td class="num">{number(right, 2)}</td>
    };
    let (Some(test), None) = (test, unavailable(test.as_ref(), missing)) else {
        let reason = unavailable(test.as_ref(), missing).unwrap_or(missing);
        return view! {
            {means}
            <td class="num too-few" colspan="6" data-testid="gap">{reason}</td>
            <td><Status test=test missing=missing /></td>
        }
        .into_any();
    };
    let p = if holm { test.p_holm.flatten() } else { test.p };
    let p_text = if test.summary.se == Some(0.0) { t!("no test: all equal").to_owned() } else { p_value(p) };
    view! {
        {means}
        <td class="num gap" data-testid="gap">{number(test.gap(), 2)}</td>
        <td class="num" data-testid="sd">{number(test.summary.sd, 2)}</td>
        <td class="num" data-testid="se">{number(test.summary.se, 2)}</td>
        <td class="num ci" data-testid="ci">{interval(test.summary.ci_low, test.summary.ci_high)}</td>
        <td class="num" data-testid="p">{p_text}</td>
        <td class="ci-chart"><CiBar test=test span=span /></td>
        <td><Status test=Some(test) missing=missing /></td>
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

/// The status in words and an icon (never colour alone).
#[component]
pub fn Status(test: Option<GapTest>, missing: &'static str) -> impl IntoView {
    let (class, icon, text) = match (test, unavailable(test.as_ref(), missing)) {
        (_, Some(reason)) => ("status status-few", "…", reason),
        (Some(t), None) if t.finding && t.gap().unwrap_or(0.0) < 0.0 => ("status status-short", "▼", t!("finding: shortfall")),
        (Some(t), None) if t.finding => ("status status-over", "▲", t!("finding: above")),
        _ => ("status status-none", "○", t!("no clear gap")),
    };
    let indicative = test.is_some_and(|t| !t.summary.too_few() && t.indicative);
    view! {
        <span class=class data-testid="status">
            <span aria-hidden="true">{icon}" "</span>{text}
            {indicative.then(|| view! { <span class="tag">{t!("indicative")}</span> })}
        </span>
    }
}
