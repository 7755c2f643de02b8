//! The responses table on the Data page, with manual entry of a single response.

use crate::storage::Loaded;
use leptos::prelude::*;

/// The responses table; `loaded` is the Data page's copy of the project.
#[component]
pub fn Responses(loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let _ = loaded;
    view! { <div class="responses"></div> }
}
