//! "Import a survey-tool export": an export with one column per question (SurveyMonkey,
//! LimeSurvey, Google Forms, Microsoft Forms…) is mapped column by column onto the project's
//! fields, then imported with the canonical import's checks. The mapping is saved in the
//! project under a source name, so the next wave of the same export imports in one click.
//!
//! The logic lives in `import::mapping`; this component only holds the choices.

use crate::import::mapping::{
    convert, detect_scale, next_wave_name, read_table, suggest, SavedMapping, Table, Target,
};
use crate::import::{ImportOptions, ItemPolicy};
use crate::model::{Project, Scale, Source};
use crate::storage::Loaded;
use crate::ui::file;
use crate::ui::format::{count, plain, plural};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// Files larger than this are refused before reading (as on the canonical import).
const MAX_FILE_BYTES: f64 = 20_000_000.0;
/// Problems listed on screen; the rest are counted.
const PROBLEMS_SHOWN: usize = 100;
/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;
/// Characters of an item text shown in a select option.
const OPTION_TEXT_CHARS: usize = 48;

/// The outcome of the last import attempt.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Imported { text: String, source: String },
    Rejected { file: String, total: usize, problems: Vec<String> },
}

/// One option of the mapping selects: its key (`Target::key`) and label.
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    key: String,
    label: String,
}

/// The options every column offers, grouped for the select's `optgroup`s.
fn choices(project: &Project) -> Vec<(&'static str, Vec<Choice>)> {
    let short = |text: &str| {
        let cut: String = text.chars().take(OPTION_TEXT_CHARS).collect();
        if cut.len() < text.len() { format!("{cut}…") } else { cut }
    };
    let item_choices = |expectation: bool| -> Vec<Choice> {
        project
            .items
            .iter()
            .map(|item| {
                let target = if expectation {
                    Target::Expectation(item.code.clone())
                } else {
                    Target::Perception(item.code.clone())
                };
                Choice { key: target.key(), label: format!("{} {} \u{2014} {}", if expectation { "E" } else { "P" }, item.code, short(&item.text)) }
            })
            .collect()
    };
    let mut groups = vec![(
        t!("Respondent"),
        vec![
            Choice { key: Target::Ignore.key(), label: t!("Ignore").into() },
            Choice { key: Target::Id.key(), label: t!("Respondent id").into() },
            Choice { key: Target::Wave.key(), label: t!("Wave").into() },
        ],
    )];
    if !project.perception_only {
        groups.push((t!("Expectation (E) of item"), item_choices(true)));
    }
    groups.push((t!("Perception (P) of item"), item_choices(false)));
    groups.push((
        t!("Importance points of dimension"),
        project
            .dimensions
            .iter()
            .map(|d| Choice { key: Target::Importance(d.code.clone()).key(), label: t!("Importance \u{2014} {dimension}", dimension = d.name) })
            .collect(),
    ));
    groups.push((
        t!("Other answers"),
        vec![
            Choice { key: Target::Nps.key(), label: "NPS (0–10)".into() },
            Choice { key: Target::Csat.key(), label: "CSAT (1–5)".into() },
            Choice { key: Target::Ces.key(), label: "CES (1–7)".into() },
            Choice { key: Target::Comment.key(), label: t!("Comment").into() },
        ],
    ));
    groups
}

/// The wave offered for an import: after the last stored wave when a saved mapping fits (the
/// next export of the same survey), else the current wave, else "Wave 1".
fn offered_wave(project: &Project, next: bool) -> String {
    let last = project.waves.last().map(|w| w.name.clone()).or_else(|| project.current_wave.clone());
    match last {
        Some(last) if next => next_wave_name(&last).unwrap_or(last),
        Some(last) => project.current_wave.clone().unwrap_or(last),
        None => t!("Wave 1").into(),
    }
}

