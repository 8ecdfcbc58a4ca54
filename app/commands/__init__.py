"""Subcommands of the returns-desk command line; each module registers its own."""
