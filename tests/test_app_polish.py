"""What a first-time reader tripped over: the welcome screen's Sources button, the
reading screen at 60x20, number keys with no such choice, windows stacking up from the
timeline, empty parts of a section, and screenshots/make.py's command line."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, Notices, find_text, screen_text, is_visit
from packs import EXPLAINER_TOML, write_pack

from explainer.app import MIN_HEIGHT, MIN_WIDTH, ExplainerApp
from explainer.pack import load_pack
from explainer.screens.base import OverlayScreen
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.help import HelpScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.sources import SourcesScreen
from explainer.screens.timeline import TimelineScreen
from explainer.screens.welcome import WelcomeScreen
from explainer.widgets import KeyFooter

ROOT = Path(__file__).resolve().parent.parent
MAKE = ROOT / "screenshots" / "make.py"
SIZES = [(MIN_WIDTH, MIN_HEIGHT), (80, 24)]
"""The advertised minimum and the usual terminal."""


def footer_text(app) -> str:
    """The last row of the screen: the footer."""
    return screen_text(app).splitlines()[-1]


# ------------------------------------------------------------------ welcome


@pytest.mark.parametrize("size", SIZES)
async def test_welcome_has_a_sources_button_and_every_button_shows(mini_pack, size):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        # Every button shows whole, without scrolling, at both sizes.
        for label in ("Start reading (r)", "Go to the quiz (z)", "Glossary (g)", "Timeline (t)", "Sources (s)"):
            x, y = find_text(app, label)
            assert 0 < y < size[1] - 1, label
        await pilot.click("#sources")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_welcome_buttons_fit_with_a_quiz_in_progress_at_60x20(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.press("z", "1", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        find_text(app, "Continue quiz: 2 of 4 (z)")  # the longest label, whole
        find_text(app, "Sources (s)")


# ------------------------------------------------------------------ reading at 60x20


async def test_reading_nav_bar_at_60x20_keeps_whole_words(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplainerScreen)
        # "Section 1 of 3" is said once, whole, in the top bar; the squeezed copy between
        # the buttons gives way instead of breaking into "Se" / "ct" / "io".
        assert find_text(app, "Section 1 of 3")[1] == 0
        assert screen_text(app).count("Section 1 of 3") == 1
        assert screen.query_one("#position").styles.visibility == "hidden"
        nav = screen.query_one("#reading-nav").region
        rows = screen_text(app).splitlines()[nav.y : nav.bottom]
        words = [w for w in " ".join(row[nav.x : nav.right] for row in rows).split() if w.strip("▔▁")]
        assert words == ["←", "Previous", "Next", "→"], words
        # The footer ends with "? Help" instead of being cut before it.
        assert footer_text(app).rstrip().endswith("? Help")
        # The last section's longer button label shows whole too.
        await pilot.press("n", "n")
        await pilot.pause()
        assert "On to the quiz →" in screen_text(app)


async def test_reading_nav_bar_at_80x24_shows_the_position(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "n", "n")
        await pilot.pause()
        assert screen_text(app).count("Section 3 of 3") == 2  # top bar and nav bar
        assert "On to the quiz →" in screen_text(app)  # the button grew with its label
        assert footer_text(app).rstrip().endswith("? Help")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "keys", [[], ["r"], ["t"], ["g"], ["s"], ["z", "1", "enter", "r"], ["z"], ["z", "1", "enter"], ["question_mark"], ["y"]]
)
async def test_my_footers_fit_their_line(mini_pack, size, keys):
    """The footer never cuts a key in half: keys give way whole, and "? Help" stays."""
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        shown = [key for key in footer.shown_keys() if key.display]
        assert sum(KeyFooter.key_width(key) for key in shown) <= size[0]
        assert footer_text(app).rstrip().endswith("? Help")
        if size[0] >= 80:
            assert all(key.display for key in footer.children)


async def test_footer_gives_keys_back_when_the_terminal_widens(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "s Sources" not in footer_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "s Sources" in footer_text(app) and "t Timeline" in footer_text(app)
        assert app.screen.query_one("#position").styles.visibility == "visible"


# ------------------------------------------------------------------ number keys


async def notices(pilot, seen: Notices, *keys: str) -> list[str]:
    """Press ``keys`` and return the notifications shown since."""
    seen.clear()
    await pilot.press(*keys)
    await pilot.pause()
    return list(seen.messages)


async def test_a_number_with_no_choice_says_so(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    seen = Notices()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.press("z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        choices = len(screen.question.choices)
        assert await notices(pilot, seen, "9") == ["There is no choice 9."]
        assert screen.query_one("#choices").picked == frozenset()  # nothing picked
        assert await notices(pilot, seen, str(choices)) == []  # a real choice: no notice
        # A true/false question has two choices: 3 is not one of them.
        session = app.session
        while session.current.type != "true_false":
            await pilot.press("1", "enter", "n")
            await pilot.pause()
        assert await notices(pilot, seen, "3") == ["There is no choice 3."]
        assert await notices(pilot, seen, "2") == []


async def test_a_number_with_no_option_in_a_match_says_so(every_type_pack):
    from test_app_types import open_question

    app = ExplainerApp(every_type_pack, seed=SEED)
    seen = Notices()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_question(pilot, app, "who-what")
        options = len(screen.question.right_options)
        assert await notices(pilot, seen, str(options + 1)) == [f"There is no option {options + 1}."]
        assert all(pick is None for pick in screen.query_one("#lines").picks)


# ------------------------------------------------------------------ windows never stack


def overlays(app) -> list[str]:
    """The names of the windows open over the main screen, bottom to top."""
    return [type(s).__name__ for s in app.screen_stack if isinstance(s, OverlayScreen)]


@pytest.mark.parametrize("keys", [[], ["r"], ["z"], ["z", "1", "enter"]])
async def test_a_section_from_the_timeline_returns_to_the_same_event(mini_pack, keys):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        base = app.screen
        await pilot.press("t", "down", "enter")  # the second event
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == "the-vote"
        assert overlays(app) == ["TimelineScreen"]  # the timeline waits beneath
        await pilot.press("n")  # the real section: the next one is a key away
        await pilot.pause()
        assert app.screen.section.id == "the-bridge"
        await pilot.press("escape")  # back to the timeline, at the same event
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.query_one("#events").highlighted == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is base


async def test_a_section_read_from_the_timeline_is_ticked_in_the_sidebar(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "end")
        await pilot.pause()
        assert "Read 1 of 3" in screen_text(app) and "· 2. The state of the" in screen_text(app)
        await pilot.press("t", "enter")  # the first event: "The state of the bridge"
        await pilot.pause()
        await pilot.press("end")  # its end seen
        await pilot.pause()
        await pilot.press("escape", "escape")  # the section, then the timeline
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen) and app.screen.index == 0
        assert "Read 2 of 3" in screen_text(app) and "✓ 2. The state of the" in screen_text(app)


@pytest.mark.parametrize("key", ["g", "t", "s", "question_mark"])
async def test_a_window_opened_from_a_visited_section_comes_back_to_it(mini_pack, key):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z", "1", "enter", "r")
        await pilot.pause()
        quiz = app.screen_stack[-2]
        assert isinstance(quiz, QuizScreen) and is_visit(app.screen)
        section = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert len(overlays(app)) == 1
        assert isinstance(app.screen, (GlossaryScreen, TimelineScreen, SourcesScreen, HelpScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is section
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is quiz


async def test_sections_opened_again_reuse_the_visit_so_the_stack_never_grows(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        quiz = app.screen
        for _ in range(3):
            await pilot.press("t", "enter")  # timeline, then a section over it
            await pilot.pause()
        assert len(app.screen_stack) <= 4  # default, quiz, timeline, section
        assert is_visit(app.screen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is quiz


async def test_one_escape_closes_every_window_even_if_they_stacked(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        quiz = app.screen
        await pilot.press("g", "t")  # the timeline replaces the glossary
        await pilot.pause()
        assert overlays(app) == ["TimelineScreen"]
        app.push_screen(SourcesScreen())  # stacked by hand
        await pilot.pause()
        assert overlays(app) == ["TimelineScreen", "SourcesScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is quiz and overlays(app) == []


async def test_escape_from_a_window_over_review_reading_stops_at_the_reading(mini_pack):
    """Reading the sections behind mistakes is a screen of its own over the results:
    escape from a window over it goes back to it, not further."""
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        while not app.session.finished:
            await pilot.press("2", "enter", "n")
            await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ExplainerScreen) and reading.review
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reading


# ------------------------------------------------------------------ empty parts of a section


async def test_a_section_without_key_points_or_sources_shows_neither_heading(tmp_path):
    explainer = EXPLAINER_TOML.replace('key_points = ["Three.", "Four."]\nsources = ["law", "report"]\n', "")
    assert explainer != EXPLAINER_TOML
    pack = load_pack(write_pack(tmp_path / "pack", explainer=explainer))
    app = ExplainerApp(pack, seed=SEED, data_dir=tmp_path / "data")
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "Key points" in text and "Sources" in text  # the first section has both
        await pilot.press("n")
        await pilot.pause()
        view = app.screen.query_one("#section-view")
        text = screen_text(app)
        assert "The law says so." in text
        assert "(none" not in text
        for part in ("#key-points-heading", "#key-points", "#sources-heading", "#section-sources"):
            assert not view.query_one(part).display, part
        await pilot.press("p")  # and back: both parts come back
        await pilot.pause()
        for part in ("#key-points-heading", "#key-points", "#sources-heading", "#section-sources"):
            assert view.query_one(part).display, part


# ------------------------------------------------------------------ screenshots/make.py


def run_make(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python screenshots/make.py ARGS``."""
    return subprocess.run([sys.executable, str(MAKE), *args], capture_output=True, text=True, timeout=120)


