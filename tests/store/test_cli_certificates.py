import json
import stat
import zlib
from pathlib import Path

import pytest

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.db import Store
from tests.store.conftest import run_cli
from tests.store.test_issuance import ready_application


@pytest.fixture
def db(cli_db: str) -> str:
    return cli_db


run = run_cli


def test_keys_generate_writes_an_owner_only_key_once(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, _out, _ = run(capsys, "keys", "generate")
    assert code == 0
    key = isolated_data_dir / "keys" / "issuing-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert list((isolated_data_dir / "keys" / "trusted").glob("issuer-*.pem"))
    code, _, err = run(capsys, "keys", "generate")
    assert code == 2
    assert "不会覆盖" in err


def test_issue_export_and_verify(
    capsys: pytest.CaptureFixture[str], db: str, catalog: Catalog, tmp_path: Path
) -> None:
    store: Store = open_store(db)
    number = ready_application(store, catalog)
    store.dispose()
    code, _, err = run(capsys, "--database", db, "certificates", "issue", number, "--user", "clerk")
    assert code == 2
    assert "yiye keys generate" in err  # no signing key on this PC yet
    run(capsys, "keys", "generate")
    code, out, err = run(
        capsys, "--database", db, "certificates", "issue", number, "--user", "clerk"
    )
    assert (code, err) == (0, "")
    certificate_number = out.strip()
    code, out, _ = run(capsys, "--database", db, "certificates", "list", "--json")
    assert json.loads(out)[0]["number"] == certificate_number

    out_dir = tmp_path / "export"
    code, out, _ = run(
        capsys,
        "--database",
        db,
        "certificates",
        "export",
        certificate_number,
        "--out",
        str(out_dir),
    )
    assert code == 0
    meta = json.loads((out_dir / f"{certificate_number}.json").read_text(encoding="utf-8"))
    assert meta["number"] == certificate_number
    assert meta["identifier"].startswith("1.2.156.3005.2.")
    assert [p["code"] for p in meta["permits"]] == ["food_registration", "drug_retail"]
    assert (out_dir / f"{certificate_number}.pdf").read_bytes().startswith(b"%PDF")
    qr_text = (out_dir / f"{certificate_number}.qr.txt").read_text(encoding="ascii").strip()

    code, out, _ = run(capsys, "verify", qr_text)
    verdict = json.loads(out)
    assert (code, verdict["valid"], verdict["reason"]) == (0, True, "有效")
    assert verdict["certificate"]["number"] == certificate_number
    code, out, _ = run(capsys, "verify", "-", stdin=qr_text + "\n")
    assert code == 0

    tampered = qr_text[:-3] + ("A" if qr_text[-3] != "A" else "B") + qr_text[-2:]
    code, out, _ = run(capsys, "verify", tampered)
    assert code == 1
    assert json.loads(out)["valid"] is False

    revocations = tmp_path / "revocations.json"
    run(capsys, "--database", db, "certificates", "revocations", "--out", str(revocations))
    code, out, _ = run(capsys, "verify", qr_text, "--revocations", str(revocations))
    assert code == 0


def test_verify_image(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import qrcode

    image = tmp_path / "code.png"
    qrcode.make("YZ1:NOT-A-REAL-CODE").save(image)
    code, out, _ = run(capsys, "verify", "--image", str(image))
    assert code == 1
    assert json.loads(out)["valid"] is False
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("RGB", (50, 50), "white").save(blank)
    code, _, err = run(capsys, "verify", "--image", str(blank))
    assert code == 2
    assert "没有找到二维码" in err


@pytest.mark.parametrize("text", ["hello", "YZ1:" + "A" * 10_000, ""])
def test_verify_never_raises(capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, _ = run(capsys, "verify", text)
    assert code == 1
    assert json.loads(out)["valid"] is False


def test_verify_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "verify")[0] == 2


def _huge_png(path: Path, width: int, height: int) -> None:
    """A tiny file whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""
    from PIL import Image

    Image.new("1", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")  # the IHDR chunk's CRC
    path.write_bytes(bytes(data))


def test_verify_refuses_huge_and_broken_images_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import qrcode

    huge = tmp_path / "huge.png"
    _huge_png(huge, 16_000, 12_000)  # 192 megapixels
    code, out, err = run(capsys, "verify", "--image", str(huge))
    assert (code, out) == (2, "")
    assert err == f"yiye：图片 {huge} 过大（超过 40 百万像素），请拍摄或扫描二维码本身\n"
    _huge_png(huge, 8_000, 6_000)  # 48 megapixels: under Pillow's own cap, over ours
    assert run(capsys, "verify", "--image", str(huge))[2].startswith(f"yiye：图片 {huge} 过大")
    whole = tmp_path / "code.png"
    qrcode.make("YZ1:NOT-A-REAL-CODE").save(whole)
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    code, out, err = run(capsys, "verify", "--image", str(truncated))
    assert (code, out) == (2, "")
    assert err.startswith(f"yiye：无法读取图片 {truncated}")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"cancelled": "640324-2025-01-000001"}', "cancelled 应为证书编号的列表"),
        ('{"min_revision": [["640324-2025-01-000001", 2]]}', "min_revision 应为"),
        ('{"min_revision": {"640324-2025-01-000001": "2"}}', "的版本应为正整数"),
        ('{"revoked": []}', "未知的键“revoked”"),
        ("[" * 200_000 + "]" * 200_000, "JSON 嵌套过深"),
        ("{", "不是有效的 JSON"),
    ],
)
def test_a_malformed_revocation_file_is_refused_not_read_as_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "revocations.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "verify", "YZ1:ABC", "--revocations", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"yiye：变更/注销清单 {path} 有误：")
    assert reason in err
    assert err.count("\n") == 1
