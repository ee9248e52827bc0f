"""Authenticode with osslsigncode: verify the runtime before use, sign what we ship when configured.

Verification is offline: the chains end at the Microsoft roots kept in ``installer/trust``, and
each file must be signed by a publisher we expect, not merely by someone Microsoft vouches for.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from installer.winbuild.errors import BuildError

TRUST_FILE = Path(__file__).resolve().parent.parent / "trust" / "code-signing-roots.pem"
PE_SUFFIXES = (".exe", ".dll", ".pyd")
# Who may have signed a runtime file: the PSF signs CPython; Microsoft its C runtime DLLs.
RUNTIME_PUBLISHERS = {
    "Python Software Foundation": None,
    "Microsoft Corporation": re.compile(r"vcruntime140(_1)?\.dll", re.IGNORECASE),
}

PFX_ENV = "YIYE_SIGN_PFX"
PFX_PASSWORD_ENV = "YIYE_SIGN_PFX_PASSWORD"
PKCS11_MODULE_ENV = "YIYE_SIGN_PKCS11_MODULE"
PKCS11_ENGINE_ENV = "YIYE_SIGN_PKCS11_ENGINE"
PKCS11_KEY_ENV = "YIYE_SIGN_PKCS11_KEY"
CERT_ENV = "YIYE_SIGN_CERT"
TIMESTAMP_ENV = "YIYE_SIGN_TIMESTAMP_URL"
SIGN_NAME = "同心县一业一证窗口综合受理系统"


def osslsigncode() -> str:
    path = shutil.which("osslsigncode")
    if path is None:
        raise BuildError("找不到 osslsigncode：请安装 Debian 软件包 osslsigncode")
    return path


@functools.cache
def _ignore_crl_flag(tool: str) -> tuple[str, ...]:
    # osslsigncode 2.6+ fetches CRLs online unless told not to; 2.5 (Debian 12) never does.
    usage = subprocess.run([tool, "--help"], capture_output=True, text=True)
    return ("-ignore-crl",) if "-ignore-crl" in usage.stdout + usage.stderr else ()


@dataclass(frozen=True)
class Verdict:
    path: Path
    ok: bool
    publisher: str
    detail: str


def signer_organisation(report: str) -> str:
    """The O= of the primary signer's certificate in an ``osslsigncode verify`` report."""
    # osslsigncode 2.9 puts a line of dashes before "Signer #0:"; 2.5 (Debian 12) does not.
    match = re.search(r"Signer's certificate:\s*(?:-+\s*)?Signer #0:\s*Subject: (\S[^\n]*)", report)
    if match is None:
        return ""
    organisation = re.search(r"/O=([^/]+)", match.group(1))
    return organisation.group(1).strip() if organisation else ""


def verify_file(path: Path, trust: Path = TRUST_FILE) -> Verdict:
    """Checks one PE file's signature chain and timestamp against ``trust``, offline."""
    tool = osslsigncode()
    command = [tool, "verify", "-CAfile", str(trust), "-TSA-CAfile", str(trust)]
    command += [*_ignore_crl_flag(tool), "-in", str(path)]
    result = subprocess.run(command, capture_output=True, text=True)
    report = result.stdout + result.stderr
    publisher = signer_organisation(report)
    ok = result.returncode == 0 and report.rstrip().endswith("Succeeded")
    last = report.strip().splitlines()[-1] if report.strip() else "no output"
    return Verdict(path, ok, publisher, last)


def publisher_allowed(name: str, publisher: str) -> bool:
    if publisher not in RUNTIME_PUBLISHERS:
        return False
    only = RUNTIME_PUBLISHERS[publisher]
    return only is None or bool(only.fullmatch(name))


def verify_runtime(folder: Path, trust: Path = TRUST_FILE) -> int:
    """Every executable of the embedded runtime must carry an expected, valid signature."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PE_SUFFIXES)
    if not files:
        raise BuildError(f"{folder} 中没有可执行文件：运行时包不对")
    for path in files:
        verdict = verify_file(path, trust)
        if not verdict.ok:
            raise BuildError(f"运行时文件 {path.name} 的签名验证失败（{verdict.detail}）：构建停止")
        if not publisher_allowed(path.name, verdict.publisher):
            raise BuildError(
                f"运行时文件 {path.name} 的签名者为 {verdict.publisher or '未知'}，不是预期的发布者"
            )
    return len(files)


@dataclass(frozen=True)
class SigningConfig:
    """How to sign: a PFX file, or a key on a PKCS#11 token with its certificate chain."""

    arguments: tuple[str, ...]
    description: str


def signing_config(env: dict[str, str] | None = None) -> SigningConfig | None:
    """The signing set-up named by the environment; None means unsigned (and the build says so)."""
    env = dict(os.environ) if env is None else env
    timestamp = env.get(TIMESTAMP_ENV, "")
    stamp = ("-ts", timestamp) if timestamp else ()
    if env.get(PFX_ENV):
        pfx = Path(env[PFX_ENV])
        if not pfx.is_file():
            raise BuildError(f"{PFX_ENV} 指向的 {pfx} 不存在")
        password = ("-pass", env[PFX_PASSWORD_ENV]) if env.get(PFX_PASSWORD_ENV) else ()
        return SigningConfig(("-pkcs12", str(pfx), *password, *stamp), f"PFX {pfx.name}")
    if env.get(PKCS11_MODULE_ENV):
        key, cert = env.get(PKCS11_KEY_ENV, ""), env.get(CERT_ENV, "")
        if not key or not cert:
            raise BuildError(
                f"PKCS#11 签名还需要 {PKCS11_KEY_ENV}（密钥 URI）和 {CERT_ENV}（证书链）"
            )
        engine = ("-pkcs11engine", env[PKCS11_ENGINE_ENV]) if env.get(PKCS11_ENGINE_ENV) else ()
        module = ("-pkcs11module", env[PKCS11_MODULE_ENV])
        arguments = (*engine, *module, "-certs", cert, "-key", key, *stamp)
        return SigningConfig(arguments, f"PKCS#11 {Path(env[PKCS11_MODULE_ENV]).name}")
    return None


def sign_file(path: Path, config: SigningConfig) -> None:
    """Signs ``path`` in place (SHA-256, with our name); osslsigncode writes a new file first."""
    signed = path.with_name(path.name + ".signed")
    command = [osslsigncode(), "sign", *config.arguments, "-h", "sha256", "-n", SIGN_NAME]
    command += ["-in", str(path), "-out", str(signed)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        signed.unlink(missing_ok=True)
        raise BuildError(f"签名 {path.name} 失败：{(result.stderr or result.stdout).strip()}")
    signed.replace(path)


def throwaway_identity(folder: Path) -> tuple[Path, Path]:
    """For checks only: a self-signed code-signing PFX (password ``pw``) and its certificate.

    Valid 2000-2099, so no check depends on today's date.
    """
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Yiye Test Publisher"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Yiye Test Publisher"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2099, 12, 31, tzinfo=dt.UTC))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pfx = folder / "throwaway-code-signing.pfx"
    encryption = serialization.BestAvailableEncryption(b"pw")
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(b"code", key, certificate, None, encryption)
    )
    trust = folder / "throwaway-code-signing.pem"
    trust.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return pfx, trust


def main(argv: list[str]) -> int:
    """``python -m installer.winbuild.signatures FILE``: NSIS's !uninstfinalize signs with this."""
    config = signing_config()
    if config is not None:
        for name in argv:
            sign_file(Path(name), config)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
