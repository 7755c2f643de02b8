//! Settings: backup and restore, storage used and left, delete everything.

use leptos::prelude::*;

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Settings"</h1>
        </section>
    }
}
