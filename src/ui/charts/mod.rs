//! Charts drawn by ECharts through charming.
//!
//! The contract the pages use:
//! `<Chart kind=ChartKind::Radar project=project results=results />` renders a `<figure>` with
//! the chart, a caption, and a text alternative (a table) for screen readers; it redraws when
//! the signals change and disposes of its ECharts instance when it leaves the page.
//! `image=true` draws it as an `<img>` that prints (for the Report).
//!
//! What is drawn comes from `analysis::chart_data` (pure, tested natively); `options` turns it
//! into an ECharts option with charming; `load` fetches ECharts itself on the first chart.

mod ffi;
mod load;
mod options;
mod tables;

use crate::analysis::chart_data::{gap_bars, GapBar, HeatMap, IpaChart, Radar, TrendChart};
use crate::analysis::Results;
use crate::model::Project;
use leptos::prelude::*;
use options::{Frame, Palette};
use serde_json::Value;
use wasm_bindgen::prelude::*;

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
    /// Every chart, in the order the Analysis page shows them.
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Radar,
        ChartKind::GapBars,
        ChartKind::Ipa,
        ChartKind::Trends,
        ChartKind::JourneyHeatMap,
    ];

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

    /// The caption's title.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Radar => t!("Expected and experienced, per dimension"),
            ChartKind::GapBars => t!("Perception gap per item, with 95 % confidence intervals"),
            ChartKind::Ipa => t!("Importance and performance: where to act"),
            ChartKind::Trends => t!("The overall perception gap, wave by wave"),
            ChartKind::JourneyHeatMap => t!("The journey: perception gap per touchpoint"),
        }
    }

    /// The glossary topic that explains what the chart shows.
    pub fn topic(self) -> crate::explain::Topic {
        use crate::explain::Topic;
        match self {
            ChartKind::Radar => Topic::PerceptionGap,
            ChartKind::GapBars => Topic::ConfidenceInterval,
            ChartKind::Ipa => Topic::ImportancePerformance,
            ChartKind::Trends => Topic::Trend,
            ChartKind::JourneyHeatMap => Topic::JourneyMap,
        }
    }

    /// How to read it, in one sentence.
    pub fn reading(self) -> &'static str {
        match self {
            ChartKind::Radar => t!("Mean expectation (E, dashed) and mean experience (P) over each dimension's items. Where P lies inside E, customers get less than they expect."),
            ChartKind::GapBars => t!("Bars below zero are shortfalls. ◆ and a solid bar mark a finding (n ≥ 10, Holm-adjusted p < 0.05); the whiskers show the 95 % confidence interval."),
            ChartKind::Ipa => t!("Dashed lines at the mean importance and the mean performance split the items into four quadrants. Important items that perform below the mean (bottom right) come first."),
            ChartKind::Trends => t!("The band is the 95 % confidence interval of each wave. ◆ marks a change from the wave before with Welch's p < 0.05; a dashed vertical line marks the wave the other figures are filtered to."),
            ChartKind::JourneyHeatMap => t!("Each cell is a touchpoint in its stage: its name (★ = critical), its perception gap (▼ finding: a shortfall backed by enough answers; ▲ finding: better than expected) and the complaints logged. Red is a shortfall, green better than expected."),
        }
    }
}

/// The data a chart draws, prepared once per change of the project or the results.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ChartData {
    Radar(Radar),
    GapBars {
        bars: Vec<GapBar>,
        perception_only: bool,
    },
    Ipa(Option<IpaChart>),
    Trends(TrendChart),
    Journey(HeatMap),
}

impl ChartData {
    fn of(kind: ChartKind, project: &Project, results: &Results) -> ChartData {
        match kind {
            ChartKind::Radar => ChartData::Radar(Radar::of(project, results)),
            ChartKind::GapBars => ChartData::GapBars {
                bars: gap_bars(project, results),
                perception_only: results.perception_only,
            },
            ChartKind::Ipa => ChartData::Ipa(IpaChart::of(project, results)),
            ChartKind::Trends => ChartData::Trends(TrendChart::of(results)),
            ChartKind::JourneyHeatMap => ChartData::Journey(HeatMap::of(project, results)),
        }
    }

