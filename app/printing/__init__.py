"""Printed documents as PDF bytes (reportlab) with barcodes; knows nothing of Qt or the database."""
