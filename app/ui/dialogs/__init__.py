"""Dialogs over the counter: the supervisor's approval and the printout preview."""
