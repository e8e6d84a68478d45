"""Synthetic holders and the MRZ lines of their documents (ICAO 9303 parts 4 and 5).

All people here are invented. Names are Vietnamese syllables without
diacritics (9303-3 4.6: national characters are transliterated; Đ -> D).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from icao9303 import check_digit

SURNAMES = [
    "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO",
    "DANG", "BUI", "DO", "HO", "NGO", "DUONG", "LY", "TRINH", "DINH", "LAM",
    "MAI", "TRUONG", "CAO", "LUONG", "TA", "KIEU",
]
MIDDLE = ["VAN", "DUC", "MINH", "NGOC", "THANH", "HUU", "XUAN", "GIA", "BAO", "KIM", "DINH"]
GIVEN = [
    "AN", "ANH", "BINH", "CHI", "CUONG", "DUNG", "GIANG", "HA", "HAI", "HANH",
    "HIEU", "HOA", "HUNG", "HUONG", "KHANH", "LAN", "LINH", "LONG", "NAM", "NGA",
    "NHUNG", "PHONG", "PHUONG", "QUANG", "SON", "TAM", "THAO", "THUY", "TRANG",
    "TRUNG", "TUAN", "VIET", "YEN", "KHOA", "NGHIA", "TUNG", "DIEP", "LOAN", "MY",
    "TIEN", "VINH", "THINH", "OANH", "KHUE", "BICH", "SANG", "TOAN", "HOAI",
]
# Other issuers for TD3 passports; UTO is ICAO's specimen state (9303-3 5).
PASSPORT_STATES = ["VNM", "VNM", "VNM", "UTO", "D<<", "FRA", "JPN", "KOR", "USA", "GBR", "CAN", "THA"]


@dataclass
class Holder:
    surname: str
    given: list[str]
    sex: str
    birth: str  # YYMMDD
    birth_year: int
    expiry: str  # YYMMDD
    extra: dict[str, str] = field(default_factory=dict)


def _date(rng: random.Random, year: int) -> str:
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return f"{year % 100:02d}{month:02d}{day:02d}"


def make_holder(rng: random.Random) -> Holder:
    sex = rng.choice("MF")
    middle = rng.choice(MIDDLE if sex == "M" else ["THI", "NGOC", "THANH", "KIM", "BAO", "XUAN"])
    given = [middle, rng.choice(GIVEN)]
    if rng.random() < 0.2:
        given.insert(1, rng.choice(GIVEN))
    birth_year = rng.randint(1950, 2007)
    expiry_year = rng.randint(2026, 2040)
    return Holder(
        surname=rng.choice(SURNAMES),
        given=given,
        sex=sex,
        birth=_date(rng, birth_year),
        birth_year=birth_year,
        expiry=_date(rng, expiry_year),
    )


def name_field(h: Holder, width: int) -> str:
    """9303-3 4.6: SURNAME<<GIVEN<NAMES, filler-padded; cut given names when too long."""
    given = list(h.given)
    while True:
        text = h.surname + "<<" + "<".join(given)
        if len(text) <= width or len(given) == 1:
            return (text + "<" * width)[:width]
        given.pop()


def cccd_personal_id(rng: random.Random, h: Holder) -> str:
    """12 digits: province code, century-and-sex digit, year of birth, serial.

    The split follows the commonly described CCCD numbering (province 001-096,
    0/1 for men/women born in the 1900s, 2/3 in the 2000s); unconfirmed against
    the circular itself, and the reader under test does not depend on it.
    """
    province = rng.randint(1, 96)
    century = 0 if h.birth_year < 2000 else 2
    sex_digit = century + (1 if h.sex == "F" else 0)
    serial = rng.randint(0, 999_999)
    return f"{province:03d}{sex_digit}{h.birth_year % 100:02d}{serial:06d}"


def cccd_td1(rng: random.Random) -> tuple[list[str], Holder]:
    """TD1 (9303-5 4.2.2) in the CCCD profile the kiosk's README documents.

    Line 1: IDVNM, document number = last 9 digits of the personal ID and its
    check digit, optional data = the 12-digit ID, '<<', and the ID's check digit.
    """
    h = make_holder(rng)
    pid = cccd_personal_id(rng, h)
    doc = pid[3:]
    l1 = "IDVNM" + doc + check_digit(doc) + pid + "<<" + check_digit(pid)
    head = h.birth + check_digit(h.birth) + h.sex + h.expiry + check_digit(h.expiry) + "VNM"
    body = head + "<" * 11
    composite = check_digit(l1[5:30] + body[0:7] + body[8:15] + body[18:29])
    l2 = body + composite
    l3 = name_field(h, 30)
    h.extra = {"personalId": pid}
    return [l1, l2, l3], h


def _passport_number(rng: random.Random, state: str) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = "0123456789"
    style = rng.random()
    if state == "VNM" or style < 0.4:
        body = rng.choice("BCNP") + "".join(rng.choice(digits) for _ in range(7))
    elif style < 0.7:
        body = "".join(rng.choice(letters) for _ in range(2)) + "".join(rng.choice(digits) for _ in range(7))
    else:
        body = "".join(rng.choice(letters + digits) for _ in range(9))
    return (body + "<" * 9)[:9]


def passport_td3(rng: random.Random) -> tuple[list[str], Holder]:
    """TD3 (9303-4 4.2.2): P<, issuing state, name / number, nationality, dates, personal number."""
    h = make_holder(rng)
    state = rng.choice(PASSPORT_STATES)
    number = _passport_number(rng, state)
    l1 = name_field(h, 39)
    l1 = "P<" + state + l1
    personal = ""
    if rng.random() < 0.4:
        personal = "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 12])))
    personal = (personal + "<" * 14)[:14]
    if set(personal) == {"<"}:
        # 9303-4 4.2.2 note: an unused personal number field takes 0 or '<' as its check digit.
        personal_check = rng.choice(["0", "0", "0", "<"])
    else:
        personal_check = check_digit(personal)
    l2 = (
        number + check_digit(number) + state + h.birth + check_digit(h.birth) + h.sex
        + h.expiry + check_digit(h.expiry) + personal + personal_check
    )
    composite = check_digit(l2[0:10] + l2[13:20] + l2[21:43])
    return [l1, l2 + composite], h
