//! Data entry forms on the Data page: the management view, delivery measurements and
//! complaints.

use crate::storage::Loaded;
use leptos::prelude::*;

/// The entry forms; `loaded` is the Data page's copy of the project, updated after a save.
#[component]
pub fn DataEntry(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let _ = loaded;
    view! { <div class="data-entry"></div> }
}
