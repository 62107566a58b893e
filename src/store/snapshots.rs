//! Audit rounds: frozen coverage and gaps.
