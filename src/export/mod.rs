//! Pure export: documents out of the core, byte-for-byte the same in the browser and natively.

pub mod backup;
pub mod csv;
pub mod merge;
pub mod questionnaire;

use crate::analysis::Results;

/// The Results JSON document, pretty-printed with a final newline.
///
/// # Remarks
/// Every number is finite by construction (figures that cannot be computed are `null`), so
/// serialization cannot fail; should it ever, the error text is returned as a JSON string
/// rather than panicking.
pub fn results_json(results: &Results) -> String {
    match serde_json::to_string_pretty(results) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}
