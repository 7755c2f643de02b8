//! Hash routing (`#/p/<id>/analysis`): works from any static host or a file server with no
//! rewrite rules, and reloading keeps the page.

use crate::model::ProjectId;

/// A page of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// The project list.
    Projects,
    /// Settings: backup, restore, storage, delete everything.
    Settings,
    /// The glossary, optionally at one term (`#/glossary/<slug>`).
    Glossary(Option<String>),
    /// A project's Dashboard: the gap model at a glance.
    Dashboard(ProjectId),
    /// A project's Journey: stages, touchpoints, item links and the heat map.
    Journey(ProjectId),
    /// A project's Items: survey type, dimensions, items, standards, promises, templates.
    Items(ProjectId),
    /// A project's Data page.
    Data(ProjectId),
    /// A project's Analysis page, optionally scrolled to a section (`#/p/<id>/analysis/<section>`).
    Analysis(ProjectId, Option<String>),
    /// A project's Actions: root causes and what is done about each priority.
    Actions(ProjectId),
    /// A project's print-ready Report.
    Report(ProjectId),
    /// A project's printable questionnaires, the text for survey tools and the CSV header template.
    Questionnaire(ProjectId),
    /// A project's Collect page: kiosk setup, and the running kiosk.
    Collect(ProjectId),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route for a location hash such as `#/p/demo-hotel/data`.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Projects,
            ["settings"] => Route::Settings,
            ["glossary"] => Route::Glossary(None),
            ["glossary", term] => Route::Glossary(Some((*term).to_owned())),
            ["p", id, "analysis", section] => match ProjectId::new(id) {
                Ok(id) => Route::Analysis(id, Some((*section).to_owned())),
                Err(_) => Route::NotFound,
            },
            ["p", id] => ProjectId::new(id).map_or(Route::NotFound, Route::Dashboard),
            ["p", id, page] => match (ProjectId::new(id), *page) {
                (Ok(id), "dashboard") => Route::Dashboard(id),
                (Ok(id), "journey") => Route::Journey(id),
                // "setup" was the page's name before Journey and Items had pages of their own.
                (Ok(id), "items" | "setup") => Route::Items(id),
                (Ok(id), "data") => Route::Data(id),
                (Ok(id), "analysis") => Route::Analysis(id, None),
                (Ok(id), "actions") => Route::Actions(id),
                (Ok(id), "report") => Route::Report(id),
                (Ok(id), "collect") => Route::Collect(id),
                (Ok(id), "questionnaire") => Route::Questionnaire(id),
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The hash that leads here.
    pub fn href(&self) -> String {
        match self {
            Route::Projects | Route::NotFound => "#/".to_owned(),
            Route::Settings => "#/settings".to_owned(),
            Route::Glossary(None) => "#/glossary".to_owned(),
            Route::Glossary(Some(term)) => format!("#/glossary/{term}"),
            Route::Dashboard(id) => format!("#/p/{id}/dashboard"),
            Route::Journey(id) => format!("#/p/{id}/journey"),
            Route::Items(id) => format!("#/p/{id}/items"),
            Route::Data(id) => format!("#/p/{id}/data"),
            Route::Analysis(id, None) => format!("#/p/{id}/analysis"),
            Route::Analysis(id, Some(section)) => format!("#/p/{id}/analysis/{section}"),
            Route::Actions(id) => format!("#/p/{id}/actions"),
            Route::Report(id) => format!("#/p/{id}/report"),
            Route::Collect(id) => format!("#/p/{id}/collect"),
            Route::Questionnaire(id) => format!("#/p/{id}/questionnaire"),
        }
    }

    /// The project the route is about.
    pub fn project(&self) -> Option<&ProjectId> {
        match self {
            Route::Dashboard(id)
            | Route::Journey(id)
            | Route::Items(id)
            | Route::Data(id)
            | Route::Analysis(id, _)
            | Route::Actions(id)
            | Route::Report(id)
            | Route::Collect(id)
            | Route::Questionnaire(id) => Some(id),
            _ => None,
        }
    }

    /// Whether two routes show the same page (an Analysis section is the same page).
    pub fn same_page(&self, other: &Route) -> bool {
        match (self, other) {
            (Route::Analysis(a, _), Route::Analysis(b, _)) => a == b,
            _ => self == other,
        }
    }
}
