"""Base classes of the screens shown on top of the main flow."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

T = TypeVar("T")


class OverlayScreen(Screen[T]):
    """A window shown over the main flow; escape closes it and returns to where the
    reader was (with everything beneath kept as it was).

    It is a plain :class:`~textual.screen.Screen` with a see-through background rather
    than a ``ModalScreen``, because a modal screen would switch off the app's keys
    (glossary, timeline, sources, help, quit) while it is open.
    """

    DEFAULT_CSS = """
    OverlayScreen {
        align: center middle;
        background: $background 60%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close", tooltip="Back to where you were"),
    ]

    def action_close(self) -> None:
        """Close this window and any other window under it, back to the main screen:
        one escape always leads back to the reading, quiz or results screen."""
        self.dismiss(None)
        app = self.app
        while isinstance(app.screen, OverlayScreen) and len(app.screen_stack) > 1:
            app.screen.dismiss(None)


class ReferenceScreen(OverlayScreen[None]):
    """Glossary, timeline, sources, help and a section shown read-only: opening one of
    them from another replaces it rather than stacking up (``ExplainerApp._open``)."""
