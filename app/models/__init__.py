"""SQLAlchemy typed models of everything the counter keeps."""
