"""The glossary: every term, its definition, and related terms."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import _, ngettext
from explainer.pack import GlossaryEntry
from explainer.screens.base import FilteredScreen
from explainer.widgets import KeyFooter, PackMarkdown, TopBar
from explainer.widgets.text import shown


class GlossaryScreen(FilteredScreen):
    """Terms on the left, the highlighted term's definition on the right.

    Args:
        term: the term to show first (None: the first term).
    """

    CSS_PATH = "glossary.tcss"
    AUTO_FOCUS = "#terms"

    def __init__(self, term: str | None = None) -> None:
        super().__init__()
        self.entries: tuple[GlossaryEntry, ...] = self.explainer_app.pack.glossary
        """The glossary entries, in file order."""
        self.start = next((i for i, e in enumerate(self.entries) if e.term == term), 0)
        """Index of the term shown first."""
        self.listed: list[int] = list(range(len(self.entries)))
        """Indexes (into :attr:`entries`) of the terms in the list, which a filter narrows."""

    def compose(self) -> ComposeResult:
        """Term list, definition, see-also buttons."""
        with Vertical(id="glossary-frame", classes="reference-frame"):
            count = len(self.entries)
            right = ngettext("{count} term · / filters · escape to go back", "{count} terms · / filters · escape to go back", count)
            yield TopBar(_("Glossary"), right.format(count=count))
            yield self.filter_box()
            if not self.entries:
                yield Static(shown(_("This pack has no glossary.")), classes="empty")
            else:
                with Horizontal(classes="panes"):
                    yield OptionList(*[Option(shown(e.term)) for e in self.entries], id="terms", markup=False)
                    with VerticalScroll(id="definition-scroll"):
                        yield Static(id="term")
                        yield PackMarkdown(id="definition")
                        yield Static(Content.styled(_("See also"), "bold"), id="see-also-heading")
                        yield Vertical(id="see-also")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first term."""
        if self.entries:
            self.query_one("#terms", OptionList).highlighted = self.start
            self.show_entry(self.start)

    @property
    def shown(self) -> GlossaryEntry | None:
        """The entry whose definition is shown."""
        return self._shown

    _shown: GlossaryEntry | None = None

    def show_entry(self, index: int) -> None:
        """Show the definition of entry ``index``."""
        entry = self.entries[index]
        self._shown = entry
        self.query_one("#term", Static).update(shown(entry.term))
        self.query_one("#definition", PackMarkdown).update(entry.definition)
        see_also = self.query_one("#see-also", Vertical)
        see_also.remove_children()
        known = {e.term for e in self.entries}
        buttons = [
            Button(Content.assemble("→ ", shown(term)), compact=True, classes="see-also", name=term)
            for term in entry.see_also
            if term in known
        ]
        self.query_one("#see-also-heading").display = bool(buttons)
        see_also.mount_all(buttons)

    @on(OptionList.OptionHighlighted, "#terms")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_entry(self.listed[event.option_index])

    def apply_filter(self, text: str) -> None:
        """List only the terms whose term or definition contains ``text`` (any case)."""
        if not self.entries:
            return
        self.listed = [
            i for i, e in enumerate(self.entries) if not text or text in e.term.casefold() or text in e.definition.casefold()
        ]
        terms = self.query_one("#terms", OptionList)
        terms.clear_options()
        terms.add_options([Option(shown(self.entries[i].term)) for i in self.listed])
        if self.listed:
            terms.highlighted = 0
        else:
            terms.add_option(Option(shown(_("Nothing matches.")), disabled=True))

    def filter_target(self) -> OptionList | None:
        """The list of terms."""
        found = self.query("#terms")
        return found.first(OptionList) if found else None

    @on(Button.Pressed, ".see-also")
    def _see_also(self, event: Button.Pressed) -> None:
        """Jump to a related term."""
        for index, entry in enumerate(self.entries):
            if entry.term == event.button.name:
                if index not in self.listed:  # filtered out: show every term again
                    self.action_close()
                terms = self.query_one("#terms", OptionList)
                terms.highlighted = self.listed.index(index)
                terms.focus()
                break
