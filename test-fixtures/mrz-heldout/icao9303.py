"""ICAO Doc 9303 MRZ layouts and check digits, written for the held-out corpus.

Independent of the kiosk's own codec on purpose: this file is the outside
checker's reading of the standard, so a shared misreading cannot make both the
reader and its test agree.

- Part 3, 4.9: check digit = sum(value * weight) mod 10, weights 7, 3, 1
  repeating; 0-9 are worth their digit, A-Z are worth 10-35, the filler '<' 0.
- Part 4, 4.2.2: TD3 (passport), 2 lines x 44.
- Part 5, 4.2.2: TD1 (card), 3 lines x 30; the composite check digit covers
  line 1 columns 6-30 and line 2 columns 1-7, 9-15, 19-29.
- Part 6, 4.2.2: TD2, 2 lines x 36.
- Part 7: MRV-A (2 x 44) and MRV-B (2 x 36) visas, which have no composite.
"""

from __future__ import annotations

import re

ALPHABET = re.compile(r"^[A-Z0-9<]*$")
WEIGHTS = (7, 3, 1)


def char_value(ch: str) -> int:
    if ch == "<":
        return 0
    if ch.isdigit():
        return ord(ch) - ord("0")
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    raise ValueError(f"not an MRZ character: {ch!r}")


def check_digit(field: str) -> str:
    total = sum(char_value(c) * WEIGHTS[i % 3] for i, c in enumerate(field))
    return str(total % 10)


def _ok(field: str, digit: str) -> bool:
    # Part 3 4.9: an all-filler optional field may carry '<' as its check digit.
    if digit == "<":
        return set(field) <= {"<"}
    return check_digit(field) == digit


def td3_errors(lines: list[str]) -> list[str]:
    l1, l2 = lines
    errs = []
    if not _ok(l2[0:9], l2[9]):
        errs.append("document number")
    if not _ok(l2[13:19], l2[19]):
        errs.append("birth date")
    if not _ok(l2[21:27], l2[27]):
        errs.append("expiry date")
    if not _ok(l2[28:42], l2[42]):
        errs.append("personal number")
    if not _ok(l2[0:10] + l2[13:20] + l2[21:43], l2[43]):
        errs.append("composite")
    return errs


def mrva_errors(lines: list[str]) -> list[str]:
    _, l2 = lines
    errs = []
    if not _ok(l2[0:9], l2[9]):
        errs.append("document number")
    if not _ok(l2[13:19], l2[19]):
        errs.append("birth date")
    if not _ok(l2[21:27], l2[27]):
        errs.append("expiry date")
    return errs


def td2_errors(lines: list[str], composite: bool = True) -> list[str]:
    _, l2 = lines
    errs = []
    if not _ok(l2[0:9], l2[9]):
        errs.append("document number")
    if not _ok(l2[13:19], l2[19]):
        errs.append("birth date")
    if not _ok(l2[21:27], l2[27]):
        errs.append("expiry date")
    if composite and not _ok(l2[0:10] + l2[13:20] + l2[21:35], l2[35]):
        errs.append("composite")
    return errs


def td1_errors(lines: list[str]) -> list[str]:
    l1, l2, _ = lines
    errs = []
    if not _ok(l1[5:14], l1[14]):
        errs.append("document number")
    if not _ok(l2[0:6], l2[6]):
        errs.append("birth date")
    if not _ok(l2[8:14], l2[14]):
        errs.append("expiry date")
    if not _ok(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29]):
        errs.append("composite")
    return errs


def mrz_errors(lines: list[str]) -> list[str]:
    """Every failed rule of the layout the line shape names; [] when valid."""
    if not all(ALPHABET.match(line) for line in lines):
        return ["alphabet"]
    shape = (len(lines), len(lines[0]))
    if any(len(line) != shape[1] for line in lines):
        return ["line lengths differ"]
    visa = lines[0][0] == "V"
    if shape == (3, 30):
        return td1_errors(lines)
    if shape == (2, 44):
        return mrva_errors(lines) if visa else td3_errors(lines)
    if shape == (2, 36):
        return td2_errors(lines, composite=not visa)
    return [f"unknown layout {shape}"]
