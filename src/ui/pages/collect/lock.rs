//! The kiosk lock: while a kiosk session is stored in this browser, the app shows nothing but
//! the kiosk, whatever the address says.
//!
//! The session lives in local storage (`gaplens/pref/kiosk`, through `Store::set_preference`),
//! so a reload, a closed lid or a restarted browser resumes the kiosk. The App asks
//! [`KioskLock::is_active`] before it renders anything else; the guards here keep the address
//! on the kiosk's (the back button, a typed `#/settings`, Alt+Left all change the hash, which
//! is put back at once) and swallow the keyboard shortcuts a page can swallow. Nothing of
//! another page is rendered in between, because the App does not look at the route while
//! the lock is active.

use crate::model::kiosk::KioskSession;
use crate::model::ProjectId;
use crate::storage::Store;
use crate::ui::route::Route;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The preference name of the running session.
pub const PREFERENCE: &str = "kiosk";

/// The running kiosk session, if any; provided as context by the App.
#[derive(Clone, Copy)]
pub struct KioskLock {
    /// The session as stored (its PIN lockout and answer count change while it runs).
    pub session: RwSignal<Option<KioskSession>>,
    /// The project of the running session: changes only when the kiosk starts or ends, so
    /// the App does not re-render on every answer.
    project: Memo<Option<ProjectId>>,
}

/// The session stored in this browser, if one can be resumed.
fn stored_session() -> Option<KioskSession> {
    Store::open().ok()?.preference(PREFERENCE).and_then(|json| KioskSession::from_json(&json))
}

impl KioskLock {
    /// Reads a stored session, provides the lock as context and starts the guards. Called
    /// once, by the App.
    pub fn provide() -> KioskLock {
        let session = RwSignal::new(stored_session());
        let project = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.project.clone())));
        let lock = KioskLock { session, project };
        provide_context(lock);
        lock.keep_address();

        let hash = window_event_listener(leptos::ev::hashchange, move |_| lock.keep_address());
        let keys = window_event_listener(leptos::ev::keydown, move |event| {
            if lock.project.with_untracked(Option::is_some) {
                swallow_shortcut(&event);
            }
        });
        // A kiosk started or ended in another tab of this browser locks or unlocks this one.
        let storage = window_event_listener(leptos::ev::storage, move |event| {
            let ours = event.key().is_none_or(|key| key == format!("{}pref/{PREFERENCE}", crate::storage::PREFIX));
            if ours {
                session.set(stored_session());
                lock.keep_address();
            }
        });
        on_cleanup(move || {
            hash.remove();
            keys.remove();
            storage.remove();
        });
        lock
    }

    /// Whether a kiosk is running (tracked: the App re-renders when it starts or ends).
    pub fn is_active(&self) -> bool {
        self.project.with(Option::is_some)
    }

    /// Stores `session` and locks the app on it, full screen where the browser allows.
    ///
    /// # Errors
    /// Why the session could not be stored; then nothing is locked.
    pub fn start(&self, session: KioskSession) -> Result<(), String> {
        self.store(&session)?;
        self.session.set(Some(session));
        request_fullscreen();
        self.keep_address();
        Ok(())
    }

    /// Stores a changed session (an answer counted, a wrong PIN counted).
    ///
    /// # Errors
    /// Why it could not be stored; the running kiosk goes on with the change in memory.
    pub fn update(&self, session: KioskSession) -> Result<(), String> {
        let stored = self.store(&session);
        self.session.set(Some(session));
        stored
    }

    /// Ends the kiosk: removes the stored session and leaves full screen.
    ///
    /// # Errors
    /// Why the stored session could not be removed; then the kiosk stays locked (a reload
    /// would bring it back otherwise).
    pub fn end(&self) -> Result<(), String> {
        let store = Store::open().map_err(|e| e.to_string())?;
        store.remove_preference(PREFERENCE).map_err(|e| e.to_string())?;
        self.session.set(None);
        exit_fullscreen();
        Ok(())
    }

    fn store(&self, session: &KioskSession) -> Result<(), String> {
        let store = Store::open().map_err(|e| e.to_string())?;
        store.set_preference(PREFERENCE, &session.to_json()).map_err(|e| e.to_string())
    }

    /// Puts the address back on the kiosk's when a kiosk runs and it shows anything else.
    /// `location.replace` keeps the page out of the history, so Back has nowhere else to go.
    fn keep_address(&self) {
        let Some(id) = self.project.get_untracked() else { return };
        let kiosk = Route::Collect(id);
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        let hash = location.hash().unwrap_or_default();
        if Route::from_hash(&hash) != kiosk {
            let _ = location.replace(&kiosk.href());
        }
    }
}

/// Cancels the shortcuts that would leave or cover the kiosk: Escape (nothing of the kiosk
/// closes with it but its own PIN dialog, which handles it first), Alt+Left/Right and the
/// browser's Back/Forward keys, and print, save, open and view-source. Reloading (F5,
/// Ctrl+R) is left alone: it resumes the kiosk.
fn swallow_shortcut(event: &web_sys::KeyboardEvent) {
    let key = event.key();
    let command = event.ctrl_key() || event.meta_key();
    let blocked = match key.as_str() {
        "Escape" | "BrowserBack" | "BrowserForward" | "BrowserHome" => true,
        "ArrowLeft" | "ArrowRight" | "Home" => event.alt_key(),
        "Backspace" => !is_typing_target(event),
        _ => command && matches!(key.to_ascii_lowercase().as_str(), "p" | "s" | "o" | "u"),
    };
    if blocked {
        event.prevent_default();
    }
}

/// Whether the key goes to a text field (where Backspace deletes).
fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea"))
}

/// Calls `target.method()` and waits for the promise it returns, so a refusal (no user
/// gesture, a headless browser, an iframe) is quietly dropped instead of surfacing as an
/// unhandled rejection.
fn call_ignoring_refusal(target: &JsValue, method: &str) {
    let Ok(function) = js_sys::Reflect::get(target, &JsValue::from_str(method)) else { return };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else { return };
    let Ok(result) = function.call0(target) else { return };
    if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Whether the page is shown full screen now.
fn is_fullscreen() -> bool {
    let document: JsValue = document().into();
    js_sys::Reflect::get(&document, &JsValue::from_str("fullscreenElement")).is_ok_and(|e| !e.is_null() && !e.is_undefined())
}

/// Asks for full screen (the browser may refuse: not an error).
pub fn request_fullscreen() {
    if is_fullscreen() {
        return;
    }
    if let Some(root) = document().document_element() {
        call_ignoring_refusal(&root.into(), "requestFullscreen");
    }
}

/// Leaves full screen, if the page is in it.
fn exit_fullscreen() {
    if is_fullscreen() {
        call_ignoring_refusal(&document().into(), "exitFullscreen");
    }
}
