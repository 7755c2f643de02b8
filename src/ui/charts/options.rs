//! ECharts options for the five charts, built with charming from `analysis::chart_data`.
//!
//! charming 0.6 cannot say a few things ECharts needs here (per-area label positions, heat map
//! cells with names, `stackStrategy`, label widths), so the built option goes through
//! `serde_json::Value` and those fields are set there, each at one marked place.

use crate::analysis::chart_data::{
    gap_range, label_text, GapBar, HeatMap, IpaChart, Radar, TrendChart,
};
use crate::analysis::importance::Quadrant;
use charming::component::{Axis, Grid, Legend, RadarCoordinate, VisualMap};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AreaStyle, AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
    MarkArea, MarkAreaData, MarkLine, MarkLineData, MarkLineVariant, NameLocation, Orient,
    SplitLine, Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Custom, Heatmap, Line, Scatter};
use charming::Chart;
use serde_json::{json, Value};

/// Colours from the page's CSS variables, so charts follow light and dark mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub text: String,
    pub muted: String,
    pub border: String,
    pub accent: String,
    pub short: String,
    pub over: String,
    pub surface: String,
    pub dark: bool,
}

impl Palette {
    /// The light palette (images for print are always light).
    pub fn light() -> Palette {
        Palette {
            text: "#1c2430".into(),
            muted: "#5a6472".into(),
            border: "#d5dae1".into(),
            accent: "#1f5f8b".into(),
            short: "#b3261e".into(),
            over: "#1b7a3d".into(),
            surface: "#ffffff".into(),
            dark: false,
        }
    }

    /// The colours in effect on `element` (falls back to the light palette per variable).
    pub fn of(element: &web_sys::Element, dark: bool) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(element).ok().flatten());
        let read = |name: &str, fallback: String| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or(fallback)
        };
        let light = Palette::light();
        Palette {
            text: read("--text", light.text),
            muted: read("--muted", light.muted),
            border: read("--border", light.border),
            accent: read("--accent", light.accent),
            short: read("--short", light.short),
            over: read("--over", light.over),
            surface: read("--surface", light.surface),
            dark,
        }
    }

    /// Heat map colours from shortfall through neutral to better than expected: soft enough
    /// that the cell text stays readable on every colour.
    fn heat(&self) -> [&'static str; 3] {
        if self.dark {
            ["#7a2f2a", "#2b333d", "#23603a"]
        } else {
            ["#f2b8b2", "#eef0f3", "#b5e0c0"]
        }
    }
}

/// What the options need besides the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The container is narrow (a phone): fewer labels, transposed heat map.
    pub narrow: bool,
    /// Drawn for an image: no tooltips, no animation.
    pub image: bool,
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn text_style(palette: &Palette) -> TextStyle {
    TextStyle::new().color(palette.text.as_str())
}

fn base(palette: &Palette, frame: Frame) -> Chart {
    let chart = Chart::new()
        .animation(false)
        .background_color(if frame.image {
            palette.surface.as_str()
        } else {
            "transparent"
        });
    if frame.image {
        chart
    } else {
        chart.tooltip(Tooltip::new().trigger(Trigger::Item))
    }
}

fn value_axis(palette: &Palette, name: &str, range: (f64, f64)) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .name(name)
        .name_location(NameLocation::Middle)
        .name_gap(30)
        .name_text_style(text_style(palette))
        .min(range.0)
        .max(range.1)
        .axis_label(AxisLabel::new().color(palette.muted.as_str()))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(palette.border.as_str())))
}

fn zero_line(palette: &Palette, vertical: bool) -> MarkLine {
    let at = if vertical {
        MarkLineData::new().x_axis(0)
    } else {
        MarkLineData::new().y_axis(0)
    };
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .label(Label::new().show(false))
        .line_style(LineStyle::new().color(palette.text.as_str()).width(1))
        .data(vec![MarkLineVariant::Simple(at)])
}

/// The option as a JSON value, for the few fields charming cannot set.
fn to_json(chart: &Chart) -> Value {
    serde_json::to_value(chart).unwrap_or(Value::Null)
}

