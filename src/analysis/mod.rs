//! Gaps, coverage and keyword evidence. Computes plain structs that derive
//! `Serialize`; never prints and never touches SQL.

pub mod bloom;
pub mod coverage;
pub mod gaps;
pub mod lexicon;
pub mod snapshot;
pub mod suggest;
