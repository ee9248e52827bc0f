"""The Windows build: installer script, pinned inputs and the tools that make the installer."""
