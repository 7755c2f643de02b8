//! Settings: backup and restore (with merge), storage used and left, set-aside data, and
//! delete everything.
//!
//! Restore never writes before the whole file has been validated (`export::backup::restore`),
//! and then only what the user chose, one project at a time, through `AppState::save`.

use crate::export::backup::{backup_json, restore, Choice, MergePlan};
use crate::model::{Project, ProjectId};
use crate::storage::{StorageError, PREFIX};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::csv_export::{CsvExport, CsvKind};
use crate::ui::download;
use crate::i18n::{lang, Lang};
use crate::ui::file;
use crate::ui::format::{count, percent, plural};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Browsers give an origin roughly this many characters of local storage.
const QUOTA_CHARS: usize = 5_000_000;
/// Backups larger than this are refused before reading: local storage holds far less.
const MAX_FILE_BYTES: f64 = 50_000_000.0;
/// Problems listed on screen; the rest are counted.
const PROBLEMS_SHOWN: usize = 100;
/// The word typed to confirm deleting everything.
const DELETE_WORD: &str = "DELETE";

/// Today as YYYY-MM-DD, for file names.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// A fresh project id, as the Projects page makes them.
fn new_project_id() -> Option<ProjectId> {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_000_000.0) as u64;
    ProjectId::new(&format!("p-{time:x}-{random:x}")).ok()
}

/// "1 project" / "3 projects".
fn projects(n: usize) -> String {
    plural(n, t!("1 project"), t!("{n} projects"))
}

/// "1 response" / "3 responses".
fn responses(n: usize) -> String {
    plural(n, t!("1 response"), t!("{n} responses"))
}

/// "1 problem" / "3 problems".
fn problems(n: usize) -> String {
    plural(n, t!("1 problem"), t!("{n} problems"))
}

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page settings">
            <h1>{t!("Settings")}</h1>
            <p class="lead">
                {t!("Everything Gaplens knows is kept in this browser. Back it up to a file you control, \
                     move it to another laptop, combine answers collected on several laptops, or delete it.")}
            </p>
            <LanguageSection />
            <BackupSection />
            <SpreadsheetSection />
            <RestoreSection />
            <StorageSection />
            <SetAsideSection />
            <DeleteEverything />
        </section>
    }
}

/// The interface language: choosing one stores the choice and reloads the page in it.
#[component]
fn LanguageSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = lang();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(chosen) = Lang::from_code(&event_target_value(&ev)) else { return };
        if chosen == current {
            return;
        }
        if let Err(error) = crate::ui::lang::choose(chosen) {
            state.error(t!("The language was not changed: {error}", error = error));
        }
    };
    view! {
        <section class="card" aria-labelledby="language-heading">
            <h2 id="language-heading">{t!("Language")}</h2>
            <label class="language-field">
                <span>{t!("Language of Gaplens")}</span>
                <select data-testid="settings-language" aria-describedby="language-hint" on:change=on_change>
                    {Lang::ALL.into_iter().map(|option| view! {
                        <option value=option.code() lang=option.code() selected=option == current>{option.native_name()}</option>
                    }).collect_view()}
                </select>
            </label>
            <p id="language-hint" class="hint">
                {t!("The page reloads in the language you choose. Your projects and answers stay as they are.")}
            </p>
        </section>
    }
}

