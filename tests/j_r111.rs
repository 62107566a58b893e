//! Tester r111 (issue 12): dates in Bengali, Devanagari, Tamil, Urdu,
//! Thai and Ge'ez script with their Gregorian months read whole; the
//! Bengali calendar's Indian reckoning; title languages without tables;
//! Iberian periodical names and their ISO 4 abbreviations.

mod common;
use common::*;

#[test]
fn builds() {
    let w = workdir();
    let _ = w;
}
