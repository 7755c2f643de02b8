//! Reusable pieces.

pub mod conflict;
pub mod confirm;
pub mod nav;
pub mod notice;
pub mod csv_export;
pub mod linked;
pub mod explain;
pub mod score_tile;
pub mod guide;
