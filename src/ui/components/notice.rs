//! The message line under the header: errors as `role=alert`, information as `role=status`.

use crate::ui::state::AppState;
use leptos::prelude::*;

/// Shows the current notice with a dismiss button.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notice-area" aria-live="polite">
            {move || state.notice.get().map(|notice| {
                let class = if notice.is_error { "notice notice-error" } else { "notice notice-info" };
                let role = if notice.is_error { "alert" } else { "status" };
                view! {
                    <div class=class role=role data-testid="notice">
                        <span class="notice-icon" aria-hidden="true">{if notice.is_error { "⚠" } else { "ℹ" }}</span>
                        <p class="notice-text">{notice.text}</p>
                        <button class="button-quiet" on:click=move |_| state.notice.set(None)
                            data-testid="notice-dismiss">{t!("Dismiss")}</button>
                    </div>
                }
            })}
        </div>
    }
}
