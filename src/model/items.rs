//! Editing dimensions and items, and applying a template. (Being written; see issue 6.)