/// Loads every project; `None` (after telling the user) when any cannot be read, so a
/// backup is never silently partial.
fn load_all(state: AppState) -> Option<Vec<Project>> {
    let mut projects = Vec::new();
    for entry in state.projects.get_untracked() {
        projects.push(state.load(&entry.id)?.project);
    }
    Some(projects)
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Offers the backup file `name`; `saved` is the message once it is offered.
    let offer = move |name: &str, projects: &[Project], saved: String| {
        match download::offer(name, "application/json", &backup_json(projects)) {
            Ok(()) => state.info(saved),
            Err(error) => state.error(error),
        }
    };
    let export_all = move |_| {
        let Some(all) = load_all(state) else { return };
        let file = format!("gaplens-backup-{}.json", today());
        let saved = t!("A backup of {projects} was saved as {file}.", projects = projects(all.len()), file = file);
        offer(&file, &all, saved);
    };

    view! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t!("Back up")}</h2>
            <p>
                {t!("A backup is a JSON file with every project, its setup and every answer. \
                     Keep it somewhere safe; restore it here or in Gaplens on another device.")}
            </p>
            <button class="button-primary" data-testid="backup-all" on:click=export_all
                disabled=move || state.projects.get().is_empty()>{t!("Export everything")}</button>
            <ul class="settings-list" aria-label=t!("Back up one project")>
                <For each=move || state.projects.get() key=|p| (p.id.clone(), p.name.clone(), p.responses)
                    children=move |entry| {
                        let id = StoredValue::new(entry.id.clone());
                        let name = entry.name.clone();
                        let backup_one = move |_| {
                            let Some(loaded) = state.load(&id.get_value()) else { return };
                            let file = format!("{}-backup-{}.json", download::file_stem(&loaded.project.name), today());
                            let saved = t!(
                                "A backup of \u{201c}{project}\u{201d} was saved as {file}.",
                                project = loaded.project.name,
                                file = file
                            );
                            offer(&file, &[loaded.project], saved);
                        };
                        view! {
                            <li class="settings-row" data-testid="backup-project-row" data-project-id=entry.id.to_string()>
                                <span class="settings-row-name">{name.clone()}</span>
                                <span class="muted">{responses(entry.responses)}</span>
                                <button data-testid="backup-project" on:click=backup_one
                                    aria-label=t!("Back up {project}", project = name)>{t!("Back up this project")}</button>
                            </li>
                        }
                    } />
            </ul>
        </section>
    }
}

/// One project's responses as CSV for a spreadsheet (the same component the Data page uses).
#[component]
fn SpreadsheetSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = RwSignal::new(None::<ProjectId>);
    // The chosen project, or the first; loaded once per choice or change, not per render.
    let project = Memo::new(move |_| {
        state.external_change.track();
        let projects = state.projects.get();
        let id = chosen.get().filter(|id| projects.iter().any(|p| &p.id == id)).or_else(|| projects.first().map(|p| p.id.clone()))?;
        state.load(&id).map(|loaded| loaded.project)
    });
    view! {
        <section class="card" aria-labelledby="spreadsheet-heading">
            <h2 id="spreadsheet-heading">{t!("Responses for a spreadsheet")}</h2>
            <p>
                {t!("One row per respondent, in the CSV layout Gaplens imports. Choose semicolons and decimal \
                     commas for Excel set to a Nordic language. Cells that a spreadsheet would run as a formula \
                     get a leading apostrophe.")}
            </p>
            <div class="field-row">
                <label>
                    <span>{t!("Project")}</span>
                    <select data-testid="csv-project" on:change=move |ev| chosen.set(ProjectId::new(&event_target_value(&ev)).ok())>
                        <For each=move || state.projects.get() key=|p| (p.id.clone(), p.name.clone())
                            children=move |entry| {
                                let value = entry.id.to_string();
                                let id = entry.id.clone();
                                view! { <option value=value selected=move || project.with(|p| p.as_ref().is_some_and(|p| p.id == id))>{entry.name}</option> }
                            } />
                    </select>
                </label>
                <CsvExport kind=CsvKind::Responses project=project />
            </div>
        </section>
    }
}

/// What the last restore attempt found.
#[derive(Clone)]
enum Restored {
    Rejected { file: String, total: usize, problems: Vec<String> },
    Valid { file: String, projects: Vec<Project> },
}

