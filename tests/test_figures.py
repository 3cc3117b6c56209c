"""Figures (``[[sections.figures]]``): validated with file and line, drawn as text bars
readable without colour in the app, printed as a table in plain mode."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from packs import EXPLAINER_TOML, line_of, write_pack

from explainer import wording
from explainer.app import ExplainerApp
from explainer.pack import PackError, load_pack
from explainer.pack.lint import lint_pack
from explainer.plain import figure_table, run_plain
from explainer.widgets.figure import FigureChart, bar_text

FIGURE = '''
[[sections.figures]]
title = "Counts [by source]"
unit = "soldiers"
note = "Each source counted differently."
sources = ["report"]

  [[sections.figures.values]]
  label = "The ministry, [January]"
  value = 4000
  estimate = true

  [[sections.figures.values]]
  label = "The agency"
  value = 1000

  [[sections.figures.values]]
  label = "Nobody"
  value = 0
'''

WITH_FIGURE = EXPLAINER_TOML.replace('sources = ["report"]\n', 'sources = ["report"]\n' + FIGURE, 1)


def figure_pack(tmp_path: Path, explainer: str = WITH_FIGURE) -> Path:
    """The mini pack with :data:`FIGURE` in its first section."""
    return write_pack(tmp_path, explainer=explainer)


def errors_of(folder: Path) -> list[str]:
    """The loader's errors for ``folder``, as printed."""
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(error) for error in caught.value.errors]


def test_a_figure_loads_and_counts_as_citing_its_source(tmp_path: Path) -> None:
    pack = load_pack(figure_pack(tmp_path))
    figure = pack.sections[0].figures[0]
    assert figure.kind == "bar" and figure.unit == "soldiers"
    assert [v.value for v in figure.values] == [4000, 1000, 0]
    assert [v.estimate for v in figure.values] == [True, False, False]
    # 'law' is cited by the second section only; drop that and the figure's source still counts
    only_figure = WITH_FIGURE.replace('sources = ["law", "report"]', 'sources = ["law"]').replace(
        'key_points = ["One.", "Two."]\nsources = ["report"]', 'key_points = ["One.", "Two."]'
    )
    assert [w.code for w in lint_pack(load_pack(figure_pack(tmp_path / "b", only_figure)))] == []


@pytest.mark.parametrize(
    ("change", "needle", "expected"),
    [
        (("value = 1000", "value = -5"), "value = -5", "'value' must be at least 0, not -5"),
        (("value = 1000", "value = inf"), "value = inf", "'value' must be a number"),
        (('sources = ["report"]\n\n  [[', 'sources = ["reprot"]\n\n  [['), 'sources = ["reprot"]', "did you mean 'report'?"),
        (('unit = "soldiers"\n', ""), "[[sections.figures]]", "missing required key 'unit'"),
        (('unit = "soldiers"', 'unit = "soldiers"\nkind = "pie"'), 'kind = "pie"', "'kind'"),
        (("[[sections.figures]]", "[sections.figures]"), "[sections.figures]", "[[sections.figures]] table"),
        (('  label = "Nobody"\n', '  label = "Nobody"\n  colour = "red"\n'), 'colour = "red"', "unknown key 'colour'"),
    ],
)
def test_a_bad_figure_gets_one_line_with_file_and_line(tmp_path: Path, change, needle: str, expected: str) -> None:
    text = WITH_FIGURE.replace(*change, 1)
    assert text != WITH_FIGURE
    errors = errors_of(figure_pack(tmp_path, text))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'explainer.toml'}:{line_of(text, needle)}:"), errors[0]
    assert expected in errors[0] and "\n" not in errors[0]
    if "value" in needle:
        assert "section 'intro': figure 1: value 2" in errors[0]


def test_numbers_and_words_of_a_figure() -> None:
    assert wording.figure_number(4000) == "4,000"
    assert wording.figure_number(850.5) == "850.5"
    assert wording.figure_number(1_000_000.0) == "1,000,000"
    assert wording.figure_number(0.25) == "0.25"
    assert wording.figure_value(4000, "soldiers", True) == "4,000 soldiers (estimate)"
    assert wording.figure_value(12, "prisoners", False) == "12 prisoners"
    assert wording.figure_source_line(["A"]) == "Source: A"
    assert wording.figure_source_line(["A", "B"]) == "Sources: A; B"
    assert wording.figure_legend(True, True) == "█ reported   ░ estimate"
    assert wording.figure_legend(False, True) == "░ every value is an estimate"
    assert wording.figure_legend(True, False) == ""


def test_bars_are_shares_of_the_largest_in_eighths_of_a_cell() -> None:
    assert bar_text(10, 10, 8) == "█" * 8
    assert bar_text(5, 10, 8) == "█" * 4
    assert bar_text(1, 8, 1) == "▏"  # one eighth of one cell
    assert bar_text(3, 16, 2) == "▍"  # three eighths
    assert bar_text(11, 16, 2) == "█▍"
    assert bar_text(0, 10, 8) == ""
    assert bar_text(0.001, 10, 8) == "▏"  # above 0 always shows
    assert bar_text(5, 10, 8, estimate=True) == "░" * 4


@pytest.mark.parametrize("width", [30, 45, 60, 76, 100])
def test_the_chart_fits_any_width_and_keeps_every_label_and_number(tmp_path: Path, width: int) -> None:
    pack = load_pack(figure_pack(tmp_path))
    chart = FigureChart(pack, pack.sections[0].figures)
    lines = [line.plain for line in chart.lines(width)]
    assert all(len(line) <= width for line in lines)
    text = "\n".join(lines)
    for words in ("Counts [by source]", "4,000 soldiers (estimate)", "1,000 soldiers", "0 soldiers",
                  "░ estimate", "Each source counted differently.", "Source: A report, A publisher"):
        assert words in " ".join(text.split()) or words in text, (width, words, text)
    assert "The ministry, [January]" in " ".join(text.split())  # brackets shown as written
    bars = {line.count("░") + line.count("█") for line in lines if "soldiers" in line}
    assert max(bars) >= 4 * min(b for b in bars if b)  # 4,000 is drawn four times 1,000
    side_by_side = any(line.startswith("The agency") and "█" in line for line in lines)
    assert side_by_side == (width >= 60)  # below that, labels go above their bars


def test_plain_mode_prints_the_figure_as_a_table(tmp_path: Path) -> None:
    pack = load_pack(figure_pack(tmp_path))
    table = figure_table(pack, pack.sections[0].figures[0])
    assert table[0] == "Figure: Counts [by source]"
    assert table[1].split() == ["The", "ministry,", "[January]", "4,000", "soldiers", "(estimate)"]
    assert table[2].split() == ["The", "agency", "1,000", "soldiers"]
    assert table[1].index("4,000") == table[2].index("1,000")  # the numbers in one column
    assert table[-1] == "  Source: A report, A publisher"
    out = io.StringIO()
    run_plain(pack, stdin=io.StringIO("q\n"), stdout=out, stderr=io.StringIO(), data_dir=tmp_path / "data")
    assert "Figure: Counts [by source]" in out.getvalue()


async def test_the_app_shows_the_figure_under_the_section_text(tmp_path: Path) -> None:
    from conftest import screen_text

    pack = load_pack(figure_pack(tmp_path))
    app = ExplainerApp(pack, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.start_reading(0)
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Counts [by source]" in text
        assert "4,000 soldiers (estimate)" in text and "1,000 soldiers" in text
        assert "█ reported   ░ estimate" in text
        app.start_reading(1)  # a section without figures shows none
        await pilot.pause()
        await pilot.pause()
        assert "Counts [by source]" not in screen_text(app)
