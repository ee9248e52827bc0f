"""Builds the Windows installer on Linux: embedded CPython, pinned wheels, NSIS, osslsigncode.

``python3 dev.py installer`` runs :mod:`installer.winbuild.build`; ``installer/README.md`` says
what each step trusts and what it cannot verify.
"""
