"""The certificate's QR text: ``YZ1:`` + Base45(zlib(COSE_Sign1(CBOR claims))).

Verification is hardened in a fixed order, each step bounded, so that no input (forged, truncated,
a zlib bomb, CBOR nested 10,000 deep, 10 kB of noise) can raise out of ``verify`` or exhaust memory:
exact prefix → length cap → strict Base45 → zlib with an output cap → CBOR shape scan → COSE_Sign1
shape → alg allow-list → every trusted key with that kid → the claims' types, dates and issuer →
revocation and supersede list. The claims never carry an ID number, a phone number, or religion or
ethnicity data: only the enterprise, its permits and the certificate's own numbers.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import cbor2

from desktop_app.domain import base45
from desktop_app.domain.cbor_guard import CborShapeError, check_shape
from desktop_app.domain.cose import (
    CoseError,
    PrivateKey,
    PublicKey,
    parse_sign1,
    sign1,
    verify_signature,
)

PREFIX = "YZ1:"
SCHEMA_VERSION = 1
MAX_TEXT = 4000
MAX_INFLATED = 8192
# CWT claim keys (RFC 8392) and our private claim for the certificate itself.
CLAIM_ISS, CLAIM_EXP, CLAIM_IAT, CLAIM_CERT = 1, 4, 6, -261
_CERT_KEYS = {
    "schema": 1,
    "number": 2,
    "revision": 3,
    "industry": 4,
    "holder_uscc": 5,
    "holder_name": 6,
    "permits": 7,
    "print": 8,  # 印制号, present from the second print on (补证); absent means 1
}


@dataclass(frozen=True)
class PermitClaim:
    code: str
    number: str
    department: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class CertificateClaims:
    """Everything the QR code asserts, signed."""

    issuer: str
    issued_at: dt.datetime
    expires: dt.date | None
    number: str
    revision: int
    industry: str
    holder_uscc: str
    holder_name: str
    permits: tuple[PermitClaim, ...]
    schema: int = SCHEMA_VERSION
    print_no: int = 1


@dataclass(frozen=True)
class RevocationList:
    """Certificate number → lowest revision still valid; cancelled numbers are never valid.

    ``min_print``: number → the 印制号 of the sheet in use, after a 补证 replaced lost ones.
    """

    min_revision: Mapping[str, int] = field(default_factory=dict)
    cancelled: frozenset[str] = frozenset()
    min_print: Mapping[str, int] = field(default_factory=dict)


class RevocationFormatError(ValueError):
    """A revocation list of the wrong shape: refused whole, never read in part (that fails open)."""


MAX_NUMBER = 40


def parse_revocations(data: Any) -> RevocationList:
    """The list as ``yiye certificates revocations`` writes it, checked strictly.

    ``{"min_revision": {number: revision ≥ 1}, "cancelled": [number, …],
    "min_print": {number: 印制号 ≥ 1}}``; nothing else.
    """
    if not isinstance(data, dict):
        raise RevocationFormatError("应为 JSON 对象")
    unknown = set(data) - {"min_revision", "cancelled", "min_print"}
    if unknown:
        raise RevocationFormatError(f"未知的键“{sorted(unknown)[0]}”")
    minimum = _numbered(data, "min_revision", "版本")
    prints = _numbered(data, "min_print", "印制号")
    cancelled = data.get("cancelled", [])
    if not isinstance(cancelled, list):
        raise RevocationFormatError("cancelled 应为证书编号的列表")
    for number in cancelled:
        if not isinstance(number, str) or not 0 < len(number) <= MAX_NUMBER:
            raise RevocationFormatError("cancelled 中的证书编号应为字符串")
    return RevocationList(min_revision=minimum, cancelled=frozenset(cancelled), min_print=prints)


def _numbered(data: dict[str, Any], key: str, what: str) -> dict[str, int]:
    """``{number: n ≥ 1}`` under ``key``, checked."""
    mapping = data.get(key, {})
    if not isinstance(mapping, dict):
        raise RevocationFormatError(f"{key} 应为“证书编号: 最低有效{what}”的对象")
    for number, value in mapping.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 10**6:
            raise RevocationFormatError(f"{key} 中 {number[:MAX_NUMBER]} 的{what}应为正整数")
        if len(number) > MAX_NUMBER:
            raise RevocationFormatError(f"{key} 中的证书编号过长")
    return dict(mapping)


@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason: str
    claims: CertificateClaims | None = None


def _end_of_day(day: dt.date) -> int:
    moment = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=dt.UTC)
    return int(moment.timestamp())


def claims_to_cbor(claims: CertificateClaims) -> bytes:
    cert = {
        _CERT_KEYS["schema"]: claims.schema,
        _CERT_KEYS["number"]: claims.number,
        _CERT_KEYS["revision"]: claims.revision,
        _CERT_KEYS["industry"]: claims.industry,
        _CERT_KEYS["holder_uscc"]: claims.holder_uscc,
        _CERT_KEYS["holder_name"]: claims.holder_name,
        _CERT_KEYS["permits"]: [
            [
                p.code,
                p.number,
                p.department,
                p.valid_from.isoformat(),
                p.valid_to.isoformat() if p.valid_to else None,
            ]
            for p in claims.permits
        ],
    }
    if claims.print_no != 1:
        cert[_CERT_KEYS["print"]] = claims.print_no
    body: dict[int, Any] = {
        CLAIM_ISS: claims.issuer,
        CLAIM_IAT: int(claims.issued_at.replace(tzinfo=dt.UTC).timestamp()),
        CLAIM_CERT: cert,
    }
    if claims.expires is not None:
        body[CLAIM_EXP] = _end_of_day(claims.expires)
    return cbor2.dumps(body)


def encode(claims: CertificateClaims, private_key: PrivateKey) -> str:
    """The text the QR code carries (upper-case alphanumerics: QR alphanumeric mode)."""
    signed = sign1(claims_to_cbor(claims), private_key)
    return PREFIX + base45.encode(zlib.compress(signed, 9))


class _ClaimsError(ValueError):
    pass


def _text(value: Any, what: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise _ClaimsError(f"{what}格式错误")
    return value


def _date(value: Any, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(_text(value, what, 10))
    except ValueError:
        raise _ClaimsError(f"{what}不是有效日期") from None


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _ClaimsError(f"{what}格式错误")
    return value


def claims_from_cbor(body: Any) -> CertificateClaims:
    """Reads the claims with their types checked; raises _ClaimsError on anything unexpected."""
    if not isinstance(body, Mapping) or CLAIM_CERT not in body:
        raise _ClaimsError("缺少证照内容")
    cert = body[CLAIM_CERT]
    if not isinstance(cert, Mapping):
        raise _ClaimsError("证照内容格式错误")
    permits_raw = cert.get(_CERT_KEYS["permits"])
    if not isinstance(permits_raw, list | tuple) or not permits_raw:
        raise _ClaimsError("缺少许可证信息")
    permits = []
    for entry in permits_raw:
        if not isinstance(entry, list | tuple) or len(entry) != 5:
            raise _ClaimsError("许可证信息格式错误")
        code, number, department, start, end = entry
        permits.append(
            PermitClaim(
                _text(code, "许可证代码", 40),
                _text(number, "许可证编号", 60),
                _text(department, "部门代码", 40),
                _date(start, "有效期起始日"),
                None if end is None else _date(end, "有效期截止日"),
            )
        )
    expires = body.get(CLAIM_EXP)
    return CertificateClaims(
        issuer=_text(body.get(CLAIM_ISS), "签发机关", 18),
        issued_at=dt.datetime.fromtimestamp(_int(body.get(CLAIM_IAT), "签发时间"), dt.UTC).replace(
            tzinfo=None
        ),
        expires=None
        if expires is None
        else dt.datetime.fromtimestamp(_int(expires, "有效期"), dt.UTC).date(),
        number=_text(cert.get(_CERT_KEYS["number"]), "证书编号", 40),
        revision=_int(cert.get(_CERT_KEYS["revision"]), "版本号"),
        industry=_text(cert.get(_CERT_KEYS["industry"]), "行业", 40),
        holder_uscc=_text(cert.get(_CERT_KEYS["holder_uscc"]), "持证主体代码", 18),
        holder_name=_text(cert.get(_CERT_KEYS["holder_name"]), "持证主体名称"),
        permits=tuple(permits),
        schema=_int(cert.get(_CERT_KEYS["schema"]), "版本"),
        print_no=_print_no(cert.get(_CERT_KEYS["print"])),
    )


def _print_no(value: Any) -> int:
    # Absent for a first print; present only from 2 on: one valid spelling per certificate.
    if value is None:
        return 1
    if _int(value, "印制号") < 2:
        raise _ClaimsError("印制号格式错误")
    return int(value)


def _canonical_zlib(compressed: bytes, raw: bytes) -> bool:
    """True when ``compressed`` is exactly what ``encode`` writes for ``raw``.

    Inflating ignores some bits (the header's level hint, padding, alternative encodings of the
    same data), so a changed QR text could inflate to the same signed bytes. The stream must be
    zlib's own level-9 compression of what it inflates to: one valid spelling per certificate.
    (zlib's deflate output has been the same for the same input since 1.2; a verifier built on
    zlib-ng would need the same compressor to agree.)
    """
    return zlib.compress(raw, 9) == compressed


def verify(
    text: str,
    trusted: Mapping[bytes, Sequence[PublicKey]],
    now: dt.datetime,
    revocations: RevocationList | None = None,
    issuers: frozenset[str] | None = None,
    demo: Mapping[bytes, Sequence[PublicKey]] | None = None,
) -> Verdict:
    """Checks a scanned QR text; never raises. ``now`` is naive UTC.

    ``demo``: keys of ``yiye demo``, never trusted; a certificate they signed is said to be one.
    """
    try:
        return _verify(text, trusted, now, revocations or RevocationList(), issuers, demo or {})
    except Exception as exc:  # the contract: no input raises out of verify
        return Verdict(False, f"无法校验：{type(exc).__name__}")


def _verify(
    text: str,
    trusted: Mapping[bytes, Sequence[PublicKey]],
    now: dt.datetime,
    revocations: RevocationList,
    issuers: frozenset[str] | None,
    demo: Mapping[bytes, Sequence[PublicKey]],
) -> Verdict:
    if not isinstance(text, str) or not text.startswith(PREFIX):
        return Verdict(False, "不是行业综合许可证二维码（前缀不符）")
    if len(text) > MAX_TEXT:
        return Verdict(False, "二维码内容过长")
    try:
        compressed = base45.decode(text[len(PREFIX) :])
    except base45.Base45Error as exc:
        return Verdict(False, f"二维码内容已损坏（Base45：{exc}）")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, MAX_INFLATED)
    except zlib.error:
        return Verdict(False, "二维码内容已损坏（压缩数据无效）")
    if inflater.unconsumed_tail or not inflater.eof:
        return Verdict(False, "二维码内容已损坏（压缩数据过大或不完整）")
    if inflater.unused_data:
        return Verdict(False, "二维码内容已损坏（压缩数据后有多余内容）")
    if not _canonical_zlib(compressed, raw):
        return Verdict(False, "二维码内容已被改动（压缩编码不规范）")
    try:
        check_shape(raw)
        decoded = cbor2.loads(raw)
        if cbor2.dumps(decoded) != raw:  # a longer length field, an indefinite array …
            return Verdict(False, "签名结构无效（CBOR 编码不规范）")
        structure = parse_sign1(decoded)
    except (CborShapeError, CoseError) as exc:
        return Verdict(False, f"签名结构无效：{exc}")
    except (cbor2.CBORDecodeError, ValueError, TypeError):
        return Verdict(False, "签名结构无效（CBOR）")
    candidates = trusted.get(structure.kid, ())
    if not candidates:
        if any(verify_signature(structure, key) for key in demo.get(structure.kid, ())):
            return Verdict(False, "演示证书：由演示数据签发，不具法律效力")
        return Verdict(False, "签发密钥不受信任（未知的 kid）")
    if not any(verify_signature(structure, key) for key in candidates):
        return Verdict(False, "签名无效：证书可能被伪造或篡改")
    try:
        check_shape(structure.payload)
        claims = claims_from_cbor(cbor2.loads(structure.payload))
    except (CborShapeError, cbor2.CBORDecodeError, ValueError, TypeError) as exc:
        return Verdict(False, f"证照内容无法读取：{exc}")
    if claims.schema != SCHEMA_VERSION:
        return Verdict(False, f"不支持的证照内容版本 {claims.schema}", claims)
    if issuers is not None and claims.issuer not in issuers:
        return Verdict(False, "签发机关不受信任", claims)
    if claims.issued_at > now + dt.timedelta(days=1):
        return Verdict(False, "签发时间晚于当前时间", claims)
    if claims.expires is not None and claims.expires < now.date():
        return Verdict(False, f"证书已过有效期（{claims.expires.isoformat()}）", claims)
    if claims.number in revocations.cancelled:
        return Verdict(False, "证书已注销", claims)
    minimum = revocations.min_revision.get(claims.number, 0)
    if claims.revision < minimum:
        return Verdict(False, f"证书已被第 {minimum} 版取代", claims)
    in_use = revocations.min_print.get(claims.number, 0)
    if claims.print_no < in_use and claims.revision == minimum:
        return Verdict(False, f"该印制件已作废：证书已补发（印制号 {in_use}）", claims)
    return Verdict(True, "有效", claims)
