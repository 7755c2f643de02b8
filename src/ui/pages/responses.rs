//! The responses table on the Data page, with manual entry of a single response.
//!
//! The table stays fast with tens of thousands of rows: the filtered list of positions is a
//! `Memo` (recomputed when the project or the filter changes, never per render), and only the
//! rows of the page shown are built and rendered. Every change is validated by a method of
//! `Project` (`model::responses`) on a copy of the page's project and saved at the page's
//! revision; the page's `loaded` changes only after the save succeeded.

use crate::model::responses::{ResponseEntry, ResponseFilter, COMMENT_MAX, RESPONSE_ID_MAX, SEGMENT_MAX, WAVE_MAX};
use crate::model::{ItemCode, Project, Source};
use crate::storage::Loaded;
use crate::ui::components::confirm::Confirm;
use crate::ui::format::count;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Rows per page.
const PAGE_SIZE: usize = 50;
/// The wave filter's value for "responses without a wave" (not a possible wave name: names
/// are trimmed, and this starts with a control character).
const NO_WAVE: &str = "\u{1}none";
const PROBLEMS_ID: &str = "response-problems";

/// One row of the table, built only for the page shown.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// Position in `project.responses`.
    index: usize,
    id: String,
    source: Source,
    wave: String,
    segments: String,
    answered: usize,
    nps: String,
}

impl Row {
    fn of(index: usize, response: &crate::model::Response) -> Row {
        Row {
            index,
            id: response.id_str().to_owned(),
            source: response.source,
            wave: response.wave.clone().unwrap_or_else(|| "–".into()),
            segments: response.segments.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", "),
            answered: response.items_answered(),
            nps: response.nps.map_or_else(|| "–".into(), |n| n.to_string()),
        }
    }
}

/// Applies `change` to a copy of the page's project and saves it at the page's revision.
fn save_change<T>(
    state: AppState,
    loaded: RwSignal<Option<Loaded>>,
    change: impl FnOnce(&mut Project) -> Result<T, Vec<String>>,
) -> Result<T, Vec<String>> {
    let Some(current) = loaded.get_untracked() else {
        return Err(vec![t!("The project is not loaded; reload the page.").into()]);
    };
    let mut project = current.project;
    let outcome = change(&mut project)?;
    match state.save(&project, Some(current.revision)) {
        Ok(revision) => {
            loaded.set(Some(Loaded { project, revision }));
            Ok(outcome)
        }
        Err(error) => Err(vec![t!("Not saved. {error}", error = error)]),
    }
}

