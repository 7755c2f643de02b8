//! Data: what is stored per wave, and the CSV import.
//!
//! The import runs in slices: it validates rows for at most [`SLICE_MS`] milliseconds (and at
//! most [`ROWS_PER_SLICE`] rows), shows its progress, and lets the browser paint and handle
//! input before the next slice, so a large file never freezes the page.

use crate::import::{ImportOptions, ImportProgress, ImportedFile, ItemPolicy, ResponsesParser, TextEncoding};
use crate::model::{Project, ProjectId};
use crate::storage::Loaded;
use crate::ui::route::Route;
use crate::ui::file;
use crate::ui::format::{count, plural};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::HashSet;

/// Files larger than this are refused before reading: a survey export is far smaller, and
/// local storage holds about 5 MB in all.
const MAX_FILE_BYTES: f64 = 20_000_000.0;
/// Problems listed on screen; the rest are counted.
const PROBLEMS_SHOWN: usize = 100;
/// Longest the import holds the main thread before it yields to the browser, in ms.
const SLICE_MS: f64 = 30.0;
/// Most rows validated before the browser gets a turn, so the progress bar moves in steps
/// even on a fast machine.
const ROWS_PER_SLICE: usize = 2_000;
/// Rows validated between two looks at the clock.
const ROWS_PER_STEP: usize = 200;

/// Keeps `loaded` in step with storage: on open, and when another tab changes data.
pub fn use_project(id: ProjectId) -> RwSignal<Option<Loaded>> {
    let state = expect_context::<AppState>();
    let loaded = RwSignal::new(None::<Loaded>);
    let id = StoredValue::new(id);
    Effect::new(move |_| {
        state.external_change.track();
        loaded.set(state.load(&id.get_value()));
    });
    loaded
}

/// The outcome of the last import attempt, for the screen.
#[derive(Debug, Clone, PartialEq)]
enum ImportOutcome {
    Imported(String),
    Rejected { file: String, total: usize, problems: Vec<String> },
}

/// An import under way: the file's name, and how far validation has got (`None` while the
/// browser is still reading the file).
#[derive(Debug, Clone, PartialEq)]
struct Running {
    file: String,
    progress: Option<ImportProgress>,
}

