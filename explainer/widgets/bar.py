"""The one-line bars of every screen: where the reader is and progress at the top
(:class:`TopBar`), the keys at the bottom (:class:`KeyFooter`)."""

from __future__ import annotations

from typing import ClassVar, Protocol, cast

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Footer, Label

from explainer.widgets.text import shown


class ShownKey(Protocol):
    """What :class:`KeyFooter` reads of one key the footer shows (Textual's footer key
    widget, which ``textual.widgets`` does not export: it is found by its CSS type name)."""

    action: str
    """The action the key runs."""
    key_display: str
    """The key as shown, e.g. ``?``."""
    description: str
    """The words after the key, e.g. ``Help``."""
    display: bool
    """Whether the key is shown."""


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
    TopBar > #top-right { width: auto; color: $text-muted; text-wrap: nowrap; margin-left: 2; }
    """

    def __init__(self, left: str = "", right: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._left = left
        self._right = right

    def compose(self) -> ComposeResult:
        """Two labels, left and right."""
        yield Label(shown(self._left), id="top-left")
        yield Label(shown(self._right), id="top-right")

    def set_left(self, text: str) -> None:
        """Show ``text`` (verbatim) on the left."""
        self._left = text
        if self.is_mounted:
            self.query_one("#top-left", Label).update(shown(text))

    def set_right(self, text: str) -> None:
        """Show ``text`` (verbatim) on the right."""
        self._right = text
        if self.is_mounted:
            self.query_one("#top-right", Label).update(shown(text))


class KeyFooter(Footer):
    """The compact footer of every screen, made to fit its line.

    When the keys do not all fit (a 60-column terminal), it leaves out the app-wide
    keys in :attr:`DROP_ORDER` one by one until the rest fits, rather than cutting the
    line in the middle of a key. "? Help" always stays: the help screen lists every key.
    """

    DROP_ORDER: ClassVar[tuple[str, ...]] = ("sources", "timeline", "glossary", "quit")
    """Actions whose keys give way, first to last, when the line is too narrow."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(compact=True, show_command_palette=False, id=id)
        self._composed_from: tuple[object, ...] | None = None
        """What the shown keys were built from (:meth:`keys_signature` at compose)."""

    def keys_signature(self) -> tuple[object, ...]:
        """Everything :meth:`Footer.compose` builds the keys from, in a comparable form.

        Two equal signatures give the same keys (same key, display, description,
        action, enabled state, tooltip and group), so a rebuild between them would
        change nothing on screen.
        """
        if not self._bindings_ready or not self.is_attached:
            return (False,)
        shown = tuple(
            (binding, self.app.get_key_display(binding), enabled, tooltip)
            for (_unused, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (True, self.compact, self.show_command_palette, shown)

    def compose(self) -> ComposeResult:
        """Textual's keys, remembering what they were built from."""
        self._composed_from = self.keys_signature()
        yield from super().compose()

    async def recompose(self) -> None:
        """Rebuild the keys if the bindings shown changed, then fit them to the line.

        Textual's footer rebuilds every key on each bindings change (every focus
        change, every screen refresh of its bindings); most leave the shown keys as
        they were, and rebuilding them then only costs restyling and a repaint.
        """
        if self._composed_from is not None and self.keys_signature() == self._composed_from:
            return
        await super().recompose()
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys to the new width."""
        self.fit()

    def shown_keys(self) -> list[ShownKey]:
        """The keys the footer holds, left to right (shown or left out)."""
        return [cast(ShownKey, key) for key in self.query_children("FooterKey").results(Widget)]

    def fit(self) -> None:
        """Show every key that fits, leaving out those in :attr:`DROP_ORDER` first."""
        keys = self.shown_keys()
        width = self.size.width
        if not keys or not width:
            return
        for key in keys:
            key.display = True
        total = sum(self.key_width(key) for key in keys)
        for action in self.DROP_ORDER:
            if total <= width:
                break
            for key in keys:
                if key.action == action and key.display:
                    key.display = False
                    total -= self.key_width(key)

    @staticmethod
    def key_width(key: ShownKey) -> int:
        """Cells a compact footer key takes: key, space, description, gap."""
        width = cell_len(key.key_display) + 1
        if key.description:
            width += 1 + cell_len(key.description)
        return width
