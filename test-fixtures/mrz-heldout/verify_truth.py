#!/usr/bin/python3
"""Check every MRZ of a truth file (JSON lines: file, lines) with ICAO 9303 check digits.

A hand transcription is kept only when every check digit of its layout holds,
so a misread glyph in the truth file fails here rather than in the score.

    /usr/bin/python3 test-fixtures/mrz-heldout/verify_truth.py test-fixtures/mrz-real-specimens/truth.jsonl
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from icao9303 import mrz_errors  # noqa: E402


def main(path: str) -> int:
    folder = os.path.dirname(os.path.abspath(path))
    bad = 0
    count = 0
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            entry = json.loads(raw)
            count += 1
            errors = mrz_errors(entry["lines"])
            if not os.path.exists(os.path.join(folder, entry["file"])):
                errors.append("image missing")
            if errors:
                bad += 1
                print(f"{entry['file']}: {', '.join(errors)}")
    print(f"{count - bad}/{count} transcriptions pass every check digit")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
