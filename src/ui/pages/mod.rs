//! One module per page.

pub mod analysis;
pub mod data;
pub mod projects;
