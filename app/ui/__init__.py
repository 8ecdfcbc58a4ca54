"""Qt widgets and dialogs: the only layer that imports Qt."""

from app.ui.qt_compat import protect

protect()  # before any screen makes its first Qt call (see qt_compat: PySide6 6.12 on Python 3.11)
