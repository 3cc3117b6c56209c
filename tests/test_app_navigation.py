"""Navigation the reader can trust: links under a section, and `/` filters in the
glossary, the timeline and the sources."""

from __future__ import annotations

import pytest
from conftest import SEED, is_visit, screen_text

from explainer.app import ExplainerApp
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.sources import SourcesScreen
from explainer.screens.timeline import TimelineScreen


async def focus_links(pilot, app) -> None:
    """Tab until the section's list of links has the keyboard."""
    for _ in range(8):
        if app.focused is not None and app.focused.id == "section-links":
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError("the links under the section never took the keyboard")


async def test_a_term_under_a_section_opens_the_glossary_and_escape_comes_back(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "n")  # section 2, "What did Ukraine offer?"
        await pilot.pause()
        reading = app.screen
        await focus_links(pilot, app)
        scroll_y = reading.query_one("#section-scroll").scroll_y
        await pilot.press("down", "enter")  # the first term (the first entry is Section 5)
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen) and app.screen.shown.term == "Third country"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reading and reading.query_one("#section-scroll").scroll_y == scroll_y
        assert app.focused is not None and app.focused.id == "section-links"


async def test_a_see_reference_opens_that_section_over_this_one(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "n")  # section 2, "What did Ukraine offer?"
        await pilot.pause()
        reading = app.screen
        await focus_links(pilot, app)
        await pilot.press("enter")  # → Section 5: What happened in Kursk?
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == "kursk"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reading and reading.section.id == "the-offer"


async def test_links_follow_a_mouse_click(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "n")  # section 2, "What did Ukraine offer?"
        await pilot.pause()
        links = app.screen.query_one("#section-links")
        links.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#section-links", offset=(4, 0))
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == "kursk"


@pytest.mark.parametrize(
    ("key", "screen_type", "typed", "kept", "gone"),
    [
        ("g", GlossaryScreen, "article", "Article 118", "Hanawon"),
        ("t", TimelineScreen, "armistice", "armistice", "Human Rights Watch"),
        ("s", SourcesScreen, "korea times", "The Korea Times", "Liga.net"),
    ],
)
async def test_slash_filters_the_list_and_escape_clears_it(bundled_pack, key, screen_type, typed, kept, gone):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.press("slash", *typed)
        await pilot.pause()
        text = screen_text(app)
        assert kept in text and gone not in text
        await pilot.press("escape")  # clears the filter...
        await pilot.pause()
        assert isinstance(app.screen, screen_type) and not app.screen.query_one("#filter").display
        if key == "s":
            assert all(block.display for block in app.screen.query(".source"))
        else:
            assert gone in screen_text(app)
        await pilot.press("escape")  # ...and then closes the window
        await pilot.pause()
        assert not isinstance(app.screen, screen_type)


async def test_a_filtered_timeline_opens_the_event_picked(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", "slash", *"armistice", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen) and app.screen.section.id == "precedents"


async def test_escape_on_the_reading_screen_goes_back_to_the_welcome_screen(bundled_pack):
    """Reading opened from the welcome screen (r) is no dead end: escape goes back, and
    what was read is kept."""
    from explainer.screens.welcome import WelcomeScreen

    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r", "n")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.reading.is_read(bundled_pack.sections[0].id)
