"""Qt widgets and dialogs: the only layer that imports Qt."""
