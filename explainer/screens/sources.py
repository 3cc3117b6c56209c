"""Every source the pack cites: title, publisher, date and address (as text)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from explainer.screens.base import ReferenceScreen
from explainer.widgets import KeyFooter, TopBar, source_content
from explainer.widgets.text import shown
from explainer.widgets.wrap import Hanging


class SourcesScreen(ReferenceScreen):
    """A scrollable list of the pack's sources, in file order."""

    CSS_PATH = "sources.tcss"
    AUTO_FOCUS = "#sources-scroll"

    def compose(self) -> ComposeResult:
        """One block per source."""
        sources = self.explainer_app.pack.meta.sources
        with Vertical(id="sources-frame", classes="reference-frame"):
            yield TopBar("Sources", f"{len(sources)} sources · escape to go back")
            with VerticalScroll(id="sources-scroll"):
                if not sources:
                    yield Static(shown("This pack lists no sources."), classes="empty")
                for number, source in enumerate(sources, start=1):
                    marker = Content.styled(f"{number}. ", "bold")
                    yield Static(Hanging([(marker, source_content(source))], indent=len(f"{len(sources)}. ")), classes="source")
        yield KeyFooter()
