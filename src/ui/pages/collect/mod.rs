//! Collect (kiosk mode): the consultant chooses a wave, the optional questions and a PIN, and
//! the device becomes a full-screen questionnaire for one customer after another.
//!
//! - this file: the setup page (`#/p/<id>/collect` while no kiosk runs);
//! - [`lock`]: the stored session and the guards that keep the app on the kiosk;
//! - [`kiosk`]: the questionnaire, the thank-you screen and the reset;
//! - [`staff`]: the PIN prompt that ends the kiosk;
//! - [`scale`]: one rating question as a row of large buttons.
//!
//! The pure part (session, PIN hash, building the response) is `model::kiosk`.

mod kiosk;
pub mod lock;
mod scale;
mod staff;

pub use kiosk::Kiosk;
pub use lock::KioskLock;

use crate::model::kiosk::{
    KioskSession, KioskSetup, OptionalQuestions, ATTEMPTS_BEFORE_LOCKOUT, LOCKOUT_MS, PIN_MAX, PIN_MIN,
};
use crate::model::responses::WAVE_MAX;
use crate::format::count;
use crate::model::ProjectId;
use crate::ui::pages::data::use_project;
use crate::ui::route::Route;
use leptos::prelude::*;

/// The wave menu's value for "a new wave" (not a possible wave name: names are trimmed, and
/// this starts with a control character).
const NEW_WAVE: &str = "\u{1}new";

/// A random number for the PIN's salt, from the browser's `Math.random` and the clock.
fn salt() -> u64 {
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    random ^ (js_sys::Date::now() as u64).rotate_left(29)
}

