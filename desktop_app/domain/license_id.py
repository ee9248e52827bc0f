"""The electronic-licence identifier of GB/T 36904 and its ISO 7064 MOD 37,36 check character.

Form: ``1.2.156.3005.2.<type>.<issuer USCC>.<serial>.<3-digit version>.<check>``. The check
character is computed over the identifier's letters and digits (the dots carry no information).
"""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ROOT = "1.2.156.3005.2"
_MOD = 36


def mod37_36_check(text: str) -> str:
    """ISO/IEC 7064 hybrid system MOD 37,36 over ``text`` (digits and upper-case letters)."""
    product = _MOD
    for ch in text:
        total = (product + ALPHABET.index(ch)) % _MOD or _MOD
        product = (total * 2) % (_MOD + 1)
    return ALPHABET[(_MOD + 1 - product) % _MOD]


def is_valid_mod37_36(text: str) -> bool:
    """True when the last character is the check character of the rest."""
    return len(text) > 1 and mod37_36_check(text[:-1]) == text[-1]


def _significant(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def license_identifier(type_code: str, issuer_uscc: str, serial: str, version: int) -> str:
    """Builds the identifier; ``serial`` is the certificate number's letters and digits."""
    if not 0 <= version <= 999:
        raise ValueError("version must fit in three digits")
    body = f"{ROOT}.{type_code}.{issuer_uscc}.{_significant(serial)}.{version:03d}"
    return f"{body}.{mod37_36_check(_significant(body))}"


def is_valid_license_identifier(identifier: str) -> bool:
    body, _, check = identifier.rpartition(".")
    return (
        identifier.startswith(ROOT + ".")
        and len(check) == 1
        and mod37_36_check(_significant(body)) == check
    )
