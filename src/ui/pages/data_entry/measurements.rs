//! Delivery measurements: measured values of the standards' KPIs per wave (gap 3).

use super::{focus, save_change, save_removal, wave_names, ProblemList, Problems, SavedLine, WaveFilter, WaveInput};
use crate::explain::Topic;
use crate::model::entries::{Field, MeasurementEntry as Entry};
use crate::model::Kpi;
use crate::storage::Loaded;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::explain::Explain;
use crate::ui::format::{count, plain};
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;

const PROBLEMS_ID: &str = "measure-problems";

/// A standard that can be measured.
#[derive(Debug, Clone, PartialEq)]
struct Measurable {
    id: String,
    text: String,
    kpi: Kpi,
}

impl Measurable {
    /// "≤ 20 s".
    fn target(&self) -> String {
        let unit = self.kpi.unit.trim();
        let value = plain(self.kpi.target);
        if unit.is_empty() {
            format!("{} {value}", self.kpi.direction.as_str())
        } else {
            format!("{} {value} {unit}", self.kpi.direction.as_str())
        }
    }

    /// The value with the KPI's unit.
    fn with_unit(&self, value: f64) -> String {
        let unit = self.kpi.unit.trim();
        if unit.is_empty() {
            plain(value)
        } else {
            format!("{} {unit}", plain(value))
        }
    }

    /// Whether `value` meets the target, in words.
    fn verdict(&self, value: f64) -> String {
        if self.kpi.is_met(value) {
            t!("meets the target {target}", target = self.target())
        } else {
            t!("misses the target {target}", target = self.target())
        }
    }
}

