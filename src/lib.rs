//! canon: audit a curriculum against decolonising themes and keep a shared
//! reading list, in one local SQLite file.
//!
//! The binary is a thin shell over [`cmd::run`]; the importers, store,
//! analysis and report live here so benchmarks and tests can call them.

pub mod analysis;
pub mod calendar;
pub mod cli;
pub mod cmd;
pub(crate) mod edition;
pub mod import;
pub mod limits;
pub mod output;
pub mod report;
pub mod store;
pub mod web;
