"""The message that replaces the layout when the terminal is too small for it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from explainer.i18n import _
from explainer.widgets.text import shown


def too_small_text(min_width: int, min_height: int, width: int, height: int) -> str:
    """Return the message, e.g. ``"Please enlarge the terminal to at least 60x20 (now 40x10)."``."""
    return _("Please enlarge the terminal to at least {min_width}x{min_height} (now {width}x{height}).").format(
        min_width=min_width, min_height=min_height, width=width, height=height
    )


class TooSmallScreen(Screen[None]):
    """Covers everything with a request to enlarge the terminal. The app pops it as
    soon as the terminal is big enough; what was beneath comes back unchanged.

    Args:
        min_width: the narrowest supported width.
        min_height: the lowest supported height.
    """

    CSS_PATH = "too_small.tcss"

    def __init__(self, min_width: int, min_height: int) -> None:
        super().__init__()
        self.min_width = min_width
        """The narrowest supported width."""
        self.min_height = min_height
        """The lowest supported height."""

    def compose(self) -> ComposeResult:
        """The message, centred."""
        size = self.app.size
        yield Static(shown(too_small_text(self.min_width, self.min_height, size.width, size.height)), id="too-small")

    def update_size(self, width: int, height: int) -> None:
        """Show the new terminal size in the message."""
        self.query_one("#too-small", Static).update(
            shown(too_small_text(self.min_width, self.min_height, width, height))
        )