/// The delivery measurements section of the Data page.
#[component]
pub fn MeasurementEntry(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let measurable = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.project
                        .standards_with_kpi()
                        .map(|(s, kpi)| Measurable { id: s.id.clone(), text: s.text.clone(), kpi: kpi.clone() })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let setup_href = move || loaded.with(|l| l.as_ref().map(|l| Route::Items(l.project.id.clone()).href()).unwrap_or_default());
    let standard = RwSignal::new(String::new());
    let wave = super::wave_field(loaded, t!("Wave 1"));
    let value = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let saved = RwSignal::new(None::<String>);
    let waves = wave_names(loaded);

    // Choose the first measurable standard, and again when the chosen one disappears.
    Effect::new(move |_| {
        let list = measurable.get();
        if !list.iter().any(|m| m.id == standard.get_untracked()) {
            standard.set(list.first().map(|m| m.id.clone()).unwrap_or_default());
        }
    });
    let chosen = move || measurable.with(|list| list.iter().find(|m| m.id == standard.get()).cloned());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entry = Entry { standard: standard.get_untracked(), wave: wave.get_untracked(), value: value.get_untracked() };
        match save_change(state, loaded, |project| project.add_measurement(&entry)) {
            Ok(()) => {
                problems.set(Problems::default());
                let stored = loaded.with_untracked(|l| l.as_ref().and_then(|l| l.project.measurements.last().map(|m| m.value)));
                let text = match (measurable.with_untracked(|list| list.iter().find(|m| m.id == entry.standard).cloned()), stored) {
                    (Some(standard), Some(number)) => t!(
                        "Added {value} for \u{201c}{standard}\u{201d} ({wave}): {verdict}.",
                        value = standard.with_unit(number),
                        standard = standard.text,
                        wave = entry.wave.trim(),
                        verdict = standard.verdict(number)
                    ),
                    _ => t!("Measurement added.").to_owned(),
                };
                saved.set(Some(text));
                value.set(String::new());
                focus("measure-value");
            }
            Err(found) => {
                saved.set(None);
                let first = found.entry.iter().find_map(|e| e.field().and_then(dom_id));
                problems.set(found);
                focus(first.unwrap_or(PROBLEMS_ID));
            }
        }
    };

    let invalid = move |field: Field| move || problems.with(|p| p.names(&field)).then_some("true");
    let wave_invalid = Signal::derive(move || problems.with(|p| p.names(&Field::Wave)));

    view! {
        <section class="card de-section" aria-labelledby="measure-heading" data-testid="measurement-section">
            <h2 id="measure-heading">{t!("Delivery measurements")}</h2>
            <p class="hint">
                {t!("Measured delivery of your own standards (e.g. answer times), per wave. \
                     Each value is compared with the standard's KPI target.")}
            </p>
            <Explain topic=Topic::DeliveryGap />
            <Show when=move || !measurable.with(Vec::is_empty)
                fallback=move || view! {
                    <p class="empty" data-testid="no-kpi-standards">
                        {t!("No standard in this project has a KPI target yet, so there is nothing to measure.")}" "
                        <a href=setup_href data-testid="setup-link">{t!("Standards and their targets are set up on the Items page.")}</a>
                    </p>
                }>
                <form class="de-form" on:submit=submit novalidate data-testid="measure-form">
                    <div class="field-row">
                        <label class="de-field de-field-wide">
                            <span>{t!("Standard")}</span>
                            <select id="measure-standard" data-testid="measure-standard"
                                aria-invalid=invalid(Field::Standard) aria-describedby=PROBLEMS_ID
                                on:change=move |ev| standard.set(event_target_value(&ev))>
                                {move || measurable.get().into_iter().map(|m| {
                                    let id = m.id.clone();
                                    view! {
                                        <option value=m.id.clone() selected=move || standard.get() == id>
                                            {format!("{} ({})", m.text, m.target())}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </label>
                        <WaveInput id="measure-wave" testid="measure-wave" value=wave waves=waves invalid=wave_invalid describedby=PROBLEMS_ID />
                        <label class="de-field de-field-number">
                            <span>{move || chosen().map_or_else(
                                || t!("Measured value").to_owned(),
                                |m| if m.kpi.unit.trim().is_empty() { t!("Measured value").to_owned() } else { t!("Measured value ({unit})", unit = m.kpi.unit.trim()) },
                            )}</span>
                            <input type="text" id="measure-value" inputmode="decimal" autocomplete="off" maxlength="20" required
                                data-testid="measure-value"
                                aria-invalid=invalid(Field::Value) aria-describedby="measure-target measure-problems"
                                prop:value=move || value.get()
                                on:input=move |ev| value.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    <p id="measure-target" class="hint" data-testid="measure-target">
                        {move || chosen().map(|m| t!("Target: {target}. Decimal comma is fine.", target = m.target()))}
                    </p>
                    <ProblemList id=PROBLEMS_ID testid="measure-problems" problems=problems />
                    <div class="button-row">
                        <button type="submit" class="button-primary" data-testid="measure-add">{t!("Add measurement")}</button>
                    </div>
                    <SavedLine testid="measure-saved" saved=saved />
                </form>
            </Show>
            <MeasurementList loaded=loaded waves=waves measurable=measurable />
        </section>
    }
}

/// The element id of a field of this form.
fn dom_id(field: &Field) -> Option<&'static str> {
    match field {
        Field::Standard => Some("measure-standard"),
        Field::Wave => Some("measure-wave"),
        Field::Value => Some("measure-value"),
        _ => None,
    }
}

/// One stored measurement as listed.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// Position in `project.measurements`.
    index: usize,
    wave: String,
    value: f64,
}

/// The stored measurements, grouped by standard, with delete.
#[component]
fn MeasurementList(loaded: RwSignal<Option<Loaded>>, waves: Memo<Vec<String>>, measurable: Memo<Vec<Measurable>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<usize>);
    // (standard id, its text, its KPI if it still has one, rows), in the project's standard order.
    let groups = Memo::new(move |_| {
        let wave = filter.get();
        loaded.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let project = &l.project;
            let mut ids: Vec<&str> = project.standards.iter().map(|s| s.id.as_str()).collect();
            for m in &project.measurements {
                if !ids.contains(&m.standard.as_str()) {
                    ids.push(&m.standard);
                }
            }
            ids.into_iter()
                .filter_map(|id| {
                    let rows: Vec<Row> = project
                        .measurements
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| m.standard == id && wave.as_deref().is_none_or(|w| m.wave == w))
                        .map(|(index, m)| Row { index, wave: m.wave.clone(), value: m.value })
                        .collect();
                    if rows.is_empty() {
                        return None;
                    }
                    let standard = project.standard(id);
                    let text = standard.map_or_else(|| t!("Standard \u{201c}{id}\u{201d} (no longer in the project)", id = id), |s| s.text.clone());
                    let kpi = standard.and_then(|s| s.kpi.clone());
                    Some((id.to_owned(), text, kpi, rows))
                })
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| loaded.with(|l| l.as_ref().map_or(0, |l| l.project.measurements.len())));
    let remove = move |index: usize| {
        if save_removal(state, loaded, |project| project.remove_measurement(index)).is_some() {
            state.info(t!("The measurement was deleted.").into());
        }
        confirming.set(None);
        focus("measure-list-heading");
    };

    view! {
        <Show when=move || { total.get() > 0 }
            fallback=move || (!measurable.with(Vec::is_empty)).then(|| view! { <p class="muted" data-testid="measure-none">{t!("No measurements yet.")}</p> })>
            <div class="de-list-head">
                <h3 id="measure-list-heading" tabindex="-1">
                    {move || t!("Stored measurements ({n} in all)", n = count(total.get()))}
                </h3>
                <WaveFilter testid="measure-filter" value=filter waves=waves />
            </div>
            {move || {
                let groups = groups.get();
                if groups.is_empty() {
                    return view! { <p class="muted" data-testid="measure-none-in-wave">{t!("No measurements in this wave.")}</p> }.into_any();
                }
                groups.into_iter().map(|(id, text, kpi, rows)| {
                    let measurable = kpi.clone().map(|kpi| Measurable { id: id.clone(), text: text.clone(), kpi });
                    let met = measurable.as_ref().map(|m| rows.iter().filter(|r| m.kpi.is_met(r.value)).count());
                    let summary = match (&measurable, met) {
                        (Some(m), Some(met)) => t!(
                            "Target {target}: {met} of {n} meet it.", target = m.target(), met = count(met), n = count(rows.len())
                        ),
                        _ => t!("This standard has no KPI target now, so the values are not judged.").to_owned(),
                    };
                    view! {
                        <div class="measure-group" data-testid="measure-group" data-standard=id.clone()>
                            <h4 class="measure-standard">{text.clone()}</h4>
                            <p class="muted measure-summary" data-testid="measure-summary">{summary}</p>
                            <ul class="de-list">
                                {rows.into_iter().map(|row| {
                                    let index = row.index;
                                    let delete_button = NodeRef::<leptos::html::Button>::new();
                                    let (shown, verdict) = match &measurable {
                                        Some(m) => (m.with_unit(row.value), Some(m.kpi.is_met(row.value))),
                                        None => (plain(row.value), None),
                                    };
                                    let question = t!(
                                        "Delete the measurement {value} ({wave}) of \u{201c}{standard}\u{201d}?",
                                        value = shown,
                                        wave = row.wave,
                                        standard = text
                                    );
                                    view! {
                                        <li class="de-row measure-row" data-testid="measurement-row" data-wave=row.wave.clone()>
                                            <span class="measure-wave">{row.wave.clone()}</span>
                                            <span class="measure-value num" data-testid="measure-row-value">{shown.clone()}</span>
                                            {match verdict {
                                                Some(true) => view! {
                                                    <span class="verdict verdict-met" data-testid="measure-verdict">
                                                        <span aria-hidden="true">"✓ "</span>{t!("meets the target")}
                                                    </span>
                                                }.into_any(),
                                                Some(false) => view! {
                                                    <span class="verdict verdict-missed" data-testid="measure-verdict">
                                                        <span aria-hidden="true">"✗ "</span>{t!("misses the target")}
                                                    </span>
                                                }.into_any(),
                                                None => view! {
                                                    <span class="verdict" data-testid="measure-verdict">{t!("no target")}</span>
                                                }.into_any(),
                                            }}
                                            <button type="button" class="button-danger-quiet" data-testid="measure-delete" node_ref=delete_button
                                                on:click=move |_| confirming.set(Some(index))>
                                                {t!("Delete")}<span class="visually-hidden">{format!(" {shown} ({})", row.wave)}</span>
                                            </button>
                                            <Show when=move || confirming.get() == Some(index)>
                                                <Confirm question=question.clone() confirm_label=t!("Delete measurement")
                                                    on_confirm=Callback::new(move |()| remove(index))
                                                    on_cancel=Callback::new(move |()| {
                                                        confirming.set(None);
                                                        if let Some(button) = delete_button.get_untracked() { let _ = button.focus(); }
                                                    }) />
                                            </Show>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </Show>
    }
}
