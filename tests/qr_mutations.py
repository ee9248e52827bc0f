"""Generated certificates and every one-character change of their QR texts (tests and bench).

Real certificates differ from one sample in ways that matter here (lengths, how deflate ends):
each generated one varies the holder, its name's characters, the permits and the dates.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping, Sequence

from desktop_app.domain import base45
from desktop_app.domain import certificate_code as cc
from desktop_app.domain.cose import PublicKey

NOW = dt.datetime(2026, 1, 1, 12, 0)
NAMES = "同心县惠民清泉丰源金穗同福豫海安康红星新华康乐兴隆和顺马杨李王𠀀·"
PERMIT_CODES = ("food_business", "drug_retail", "public_hygiene", "halal", "special_trade")


def generated_claims(count: int, seed: int = 12) -> Iterator[cc.CertificateClaims]:
    rng = random.Random(seed)
    for serial in range(1, count + 1):
        permits = tuple(
            cc.PermitClaim(
                code,
                f"{code[:3].upper()}{rng.randint(10**5, 10**9)}",
                rng.choice(("market", "health", "police", "united_front")),
                dt.date(2025, rng.randint(1, 12), rng.randint(1, 28)),
                None if rng.random() < 0.2 else dt.date(2030, rng.randint(1, 12), 28),
            )
            for code in rng.sample(PERMIT_CODES, rng.randint(2, 5))
        )
        name = "".join(rng.choice(NAMES) for _ in range(rng.randint(4, 30))) + "有限公司"
        yield cc.CertificateClaims(
            issuer="11640324MB00000002",
            issued_at=dt.datetime(2025, 10, rng.randint(1, 28), rng.randint(0, 23), 0, 0),
            expires=dt.date(2028, 3, 31),
            number=f"640324-2025-01-{serial:06d}",
            revision=rng.randint(1, 3),
            industry=rng.choice(("supermarket", "hotel", "pharmacy")),
            holder_uscc=f"91640324MA{serial:07d}T",
            holder_name=name,
            permits=permits,
        )


def surviving_changes(
    text: str, trusted: Mapping[bytes, Sequence[PublicKey]], now: dt.datetime = NOW
) -> list[tuple[int, str]]:
    """Every (position, character) change of ``text`` that still verifies as valid."""
    survivors = []
    for index in range(len(cc.PREFIX), len(text)):
        for replacement in base45.ALPHABET:
            if replacement != text[index]:
                changed = text[:index] + replacement + text[index + 1 :]
                if cc.verify(changed, trusted, now).valid:
                    survivors.append((index, replacement))
    return survivors
