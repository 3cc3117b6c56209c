"""Author text is shown exactly as written: markup look-alikes, backslashes, Korean,
emoji. And clicking text that looks like a click action does nothing."""

from __future__ import annotations

from conftest import SEED, find_text, screen_text

from explainer.app import ExplainerApp
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.timeline import TimelineScreen
from explainer.widgets import ChoiceList

PACK_TITLE = "[sic] [/x] 북한 군인 🎖️"
SECTION_TITLE = "Section [sic] [/x] C:\\path\\n 북한 군인"
PROMPT = "Prompt [sic] [/x] C:\\path\\n 북한 군인?"
CHOICE_QUIT = "[@click=app.quit]Quit[/] 🎖️"
CHOICE_OTHER = "Choice [sic] 북한 군인 C:\\path\\n"


def test_fixture_strings_are_what_the_test_expects(verbatim_pack):
    assert verbatim_pack.title == PACK_TITLE
    assert verbatim_pack.sections[0].title == SECTION_TITLE
    assert verbatim_pack.questions[0].prompt == PROMPT
    assert [c.text for c in verbatim_pack.questions[0].choices] == [CHOICE_QUIT, CHOICE_OTHER]


async def test_welcome_shows_title_and_summary_verbatim(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[sic] [/x] 북한 군인 🎖" in text  # the emoji's variation selector is zero-width
        assert "Markup [@click=app.quit]click me[/] must stay text; so must C:\\path\\n and" in text
        # Clicking the text that looks like a click action does not quit.
        x, y = find_text(app, "[@click=app.quit]click me")
        await pilot.click(offset=(x + 3, y))
        await pilot.click(offset=(x + 18, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_section_title_key_points_sources_verbatim(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert SECTION_TITLE in text
        assert "Key point [@click=app.quit]quit[/] 🎖" in text
        assert "Second point [/x]" in text
        assert "Source [b]title[/b] C:\\path\\n" in text
        assert "Publisher [/x]" in text
        x, y = find_text(app, "[@click=app.quit]quit")
        await pilot.click(offset=(x + 2, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_prompt_and_choices_verbatim_and_clicking_them_does_not_quit(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        text = screen_text(app)
        assert PROMPT in text
        assert "1. [@click=app.quit]Quit[/] 🎖" in text
        assert f"2. {CHOICE_OTHER}" in text
        for offset in (0, 1, 5, 17, 20):
            x, y = find_text(app, "[@click=app.quit]Quit[/]")
            await pilot.click(offset=(x + offset, y))
            await pilot.pause()
            assert app.is_running and app.return_code is None
        # The click picked the choice, as any click on a choice does.
        assert screen.query_one(ChoiceList).picked == {0}
        await pilot.press("2", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Other feedback [b]x[/b]" in text
        assert "The right answer: [@click=app.quit]Quit[/] 🎖" in text
        x, y = find_text(app, "1. [@click=app.quit]Quit[/]")
        await pilot.click(offset=(x + 3, y))
        await pilot.pause()
        assert app.is_running


async def test_glossary_and_timeline_verbatim(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "Term [sic] 북한" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert "Event [@click=app.quit]click[/] C:\\path\\n" in screen_text(app)
        x, y = find_text(app, "[@click=app.quit]click")
        await pilot.click(offset=(x + 2, y))
        await pilot.pause()
        assert app.is_running


async def test_results_verbatim(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("z", "2", "enter", "n")
        await pilot.pause()
        text = screen_text(app)
        assert f"1. {PROMPT}" in text
        assert f"Your answer: {CHOICE_OTHER}" in text
        assert "Right answer: [@click=app.quit]Quit[/] 🎖" in text
