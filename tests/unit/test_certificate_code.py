import datetime as dt
import tracemalloc
import zlib

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.domain import base45, keys
from desktop_app.domain import certificate_code as cc
from desktop_app.domain.cose import HEADER_ALG, HEADER_KID, PrivateKey, PublicKey, kid_for, sign1
from tests import qr_mutations
from tests.qr_mutations import generated_claims, surviving_changes

NOW = dt.datetime(2026, 1, 1, 12, 0)
PERMITS = (
    cc.PermitClaim(
        "food_business", "JY16403240000001", "market", dt.date(2025, 10, 1), dt.date(2030, 9, 30)
    ),
    cc.PermitClaim(
        "halal", "QZ2025-0001", "united_front", dt.date(2025, 10, 1), dt.date(2028, 9, 30)
    ),
    cc.PermitClaim(
        "device2_filing", "宁吴食药监械经营备20250001号", "market", dt.date(2025, 10, 1), None
    ),
)
CLAIMS = cc.CertificateClaims(
    issuer="11640324MB0000001P",
    issued_at=dt.datetime(2025, 10, 8, 9, 30),
    expires=dt.date(2028, 9, 30),
    number="640324-2025-01-000001",
    revision=1,
    industry="supermarket",
    holder_uscc="91640324MA76ABCDEU",
    holder_name="同心县𠀀·超市有限公司",
    permits=PERMITS,
)


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate("ES256")


@pytest.fixture(scope="module")
def trusted(key: PrivateKey) -> dict[bytes, list[PublicKey]]:
    return {kid_for(key.public_key()): [key.public_key()]}


@pytest.fixture(scope="module")
def text(key: PrivateKey) -> str:
    return cc.encode(CLAIMS, key)


def test_round_trip_is_valid_and_exact(text: str, trusted: dict[bytes, list[PublicKey]]) -> None:
    verdict = cc.verify(text, trusted, NOW)
    assert (verdict.valid, verdict.reason) == (True, "有效")
    assert verdict.claims == CLAIMS


def test_text_is_qr_alphanumeric(text: str) -> None:
    assert set(text) <= set(base45.ALPHABET)
    assert text.startswith("YZ1:")


def test_ed25519_is_accepted_too() -> None:
    key = keys.generate("Ed25519")
    verdict = cc.verify(
        cc.encode(CLAIMS, key), {kid_for(key.public_key()): [key.public_key()]}, NOW
    )
    assert verdict.valid


def test_no_personal_or_religious_data_in_the_claims() -> None:
    payload = cbor2.loads(cc.claims_to_cbor(CLAIMS))
    flat = repr(payload)
    assert "legal_rep" not in flat
    assert "138" not in flat
    assert set(payload) == {cc.CLAIM_ISS, cc.CLAIM_IAT, cc.CLAIM_EXP, cc.CLAIM_CERT}


def _cose(text: str) -> bytes:
    return zlib.decompress(base45.decode(text[len(cc.PREFIX) :]))


def _wrap(cose: bytes) -> str:
    return cc.PREFIX + base45.encode(zlib.compress(cose, 9))


def test_every_single_bit_flip_of_the_cose_bytes_is_invalid(
    text: str, trusted: dict[bytes, list[PublicKey]]
) -> None:
    cose = _cose(text)
    for index in range(len(cose)):
        for bit in range(8):
            flipped = bytearray(cose)
            flipped[index] ^= 1 << bit
            verdict = cc.verify(_wrap(bytes(flipped)), trusted, NOW)
            assert not verdict.valid, (index, bit)


def test_every_one_character_change_of_the_text_is_invalid(
    text: str, trusted: dict[bytes, list[PublicKey]]
) -> None:
    for index in range(len(text)):
        for replacement in base45.ALPHABET:
            if replacement == text[index]:
                continue
            changed = text[:index] + replacement + text[index + 1 :]
            assert not cc.verify(changed, trusted, NOW).valid, (index, replacement)


def _signed_with_header(key: PrivateKey, header: dict[int, object], payload: bytes) -> str:
    protected = cbor2.dumps(header)
    return _wrap(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, b"\x00" * 64])))