/// E vs P per dimension.
pub fn radar(data: &Radar, palette: &Palette, frame: Frame) -> Value {
    let indicator = data.axes.iter().map(|a| {
        charming::component::RadarIndicator::new()
            .name(label_text(&a.name))
            .min(data.min)
            .max(data.max)
    });
    let series = |name: &str, values: Vec<Option<f64>>, color: &str, dashed: bool| {
        let values: Vec<f64> = values
            .into_iter()
            .map(|v| round2(v.unwrap_or(data.min)))
            .collect();
        let line = LineStyle::new().color(color).width(2);
        charming::series::Radar::new()
            .name(name)
            .symbol_size(5)
            .line_style(if dashed {
                line.type_(LineStyleType::Dashed)
            } else {
                line
            })
            .area_style(
                AreaStyle::new()
                    .color(color)
                    .opacity(if dashed { 0.04 } else { 0.16 }),
            )
            .data(vec![DataPointItem::new(values).name(name)])
    };
    let colors: Vec<&str> = if data.perception_only {
        vec![palette.accent.as_str()]
    } else {
        vec![palette.muted.as_str(), palette.accent.as_str()]
    };
    let mut chart = base(palette, frame)
        .color(colors)
        .legend(Legend::new().bottom(0).text_style(text_style(palette)))
        .radar(
            RadarCoordinate::new()
                .radius(if frame.narrow { "58%" } else { "66%" })
                .center(vec!["50%", "46%"])
                .split_number((data.max - data.min).round().clamp(1.0, 10.0))
                .axis_name(
                    charming::component::RadarAxisName::new()
                        .color(palette.text.as_str())
                        .font_size(if frame.narrow { 10 } else { 12 }),
                )
                .split_line(
                    SplitLine::new().line_style(LineStyle::new().color(palette.border.as_str())),
                )
                .indicator(indicator.collect()),
        );
    if !data.perception_only {
        chart = chart.series(series(
            t!("Expected (E)"),
            data.axes.iter().map(|a| a.expectation).collect(),
            &palette.muted,
            true,
        ));
    }
    chart = chart.series(series(
        t!("Experienced (P)"),
        data.axes.iter().map(|a| a.perception).collect(),
        &palette.accent,
        false,
    ));
    to_json(&chart)
}

/// Perception gap per item with 95 % CI error bars; findings are solid, others faded.
pub fn gap_bars(bars: &[GapBar], palette: &Palette, frame: Frame) -> Value {
    let range = gap_range(bars);
    let labels: Vec<String> = bars.iter().map(GapBar::label).collect();
    let points: Vec<DataPointItem> = bars
        .iter()
        .map(|b| {
            let color = if b.gap < 0.0 {
                &palette.short
            } else {
                &palette.over
            };
            DataPointItem::new(round2(b.gap))
                .name(label_text(&b.code))
                .item_style(
                    ItemStyle::new()
                        .color(color.as_str())
                        .opacity(if b.finding { 1.0 } else { 0.45 }),
                )
        })
        .collect();
    let errors: Vec<DataPoint> = bars
        .iter()
        .enumerate()
        .filter_map(|(index, b)| {
            let values = vec![
                CompositeValue::from(round2(b.ci_low?)),
                round2(b.ci_high?).into(),
                (index as i64).into(),
            ];
            Some(DataPoint::Value(CompositeValue::Array(values)))
        })
        .collect();
    let chart = base(palette, frame)
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(8)
                .bottom(44)
                .contain_label(true),
        )
        .x_axis(value_axis(palette, t!("P − E (below zero: shortfall)"), range))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(labels)
                .axis_label(AxisLabel::new().color(palette.text.as_str()).font_size(11)),
        )
        .series(
            Bar::new()
                .name(t!("Perception gap"))
                .bar_width("55%")
                .data(points)
                .mark_line(zero_line(palette, true)),
        )
        .series(
            Custom::new()
                .name(t!("95 % CI"))
                .item_style(ItemStyle::new().color(palette.text.as_str()))
                .encode(charming::element::DimensionEncode::new().x(vec![0, 1]).y(2))
                .data(errors),
        );
    let mut option = to_json(&chart);
    // The error bars: a function of scripts/echarts-entry.mjs named here (charming's render
    // function is raw JavaScript, which only `new Function` could turn into code: our CSP
    // forbids that). `z` keeps them above the bars.
    option["series"][1]["renderItem"] = json!("gaplens:errorBar");
    option["series"][1]["z"] = json!(3);
    option
}

