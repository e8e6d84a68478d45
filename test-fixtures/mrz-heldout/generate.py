#!/usr/bin/python3
"""Write the held-out MRZ corpus: photographed CCCD cards (TD1) and passports (TD3).

Deterministic for a given seed, Pillow and numpy version. Every MRZ is checked
with this folder's own ICAO 9303 code before it is drawn.

    /usr/bin/python3 test-fixtures/mrz-heldout/generate.py --out /tmp/heldout --seed 9303020 --td1 170 --td3 30

Writes OUT/NNN-td1.jpg ... and OUT/truth.jsonl (file, layout, lines, meta).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from camera import shoot  # noqa: E402
from card_render import render_document  # noqa: E402
from icao9303 import mrz_errors  # noqa: E402
from identities import Holder, cccd_td1, passport_td3  # noqa: E402

DEFAULT_SEED = 9303020


def _viz(kind: str, lines: list[str], h: Holder) -> list[tuple[str, str]]:
    name = " ".join([h.surname, *h.given])
    dob = f"{h.birth[4:6]}/{h.birth[2:4]}/{h.birth_year}"
    number = h.extra.get("personalId", lines[1][0:9].rstrip("<"))
    return [
        ("Số / No.", number),
        ("Họ và tên / Full name", name),
        ("Ngày sinh / Date of birth", dob),
        ("Giới tính / Sex", "Nam" if h.sex == "M" else "Nữ"),
        ("Quốc tịch / Nationality", "Việt Nam" if kind == "TD1" else lines[1][10:13].replace("<", "")),
    ]


def generate(out: str, seed: int, td1: int, td3: int) -> int:
    os.makedirs(out, exist_ok=True)
    master = random.Random(seed)
    kinds = ["TD1"] * td1 + ["TD3"] * td3
    master.shuffle(kinds)
    with open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8") as truth:
        for i, kind in enumerate(kinds):
            item_seed = master.randrange(2**31)
            rng = random.Random(item_seed)
            lines, holder = cccd_td1(rng) if kind == "TD1" else passport_td3(rng)
            errors = mrz_errors(lines)
            if errors:
                raise AssertionError(f"generated an invalid MRZ {lines}: {errors}")
            doc, doc_meta = render_document(lines, kind, _viz(kind, lines, holder), rng, rng.uniform(14, 22))
            jpeg, cam_meta = shoot(doc, rng, item_seed)
            name = f"{i:03d}-{kind.lower()}.jpg"
            with open(os.path.join(out, name), "wb") as f:
                f.write(jpeg)
            entry = {"file": name, "layout": kind, "lines": lines, "meta": {**doc_meta, **cam_meta}}
            truth.write(json.dumps(entry) + "\n")
    return len(kinds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--td1", type=int, default=170)
    ap.add_argument("--td3", type=int, default=30)
    args = ap.parse_args()
    n = generate(args.out, args.seed, args.td1, args.td3)
    print(json.dumps({"out": args.out, "seed": args.seed, "images": n}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
