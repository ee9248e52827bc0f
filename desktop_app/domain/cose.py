"""COSE_Sign1 (RFC 9052) with ES256 or Ed25519: the signature inside the certificate's QR code.

The design follows the EU Digital COVID Certificate, which verified billions of codes offline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

ALG_ES256 = -7
ALG_EDDSA = -8
ALLOWED_ALGS = frozenset({ALG_ES256, ALG_EDDSA})
HEADER_ALG = 1
HEADER_KID = 4
COSE_SIGN1_TAG = 18
KID_LENGTH = 8

PrivateKey = ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
PublicKey = ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey


class CoseError(ValueError):
    """Bytes that are not a COSE_Sign1 structure of the accepted shape."""


def kid_for(public_key: PublicKey) -> bytes:
    """The key identifier: the first 8 bytes of SHA-256 over the public key (SPKI DER)."""
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()[:KID_LENGTH]


def _alg_for(key: PrivateKey | PublicKey) -> int:
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return ALG_EDDSA
    if key.curve.name != "secp256r1":
        raise ValueError("only P-256 keys are used with ES256")
    return ALG_ES256


def _to_be_signed(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def sign1(payload: bytes, private_key: PrivateKey) -> bytes:
    """A tagged COSE_Sign1 carrying alg and kid in the protected header."""
    public = private_key.public_key()
    protected = cbor2.dumps({HEADER_ALG: _alg_for(private_key), HEADER_KID: kid_for(public)})
    data = _to_be_signed(protected, payload)
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        signature = private_key.sign(data)
    else:
        r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")  # COSE wants raw r||s
    return cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))


@dataclass(frozen=True)
class Sign1:
    protected_bytes: bytes
    alg: int
    kid: bytes
    payload: bytes
    signature: bytes


def parse_sign1(obj: Any) -> Sign1:
    """Checks the decoded structure's shape and header; raises CoseError naming what is off."""
    # The tag is required: an untagged array would be a second valid spelling of one certificate.
    if not isinstance(obj, cbor2.CBORTag) or obj.tag != COSE_SIGN1_TAG:
        raise CoseError("不是带标签的 COSE_Sign1 结构")
    obj = obj.value
    # cbor2 decodes the contents of a tag as immutable tuple and frozendict.
    if not isinstance(obj, list | tuple) or len(obj) != 4:
        raise CoseError("COSE_Sign1 结构应为4个元素")
    protected_bytes, unprotected, payload, signature = obj
    if not all(isinstance(x, bytes) for x in (protected_bytes, payload, signature)):
        raise CoseError("COSE_Sign1 元素类型错误")
    if not isinstance(unprotected, Mapping):
        raise CoseError("COSE 非保护头应为映射")
    if unprotected:
        # Nothing that matters may sit outside the signature.
        raise CoseError("COSE 非保护头必须为空")
    try:
        protected = cbor2.loads(protected_bytes)
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError) as exc:
        raise CoseError(f"COSE 保护头无法解析：{exc}") from None
    if not isinstance(protected, Mapping) or set(protected) != {HEADER_ALG, HEADER_KID}:
        raise CoseError("COSE 保护头应只含 alg 和 kid")
    alg, kid = protected[HEADER_ALG], protected[HEADER_KID]
    if not isinstance(alg, int) or isinstance(alg, bool) or alg not in ALLOWED_ALGS:
        raise CoseError(f"不接受的签名算法 {alg!r}")
    if not isinstance(kid, bytes) or len(kid) != KID_LENGTH:
        raise CoseError("密钥标识（kid）格式错误")
    return Sign1(protected_bytes, alg, kid, payload, signature)


def verify_signature(sign1: Sign1, public_key: PublicKey) -> bool:
    """True when ``public_key`` (of the header's algorithm) signed this structure."""
    if _alg_for(public_key) != sign1.alg:
        return False
    data = _to_be_signed(sign1.protected_bytes, sign1.payload)
    try:
        if isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(sign1.signature, data)
        else:
            if len(sign1.signature) != 64:
                return False
            r = int.from_bytes(sign1.signature[:32], "big")
            s = int.from_bytes(sign1.signature[32:], "big")
            public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True
