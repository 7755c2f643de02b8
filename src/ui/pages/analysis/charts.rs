//! The five charts of the filtered results.

use crate::analysis::Results;
use crate::model::Project;
use crate::ui::charts::{Chart, ChartKind};
use leptos::prelude::*;

/// Every chart, following the page's filters: the signals change, the charts redraw.
#[component]
pub fn Charts(project: Signal<Project>, results: Signal<Results>) -> impl IntoView {
    view! {
        <section id="charts" tabindex="-1" aria-labelledby="charts-heading" class="charts" data-testid="charts">
            <h2 id="charts-heading">{t!("Charts")}</h2>
            <div class="chart-grid">
                {ChartKind::ALL.into_iter().map(|kind| view! { <Chart kind=kind project=project results=results /> }).collect_view()}
            </div>
        </section>
    }
}
