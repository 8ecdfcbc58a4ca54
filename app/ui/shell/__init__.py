"""The window around the pages: start-up, menus, scan routing, completing a return, the exception hook."""