/// Imports `table` through `targets` into the project as stored now, saving the mapping as
/// `source`. Returns the saved project and a summary, or the problems in words.
fn import_table(
    project: &Project,
    table: &Table,
    targets: &[Target],
    scale: Scale,
    wave: &str,
    source: &str,
) -> Result<(Project, String, String), (usize, Vec<String>)> {
    let mapping = SavedMapping::new(source, table, targets, scale).map_err(|e| (1, vec![t!("source name: {error}", error = e)]))?;
    // The scale is fixed once the project holds data; before that the file decides it.
    let scale = if project.responses.is_empty() { scale } else { project.scale };
    let existing: HashSet<String> = project.responses.iter().map(|r| r.id_str().to_owned()).collect();
    let prefix = format!("s{:x}-", js_sys::Date::now() as u64);
    let wave = wave.trim();
    let options = ImportOptions {
        scale,
        items: ItemPolicy::Project(&project.items),
        existing_ids: &existing,
        default_wave: (!wave.is_empty()).then_some(wave),
        id_prefix: &prefix,
    };
    let file = convert(table, targets, &options)
        .map_err(|error| (error.total(), error.problems.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect()))?;
    let customers = file.responses.iter().filter(|r| r.source == Source::Customer).count();
    let waves: Vec<&str> = file.waves.iter().map(|w| w.name.as_str()).collect();
    let mut summary = if waves.is_empty() {
        t!("imported {n} responses ({customers} customers).", n = count(file.responses.len()), customers = count(customers))
    } else {
        t!(
            "imported {n} responses ({customers} customers) into {waves}.",
            n = count(file.responses.len()),
            customers = count(customers),
            waves = waves.join(", ")
        )
    };
    if file.generated_ids > 0 {
        summary.push(' ');
        summary.push_str(&plural(file.generated_ids, t!("1 row had no id and got one."), t!("{n} rows had no id and got one.")));
    }
    let mut updated = project.clone();
    if updated.responses.is_empty() {
        updated.scale = scale;
    }
    updated.append_responses(file.responses, &file.waves);
    let saved_as = mapping.source.clone();
    SavedMapping::remember(&mut updated.import_mappings, mapping);
    Ok((updated, summary, saved_as))
}

