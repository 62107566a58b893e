//! Gaps, coverage and keyword evidence. Computes plain structs that derive
//! `Serialize`; never prints and never touches SQL.

pub mod bloom;
pub mod coverage;
pub mod findings;
pub mod gaps;
pub mod glossary;
pub mod lexicon;
pub mod plan;
pub mod proposals;
pub mod snapshot;
pub mod stem;
pub mod suggest;
