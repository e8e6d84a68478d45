"""Flat card and passport-page artwork with a printed MRZ (Pillow).

Sizes follow ICAO 9303: TD1 is ID-1 (85.6 x 54 mm, part 5), the TD3 data page
125 x 88 mm (part 4); MRZ characters sit on a 2.54 mm pitch (10 per inch,
part 3 4.3), lines about 4 mm apart, the zone near the bottom edge.
The templates are this generator's own: colour gradients, guilloche rosettes,
a photo box and printed text above the zone.
"""

from __future__ import annotations

import math
import os
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = [
    "/usr/share/fonts/opentype/ocr-b",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/noto",
]

# (name, file, faux-bold stroke, share). OCR-B is what 9303-3 4.2 mandates;
# the others are monospace fonts a print shop might substitute.
MRZ_FONTS = [
    ("ocrb", "OCRB.otf", 0, 0.50),
    ("ocrb-sharp", "OCRBS.otf", 0, 0.12),
    ("ocrb-heavy", "OCRB.otf", 1, 0.10),
    ("liberation-mono", "LiberationMono-Regular.ttf", 0, 0.14),
    ("dejavu-sans-mono", "DejaVuSansMono.ttf", 0, 0.14),
]
# Noto Sans covers Vietnamese (Ư, Ơ, stacked tones); Liberation Sans does not.
TEXT_FONT = "NotoSans-Regular.ttf"

TD1_MM = (85.6, 54.0)
TD3_MM = (125.0, 88.0)
PITCH_MM = 2.54


def font_path(name: str) -> str:
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(f"font {name} not found (Debian fonts-ocr-b, fonts-liberation, fonts-dejavu-core, fonts-noto-core)")


def pick_font(rng: random.Random) -> tuple[str, str, int]:
    r = rng.random()
    acc = 0.0
    for name, file, stroke, share in MRZ_FONTS:
        acc += share
        if r < acc:
            return name, file, stroke
    name, file, stroke, _ = MRZ_FONTS[0]
    return name, file, stroke


def _gradient(size: tuple[int, int], c0: tuple[int, int, int], c1: tuple[int, int, int], angle: float) -> Image.Image:
    w, h = size
    small = Image.new("RGB", (64, 64))
    px = small.load()
    ca, sa = math.cos(angle), math.sin(angle)
    for y in range(64):
        for x in range(64):
            t = ((x - 32) * ca + (y - 32) * sa) / 64 + 0.5
            t = min(1.0, max(0.0, t))
            px[x, y] = tuple(int(a + (b - a) * t) for a, b in zip(c0, c1))
    return small.resize((w, h), Image.BILINEAR)


def _guilloche(draw: ImageDraw.ImageDraw, rng: random.Random, cx: float, cy: float, r: float, colour: tuple[int, int, int, int], width: int) -> None:
    """A hypotrochoid rosette: the fine-line security print of real documents."""
    big = rng.randint(40, 90)
    small = rng.randint(7, 30)
    pen = small * rng.uniform(0.5, 1.3)
    turns = min(12, small // math.gcd(big, small))
    scale = r / (big - small + pen)
    steps = 300 * turns
    pts = []
    for i in range(steps + 1):
        t = i / steps * 2 * math.pi * turns
        x = (big - small) * math.cos(t) + pen * math.cos((big - small) / small * t)
        y = (big - small) * math.sin(t) - pen * math.sin((big - small) / small * t)
        pts.append((cx + x * scale, cy + y * scale))
    draw.line(pts, fill=colour, width=width)


def _waves(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, colour: tuple[int, int, int, int], ppm: float) -> None:
    n = rng.randint(6, 18)
    amp = rng.uniform(1.0, 4.0) * ppm
    period = rng.uniform(8, 30) * ppm
    for i in range(n):
        y0 = (i + 0.5) * h / n
        phase = rng.uniform(0, 6.28)
        pts = [(x, y0 + amp * math.sin(x / period * 6.28 + phase + i * 0.4)) for x in range(0, w + 8, 4)]
        draw.line(pts, fill=colour, width=max(1, int(ppm * 0.12)))


def _text_font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(TEXT_FONT), max(6, px))