#[component]
fn RestoreSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let restored = RwSignal::new(None::<Restored>);
    let busy = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = file::chosen(&ev) else { return };
        let name = file.name();
        restored.set(None);
        if let Some(problem) = file::too_large(&file, MAX_FILE_BYTES) {
            restored.set(Some(Restored::Rejected { file: name, total: 1, problems: vec![problem] }));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match file::read(&file).await {
                Ok(bytes) => {
                    restored.set(Some(match restore(&bytes) {
                        Ok(backup) => Restored::Valid { file: name, projects: backup.projects },
                        Err(error) => Restored::Rejected {
                            file: name,
                            total: error.total(),
                            problems: error.problems.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect(),
                        },
                    }));
                }
                Err(problem) => state.error(problem),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{t!("Restore from a backup file")}</h2>
            <p>
                {t!("The whole file is checked first; nothing changes until you choose, project by project, \
                     what to do. A project that is already here can be replaced, merged (answers combined, \
                     each differing answer shown for you to decide) or added as a copy.")}
            </p>
            <label class="file-label">
                <span>{t!("Backup file (.json)")}</span>
                <input type="file" accept=".json,application/json" data-testid="restore-file"
                    on:change=on_file disabled=move || busy.get() />
            </label>
            {move || restored.get().map(|restored| match restored {
                Restored::Rejected { file, total, problems } => {
                    let more = total.saturating_sub(problems.len());
                    view! {
                        <div class="notice notice-error restore-errors" role="alert" data-testid="restore-errors">
                            <p><strong>{t!(
                                "{file} was not restored: {problems} found. Nothing was changed.",
                                file = file,
                                problems = self::problems(total)
                            )}</strong></p>
                            <ul>
                                {problems.into_iter().map(|p| view! { <li data-testid="restore-error">{p}</li> }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <p>{t!("… and {n} more.", n = count(more))}</p> })}
                        </div>
                    }.into_any()
                }
                Restored::Valid { file, projects } => view! {
                    <div class="restore-report" data-testid="restore-report">
                        <p role="status">{t!(
                            "{file} is a valid backup with {projects}. Choose what to do with each.",
                            file = file,
                            projects = self::projects(projects.len())
                        )}</p>
                        <ul class="settings-list">
                            {projects.into_iter().map(|project| view! { <RestoreRow project=project /> }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}

/// What the user is doing with one project of the backup.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Choosing,
    ConfirmReplace,
    Merging,
}

/// One project of a valid backup, with its choices.
#[component]
fn RestoreRow(project: Project) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = project.id.clone();
    let incoming = StoredValue::new(project.clone());
    let step = RwSignal::new(Step::Choosing);
    let done = RwSignal::new(None::<String>);
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.projects.get().into_iter().find(|p| p.id == id))
    };
    let (customers, managers) = project.count_responses(None);

    let add = move |_| {
        let project = incoming.get_value();
        if state.save(&project, None).is_ok() {
            done.set(Some(t!("Added \u{201c}{project}\u{201d}.", project = project.name)));
        }
    };
    let add_copy = move |_| {
        let mut project = incoming.get_value();
        let Some(id) = new_project_id() else { return };
        project.id = id;
        let name: String = t!("{project} (copy)", project = project.name);
        let cut: String = name.chars().take(crate::model::PROJECT_NAME_MAX).collect();
        if project.rename(&cut).is_err() {
            return;
        }
        if state.save(&project, None).is_ok() {
            done.set(Some(t!("Added as a copy named \u{201c}{project}\u{201d}.", project = project.name)));
        }
    };
    let replace = Callback::new(move |()| {
        let project = incoming.get_value();
        // The stored revision, so a change in another tab meanwhile is a conflict, not lost.
        let revision = state.store().and_then(|s| s.load_project(&project.id).ok()).map(|l| l.revision);
        if state.save(&project, revision).is_ok() {
            done.set(Some(t!("Replaced \u{201c}{project}\u{201d} with the backup's version.", project = project.name)));
        }
        step.set(Step::Choosing);
    });

    view! {
        <li class="settings-row restore-row card" data-testid="restore-project" data-project-id=id.to_string()>
            <div class="restore-row-head">
                <strong class="settings-row-name">{project.name.clone()}</strong>
                <span class="muted">{t!(
                    "{customers} customers, {managers} management, {waves}",
                    customers = count(customers),
                    managers = count(managers),
                    waves = plural(project.waves.len(), t!("1 wave"), t!("{n} waves"))
                )}</span>
                <span class="muted" data-testid="restore-status">{move || match (done.get().is_some(), exists.get()) {
                    (true, _) => String::new(),
                    (false, Some(here)) => t!(
                        "Already here as \u{201c}{project}\u{201d} ({responses}).", project = here.name, responses = responses(here.responses)
                    ),
                    (false, None) => t!("Not in this browser yet.").to_owned(),
                }}</span>
            </div>
            {move || if let Some(text) = done.get() {
                view! { <p class="restore-done" role="status" data-testid="restore-done"><span aria-hidden="true">"✓ "</span>{text}</p> }.into_any()
            } else if exists.get().is_none() {
                view! { <div class="button-row"><button class="button-primary" data-testid="restore-add" on:click=add>{t!("Add to this browser")}</button></div> }.into_any()
            } else {
                match step.get() {
                    Step::Choosing => view! {
                        <div class="button-row">
                            <button data-testid="restore-merge" on:click=move |_| step.set(Step::Merging)>{t!("Merge…")}</button>
                            <button data-testid="restore-copy" on:click=add_copy>{t!("Add as a copy")}</button>
                            <button class="button-danger-quiet" data-testid="restore-replace"
                                on:click=move |_| step.set(Step::ConfirmReplace)>{t!("Replace…")}</button>
                        </div>
                    }.into_any(),
                    Step::ConfirmReplace => {
                        let here = exists.get_untracked().map_or(0, |e| e.responses);
                        let project = incoming.get_value();
                        let question = t!(
                            "Replace \u{201c}{project}\u{201d} stored here ({here}) with the backup's version ({theirs})? \
                             The version here is lost unless you backed it up.",
                            project = project.name,
                            here = responses(here),
                            theirs = responses(project.responses.len()),
                        );
                        view! {
                            <Confirm question=question confirm_label=t!("Replace project") on_confirm=replace
                                on_cancel=Callback::new(move |()| step.set(Step::Choosing)) />
                        }.into_any()
                    }
                    Step::Merging => view! {
                        <MergeView incoming=incoming.get_value()
                            on_done=Callback::new(move |text: String| { done.set(Some(text)); step.set(Step::Choosing); })
                            on_cancel=Callback::new(move |()| step.set(Step::Choosing)) />
                    }.into_any(),
                }
            }}
        </li>
    }
}

/// The merge plan of `incoming` into the stored project with its id: what is added, what is
/// identical, and one choice per conflict; nothing is saved before "Apply merge".
#[component]
fn MergeView(incoming: Project, on_done: Callback<String>, on_cancel: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(loaded) = state.load(&incoming.id) else {
        return view! { <p class="field-problem">{t!("The project here could not be read, so nothing can be merged into it.")}</p> }.into_any();
    };
    let revision = loaded.revision;
    let plan = match MergePlan::new(&loaded.project, &incoming) {
        Ok(plan) => plan,
        Err(error) => {
            return view! {
                <div class="merge">
                    <p class="field-problem" data-testid="merge-refused">{t!("Not merged: {error}.", error = error)}</p>
                    <button on:click=move |_| on_cancel.run(())>{t!("Back")}</button>
                </div>
            }.into_any();
        }
    };
    let choices: Vec<RwSignal<Option<Choice>>> = plan.conflicts.iter().map(|_| RwSignal::new(None)).collect();
    let all_chosen = {
        let choices = choices.clone();
        move || choices.iter().all(|c| c.get().is_some())
    };
    let set_all = {
        let choices = choices.clone();
        move |choice: Choice| choices.iter().for_each(|c| c.set(Some(choice)))
    };
    let set_all_2 = set_all.clone();
    let plan = StoredValue::new(plan);
    let apply = {
        let choices = choices.clone();
        move |_| {
            let chosen: Option<Vec<Choice>> = choices.iter().map(|c| c.get_untracked()).collect();
            let Some(chosen) = chosen else { return };
            plan.with_value(|plan| match plan.apply(&chosen) {
                Err(error) => state.error(t!("Not merged: {error}.", error = error)),
                Ok(project) => {
                    if state.save(&project, Some(revision)).is_ok() {
                        let theirs = chosen.iter().filter(|c| **c == Choice::TakeTheirs).count();
                        on_done.run(t!(
                            "Merged: {added} added, {identical} already here, {resolved} (took the backup's in {theirs}).",
                            added = responses(plan.added.len()),
                            identical = count(plan.identical),
                            resolved = plural(plan.conflicts.len(), t!("1 conflict resolved"), t!("{n} conflicts resolved")),
                            theirs = count(theirs),
                        ));
                    }
                }
            });
        }
    };

    let summary = plan.with_value(|plan| {
        let mut lines = vec![t!(
            "{added} new, {identical} identical to the ones here, {conflicts} with the same id but different answers.",
            added = responses(plan.added.len()),
            identical = count(plan.identical),
            conflicts = count(plan.conflicts.len()),
        )];
        let list = |template: &str, names: Vec<String>| {
            (!names.is_empty()).then(|| crate::i18n::fill(template, &[("names", &names.join(", "))]))
        };
        lines.extend(list(t!("Waves added: {names}."), plan.new_waves.iter().map(|w| w.name.clone()).collect()));
        lines.extend(list(
            t!("Items this project lacks added: {names}."),
            plan.new_items.iter().map(|i| format!("{} ({})", i.code, i.text)).collect(),
        ));
        lines.extend(list(t!("Dimensions added: {names}."), plan.new_dimensions.iter().map(|d| d.name.clone()).collect()));
        lines.extend(list(t!("Journey stages added: {names}."), plan.new_stages.iter().map(|s| s.name.clone()).collect()));
        lines.extend(list(t!("Touchpoints added: {names}."), plan.new_touchpoints.iter().map(|(_, t)| t.name.clone()).collect()));
        lines.extend(list(t!("Standards added: {names}."), plan.new_standards.iter().map(|s| s.text.clone()).collect()));
        let counts = [
            (plan.new_measurements.len(), t!("1 measurement"), t!("{n} measurements")),
            (plan.new_promises.len(), t!("1 promise"), t!("{n} promises")),
            (plan.new_complaints.len(), t!("1 complaint"), t!("{n} complaints")),
            (plan.new_actions.len(), t!("1 action"), t!("{n} actions")),
            (plan.new_mappings.len(), t!("1 saved column mapping"), t!("{n} saved column mappings")),
        ];
        let counted: Vec<String> = counts.iter().filter(|c| c.0 > 0).map(|(n, one, many)| plural(*n, one, many)).collect();
        if !counted.is_empty() {
            lines.push(t!("Also added: {list}.", list = counted.join(", ")));
        }
        lines.extend(plan.differing.iter().map(|d| t!("Note: {note}.", note = d)));
        if plan.is_empty() {
            lines.push(t!("Everything in the backup is already here; merging changes nothing.").to_owned());
        }
        lines
    });
    let conflicts = plan.with_value(|plan| plan.conflicts.clone());
    let has_conflicts = !conflicts.is_empty();
    let nothing_to_do = plan.with_value(MergePlan::is_empty);

    view! {
        <div class="merge" data-testid="merge">
            <h3>{t!("Merge plan")}</h3>
            <ul class="merge-summary" data-testid="merge-summary">
                {summary.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {has_conflicts.then(|| view! {
                <p>{t!("For each response below, choose which version to keep. Nothing is dropped without your choice.")}</p>
                <div class="button-row">
                    <button data-testid="merge-all-mine" on:click=move |_| set_all(Choice::KeepMine)>{t!("Keep mine for all")}</button>
                    <button data-testid="merge-all-theirs" on:click=move |_| set_all_2(Choice::TakeTheirs)>{t!("Take the backup's for all")}</button>
                </div>
            })}
            <ol class="merge-conflicts">
                {conflicts.into_iter().zip(choices).enumerate().map(|(index, (conflict, choice))| {
                    let name = format!("merge-choice-{index}");
                    let id = conflict.id().to_owned();
                    view! {
                        <li class="merge-conflict" data-testid="merge-conflict" data-id=id.clone()>
                            <table class="data-table merge-diff">
                                <caption>{t!("Response {id}", id = id)}</caption>
                                <thead><tr><th scope="col">{t!("Field")}</th><th scope="col">{t!("Here (mine)")}</th><th scope="col">{t!("In the backup (theirs)")}</th></tr></thead>
                                <tbody>
                                    {conflict.differences().into_iter().map(|d| view! {
                                        <tr data-testid="merge-difference"><th scope="row">{d.field}</th><td>{d.mine}</td><td>{d.theirs}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <fieldset class="merge-choice">
                                <legend>{t!("Keep which version of {id}?", id = id)}</legend>
                                <label>
                                    <input type="radio" name=name.clone() data-testid="merge-keep-mine"
                                        prop:checked=move || choice.get() == Some(Choice::KeepMine)
                                        on:change=move |_| choice.set(Some(Choice::KeepMine)) />
                                    " "{t!("Keep mine")}
                                </label>
                                <label>
                                    <input type="radio" name=name data-testid="merge-take-theirs"
                                        prop:checked=move || choice.get() == Some(Choice::TakeTheirs)
                                        on:change=move |_| choice.set(Some(Choice::TakeTheirs)) />
                                    " "{t!("Take the backup's")}
                                </label>
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="button-row">
                <button class="button-primary" data-testid="merge-apply" on:click=apply
                    disabled=move || nothing_to_do || !all_chosen()>{t!("Apply merge")}</button>
                <button data-testid="merge-cancel" on:click=move |_| on_cancel.run(())>{t!("Cancel")}</button>
            </div>
        </div>
    }.into_any()
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let used = Memo::new(move |_| {
        state.projects.track();
        state.external_change.track();
        crate::storage::Store::open().ok().map(|store| store.used_chars())
    });
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{t!("Storage used and left")}</h2>
            {move || match used.get() {
                None => view! { <p>{t!("Local storage cannot be used in this browser.")}</p> }.into_any(),
                Some(used) => {
                    let left = QUOTA_CHARS.saturating_sub(used);
                    let share = percent(Some(used as f64 * 100.0 / QUOTA_CHARS as f64), 1);
                    view! {
                        <p data-testid="storage-used">{t!(
                            "About {used} characters used ({percent}), about {left} left.",
                            used = count(used),
                            percent = share,
                            left = count(left)
                        )}</p>
                        <meter class="storage-meter" min="0" max=QUOTA_CHARS.to_string() value=used.to_string()
                            low=(QUOTA_CHARS / 2).to_string() high=(QUOTA_CHARS * 4 / 5).to_string()
                            aria-label=t!("Storage used")>{share.clone()}</meter>
                        <p class="hint">
                            {t!(
                                "An estimate: browsers allow roughly {quota} characters per site, and count them \
                                 differently. When it runs full, back up and delete old waves or projects.",
                                quota = count(QUOTA_CHARS)
                            )}
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// Documents that could not be read, set aside by storage: download or delete them.
#[component]
fn SetAsideSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let version = RwSignal::new(0u32);
    let documents = Memo::new(move |_| {
        version.track();
        state.projects.track();
        crate::storage::Store::open().map(|s| s.quarantined()).unwrap_or_default()
    });
    move || {
        let documents = documents.get();
        (!documents.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="set-aside-heading" data-testid="set-aside">
                <h2 id="set-aside-heading">{t!("Data set aside")}</h2>
                <p>{t!("These stored documents could not be read and were kept unchanged. Download them before deleting.")}</p>
                <ul class="settings-list">
                    {documents.into_iter().enumerate().map(|(n, document)| {
                        let key = document.key.clone();
                        let raw = document.raw.clone();
                        let download_it = move |_| {
                            let name = format!("gaplens-set-aside-{}.txt", n + 1);
                            if let Err(error) = download::offer(&name, "text/plain", &raw) {
                                state.error(error);
                            }
                        };
                        let delete_it = move |_| {
                            if let Some(store) = state.store() {
                                match store.delete_quarantined(&key) {
                                    Ok(()) => version.update(|v| *v += 1),
                                    Err(error) => state.error(error.to_string()),
                                }
                            }
                        };
                        view! {
                            <li class="settings-row" data-testid="set-aside-row">
                                <span class="settings-row-name">{document.original_key.clone()}</span>
                                <span class="muted">{document.reason.clone()}</span>
                                <button data-testid="set-aside-download" on:click=download_it>{t!("Download")}</button>
                                <button class="button-danger-quiet" data-testid="set-aside-delete" on:click=delete_it>{t!("Delete")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DeleteStep {
    Idle,
    Confirming,
    Typing,
}

#[component]
fn DeleteEverything() -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = RwSignal::new(DeleteStep::Idle);
    let word = RwSignal::new(String::new());
    let word_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = word_ref.get() {
            let _ = input.focus();
        }
    });
    let delete_now = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if word.get_untracked().trim() != DELETE_WORD {
            return;
        }
        let Some(store) = state.store() else { return };
        let result: Result<usize, StorageError> = store.delete_everything();
        state.refresh_projects();
        match result {
            Ok(deleted) => state.info(t!(
                "Everything Gaplens kept in this browser was deleted ({entries} under \u{201c}{prefix}\u{201d}). \
                 On the next visit the demo project is offered again, as on a first visit.",
                entries = plural(deleted, t!("1 stored entry"), t!("{n} stored entries")),
                prefix = PREFIX
            )),
            Err(error) => state.error(t!("Not everything could be deleted: {error}", error = error)),
        }
        word.set(String::new());
        step.set(DeleteStep::Idle);
    };

    view! {
        <section class="card danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t!("Delete everything")}</h2>
            <p>{t!("Removes every project, answer and setting Gaplens keeps in this browser. Back up first if you may need them.")}</p>
            {move || match step.get() {
                DeleteStep::Idle => view! {
                    <button class="button-danger" data-testid="delete-everything"
                        on:click=move |_| step.set(DeleteStep::Confirming)>{t!("Delete everything…")}</button>
                }.into_any(),
                DeleteStep::Confirming => {
                    let question = t!(
                        "Delete all {projects} and everything else Gaplens keeps in this browser? This cannot be undone.",
                        projects = projects(state.projects.get_untracked().len())
                    );
                    view! {
                        <Confirm question=question confirm_label=t!("Yes, delete everything")
                            on_confirm=Callback::new(move |()| step.set(DeleteStep::Typing))
                            on_cancel=Callback::new(move |()| step.set(DeleteStep::Idle)) />
                    }.into_any()
                }
                DeleteStep::Typing => view! {
                    <form class="field-row delete-word" on:submit=delete_now
                        on:keydown=move |ev| if ev.key() == "Escape" { step.set(DeleteStep::Idle) }>
                        <label>
                            <span>{t!("Type {word} to confirm", word = DELETE_WORD)}</span>
                            <input type="text" node_ref=word_ref autocomplete="off" data-testid="delete-confirm-word"
                                prop:value=move || word.get() on:input=move |ev| word.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="button-danger" data-testid="delete-everything-now"
                            disabled=move || word.get().trim() != DELETE_WORD>{t!("Delete everything now")}</button>
                        <button type="button" data-testid="delete-cancel"
                            on:click=move |_| { word.set(String::new()); step.set(DeleteStep::Idle); }>{t!("Cancel")}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
