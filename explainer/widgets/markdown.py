"""Markdown for the pack's Markdown fields: links never open a browser by surprise."""

from __future__ import annotations

from textual import on
from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from explainer.widgets.text import visible


class PackMarkdown(Markdown):
    """A :class:`~textual.widgets.Markdown` for author Markdown (section bodies,
    glossary definitions, explanations).

    Clicking a link does not open a browser: the address is shown in a notification,
    as plain text, so the reader can copy it if they want to. Control characters in the
    text are made visible (:func:`~explainer.widgets.text.visible`) before it is parsed.

    Args:
        markdown: the Markdown text.
        id: the widget id.
        classes: CSS classes.
    """

    DEFAULT_CSS = """
    PackMarkdown {
        padding: 0;
        margin: 0;
        background: transparent;
    }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(visible(markdown), id=id, classes=classes, open_links=False)

    def update(self, markdown: str) -> AwaitComplete:
        """Show ``markdown`` (control characters made visible); await the result to wait
        until it is shown."""
        return super().update(visible(markdown))

    @on(Markdown.LinkClicked)
    def _show_link(self, event: Markdown.LinkClicked) -> None:
        """Show the link's address instead of opening it."""
        event.stop()
        self.app.notify(event.href, title="Link (not opened)", markup=False)
