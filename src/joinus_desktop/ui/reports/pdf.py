"""HTML to PDF with Qt alone (QTextDocument + QPdfWriter), into memory.

QTextDocument and QPdfWriter are reentrant, so this runs on a worker thread; a
chart image is rendered on the UI thread first and passed in as PNG bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

RESOLUTION = 300
PAGE_WIDTH = "__PAGE_WIDTH__"  # see reports.youngster.PAGE_WIDTH


def _document(html: str, images: Mapping[str, bytes]) -> QTextDocument:
    doc = QTextDocument()
    for name, png in images.items():
        image = QImage.fromData(png, "PNG")
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    return doc


def html_to_pdf(html: str, images: Mapping[str, bytes] | None = None, *,
                title: str = "Join Us") -> bytes:
    """An A4 PDF of ``html``; ``images`` maps the names used in <img src> to PNG bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Join Us Desktop")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter))
    # <img width> counts in CSS pixels (1/96 inch), not in the writer's dots.
    html = html.replace(PAGE_WIDTH, str(int(writer.width() * 0.92 * 96 / RESOLUTION)))
    doc = _document(html, images or {})
    # Lay out in the printer's resolution, so 10 pt prints as 10 pt (not at screen dpi).
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.documentLayout()  # lay out against the page before printing
    doc.print_(writer)
    buffer.close()
    return bytes(data.data())


def html_to_image(html: str, images: Mapping[str, bytes] | None = None, *,
                  width: int = 794, height: int = 1123) -> QImage:
    """The first page-sized stretch of ``html`` as an image (previews, screenshots)."""
    html = html.replace(PAGE_WIDTH, str(int((width - 80) * 0.92)))
    doc = _document(html, images or {})
    doc.setTextWidth(width - 80)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.translate(40, 40)
    doc.drawContents(painter)
    painter.end()
    return image
