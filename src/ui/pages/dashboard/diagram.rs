//! The gap model drawn as our own SVG: the customers' side above the line, the provider's
//! side below, and each gap as a badge on the bracket between the two things it separates.
//!
//! The drawing is portrait (400 × 600 units) so that it stays readable on a phone as well as
//! beside the side column on a desktop. Every badge is a link to the gap's detail, and the
//! list under the drawing says the same in words. Its texts are in the interface language:
//! the boxes wrap their text to fit, and a text that would run over its badge is squeezed.

use crate::analysis::dashboard::{Gap, GapFigure, Status, Unit};
use crate::model::ProjectId;
use crate::ui::format::number;
use crate::ui::route::Route;
use leptos::prelude::*;

const BADGE_WIDTH: f64 = 112.0;
const BADGE_HEIGHT: f64 = 78.0;
/// Average width of a character in em, a little generous (bold text, wide Nordic letters).
const CHAR_EM: f64 = 0.58;
/// The same for the context box's text, which is not bold.
const PLAIN_EM: f64 = 0.52;

/// The displayed value of a figure, without its unit ("–" when not measured).
pub fn value_text(figure: &GapFigure) -> String {
    number(figure.value, figure.unit.decimals())
}

/// The unit written after a figure's number, in the interface language ("" for scale points).
pub fn unit_text(unit: Unit) -> &'static str {
    match unit {
        Unit::Points => "",
        Unit::Percent => "%",
        Unit::PercentagePoints => t!("pp"),
    }
}

/// The value with its unit, for sentences and labels.
pub fn value_with_unit(figure: &GapFigure) -> String {
    match (figure.value, unit_text(figure.unit)) {
        (None, _) => t!("not measured").to_owned(),
        (Some(_), "") => value_text(figure),
        (Some(_), unit) => format!("{}\u{a0}{unit}", value_text(figure)),
    }
}

/// The link to a gap's detail on the Analysis page.
pub fn detail_href(id: &ProjectId, gap: Gap) -> String {
    Route::Analysis(id.clone(), Some(gap.section())).href()
}

/// The gap's name with its number, e.g. "Gap 1, knowledge gap".
pub fn numbered_name(gap: Gap) -> String {
    match gap.number() {
        Some(n) => t!("Gap {n}, {name}", n = n, name = gap.name().to_lowercase()),
        None => gap.name().to_owned(),
    }
}

/// The status as a badge shows it: the short word, shorter still for "too few answers", which
/// some languages cannot fit on a badge in full.
fn badge_word(status: Status) -> &'static str {
    match status {
        Status::TooFew => t!("too few"),
        other => other.short_word(),
    }
}

/// The status in words for a label: the long word, which starts with the word the badge shows
/// (so the accessible name begins with the visible text), or both when a language words them
/// apart.
fn status_words(status: Status) -> String {
    let (short, long) = (badge_word(status), status.word());
    if long.starts_with(short) {
        long.to_owned()
    } else {
        format!("{short} ({long})")
    }
}

/// `textLength` for a text of `size` px, `em` wide a character, that would not fit in `width`
/// units: the browser then squeezes it to the width. `None` when it fits as it is.
fn squeeze(text: &str, size: f64, em: f64, width: f64) -> Option<String> {
    let estimate = text.chars().count() as f64 * size * em;
    (estimate > width).then(|| format!("{width}"))
}

/// `text` broken into lines of at most `max` characters at spaces, and at soft hyphens
/// (U+00AD, which a translation may put into a long compound: "Service\u{ad}standarder"),
/// as evenly as the fewest lines allow. A longer piece keeps its own line and is squeezed
/// when drawn.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let greedy = wrap_greedy(text, max);
    let count = greedy.len().max(1);
    let even = text.replace('\u{ad}', "").chars().count().div_ceil(count);
    (even..max).map(|width| wrap_greedy(text, width)).find(|lines| lines.len() <= count).unwrap_or(greedy)
}