@pytest.mark.parametrize(
    ("alg", "reason"), [(None, "不接受"), (0, "不接受"), (5, "不接受"), (-7.0, "不接受")]
)
def test_algorithm_not_on_the_allow_list_is_refused(
    key: PrivateKey, trusted: dict[bytes, list[PublicKey]], alg: object, reason: str
) -> None:
    # alg "none" has no COSE number; 5 is HMAC 256/256 (HS256); anything off the list is refused.
    kid = kid_for(key.public_key())
    text = _signed_with_header(key, {HEADER_ALG: alg, HEADER_KID: kid}, cc.claims_to_cbor(CLAIMS))
    verdict = cc.verify(text, trusted, NOW)
    assert not verdict.valid
    assert reason in verdict.reason


def test_unknown_kid_is_refused(text: str) -> None:
    other = keys.generate()
    verdict = cc.verify(text, {kid_for(other.public_key()): [other.public_key()]}, NOW)
    assert verdict.reason == "签发密钥不受信任（未知的 kid）"


def test_right_kid_wrong_key_is_a_forgery(
    key: PrivateKey, trusted: dict[bytes, list[PublicKey]]
) -> None:
    forger = keys.generate()
    forged = cbor2.loads(sign1(cc.claims_to_cbor(CLAIMS), forger))
    protected = cbor2.dumps({HEADER_ALG: -7, HEADER_KID: kid_for(key.public_key())})
    text = _wrap(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, forged.value[2], forged.value[3]])))
    assert "签名无效" in cc.verify(text, trusted, NOW).reason


def test_expired_certificate(text: str, trusted: dict[bytes, list[PublicKey]]) -> None:
    verdict = cc.verify(text, trusted, dt.datetime(2028, 10, 1))
    assert not verdict.valid
    assert "已过有效期" in verdict.reason
    assert verdict.claims == CLAIMS  # shown to the clerk, but not valid


def test_superseded_and_cancelled(text: str, trusted: dict[bytes, list[PublicKey]]) -> None:
    superseded = cc.RevocationList(min_revision={CLAIMS.number: 2})
    assert "已被第 2 版取代" in cc.verify(text, trusted, NOW, superseded).reason
    cancelled = cc.RevocationList(cancelled=frozenset({CLAIMS.number}))
    assert cc.verify(text, trusted, NOW, cancelled).reason == "证书已注销"
    assert cc.verify(text, trusted, NOW, cc.RevocationList(min_revision={CLAIMS.number: 1})).valid


def test_unknown_issuer(text: str, trusted: dict[bytes, list[PublicKey]]) -> None:
    assert "签发机关" in cc.verify(text, trusted, NOW, issuers=frozenset({"X"})).reason


def _measure(check: object) -> int:
    tracemalloc.start()
    try:
        check()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_zlib_bomb_is_refused_with_bounded_memory(
    trusted: dict[bytes, list[PublicKey]],
) -> None:
    bomb = zlib.compress(b"\x00" * 2_500_000, 9)  # 1000:1, as large as fits in the text cap
    text = cc.PREFIX + base45.encode(bomb)
    assert len(text) < cc.MAX_TEXT
    peak = _measure(lambda: cc.verify(text, trusted, NOW))
    verdict = cc.verify(text, trusted, NOW)
    assert "过大" in verdict.reason
    assert peak < 1_000_000


def test_deeply_nested_cbor_is_refused(trusted: dict[bytes, list[PublicKey]]) -> None:
    ten_thousand = cc.verify(_wrap(b"\x81" * 10_000 + b"\x00"), trusted, NOW)
    assert not ten_thousand.valid  # already over the inflate cap
    eight_thousand = cc.verify(_wrap(b"\x81" * 8_000 + b"\x00"), trusted, NOW)
    assert "嵌套过深" in eight_thousand.reason


