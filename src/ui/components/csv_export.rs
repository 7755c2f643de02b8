//! A CSV download with the dialect choice: the responses (re-importable) or the per-item
//! results, comma + decimal point or semicolon + decimal comma (Nordic Excel).
//!
//! ```ignore
//! <CsvExport kind=CsvKind::Responses project=Signal::derive(move || loaded.get().map(|l| l.project)) />
//! <CsvExport kind=CsvKind::Results project=… results=Signal::derive(move || results.get()) />
//! ```

use crate::analysis::Results;
use crate::export::csv::{file_name, responses_csv, results_csv, Dialect};
use crate::model::Project;
use crate::ui::download;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What the CSV holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    /// One row per respondent, the canonical Responses CSV.
    Responses,
    /// One row per item with its figures (needs `results`).
    Results,
}

impl CsvKind {
    /// A key for file names and test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            CsvKind::Responses => "responses",
            CsvKind::Results => "results",
        }
    }
}

/// A dialect select and a download button. Test ids: `csv-dialect-<kind>`, `csv-export-<kind>`.
#[component]
pub fn CsvExport(
    /// Responses or results.
    kind: CsvKind,
    /// The project (its responses, item texts and name).
    #[prop(into)]
    project: Signal<Option<Project>>,
    /// The results shown (for `CsvKind::Results`; the wave and filters as on screen).
    #[prop(optional, into)]
    results: Option<Signal<Option<Results>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialect = RwSignal::new(Dialect::Comma);
    let download_csv = move |_| {
        let Some(project) = project.get_untracked() else { return };
        let stem = download::file_stem(&project.name);
        let (contents, name) = match kind {
            CsvKind::Responses => (responses_csv(&project, dialect.get_untracked()), file_name(&stem, "responses", dialect.get_untracked())),
            CsvKind::Results => {
                let Some(results) = results.and_then(|r| r.get_untracked()) else { return };
                let suffix = results.wave.as_deref().map_or_else(|| "all-waves".to_owned(), download::file_stem);
                (
                    results_csv(&project, &results, dialect.get_untracked()),
                    file_name(&format!("{stem}-{suffix}"), "results", dialect.get_untracked()),
                )
            }
        };
        if let Err(error) = download::offer(&name, "text/csv;charset=utf-8", &contents) {
            state.error(error);
        }
    };
    let label = match kind {
        CsvKind::Responses => t!("Download responses (CSV)"),
        CsvKind::Results => t!("Download results (CSV)"),
    };
    view! {
        <div class="csv-export" role="group" aria-label=label>
            <label class="csv-export-dialect">
                <span>{t!("CSV format")}</span>
                <select data-testid=format!("csv-dialect-{}", kind.as_str())
                    on:change=move |ev| if let Some(d) = Dialect::parse(&event_target_value(&ev)) { dialect.set(d) }>
                    {Dialect::ALL.into_iter().map(|d| view! {
                        <option value=d.as_str() selected=move || dialect.get() == d>{d.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <button data-testid=format!("csv-export-{}", kind.as_str()) on:click=download_csv
                disabled=move || project.get().is_none()>{label}</button>
        </div>
    }
}
