"""The case record: the SQLite store, its schema and migrations."""
