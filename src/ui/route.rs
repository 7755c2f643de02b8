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
    /// A project's Data page.
    Data(ProjectId),
    /// A project's Analysis page.
    Analysis(ProjectId),
    /// A project's Setup page: journey, standards, promises, survey type.
    Setup(ProjectId),
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
            ["p", id, page] => match (ProjectId::new(id), *page) {
                (Ok(id), "data") => Route::Data(id),
                (Ok(id), "analysis") => Route::Analysis(id),
                (Ok(id), "setup") => Route::Setup(id),
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
            Route::Data(id) => format!("#/p/{id}/data"),
            Route::Analysis(id) => format!("#/p/{id}/analysis"),
            Route::Setup(id) => format!("#/p/{id}/setup"),
        }
    }

    /// The project the route is about.
    pub fn project(&self) -> Option<&ProjectId> {
        match self {
            Route::Data(id) | Route::Analysis(id) | Route::Setup(id) => Some(id),
            _ => None,
        }
    }
}
