"""Printed documents as PDF bytes (reportlab), and the bridge to a Qt printer."""
