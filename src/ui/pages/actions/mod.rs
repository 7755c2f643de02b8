//! The Actions page. (Being written; see issue 6.)

use crate::model::ProjectId;
use leptos::prelude::*;

/// The Actions page.
#[component]
pub fn ActionsPage(id: ProjectId) -> impl IntoView {
    let _ = id;
    view! {
        <section class="page">
            <h1>"Actions"</h1>
        </section>
    }
}
