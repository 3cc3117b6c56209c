"""Pilot tests of each screen's own behaviour: welcome, reading, dialogs, keys, links."""

from __future__ import annotations

import pytest
from conftest import SEED, Notices, screen_text, is_visit

from explainer.app import ExplainerApp
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.help import HelpScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.sources import SourcesScreen
from explainer.screens.timeline import TimelineScreen
from explainer.screens.welcome import WelcomeScreen
from explainer.widgets import PackMarkdown


async def test_welcome_shows_pack_and_buttons_lead_on(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert mini_pack.title in text
        assert "A small town votes on whether to rebuild" in text
        for label in ("Start reading (r)", "Go to the quiz (z)", "Glossary (g)", "Timeline (t)", "Sources (s)"):
            assert label in text
        await pilot.click("#glossary")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        await pilot.click("#timeline")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape")
        await pilot.click("#quiz")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_welcome_start_reading_button(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen) and app.screen.index == 0


async def test_reading_navigation_sidebar_and_markers(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplainerScreen)
        text = screen_text(app)
        assert "Section 1 of 3" in text and "Read 1 of 3" in text
        assert "✓ 1. The vote" in text and "(read)" in text
        assert "· 2. The state of the" in text  # not read yet: no tick
        assert "Key points" in text and "• The vote is on 1 March 2025." in text
        assert "Minutes of the town council, 12 February 2025" in text
        assert "Harbourtown Council, 2025-02-12" in text
        assert "https://example.org/council/2025-02-12" in text
        assert screen.query_one("#previous").disabled
        await pilot.press("left")  # nothing before the first
        assert screen.index == 0
        await pilot.press("right")
        assert screen.index == 1 and "Section 2 of 3" in screen_text(app)
        await pilot.press("p")
        assert screen.index == 0
        await pilot.click("#next")
        await pilot.pause(0.6)  # two quick clicks would make a double click
        await pilot.click("#next")
        await pilot.pause()
        assert screen.index == 2
        assert "On to the quiz →" in screen_text(app)
        await pilot.click("#previous")
        await pilot.pause()
        assert screen.index == 1
        assert "✓ 3. The ferry" in screen_text(app)
        assert "Read 3 of 3" in screen_text(app)
        # The sidebar opens a section too.
        screen.query_one("#section-list").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert screen.index == 0
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_z_goes_to_quiz_from_reading(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "z")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


@pytest.mark.parametrize("keys", [[], ["r"], ["z"], ["z", "1", "enter"]])
async def test_dialogs_open_everywhere_and_close_back(mini_pack, keys):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        base = app.screen
        for key, screen_type in (("g", GlossaryScreen), ("t", TimelineScreen), ("s", SourcesScreen), ("question_mark", HelpScreen), ("f1", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            assert app.screen.query("Footer")
            await pilot.press(key)  # the same key again does not stack another copy
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is base
        assert len(app.screen_stack) == 2


async def test_glossary_definition_and_see_also(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert "A pillar that holds up" in screen_text(app)
        assert screen.shown.term == "Pier"
        await pilot.press("down")
        await pilot.pause()
        assert screen.shown.term == "Span"
        await pilot.click(".see-also")
        await pilot.pause()
        assert screen.shown.term == "Pier"


async def test_timeline_event_opens_its_section(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        assert "2024-11" in text and "Engineers survey the harbour bridge." in text
        assert "→ Section: The state of the bridge" in text
        await pilot.press("enter")
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == "the-bridge"
        await pilot.press("escape")  # back to the timeline, then to the welcome screen
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_sources_list_everything(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        for source in mini_pack.meta.sources:
            assert source.title in text and source.publisher in text
        assert "https://example.org/council/2025-02-12" in text


async def test_help_lists_every_shown_key(mini_pack):
    from explainer.screens.explainer import ExplainerScreen as Reading
    from explainer.screens.help import keys_content
    from explainer.screens.results import ResultsScreen
    from explainer.widgets import ChoiceList

    text = "\n".join(
        "\n".join(line.plain for line in block.lines(200)) if hasattr(block, "lines") else block.plain
        for block in keys_content()
    )
    for owner in (ExplainerApp, WelcomeScreen, Reading, QuizScreen, ResultsScreen, ChoiceList):
        for binding in owner.BINDINGS:
            if binding.show:
                shown = binding.key_display or binding.key
                first = shown.replace("question_mark", "?").split("/")[0].split(",")[0]
                assert first in text, (owner.__name__, binding.key)


async def test_markdown_links_do_not_open_a_browser(mini_pack, monkeypatch):
    app = ExplainerApp(mini_pack, seed=SEED)
    opened = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    seen = Notices()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.press("r")
        await pilot.pause()
        body = app.screen.query_one("#section-body", PackMarkdown)
        body.post_message(PackMarkdown.LinkClicked(body, "https://example.org/[b]x[/b]"))
        await pilot.pause()
        assert opened == []
        assert seen.messages == ["https://example.org/[b]x[/b]"]
        assert app.is_running


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(mini_pack, key):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z", "g")
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_every_screen_has_a_footer_and_focus(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in ([], ["r"], ["z"], ["1", "enter"], ["r"], ["escape", "g"], ["t"], ["s"], ["question_mark"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen.query("Footer"), type(app.screen).__name__
            assert app.screen.focused is not None, type(app.screen).__name__


async def test_command_palette_has_the_app_places(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Glossary", "Timeline", "Sources", "Keys", "Read the explainer", "Take the quiz", "Quit"):
            assert title in titles
