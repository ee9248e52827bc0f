"""Every one-character change of generated certificates' QR texts, verified; prints what survives.

A certificate's QR text must have one valid spelling (issue 12): any change makes it invalid or
unreadable. Sweeps ``--count`` certificates (default 200), half signed with ES256 as the issuing
PC does, half with Ed25519, over two processes; exits 1 if any change still verifies. CI runs it.
Run: ``.venv/bin/python bench/bench_qr_mutations.py [--count 200]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.domain import certificate_code as cc
from desktop_app.domain import keys
from desktop_app.domain.cose import PrivateKey, kid_for
from tests.qr_mutations import NOW, generated_claims, surviving_changes


def _sweep(args: tuple[int, int, str]) -> tuple[int, int, list[str]]:
    """(certificates, changes tried, survivors) of one share of the certificates."""
    start, count, kind = args
    key: PrivateKey = (
        Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
        if kind == "ed25519"
        else keys.generate()
    )
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    claims = list(generated_claims(start + count))[start:]
    tried, survivors = 0, []
    for index, claim in enumerate(claims, start=start):
        text = cc.encode(claim, key)
        if not cc.verify(text, trusted, NOW).valid:
            survivors.append(f"{kind} #{index}: the unchanged text does not verify")
        tried += (len(text) - len(cc.PREFIX)) * 44
        survivors += [f"{kind} #{index}: {p} → {c!r}" for p, c in surviving_changes(text, trusted)]
    return len(claims), tried, survivors


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    count = parser.parse_args().count
    half = count // 2
    shares = [(0, half, "es256"), (0, count - half, "ed25519")]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_sweep, shares))
    seconds = time.perf_counter() - started
    certificates = sum(r[0] for r in results)
    tried = sum(r[1] for r in results)
    survivors = [s for r in results for s in r[2]]
    print(
        f"QR one-character changes: {certificates} certificates, {tried:,} changes, "
        f"{len(survivors)} still valid ({seconds:.0f} s)"
    )
    for line in survivors[:20]:
        print("  still valid:", line)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