fn focus(id: &str) {
    let element = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The responses section; `loaded` is the Data page's copy of the project.
#[component]
pub fn Responses(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let ready = Memo::new(move |_| loaded.with(Option::is_some));
    let editing = RwSignal::new(None::<(usize, String)>);
    view! {
        <Show when=move || ready.get()>
            <section class="card responses" aria-labelledby="responses-heading" data-testid="responses-section">
                <h2 id="responses-heading">{t!("Responses")}</h2>
                <ResponseTable loaded=loaded editing=editing />
                <ResponseForm loaded=loaded editing=editing />
            </section>
        </Show>
    }
}

#[component]
fn ResponseTable(loaded: RwSignal<Option<Loaded>>, editing: RwSignal<Option<(usize, String)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let wave = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let id_text = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let confirming = RwSignal::new(None::<(usize, String)>);

    let filter = Memo::new(move |_| ResponseFilter {
        wave: wave.with(|w| match w.as_str() {
            "" => None,
            NO_WAVE => Some(None),
            name => Some(Some(name.to_owned())),
        }),
        source: source.with(|s| match s.as_str() {
            "customer" => Some(Source::Customer),
            "management" => Some(Source::Management),
            _ => None,
        }),
        id_text: id_text.get(),
    });
    // Positions of the matching responses: once per change of the data or the filter.
    let matching = Memo::new(move |_| {
        let filter = filter.get();
        loaded.with(|l| l.as_ref().map(|l| l.project.filter_responses(&filter)).unwrap_or_default())
    });
    let total = Memo::new(move |_| loaded.with(|l| l.as_ref().map_or(0, |l| l.project.responses.len())));
    let pages = Memo::new(move |_| matching.with(Vec::len).div_ceil(PAGE_SIZE).max(1));
    let current = Memo::new(move |_| page.get().min(pages.get() - 1));
    // Only the rows of the page shown are built.
    let rows = Memo::new(move |_| {
        let start = current.get() * PAGE_SIZE;
        matching.with(|positions| {
            loaded.with(|l| {
                let Some(l) = l else { return Vec::new() };
                positions
                    .iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .filter_map(|&i| l.project.responses.get(i).map(|r| Row::of(i, r)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let wave_options = Memo::new(move |_| {
        loaded.with(|l| {
            let Some(l) = l else { return (Vec::new(), false) };
            let mut names: Vec<String> = l.project.waves.iter().map(|w| w.name.clone()).collect();
            for response in &l.project.responses {
                if let Some(w) = &response.wave {
                    if !names.contains(w) {
                        names.push(w.clone());
                    }
                }
            }
            (names, l.project.responses.iter().any(|r| r.wave.is_none()))
        })
    });
    // A new filter starts at the first page.
    Effect::new(move |_| {
        filter.track();
        page.set(0);
    });

    let delete = move |index: usize, id: String| {
        let result = save_change(state, loaded, |project| {
            project.delete_response(index, &id).map_err(|e| vec![e.to_string()])
        });
        confirming.set(None);
        match result {
            Ok(_) => {
                if editing.get_untracked().is_some_and(|(i, _)| i == index) {
                    editing.set(None);
                }
                state.info(t!("The response \u{201c}{id}\u{201d} was deleted.", id = id));
            }
            Err(problems) => state.error(problems.join(" ")),
        }
    };

    let showing = move || {
        let found = matching.with(Vec::len);
        let start = current.get() * PAGE_SIZE;
        if found == 0 {
            if total.get() == 0 { t!("No responses yet.").to_owned() } else { t!("No response matches the filter.").to_owned() }
        } else {
            let (first, last) = (count(start + 1), count((start + PAGE_SIZE).min(found)));
            if found == total.get() {
                t!("Showing {first}–{last} of {n}", first = first, last = last, n = count(found))
            } else {
                t!(
                    "Showing {first}–{last} of {n} (of {total} in all)",
                    first = first,
                    last = last,
                    n = count(found),
                    total = count(total.get())
                )
            }
        }
    };

    view! {
        // With no responses at all, the count line says so; an empty table would only show dashes.
        <div class="resp-filters" role="search" aria-label=t!("Filter responses") class:empty-hidden=move || total.get() == 0>
            <label class="de-field">
                <span>{t!("Wave")}</span>
                <select data-testid="responses-filter-wave" on:change=move |ev| wave.set(event_target_value(&ev))>
                    <option value="" selected=move || wave.with(String::is_empty)>{t!("All waves")}</option>
                    {move || {
                        let (names, none) = wave_options.get();
                        let mut options: Vec<AnyView> = names.into_iter().map(|name| {
                            let chosen = name.clone();
                            let value = name.clone();
                            view! { <option value=value selected=move || wave.with(|w| *w == chosen)>{name}</option> }.into_any()
                        }).collect();
                        if none {
                            options.push(view! { <option value=NO_WAVE selected=move || wave.with(|w| w == NO_WAVE)>{t!("(no wave)")}</option> }.into_any());
                        }
                        options
                    }}
                </select>
            </label>
            <label class="de-field">
                <span>{t!("Source")}</span>
                <select data-testid="responses-filter-source" on:change=move |ev| source.set(event_target_value(&ev))>
                    <option value="">{t!("Customers and management")}</option>
                    <option value="customer">{t!("Customers")}</option>
                    <option value="management">{t!("Management")}</option>
                </select>
            </label>
            <label class="de-field resp-filter-id">
                <span>{t!("Id contains")}</span>
                <input type="search" data-testid="responses-filter-id" autocomplete="off"
                    prop:value=move || id_text.get()
                    on:input=move |ev| id_text.set(event_target_value(&ev)) />
            </label>
        </div>
        <p class="resp-count" role="status" data-testid="responses-count">{showing}</p>
        <div class="resp-scroll" class:empty-hidden=move || total.get() == 0>
            <table class="data-table resp-table" data-testid="responses-table">
                <caption class="visually-hidden">{t!("Responses, one page at a time")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("Id")}</th>
                        <th scope="col">{t!("Source")}</th>
                        <th scope="col">{t!("Wave")}</th>
                        <th scope="col">{t!("Segments")}</th>
                        <th scope="col" class="num">{t!("Items")}</th>
                        <th scope="col" class="num">"NPS"</th>
                        <th scope="col"><span class="visually-hidden">{t!("Edit or delete")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| {
                        let Row { index, id, source, wave, segments, answered, nps } = row;
                        let for_edit = id.clone();
                        let for_delete = id.clone();
                        let for_confirm = id.clone();
                        let asking = move || confirming.with(|c| c.as_ref().is_some_and(|(i, c)| *i == index && *c == for_confirm));
                        let question_id = id.clone();
                        let label = if id.is_empty() { t!("(no id)").to_owned() } else { id.clone() };
                        view! {
                            <tr data-testid="response-row" data-id=id.clone()
                                class=move || editing.with(|e| e.as_ref().is_some_and(|(i, _)| *i == index)).then_some("resp-editing")>
                                <th scope="row" data-testid="response-id">{label.clone()}</th>
                                <td data-testid="response-source">{match source {
                                    Source::Customer => t!("customer"),
                                    Source::Management => t!("management"),
                                }}</td>
                                <td data-testid="response-wave">{wave}</td>
                                <td data-testid="response-segments" class="resp-segments">{segments}</td>
                                <td class="num" data-testid="response-answered">{count(answered)}</td>
                                <td class="num" data-testid="response-nps">{nps}</td>
                                <td class="resp-actions">
                                    <button class="button-quiet" data-testid="response-edit"
                                        aria-label=t!("Edit response {id}", id = label)
                                        on:click=move |_| {
                                            editing.set(Some((index, for_edit.clone())));
                                            focus("response-id");
                                        }>{t!("Edit")}</button>
                                    <button class="button-quiet button-danger-quiet" data-testid="response-delete"
                                        aria-label=t!("Delete response {id}", id = label)
                                        on:click=move |_| confirming.set(Some((index, for_delete.clone())))>{t!("Delete")}</button>
                                </td>
                            </tr>
                            <Show when=asking>
                                {
                                    let id = question_id.clone();
                                    view! {
                                        <tr class="resp-confirm-row">
                                            <td colspan="7">
                                                <Confirm
                                                    question=t!("Delete the response \u{201c}{id}\u{201d}? Its answers are removed from every figure.", id = id)
                                                    confirm_label=t!("Delete response")
                                                    on_confirm=Callback::new({ let id = id.clone(); move |_| delete(index, id.clone()) })
                                                    on_cancel=Callback::new(move |_| confirming.set(None)) />
                                            </td>
                                        </tr>
                                    }
                                }
                            </Show>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="resp-pager" aria-label=t!("Pages of responses") class:empty-hidden=move || total.get() == 0>
            <button data-testid="responses-prev" disabled=move || current.get() == 0
                on:click=move |_| page.set(current.get_untracked().saturating_sub(1))>{t!("← Previous")}</button>
            <span data-testid="responses-page" aria-live="polite">
                {move || t!("Page {page} of {pages}", page = count(current.get() + 1), pages = count(pages.get()))}
            </span>
            <button data-testid="responses-next" disabled=move || { current.get() + 1 >= pages.get() }
                on:click=move |_| page.set(current.get_untracked() + 1)>{t!("Next →")}</button>
        </nav>
    }
}

/// What the form is built from; the item fields are rebuilt only when this changes.
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    perception_only: bool,
    scale: String,
    /// Item code and text, in project order.
    items: Vec<(ItemCode, String)>,
    waves: Vec<String>,
}

#[component]
fn ResponseForm(loaded: RwSignal<Option<Loaded>>, editing: RwSignal<Option<(usize, String)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shape = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref().map(|l| Shape {
                perception_only: l.project.perception_only,
                scale: l.project.scale.to_string(),
                items: l.project.items.iter().map(|i| (i.code.clone(), i.text.clone())).collect(),
                waves: l.project.waves.iter().map(|w| w.name.clone()).collect(),
            })
        })
    });
    let id = RwSignal::new(String::new());
    let source = RwSignal::new(Source::Customer);
    let wave = RwSignal::new(loaded.with_untracked(|l| {
        l.as_ref().and_then(|l| l.project.current_wave.clone()).unwrap_or_default()
    }));
    let segments = RwSignal::new(String::new());
    let answers = RwSignal::new(HashMap::<ItemCode, (String, String)>::new());
    let nps = RwSignal::new(String::new());
    let csat = RwSignal::new(String::new());
    let ces = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(None::<String>);

    let clear = move || {
        id.set(String::new());
        segments.set(String::new());
        answers.set(HashMap::new());
        nps.set(String::new());
        csat.set(String::new());
        ces.set(String::new());
        comment.set(String::new());
    };
    // Editing a row fills the form with it.
    Effect::new(move |_| {
        let Some((index, row_id)) = editing.get() else { return };
        let entry = loaded.with_untracked(|l| {
            l.as_ref().and_then(|l| {
                l.project.responses.get(index).filter(|r| r.id_str() == row_id).map(|r| ResponseEntry::from_response(&l.project, r))
            })
        });
        let Some(entry) = entry else {
            editing.set(None);
            return;
        };
        id.set(entry.id);
        source.set(entry.source);
        wave.set(entry.wave);
        segments.set(entry.segments);
        answers.set(entry.answers.into_iter().map(|(code, e, p)| (code, (e, p))).collect());
        nps.set(entry.nps);
        csat.set(entry.csat);
        ces.set(entry.ces);
        comment.set(entry.comment);
        problems.set(Vec::new());
        saved.set(None);
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(shape) = shape.get_untracked() else { return };
        let typed = answers.get_untracked();
        let entry = ResponseEntry {
            id: id.get_untracked(),
            source: source.get_untracked(),
            wave: wave.get_untracked(),
            segments: segments.get_untracked(),
            answers: shape
                .items
                .iter()
                .map(|(code, _)| {
                    let (e, p) = typed.get(code).cloned().unwrap_or_default();
                    (code.clone(), e, p)
                })
                .collect(),
            nps: nps.get_untracked(),
            csat: csat.get_untracked(),
            ces: ces.get_untracked(),
            comment: comment.get_untracked(),
        };
        let target = editing.get_untracked();
        let result = save_change(state, loaded, |project| {
            let outcome = match &target {
                None => project.add_response(&entry),
                Some((index, old)) => project.update_response(*index, old, &entry),
            };
            outcome.map_err(|found| found.iter().map(ToString::to_string).collect())
        });
        match result {
            Ok(stored) => {
                problems.set(Vec::new());
                saved.set(Some(match target {
                    None => t!("Added the response \u{201c}{id}\u{201d}.", id = stored),
                    Some(_) => t!("Saved the response \u{201c}{id}\u{201d}.", id = stored),
                }));
                editing.set(None);
                clear();
                focus("response-id");
            }
            Err(found) => {
                saved.set(None);
                problems.set(found);
                focus(PROBLEMS_ID);
            }
        }
    };
    // A conflict with another tab, once resolved in the dialog, makes the refusal shown here
    // out of date.
    Effect::new(move |was_open: Option<bool>| {
        let open = state.conflict.with(Option::is_some);
        if was_open == Some(true) && !open {
            problems.set(Vec::new());
        }
        open
    });
    let cancel = move |_| {
        editing.set(None);
        clear();
        problems.set(Vec::new());
    };

    let answer_input = move |code: ItemCode, perception: bool| {
        let read = code.clone();
        view! {
            <input type="text" inputmode="decimal" autocomplete="off"
                data-testid=format!("response-{}-{}", if perception { "p" } else { "e" }, code)
                id=format!("response-{}-{}", if perception { "p" } else { "e" }, code)
                prop:value=move || answers.with(|a| a.get(&read).map(|(e, p)| if perception { p.clone() } else { e.clone() }).unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    answers.update(|a| {
                        let slot = a.entry(code.clone()).or_default();
                        if perception { slot.1 = text } else { slot.0 = text }
                    });
                } />
        }
    };

    view! {
        <form class="de-form resp-form" on:submit=submit novalidate data-testid="response-form" aria-labelledby="response-form-heading">
            <h3 id="response-form-heading" data-testid="response-form-heading">
                {move || match editing.get() {
                    None => t!("Enter a response by hand").to_owned(),
                    Some((_, old)) => t!("Edit the response \u{201c}{id}\u{201d}", id = old),
                }}
            </h3>
            <div class="field-row">
                <label class="de-field">
                    <span>{t!("Respondent id (blank = generated)")}</span>
                    <input type="text" id="response-id" data-testid="response-id-input" autocomplete="off"
                        maxlength=RESPONSE_ID_MAX.to_string()
                        prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
                </label>
                <label class="de-field">
                    <span>{t!("Source")}</span>
                    <select data-testid="response-source-input"
                        on:change=move |ev| source.set(if event_target_value(&ev) == "management" { Source::Management } else { Source::Customer })>
                        <option value="customer" selected=move || source.get() == Source::Customer>{t!("Customer")}</option>
                        <option value="management" selected=move || source.get() == Source::Management>{t!("Management")}</option>
                    </select>
                </label>
                <label class="de-field">
                    <span>{t!("Wave (blank = none)")}</span>
                    <input type="text" list="response-wave-list" data-testid="response-wave-input" autocomplete="off"
                        maxlength=WAVE_MAX.to_string()
                        prop:value=move || wave.get() on:input=move |ev| wave.set(event_target_value(&ev)) />
                    <datalist id="response-wave-list">
                        {move || shape.get().map(|s| s.waves.into_iter().map(|w| view! { <option value=w></option> }).collect_view())}
                    </datalist>
                </label>
            </div>
            <label class="de-field de-field-text">
                <span>{t!(
                    "Segments, one name=value per line (e.g. channel=web), at most {max} characters each",
                    max = count(SEGMENT_MAX)
                )}</span>
                <textarea rows="3" data-testid="response-segments-input"
                    prop:value=move || segments.get() on:input=move |ev| segments.set(event_target_value(&ev))></textarea>
            </label>
            {move || shape.get().map(|shape| {
                let perception_only = shape.perception_only;
                view! {
                    <fieldset class="resp-items">
                        <legend>{t!("Answers on the scale {scale} (blank = not answered)", scale = shape.scale)}</legend>
                        <div class="resp-item-head" aria-hidden="true">
                            <span>{t!("Item")}</span>
                            {(!perception_only).then(|| view! { <span>{t!("E (expected)")}</span> })}
                            <span>{t!("P (perceived)")}</span>
                        </div>
                        {shape.items.into_iter().map(|(code, text)| {
                            let e_label = t!("E, what the customer expected, for {code}", code = code);
                            let p_label = t!("P, what the customer got, for {code}", code = code);
                            view! {
                                <div class="resp-item" data-testid="response-item" data-code=code.to_string()>
                                    <p class="resp-item-text"><strong>{code.to_string()}</strong>" "{text}</p>
                                    {(!perception_only).then(|| view! {
                                        <label class="resp-answer">
                                            <span class="resp-answer-word">"E"</span>
                                            <span class="visually-hidden">{e_label.clone()}</span>
                                            {answer_input(code.clone(), false)}
                                        </label>
                                    })}
                                    <label class="resp-answer">
                                        <span class="resp-answer-word">"P"</span>
                                        <span class="visually-hidden">{p_label}</span>
                                        {answer_input(code.clone(), true)}
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            })}
            <div class="field-row resp-scores">
                <label class="de-field de-field-number">
                    <span>"NPS (0–10)"</span>
                    <input type="text" inputmode="numeric" data-testid="response-nps-input"
                        prop:value=move || nps.get() on:input=move |ev| nps.set(event_target_value(&ev)) />
                </label>
                <label class="de-field de-field-number">
                    <span>"CSAT (1–5)"</span>
                    <input type="text" inputmode="numeric" data-testid="response-csat-input"
                        prop:value=move || csat.get() on:input=move |ev| csat.set(event_target_value(&ev)) />
                </label>
                <label class="de-field de-field-number">
                    <span>"CES (1–7)"</span>
                    <input type="text" inputmode="numeric" data-testid="response-ces-input"
                        prop:value=move || ces.get() on:input=move |ev| ces.set(event_target_value(&ev)) />
                </label>
            </div>
            <label class="de-field de-field-text">
                <span>{t!("Comment (optional, at most {max} characters)", max = count(COMMENT_MAX))}</span>
                <textarea rows="2" data-testid="response-comment-input"
                    prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </label>
            <div id=PROBLEMS_ID class="de-problems" role="alert" tabindex="-1" data-testid="response-problems">
                {move || (!problems.with(Vec::is_empty)).then(|| view! {
                    <p class="de-problems-title"><span aria-hidden="true">"⚠ "</span>{t!("Nothing was saved. Please check:")}</p>
                    <ul>
                        {problems.get().into_iter().map(|p| view! { <li data-testid="response-problem">{p}</li> }).collect_view()}
                    </ul>
                })}
            </div>
            <div class="button-row">
                <button type="submit" class="button-primary" data-testid="response-save">
                    {move || if editing.with(Option::is_some) { t!("Save changes") } else { t!("Add response") }}
                </button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" data-testid="response-cancel" on:click=cancel>{t!("Cancel editing")}</button>
                </Show>
            </div>
            <p class="de-saved" role="status" data-testid="response-saved">
                {move || saved.get().map(|text| view! { <span aria-hidden="true">"✓ "</span>{text} })}
            </p>
        </form>
    }
}