fn wrap_greedy(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        for (i, piece) in word.split('\u{ad}').enumerate() {
            // A piece after a soft hyphen joins its word without a space.
            let joiner = if i == 0 { " " } else { "" };
            match lines.last_mut() {
                Some(line) if line.chars().count() + joiner.len() + piece.chars().count() <= max => {
                    line.push_str(joiner);
                    line.push_str(piece);
                }
                Some(line) if i > 0 => {
                    line.push('-');
                    lines.push(piece.to_owned());
                }
                _ => lines.push(piece.to_owned()),
            }
        }
    }
    lines
}

/// One gap's badge at (`x`, `y`), its top-left corner.
fn badge(id: &ProjectId, figure: &GapFigure, x: f64, y: f64) -> impl IntoView {
    let gap = figure.gap;
    let status = figure.status;
    let short_name = match gap {
        Gap::Knowledge => t!("Knowledge"),
        Gap::Standards => t!("Standards"),
        Gap::Delivery => t!("Delivery"),
        Gap::Communication => t!("Communication"),
        Gap::Perception => t!("Perception"),
        Gap::Experience => "CX",
    };
    // A long name ("Communication") needs a smaller size to fit the badge.
    let long = short_name.chars().count() > 10;
    let name_class = if long { "dg-badge-name dg-badge-name-long" } else { "dg-badge-name" };
    let name_size = if long { 11.0 } else { 12.0 };
    let number_text = gap.number().map_or_else(|| "CX".to_owned(), |n| t!("Gap {n}", n = n));
    let class = format!("dg-badge dg-{}", status.class());
    let value = value_text(figure);
    let unit = unit_text(figure.unit);
    let testid = format!("gap-value-{}", gap.as_str());
    // The accessible name starts with the visible words, in their order (then what the icon
    // says); each text ends in a space so that the words do not run together.
    let unit_text = if unit.is_empty() || figure.value.is_none() { String::new() } else { format!(" {unit}") };
    let label = format!(
        "{number_text} {short_name} {value}{unit_text} {}. {}",
        status_words(status),
        t!("Open the details of the {gap}.", gap = gap.name().to_lowercase())
    );
    // Texts start 9 units in and keep 5 from the right edge (the icon's 20 on the first line).
    let text_width = BADGE_WIDTH - 14.0;
    let number_fit = squeeze(&number_text, 12.5, CHAR_EM, text_width - 20.0);
    let name_fit = squeeze(short_name, name_size, CHAR_EM, text_width);
    let status_fit = squeeze(badge_word(status), 12.5, PLAIN_EM, text_width);
    let adjust = |fit: &Option<String>| fit.as_ref().map(|_| "spacingAndGlyphs");
    // The `<g>` root makes the macro build an SVG `<a>`, not an HTML one.
    view! {
        <g>
        <a href=detail_href(id, gap) aria-label=label class="dg-link" data-testid=format!("gap-link-{}", gap.as_str())>
            <rect class=class x=x y=y width=BADGE_WIDTH height=BADGE_HEIGHT rx="8" />
            <text class="dg-badge-number" x=x + 9.0 y=y + 17.0 lengthAdjust=adjust(&number_fit) textLength=number_fit.clone()>
                {number_text.clone()}" "
            </text>
            {icon(status, x + BADGE_WIDTH - 15.0, y + 13.0)}
            <text class=name_class x=x + 9.0 y=y + 33.0 lengthAdjust=adjust(&name_fit) textLength=name_fit.clone()>{short_name}" "</text>
            <text class="dg-badge-value" x=x + 9.0 y=y + 56.0>
                <tspan data-testid=testid>{value}</tspan>
                {(!unit_text.is_empty()).then(|| view! { <tspan class="dg-badge-unit">{unit_text.clone()}</tspan> })}
                " "
            </text>
            <text class="dg-badge-status" x=x + 9.0 y=y + 71.0 lengthAdjust=adjust(&status_fit) textLength=status_fit.clone()>
                {badge_word(status)}
            </text>
        </a>
        </g>
    }
}

