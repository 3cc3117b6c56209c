"""The screen stack survives the too-small message, the command palette and windows in
any order (issue 7, item 2). Each test is one of the findings, replayed."""

from __future__ import annotations

from explainer.app import ExplainerApp
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.quiz import QuizScreen

from conftest import SEED


def names(app: ExplainerApp) -> list[str]:
    """The class names of the screen stack, bottom to top."""
    return [type(screen).__name__ for screen in app.screen_stack]


def footer_keys(app: ExplainerApp) -> list[str]:
    """The descriptions of the keys the footer offers (not the dimmed ones)."""
    return [
        key.description
        for key in app.screen.query("FooterKey")
        if key.display and not key.has_class("-disabled")
    ]


async def test_ctrl_p_under_the_too_small_message_opens_nothing(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.press("ctrl+p", "g", "f1")
        await pilot.pause()
        assert names(app)[-2:] == ["PackCommandPalette", "TooSmallScreen"]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert names(app)[-1] == "PackCommandPalette"
    assert app.return_code in (None, 0)


async def test_the_palette_survives_a_terminal_four_columns_wide(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.resize_terminal(4, 10)
        await pilot.pause()
        await pilot.press("a")
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert names(app)[-1] == "PackCommandPalette"
    assert app.return_code in (None, 0)


async def test_after_the_too_small_message_the_footer_offers_what_works(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED, quiz_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.answered
        before = (footer_keys(app), app.screen.focused)
        assert "Check" not in before[0] and "Next" in before[0]
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert (footer_keys(app), app.screen.focused) == before


async def test_a_window_closing_late_closes_beneath_the_message(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        window = app.screen
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        window.dismiss(None)  # e.g. a button press handled just after the terminal shrank
        await pilot.pause()
        assert names(app)[-2:] == ["WelcomeScreen", "TooSmallScreen"]
        app.push_screen(GlossaryScreen(None))
        await pilot.pause()
        assert names(app)[-2:] == ["GlossaryScreen", "TooSmallScreen"]
        app.action_timeline()  # a palette command picked just before the shrink
        await pilot.pause()
        assert names(app)[-2:] == ["TimelineScreen", "TooSmallScreen"]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert names(app)[-1] == "TimelineScreen"