/// The Collect page: set up and start the kiosk.
#[component]
pub fn CollectPage(id: ProjectId) -> impl IntoView {
    let lock = expect_context::<KioskLock>();
    let loaded = use_project(id.clone());
    let data = Route::Data(id).href();
    let wave = RwSignal::new(String::new());
    let new_wave = RwSignal::new(String::new());
    let questions = RwSignal::new(OptionalQuestions { nps: true, csat: false, ces: false, comment: false });
    let pin = RwSignal::new(String::new());
    let pin_repeat = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());

    // The current wave is suggested; a project without waves starts a new one.
    Effect::new(move |_| {
        if let Some(loaded) = loaded.get() {
            if wave.get_untracked().is_empty() {
                let project = &loaded.project;
                let current = project.current_wave.clone().filter(|w| project.waves.iter().any(|x| &x.name == w));
                wave.set(current.or_else(|| project.waves.last().map(|w| w.name.clone())).unwrap_or_else(|| NEW_WAVE.into()));
            }
        }
    });

    let start = move || {
        let Some(loaded) = loaded.get_untracked() else { return };
        let chosen = wave.get_untracked();
        let setup = KioskSetup {
            wave: if chosen == NEW_WAVE { new_wave.get_untracked() } else { chosen },
            questions: questions.get_untracked(),
            pin: pin.get_untracked(),
            pin_repeat: pin_repeat.get_untracked(),
        };
        match KioskSession::start(&loaded.project, &setup, salt()) {
            Err(found) => problems.set(found.iter().map(ToString::to_string).collect()),
            Ok(session) => match lock.start(session) {
                Ok(()) => problems.set(Vec::new()),
                Err(error) => problems.set(vec![t!("The kiosk could not start: {error}", error = error)]),
            },
        }
    };

    let toggle = move |set: fn(&mut OptionalQuestions, bool)| {
        move |ev: leptos::ev::Event| questions.update(|q| set(q, event_target_checked(&ev)))
    };

    view! {
        <section class="page collect-setup" data-testid="collect-setup">
            <h1>{t!("Collect answers")}</h1>
            <p class="lead">{t!("Hand this device to your customers: it shows the questionnaire full screen, one respondent after another. Each answer is saved the moment it is sent, as a customer response with the segment collected=kiosk. Nothing else of Gaplens can be opened until the PIN is typed.")}</p>
            {move || loaded.get().map(|loaded| {
                let project = loaded.project;
                let waves: Vec<String> = project.waves.iter().map(|w| w.name.clone()).collect();
                let item_count = project.items.len();
                let asked = if project.perception_only {
                    t!("Each of the {n} items is asked as perception (P) only: this is a perception-only project.", n = count(item_count))
                } else {
                    t!("Each of the {n} items is asked twice: what the customer expected (E) and experienced (P).", n = count(item_count))
                };
                view! {
                    <form class="card collect-form" novalidate on:submit=move |ev| {
                        ev.prevent_default();
                        start();
                    }>
                        <div class="field-row">
                            <label>
                                <span>{t!("Wave")}</span>
                                <select data-testid="collect-wave" on:change=move |ev| wave.set(event_target_value(&ev))>
                                    {waves.into_iter().map(|name| {
                                        let chosen = name.clone();
                                        let value = name.clone();
                                        view! { <option value=value selected=move || wave.with(|w| *w == chosen)>{name}</option> }
                                    }).collect_view()}
                                    <option value=NEW_WAVE selected=move || wave.with(|w| w == NEW_WAVE)>{t!("A new wave…")}</option>
                                </select>
                            </label>
                            <Show when=move || wave.with(|w| w == NEW_WAVE)>
                                <label>
                                    <span>{t!("Name of the new wave")}</span>
                                    <input type="text" maxlength=WAVE_MAX.to_string() data-testid="collect-new-wave"
                                        prop:value=move || new_wave.get() on:input=move |ev| new_wave.set(event_target_value(&ev)) />
                                </label>
                            </Show>
                        </div>
                        <fieldset class="collect-questions">
                            <legend>{t!("Questions")}</legend>
                            <p class="hint">{asked}</p>
                            <label class="collect-check">
                                <input type="checkbox" data-testid="collect-nps" prop:checked=move || questions.with(|q| q.nps)
                                    on:change=toggle(|q, on| q.nps = on) />
                                {t!("NPS: how likely the customer is to recommend you (0–10)")}
                            </label>
                            <label class="collect-check">
                                <input type="checkbox" data-testid="collect-csat" prop:checked=move || questions.with(|q| q.csat)
                                    on:change=toggle(|q, on| q.csat = on) />
                                {t!("CSAT: overall satisfaction (1–5)")}
                            </label>
                            <label class="collect-check">
                                <input type="checkbox" data-testid="collect-ces" prop:checked=move || questions.with(|q| q.ces)
                                    on:change=toggle(|q, on| q.ces = on) />
                                {t!("CES: how much effort it took to get what they needed (1–7)")}
                            </label>
                            <label class="collect-check">
                                <input type="checkbox" data-testid="collect-comment" prop:checked=move || questions.with(|q| q.comment)
                                    on:change=toggle(|q, on| q.comment = on) />
                                {t!("A free-text comment")}
                            </label>
                        </fieldset>
                        <div class="field-row">
                            <label>
                                <span>{t!("PIN to leave the kiosk ({min}–{max} digits)", min = PIN_MIN, max = PIN_MAX)}</span>
                                <input type="password" inputmode="numeric" autocomplete="new-password" maxlength=PIN_MAX.to_string()
                                    class="collect-pin" data-testid="collect-pin"
                                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                            </label>
                            <label>
                                <span>{t!("The same PIN again")}</span>
                                <input type="password" inputmode="numeric" autocomplete="new-password" maxlength=PIN_MAX.to_string()
                                    class="collect-pin" data-testid="collect-pin-repeat"
                                    prop:value=move || pin_repeat.get() on:input=move |ev| pin_repeat.set(event_target_value(&ev)) />
                            </label>
                        </div>
                        <p class="hint">{t!(
                            "Remember the PIN: without it, the questionnaire cannot be closed on this device. {n} wrong PINs in a row lock the exit for {seconds} seconds.",
                            n = count(ATTEMPTS_BEFORE_LOCKOUT as usize),
                            seconds = count((LOCKOUT_MS / 1000.0) as usize)
                        )}</p>
                        {move || {
                            let list = problems.get();
                            (!list.is_empty()).then(|| view! {
                                <ul class="notice notice-error collect-problems" role="alert">
                                    {list.into_iter().map(|p| view! { <li data-testid="collect-problem">{p}</li> }).collect_view()}
                                </ul>
                            })
                        }}
                        <div class="button-row">
                            <button type="submit" class="button-primary" data-testid="collect-start"
                                disabled=item_count == 0>{t!("Start collecting")}</button>
                            <a class="collect-back" href=data.clone()>{t!("Back to Data")}</a>
                        </div>
                    </form>
                }
            })}
        </section>
    }
}