/// The status drawn as a shape centred at (`cx`, `cy`), so that it is not read out as text:
/// a triangle down for a shortfall, up for the other side, a ring for no clear gap, a half
/// disc for indicative, dots for too few answers, a dash for not measured.
fn icon(status: Status, cx: f64, cy: f64) -> impl IntoView {
    let (l, r, t, b) = (cx - 6.0, cx + 6.0, cy - 5.0, cy + 5.0);
    let d = match status {
        Status::Finding { shortfall: true, .. } | Status::Share { short: true } => format!("M{l} {t} H{r} L{cx} {b} Z"),
        Status::Finding { shortfall: false, .. } => format!("M{l} {b} H{r} L{cx} {t} Z"),
        Status::NoClearGap | Status::Share { short: false } => format!("M{l} {cy} A6 6 0 1 0 {r} {cy} A6 6 0 1 0 {l} {cy} Z"),
        Status::Indicative => format!("M{cx} {} A6 6 0 0 1 {cx} {} Z", cy - 6.0, cy + 6.0),
        Status::TooFew => format!("M{l} {cy} h1.5 M{cx} {cy} h1.5 M{} {cy} h1.5", r - 1.5),
        Status::NotMeasured => format!("M{l} {cy} H{r}"),
    };
    view! { <path class=format!("dg-icon dg-icon-{}", status.class()) d=d aria-hidden="true" /> }
}

/// A box of the model with its text wrapped to fit and centred. `size` is the text's font
/// size in px (as style/dashboard.css sets it for the box's class). A text that needs more
/// lines than the box holds (a longer language) is drawn a little smaller, down to 72 %.
fn model_box(x: f64, y: f64, width: f64, height: f64, text: &str, size: f64, class: &'static str) -> impl IntoView {
    const LINE: f64 = 17.0;
    let inner = width - 12.0;
    let em = if class.contains("dg-box-context") { PLAIN_EM } else { CHAR_EM };
    let lines_at = |scale: f64| wrap(text, ((inner / scale / (size * em)).floor() as usize).max(4));
    let (scale, lines) = [1.0, 0.9, 0.8, 0.72]
        .into_iter()
        .map(|scale| (scale, lines_at(scale)))
        .find(|(scale, lines)| lines.len() as f64 * LINE * scale <= height - 4.0)
        .unwrap_or_else(|| (0.72, lines_at(0.72)));
    let count = lines.len().max(1) as f64;
    let (cx, cy) = (x + width / 2.0, y + height / 2.0);
    let first = cy - (count - 1.0) * LINE / 2.0 + 5.0;
    // Scaled about the box's centre, so the lines keep their places relative to each other.
    let transform = (scale < 1.0).then(|| format!("translate({cx} {cy}) scale({scale}) translate({} {})", -cx, -cy));
    view! {
        <g class=format!("dg-box {class}")>
            <rect x=x y=y width=width height=height rx="6" />
            <g transform=transform>
                {lines.into_iter().enumerate().map(|(i, line)| {
                    let fit = squeeze(&line, size, em, inner / scale);
                    let adjust = fit.as_ref().map(|_| "spacingAndGlyphs");
                    view! {
                        <text x=cx y=first + i as f64 * LINE text-anchor="middle" lengthAdjust=adjust textLength=fit>{line}</text>
                    }
                }).collect_view()}
            </g>
        </g>
    }
}

/// A bracket on the left of the boxes: a vertical line from `top` to `bottom` at `x`, with
/// ticks to the boxes at `box_x` and one to the badge at `badge_x`, `middle`.
fn bracket(x: f64, top: f64, bottom: f64, box_x: f64, badge_x: f64, middle: f64) -> impl IntoView {
    let path = format!("M{box_x} {top} H{x} V{bottom} H{box_x} M{x} {middle} H{badge_x}");
    view! { <path class="dg-bracket" d=path /> }
}

