"""一业一证 counter desktop: one industry, one combined application, one licence."""

__version__ = "0.1.0"