/// Importance–performance scatter with the grand-mean lines and the quadrant names.
pub fn ipa(data: &IpaChart, palette: &Palette, frame: Frame) -> Value {
    let points: Vec<DataPointItem> = data
        .points
        .iter()
        .map(|p| {
            let color = if p.quadrant == Quadrant::ConcentrateHere {
                &palette.short
            } else {
                &palette.accent
            };
            DataPointItem::new(vec![round2(p.importance), round2(p.performance)])
                .name(label_text(&p.code))
                .item_style(ItemStyle::new().color(color.as_str()))
        })
        .collect();
    let x_name = if data.importance_source == "stated" {
        t!("Importance (points customers gave)")
    } else {
        t!("Importance (correlation with overall P)")
    };
    let split = |at: MarkLineData| MarkLineVariant::Simple(at);
    let chart = base(palette, frame)
        .grid(
            Grid::new()
                .left(28)
                .right(24)
                .top(12)
                .bottom(44)
                .contain_label(true),
        )
        .x_axis(value_axis(palette, x_name, data.x_range))
        .y_axis(value_axis(palette, t!("Performance (mean P)"), data.y_range).name_gap(34))
        .series(
            Scatter::new()
                .name(t!("Items"))
                .symbol_size(10)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{b}")
                        .font_size(10)
                        .color(palette.text.as_str()),
                )
                .mark_line(
                    MarkLine::new()
                        .silent(true)
                        .symbol(vec![Symbol::None, Symbol::None])
                        .label(Label::new().show(false))
                        .line_style(
                            LineStyle::new()
                                .color(palette.muted.as_str())
                                .type_(LineStyleType::Dashed),
                        )
                        .data(vec![
                            split(MarkLineData::new().x_axis(round2(data.x_split))),
                            split(MarkLineData::new().y_axis(round2(data.y_split))),
                        ]),
                )
                .mark_area(
                    MarkArea::new()
                        .silent(true)
                        .data(vec![(MarkAreaData::new(), MarkAreaData::new())]),
                )
                .data(points),
        );
    let mut option = to_json(&chart);
    // charming's mark-area corners are strings and carry no label of their own: set them here.
    let areas: Vec<Value> = data
        .quadrants()
        .iter()
        .map(|q| {
            let tint = if q.quadrant == Quadrant::ConcentrateHere {
                palette.short.as_str()
            } else {
                "transparent"
            };
            json!([
                {
                    "name": q.quadrant.label(),
                    "coord": q.from,
                    "itemStyle": { "color": tint, "opacity": 0.08 },
                    "label": {
                        "show": true, "position": q.position, "color": palette.muted,
                        "fontSize": if frame.narrow { 10 } else { 12 }, "fontWeight": "bold",
                    },
                },
                { "coord": q.to },
            ])
        })
        .collect();
    option["series"][0]["markArea"]["data"] = Value::Array(areas);
    // Points close together would print their codes on top of each other; the table has all.
    option["series"][0]["labelLayout"] = json!({ "hideOverlap": true });
    option
}

