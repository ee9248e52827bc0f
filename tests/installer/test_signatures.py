"""osslsigncode round trips: what the build verifies before use and signs when configured."""

import shutil
from pathlib import Path

import pytest

from installer.winbuild import signatures
from installer.winbuild.errors import BuildError

# Any 64-bit PE file will do; Wine's own DLLs are on every machine that runs the Windows check.
WINE_DLLS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")
needs_tools = pytest.mark.skipif(
    shutil.which("osslsigncode") is None or not (WINE_DLLS / "version.dll").exists(),
    reason="osslsigncode and Wine's PE files (installed by .ci/run)",
)

PSF_REPORT = """
Signer's certificate:
\t------------------
\tSigner #0:
\t\tSubject: /C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation
\t\tIssuer : /C=US/O=Microsoft Corporation/CN=Microsoft ID Verified CS AOC CA 02
"""


def test_the_signer_is_read_from_the_report() -> None:
    assert signatures.signer_organisation(PSF_REPORT) == "Python Software Foundation"
    debian_12 = PSF_REPORT.replace("\t------------------\n", "")  # osslsigncode 2.5
    assert signatures.signer_organisation(debian_12) == "Python Software Foundation"
    assert signatures.signer_organisation("no signature") == ""


def test_only_expected_publishers_may_sign_the_runtime() -> None:
    assert signatures.publisher_allowed("python313.dll", "Python Software Foundation")
    assert signatures.publisher_allowed("vcruntime140_1.dll", "Microsoft Corporation")
    assert not signatures.publisher_allowed("python313.dll", "Microsoft Corporation")
    assert not signatures.publisher_allowed("python.exe", "Someone Verified By Microsoft")


def test_signing_is_configured_by_the_environment(tmp_path: Path) -> None:
    assert signatures.signing_config({}) is None
    pfx = tmp_path / "code.pfx"
    pfx.write_bytes(b"x")
    config = signatures.signing_config({"YIYE_SIGN_PFX": str(pfx), "YIYE_SIGN_PFX_PASSWORD": "p"})
    assert config is not None
    assert config.arguments == ("-pkcs12", str(pfx), "-pass", "p")
    token = signatures.signing_config(
        {
            "YIYE_SIGN_PKCS11_MODULE": "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
            "YIYE_SIGN_PKCS11_KEY": "pkcs11:object=code",
            "YIYE_SIGN_CERT": "chain.pem",
            "YIYE_SIGN_TIMESTAMP_URL": "http://tsa.example",
        }
    )
    assert token is not None
    assert "-pkcs11module" in token.arguments
    assert token.arguments[-2:] == ("-ts", "http://tsa.example")
    with pytest.raises(BuildError, match="不存在"):
        signatures.signing_config({"YIYE_SIGN_PFX": str(tmp_path / "none.pfx")})
    with pytest.raises(BuildError, match="YIYE_SIGN_PKCS11_KEY"):
        signatures.signing_config({"YIYE_SIGN_PKCS11_MODULE": "m.so"})


@needs_tools
def test_sign_then_verify_and_refuse_tampering_and_strangers(tmp_path: Path) -> None:
    pfx, trust = signatures.throwaway_identity(tmp_path)
    config = signatures.signing_config({"YIYE_SIGN_PFX": str(pfx), "YIYE_SIGN_PFX_PASSWORD": "pw"})
    assert config is not None
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    signed = runtime / "python313.dll"
    shutil.copyfile(WINE_DLLS / "version.dll", signed)
    signatures.sign_file(signed, config)
    verdict = signatures.verify_file(signed, trust)
    assert verdict.ok, verdict.detail
    assert verdict.publisher == "Yiye Test Publisher"
    # A valid signature, but not the PSF's: the runtime is refused.
    with pytest.raises(BuildError, match="不是预期的发布者"):
        signatures.verify_runtime(runtime, trust)
    data = bytearray(signed.read_bytes())
    data[len(data) // 3] ^= 0xFF
    signed.write_bytes(bytes(data))
    assert not signatures.verify_file(signed, trust).ok
    shutil.copyfile(WINE_DLLS / "version.dll", signed)
    with pytest.raises(BuildError, match="签名验证失败"):
        signatures.verify_runtime(runtime, trust)