def test_make_help():
    result = run_make("--help")
    assert result.returncode == 0
    assert "--output" in result.stdout and "PACK_FOLDER" in result.stdout


def test_make_missing_folder_is_a_usage_error(tmp_path):
    result = run_make(str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "no such folder" in result.stderr


def test_make_unknown_option_is_a_usage_error():
    result = run_make("--nonsense")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_make_invalid_pack(tmp_path):
    folder = write_pack(tmp_path / "bad", quiz="[quiz]\ntitle = 3\n")
    result = run_make(str(folder), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "is not a valid pack" in result.stderr
    assert not list((tmp_path / "out").glob("*.svg"))


def load_make():
    """Import screenshots/make.py as a module."""
    spec = importlib.util.spec_from_file_location("make_screenshots", MAKE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def test_make_screens_are_a_list_of_documented_functions():
    make = load_make()
    assert make.SCREENS and all(callable(f) and f.__doc__ for f in make.SCREENS)
    assert make.welcome in make.SCREENS and make.results in make.SCREENS


def test_make_writes_into_the_output_folder(tmp_path, monkeypatch, capsys):
    make = load_make()
    monkeypatch.setattr(make, "SCREENS", [make.welcome, make.section])
    out = tmp_path / "new" / "out"
    assert make.main(["--output", str(out)]) == 0
    translated = [f"{screen}-{language}.svg" for language in ("ko", "uk") for screen in ("welcome", "question")]
    assert sorted(p.name for p in out.iterdir()) == sorted(["figure.svg", "section.svg", "welcome.svg", *translated])
    written = [str(out / "welcome.svg"), str(out / "section.svg"), str(out / "figure.svg")]
    written += [str(out / name) for name in translated]  # the bundled pack has figures, and two translations
    assert capsys.readouterr().out.split() == written


@pytest.mark.parametrize("size", SIZES)
async def test_results_buttons_and_footer_fit(mini_pack, size):
    """At 60 columns the four result actions sit in two rows, every label whole."""
    from conftest import wrong_keys

    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=size) as pilot:
        await pilot.press("z")
        await pilot.pause()
        while app.session.current is not None:
            await pilot.press(*wrong_keys(app.session, app.session.current), "enter", "n")
            await pilot.pause()
        text = screen_text(app)
        for label in ("Retake (r)", "Review mistakes (m)", "Reread (b)", "History (y)"):
            assert label in text, text
        assert footer_text(app).rstrip().endswith("? Help")


async def test_welcome_counts_in_good_english(tmp_path):
    """A pack with one section says "1 section", not "1 sections"."""
    from packs import write_pack

    from explainer.pack import load_pack

    folder = write_pack(tmp_path / "one")
    text = (folder / "explainer.toml").read_text(encoding="utf-8")
    second = text.index('[[sections]]\nid = "law"')
    text = text[:second] + text[text.index("[[glossary]]"):]
    (folder / "explainer.toml").write_text(text.replace('section = "law"', 'section = "intro"'), encoding="utf-8")
    quiz = (folder / "quiz.toml").read_text(encoding="utf-8").replace('section = "law"', 'section = "intro"')
    (folder / "quiz.toml").write_text(quiz, encoding="utf-8")
    app = ExplainerApp(load_pack(folder), seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "1 section · 3 questions" in screen_text(app)
