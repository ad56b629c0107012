//! Output formats, one module each. Formats read the pipeline's types and never reach back into
//! how they were made.

pub mod segments;