def test_ten_kilobytes_of_text_is_refused(trusted: dict[bytes, list[PublicKey]]) -> None:
    assert cc.verify(cc.PREFIX + "A" * 10_000, trusted, NOW).reason == "二维码内容过长"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "YZ2:ABC",
        "yz1:ABC",
        "YZ1:",
        "YZ1:A",
        "YZ1:abc",
        "YZ1:GGW",
        "YZ1:" + base45.encode(b"not zlib"),
        "\x00",
        "YZ1:🙂",
    ],
)
def test_garbage_is_refused_never_raised(text: str, trusted: dict[bytes, list[PublicKey]]) -> None:
    verdict = cc.verify(text, trusted, NOW)
    assert not verdict.valid
    assert verdict.reason


def test_wrong_claim_types_are_refused(
    key: PrivateKey, trusted: dict[bytes, list[PublicKey]]
) -> None:
    body = cbor2.loads(cc.claims_to_cbor(CLAIMS))
    body[cc.CLAIM_CERT][7][0][3] = "2025-13-01"
    text = cc.PREFIX + base45.encode(zlib.compress(sign1(cbor2.dumps(body), key), 9))
    assert "不是有效日期" in cc.verify(text, trusted, NOW).reason


def test_ignored_zlib_bits_make_the_text_invalid(
    text: str, trusted: dict[bytes, list[PublicKey]]
) -> None:
    # zlib ignores the header's level hint and the padding after the last block; a certificate's
    # text must still have exactly one valid spelling.
    compressed = base45.decode(text[len(cc.PREFIX) :])
    raw = zlib.decompress(compressed)
    other_level = zlib.compress(raw, 6)
    assert zlib.decompress(other_level) == raw
    assert (
        cc.verify(cc.PREFIX + base45.encode(other_level), trusted, NOW).reason
        == "二维码内容已被改动（压缩编码不规范）"
    )
    index = len(compressed) - 5
    padded = None
    for bit in range(8):
        trial = bytearray(compressed)
        trial[index] |= 1 << bit
        try:
            same = zlib.decompress(bytes(trial)) == raw
        except zlib.error:
            continue  # a data bit, not padding
        if trial != compressed and same:
            padded = bytes(trial)
            break
    if padded is not None:  # this signature's stream happens to end on a byte boundary otherwise
        assert not cc.verify(cc.PREFIX + base45.encode(padded), trusted, NOW).valid


def test_no_generated_certificate_has_a_second_valid_spelling() -> None:
    # Ed25519 signs deterministically, so these texts are the same every run. Without the
    # re-compression check, one character of certificates 6, 8 and 10 could be changed (at
    # positions 100 and 133: redundancy in deflate's Huffman header) and still verify.
    # bench/bench_qr_mutations.py sweeps 200 certificates; CI runs it.
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    claims = list(generated_claims(11))
    for index in (6, 8, 10):
        text = cc.encode(claims[index], key)
        assert cc.verify(text, trusted, qr_mutations.NOW).valid
        assert surviving_changes(text, trusted) == [], index


def test_an_untagged_cose_structure_is_refused(
    text: str, trusted: dict[bytes, list[PublicKey]]
) -> None:
    tagged = cbor2.loads(_cose(text))
    untagged = cbor2.dumps(list(tagged.value))
    assert cc.verify(_wrap(untagged), trusted, NOW).reason == (
        "签名结构无效：不是带标签的 COSE_Sign1 结构"
    )


def test_a_longer_cbor_spelling_of_the_same_structure_is_refused(
    text: str, trusted: dict[bytes, list[PublicKey]]
) -> None:
    raw = _cose(text)
    # The tag 18 written with a one-byte argument (0xd8 0x12) instead of inline (0xd2).
    assert raw[0] == 0xD2
    longer = b"\xd8\x12" + raw[1:]
    assert cbor2.loads(longer) == cbor2.loads(raw)
    assert cc.verify(_wrap(longer), trusted, NOW).reason == "签名结构无效（CBOR 编码不规范）"


def test_a_demo_certificate_is_named_so_and_never_valid(text: str, key: PrivateKey) -> None:
    demo = {kid_for(key.public_key()): [key.public_key()]}
    verdict = cc.verify(text, {}, NOW, demo=demo)
    assert (verdict.valid, verdict.reason) == (False, "演示证书：由演示数据签发，不具法律效力")
    assert cc.verify(text, {}, NOW).reason == "签发密钥不受信任（未知的 kid）"
