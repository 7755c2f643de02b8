//! Reusable pieces.

pub mod confirm;
pub mod nav;
pub mod notice;
