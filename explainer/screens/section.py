"""A section shown read-only on top of the quiz or the results (or opened from the
timeline, in its place), closed with escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from explainer.pack import Section
from explainer.screens.base import ReferenceScreen
from explainer.widgets import KeyFooter, SectionView, TopBar


class SectionScreen(ReferenceScreen):
    """One section, read-only. Escape returns to exactly where the reader was; the
    glossary, timeline, sources or help opened from here take its place.

    Args:
        section: the section to show.
    """

    CSS_PATH = "section.tcss"
    AUTO_FOCUS = "#section-modal-scroll"

    def __init__(self, section: Section) -> None:
        super().__init__()
        self.section = section
        """The section shown."""

    def compose(self) -> ComposeResult:
        """A framed, scrollable section view."""
        with Vertical(id="section-modal"):
            yield TopBar("Section (read-only)", "escape to go back")
            with VerticalScroll(id="section-modal-scroll"):
                yield SectionView(self.explainer_app.pack, self.section)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Count the section as read."""
        self.explainer_app.reading.mark_read(self.section.id)
