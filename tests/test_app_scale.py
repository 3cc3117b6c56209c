"""A very large pack stays usable: lists are built a page at a time, and nothing the
app does per key grows with the square of the pack (issue 7, item 4).

Speed itself is measured by ``benchmarks/scale.py`` (figures in docs/performance.md);
these tests hold the behaviour that makes it fast, with counts, never with a clock.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Button

from explainer.app import ExplainerApp, PackCommands
from explainer.pack import load_pack
from explainer.screens.results import ResultsScreen

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from scale import _wrong, write_pack  # noqa: E402

QUESTIONS = 1_000


@pytest.fixture(scope="module")
def big_pack(tmp_path_factory):
    """A valid pack of 1,000 short questions (benchmarks/scale.py's generator)."""
    return load_pack(write_pack(tmp_path_factory.mktemp("big") / "pack", QUESTIONS, sections=20))


def _finish_wrong(app: ExplainerApp) -> None:
    """Answer every question of the app's attempt wrong and move past the last one."""
    session = app.session
    for question in session.questions:
        session.submit(question.id, _wrong(question))
    while not session.finished:
        session.advance()


async def test_results_list_a_page_of_answers_then_more_on_demand(big_pack):
    app = ExplainerApp(big_pack, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        _finish_wrong(app)
        app.show_results()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert len(screen.query(".result")) == ResultsScreen.PAGE
        more = screen.query_one("#more-results", Button)
        assert str(more.label) == f"Show the next {ResultsScreen.PAGE} answers ({ResultsScreen.PAGE} of 1,000 shown)"
        more.press()
        await pilot.pause()
        assert len(screen.query(".result")) == 2 * ResultsScreen.PAGE
        assert "(200 of 1,000 shown)" in str(more.label)
        # The answers keep their order (grouped by section): the 101st block is the 101st answer.
        blocks = list(screen.query(".result"))
        assert f"{screen.grouped[ResultsScreen.PAGE].number}. " in str(blocks[ResultsScreen.PAGE].render())


def _finish_wrong_small(app: ExplainerApp) -> None:
    """Move past every question of the app's attempt without answering."""
    while not app.session.finished:
        app.session.advance()


async def test_results_of_a_small_quiz_have_no_show_more(every_type_pack):
    app = ExplainerApp(every_type_pack, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        _finish_wrong_small(app)
        app.show_results()
        await pilot.pause()
        assert len(app.screen.query(".result")) == len(every_type_pack.questions)
        assert not app.screen.query("#more-results")


def _count_calls(monkeypatch, owner: type, name: str) -> list[int]:
    """Replace method ``owner.name`` with one that records each call; return the record."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counting(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(owner, name, counting)
    return calls


async def test_the_review_queue_is_worked_out_once_per_results_screen(big_pack, monkeypatch):
    calls = _count_calls(monkeypatch, ExplainerApp, "review_ids")
    app = ExplainerApp(big_pack, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        _finish_wrong(app)
        app.show_results()
        await pilot.pause()
        for key in ("down", "down", "up", "tab", "down"):
            await pilot.press(key)
        assert len(calls) == 1


async def test_the_palette_gathers_its_places_once_per_opening(big_pack, monkeypatch):
    calls = _count_calls(monkeypatch, PackCommands, "_commands")
    app = ExplainerApp(big_pack, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        session = app.session
        for question in session.questions[:500]:
            session.submit(question.id, _wrong(question))
        await pilot.press("ctrl+p")
        await pilot.press(*"question 49")
        await pilot.pause(0.3)
        assert len(calls) == 1
        assert "Question 49:" in str(app.screen.query_one("CommandList").get_option_at_index(0).prompt)


def test_pack_lookups_by_id(big_pack):
    last = big_pack.questions[-1]
    assert big_pack.question(last.id) is last
    assert big_pack.section_index(big_pack.sections[-1].id) == len(big_pack.sections) - 1
    with pytest.raises(KeyError):
        big_pack.question("no-such-question")
