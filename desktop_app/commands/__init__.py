"""The headless sub-commands of ``yiye``, one module per area."""
