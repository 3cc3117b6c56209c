"""A responsive layout: the sidebar folds away on narrow terminals, the section keeps
at least 50 columns, and the question's prompt stays in view above its feedback."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEED, find_text, screen_text, wrong_keys

from explainer.app import ExplainerApp
from explainer.pack import load_pack
from explainer.screens.explainer import WIDE, ExplainerScreen
from explainer.screens.quiz import QuizScreen


@pytest.fixture(scope="module")
def long_pack():
    return load_pack(FIXTURES / "long")


@pytest.mark.parametrize("width", [60, 64, 70, 79, 80, 90, 120])
async def test_the_section_is_never_narrower_than_50_columns(long_pack, width):
    app = ExplainerApp(long_pack, seed=SEED)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplainerScreen)
        assert screen.query_one("#reading-main").size.width >= 50
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display == (width >= WIDE)  # beside the section only when it fits


async def test_l_shows_the_sections_in_place_of_the_section_at_60x20(long_pack):
    app = ExplainerApp(long_pack, seed=SEED)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert "l Sections" in screen_text(app).splitlines()[-1]
        await pilot.press("l")
        await pilot.pause()
        assert screen.query_one("#sidebar").display and not screen.query_one("#reading-main").display
        assert app.focused is not None and app.focused.id == "section-list"
        text = screen_text(app)
        assert "3. The ferry option and what it would mean for the people" in text
        await pilot.press("down", "down", "enter")  # the third section
        await pilot.pause()
        assert screen.section.id == "the-ferry"
        assert screen.query_one("#reading-main").display and not screen.query_one("#sidebar").display
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")  # closes the list, does not leave the reading
        await pilot.pause()
        assert app.screen is screen and not screen.sidebar


async def test_the_sidebar_comes_back_when_the_terminal_widens(long_pack):
    app = ExplainerApp(long_pack, seed=SEED)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.query_one("#sidebar").display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen.query_one("#sidebar").display
        await pilot.press("l")  # hides it on a wide terminal too, out of the footer
        await pilot.pause()
        assert not app.screen.query_one("#sidebar").display
        assert "l Sections" not in screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_prompt_stays_in_view_with_its_feedback(long_pack, size):
    app = ExplainerApp(long_pack, seed=SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        for _ in range(2):  # the second question has a very long right answer
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            await pilot.press(*wrong_keys(session, screen.question), "enter")
            await pilot.pause()
            await pilot.pause()
            assert screen.question.prompt in screen_text(app)
            find_text(app, "✗ Not quite")  # and the verdict
            await pilot.press("n")
            await pilot.pause()
