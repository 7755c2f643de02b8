//! Charts drawn by ECharts through charming. (Being written; see issue 6.)
//!
//! The contract the pages use:
//! `<Chart kind=ChartKind::Radar project=project results=results />` renders a `<figure>` with
//! the chart, a caption, and a text alternative (a table) for screen readers; it redraws when
//! the signals change and disposes of its ECharts instance when it leaves the page.
//! `image=true` draws it as an `<img>` that prints (for the Report).

use crate::analysis::Results;
use crate::model::Project;
use leptos::prelude::*;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// E vs P per dimension.
    Radar,
    /// Perception gap per item (or dimension) with 95 % CI error bars.
    GapBars,
    /// Importance–performance scatter with quadrant lines and names.
    Ipa,
    /// Per-wave means with CI bands.
    Trends,
    /// Stages × touchpoints coloured by perception gap.
    JourneyHeatMap,
}

impl ChartKind {
    /// The `data-testid` suffix and element id stem: `chart-radar` etc.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Radar => "radar",
            ChartKind::GapBars => "gap-bars",
            ChartKind::Ipa => "ipa",
            ChartKind::Trends => "trends",
            ChartKind::JourneyHeatMap => "journey-heat-map",
        }
    }
}

/// One chart with its text alternative.
#[component]
pub fn Chart(
    kind: ChartKind,
    #[prop(into)] project: Signal<Project>,
    #[prop(into)] results: Signal<Results>,
    /// Draw as a printable image instead of a live chart.
    #[prop(optional)]
    image: bool,
) -> impl IntoView {
    let _ = (project, results, image);
    view! { <figure class="chart" data-testid=format!("chart-{}", kind.slug())></figure> }
}
