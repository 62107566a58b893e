//! Full-text search and relevance ranking (SQLite FTS5).
