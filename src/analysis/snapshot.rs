//! Audit rounds compared.
