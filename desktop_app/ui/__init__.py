"""The PySide6 front end: it presents service results and calls services, nothing more."""

from desktop_app.ui.import_speed import skip_source_scan

skip_source_scan()
