//! Gaps, coverage and keyword evidence. Computes plain structs that derive
//! `Serialize`; never prints and never touches SQL.

pub mod bloom;
pub mod findings;
pub mod glossary;
pub mod plan;
pub mod proposals;
pub mod stem;
pub mod coverage;
pub mod gaps;
pub mod lexicon;
pub mod snapshot;
pub mod suggest;
