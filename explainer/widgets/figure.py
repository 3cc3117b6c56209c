"""A section's figures as bar charts made of text, readable without colour.

Each value is a row: its label, a bar whose length is the value's share of the largest
value (in eighths of a cell: ``█`` and the partial blocks ``▏▎▍▌▋▊▉``), and the number
with its unit written beside it, so the chart reads the same in any theme, in
monochrome and to a screen reader. Estimated values are drawn with ``░`` instead of
``█`` and say "(estimate)"; a legend line says so (``░ every value is an estimate``
when all are). Below the rows: the figure's note and
its sources. Labels wrap with a hanging indent; below :data:`MIN_BAR` cells of room for
the bar, each label goes on a line of its own above its bar.

The words and numbers come from :mod:`explainer.wording`; author text is shown
verbatim (:func:`~explainer.widgets.text.shown`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from explainer import wording
from explainer.pack import Figure, Pack
from explainer.widgets.text import shown
from explainer.widgets.wrap import LinesVisual, wrap_lines

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

MIN_BAR = 10
"""The fewest cells a bar may have beside its label; below it labels go above bars."""

_PARTS = " ▏▎▍▌▋▊▉"
"""Partial blocks: index k is k eighths of a cell."""



def bar_text(value: float, largest: float, cells: int, estimate: bool = False) -> str:
    """The bar of ``value`` when ``largest`` fills ``cells`` cells.

    Returns a string of at most ``cells`` cells: whole blocks, then a partial block for
    the remaining eighths (estimates: ``░`` cells, rounded to whole cells). A value
    above 0 always shows at least ``▏`` (or one ``░``); 0 shows nothing.
    """
    if largest <= 0 or value <= 0 or cells <= 0:
        return ""
    eighths = max(1, round(value / largest * cells * 8))
    if estimate:
        return "░" * max(1, round(eighths / 8))
    whole, part = divmod(eighths, 8)
    return "█" * whole + (_PARTS[part] if part else "")


class FigureChart(LinesVisual):
    """One or more figures of a section, a blank line apart.

    Args:
        pack: the pack (for the titles of the figures' sources).
        figures: the figures to draw, in order.
    """

    def __init__(self, pack: Pack, figures: Sequence[Figure]) -> None:
        self.pack = pack
        """The pack the figures belong to."""
        self.figures = tuple(figures)
        """The figures drawn."""
        self._cache: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        """Every line of the chart at ``width`` cells (each at most ``width`` cells)."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        width = max(1, width)
        lines: list[Content] = []
        for number, figure in enumerate(self.figures):
            if number:
                lines.append(Content.empty())
            lines += self._figure_lines(figure, width)
        self._cache = (width, lines)
        return lines

    def _figure_lines(self, figure: Figure, width: int) -> list[Content]:
        """The lines of one figure: title, rows, legend, note, sources."""
        lines = wrap_lines(shown(figure.title).stylize("bold"), width)
        values = [wording.figure_value(v.value, figure.unit, v.estimate) for v in figure.values]
        largest = max(v.value for v in figure.values)
        value_cells = max(len(text) for text in values)
        label_cells = min(max(shown(v.label).cell_length for v in figure.values), max(8, width * 2 // 5))
        bar_cells = width - label_cells - value_cells - 2
        side_by_side = bar_cells >= MIN_BAR
        if not side_by_side:
            bar_cells = max(1, width - value_cells - 1)
        for entry, value_text in zip(figure.values, values):
            bar = bar_text(entry.value, largest, bar_cells, entry.estimate)
            if side_by_side:
                label_lines = wrap_lines(shown(entry.label), label_cells)
                first = Content.assemble(
                    label_lines[0].pad_right(label_cells - label_lines[0].cell_length),
                    " ",
                    bar,
                    " ",
                    value_text,
                )
                lines.append(first.rstrip())
                lines += [line for line in label_lines[1:]]
            else:
                lines += wrap_lines(shown(entry.label), width)
                lines.append(Content.assemble(bar, " ", value_text).rstrip())
        legend = wording.figure_legend(
            any(not v.estimate for v in figure.values), any(v.estimate for v in figure.values)
        )
        if legend:
            lines += wrap_lines(shown(legend).stylize("dim"), width)
        if figure.note:
            lines += wrap_lines(shown(figure.note).stylize("italic"), width)
        titles = []
        for source_id in figure.sources:
            try:
                source = self.pack.source(source_id)
                titles.append(f"{source.title}, {source.publisher}")
            except KeyError:  # the loader refuses this; stay calm anyway
                continue
        if titles:
            lines += wrap_lines(shown(wording.figure_source_line(titles)).stylize("dim"), width)
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The width the container offers: bars use the room there is."""
        return container_width

    def get_minimal_width(self, rules: RulesMap) -> int:
        """A few cells: below :data:`MIN_BAR` labels go above their bars."""
        return MIN_BAR