def render_document(
    lines: list[str], kind: str, viz: list[tuple[str, str]], rng: random.Random, ppm: float
) -> tuple[Image.Image, dict[str, object]]:
    """Draw the document at ppm pixels per millimetre; return the image and what was chosen."""
    mm = TD1_MM if kind == "TD1" else TD3_MM
    w, h = int(mm[0] * ppm), int(mm[1] * ppm)
    hue = rng.choice([
        ((214, 232, 246), (244, 226, 232)),
        ((236, 240, 214), (214, 236, 232)),
        ((248, 236, 214), (224, 230, 248)),
        ((228, 228, 236), (246, 246, 240)),
        ((222, 240, 226), (250, 240, 220)),
    ])
    img = _gradient((w, h), hue[0], hue[1], rng.uniform(0, math.pi))
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    ink = (rng.randint(60, 190), rng.randint(60, 190), rng.randint(100, 220), rng.randint(70, 150))
    for _ in range(rng.randint(1, 3)):
        _guilloche(d, rng, rng.uniform(0.2, 0.9) * w, rng.uniform(0.2, 0.7) * h, rng.uniform(0.15, 0.35) * w, ink, max(1, int(ppm * 0.1)))
    _waves(d, rng, w, h, (ink[0], ink[1], ink[2], ink[3] // 2), ppm)
    img = Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")
    d = ImageDraw.Draw(img)

    # Photo box with a vague head and shoulders, clipped to the box.
    pw, ph = int(0.28 * w if kind == "TD1" else 0.26 * w), int(0.52 * h)
    px0, py0 = int(0.05 * w), int(0.12 * h)
    photo = Image.new("RGB", (pw, ph), (rng.randint(150, 215),) * 3)
    pd = ImageDraw.Draw(photo)
    skin = (rng.randint(150, 210), rng.randint(110, 160), rng.randint(90, 130))
    pd.ellipse([pw * 0.1, ph * 0.68, pw * 0.9, ph * 1.3], fill=(rng.randint(30, 90),) * 3)
    pd.ellipse([pw * 0.3, ph * 0.15, pw * 0.7, ph * 0.62], fill=skin)
    img.paste(photo.filter(ImageFilter.GaussianBlur(ppm * 0.3)), (px0, py0))
    d.rectangle([px0, py0, px0 + pw, py0 + ph], outline=(90, 90, 90), width=max(1, int(ppm * 0.15)))
    label = _text_font(int(1.6 * ppm))
    value = _text_font(int(2.4 * ppm))
    tx = px0 + pw + int(4 * ppm)
    header = "CĂN CƯỚC CÔNG DÂN / CITIZEN IDENTITY CARD" if kind == "TD1" else "HỘ CHIẾU / PASSPORT"
    d.text((px0, int(0.03 * h)), header, font=_text_font(int(2.6 * ppm)), fill=(160, 30, 30))
    y = py0
    for lab, val in viz:
        d.text((tx, y), lab, font=label, fill=(80, 80, 100))
        y += int(2.0 * ppm)
        d.text((tx, y), val, font=value, fill=(20, 20, 40))
        y += int(3.2 * ppm)
        if y > py0 + ph:
            break

    # MRZ: a clear band, then each glyph centred in its 2.54 mm cell.
    name, file, stroke = pick_font(rng)
    cap_mm = rng.uniform(2.0, 2.5)
    size = max(6, int(cap_mm * ppm / 0.72))
    font = ImageFont.truetype(font_path(file), size)
    pitch = PITCH_MM * ppm * rng.uniform(0.96, 1.04)
    line_gap = rng.uniform(3.7, 4.3) * ppm
    n = len(lines)
    x0 = (w - pitch * len(lines[0])) / 2 + rng.uniform(-1.5, 1.5) * ppm
    bottom = h - rng.uniform(2.5, 4.5) * ppm
    top = bottom - line_gap * (n - 1) - cap_mm * ppm
    # Render the zone on a supersampled layer so glyph edges are rasterized by
    # the downscale filter, not by FreeType's own anti-aliasing.
    ss = rng.choice([1, 2, 3])
    zw, zh = w * ss, h * ss
    zone = Image.new("L", (zw, zh), 0)
    zd = ImageDraw.Draw(zone)
    if ss == 1 and rng.random() < 0.3:
        zd.fontmode = "1"  # no anti-aliasing: a cheap thermal-transfer look
    zfont = ImageFont.truetype(font_path(file), size * ss)
    for li, text in enumerate(lines):
        base_y = (top + li * line_gap) * ss
        for ci, ch in enumerate(text):
            cx = (x0 + (ci + 0.5) * pitch) * ss
            zd.text((cx, base_y), ch, font=zfont, fill=255, anchor="mt", stroke_width=stroke * ss, stroke_fill=255)
    if ss > 1:
        zone = zone.resize((w, h), rng.choice([Image.BOX, Image.LANCZOS, Image.BILINEAR]))
    ink_level = rng.randint(10, 60)
    ink_img = Image.new("RGB", (w, h), (ink_level, ink_level, ink_level + rng.randint(0, 25)))
    if rng.random() < 0.3:
        zone = zone.filter(ImageFilter.GaussianBlur(0.3 * ppm / 10))
    img = Image.composite(ink_img, img, zone)
    meta = {
        "font": name,
        "capMm": round(cap_mm, 2),
        "pxPerMm": round(ppm, 2),
        "supersample": ss,
        "mrzTopPx": int(top),
    }
    return img, meta
