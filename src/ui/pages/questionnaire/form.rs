//! The questionnaire as it prints: title and respondent-number box, the introduction, the
//! statements by dimension with one scale per rating side in the classic two-part layout
//! (expectation left, experience right), the 100-point importance question, NPS, CSAT and
//! CES when chosen. The print rules are in style/questionnaire.css.

use crate::export::questionnaire::{high_anchor, low_anchor, Extra, Group, Part, Questionnaire};
use crate::format::count;
use leptos::prelude::*;

/// The printable form of `questionnaire`.
#[component]
pub(super) fn QuestionnaireForm(questionnaire: Questionnaire) -> impl IntoView {
    let q = questionnaire;
    let parts_class = format!("q-form q-parts-{} q-{}", q.parts.len(), q.audience.as_str());
    let points: Vec<u8> = q.points().collect();
    let wave = q.wave.clone().map(|wave| {
        view! { <p class="q-wave" data-testid="q-wave-label">{t!("Wave: {wave}", wave = wave)}</p> }
    });
    let intro = (!q.intro.is_empty()).then(|| {
        view! { <p class="q-intro" data-testid="q-intro-text">{q.intro.clone()}</p> }
    });
    let instruction = format!("{} {}", q.instruction(), q.scale_sentence());
    let groups = q
        .groups
        .iter()
        .map(|group| view! { <GroupBlock group=group.clone() parts=q.parts.clone() points=points.clone() /> })
        .collect_view();
    let importance = q.importance.then(|| view! { <Importance groups=q.groups.clone() /> });
    let extras = (!q.extras.is_empty()).then(|| {
        view! {
            <section class="q-extras" data-testid="q-extras">
                {q.extras.iter().map(|&extra| view! { <ExtraQuestion extra=extra /> }).collect_view()}
            </section>
        }
    });
    view! {
        <section class=parts_class data-testid="q-form" data-audience=q.audience.as_str() aria-labelledby="q-title">
            <header class="q-head">
                <div class="q-title-block">
                    <p class="q-kicker" data-testid="q-kind">{q.audience.label()}</p>
                    <h2 id="q-title" class="q-title" data-testid="q-title">{q.project.clone()}</h2>
                    {wave}
                </div>
                <div class="q-respondent" data-testid="q-respondent">
                    <span class="q-respondent-label">{t!("Respondent no.")}</span>
                    <span class="q-write-box q-respondent-box" aria-hidden="true"></span>
                    <span class="q-office">{t!("For office use")}</span>
                </div>
            </header>
            {intro}
            <p class="q-instruction" data-testid="q-instruction">{instruction}</p>
            {groups}
            {importance}
            {extras}
            <p class="q-thanks">{t!("Thank you for your answers!")}</p>
        </section>
    }
}

/// One dimension: its name over the column headings, then its statements.
#[component]
fn GroupBlock(group: Group, parts: Vec<Part>, points: Vec<u8>) -> impl IntoView {
    let (min, max) = (points.first().copied().unwrap_or(1), points.last().copied().unwrap_or(7));
    let headings = parts
        .iter()
        .map(|part| {
            view! {
                <div class="q-part-head">
                    <span class="q-part-title">{part.heading}<span class="q-side">{part.prefix}</span></span>
                    <span class="q-anchors">
                        <span>{format!("{} = {}", count(min.into()), low_anchor())}</span>
                        <span>{format!("{} = {}", count(max.into()), high_anchor())}</span>
                    </span>
                </div>
            }
        })
        .collect_view();
    let statements = group
        .statements
        .iter()
        .map(|statement| {
            let scales = parts
                .iter()
                .map(|part| {
                    let label = format!("{}: {}", part.heading, statement.code);
                    view! {
                        <div class="q-scale-cell">
                            <span class="q-scale-label">{part.heading}</span>
                            <Scale points=points.clone() label=label testid=format!("q-scale-{}", part.prefix) />
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="q-item" data-testid="q-item" data-code=statement.code.clone()>
                    <p class="q-statement">
                        <span class="q-code" data-testid="q-code">{statement.code.clone()}</span>
                        <span class="q-text">{statement.text.clone()}</span>
                    </p>
                    {scales}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="q-group" data-testid="q-group" data-dimension=group.code.clone()>
            <div class="q-group-head">
                <h3>{group.name.clone()}</h3>
                {headings}
            </div>
            {statements}
        </section>
    }
}

/// A row of numbered boxes to tick.
#[component]
fn Scale(points: Vec<u8>, label: String, testid: String) -> impl IntoView {
    view! {
        <div class="q-scale" role="group" aria-label=label data-testid=testid>
            {points.into_iter().map(|point| view! {
                <span class="q-point">
                    <span class="q-num">{count(point.into())}</span>
                    <span class="q-box" aria-hidden="true"></span>
                </span>
            }).collect_view()}
        </div>
    }
}

/// The 100-point importance question over the dimensions.
#[component]
fn Importance(groups: Vec<Group>) -> impl IntoView {
    view! {
        <section class="q-importance" data-testid="q-importance">
            <h3>{Questionnaire::importance_heading()}</h3>
            <p>{Questionnaire::importance_instruction()}</p>
            <table class="q-points">
                <tbody>
                    {groups.into_iter().map(|group| view! {
                        <tr data-testid="q-importance-row">
                            <th scope="row">{group.name}</th>
                            <td><span class="q-write-box" aria-hidden="true"></span>" "{t!("points")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t!("Total")}</th>
                        <td><span class="q-total">{count(100)}</span>" "{t!("points")}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}

/// NPS, CSAT or CES: the question, its boxes and its two anchors.
#[component]
fn ExtraQuestion(extra: Extra) -> impl IntoView {
    let (min, max) = extra.range();
    let points: Vec<u8> = (min..=max).collect();
    view! {
        <div class="q-extra" data-testid=format!("q-extra-{}-question", extra.column())>
            <p class="q-question">{extra.question()}</p>
            // The anchors as wide as the boxes (or wider, when the words need it).
            <div class="q-extra-scale">
                <Scale points=points label=extra.question().to_owned() testid=format!("q-scale-{}", extra.column()) />
                <p class="q-anchors q-extra-anchors">
                    <span>{format!("{} = {}", count(min.into()), extra.low_anchor())}</span>
                    <span>{format!("{} = {}", count(max.into()), extra.high_anchor())}</span>
                </p>
            </div>
        </div>
    }
}
