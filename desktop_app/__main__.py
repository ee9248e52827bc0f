"""Allows ``python -m desktop_app``."""

import sys

from desktop_app.cli import main

sys.exit(main())
