"""The issuing key and the public keys verifiers trust, as PEM files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from desktop_app.domain.cose import PrivateKey, PublicKey, kid_for


class SigningKeyError(ValueError):
    """A key file that is missing, unreadable or of an unsupported kind."""


def generate(algorithm: str = "ES256") -> PrivateKey:
    if algorithm == "ES256":
        return ec.generate_private_key(ec.SECP256R1())
    if algorithm == "Ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    raise SigningKeyError(f"不支持的算法 {algorithm}（可用 ES256、Ed25519）")


def private_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_pem(key: PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def write_private_key(key: PrivateKey, path: Path) -> None:
    """Writes the key readable by its owner only (created with 0600, never widened)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(private_pem(key))


def load_private_key(path: Path) -> PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise SigningKeyError(f"无法读取签发密钥 {path}：{exc}") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey):
        raise SigningKeyError(f"签发密钥 {path} 的类型不受支持")
    return key


def load_public_key(data: bytes) -> PublicKey:
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey):
        raise SigningKeyError("公钥类型不受支持")
    return key


DEMO_PREFIX = "demo-"  # a demo key's file name: never trusted, named as demo by verify


def trusted_keys(folders: Iterable[Path], demo: bool = False) -> dict[bytes, list[PublicKey]]:
    """Every ``*.pem`` public key in ``folders``, by kid (several keys may share a kid prefix).

    A ``demo-*.pem`` file is a key ``yiye demo`` signed with: left out, unless ``demo`` asks for
    exactly those (so that verify can say 演示证书 instead of 不受信任).
    """
    trusted: dict[bytes, list[PublicKey]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.pem")):
            if path.name.startswith(DEMO_PREFIX) != demo:
                continue
            try:
                key = load_public_key(path.read_bytes())
            except (OSError, ValueError):
                continue  # a stray file must not stop verification with the others
            trusted.setdefault(kid_for(key), []).append(key)
    return trusted
