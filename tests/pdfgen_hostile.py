"""Hostile PDF files for the reader's refusals: empty, truncated, encrypted, image only, a bomb."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from pdfgen import generate
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

BOMB_INFLATED = 64 * 1024 * 1024  # over 16 MiB and a thousand times its compressed size


def empty(folder: Path) -> Path:
    path = folder / "leeg.pdf"
    path.write_bytes(b"")
    return path


def truncated(folder: Path) -> Path:
    """A real generated PDF cut off after 60% of its bytes (a broken download)."""
    whole = folder / "whole"
    whole.mkdir(exist_ok=True)
    data = generate("letter-1col", whole).path.read_bytes()
    path = folder / "afgebroken.pdf"
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


def encrypted(folder: Path) -> Path:
    """A generated PDF that needs the user password `geheim` to open."""
    (folder / "secret").mkdir(exist_ok=True)
    return generate("letter-1col", folder / "secret", encrypt="geheim").path


def image_only(folder: Path) -> Path:
    """A 'scanned' page: one image, no text layer."""
    path = folder / "scan.pdf"
    image = Image.new("L", (200, 280), 255)
    for y in range(20, 260, 12):  # grey bars where lines of text would be
        image.paste(0, (20, y, 180, y + 5))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = canvas.Canvas(str(path), pagesize=(420, 595), invariant=1)
    pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 20, 20, 380, 555)
    pdf.showPage()
    pdf.save()
    return path


def bomb(folder: Path) -> Path:
    """A valid small PDF whose one content stream inflates to BOMB_INFLATED bytes."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(compressor.compress(chunk) for _ in range(BOMB_INFLATED // len(chunk)))
    packed += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = folder / "bom.pdf"
    path.write_bytes(bytes(out))
    return path
