"""Draw SG Desk's icon: a white shield on the house-style blue, with "SG" on the larger sizes.

Writes ``resources/icons/sgdesk-<size>.png`` for each size in :data:`SIZES` (the window icon) and
``resources/icons/sgdesk.ico`` (the Windows program and file-type icon). Run after changing the
design: ``.venv/bin/python build_scripts/make_icons.py``; the files are kept in the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALLEST_WITH_LETTERS = 48      # below this the letters blur into the shield
ACCENT = (31, 78, 121)          # #1F4E79, the PDF house-style accent
ACCENT_LIGHT = (46, 111, 166)
WHITE = (255, 255, 255)
CANVAS = 1024                   # drawn large, then reduced, for smooth edges


def _shield(size: int) -> list[tuple[float, float]]:
    """The shield's outline: straight shoulders, sides that curve in to a point at the bottom."""
    left, right, top, bottom = 0.23 * size, 0.77 * size, 0.16 * size, 0.87 * size
    middle = size / 2
    points = [(left, top + 0.06 * size), (middle, top), (right, top + 0.06 * size)]
    steps = 24
    side_end = top + 0.40 * size
    points += [(right, side_end)]
    for i in range(1, steps + 1):   # right side: a quadratic curve from (right, side_end) to the point
        t = i / steps
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * right + t * t * middle
        y = (1 - t) ** 2 * side_end + 2 * (1 - t) * t * (bottom - 0.08 * size) + t * t * bottom
        points.append((x, y))
    mirrored = [(size - x, y) for x, y in reversed(points[3:-1])]
    return points + mirrored


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels square."""
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    background = Image.new("RGBA", (CANVAS, CANVAS))
    shade = ImageDraw.Draw(background)
    for y in range(CANVAS):        # a gentle top-to-bottom gradient
        t = y / (CANVAS - 1)
        shade.line([(0, y), (CANVAS, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(ACCENT_LIGHT, ACCENT)))
    mask = Image.new("L", (CANVAS, CANVAS), 0)
    margin = CANVAS * (0.04 if size >= 32 else 0.01)   # small icons use every pixel
    ImageDraw.Draw(mask).rounded_rectangle([margin, margin, CANVAS - margin, CANVAS - margin],
                                           radius=CANVAS * 0.2, fill=255)
    image.paste(background, (0, 0), mask)
    pen = ImageDraw.Draw(image)
    shield = _shield(CANVAS)
    if size < SMALLEST_WITH_LETTERS:   # a bigger shield reads better at 16 and 24 pixels
        shield = [(CANVAS / 2 + (x - CANVAS / 2) * 1.25, y * 1.155 - CANVAS * 0.085) for x, y in shield]
    pen.polygon(shield, fill=WHITE)
    if size >= SMALLEST_WITH_LETTERS:
        font = ImageFont.truetype(str(FONT), round(CANVAS * 0.27))
        pen.text((CANVAS / 2, CANVAS * 0.47), "SG", font=font, fill=ACCENT, anchor="mm")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(folder: Path = ICON_DIR) -> list[Path]:
    """Write every PNG size and the ``.ico``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        path = folder / f"sgdesk-{size}.png"
        image.save(path, optimize=True)
        written.append(path)
    ico = folder / "sgdesk.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(ico, sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder to write to (default: resources/icons)")
    args = parser.parse_args()
    for path in write_icons(args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
