//! The staff's way out of the kiosk: a PIN prompt behind the small "Staff" button.
//!
//! A wrong PIN is refused and counted (in the stored session, so reloading does not reset
//! the count); after five in a row the exit locks for a while. The right PIN removes the
//! session and opens the project's Data page, where the new responses are.

use super::lock::KioskLock;
use crate::model::kiosk::PinCheck;
use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The PIN prompt; `on_close` hides it (Cancel, Escape).
#[component]
pub fn StaffExit(on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lock = expect_context::<KioskLock>();
    let pin = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });

    let summary = move || {
        lock.session.with(|s| {
            s.as_ref().map(|s| match s.collected {
                1 => t!("1 answer collected in the wave {wave} since the kiosk started.", wave = s.wave),
                n => t!("{n} answers collected in the wave {wave} since the kiosk started.", n = crate::format::count(n as usize), wave = s.wave),
            })
        })
    };

    let check = move || {
        let Some(mut session) = lock.session.get_untracked() else { return };
        let typed = pin.get_untracked();
        pin.set(String::new());
        let outcome = session.check_pin(&typed, js_sys::Date::now());
        let project = session.project.clone();
        // The count of wrong PINs is kept even if storing it fails.
        let _ = lock.update(session);
        match outcome {
            PinCheck::Accepted => {
                // The route first, so the page shown once the lock is gone is the Data page.
                let data = Route::Data(project);
                state.route.set(data.clone());
                match lock.end() {
                    Ok(()) => state.go(&data),
                    Err(error) => problem.set(Some(t!("The kiosk could not be closed: {error}", error = error))),
                }
            }
            PinCheck::Refused { attempts_left: 1 } => {
                problem.set(Some(t!("Wrong PIN. 1 try left before the exit locks for a while.").into()));
            }
            PinCheck::Refused { attempts_left } => problem.set(Some(t!(
                "Wrong PIN. {n} tries left before the exit locks for a while.",
                n = crate::format::count(attempts_left as usize)
            ))),
            PinCheck::Locked { seconds } => problem.set(Some(t!(
                "Too many wrong PINs. Try again in {seconds} seconds.",
                seconds = crate::format::count(seconds as usize)
            ))),
        }
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };

    view! {
        <div class="kiosk-backdrop">
            <div class="kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="kiosk-staff-title"
                data-testid="kiosk-staff-dialog"
                on:keydown=move |ev| if ev.key() == "Escape" { on_close.run(()) }>
                <h2 id="kiosk-staff-title">{t!("Leave the kiosk")}</h2>
                <p data-testid="kiosk-collected">{summary}</p>
                <form novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    check();
                }>
                    <label>
                        <span>{t!("PIN")}</span>
                        <input node_ref=input type="password" inputmode="numeric" autocomplete="off"
                            class="kiosk-pin" data-testid="kiosk-pin" aria-describedby="kiosk-pin-problem"
                            prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                    </label>
                    <p id="kiosk-pin-problem" class="field-problem" role="alert" data-testid="kiosk-pin-error">
                        {move || problem.get()}
                    </p>
                    <div class="button-row">
                        <button type="submit" class="button-primary" data-testid="kiosk-pin-submit">{t!("Leave the kiosk")}</button>
                        <button type="button" data-testid="kiosk-pin-cancel" on:click=move |_| on_close.run(())>{t!("Cancel")}</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
