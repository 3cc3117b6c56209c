"""Pilot tests of the command palette: jump to a section, a glossary term, a timeline
event or an answered question; one "Keys" entry; author text verbatim."""

from __future__ import annotations

from conftest import SEED, right_keys, screen_text, wrong_keys, is_visit
from textual.command import CommandPalette
from textual.widgets import OptionList

from explainer.app import ExplainerApp
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.help import HelpScreen
from explainer.screens.quiz import AnsweredScreen, QuizScreen
from explainer.screens.timeline import TimelineScreen


async def palette(pilot, query: str, *, run: bool = True) -> str:
    """Open the palette, type ``query``; return what it lists; run the first hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.4)
    listed = screen_text(pilot.app)
    if run:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
    return listed


async def test_jump_to_a_section(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        listed = await palette(pilot, "Section 3")
        assert "Section 3: The ferry option" in listed
        screen = app.screen
        assert isinstance(screen, ExplainerScreen) and screen.section.id == "the-ferry"


async def test_a_section_from_the_quiz_opens_on_top_of_it(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        await palette(pilot, "Section 2")
        assert is_visit(app.screen) and app.screen.section.id == "the-bridge"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_jump_to_a_glossary_term(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Term: Span")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert screen.shown.term == "Span"


async def test_jump_to_a_timeline_event(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Event: 2025-02-12")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.query_one("#events", OptionList).highlighted == 1


async def test_jump_to_an_answered_question(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        first = session.questions[0]
        await pilot.press(*wrong_keys(session, first), "enter", "n")
        await pilot.pause()
        # Only answered questions are listed.
        listed = await palette(pilot, "Question", run=False)
        assert "Question 1:" in listed and "Question 2:" not in listed
        assert "Answered wrong" in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnsweredScreen)
        text = screen_text(app)
        assert first.prompt in text and "✗ Not quite" in text and "The right answer:" in text
        await pilot.press("r")
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == first.section
        for _ in range(2):  # escape leads back to the quiz (through the answer, or at once)
            if not isinstance(app.screen, QuizScreen):
                await pilot.press("escape")
                await pilot.pause()
        assert isinstance(app.screen, QuizScreen), app.screen_stack and app.screen.question.id == session.questions[1].id


async def test_one_keys_entry_and_it_opens_the_help(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles.count("Keys") == 1
        await palette(pilot, "Keys")
        assert isinstance(app.screen, HelpScreen)


async def test_author_text_is_verbatim_in_the_palette(verbatim_pack):
    app = ExplainerApp(verbatim_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        listed = await palette(pilot, "sic", run=False)
        assert isinstance(app.screen, CommandPalette)
        assert "Section 1: Section [sic] [/x] C:\\path\\n 북한 군인" in listed
        assert "Term: Term [sic] 북한" in listed
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


async def test_the_right_answer_in_the_palette_help(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        await pilot.press(*right_keys(session, session.questions[0]), "enter")
        await pilot.pause()
        listed = await palette(pilot, "Question 1", run=False)
        assert "Answered right" in listed
