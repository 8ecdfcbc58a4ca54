"""Screen pieces the pages are built from: tables and their models, quote panel, scan field, status line."""