    /// Why there is no chart, when there is none.
    fn empty_sentence(&self) -> Option<&'static str> {
        match self {
            ChartData::Radar(radar) if radar.is_empty() => Some(t!("No dimension has customers' perceptions in this view, so there is nothing to chart.")),
            ChartData::GapBars { perception_only: true, .. } => {
                Some(t!("This survey asks perception only, so there is no perception gap to chart."))
            }
            ChartData::GapBars { bars, .. } if bars.is_empty() => Some(t!("No item has answers to both parts in this view, so there is no gap to chart.")),
            ChartData::Ipa(None) => Some(t!("Importance–performance needs items with a performance and an importance (stated points, or at least 3 customers to derive it).")),
            ChartData::Trends(trend) if trend.is_empty() => Some(t!("A trend needs answers in at least two waves.")),
            ChartData::Journey(heat) if heat.is_empty() => Some(t!("No customer journey is set up yet: add stages and touchpoints on the Journey page.")),
            _ => None,
        }
    }

    fn option(&self, palette: &Palette, frame: Frame, width: f64) -> Value {
        match self {
            ChartData::Radar(radar) => options::radar(radar, palette, frame),
            ChartData::GapBars { bars, .. } => options::gap_bars(bars, palette, frame),
            ChartData::Ipa(Some(ipa)) => options::ipa(ipa, palette, frame),
            ChartData::Ipa(None) => Value::Null,
            ChartData::Trends(trend) => options::trends(trend, palette, frame),
            ChartData::Journey(heat) => options::heat_map(heat, palette, frame, width),
        }
    }

    /// The chart's height in px.
    fn height(&self, narrow: bool) -> f64 {
        match self {
            ChartData::Radar(_) => {
                if narrow {
                    320.0
                } else {
                    380.0
                }
            }
            ChartData::GapBars { bars, .. } => options::rows_height(bars.len(), 26.0, 90.0),
            ChartData::Ipa(_) => {
                if narrow {
                    360.0
                } else {
                    440.0
                }
            }
            ChartData::Trends(_) => 320.0,
            ChartData::Journey(heat) => {
                let rows = if narrow {
                    heat.stages.len()
                } else {
                    heat.slots
                };
                options::rows_height(rows, options::HEAT_ROW, 110.0)
            }
        }
    }
}

/// Where the chart is in its life.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    /// ECharts is not asked for yet.
    Idle,
    /// The ECharts script is on its way.
    Loading,
    /// ECharts is ready.
    Ready,
    /// Loading or drawing failed: the sentence says what it means for the user.
    Failed(String),
}

/// Below this container width the chart uses its phone layout.
const NARROW_PX: i32 = 560;