/// The card on the Data page; `loaded` is the page's copy of the project.
#[component]
pub fn SurveyImport(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let bytes = StoredValue::new(Vec::<u8>::new());
    let file_name = RwSignal::new(String::new());
    let table = RwSignal::new(None::<Table>);
    let targets = RwSignal::new(Vec::<Target>::new());
    let reasons = RwSignal::new(Vec::<String>::new());
    // The scale the user picked; `None` follows what the answers suggest.
    let scale_override = RwSignal::new(None::<Scale>);
    let wave = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);

    let project_has_data = Memo::new(move |_| loaded.with(|l| l.as_ref().is_some_and(|l| !l.project.responses.is_empty())));
    let project_scale = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| l.project.scale).unwrap_or_default()));
    let groups = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| choices(&l.project)).unwrap_or_default()));
    let saved_match = Memo::new(move |_| {
        table.with(|t| {
            let t = t.as_ref()?;
            loaded.with(|l| SavedMapping::find(&l.as_ref()?.project.import_mappings, t).cloned())
        })
    });
    let guess = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| targets.with(|targets| detect_scale(t, targets)))));
    let chosen_scale = Memo::new(move |_| {
        if project_has_data.get() {
            project_scale.get()
        } else {
            scale_override.get().or_else(|| guess.get().and_then(|g| g.scale)).unwrap_or_else(|| project_scale.get())
        }
    });

    // Reads the file's bytes into a table and fills in suggestions (or the saved mapping).
    let open_table = move |header_rows: Option<usize>| {
        let Some(project) = loaded.get_untracked().map(|l| l.project) else { return };
        let read = bytes.with_value(|b| read_table(b, header_rows));
        match read {
            Err(error) => {
                table.set(None);
                outcome.set(Some(Outcome::Rejected {
                    file: file_name.get_untracked(),
                    total: error.total(),
                    problems: error.problems.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect(),
                }));
            }
            Ok(read) => {
                let saved = SavedMapping::find(&project.import_mappings, &read).cloned();
                let (chosen, why): (Vec<Target>, Vec<String>) = match &saved {
                    Some(mapping) => (mapping.targets(), vec![t!("from the saved mapping").to_owned(); read.width()]),
                    None => suggest(&read, &project.items, &project.dimensions, &project.import_mappings, project.perception_only)
                        .into_iter()
                        .map(|s| (s.target, s.reason))
                        .unzip(),
                };
                scale_override.set(saved.as_ref().map(|m| m.scale));
                source.set(saved.as_ref().map_or_else(|| read.default_source_name(), |m| m.source.clone()));
                wave.set(offered_wave(&project, saved.is_some() || !project.responses.is_empty()));
                targets.set(chosen);
                reasons.set(why);
                table.set(Some(read));
            }
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = file::chosen(&ev) else { return };
        let name = file.name();
        outcome.set(None);
        table.set(None);
        if let Some(problem) = file::too_large(&file, MAX_FILE_BYTES) {
            outcome.set(Some(Outcome::Rejected { file: name, total: 1, problems: vec![problem] }));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match file::read(&file).await {
                Ok(read) => {
                    bytes.set_value(read);
                    file_name.set(name);
                    open_table(None);
                }
                Err(problem) => state.error(problem),
            }
            busy.set(false);
        });
    };

    // Imports with `chosen` targets and `scale`; all or nothing.
    let run_import = move |chosen: Vec<Target>, scale: Scale| {
        let Some(id) = loaded.with_untracked(|l| l.as_ref().map(|l| l.project.id.clone())) else { return };
        // Re-read storage: the import applies to what is stored now, at its revision.
        let Some(current) = state.load(&id) else { return };
        let Some(read) = table.get_untracked() else { return };
        let file = file_name.get_untracked();
        let result = import_table(&current.project, &read, &chosen, scale, &wave.get_untracked(), &source.get_untracked());
        match result {
            Err((total, problems)) => outcome.set(Some(Outcome::Rejected { file, total, problems })),
            Ok((project, summary, saved_as)) => {
                if let Ok(revision) = state.save(&project, Some(current.revision)) {
                    outcome.set(Some(Outcome::Imported { text: t!("{file}: {summary}", file = file, summary = summary), source: saved_as }));
                    loaded.set(Some(Loaded { project, revision }));
                    table.set(None);
                } else {
                    outcome.set(None);
                }
            }
        }
    };

    let two_rows = move |ev: leptos::ev::Event| {
        let checked = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        open_table(Some(if checked { 2 } else { 1 }));
    };

    let mapping_view = move || {
        let read = table.get()?;
        let preview = read.preview(PREVIEW_ROWS);
        let header_rows = read.header_rows;
        let summary = t!(
            "{file}: {rows}, {columns}, {headers}. It looks like a {tool} file.",
            file = file_name.get_untracked(),
            rows = plural(read.rows.len(), t!("1 row"), t!("{n} rows")),
            columns = plural(read.width(), t!("1 column"), t!("{n} columns")),
            headers = plural(header_rows, t!("1 header row"), t!("{n} header rows")),
            tool = read.tool()
        );
        let rows = read
            .headers
            .iter()
            .enumerate()
            .map(|(index, header)| {
                let values: Vec<String> = preview.iter().map(|row| row[index].clone()).collect();
                view! { <ColumnRow index=index header=header.clone() values=values targets=targets reasons=reasons groups=groups /> }
            })
            .collect_view();
        let preview_heads = (1..=preview.len()).map(|n| view! { <th scope="col">{t!("Row {n}", n = n)}</th> }).collect_view();
        Some(view! {
            <div class="mapping" data-testid="survey-mapping">
                <p data-testid="survey-summary">{summary}</p>
                <label class="mapping-check">
                    <input type="checkbox" data-testid="survey-two-headers" prop:checked=header_rows == 2 on:change=two_rows />
                    <span>{t!("The file has two header rows (question, then sub-answer, as SurveyMonkey writes)")}</span>
                </label>
                {move || saved_match.get().map(|mapping| {
                    let name = mapping.source.clone();
                    let scale = mapping.scale;
                    let chosen = mapping.targets();
                    view! {
                        <div class="mapping-saved" data-testid="survey-saved-match">
                            <p>{t!("These columns match the saved mapping \u{201c}{name}\u{201d}.", name = name)}</p>
                            <div class="field-row">
                                <label>
                                    <span>{t!("Wave for the rows")}</span>
                                    <input type="text" maxlength="60" data-testid="survey-saved-wave"
                                        prop:value=move || wave.get() on:input=move |ev| wave.set(event_target_value(&ev)) />
                                </label>
                                <button type="button" class="button-primary" data-testid="survey-import-saved"
                                    on:click=move |_| run_import(chosen.clone(), scale)>
                                    {t!("Import with saved mapping {name}", name = name)}
                                </button>
                            </div>
                            <p class="hint">{t!("Or check the columns below and import from there.")}</p>
                        </div>
                    }
                })}
                <div class="table-scroll mapping-scroll" role="region" aria-label=t!("Columns of the file and what they map to") tabindex="0">
                    <table class="data-table mapping-table">
                        <caption>{t!("What each column of the file means")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!("Column")}</th>
                                <th scope="col">{t!("Maps to")}</th>
                                {preview_heads}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <ScaleChoice guess=guess chosen=chosen_scale scale_override=scale_override project_has_data=project_has_data project_scale=project_scale />
                <div class="field-row">
                    <label>
                        <span>{t!("Wave for the rows")}</span>
                        <input type="text" maxlength="60" data-testid="survey-wave"
                            prop:value=move || wave.get() on:input=move |ev| wave.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{t!("Save the mapping as")}</span>
                        <input type="text" maxlength="80" data-testid="survey-source"
                            prop:value=move || source.get() on:input=move |ev| source.set(event_target_value(&ev)) />
                    </label>
                </div>
                <div class="button-row">
                    <button type="button" class="button-primary" data-testid="survey-import-button"
                        on:click=move |_| run_import(targets.get_untracked(), chosen_scale.get_untracked())>
                        {plural(read.rows.len(), t!("Import 1 row"), t!("Import {n} rows"))}
                    </button>
                    <button type="button" data-testid="survey-cancel" on:click=move |_| table.set(None)>{t!("Cancel")}</button>
                </div>
            </div>
        })
    };

    view! {
        <section class="card survey-import" aria-labelledby="survey-import-heading" data-testid="survey-import">
            <h2 id="survey-import-heading">{t!("Import a survey-tool export")}</h2>
            <p>
                {t!("An export from SurveyMonkey, LimeSurvey, Google Forms, Microsoft Forms or another tool, with one column per \
                     question. Choose the file, check what each column means, and import. Gaplens remembers the mapping, so \
                     the next wave of the same survey imports in one click. A file with any problem is not imported at all.")}
            </p>
            <label class="file-label">
                <span>{t!("Export file (CSV)")}</span>
                <input type="file" accept=".csv,text/csv,text/plain" data-testid="survey-file"
                    on:change=on_file disabled=move || busy.get() />
            </label>
            {mapping_view}
            <OutcomeView outcome=outcome />
        </section>
    }
}

