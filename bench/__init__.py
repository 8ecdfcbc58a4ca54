"""Benchmarks against the raw limits (plain sqlite3, bare reportlab, a bare Qt window), reported as ratios."""
