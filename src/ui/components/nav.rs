//! The project tabs in the header.

use crate::ui::route::Route;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Tabs for the open project's pages; nothing on the Projects and Settings pages.
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
        let tabs = [
            (Route::Dashboard(id.clone()), t!("Dashboard"), "nav-dashboard"),
            (Route::Journey(id.clone()), t!("Journey"), "nav-journey"),
            (Route::Items(id.clone()), t!("Items"), "nav-items"),
            (Route::Data(id.clone()), t!("Data"), "nav-data"),
            (Route::Analysis(id.clone(), None), t!("Analysis"), "nav-analysis"),
            (Route::Actions(id.clone()), t!("Actions"), "nav-actions"),
            (Route::Report(id.clone()), t!("Report"), "nav-report"),
        ];
        Some(view! {
            <nav class="project-nav" aria-label=t!("Project")>
                <span class="project-name" data-testid="current-project">{name}</span>
                <ul class="project-tabs">
                    {tabs.into_iter().map(|(target, label, testid)| {
                        let current = target.same_page(&route).then_some("page");
                        view! { <li><a href=target.href() aria-current=current data-testid=testid>{label}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        })
    }
}
