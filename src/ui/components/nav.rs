//! The project tabs in the header.

use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Tabs for the open project (Data, Analysis); nothing on the Projects page.
#[component]
pub fn ProjectNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let route = state.route.get();
        let id = route.project()?.clone();
        let name = state
            .projects
            .get()
            .into_iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name);
        let tab = |target: Route, label: &'static str, testid: &'static str| {
            let current = (target == route).then_some("page");
            view! { <a href=target.href() aria-current=current data-testid=testid>{label}</a> }
        };
        Some(view! {
            <nav class="project-nav" aria-label="Project">
                <span class="project-name" data-testid="current-project">{name}</span>
                {tab(Route::Setup(id.clone()), "Setup", "nav-setup")}
                {tab(Route::Data(id.clone()), "Data", "nav-data")}
                {tab(Route::Analysis(id.clone()), "Analysis", "nav-analysis")}
            </nav>
        })
    }
}
