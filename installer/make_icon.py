"""Draws the Returns Desk icon (退 on the counter's green) as returns-desk.ico (Windows) and .png (Linux)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "resources" / "fonts" / "wqy-microhei.ttc"


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, size - 8, size - 8), radius=size // 6, fill=(0, 121, 107, 255))
    font = ImageFont.truetype(str(FONT), int(size * 0.62))
    pen.text((size / 2, size / 2), "退", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    icon = draw()
    icon.save(HERE / "returns-desk.png")
    icon.save(HERE / "returns-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                                 (256, 256)])
    print("wrote installer/returns-desk.ico and installer/returns-desk.png")