/// The five gaps of the model as a diagram. `figures` holds the five in model order.
#[component]
pub fn GapDiagram(id: ProjectId, figures: Vec<GapFigure>) -> impl IntoView {
    let figure = |gap: Gap| figures.iter().find(|f| f.gap == gap).cloned();
    let (Some(knowledge), Some(standards), Some(delivery), Some(communication), Some(perception)) = (
        figure(Gap::Knowledge),
        figure(Gap::Standards),
        figure(Gap::Delivery),
        figure(Gap::Communication),
        figure(Gap::Perception),
    ) else {
        return ().into_any();
    };
    let summary = figures
        .iter()
        .map(|f| format!("{}: {}, {}", numbered_name(f.gap), value_with_unit(f), f.status.word()))
        .collect::<Vec<_>>()
        .join("; ");
    // Left gutter: badges at x 12–124, brackets at x 132, boxes from x 140.
    let (badge_x, bracket_x, box_x) = (12.0, 132.0, 140.0);
    let middle = |top: f64| top + BADGE_HEIGHT / 2.0;
    view! {
        <svg class="gap-diagram" viewBox="0 0 400 600" role="group" aria-labelledby="dg-title dg-desc"
            data-testid="gap-diagram">
            <title id="dg-title">{t!("The gap model")}</title>
            <desc id="dg-desc">{t!(
                "Customers above the line, the business below it; each gap sits between the two things it compares. {summary}.",
                summary = summary
            )}</desc>
            <defs>
                <marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path class="dg-arrowhead" d="M0 0 L10 5 L0 10 z" />
                </marker>
            </defs>

            // The line between the customers and the business.
            <line class="dg-divider" x1="0" y1="272" x2="400" y2="272" />
            <text class="dg-side" x="396" y="262" text-anchor="end">{t!("Customers")}" ▲"</text>
            <text class="dg-side" x="396" y="290" text-anchor="end">{t!("Business")}" ▼"</text>

            // Customers' side.
            {model_box(box_x, 26.0, 190.0, 46.0, t!("Word of mouth, personal needs, past experience"), 13.0, "dg-box-context")}
            <line class="dg-flow" x1="235" y1="72" x2="235" y2="92" marker-end="url(#dg-arrow)" />
            {model_box(box_x, 94.0, 190.0, 42.0, t!("Expected service"), 15.5, "dg-box-customer")}
            {model_box(box_x, 196.0, 190.0, 42.0, t!("Perceived service"), 15.5, "dg-box-customer")}

            // The business's side.
            {model_box(box_x, 306.0, 122.0, 48.0, t!("Service delivery"), 14.5, "dg-box-business")}
            {model_box(284.0, 300.0, 112.0, 60.0, t!("External communication to customers"), 12.5, "dg-box-business dg-box-small")}
            {model_box(box_x, 414.0, 122.0, 48.0, t!("Service standards"), 14.5, "dg-box-business")}
            {model_box(box_x, 522.0, 256.0, 56.0, t!("Management's picture of what customers expect"), 14.5, "dg-box-business")}

            // How one leads to the next.
            <line class="dg-flow" x1="200" y1="306" x2="200" y2="240" marker-end="url(#dg-arrow)" />
            <line class="dg-flow" x1="200" y1="414" x2="200" y2="356" marker-end="url(#dg-arrow)" />
            <line class="dg-flow" x1="200" y1="522" x2="200" y2="464" marker-end="url(#dg-arrow)" />
            <path class="dg-flow" d="M366 300 V115 H333" marker-end="url(#dg-arrow)" />

            // Brackets: which two things each gap compares.
            {bracket(bracket_x, 115.0, 217.0, box_x, badge_x + BADGE_WIDTH, middle(127.0))}
            {bracket(bracket_x, 330.0, 432.0, box_x, badge_x + BADGE_WIDTH, middle(343.0))}
            {bracket(bracket_x, 446.0, 550.0, box_x, badge_x + BADGE_WIDTH, middle(458.0))}
            <path class="dg-bracket" d="M140 104 H5 V560 H140 M5 272 H12" />
            <path class="dg-bracket" d="M262 330 H284 M273 330 V419 H284" />

            // The gaps.
            {badge(&id, &perception, badge_x, 127.0)}
            {badge(&id, &knowledge, badge_x, 233.0)}
            {badge(&id, &delivery, badge_x, 343.0)}
            {badge(&id, &standards, badge_x, 458.0)}
            {badge(&id, &communication, 284.0, 380.0)}
        </svg>
    }
    .into_any()
}
