"""No terminal size crashes the app; below the minimum a clear message shows."""

from __future__ import annotations

import pytest
from conftest import SEED, screen_text

from explainer.app import MIN_HEIGHT, MIN_WIDTH, ExplainerApp
from explainer.screens.too_small import TooSmallScreen

TINY = [(1, 1), (4, 4), (10, 3), (200, 5), (5, 200), (2, 50), (30, 10), (MIN_WIDTH - 1, 24), (80, MIN_HEIGHT - 1)]
"""Sizes below the minimum, including absurd ones."""
FINE = [(MIN_WIDTH, MIN_HEIGHT), (80, 24), (200, 60)]
"""Sizes the layout must work at."""


@pytest.mark.parametrize("size", TINY)
async def test_starting_too_small_shows_the_message(mini_pack, size):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        if size[0] >= 40 and size[1] >= 3:
            text = " ".join(screen_text(app).split())
            assert f"Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT} (now {size[0]}x{size[1]})." in text
        await pilot.press("g", "t", "s", "question_mark", "r", "z")  # nothing opens
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert "Please enlarge" not in screen_text(app)


SWEEP = [(1, 1), (4, 4), (200, 5), (10, 3), (MIN_WIDTH, MIN_HEIGHT)]
"""Sizes each screen is resized through (all of TINY is covered at start-up)."""

# Keys that lead from the welcome screen to each kind of screen, in one app run.
STEPS = [
    ("welcome", []),
    ("explainer", ["r", "n"]),
    ("quiz", ["z"]),
    ("quiz-picked", ["2"]),
    ("feedback", ["enter"]),
    ("section", ["r"]),
    ("glossary", ["escape", "g"]),
    ("timeline", ["t"]),
    ("sources", ["s"]),
    ("help", ["question_mark"]),
    ("results", ["escape", "n", "1", "enter", "n", "1", "enter", "n", "1", "enter", "n"]),
    ("missed-sections", ["b"]),
]


SWEPT_IN_PART = (range(0, 6), range(6, len(STEPS)))
"""The steps each part of the test sweeps (two parts, so that they run side by side):
a part presses the keys of every step before its own too, to reach its first screen."""


@pytest.mark.parametrize("part", range(len(SWEPT_IN_PART)))
async def test_resizing_every_screen_through_tiny_sizes_never_crashes(mini_pack, part):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        for index, (name, keys) in enumerate(STEPS):
            await pilot.press(*keys)
            await pilot.pause()
            if index not in SWEPT_IN_PART[part]:
                continue
            before = app.screen
            assert not isinstance(before, TooSmallScreen), name
            layout = [(child, child.region) for child in before.children]
            for size in SWEEP:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                too_small = size[0] < MIN_WIDTH or size[1] < MIN_HEIGHT
                assert isinstance(app.screen, TooSmallScreen) == too_small, (name, size)
                if too_small and size[0] >= 40:
                    assert "Please enlarge the terminal" in screen_text(app)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert app.screen is before, name  # back exactly where the reader was
            # ...with every part of the layout shown again, where it was.
            assert [(child, child.region) for child in before.children] == layout, name
            assert before.query_one("Footer").region.height == 1, name
        assert app.is_running