/// The overall perception gap per wave with its 95 % CI band; significant changes marked,
/// the filtered wave shaded.
pub fn trends(data: &TrendChart, palette: &Palette, frame: Frame) -> Value {
    let waves: Vec<String> = data.points.iter().map(|p| label_text(&p.wave)).collect();
    let value = |v: Option<f64>| DataPoint::Value(CompositeValue::from(v.map(round2)));
    let low: Vec<DataPoint> = data
        .points
        .iter()
        .map(|p| value(p.ci_low.filter(|_| p.ci_high.is_some())))
        .collect();
    let width: Vec<DataPoint> = data
        .points
        .iter()
        .map(|p| {
            value(
                p.ci_low
                    .zip(p.ci_high)
                    .map(|(lo, hi)| round2(hi) - round2(lo)),
            )
        })
        .collect();
    let gaps: Vec<DataPoint> = data.points.iter().map(|p| value(p.gap)).collect();
    let marks: Vec<DataPointItem> = data
        .changes
        .iter()
        .filter_map(|c| {
            let gap = data.points.get(c.to_index)?.gap?;
            Some(
                DataPointItem::new(vec![
                    CompositeValue::from(c.to_index as i64),
                    round2(gap).into(),
                ])
                .name(c.label()),
            )
        })
        .collect();
    let (overall, band, significant) = (t!("Overall gap"), t!("95 % CI"), t!("Significant change"));
    let legend = if marks.is_empty() {
        vec![overall, band]
    } else {
        vec![overall, band, significant]
    };
    let invisible = LineStyle::new().opacity(0);
    let gap_line = Line::new()
        .name(overall)
        .symbol(Symbol::Circle)
        .symbol_size(8)
        .z(3)
        .line_style(LineStyle::new().color(palette.accent.as_str()).width(2))
        .item_style(ItemStyle::new().color(palette.accent.as_str()))
        .label(
            Label::new()
                .show(true)
                .position(LabelPosition::Top)
                .formatter("{c}")
                .color(palette.text.as_str()),
        )
        .mark_line(zero_line(palette, false))
        .data(gaps);
    let chart = base(palette, frame)
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(text_style(palette))
                .data(legend),
        )
        .grid(
            Grid::new()
                .left(28)
                .right(16)
                .top(24)
                .bottom(56)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(waves.clone())
                .axis_label(AxisLabel::new().color(palette.text.as_str())),
        )
        .y_axis(value_axis(palette, "P − E", data.range()).name_gap(38))
        .series(
            Line::new()
                .name("CI low")
                .stack("ci")
                .symbol(Symbol::None)
                .line_style(invisible.clone())
                .silent(true)
                .data(low),
        )
        .series(
            Line::new()
                .name(band)
                .stack("ci")
                .symbol(Symbol::None)
                .silent(true)
                .line_style(invisible)
                .item_style(ItemStyle::new().color(palette.accent.as_str()))
                .area_style(
                    AreaStyle::new()
                        .color(palette.accent.as_str())
                        .opacity(0.18),
                )
                .data(width),
        )
        .series(gap_line)
        .series(
            Scatter::new()
                .name(significant)
                .symbol(Symbol::Diamond)
                .symbol_size(16)
                .item_style(ItemStyle::new().color(palette.text.as_str()))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Bottom)
                        .distance(10)
                        .formatter("{b}")
                        .font_weight(charming::element::font_settings::FontWeight::Bold)
                        .color(palette.text.as_str()),
                )
                .data(marks),
        );
    let mut option = to_json(&chart);
    // A band below zero must stack on its negative lower bound: ECharts' default stacks only
    // values of the same sign.
    option["series"][0]["stackStrategy"] = json!("all");
    option["series"][1]["stackStrategy"] = json!("all");
    // The wave the other figures are filtered to: a dashed vertical line (a mark line of its own
    // style, which charming's mark-line data cannot carry).
    if let Some(selected) = data.selected.and_then(|i| waves.get(i)) {
        if let Some(lines) = option["series"][2]["markLine"]["data"].as_array_mut() {
            lines.push(json!({
                "xAxis": selected,
                "lineStyle": { "type": "dashed", "color": palette.accent, "width": 2 },
            }));
        }
    }
    option["series"][0]["tooltip"] = json!({ "show": false });
    option["series"][1]["tooltip"] = json!({ "show": false });
    option
}

/// Row height of a heat map cell (three lines of text).
pub const HEAT_ROW: f64 = 66.0;

