//! One rating question of the kiosk: a radio group drawn as a row of large buttons.
//!
//! Real radio inputs (visually covered by their buttons) keep the keyboard and screen readers
//! working as for any radio group: Tab reaches the group, the arrow keys choose, and the
//! question is the fieldset's legend. The words for the two ends of the scale are shown under
//! the buttons and read with the first and last button.

use leptos::prelude::*;

/// A rating from `min` to `max`; `on_choose` gets the value tapped.
#[component]
pub fn ScaleChoice(
    /// The radios' group name, unique on the page.
    name: String,
    /// The question, as the fieldset's legend.
    legend: String,
    /// The fieldset's `data-testid`.
    testid: String,
    /// The lowest value.
    min: u8,
    /// The highest value.
    max: u8,
    /// What the lowest value means ("not at all").
    low: &'static str,
    /// What the highest value means ("fully").
    high: &'static str,
    /// The value chosen so far, if any.
    selected: Signal<Option<u8>>,
    /// Runs with the value chosen.
    on_choose: Callback<u8>,
    /// Extra class of the fieldset (`kiosk-rating` under an item, `kiosk-question` alone).
    class: &'static str,
) -> impl IntoView {
    let points = usize::from(max - min) + 1;
    let buttons = (min..=max)
        .map(|value| {
            let hint = if value == min {
                Some(low)
            } else if value == max {
                Some(high)
            } else {
                None
            };
            view! {
                <label class="kiosk-choice">
                    <input type="radio" name=name.clone() value=value.to_string()
                        prop:checked=move || selected.get() == Some(value)
                        on:change=move |_| on_choose.run(value) />
                    <span class="kiosk-face">
                        {value.to_string()}
                        {hint.map(|text| view! { <span class="visually-hidden">{format!(" ({text})")}</span> })}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class=format!("kiosk-fieldset {class}") data-testid=testid>
            <legend>{legend}</legend>
            <div class=format!("kiosk-scale kiosk-scale-{points}")>{buttons}</div>
            <div class="kiosk-anchors" aria-hidden="true">
                <span>{low}</span>
                <span>{high}</span>
            </div>
        </fieldset>
    }
}