/// The Data page.
#[component]
pub fn DataPage(id: ProjectId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = use_project(id.clone());
    let id = StoredValue::new(id);
    let outcome = RwSignal::new(None::<ImportOutcome>);
    let default_wave = RwSignal::new(String::new());
    let running = RwSignal::new(None::<Running>);
    // Suggest the current wave, or "Wave 1" for a new project.
    Effect::new(move |_| {
        if let Some(loaded) = loaded.get() {
            if default_wave.get_untracked().is_empty() {
                default_wave.set(loaded.project.current_wave.clone().unwrap_or_else(|| t!("Wave 1").into()));
            }
        }
    });

    // Validates the file slice by slice, then saves it all at once (or nothing).
    let import = move |file_name: String, bytes: Vec<u8>| async move {
        // Re-read storage: the import applies to what is stored now, at its revision; a save
        // in another tab meanwhile makes the save below fail instead of losing that change.
        let Some(current) = state.load(&id.get_value()) else { return };
        let wave = default_wave.get_untracked();
        let report = |progress: ImportProgress| {
            running.set(Some(Running { file: file_name.clone(), progress: Some(progress) }));
        };
        match import_into(&current.project, &bytes, &wave, report).await {
            Err((total, problems)) => outcome.set(Some(ImportOutcome::Rejected { file: file_name, total, problems })),
            Ok((project, summary)) => {
                if let Ok(revision) = state.save(&project, Some(current.revision)) {
                    outcome.set(Some(ImportOutcome::Imported(t!("{file}: {summary}", file = file_name, summary = summary))));
                    loaded.set(Some(Loaded { project, revision }));
                } else {
                    outcome.set(None);
                }
            }
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = file::chosen(&ev) else { return };
        if running.get_untracked().is_some() {
            return;
        }
        let name = file.name();
        if let Some(problem) = file::too_large(&file, MAX_FILE_BYTES) {
            outcome.set(Some(ImportOutcome::Rejected { file: name, total: 1, problems: vec![problem] }));
            return;
        }
        outcome.set(None);
        running.set(Some(Running { file: name.clone(), progress: None }));
        leptos::task::spawn_local(async move {
            match file::read(&file).await {
                Ok(bytes) => import(name, bytes).await,
                Err(problem) => state.error(problem),
            }
            running.set(None);
        });
    };

    view! {
        <section class="page">
            <h1>{t!("Data")}</h1>
            <p class="collect-link"><a href=Route::Collect(id.get_value()).href() data-testid="go-collect">{t!("Collect answers")}</a></p>
            {move || loaded.get().map(|loaded| view! { <WaveTable project=loaded.project /> })}
            <crate::ui::components::csv_export::CsvExport kind=crate::ui::components::csv_export::CsvKind::Responses
                project=Signal::derive(move || loaded.get().map(|l| l.project)) />
            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">{t!("Import responses (CSV)")}</h2>
                <p>
                    {t!("One row per respondent. Columns: id, source (customer or management), wave, and for each \
                         item E:CODE (expectation) and P:CODE (perception), e.g. E:REL1. Comma or semicolon \
                         separated; decimal comma is fine. A file with any problem is not imported at all.")}
                </p>
                <p class="import-hint">
                    {t!("Any CSV that Excel saves is fine: \u{201c}CSV UTF-8\u{201d}, plain \u{201c}CSV\u{201d} (Windows-1252) \
                         or \u{201c}Unicode text\u{201d} (UTF-16). An Excel workbook (.xlsx) needs to be saved as CSV first.")}
                </p>
                <div class="field-row">
                    <label>
                        <span>{t!("Wave for rows without one")}</span>
                        <input type="text" maxlength="60" data-testid="import-default-wave"
                            prop:value=move || default_wave.get()
                            on:input=move |ev| default_wave.set(event_target_value(&ev)) />
                    </label>
                    <label class="file-label">
                        <span>{t!("CSV file")}</span>
                        <input type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" data-testid="import-file"
                            on:change=on_file disabled=move || running.with(Option::is_some) />
                    </label>
                </div>
                <ImportProgressView running=running />
                <ImportOutcomeView outcome=outcome />
            </section>
            <crate::ui::pages::mapping::SurveyImport loaded=loaded />
            <crate::ui::pages::responses::Responses loaded=loaded />
            <crate::ui::pages::data_entry::DataEntry loaded=loaded />
        </section>
    }
}

/// Lets the browser paint and handle input: resolves on the next turn of its event loop.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if scheduled != Some(true) {
            // No timer to wait for: go on at once rather than stall the import.
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Validates `bytes` against `project` a slice at a time, calling `report` after each slice,
/// and returns the project with the new responses and a one-line summary, or the number of
/// problems and the first ones in words.
async fn import_into(
    project: &Project,
    bytes: &[u8],
    default_wave: &str,
    report: impl Fn(ImportProgress),
) -> Result<(Project, String), (usize, Vec<String>)> {
    let shown = |error: crate::import::ImportError| {
        (error.total(), error.problems.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect())
    };
    let existing: HashSet<String> = project.responses.iter().map(|r| r.id_str().to_owned()).collect();
    let default_wave = default_wave.trim();
    let prefix = format!("r{:x}-", js_sys::Date::now() as u64);
    let options = ImportOptions {
        scale: project.scale,
        items: ItemPolicy::Project(&project.items),
        existing_ids: &existing,
        default_wave: (!default_wave.is_empty()).then_some(default_wave),
        id_prefix: &prefix,
    };
    let mut parser = ResponsesParser::new(bytes, options).map_err(shown)?;
    loop {
        let started = js_sys::Date::now();
        let mut done = false;
        let mut rows = 0;
        while !done && rows < ROWS_PER_SLICE && js_sys::Date::now() - started < SLICE_MS {
            done = parser.step(ROWS_PER_STEP);
            rows += ROWS_PER_STEP;
        }
        report(parser.progress());
        if done {
            break;
        }
        yield_to_browser().await;
    }
    let file = parser.finish().map_err(shown)?;
    let summary = summary(&file);
    let mut updated = project.clone();
    updated.append_responses(file.responses, &file.waves);
    Ok((updated, summary))
}

/// One line on what an import brought in.
fn summary(file: &ImportedFile) -> String {
    let customers = file.responses.iter().filter(|r| r.source == crate::model::Source::Customer).count();
    let managers = file.responses.len() - customers;
    let waves: Vec<&str> = file.waves.iter().map(|w| w.name.as_str()).collect();
    let (imported, customers, managers) = (count(file.responses.len()), count(customers), count(managers));
    let mut summary = if waves.is_empty() {
        t!(
            "imported {n} responses ({customers} customers, {managers} management).",
            n = imported,
            customers = customers,
            managers = managers
        )
    } else {
        t!(
            "imported {n} responses ({customers} customers, {managers} management) into {waves}.",
            n = imported,
            customers = customers,
            managers = managers,
            waves = waves.join(", ")
        )
    };
    if file.generated_ids > 0 {
        summary.push(' ');
        summary.push_str(&plural(file.generated_ids, t!("1 row had no id and got one."), t!("{n} rows had no id and got one.")));
    }
    if !file.ignored_columns.is_empty() {
        summary.push(' ');
        summary.push_str(&t!("Columns not used: {columns}.", columns = file.ignored_columns.join(", ")));
    }
    if file.encoding != TextEncoding::Utf8 {
        summary.push(' ');
        summary.push_str(&t!("The file was read as {encoding} text (not UTF-8).", encoding = file.encoding));
    }
    summary
}

/// The progress bar of an import under way, with the same in words.
#[component]
fn ImportProgressView(running: RwSignal<Option<Running>>) -> impl IntoView {
    move || {
        let Running { file, progress } = running.get()?;
        let (value, text) = match progress {
            None => (None, t!("Reading {file}…", file = file)),
            Some(progress) => {
                let percent = (progress.fraction() * 100.0).floor();
                let shown = crate::format::percent(Some(percent), 0);
                let rows = count(progress.rows);
                let text = match progress.problems {
                    0 => t!("Checking {file}: {percent}, {rows} rows", file = file, percent = shown, rows = rows),
                    1 => t!("Checking {file}: {percent}, {rows} rows, 1 problem so far", file = file, percent = shown, rows = rows),
                    n => t!(
                        "Checking {file}: {percent}, {rows} rows, {problems} problems so far",
                        file = file,
                        percent = shown,
                        rows = rows,
                        problems = count(n)
                    ),
                };
                (Some(percent), text)
            }
        };
        Some(view! {
            <div class="import-progress" data-testid="import-progress-box">
                // Without a value the bar is indeterminate: the file is still being read.
                <progress id="import-progress" max="100" data-testid="import-progress"
                    value=value.map(|v| v.to_string()) aria-describedby="import-progress-text">
                    {text.clone()}
                </progress>
                <span id="import-progress-text" role="status" data-testid="import-progress-text">{text}</span>
            </div>
        })
    }
}

#[component]
fn ImportOutcomeView(outcome: RwSignal<Option<ImportOutcome>>) -> impl IntoView {
    move || match outcome.get()? {
        ImportOutcome::Imported(text) => Some(view! {
            <p class="notice notice-info" role="status" data-testid="import-result">
                <span aria-hidden="true">"✓ "</span>{text}
            </p>
        }.into_any()),
        ImportOutcome::Rejected { file, total, problems } => {
            let more = total.saturating_sub(problems.len());
            Some(view! {
                <div class="notice notice-error import-errors" role="alert" data-testid="import-errors">
                    <p><strong>{t!(
                        "{file} was not imported: {problems} found. Nothing was changed.",
                        file = file,
                        problems = plural(total, t!("1 problem"), t!("{n} problems"))
                    )}</strong></p>
                    <ul>
                        {problems.into_iter().map(|p| view! { <li data-testid="import-error">{p}</li> }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p>{t!("… and {n} more.", n = count(more))}</p> })}
                </div>
            }.into_any())
        }
    }
}

