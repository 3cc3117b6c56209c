"""Markdown for the pack's Markdown fields: links never open a browser by surprise."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from textual import on
from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from explainer.i18n import _
from explainer.widgets.text import visible


def _visible_tokens(state: Any) -> None:
    """A markdown-it core rule, run after every other: make control characters visible
    in every text the parser produced. Parsing decodes ``&#x202E;`` and the
    ``%1B`` of a link's address into the characters themselves, so the source being
    clean is not enough."""
    stack = list(state.tokens)
    while stack:
        token = stack.pop()
        if token.content:
            token.content = visible(token.content)
        if token.attrs:
            token.attrs = {key: visible(value) if isinstance(value, str) else value for key, value in token.attrs.items()}
        if token.children:
            stack.extend(token.children)


def pack_parser() -> MarkdownIt:
    """The Markdown parser of the app: Textual's "gfm-like" one, with every text it
    produces made visible (:func:`~explainer.widgets.text.visible`)."""
    parser = MarkdownIt("gfm-like")
    parser.core.ruler.push("explainer_visible", _visible_tokens)
    return parser


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
        super().__init__(visible(markdown), id=id, classes=classes, open_links=False, parser_factory=pack_parser)

    def update(self, markdown: str) -> AwaitComplete:
        """Show ``markdown`` (control characters made visible); await the result to wait
        until it is shown."""
        return super().update(visible(markdown))

    @on(Markdown.LinkClicked)
    def _show_link(self, event: Markdown.LinkClicked) -> None:
        """Show the link's address instead of opening it."""
        event.stop()
        self.app.notify(event.href, title=_("Link (not opened)"), markup=False)