fn prefers_dark() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
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
    let data = Memo::new(move |_| project.with(|p| results.with(|r| ChartData::of(kind, p, r))));
    let container = NodeRef::<leptos::html::Div>::new();
    let status = RwSignal::new(Status::Idle);
    let revision = RwSignal::new(0_u32);
    let narrow = RwSignal::new(false);
    let scheme = prefers_dark();
    let dark = RwSignal::new(scheme.as_ref().is_some_and(|q| q.matches()));
    let picture = RwSignal::new(None::<String>);
    // The live instance and whether it was made with the dark theme.
    let instance = StoredValue::new_local(None::<(ffi::Instance, bool)>);

    let dispose = move || {
        if let Some(Some((chart, _))) = instance.try_update_value(Option::take) {
            chart.dispose();
        }
    };

    Effect::new(move |_| {
        let data = data.get();
        let (narrow, dark) = (narrow.get(), dark.get() && !image);
        let Some(element) = container.get() else {
            return;
        };
        if data.empty_sentence().is_some() {
            dispose();
            return;
        }
        match status.get() {
            Status::Idle => {
                status.set(Status::Loading);
                leptos::task::spawn_local(async move {
                    let next = match load::echarts().await {
                        Ok(()) => Status::Ready,
                        Err(message) => Status::Failed(message),
                    };
                    let _ = status.try_set(next);
                });
                return;
            }
            Status::Ready => {}
            Status::Loading | Status::Failed(_) => return,
        }
        let element: &web_sys::Element = &element;
        if instance.with_value(|i| i.as_ref().map(|(_, d)| *d)) != Some(dark) {
            dispose();
            match ffi::Instance::init(element, dark) {
                Ok(chart) => instance.set_value(Some((chart, dark))),
                Err(error) => {
                    return status.set(Status::Failed(t!(
                        "The chart could not be drawn ({error}); its numbers are in the table.",
                        error = error
                    )))
                }
            }
        }
        let palette = if image {
            Palette::light()
        } else {
            Palette::of(element, dark)
        };
        let option = data.option(
            &palette,
            Frame { narrow, image },
            f64::from(element.client_width()),
        );
        let option = js_sys::JSON::parse(&option.to_string()).unwrap_or(JsValue::NULL);
        let drawn = instance.with_value(|i| match i {
            Some((chart, _)) => {
                chart.resize();
                chart.set_option(&option)?;
                if image {
                    chart.svg_data_url().map(Some)
                } else {
                    Ok(None)
                }
            }
            None => Ok(None),
        });
        match drawn {
            Ok(url) => {
                if image {
                    picture.set(url);
                    dispose();
                }
                revision.update(|r| *r += 1);
            }
            Err(error) => status.set(Status::Failed(t!(
                "The chart could not be drawn ({error}); its numbers are in the table.",
                error = error
            ))),
        }
    });

    // Fit the chart to its container; switch to the phone layout when it gets narrow.
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            let is_narrow = !image && element.client_width() < NARROW_PX;
            if narrow.get_untracked() != is_narrow {
                narrow.set(is_narrow);
            }
        }
        instance.with_value(|i| {
            if let Some((chart, _)) = i {
                chart.resize();
            }
        });
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    // Follow the system's light or dark mode.
    let on_scheme = scheme.map(|query| {
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| {
                let _ = dark.try_set(event.matches());
            },
        );
        let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        StoredValue::new_local(Some((query, listener)))
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(Some((query, listener))) =
            on_scheme.and_then(|s| s.try_update_value(Option::take))
        {
            let _ = query
                .remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        }
        dispose();
    });

    let height = move || format!("{}px", data.with(|d| d.height(narrow.get())));
    let state = move || match (status.get(), data.with(|d| d.empty_sentence().is_some())) {
        (_, true) => "empty",
        (Status::Failed(_), _) => "failed",
        (Status::Ready, _) if revision.get() > 0 => "drawn",
        _ => "loading",
    };
    let alt = format!("{}. {}", kind.title(), kind.reading());
    view! {
        <figure class="chart" class:chart-image=image data-testid=format!("chart-{}", kind.slug())
            data-state=state data-revision=move || revision.get().to_string()>
            <figcaption>
                <span class="chart-title">{kind.title()}</span>
                {(!image).then(|| view! { <span class="chart-reading">{kind.reading()}</span> })}
                {(!image).then(|| view! { <crate::ui::components::explain::Explain topic=kind.topic() /> })}
            </figcaption>
            {move || data.with(|d| d.empty_sentence()).map(|sentence| view! {
                <p class="chart-empty" data-testid="chart-empty">{sentence}</p>
            })}
            {move || match status.get() {
                Status::Failed(message) => Some(view! { <p class="chart-failed" role="status">{message}</p> }),
                _ => None,
            }}
            <div class="chart-canvas" aria-hidden="true" node_ref=container
                class:chart-offscreen=image
                class:chart-hidden=move || data.with(|d| d.empty_sentence().is_some())
                style:height=height></div>
            {image.then(|| view! {
                <Show when=move || picture.with(Option::is_some)>
                    <img class="chart-picture" alt=alt.clone() src=move || picture.get().unwrap_or_default() />
                </Show>
            })}
            {(!image).then(|| view! {
                <Show when=move || data.with(|d| d.empty_sentence().is_none())>
                    <details class="chart-numbers">
                        <summary>{t!("Show the numbers")}</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t!("{chart} (numbers)", chart = kind.title())>
                            {move || data.with(tables::table)}
                        </div>
                    </details>
                </Show>
            })}
        </figure>
    }
}
