"""Prints certificate PDF, QR sign+encode and verify times, against a plain-page baseline.

Goals (issue 4): certificate PDF with its QR <= 40 ms warm; sign + encode <= 10 ms; verify
<= 5 ms. The baseline (one reportlab page, embedded CJK font, a QR image) runs in the same process
so the ratio means something on a shared machine.
Run: ``.venv/bin/python bench/bench_certificate.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import statistics
import time
from collections.abc import Callable

import qrcode
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.domain import certificate_code, keys
from desktop_app.domain.cose import kid_for
from desktop_app.printing import certificate, fonts
from desktop_app.services.issuance import CertificateView, PermitLine

RUNS = 30
CLAIMS = certificate_code.CertificateClaims(
    issuer="11640324MB00000002",
    issued_at=dt.datetime(2025, 10, 9, 8, 30),
    expires=dt.date(2028, 3, 31),
    number="640324-2025-01-000001",
    revision=1,
    industry="supermarket",
    holder_uscc="91640324MA0000001T",
    holder_name="同心县清真超市有限公司",
    permits=tuple(
        certificate_code.PermitClaim(
            code, f"{code.upper()}-2025-0001", dept, dt.date(2025, 10, 8), dt.date(2030, 9, 30)
        )
        for code, dept in [
            ("food_business", "market"),
            ("halal", "united_front"),
            ("food_registration", "market"),
            ("drug_retail", "market"),
            ("device2_filing", "market"),
            ("public_hygiene", "health"),
        ]
    ),
)


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def _baseline(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.SANS)
    canvas.setFont(fonts.SERIF, 14)
    canvas.drawString(100, 700, "行业综合许可证 同心县清真超市有限公司")
    canvas.drawImage(ImageReader(qrcode.make(text).get_image()), 100, 100, 120, 120)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    key = keys.generate()
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    text = certificate_code.encode(CLAIMS, key)
    view = CertificateView(
        number=CLAIMS.number,
        revision=1,
        state="valid",
        industry="supermarket",
        industry_name="超市",
        holder_name=CLAIMS.holder_name,
        holder_uscc=CLAIMS.holder_uscc,
        legal_rep_name="马·阿卜杜拉",
        address="宁夏吴忠市同心县豫海镇清真大街88号",
        issuer_uscc=CLAIMS.issuer,
        issued_on=dt.date(2025, 10, 9),
        valid_from=dt.date(2025, 10, 9),
        valid_until=dt.date(2028, 3, 31),
        license_id="1.2.156.3005.2.HYZHXKZ.11640324MB00000002.640324202501000001.001.P",
        qr_text=text,
        application_number="SL2025640324010000001",
        reprints=0,
        permits=tuple(
            PermitLine(
                p.code, p.code, p.number, p.department, "县市场监督管理局", p.valid_from, p.valid_to
            )
            for p in CLAIMS.permits
        ),
    )
    for name in (fonts.SERIF, fonts.SANS):
        fonts.register(name)
    certificate.render(view)  # warm: fonts registered, modules imported
    baseline = _median_ms(lambda: _baseline(text))
    warm = _median_ms(lambda: certificate.render(view))
    counter = iter(range(10**6))
    # A new QR text each time: the cost of the first render of a freshly issued certificate.
    cold = _median_ms(
        lambda: certificate.render(
            dataclasses.replace(view, qr_text=text[:-6] + f"{next(counter):06d}")
        ),
        10,
    )
    sign = _median_ms(lambda: certificate_code.encode(CLAIMS, key))
    now = dt.datetime(2026, 1, 1)
    verify = _median_ms(lambda: certificate_code.verify(text, trusted, now), 200)
    print(f"baseline page (CJK font + QR image): {baseline:.1f} ms")
    print(f"certificate PDF, warm: {warm:.1f} ms ({warm / baseline:.2f}x baseline; goal <= 40 ms)")
    print(f"certificate PDF, first render of a new QR (mask search): {cold:.1f} ms")
    print(f"QR sign + encode: {sign:.2f} ms (goal <= 10 ms); QR text {len(text)} chars")
    print(f"verify: {verify:.2f} ms (goal <= 5 ms)")


if __name__ == "__main__":
    main()
