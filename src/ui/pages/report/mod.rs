//! The Report page. (Being written; see issue 6.)

use crate::model::ProjectId;
use leptos::prelude::*;

/// The Report page.
#[component]
pub fn ReportPage(id: ProjectId) -> impl IntoView {
    let _ = id;
    view! {
        <section class="page">
            <h1>"Report"</h1>
        </section>
    }
}
