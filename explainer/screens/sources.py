"""Every source the pack cites: title, publisher, date and address (as text)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from explainer.i18n import _, ngettext
from explainer.screens.base import FilteredScreen
from explainer.widgets import KeyFooter, TopBar, source_content
from explainer.widgets.text import shown
from explainer.widgets.wrap import Hanging


class SourcesScreen(FilteredScreen):
    """A scrollable list of the pack's sources, in file order."""

    CSS_PATH = "sources.tcss"
    AUTO_FOCUS = "#sources-scroll"

    def compose(self) -> ComposeResult:
        """One block per source."""
        sources = self.explainer_app.pack.meta.sources
        with Vertical(id="sources-frame", classes="reference-frame"):
            count = len(sources)
            right = ngettext(
                "{count} source · / filters · escape to go back", "{count} sources · / filters · escape to go back", count
            ).format(count=count)
            yield TopBar(_("Sources"), right)
            yield self.filter_box()
            with VerticalScroll(id="sources-scroll"):
                if not sources:
                    yield Static(shown(_("This pack lists no sources.")), classes="empty")
                for number, source in enumerate(sources, start=1):
                    marker = Content.styled(f"{number}. ", "bold")
                    yield Static(Hanging([(marker, source_content(source))], indent=len(f"{len(sources)}. ")), classes="source")
                nothing = Static(shown(_("Nothing matches.")), id="no-match", classes="empty")
                nothing.display = False
                yield nothing
        yield KeyFooter()

    def apply_filter(self, text: str) -> None:
        """Show only the sources whose title, publisher, date or address contains
        ``text`` (any case)."""
        sources = self.explainer_app.pack.meta.sources
        shown_any = False
        for block, source in zip(self.query(".source"), sources):
            words = f"{source.title}\n{source.publisher}\n{source.published or ''}\n{source.url or ''}".casefold()
            block.display = not text or text in words
            shown_any = shown_any or block.display
        for nothing in self.query("#no-match"):
            nothing.display = bool(sources) and not shown_any

    def filter_target(self) -> Widget | None:
        """The scrolling list of sources."""
        found = self.query("#sources-scroll")
        return found.first() if found else None
