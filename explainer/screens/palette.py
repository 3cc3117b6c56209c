"""The command palette: Textual's, with paging that is safe before the list is laid out."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette

from explainer.i18n import N_


class PackCommandPalette(CommandPalette):
    """Textual's :class:`~textual.command.CommandPalette`, whose page keys do nothing
    while the list of commands has no room yet.

    Textual 8.2 pages through the list by its laid-out lines; a ``pageup`` pressed while
    the commands are being gathered (the list holds options but has not been laid out,
    so it is 0 cells high) raised ``KeyError``. Here a page key waits for the list to be
    drawn: until then it does nothing, as a reader would expect of an empty list.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", N_("Next page"), show=False, id="palette-page-down"),
        Binding("pageup", "page(-1)", N_("Previous page"), show=False, id="palette-page-up"),
    ]

    def action_page(self, direction: int) -> None:
        """Move the highlight a page down (``direction`` 1) or up (-1) in the list of
        commands, once the list is on screen with room for at least one line."""
        commands = self.query_one(CommandList)
        region = commands.scrollable_content_region
        if not commands.option_count or region.width <= 0 or region.height <= 0:
            return
        if direction > 0:
            commands.action_page_down()
        else:
            commands.action_page_up()
