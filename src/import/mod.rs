//! Pure import: files in, validated responses out, with positioned errors.

mod decode;
pub mod mapping;
mod number;
mod responses_csv;

pub use decode::{decode, BinaryFormat, DecodeError, Decoded, TextEncoding};
pub use number::parse_number;
pub use responses_csv::{
    parse_responses, ImportError, ImportOptions, ImportProgress, ImportedFile, ItemPolicy, Problem,
    ResponsesParser,
};
pub use mapping::{SavedColumn, SavedMapping, Target};