/// One column of the file: its header, the mapping select, why it was suggested, and the
/// first rows' values.
#[component]
fn ColumnRow(
    index: usize,
    header: String,
    values: Vec<String>,
    targets: RwSignal<Vec<Target>>,
    reasons: RwSignal<Vec<String>>,
    groups: Memo<Vec<(&'static str, Vec<Choice>)>>,
) -> impl IntoView {
    let current = move || targets.with(|t| t.get(index).map_or_else(|| Target::Ignore.key(), Target::key));
    // A segment named after this column, and the segment a suggestion or saved mapping chose.
    let own_segment = Target::Segment(crate::import::mapping::segment_name(&header)).key();
    let segment_choices = move || {
        let mut keys = vec![own_segment.clone()];
        let chosen = current();
        if chosen.starts_with("segment:") && !keys.contains(&chosen) {
            keys.insert(0, chosen);
        }
        keys.into_iter()
            .filter(|k| k != "segment:")
            .map(|key| {
                let label = t!("Segment \u{201c}{name}\u{201d}", name = &key["segment:".len()..]);
                let selected_key = key.clone();
                view! { <option value=key prop:selected=move || current() == selected_key>{label}</option> }
            })
            .collect_view()
    };
    let options = move || {
        groups
            .get()
            .into_iter()
            .map(|(group, list)| {
                let list = list
                    .into_iter()
                    .map(|choice| {
                        let key = choice.key.clone();
                        view! { <option value=choice.key prop:selected=move || current() == key>{choice.label}</option> }
                    })
                    .collect_view();
                view! { <optgroup label=group>{list}</optgroup> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let target = Target::from_key(&key).unwrap_or(Target::Ignore);
        targets.update(|t| {
            if let Some(slot) = t.get_mut(index) {
                *slot = target;
            }
        });
        reasons.update(|r| {
            if let Some(slot) = r.get_mut(index) {
                *slot = t!("chosen by you").into();
            }
        });
    };
    let reason = move || reasons.with(|r| r.get(index).cloned().unwrap_or_default());
    let header_id = format!("survey-column-{index}");
    view! {
        <tr data-testid="survey-column" data-column=index.to_string()>
            <th scope="row" id=header_id.clone() class="mapping-header">{header.clone()}</th>
            <td class="mapping-target">
                <select data-testid="survey-target" aria-label=header.clone() on:change=on_change>
                    <optgroup label=t!("Segment")>{segment_choices}</optgroup>
                    {options}
                </select>
                <span class="mapping-reason" data-testid="survey-reason">{reason}</span>
            </td>
            {values.into_iter().map(|v| view! { <td class="mapping-value">{v}</td> }).collect_view()}
        </tr>
    }
}

/// The rating scale: what the answers suggest, and the user's confirmation.
#[component]
fn ScaleChoice(
    guess: Memo<Option<crate::import::mapping::ScaleGuess>>,
    chosen: Memo<Scale>,
    scale_override: RwSignal<Option<Scale>>,
    project_has_data: Memo<bool>,
    project_scale: Memo<Scale>,
) -> impl IntoView {
    let found = move || {
        guess.get().map(|g| match (g.min, g.max, g.scale) {
            (Some(min), Some(max), Some(scale)) => t!(
                "The {n} answers in the E and P columns run from {min} to {max}: this looks like a {scale} scale.",
                n = count(g.values),
                min = plain(min),
                max = plain(max),
                scale = scale
            ),
            (Some(min), Some(max), None) => t!(
                "The {n} answers in the E and P columns run from {min} to {max}: more than any supported scale (up to 10); those above it will be listed as problems.",
                n = count(g.values),
                min = plain(min),
                max = plain(max)
            ),
            _ => t!("No column is mapped to E or P yet, so the scale cannot be seen from the answers.").to_owned(),
        })
    };
    let fixed_note = move || {
        project_has_data.get().then(|| {
            let scale = project_scale.get();
            let differs = guess.get().and_then(|g| g.scale).is_some_and(|s| s != scale);
            view! {
                <p class=if differs { "notice notice-error" } else { "hint" } data-testid="survey-scale-fixed">
                    {if differs {
                        t!(
                            "This project's scale is {scale}, fixed now that it holds responses. The file's answers do not fit it: values outside it will be listed as problems.",
                            scale = scale
                        )
                    } else {
                        t!("This project's scale is {scale}, fixed now that it holds responses.", scale = scale)
                    }}
                </p>
            }
        })
    };
    view! {
        <fieldset class="mapping-scale">
            <legend>{t!("Rating scale")}</legend>
            <p data-testid="survey-scale-found">{found}</p>
            <label>
                <span>{t!("The answers are on the scale")}</span>
                <select data-testid="survey-scale" disabled=move || project_has_data.get()
                    on:change=move |ev| {
                        let max = event_target_value(&ev).parse::<i64>().ok();
                        scale_override.set(max.and_then(|max| Scale::new(1, max).ok()));
                    }>
                    {[5u8, 7, 10].into_iter().map(|max| view! {
                        <option value=max.to_string()
                            prop:selected=move || chosen.get().max() == max>
                            {format!("1–{max}")}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            {fixed_note}
        </fieldset>
    }
}

#[component]
fn OutcomeView(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    move || match outcome.get()? {
        Outcome::Imported { text, source } => Some(
            view! {
                <div class="notice notice-info" role="status" data-testid="survey-result">
                    <p class="notice-text">
                        <span aria-hidden="true">"✓ "</span>{text}" "
                        <span data-testid="survey-saved-as">{t!("Mapping saved as {name}.", name = source)}</span>
                    </p>
                </div>
            }
            .into_any(),
        ),
        Outcome::Rejected { file, total, problems } => {
            let more = total.saturating_sub(problems.len());
            Some(
                view! {
                    <div class="notice notice-error import-errors" role="alert" data-testid="survey-errors">
                        <p><strong>{t!(
                            "{file} was not imported: {problems} found. Nothing was changed.",
                            file = file,
                            problems = plural(total, t!("1 problem"), t!("{n} problems"))
                        )}</strong></p>
                        <ul>
                            {problems.into_iter().map(|p| view! { <li data-testid="survey-error">{p}</li> }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{t!("… and {n} more.", n = count(more))}</p> })}
                    </div>
                }
                .into_any(),
            )
        }
    }
}
