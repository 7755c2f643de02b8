//! Resolving a concurrent edit: another tab saved the same project after this tab loaded
//! it, so this tab's save was refused (by revision). Instead of a dead-end error the user
//! chooses: take theirs, save mine over theirs, or first download mine as a backup file.

use crate::export::backup::backup_json;
use crate::ui::download;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The dialog, shown while `AppState::conflict` holds this tab's refused version.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = Memo::new(move |_| state.conflict.with(Option::is_some));
    view! {
        <Show when=move || open.get()>
            <ConflictChoice />
        </Show>
    }
}

#[component]
fn ConflictChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(false);
    let name = move || state.conflict.with(|c| c.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let first = NodeRef::<leptos::html::Button>::new();
    let last = NodeRef::<leptos::html::Button>::new();
    // The dialog is modal: Tab and Shift+Tab cycle through its buttons, never behind it.
    let keep_focus_inside = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let (Some(first), Some(last)) = (first.get_untracked(), last.get_untracked()) else { return };
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let is = |button: &web_sys::HtmlButtonElement| {
            active.as_ref().is_some_and(|a| js_sys::Object::is(a.as_ref(), button.as_ref()))
        };
        let target = match (ev.shift_key(), is(&first), is(&last)) {
            (true, true, _) => Some(last),
            (false, _, true) => Some(first),
            _ => None,
        };
        if let Some(target) = target {
            ev.prevent_default();
            let _ = target.focus();
        }
    };
    Effect::new(move |_| {
        if let Some(button) = first.get() {
            let _ = button.focus();
        }
    });

    let download_mine = move |_| {
        let Some(mine) = state.conflict.get_untracked() else { return };
        let file = format!("{}-my-version.json", download::file_stem(&mine.name));
        match download::offer(&file, "application/json", &backup_json(std::slice::from_ref(&mine))) {
            Ok(()) => {
                downloaded.set(true);
                problem.set(None);
            }
            Err(text) => problem.set(Some(text)),
        }
    };
    let keep_mine = move |_| match state.keep_mine() {
        Ok(()) => problem.set(None),
        Err(text) => problem.set(Some(text)),
    };

    view! {
        <div class="conflict-backdrop">
            <div class="conflict" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title"
                aria-describedby="conflict-text" data-testid="conflict" on:keydown=keep_focus_inside>
                <h2 id="conflict-title">{move || t!("Another tab changed \u{201c}{name}\u{201d}", name = name())}</h2>
                <p id="conflict-text">
                    {t!("This project was saved in another tab or window after this page loaded it, so \
                         the change you just made here was not saved. Which version should be kept?")}
                </p>
                <div class="conflict-choices">
                    <button node_ref=first data-testid="conflict-theirs" on:click=move |_| state.keep_theirs()>
                        {t!("Reload theirs")}
                        <span class="small">{t!("Your unsaved change here is lost.")}</span>
                    </button>
                    <button class="button-danger" data-testid="conflict-mine" on:click=keep_mine>
                        {t!("Save mine over theirs")}
                        <span class="small">{t!("The other tab's change is replaced.")}</span>
                    </button>
                    <button node_ref=last data-testid="conflict-download" on:click=download_mine>
                        {t!("Download mine as a file first")}
                        <span class="small">{t!("A backup file you can restore or merge later.")}</span>
                    </button>
                </div>
                <p class="conflict-status" role="status" data-testid="conflict-downloaded">
                    {move || downloaded.get().then_some(t!("✓ Your version was downloaded. Now choose which one to keep."))}
                </p>
                <p class="conflict-problem" role="alert" data-testid="conflict-problem">{move || problem.get()}</p>
            </div>
        </div>
    }
}
