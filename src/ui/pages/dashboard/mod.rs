//! The Dashboard page. (Being written; see issue 6.)

use crate::model::ProjectId;
use leptos::prelude::*;

/// The Dashboard page.
#[component]
pub fn DashboardPage(id: ProjectId) -> impl IntoView {
    let _ = id;
    view! {
        <section class="page">
            <h1>"Dashboard"</h1>
        </section>
    }
}
