//! The actions in brief, for the Dashboard and the Report: each with its owner, due date,
//! status and follow-up verdict. It reads no context and needs only the project, so any page
//! can embed it.

use crate::analysis::actions::{FollowUp, Verdict};
use crate::model::actions::Action;
use crate::model::Project;
use crate::format::date;
use crate::ui::components::linked::Linked;
use crate::ui::format::number;
use crate::ui::route::Route;
use leptos::prelude::*;

/// One action as the summary lists it.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    id: String,
    item: String,
    item_text: String,
    text: String,
    owner: String,
    due: String,
    status: &'static str,
    status_class: &'static str,
    follow_up: FollowUp,
}

fn lines(project: &Project) -> Vec<Line> {
    project
        .actions
        .iter()
        .map(|action: &Action| Line {
            id: action.id().to_owned(),
            item: action.item().to_string(),
            item_text: project
                .item(action.item().as_str())
                .map(|i| i.text.clone())
                .unwrap_or_default(),
            text: action.text().to_owned(),
            owner: action.owner().to_owned(),
            due: action.due().to_owned(),
            status: action.status().label(),
            status_class: action.status().as_str(),
            follow_up: FollowUp::of(project, action),
        })
        .collect()
}

/// The actions of `project`: item, action, owner, due date, status and whether the gap
/// closed in the next wave. Embed as `<ActionsSummary project=signal />` with any
/// `Signal<Project>` (e.g. `Signal::derive(move || loaded.get().map(|l| l.project).unwrap_or(...))`).
#[component]
pub fn ActionsSummary(
    /// The project whose actions are listed.
    #[prop(into)]
    project: Signal<Project>,
) -> impl IntoView {
    let summary = Memo::new(move |_| project.with(|p| (p.id.clone(), lines(p))));
    view! {
        <div class="actions-summary" data-testid="actions-summary">
            {move || {
                let (id, lines) = summary.get();
                if lines.is_empty() {
                    return view! {
                        <p class="muted" data-testid="actions-summary-empty">
                            <Linked href=Route::Actions(id).href()
                                text=t!("No actions recorded yet. [Find the root cause of a priority on the Actions page.]") />
                        </p>
                    }
                    .into_any();
                }
                view! {
                    <ul class="actions-summary-list">
                        {lines.into_iter().map(|line| view! {
                            <li class="actions-summary-row" data-testid="actions-summary-row" data-id=line.id.clone() data-item=line.item.clone()>
                                <p class="actions-summary-head">
                                    <span class="code">{line.item.clone()}</span>" "
                                    <strong>{line.item_text.clone()}</strong>
                                </p>
                                <p class="actions-summary-text">{line.text.clone()}</p>
                                <p class="actions-summary-meta muted">
                                    {t!("Owner: {owner} · due {due}", owner = line.owner, due = date(&line.due))}" · "
                                    <span class=format!("action-status action-status-{}", line.status_class) data-testid="actions-summary-status">{line.status}</span>
                                </p>
                                <FollowUpLine follow_up=line.follow_up.clone() brief=true />
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

/// The follow-up verdict of one action with its numbers: the mean gap in the baseline wave
/// and the next, and Welch's p. `brief` leaves out the full sentence.
#[component]
pub fn FollowUpLine(follow_up: FollowUp, #[prop(optional)] brief: bool) -> impl IntoView {
    let verdict = follow_up.verdict;
    let class = format!("follow-up follow-up-{}", verdict.as_str());
    let closed = match follow_up.closed {
        Some(true) => Some((t!("Gap closed"), "follow-up-closed")),
        Some(false) => Some((t!("Still short"), "follow-up-open")),
        None => None,
    };
    let before = number(follow_up.before.mean, 2);
    let from = &follow_up.from;
    let numbers = match (&follow_up.to, &follow_up.after) {
        (Some(to), Some(after)) => {
            let after = number(after.mean, 2);
            let moved = if follow_up.perception_only {
                t!("P {before} in {from} → {after} in {to}", before = before, from = from, after = after, to = to)
            } else {
                t!("gap {before} in {from} → {after} in {to}", before = before, from = from, after = after, to = to)
            };
            let welch = follow_up
                .change
                .and_then(|c| c.p)
                .map_or_else(String::new, |p| format!(", Welch {}", crate::analysis::actions::p_value(p)));
            moved + &welch
        }
        _ if verdict == Verdict::NotYetMeasured => {
            if follow_up.perception_only {
                t!("P {before} in {from}; no later wave yet", before = before, from = from)
            } else {
                t!("gap {before} in {from}; no later wave yet", before = before, from = from)
            }
        }
        _ => String::new(),
    };
    let sentence = follow_up.sentence();
    view! {
        <div class=class data-testid="action-follow-up" data-verdict=verdict.as_str()>
            <p class="follow-up-head">
                <span class="follow-up-verdict" data-testid="action-verdict">{verdict.label()}</span>
                {closed.map(|(text, class)| view! { <span class=format!("follow-up-badge {class}") data-testid="action-closed">{text}</span> })}
                {(!numbers.is_empty()).then(|| view! { <span class="follow-up-numbers" data-testid="action-numbers">{numbers.clone()}</span> })}
            </p>
            {(!brief).then(|| view! { <p class="follow-up-sentence muted">{sentence}</p> })}
        </div>
    }
}
