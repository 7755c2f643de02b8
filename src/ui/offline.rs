//! Working offline: registers the service worker and says when a new version is ready.
//!
//! `sw.js`, written at build time by scripts/sw-build.mjs, precaches every file of the build,
//! so after one visit the app loads and works with the network off. When a new build is
//! deployed, the browser installs its worker beside the running one, where it waits; the
//! [`UpdateBanner`] tells the user. Only when the user presses Reload is the waiting worker asked
//! to take over, and the page reloads once it has. The projects live in local storage, which no
//! worker touches, so nothing is lost across an update.
//!
//! Debug builds (`trunk serve`) register no worker, and remove one that a release build served
//! from the same address left behind, so every edit shows at once.

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's address, relative to the page, so the app works from any folder.
const WORKER: &str = "./sw.js";
/// The message sw.js answers by taking over (`skipWaiting`).
const TAKE_OVER: &str = "gaplens-activate-update";

thread_local! {
    /// This page's registration, once the browser has confirmed it.
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// The user pressed Reload: reload when the new worker controls the page.
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the worker when mounted, and shows a banner with a Reload button while a new
/// version waits. The page never reloads by itself.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting = RwSignal::new(false);
    let later = RwSignal::new(false);
    start(waiting);
    view! {
        <div class="update-area" aria-live="polite">
            <Show when=move || waiting.get() && !later.get()>
                <div class="update-banner" data-testid="update-banner">
                    <p class="update-text">
                        {t!("A new version of Gaplens is ready. Reload to use it; your projects stay in this browser.")}
                    </p>
                    <button class="button-primary" data-testid="update-reload" on:click=move |_| reload_into_new_version()>
                        {t!("Reload")}
                    </button>
                    <button class="button-quiet" data-testid="update-later" on:click=move |_| later.set(true)>
                        {t!("Later")}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The browser's service worker container; `None` where there is none (an insecure context
/// such as http:// on a LAN address, or a browser without service workers).
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let value = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn start(waiting: RwSignal<bool>) {
    let Some(container) = container() else { return };
    if cfg!(debug_assertions) {
        wasm_bindgen_futures::spawn_local(unregister_all(container));
        return;
    }
    reload_when_taken_over(&container);
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(container.register(WORKER)).await {
            Ok(value) => {
                let registration: ServiceWorkerRegistration = value.unchecked_into();
                watch_for_updates(&registration, waiting);
                REGISTRATION.with(|r| r.replace(Some(registration)));
            }
            // Not an error for the user: the app works, only not offline.
            Err(why) => leptos::logging::warn!("Gaplens will not work offline: its service worker was not registered ({why:?})"),
        }
    });
}

/// Sets `waiting` when a new worker is installed and waits for this page's consent: one that
/// was already waiting when the page loaded, or one installed while it is open.
fn watch_for_updates(registration: &ServiceWorkerRegistration, waiting: RwSignal<bool>) {
    if registration.waiting().is_some() {
        waiting.try_set(true);
    }
    let this = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = this.installing() else { return };
        let (worker, registration) = (installing.clone(), this.clone());
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            // On a first visit there is no active worker: the new one simply starts working.
            if worker.state() == ServiceWorkerState::Installed && registration.active().is_some() {
                waiting.try_set(true);
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Reloads the page when a new worker takes it over, but only if the user asked for it.
fn reload_when_taken_over(container: &ServiceWorkerContainer) {
    let on_change = Closure::<dyn Fn()>::new(|| {
        if RELOAD_ASKED.with(Cell::get) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

/// Asks the waiting worker to take over; the page reloads when it has. Without a waiting
/// worker (another tab already let it take over) the page reloads at once.
fn reload_into_new_version() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    match waiting {
        Some(worker) => {
            RELOAD_ASKED.with(|asked| asked.set(true));
            if worker.post_message(&JsValue::from_str(TAKE_OVER)).is_err() {
                reload();
            }
        }
        None => reload(),
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

async fn unregister_all(container: ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(container.get_registrations()).await else { return };
    for registration in js_sys::Array::from(&list).iter() {
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let _ = registration.unregister();
    }
}
