//! Complaints: their own channel, logged apart from survey answers.

use super::{focus, save_change, save_removal, today, wave_names, ProblemList, Problems, SavedLine, WaveFilter, WaveInput};
use crate::model::entries::{ComplaintEntry as Entry, Field, CATEGORY_MAX, COMPLAINT_TEXT_MAX};
use crate::storage::Loaded;
use crate::format::date as shown_date;
use crate::ui::components::confirm::Confirm;
use crate::ui::format::count;
use crate::ui::state::AppState;
use leptos::prelude::*;

const PROBLEMS_ID: &str = "complaint-problems";

/// The journey's stages and their touchpoints (code, name), for the touchpoint select.
type Stages = Vec<(String, Vec<(String, String)>)>;

/// The complaints section of the Data page.
#[component]
pub fn ComplaintEntry(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stages = Memo::new(move |_| -> Stages {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.project
                        .journey
                        .stages
                        .iter()
                        .filter(|s| !s.touchpoints.is_empty())
                        .map(|s| (s.name.clone(), s.touchpoints.iter().map(|t| (t.code.clone(), t.name.clone())).collect()))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let categories = Memo::new(move |_| {
        loaded.with(|l| {
            let mut list: Vec<String> = l
                .as_ref()
                .map(|l| l.project.complaints.iter().map(|c| c.category.clone()).filter(|c| !c.is_empty()).collect())
                .unwrap_or_default();
            crate::sort::sort(&mut list);
            list.dedup();
            list
        })
    });
    let waves = wave_names(loaded);
    let date = RwSignal::new(today());
    let wave = super::wave_field(loaded, "");
    let touchpoint = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let saved = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = touchpoint.get_untracked();
        let entry = Entry {
            date: date.get_untracked(),
            wave: wave.get_untracked(),
            touchpoint: (!chosen.is_empty()).then_some(chosen),
            category: category.get_untracked(),
            text: text.get_untracked(),
        };
        match save_change(state, loaded, |project| project.add_complaint(&entry)) {
            Ok(()) => {
                problems.set(Problems::default());
                saved.set(Some(t!("Complaint of {date} added.", date = shown_date(entry.date.trim()))));
                category.set(String::new());
                text.set(String::new());
                focus("complaint-text");
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
    let length = move || text.with(|t| t.trim().chars().count());

    view! {
        <section class="card de-section" aria-labelledby="complaint-heading" data-testid="complaint-section">
            <h2 id="complaint-heading">{t!("Complaints")}</h2>
            <p class="hint">{t!("Complaints are their own channel: log them here, apart from survey answers.")}</p>
            <form class="de-form" on:submit=submit novalidate data-testid="complaint-form">
                <div class="field-row">
                    <label class="de-field de-field-date">
                        <span>{t!("Date")}</span>
                        <input type="date" id="complaint-date" required data-testid="complaint-date"
                            aria-invalid=invalid(Field::Date) aria-describedby=PROBLEMS_ID
                            prop:value=move || date.get()
                            on:input=move |ev| date.set(event_target_value(&ev)) />
                    </label>
                    <WaveInput id="complaint-wave" testid="complaint-wave" value=wave waves=waves invalid=wave_invalid
                        describedby=PROBLEMS_ID label=t!("Wave (optional)") required=false />
                    <label class="de-field">
                        <span>{t!("Touchpoint")}</span>
                        <select id="complaint-touchpoint" data-testid="complaint-touchpoint"
                            aria-invalid=invalid(Field::Touchpoint) aria-describedby=PROBLEMS_ID
                            on:change=move |ev| touchpoint.set(event_target_value(&ev))>
                            <option value="" selected=move || touchpoint.get().is_empty()>{t!("None")}</option>
                            {move || stages.get().into_iter().map(|(stage, touchpoints)| view! {
                                <optgroup label=stage>
                                    {touchpoints.into_iter().map(|(code, name)| {
                                        let selected = code.clone();
                                        view! { <option value=code selected=move || touchpoint.get() == selected>{name}</option> }
                                    }).collect_view()}
                                </optgroup>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="de-field">
                        <span>{t!("Category (optional)")}</span>
                        <input type="text" id="complaint-category" list="complaint-category-list" autocomplete="off"
                            maxlength=CATEGORY_MAX.to_string() placeholder=t!("e.g. billing") data-testid="complaint-category"
                            aria-invalid=invalid(Field::Category) aria-describedby=PROBLEMS_ID
                            prop:value=move || category.get()
                            on:input=move |ev| category.set(event_target_value(&ev)) />
                        <datalist id="complaint-category-list">
                            {move || categories.get().into_iter().map(|c| view! { <option value=c></option> }).collect_view()}
                        </datalist>
                    </label>
                </div>
                <label class="de-field de-field-text">
                    <span>{t!("What the customer said")}</span>
                    <textarea id="complaint-text" rows="3" required data-testid="complaint-text"
                        aria-invalid=invalid(Field::Text) aria-describedby="complaint-count complaint-problems"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <p id="complaint-count" data-testid="complaint-count"
                    class=move || { if length() > COMPLAINT_TEXT_MAX { "hint de-over" } else { "hint" } }>
                    {move || t!("{n} of {max} characters", n = count(length()), max = count(COMPLAINT_TEXT_MAX))}
                </p>
                <ProblemList id=PROBLEMS_ID testid="complaint-problems" problems=problems />
                <div class="button-row">
                    <button type="submit" class="button-primary" data-testid="complaint-add">{t!("Add complaint")}</button>
                </div>
                <SavedLine testid="complaint-saved" saved=saved />
            </form>
            <ComplaintList loaded=loaded waves=waves />
        </section>
    }
}

/// The element id of a field of this form.
fn dom_id(field: &Field) -> Option<&'static str> {
    match field {
        Field::Date => Some("complaint-date"),
        Field::Wave => Some("complaint-wave"),
        Field::Touchpoint => Some("complaint-touchpoint"),
        Field::Category => Some("complaint-category"),
        Field::Text => Some("complaint-text"),
        _ => None,
    }
}

/// One complaint as listed.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// Position in `project.complaints`.
    index: usize,
    date: String,
    wave: Option<String>,
    touchpoint: Option<String>,
    category: String,
    text: String,
}

/// The stored complaints, newest first, with delete.
#[component]
fn ComplaintList(loaded: RwSignal<Option<Loaded>>, waves: Memo<Vec<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<usize>);
    let total = Memo::new(move |_| loaded.with(|l| l.as_ref().map_or(0, |l| l.project.complaints.len())));
    let rows = Memo::new(move |_| {
        let wave = filter.get();
        loaded.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let project = &l.project;
            let touchpoint_name = |code: &str| {
                project
                    .journey
                    .stages
                    .iter()
                    .flat_map(|s| &s.touchpoints)
                    .find(|t| t.code == code)
                    .map_or_else(|| code.to_owned(), |t| t.name.clone())
            };
            project
                .complaints_newest_first()
                .into_iter()
                .filter(|(_, c)| wave.is_none() || c.wave == wave)
                .map(|(index, c)| Row {
                    index,
                    date: c.date.clone(),
                    wave: c.wave.clone(),
                    touchpoint: c.touchpoint.as_deref().map(touchpoint_name),
                    category: c.category.clone(),
                    text: c.text.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let remove = move |index: usize| {
        if save_removal(state, loaded, |project| project.remove_complaint(index)).is_some() {
            state.info(t!("The complaint was deleted.").into());
        }
        confirming.set(None);
        focus("complaint-list-heading");
    };

    view! {
        <Show when=move || { total.get() > 0 }
            fallback=|| view! { <p class="muted" data-testid="complaint-none">{t!("No complaints logged yet.")}</p> }>
            <div class="de-list-head">
                <h3 id="complaint-list-heading" tabindex="-1">
                    {move || t!("Logged complaints ({n} in all), newest first", n = count(total.get()))}
                </h3>
                <WaveFilter testid="complaint-filter" value=filter waves=waves />
            </div>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="complaint-none-in-wave">{t!("No complaints in this wave.")}</p> }.into_any();
                }
                view! {
                    <ul class="de-list" aria-labelledby="complaint-list-heading" data-testid="complaint-list">
                        {rows.into_iter().map(|row| {
                            let index = row.index;
                            let delete_button = NodeRef::<leptos::html::Button>::new();
                            let date = shown_date(&row.date);
                            let meta = [
                                Some(date.clone()),
                                Some(row.wave.clone().unwrap_or_else(|| t!("no wave").into())),
                                row.touchpoint.clone(),
                                (!row.category.is_empty()).then(|| row.category.clone()),
                            ]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                            let short: String = row.text.chars().take(60).collect();
                            let ellipsis = if row.text.chars().count() > 60 { "…" } else { "" };
                            let question = t!(
                                "Delete the complaint of {date} (\u{201c}{text}\u{201d})? This cannot be undone.",
                                date = date,
                                text = format!("{short}{ellipsis}")
                            );
                            view! {
                                <li class="de-row complaint-row" data-testid="complaint-row">
                                    <div class="de-summary">
                                        <span class="muted complaint-meta" data-testid="complaint-row-meta">{meta}</span>
                                        <p class="complaint-text" data-testid="complaint-row-text">{row.text.clone()}</p>
                                    </div>
                                    <button type="button" class="button-danger-quiet" data-testid="complaint-delete" node_ref=delete_button
                                        on:click=move |_| confirming.set(Some(index))>
                                        {t!("Delete")}<span class="visually-hidden">" "{t!("the complaint of {date}", date = date)}</span>
                                    </button>
                                    <Show when=move || confirming.get() == Some(index)>
                                        <Confirm question=question.clone() confirm_label=t!("Delete complaint")
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
                }.into_any()
            }}
        </Show>
    }
}
