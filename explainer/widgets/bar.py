"""The one-line bar at the top of every screen: where the reader is, and progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label


class TopBar(Horizontal):
    """A bar with a label on the left (the screen) and one on the right (progress).

    Args:
        left: text for the left, e.g. ``"Reading"``; shown verbatim.
        right: text for the right, e.g. ``"Question 2 of 8"``; shown verbatim.
        id: the widget id.
    """

    DEFAULT_CSS = """
    TopBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    TopBar > #top-left { width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #top-right { width: auto; color: $text-muted; text-wrap: nowrap; }
    """

    def __init__(self, left: str = "", right: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._left = left
        self._right = right

    def compose(self) -> ComposeResult:
        """Two labels, left and right."""
        yield Label(Content(self._left), id="top-left")
        yield Label(Content(self._right), id="top-right")

    def set_left(self, text: str) -> None:
        """Show ``text`` (verbatim) on the left."""
        self._left = text
        if self.is_mounted:
            self.query_one("#top-left", Label).update(Content(text))

    def set_right(self, text: str) -> None:
        """Show ``text`` (verbatim) on the right."""
        self._right = text
        if self.is_mounted:
            self.query_one("#top-right", Label).update(Content(text))
