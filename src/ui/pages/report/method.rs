//! The report's method section: how each figure is computed, how many answers stand behind it,
//! and the rules that decide what counts as a finding.

use super::findings::Scroll;
use crate::analysis::report::{family_count, sample_sizes, GapId};
use crate::analysis::Results;
use crate::format::count;
use crate::model::Project;
use leptos::prelude::*;

/// The method section.
#[component]
pub fn Method(project: Project, results: Results) -> impl IntoView {
    let families: Vec<String> = [GapId::Perception, GapId::Knowledge, GapId::Communication, GapId::Experience]
        .into_iter()
        .map(|gap| (gap, family_count(&results.items, gap).tested))
        .filter(|(_, tested)| *tested > 0)
        .map(|(gap, tested)| t!("{gap}: {n} tests", gap = gap.name(), n = count(tested)))
        .collect();

    let sizes = sample_sizes(&results);
    view! {
        <section class="report-section report-method" aria-labelledby="report-method" data-testid="report-method">
            <h2 id="report-method">{t!("Method")}</h2>
            <p>
                {t!(
                    "Customers rated each item twice on the {scale} scale: what they expect (E) and what they get (P).",
                    scale = project.scale
                )}" "
                {t!("Management rated, per item, what it thinks customers expect (M) and what it believes it delivers (S).")}" "
                {match &results.wave {
                    Some(wave) => t!(
                        "Every figure below is computed in the browser from the answers of wave {wave}; nothing is imputed.",
                        wave = wave
                    ),
                    None => t!("Every figure below is computed in the browser from the answers of all waves pooled; nothing is imputed.").to_owned(),
                }}
            </p>

            <h3>{t!("The gaps")}</h3>
            <dl class="report-formulas">
                {GapId::ALL.into_iter().map(|gap| view! {
                    <dt>{gap.name()}</dt>
                    <dd>{gap.formula()}</dd>
                }).collect_view()}
                <dt>{t!("NPS, CSAT and CES")}</dt>
                <dd>{t!("NPS is the percentage of customers answering 9 or 10 minus the percentage answering 0 to 6, in points. \
                     CSAT is the percentage answering 4 or 5 on its 1–5 scale. CES is the mean effort answer on 1–7. Customers only.")}</dd>
            </dl>

            <h3>{t!("Statistics behind every figure")}</h3>
            <ul class="report-rules">
                <li>{t!("Each gap is given with n, the mean, the standard deviation (with n − 1), the standard error and a 95 % \
                     confidence interval from Student's t distribution with n − 1 degrees of freedom.")}</li>
                <li>{t!("Missing answers are skipped pair by pair: a customer who left E or P blank for an item is left out of \
                     that item's P − E, and counts everywhere they did answer. That is why n differs from figure to figure.")}</li>
                <li>{t!("Multiple testing: within one gap, every item is tested, so some would look significant by chance. \
                     The item p-values are therefore Holm-adjusted within their family (all items of one gap in this view): \
                     the smallest p is multiplied by the number of tests, the next by one less, and so on, never decreasing.")}</li>
                <li>{t!("A finding is a figure with at least 10 answers whose p is below 0.05: the Holm-adjusted p for items, \
                     the plain p for dimensions, touchpoints and the overall gap (that is, its 95 % interval excludes 0).")}</li>
                <li>{t!("Sample size: with fewer than 30 answers a figure is shown as indicative; with fewer than 10 it is never \
                     a finding and is listed as \u{201c}too few answers\u{201d}. \u{201c}Not measured\u{201d} means the data the figure needs is missing \
                     (for example no management answers or no promise).")}</li>
                <li>{t!("Changes between waves use Welch's t-test on the respondents' values in the two waves, which does not \
                     assume equal spread or equal size. A shortfall finding in two or more waves in a row is a trend; in a \
                     single wave, an event.")}</li>
                <li>{t!("Cronbach's alpha measures whether the items of a dimension move together (on P). It is computed over the \
                     customers who answered every item of the dimension, and not computed with fewer than 2 items or 3 such customers.")}</li>
                <li>{t!("Priorities are shortfall findings ranked by importance times the size of the gap. An item's importance is \
                     its dimension's weight shared equally among the dimension's items; when customers stated no importance, \
                     every item weighs the same. Importance–performance quadrants split at the mean importance and \
                     the mean performance of the items.")}</li>
            </ul>
            {(!families.is_empty()).then(|| view! {
                <p data-testid="report-holm-families">{t!("Holm families in this report: {families}.", families = families.join("; "))}</p>
            })}

            <h3>{t!("Number of answers per figure")}</h3>
            <Scroll label=t!("Number of answers per figure")>
            <table class="data-table report-table" data-testid="report-sample-sizes">
                <caption>{t!("n behind each kind of figure (a range where there are several figures of a kind)")}</caption>
                <thead><tr>
                    <th scope="col">{t!("Figure")}</th><th scope="col">{t!("Counted")}</th><th scope="col" class="num">"n"</th>
                </tr></thead>
                <tbody>
                    {sizes.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.figure.clone()}</th>
                            <td>{row.counted}</td>
                            <td class="num">{row.range()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </Scroll>
        </section>
    }
}
