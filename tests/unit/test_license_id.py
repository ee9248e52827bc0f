import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import base45
from desktop_app.domain.cbor_guard import CborShapeError, check_shape
from desktop_app.domain.license_id import (
    ALPHABET,
    is_valid_license_identifier,
    is_valid_mod37_36,
    license_identifier,
    mod37_36_check,
)


@pytest.mark.parametrize(
    ("text", "check"),
    # Cross-checked against python-stdnum's iso7064.mod_37_36.
    [("0794", "J"), ("A12425GF", "H"), ("ABC", "Z"), ("11640324MB1234567X", "P")],
)
def test_mod37_36_vectors(text: str, check: str) -> None:
    assert mod37_36_check(text) == check


@given(st.text(ALPHABET, min_size=1, max_size=40), st.integers(0, 39), st.sampled_from(ALPHABET))
def test_any_single_substitution_is_detected(body: str, index: int, char: str) -> None:
    full = body + mod37_36_check(body)
    index %= len(full)
    changed = full[:index] + char + full[index + 1 :]
    assert is_valid_mod37_36(changed) == (changed == full)


def test_identifier_shape() -> None:
    identifier = license_identifier("YZHYZHXKZ", "11640324MB0000001P", "640324-2025-01-000007", 2)
    assert identifier.startswith(
        "1.2.156.3005.2.YZHYZHXKZ.11640324MB0000001P.640324202501000007.002."
    )
    assert is_valid_license_identifier(identifier)
    assert not is_valid_license_identifier(identifier.replace(".002.", ".003."))


@pytest.mark.parametrize(
    ("data", "text"), [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"ietf!", "QED8WEX0")]
)
def test_base45_rfc_vectors(data: bytes, text: str) -> None:
    assert base45.encode(data) == text
    assert base45.decode(text) == data


@given(st.binary(max_size=200))
def test_base45_round_trip(data: bytes) -> None:
    assert base45.decode(base45.encode(data)) == data


@pytest.mark.parametrize("text", ["A", "GGW", ":::", "abc", "AB\n", "ÄBC"])
def test_base45_strict(text: str) -> None:
    with pytest.raises(base45.Base45Error):
        base45.decode(text)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x81",
        b"\x9f\x00\xff",
        b"\x5a\xff\xff\xff\xff",
        b"\x00\x00",
        b"\x9b" + b"\xff" * 8,
        b"\xc6" * 20 + b"\x00",
    ],
)
def test_cbor_guard_refuses(data: bytes) -> None:
    with pytest.raises(CborShapeError):
        check_shape(data)
