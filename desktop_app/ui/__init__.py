"""The PySide6 front end: it presents service results and calls services, nothing more."""
