//! One module per page.

pub mod analysis;
pub mod data;
pub mod data_entry;
pub mod mapping;
pub mod projects;
pub mod responses;
pub mod settings;
pub mod setup;