/// Stages × touchpoints coloured by the perception gap; each cell names its touchpoint, gap
/// and complaints. On a narrow screen the stages run down instead of across.
pub fn heat_map(data: &HeatMap, palette: &Palette, frame: Frame, width: f64) -> Value {
    let stages: Vec<String> = data.stages.iter().map(|s| label_text(s)).collect();
    let slots: Vec<String> = (1..=data.slots).map(|n| n.to_string()).collect();
    let transposed = frame.narrow;
    let cell = |stage: usize, slot: usize| {
        if transposed {
            (slot, stage)
        } else {
            (stage, slot)
        }
    };
    let columns = if transposed {
        data.slots
    } else {
        data.stages.len()
    }
    .max(1);
    let label_width = ((width - 110.0) / columns as f64 - 8.0).max(40.0).round();
    let [low, mid, high] = palette.heat();
    let category = |labels: Vec<String>, show: bool| {
        Axis::new()
            .type_(AxisType::Category)
            .data(labels)
            .axis_label(AxisLabel::new().show(show).color(palette.text.as_str()))
            .split_line(SplitLine::new().show(false))
    };
    let (x_axis, y_axis) = if transposed {
        (category(slots, false), category(stages, true).inverse(true))
    } else {
        (category(stages, true), category(slots, false).inverse(true))
    };
    let label = Label::new()
        .show(true)
        .formatter("{b}")
        .color(palette.text.as_str())
        .font_size(11);
    let chart = base(palette, frame)
        .grid(
            Grid::new()
                .left(8)
                .right(8)
                .top(8)
                .bottom(56)
                .contain_label(true),
        )
        .x_axis(x_axis.position("top"))
        .y_axis(y_axis)
        .visual_map(
            VisualMap::new()
                .type_(charming::component::VisualMapType::Continuous)
                .series_index(0)
                .min(-round2(data.extent))
                .max(round2(data.extent))
                .precision(1)
                .orient(Orient::Horizontal)
                .left("center")
                .bottom(0)
                .item_height(if frame.narrow { 110 } else { 240 })
                .calculable(false)
                .text_style(text_style(palette))
                .in_range(charming::component::VisualMapChannel::new().color(vec![low, mid, high])),
        )
        .series(
            Heatmap::new()
                .name(t!("Perception gap"))
                .label(label.clone())
                .item_style(
                    ItemStyle::new()
                        .border_color(palette.surface.as_str())
                        .border_width(3),
                ),
        )
        .series(
            Heatmap::new()
                .name(t!("No gap"))
                .label(label.color(palette.muted.as_str()))
                .item_style(
                    ItemStyle::new()
                        .color(palette.surface.as_str())
                        .border_color(palette.border.as_str())
                        .border_width(1),
                ),
        );
    let mut option = to_json(&chart);
    // Heat map cells with names (charming's heat map data are bare arrays); the name is the
    // cell's text.
    let cells = |with_gap: bool| -> Value {
        data.cells
            .iter()
            .filter(|c| c.gap.is_some() == with_gap)
            .map(|c| {
                let (x, y) = cell(c.stage, c.slot);
                json!({ "name": c.label(), "value": [x, y, c.gap.map_or(0.0, round2)] })
            })
            .collect()
    };
    option["series"][0]["data"] = cells(true);
    option["series"][1]["data"] = cells(false);
    for series in 0..2 {
        option["series"][series]["label"]["width"] = json!(label_width);
        option["series"][series]["label"]["overflow"] = json!("break");
        option["series"][series]["label"]["lineHeight"] = json!(14);
    }
    // On a phone the long end label would be cut off at the screen's edge.
    option["visualMap"][0]["text"] = if frame.narrow {
        json!([t!("better"), t!("shortfall")])
    } else {
        json!([t!("better than expected"), t!("shortfall")])
    };
    option
}

/// The container height for `rows` category rows of `row` px plus `extra` px.
pub fn rows_height(rows: usize, row: f64, extra: f64) -> f64 {
    (rows as f64 * row + extra).max(220.0)
}
