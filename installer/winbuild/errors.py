"""The one exception the build stops with: its message says what failed and what to do."""


class BuildError(Exception):
    """A step of the Windows build failed; the message is shown as is."""
