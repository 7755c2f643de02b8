//! The Leptos interface: state, routing, pages and components.

mod charts;
mod components;
mod download;
mod file;
mod format;
pub mod lang;
mod offline;
mod pages;
mod route;
mod state;

use leptos::prelude::*;
use pages::{
    actions::ActionsPage, analysis::AnalysisPage, dashboard::DashboardPage, data::DataPage, items::ItemsPage,
    journey::JourneyPage, projects::ProjectsPage, report::ReportPage, settings::SettingsPage,
};
use route::Route;
use state::AppState;

/// Loads the interface language, then mounts the app on `<body>`.
pub fn mount() {
    install_panic_message();
    wasm_bindgen_futures::spawn_local(async {
        let language_failure = lang::load().await;
        leptos::mount::mount_to_body(move || view! { <App language_failure=language_failure.clone() /> });
    });
}

/// Logs a panic to the console and replaces the page with a plain notice, so a user never
/// stares at a silently broken page. Stored data is not touched by a panic.
fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            body.set_text_content(Some(t!(
                "Gaplens hit an internal error and stopped. Your stored data is safe. Reload the page to continue."
            )));
        }
    }));
}

/// The skip link moves the focus to the page's content without touching the address: the hash
/// is the route here, so following "#main" would open "Page not found".
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"));
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}

/// The app; `language_failure` says why the chosen language could not be loaded, if it could not.
#[component]
fn App(language_failure: Option<String>) -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    if let Some(why) = language_failure {
        state.error(why);
    }
    let route = state.route;
    let kiosk = pages::collect::KioskLock::provide();

    view! {
        // While a kiosk runs (Collect), it is all there is: no header, no other page, whatever the address.
        <Show when=move || !kiosk.is_active() fallback=|| view! { <pages::collect::Kiosk /> }>
        <a class="skip-link" href="#main" on:click=skip_to_content>{t!("Skip to content")}</a>
        <header class="app-header">
            <a class="brand" href="#/" data-testid="nav-projects">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                "Gaplens"
            </a>
            <components::nav::ProjectNav />
            <div class="header-links">
                <a href="#/glossary" data-testid="nav-glossary">{t!("Glossary")}</a>
                <a href="#/settings" data-testid="nav-settings">{t!("Settings")}</a>
            </div>
        </header>
        <components::notice::NoticeArea />
        <offline::UpdateBanner />
        <components::conflict::ConflictDialog />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Projects => view! { <ProjectsPage /> }.into_any(),
                Route::Settings => view! { <SettingsPage /> }.into_any(),
                Route::Glossary(term) => view! { <pages::glossary::GlossaryPage focus=term /> }.into_any(),
                Route::Dashboard(id) => view! { <DashboardPage id=id /> }.into_any(),
                Route::Journey(id) => view! { <JourneyPage id=id /> }.into_any(),
                Route::Items(id) => view! { <ItemsPage id=id /> }.into_any(),
                Route::Data(id) => view! { <DataPage id=id /> }.into_any(),
                Route::Analysis(id, section) => view! { <AnalysisPage id=id section=section /> }.into_any(),
                Route::Actions(id) => view! { <ActionsPage id=id /> }.into_any(),
                Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
                Route::Collect(id) => view! { <pages::collect::CollectPage id=id /> }.into_any(),
                Route::Questionnaire(id) => view! { <pages::questionnaire::QuestionnairePage id=id /> }.into_any(),
                Route::NotFound => view! {
                    <section class="page">
                        <h1>{t!("Page not found")}</h1>
                        <p><a href="#/">{t!("Go to your projects")}</a></p>
                    </section>
                }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            {t!("Gaplens runs entirely in this browser. Your data stays on this device.")}
        </footer>
        </Show>
    }
}
