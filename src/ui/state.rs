//! App-wide reactive state: the route, the project list and the notice line. The stored
//! form lives in `storage`; this is the only place that converts between the two.

use super::route::Route;
use crate::demo;
use crate::model::Project;
use crate::storage::{IndexEntry, Loaded, StorageError, Store};
use leptos::prelude::*;

/// A message for the user: errors stay until dismissed, information too (screen readers
/// announce both through the live region).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Error (role=alert) or information (role=status).
    pub is_error: bool,
    /// Plain text; never interpreted as HTML.
    pub text: String,
}

/// Shared state, provided as context. Every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The page shown.
    pub route: RwSignal<Route>,
    /// The projects in this browser, in display order.
    pub projects: RwSignal<Vec<IndexEntry>>,
    /// The current message.
    pub notice: RwSignal<Option<Notice>>,
    /// Bumped when another tab changes Gaplens data, so open pages reload.
    pub external_change: RwSignal<u64>,
    /// Set when local storage cannot be used at all.
    pub storage_unavailable: RwSignal<Option<String>>,
    /// A save refused because another tab saved the same project first: this tab's version,
    /// waiting for the user to choose (see `components::conflict`).
    pub conflict: RwSignal<Option<Project>>,
}

impl AppState {
    /// Opens storage, seeds the demo project on a first visit, and starts listening to the
    /// URL hash and to other tabs.
    pub fn start() -> AppState {
        let state = AppState {
            route: RwSignal::new(Route::from_hash(&current_hash())),
            projects: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            external_change: RwSignal::new(0),
            storage_unavailable: RwSignal::new(None),
            conflict: RwSignal::new(None),
        };
        state.open_workspace();

        let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let next = Route::from_hash(&current_hash());
            // Another page starts at its top (a section link scrolls to its section itself).
            if !state.route.with_untracked(|now| now.same_page(&next)) {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
            state.route.set(next);
            state.notice.set(None);
        });
        let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
            let ours = event.key().is_none_or(|key| key.starts_with(crate::storage::PREFIX));
            if ours {
                state.reload_everything();
            }
        });
        on_cleanup(move || {
            hash_listener.remove();
            storage_listener.remove();
        });
        state
    }

    fn open_workspace(&self) {
        let Some(store) = self.store() else { return };
        match store.open_workspace() {
            Ok(workspace) => {
                if workspace.first_visit {
                    let demo = demo::hotel();
                    if let Err(error) = store.save_project(&demo, None) {
                        self.error(t!("The demo project could not be stored. {error}", error = error));
                    }
                }
                if !workspace.quarantined_now.is_empty() {
                    self.error(t!(
                        "Some stored data could not be read; nothing of it was changed. {details}",
                        details = workspace.quarantined_now.join(" ")
                    ));
                }
                self.refresh_projects();
            }
            Err(error) => self.error(error.to_string()),
        }
    }

    /// Local storage, or `None` after telling the user why not.
    pub fn store(&self) -> Option<Store> {
        match Store::open() {
            Ok(store) => Some(store),
            Err(error) => {
                let text = error.to_string();
                self.storage_unavailable.set(Some(text.clone()));
                self.error(text);
                None
            }
        }
    }

    /// Re-reads the project list.
    pub fn refresh_projects(&self) {
        if let Some(store) = self.store() {
            match store.open_workspace() {
                Ok(workspace) => self.projects.set(workspace.projects),
                Err(error) => self.error(error.to_string()),
            }
        }
    }

    /// Loads a project, telling the user when it cannot be loaded.
    pub fn load(&self, id: &crate::model::ProjectId) -> Option<Loaded> {
        let store = self.store()?;
        match store.load_project(id) {
            Ok(loaded) => Some(loaded),
            Err(error) => {
                self.error(error.to_string());
                self.refresh_projects();
                None
            }
        }
    }

    /// Saves a project and refreshes the list; on failure the user is told and `Err` returned.
    /// When another tab saved the project first, the user is offered the choice instead
    /// (`conflict`); nothing is written until they choose.
    pub fn save(&self, project: &Project, revision: Option<u64>) -> Result<u64, StorageError> {
        let store = self.store().ok_or_else(|| StorageError::Unavailable(t!("no storage").into()))?;
        let result = store.save_project(project, revision);
        match &result {
            Ok(_) => self.refresh_projects(),
            Err(StorageError::Conflict { .. }) => self.conflict.set(Some(project.clone())),
            Err(error) => self.error(error.to_string()),
        }
        result
    }

    /// Re-reads the project list and makes every open page reload its project.
    pub fn reload_everything(&self) {
        self.refresh_projects();
        self.external_change.update(|n| *n += 1);
    }

    /// Conflict resolved by taking the other tab's version: this tab's refused change is
    /// dropped and the open page shows what is stored.
    pub fn keep_theirs(&self) {
        let Some(mine) = self.conflict.get_untracked() else { return };
        self.conflict.set(None);
        self.reload_everything();
        self.info(t!(
            "Showing \u{201c}{name}\u{201d} as the other tab saved it. The change made here was not saved.",
            name = mine.name
        ));
    }

    /// Conflict resolved by saving this tab's version over the other tab's (which the user
    /// was told is then replaced).
    ///
    /// # Errors
    /// Why it was not saved, in words; the choice stays open and nothing stored changed.
    pub fn keep_mine(&self) -> Result<(), String> {
        let Some(mine) = self.conflict.get_untracked() else { return Ok(()) };
        let store = Store::open().map_err(|e| e.to_string())?;
        // The revision stored now; a document deleted meanwhile is saved as new.
        let revision = match store.load_project(&mine.id) {
            Ok(stored) => Some(stored.revision),
            Err(StorageError::NotFound(_)) => None,
            Err(error) => return Err(t!("Your version was not saved. {error}", error = error)),
        };
        match store.save_project(&mine, revision) {
            Ok(_) => {
                self.conflict.set(None);
                self.reload_everything();
                self.info(t!(
                    "Your version of \u{201c}{name}\u{201d} was saved; it replaces the one from the other tab.",
                    name = mine.name
                ));
                Ok(())
            }
            // Saved yet again elsewhere in between.
            Err(StorageError::Conflict { .. }) => Err(t!("The other tab saved again just now; choose again.").into()),
            Err(error) => Err(t!("Your version was not saved. {error}", error = error)),
        }
    }

    /// Shows an error.
    pub fn error(&self, text: String) {
        self.notice.set(Some(Notice { is_error: true, text }));
    }

    /// Shows an information message.
    pub fn info(&self, text: String) {
        self.notice.set(Some(Notice { is_error: false, text }));
    }

    /// Navigates to `route`.
    pub fn go(&self, route: &Route) {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.set_hash(&route.href());
        }
    }
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}
