//! Pure import: files in, validated responses out, with positioned errors.

mod number;
mod responses_csv;

pub use number::parse_number;
pub use responses_csv::{
    parse_responses, ImportError, ImportOptions, ImportedFile, ItemPolicy, Problem,
};
