//! Setup: the customer journey, standards with KPI targets, marketing promises, and the
//! survey type (E and P, or perception only).

use crate::model::ProjectId;
use crate::ui::pages::data::use_project;
use leptos::prelude::*;

/// The Setup page.
#[component]
pub fn SetupPage(id: ProjectId) -> impl IntoView {
    let loaded = use_project(id);
    view! {
        <section class="page">
            <h1>"Setup"</h1>
            {move || loaded.get().map(|l| view! { <p>{l.project.name}</p> })}
        </section>
    }
}
