"""The trajectory chart as PNG bytes, for embedding in a report (UI thread only)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from ...domain.instruments import Instrument
from ..charts.trajectory import TrajectoryChart


def trajectory_png(*, instrument: Instrument, scores: Sequence[Mapping[str, Any]],
                   team_means: Mapping[str, Mapping[str, Any]], lang: str,
                   own_label: str | None = None, width: int = 1000,
                   height: int = 640) -> bytes:
    """Render the same chart the detail pane shows, off screen, to PNG bytes."""
    chart = TrajectoryChart()
    try:
        chart.set_data(instrument=instrument, scores=scores, team_means=team_means, lang=lang,
                       own_label=own_label)
        chart.resize(width, height)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not chart.grab().save(buffer, "PNG"):
            raise OSError("could not render the chart")
        buffer.close()
        return bytes(data.data())
    finally:
        chart.deleteLater()
