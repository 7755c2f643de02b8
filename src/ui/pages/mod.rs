//! One module per page.

pub mod actions;
pub mod analysis;
pub mod collect;
pub mod dashboard;
pub mod data;
pub mod data_entry;
pub mod editor;
pub mod glossary;
pub mod items;
pub mod journey;
pub mod mapping;
pub mod projects;
pub mod questionnaire;
pub mod report;
pub mod responses;
pub mod settings;
