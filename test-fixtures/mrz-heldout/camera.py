"""A kiosk camera looking at a card on a table (numpy + Pillow).

Stages, in the order light meets the sensor: the document lies on a textured
table under uneven light (a gradient, a vignette, sometimes a glare spot); the
lens sees it in perspective, rotated up to +-4 degrees; defocus (Gaussian) and
hand or belt motion (a line kernel) blur it; the sensor adds shot and read
noise; the firmware writes a JPEG of quality 40-90.
"""

from __future__ import annotations

import io
import math
import random

import numpy as np
from PIL import Image, ImageFilter


def _table(rng: random.Random, nrng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    w, h = size
    base = np.array(rng.choice([(60, 50, 45), (120, 95, 70), (180, 180, 175), (40, 42, 48), (150, 130, 110)]), dtype=np.float32)
    yy = np.arange(h, dtype=np.float32)[:, None]
    grain = np.sin(yy / rng.uniform(3, 12) + nrng.normal(0, 0.6, (h, 1)).cumsum(axis=0) * 0.05) * rng.uniform(4, 14)
    noise = nrng.normal(0, rng.uniform(2, 8), (h, w, 1)).astype(np.float32)
    arr = base[None, None, :] + grain[:, :, None] + noise
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE), which maps output (dst) to input (src)."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.extend([u, v])
    return list(np.linalg.solve(np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)))


def _motion_blur(img: Image.Image, length: float, angle: float) -> Image.Image:
    if length < 1:
        return img
    arr = np.asarray(img, dtype=np.float32)
    acc = np.zeros_like(arr)
    n = max(2, int(round(length)))
    for i in range(n):
        t = i / (n - 1) - 0.5
        dx = int(round(t * length * math.cos(angle)))
        dy = int(round(t * length * math.sin(angle)))
        acc += np.roll(np.roll(arr, dy, axis=0), dx, axis=1)
    return Image.fromarray(np.clip(acc / n, 0, 255).astype(np.uint8), "RGB")


def shoot(doc: Image.Image, rng: random.Random, seed: int) -> tuple[bytes, dict[str, object]]:
    """Photograph the flat document; return JPEG bytes and the parameters drawn."""
    nrng = np.random.default_rng(seed)
    out_w, out_h = rng.choice([(1280, 960), (1280, 720), (1600, 1200), (1024, 768), (1920, 1080)])
    fill = rng.uniform(0.55, 0.92)  # share of the frame width the document takes
    dw, dh = doc.size
    scale = fill * out_w / dw
    if dh * scale > 0.9 * out_h:
        scale = 0.9 * out_h / dh
    cw, ch = dw * scale, dh * scale
    cx = out_w / 2 + rng.uniform(-0.08, 0.08) * out_w
    cy = out_h / 2 + rng.uniform(-0.08, 0.08) * out_h
    rot = math.radians(rng.uniform(-4.0, 4.0))
    corners = [(-cw / 2, -ch / 2), (cw / 2, -ch / 2), (cw / 2, ch / 2), (-cw / 2, ch / 2)]
    # Perspective: the far edge shrinks (tilt) and one side shrinks (pan).
    tilt = rng.uniform(-0.07, 0.07)
    pan = rng.uniform(-0.06, 0.06)
    dst = []
    for x, y in corners:
        sx = 1 + tilt * (1 if y < 0 else -1) * 0.5
        sy = 1 + pan * (1 if x < 0 else -1) * 0.5
        x2, y2 = x * sx, y * sy
        xr = x2 * math.cos(rot) - y2 * math.sin(rot)
        yr = x2 * math.sin(rot) + y2 * math.cos(rot)
        dst.append((cx + xr + rng.uniform(-0.005, 0.005) * out_w, cy + yr + rng.uniform(-0.005, 0.005) * out_h))
    # Keep the whole document in the frame: an MRZ cut by the frame edge is a
    # framing fault for the kiosk's guide, not a reading test.
    margin = 0.02 * out_w
    xs = [p[0] for p in dst]
    ys = [p[1] for p in dst]
    fit = min(1.0, (out_w - 2 * margin) / (max(xs) - min(xs)), (out_h - 2 * margin) / (max(ys) - min(ys)))
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    dst = [(mx + (x - mx) * fit, my + (y - my) * fit) for x, y in dst]
    xs = [p[0] for p in dst]
    ys = [p[1] for p in dst]
    shift_x = max(0.0, margin - min(xs)) - max(0.0, max(xs) - (out_w - margin))
    shift_y = max(0.0, margin - min(ys)) - max(0.0, max(ys) - (out_h - margin))
    dst = [(x + shift_x, y + shift_y) for x, y in dst]
    scale *= fit
    src = [(0.0, 0.0), (float(dw), 0.0), (float(dw), float(dh)), (0.0, float(dh))]
    coeffs = _homography(src, dst)
    warped = doc.transform((out_w, out_h), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", doc.size, 255).transform((out_w, out_h), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    frame = Image.composite(warped, _table(rng, nrng, (out_w, out_h)), mask)

    # Uneven light: a directional gradient times a vignette, plus maybe a glare spot.
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    grad = 1 + rng.uniform(0.1, 0.45) * (((xx / out_w - 0.5) * math.cos(ang) + (yy / out_h - 0.5) * math.sin(ang)))
    r2 = ((xx - out_w / 2) / out_w) ** 2 + ((yy - out_h / 2) / out_h) ** 2
    vignette = 1 - rng.uniform(0.1, 0.5) * r2 * 2
    light = grad * vignette * rng.uniform(0.7, 1.1)
    arr = np.asarray(frame, dtype=np.float32) * light[:, :, None]
    glare = rng.random() < 0.25
    if glare:
        gx, gy = rng.uniform(0.2, 0.8) * out_w, rng.uniform(0.2, 0.8) * out_h
        gr = rng.uniform(0.05, 0.15) * out_w
        arr += (rng.uniform(40, 110) * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * gr * gr)))[:, :, None]
    frame = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")

    # Optics: defocus, then motion.
    pixel_scale = scale  # output pixels per document pixel
    defocus = rng.uniform(0.0, 1.8)
    if defocus > 0.15:
        frame = frame.filter(ImageFilter.GaussianBlur(defocus))
    motion = rng.uniform(0, 6) if rng.random() < 0.5 else 0.0
    frame = _motion_blur(frame, motion, rng.uniform(0, math.pi))

    # Sensor: shot noise grows with the signal, read noise does not.
    arr = np.asarray(frame, dtype=np.float32)
    shot = rng.uniform(0.2, 0.9)
    read = rng.uniform(1.5, 7.0)
    arr = arr + nrng.normal(0, 1, arr.shape).astype(np.float32) * np.sqrt(arr * shot + read * read)
    frame = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")

    quality = rng.randint(40, 90)
    buf = io.BytesIO()
    frame.save(buf, "JPEG", quality=quality)
    meta = {
        "size": [out_w, out_h],
        "rotationDeg": round(math.degrees(rot), 2),
        "tilt": round(tilt, 3),
        "pan": round(pan, 3),
        "scale": round(pixel_scale, 3),
        "defocusPx": round(defocus, 2),
        "motionPx": round(motion, 2),
        "glare": glare,
        "readNoise": round(read, 2),
        "jpegQuality": quality,
    }
    return buf.getvalue(), meta
