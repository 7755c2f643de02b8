//! An inline confirmation for destructive actions: focus moves to it, Escape cancels.

use leptos::prelude::*;

/// Asks `question`; `on_confirm` runs only after the user presses the confirm button.
#[component]
pub fn Confirm(
    /// What is about to happen, in words.
    question: String,
    /// Label of the confirming button ("Delete project").
    confirm_label: &'static str,
    /// Runs on confirmation.
    on_confirm: Callback<()>,
    /// Runs on cancel or Escape.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="confirm" role="alertdialog" aria-modal="false" aria-label=confirm_label
            data-testid="confirm"
            on:keydown=move |ev| if ev.key() == "Escape" { on_cancel.run(()) }>
            <p>{question}</p>
            <div class="button-row">
                <button class="button-danger" data-testid="confirm-yes"
                    on:click=move |_| on_confirm.run(())>{confirm_label}</button>
                <button node_ref=cancel_ref data-testid="confirm-no"
                    on:click=move |_| on_cancel.run(())>{t!("Cancel")}</button>
            </div>
        </div>
    }
}