/// Responses per wave.
#[component]
fn WaveTable(project: Project) -> impl IntoView {
    let mut rows: Vec<(String, usize, usize)> = project
        .waves
        .iter()
        .map(|w| {
            let (c, m) = project.count_responses(Some(&w.name));
            (w.name.clone(), c, m)
        })
        .collect();
    let (all_c, all_m) = project.count_responses(None);
    let (named_c, named_m) = rows.iter().fold((0, 0), |(c, m), r| (c + r.1, m + r.2));
    if all_c + all_m > named_c + named_m {
        rows.push((t!("(no wave)").into(), all_c - named_c, all_m - named_m));
    }
    let analysis = Route::Analysis(project.id.clone(), None).href();
    if rows.is_empty() {
        let questionnaire = Route::Questionnaire(project.id.clone()).href();
        return view! {
            <div class="empty-state" data-testid="empty-state">
                <p class="empty" data-testid="no-responses">
                    {t!("No responses yet. Import a CSV file below to see the gaps.")}" "
                    <crate::ui::components::linked::Linked href=questionnaire
                        text=t!("Nothing to import yet? [Get the questionnaire] to your customers and managers first.") />
                </p>
            </div>
        }
        .into_any();
    }
    view! {
        <table class="data-table" data-testid="wave-table">
            <caption>{t!("Responses stored in this browser")}</caption>
            <thead><tr><th scope="col">{t!("Wave")}</th><th scope="col" class="num">{t!("Customers")}</th><th scope="col" class="num">{t!("Management")}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(wave, c, m)| view! {
                    <tr data-testid="wave-row"><th scope="row">{wave}</th><td class="num">{count(c)}</td><td class="num">{count(m)}</td></tr>
                }).collect_view()}
            </tbody>
            <tfoot><tr><th scope="row">{t!("All")}</th><td class="num" data-testid="total-customers">{count(all_c)}</td><td class="num">{count(all_m)}</td></tr></tfoot>
        </table>
        <p><a href=analysis data-testid="go-analysis">{t!("See the gaps →")}</a></p>
    }
    .into_any()
}
