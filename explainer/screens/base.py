"""Base classes of the screens shown on top of the main flow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, cast

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import Screen

from explainer.i18n import N_, _

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import Input

    from explainer.app import ExplainerApp  # explainer.app imports the screens

T = TypeVar("T")


class _InApp(Protocol):
    """Anything that knows the app it runs in (every screen and widget)."""

    @property
    def app(self) -> App[Any]:
        """The running app."""
        ...


class UsesExplainerApp:
    """Mixin for a screen (or widget) of the explainer app: :attr:`explainer_app` is the
    running :class:`~explainer.app.ExplainerApp`, typed, so that the screen reaches the
    app's flow, pack and actions without ``type: ignore``."""

    @property
    def explainer_app(self) -> ExplainerApp:
        """The running app, as the :class:`~explainer.app.ExplainerApp` it always is."""
        node = cast(_InApp, self)  # the mixin is only ever part of a screen or widget
        return cast("ExplainerApp", node.app)


class ClosesItself(UsesExplainerApp):
    """Mixin for a :class:`~textual.screen.Screen` that closes itself with ``dismiss``.

    Textual's ``dismiss`` pops whatever screen is on top. A handler of this screen can
    run after another screen opened over it (a key picks a timeline event, and ctrl+p,
    typed right after, opens the command palette before the pick is handled): that
    late ``dismiss`` would close the palette instead. Here a screen only closes itself
    while it is the one the reader sees (the too-small message aside); otherwise the
    late request is dropped, and the reader stays where they went.
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close this screen with ``result`` if the reader sees it; else do nothing."""
        if not self.explainer_app.shows(cast(Screen, self)):
            return AwaitComplete()
        return super().dismiss(result)  # type: ignore[misc]


class OverlayScreen(ClosesItself, Screen[T]):
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
        Binding("escape", "close", N_("Close"), id="close", tooltip=N_("Back to where you were")),
    ]

    def action_close(self) -> None:
        """Close this window and any other window under it, back to the main screen:
        one escape always leads back to the reading, quiz or results screen."""
        self.dismiss(None)
        app = self.app
        while isinstance(app.screen, OverlayScreen) and len(app.screen_stack) > 1:
            app.screen.dismiss(None)


class ReferenceScreen(OverlayScreen[None]):
    """Glossary, timeline, sources, help and history: opening one of
    them from another replaces it rather than stacking up (``ExplainerApp._open``)."""


class FilteredScreen(ReferenceScreen):
    """A window whose list can be narrowed as the reader types: ``/`` shows a filter
    box at the top (focused), every key typed narrows the list (any case, anywhere in
    the entry), enter goes back to the list, and escape clears the filter (a second
    escape closes the window).

    A subclass yields :meth:`filter_box` in its frame, under the top bar, and implements
    :meth:`apply_filter` and :meth:`filter_target`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "start_filter", N_("Filter"), key_display="/", id="filter", tooltip=N_("Narrow the list as you type")),
    ]

    def filter_box(self) -> Input:
        """The filter box (hidden until ``/``)."""
        from textual.widgets import Input

        box = Input(placeholder=_("Filter: type to narrow the list; escape clears"), id="filter", classes="filter")
        box.display = False
        return box

    @property
    def filter_text(self) -> str:
        """What the reader typed in the filter box ("" when it is hidden or empty)."""
        box = self.query("#filter")
        if not box:
            return ""
        input_ = box.first()
        return str(getattr(input_, "value", "")) if input_.display else ""

    def apply_filter(self, text: str) -> None:
        """Show only the entries that match ``text`` (all of them when it is "")."""
        raise NotImplementedError

    def filter_target(self) -> Widget | None:
        """The widget that takes the keyboard when the filter box is left."""
        return None

    def action_start_filter(self) -> None:
        """Show the filter box and put the cursor in it."""
        box = self.query_one("#filter")
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the list as the reader types."""
        if event.input.id == "filter":
            event.stop()
            self.apply_filter(event.value.strip().casefold())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box: back to the (narrowed) list."""
        if event.input.id == "filter":
            event.stop()
            target = self.filter_target()
            if target is not None:
                target.focus()

    def action_close(self) -> None:
        """Escape: clear the filter if one is shown; else close the window."""
        boxes = self.query("#filter")
        if boxes and boxes.first().display:
            box = boxes.first()
            box.value = ""  # type: ignore[attr-defined]
            box.display = False
            self.apply_filter("")
            target = self.filter_target()
            if target is not None:
                target.focus()
            return
        super().action_close()
