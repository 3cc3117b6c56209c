"""Pick the language of the lesson and the interface (``l`` on the welcome screen)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import LANGUAGE_NAMES, N_, _, base_language
from explainer.screens.base import ClosesItself
from explainer.widgets import KeyFooter
from explainer.widgets.text import shown


def language_name(tag: str) -> str:
    """A language's name in itself (``"ko"`` -> ``"한국어"``); an unknown tag as written."""
    return LANGUAGE_NAMES.get(base_language(tag), tag)


class LanguageScreen(ClosesItself, ModalScreen[str | None]):
    """The pack's languages, each in its own name; ``enter`` (or a click) picks one and
    dismisses with its tag, ``escape`` dismisses with None (nothing changes).

    Args:
        languages: the languages the pack can be read in (tags, its own first).
        current: the language of the lesson shown now (marked, and highlighted first).
    """

    CSS_PATH = "language.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="language-back", tooltip=N_("Keep this language")),
    ]

    def __init__(self, languages: Sequence[str], current: str) -> None:
        super().__init__()
        self.languages = list(languages)
        """The tags offered, in order."""
        self.current = current
        """The lesson's language now."""

    def compose(self) -> ComposeResult:
        """A title, the list of languages and the dialog's keys."""
        with Vertical(id="language-dialog"):
            yield Static(shown(_("Language of the lesson")), id="language-title")
            options = []
            for tag in self.languages:
                name = language_name(tag)
                if base_language(tag) == base_language(self.current):
                    name = _("{language} (now)").format(language=name)
                options.append(Option(shown(name), id=tag))
            yield OptionList(*options, id="language-list")
            yield Static(shown(_("Your progress carries over: the questions are the same.")), id="language-note")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Highlight the language shown now."""
        choices = self.query_one(OptionList)
        for index, tag in enumerate(self.languages):
            if base_language(tag) == base_language(self.current):
                choices.highlighted = index
        choices.focus()

    def action_close(self) -> None:
        """Keep the language."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
