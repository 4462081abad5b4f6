"""A youngster's trajectory: each scale over the measurement moments.

One row per scale, sharing the x axis (the moments), because the scales'
cut-off bands differ (a high loneliness score is a concern, a high
self-confidence score is good): bands of several scales in one plot would
contradict each other. Each row shows the youngster's scores, the team mean as a
faint dashed reference, and the scale's bands as soft horizontal regions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain import schedule
from ...domain.instruments import Instrument, Scale
from ...store.files import write_atomically
from .. import style


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrajectoryChart", text)


EDGE_LABEL_ROOM = 40  # px a moment label may reach past either end of the x axis


def moment_axis(moments: Sequence[str]) -> list[str]:
    """The x positions: every moment measured for the youngster or the team, in order."""
    return schedule.sort_moments(set(moments))



def short_moment_label(moment: str, lang: str) -> str:
    """"After 6" / "Na 6" on the axis: full labels collide on a narrow chart (the
    tooltip of each point still says "After 6 meetings")."""
    label = schedule.moment_label(moment, lang)
    if moment in ("T0", "exit"):
        return label
    return " ".join(label.split()[:2])

class TrajectoryChart(QWidget):
    """Scores of one youngster per scale, with the team mean and the instrument's bands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground("w")
        self.graphics.setAccessibleName(_tr("Trajectory chart"))
        self.graphics.ci.layout.setSpacing(6)
        self.graphics.ci.setContentsMargins(4, 4, 12, 4)
        # The legend sits above the plots, never over data or bands.
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(_tr("Chart legend"))
        self.legend.setStyleSheet("background: white; padding: 2px 4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.graphics, 1)
        # Shown instead of the plots for someone without scores (the plots are kept).
        self.empty_label = QLabel(_tr("No questionnaire filled in yet."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"background: white; color: {style.MUTED};")
        self.empty_label.hide()
        layout.addWidget(self.empty_label, 1)
        self.plots: list[pg.PlotItem] = []
        self.point_items: list[pg.ScatterPlotItem] = []  # those with points, this youngster
        self.mean_items: list[pg.PlotDataItem] = []  # those with a mean line
        self.band_items: list[pg.LinearRegionItem] = []
        self.moments: list[str] = []
        # Built once per instrument and language, then only their data change: a
        # PlotItem (ViewBox, menus, axes) costs far more than new data for it.
        self._built_for: tuple | None = None
        self._rows: list[dict[str, Any]] = []  # per scale: its persistent items

    # -- data --------------------------------------------------------------

    def clear(self) -> None:
        self.graphics.clear()
        self.plots.clear()
        self.point_items.clear()
        self.mean_items.clear()
        self.band_items.clear()
        self._rows.clear()
        self._built_for = None
        self.moments = []
        self.empty_label.hide()
        self.graphics.show()

    def point_count(self) -> int:
        """How many of the youngster's scores are drawn (for tests and a summary)."""
        return sum(len(item.data) for item in self.point_items)

    def set_data(self, *, instrument: Instrument, scores: Sequence[Mapping[str, Any]],
                 team_means: Mapping[str, Mapping[str, Any]], lang: str,
                 own_label: str | None = None) -> None:
        """``scores``: `Questionnaires.youngster_scores`; ``team_means``: `.team_means`
        (drawn as a dashed reference; pass {} for none). ``own_label`` names the
        solid line in the legend ("This youngster" by default)."""
        self._set_legend(own_label or _tr("This youngster"), bool(team_means),
                         any(s.bands for s in instrument.scales))
        self.moments = moment_axis([s["moment"] for s in scores] + list(team_means))
        self.point_items = []
        self.mean_items = []
        if not scores:
            self.legend.clear()
            self._show_empty()
            return
        self.empty_label.hide()
        self.graphics.show()
        key = (instrument.id, instrument.version, lang)
        if key != self._built_for:
            self._build(instrument, lang)
            self._built_for = key
        count = len(self.moments)
        x_of = {m: i for i, m in enumerate(self.moments)}
        ticks = [[(i, short_moment_label(m, lang)) for i, m in enumerate(self.moments)]]
        last = len(instrument.scales) - 1
        for row, scale in enumerate(instrument.scales):
            items, plot = self._rows[row], self.plots[row]
            right = max(count - 1, 1)
            if items.get("count") != count:  # the x axis changes only with the moments
                items["count"] = count
                if row == 0:  # the others follow it (setXLink), as they did when built
                    plot.setXRange(-0.35, right + (1.6 if scale.bands else 0.35), padding=0)
                for label, band in items["band_labels"]:
                    label.setPos(right + 1.55, (band.lower + band.upper) / 2)
                if row != last:
                    plot.getAxis("bottom").setTicks([[(i, "") for i in range(count)]])
            if row == last and items.get("ticks") != ticks:
                items["ticks"] = ticks
                plot.getAxis("bottom").setTicks(ticks)
            mean_points = [(x_of[m], v["means"].get(scale.id)) for m, v in team_means.items()
                           if v["means"].get(scale.id) is not None]
            mean = items["mean"]
            if mean_points:
                xs, ys = zip(*mean_points)
                mean.setData(list(xs), list(ys))
                self.mean_items.append(mean)
            else:
                mean.setData([], [])
            own = [(x_of[s["moment"]], s["scores"].get(scale.id), s)
                   for s in scores if s["scores"].get(scale.id) is not None]
            xs = [p[0] for p in own]
            ys = [p[1] for p in own]
            items["line"].setData(xs, ys)
            items["points"].setData(x=xs, y=ys,
                                    data=[self._tip(scale, p[2], p[1], lang) for p in own])
            if own:
                self.point_items.append(items["points"])
            labels: list[pg.TextItem] = items["value_labels"]
            while len(labels) < len(own):  # a pool: grown when needed, never rebuilt
                label = pg.TextItem("", color=items["colour"], anchor=(0.5, 1.3))
                label.setFont(QFont(self.font().family(), 8))
                plot.addItem(label)
                labels.append(label)
            for n, label in enumerate(labels):
                if n < len(own):
                    x, y, _ = own[n]
                    label.setText(f"{y:.1f}")
                    label.setPos(x, y)
                    label.show()
                else:
                    label.hide()

    def _build(self, instrument: Instrument, lang: str) -> None:
        """The plots of one instrument: axes, titles, bands; data items left empty."""
        moments = self.moments
        self.clear()
        self.moments = moments
        low, high = instrument.answer_scale.min, instrument.answer_scale.max
        count = max(len(self.moments), 1)
        for row, (scale, colour) in enumerate(zip(instrument.scales, style.SCALE_COLOURS * 2)):
            plot = self.graphics.addPlot(row=row, col=0)
            self.plots.append(plot)
            self._style_plot(plot, scale, lang, low, high, count)
            band_labels = self._add_bands(plot, scale, lang, low, high, count)
            mean = plot.plot([], [], name=_tr("Group mean"),
                             pen=pg.mkPen(QColor(120, 130, 140, 160), width=1.5,
                                          style=Qt.PenStyle.DashLine))
            line = plot.plot([], [], pen=pg.mkPen(colour, width=2.5))
            points = pg.ScatterPlotItem(
                size=10, brush=pg.mkBrush(colour), pen=pg.mkPen("w", width=1.5),
                hoverable=True, hoverSize=13, tip=lambda x, y, data: data,
                name=scale.name.get(lang))
            plot.addItem(points)
            self._rows.append({"mean": mean, "line": line, "points": points,
                               "value_labels": [], "band_labels": band_labels,
                               "colour": colour})
            if row == len(instrument.scales) - 1:
                # pyqtgraph drops a tick label reaching past the axis' ends: on a narrow
                # chart that was "Intake" (centred on the first point). Let the first and
                # last labels run into the corners (the left axis' width, 48 px) instead.
                plot.getAxis("bottom").setStyle(showValues=True,
                                                hideOverlappingLabels=EDGE_LABEL_ROOM)
                plot.getAxis("bottom").setHeight(44)  # one line of moment labels plus the title
                plot.setLabel("bottom", _tr("Measurement moment"))
        for plot in self.plots[1:]:
            plot.setXLink(self.plots[0])

    def _set_legend(self, own: str, with_mean: bool, with_bands: bool) -> None:
        parts = [f"<span style='color:{style.TEXT}'>&#9679;&#8212;</span> "
                 f"{own}"]
        if with_mean:
            parts.append(f"<span style='color:#8a939d'>&#8211; &#8211;</span> {_tr('Group mean')}")
        if with_bands:
            swatches = "".join(
                f"<span style='background:rgba({r},{g},{b},{min(a * 3, 255)})'>&nbsp;&nbsp;&nbsp;</span>"
                for r, g, b, a in (style.BAND_COLOURS[k] for k in ("ok", "attention", "concern")))
            parts.append(f"{swatches} {_tr('Cut-off bands')}")
        self.setToolTip(_tr("Hover a point for its score, moment and band."))
        self.legend.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts))

    @staticmethod
    def _tip(scale: Scale, point: Mapping[str, Any], value: float, lang: str) -> str:
        band = scale.band_for(value)
        when = schedule.moment_label(point["moment"], lang)
        if point.get("date"):
            when += f" · {point['date']}"
        text = f"{scale.name.get(lang)}: {value:.2f}\n{when}"
        return text + (f"\n{band.label.get(lang)}" if band else "")

    def _style_plot(self, plot: pg.PlotItem, scale: Scale, lang: str, low: int, high: int,
                    count: int) -> None:
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setYRange(low, high, padding=0.08)
        # Room on the right for the band names, clear of the last point.
        plot.setXRange(-0.35, max(count - 1, 1) + (1.6 if scale.bands else 0.35), padding=0)
        direction = _tr("higher is better") if scale.higher_is == "better" \
            else _tr("higher is worse")
        plot.setTitle(f"<span style='color:{style.TEXT};font-weight:600'>"
                      f"{scale.name.get(lang)}</span>"
                      f"<span style='color:{style.MUTED}'>&nbsp;&nbsp;({direction})</span>",
                      size="10pt", justify="left")
        plot.setLabel("left", _tr("Score"))
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(style.BORDER))
            axis.setTextPen(pg.mkPen(style.MUTED))
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(low, high + 1)]])
        plot.getAxis("left").setWidth(48)
        plot.getAxis("bottom").setTicks([[(i, "") for i in range(count)]])
        plot.showGrid(x=False, y=True, alpha=0.15)

    def _add_bands(self, plot: pg.PlotItem, scale: Scale, lang: str, low: int, high: int,
                   count: int) -> list[tuple[pg.TextItem, Any]]:
        labels: list[tuple[pg.TextItem, Any]] = []
        for band in scale.bands:
            region = pg.LinearRegionItem(values=(band.lower, band.upper),
                                         orientation="horizontal", movable=False,
                                         brush=pg.mkBrush(*style.BAND_COLOURS.get(
                                             band.severity, (128, 128, 128, 20))),
                                         pen=pg.mkPen(None))
            region.setZValue(-10)
            plot.addItem(region)
            self.band_items.append(region)
            # Right-aligned to the plot's edge: a long (Dutch) name grows leftwards
            # into the reserved margin instead of running off the chart.
            label = pg.TextItem(band.label.get(lang), color=style.MUTED, anchor=(1, 0.5))
            label.setFont(QFont(self.font().family(), 7))
            label.setPos(max(count - 1, 1) + 1.55, (band.lower + band.upper) / 2)
            label.setZValue(-5)
            plot.addItem(label)
            labels.append((label, band))
        return labels

    def _show_empty(self) -> None:
        self.graphics.hide()
        self.empty_label.show()

    # -- export ------------------------------------------------------------

    def export_png(self, path: str | Path, *, width: int = 900, height: int = 600) -> Path:
        """Render the chart to a PNG file (at least ``width``×``height`` when not shown)."""
        path = Path(path)
        if not self.isVisible():
            self.resize(max(self.width(), width), max(self.height(), height))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = self.grab().save(buffer, "PNG")
        buffer.close()
        if not saved:
            raise OSError(f"could not write {path.name}")
        write_atomically(path, bytes(data.data()))  # 0600, like every export
        return path
