"""Masking of personal numbers for lists and printouts (showing one whole is audited)."""

from __future__ import annotations


def mask_id_number(number: str) -> str:
    """Hides the birth date, as 12306 and the banks do: 640324********1236."""
    if len(number) != 18:
        return "*" * len(number)
    return number[:6] + "*" * 8 + number[14:]


def mask_phone(number: str) -> str:
    """138****8000; a landline keeps its area code and last four digits."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
