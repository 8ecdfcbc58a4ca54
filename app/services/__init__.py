"""Use cases: one function per user action, each one database transaction."""
