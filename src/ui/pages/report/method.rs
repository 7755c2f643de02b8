//! The report's method section: how each figure is computed, how many answers stand behind it,
//! and the rules that decide what counts as a finding.

use super::findings::Scroll;
use crate::analysis::report::{family_count, sample_sizes, GapId};
use crate::analysis::Results;
use crate::model::Project;
use leptos::prelude::*;

/// The method section.
#[component]
pub fn Method(project: Project, results: Results) -> impl IntoView {
    let families: Vec<String> = [GapId::Perception, GapId::Knowledge, GapId::Communication, GapId::Experience]
        .into_iter()
        .map(|gap| (gap, family_count(&results.items, gap).tested))
        .filter(|(_, tested)| *tested > 0)
        .map(|(gap, tested)| format!("{}: {tested} tests", gap.name()))
        .collect();
    let view_text = match &results.wave {
        Some(wave) => format!("wave {wave}"),
        None => "all waves pooled".to_owned(),
    };
    let sizes = sample_sizes(&results);
    view! {
        <section class="report-section report-method" aria-labelledby="report-method" data-testid="report-method">
            <h2 id="report-method">"Method"</h2>
            <p>{format!(
                "Customers rated each item twice on the {} scale: what they expect (E) and what they get (P). \
                 Management rated, per item, what it thinks customers expect (M) and what it believes it delivers (S). \
                 Every figure below is computed in the browser from the answers of {view_text}; nothing is imputed.",
                project.scale
            )}</p>

            <h3>"The gaps"</h3>
            <dl class="report-formulas">
                {GapId::ALL.into_iter().map(|gap| view! {
                    <dt>{gap.name()}</dt>
                    <dd>{gap.formula()}</dd>
                }).collect_view()}
                <dt>"NPS, CSAT and CES"</dt>
                <dd>"NPS is the percentage of customers answering 9 or 10 minus the percentage answering 0 to 6, in points. \
                     CSAT is the percentage answering 4 or 5 on its 1–5 scale. CES is the mean effort answer on 1–7. Customers only."</dd>
            </dl>

            <h3>"Statistics behind every figure"</h3>
            <ul class="report-rules">
                <li>"Each gap is given with n, the mean, the standard deviation (with n − 1), the standard error and a 95 % \
                     confidence interval from Student's t distribution with n − 1 degrees of freedom."</li>
                <li>"Missing answers are skipped pair by pair: a customer who left E or P blank for an item is left out of \
                     that item's P − E, and counts everywhere they did answer. That is why n differs from figure to figure."</li>
                <li>"Multiple testing: within one gap, every item is tested, so some would look significant by chance. \
                     The item p-values are therefore Holm-adjusted within their family (all items of one gap in this view): \
                     the smallest p is multiplied by the number of tests, the next by one less, and so on, never decreasing."</li>
                <li>"A finding is a figure with at least 10 answers whose p is below 0.05: the Holm-adjusted p for items, \
                     the plain p for dimensions, touchpoints and the overall gap (that is, its 95 % interval excludes 0)."</li>
                <li>"Sample size: with fewer than 30 answers a figure is shown as indicative; with fewer than 10 it is never \
                     a finding and is listed as “too few answers”. “Not measured” means the data the figure needs is missing \
                     (for example no management answers or no promise)."</li>
                <li>"Changes between waves use Welch's t-test on the respondents' values in the two waves, which does not \
                     assume equal spread or equal size. A shortfall finding in two or more waves in a row is a trend; in a \
                     single wave, an event."</li>
                <li>"Cronbach's alpha measures whether the items of a dimension move together (on P). It is computed over the \
                     customers who answered every item of the dimension, and not computed with fewer than 2 items or 3 such customers."</li>
                <li>"Priorities are shortfall findings ranked by importance times the size of the gap. An item's importance is \
                     its dimension's weight shared equally among the dimension's items; when customers stated no importance, \
                     every item weighs the same. Importance–performance quadrants split at the mean importance and \
                     the mean performance of the items."</li>
            </ul>
            {(!families.is_empty()).then(|| view! {
                <p data-testid="report-holm-families">{format!("Holm families in this report: {}.", families.join("; "))}</p>
            })}

            <h3>"Number of answers per figure"</h3>
            <Scroll label="Number of answers per figure">
            <table class="data-table report-table" data-testid="report-sample-sizes">
                <caption>"n behind each kind of figure (a range where there are several figures of a kind)"</caption>
                <thead><tr>
                    <th scope="col">"Figure"</th><th scope="col">"Counted"</th><th scope="col" class="num">"n"</th>
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
