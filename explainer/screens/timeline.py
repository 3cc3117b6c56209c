"""The timeline: the story's dated events, each linked to the section that tells it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import _, ngettext
from explainer.pack import TimelineEvent
from explainer.screens.base import FilteredScreen
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown
from explainer.widgets.wrap import Hanging


class TimelineScreen(FilteredScreen):
    """Every event in file order; enter on an event opens its section over the
    timeline, and escape comes back to the timeline at the same event."""

    CSS_PATH = "timeline.tcss"
    AUTO_FOCUS = "#events"

    def compose(self) -> ComposeResult:
        """The list of events."""
        pack = self.explainer_app.pack
        events: tuple[TimelineEvent, ...] = pack.timeline
        with Vertical(id="timeline-frame", classes="reference-frame"):
            count = len(events)
            right = ngettext("{count} event · enter opens · / filters", "{count} events · enter opens · / filters", count)
            yield TopBar(_("Timeline"), right.format(count=count))
            yield self.filter_box()
            if not events:
                yield Static(shown(_("This pack has no timeline.")), classes="empty")
            else:
                yield OptionList(*[Option(self._entry(e)) for e in events], id="events", markup=False)
        yield KeyFooter()

    def _entry(self, event: TimelineEvent) -> Hanging:
        """``date  event`` and, if linked, ``→ Section: title`` on the next line; wrapped
        lines stay in the event's column, never under the date."""
        parts: list[Content | str | tuple[str, str]] = [shown(event.event)]
        if event.section:
            title = self.explainer_app.pack.section(event.section).title
            parts += ["\n", ("→ " + _("Section:") + " ", "italic"), shown(title)]
        date = shown(event.date).stylize("bold")
        return Hanging([(date, Content.assemble(*parts))], indent=max(12, date.cell_length + 2))

    @property
    def listed(self) -> list[int]:
        """Indexes (into the pack's timeline) of the events in the list, which a filter
        narrows."""
        return self.__dict__.setdefault("_listed", list(range(len(self.explainer_app.pack.timeline))))

    def apply_filter(self, text: str) -> None:
        """List only the events whose date, text or section title contains ``text``."""
        pack = self.explainer_app.pack
        if not pack.timeline:
            return

        def words(event: TimelineEvent) -> str:
            title = pack.section(event.section).title if event.section else ""
            return f"{event.date}\n{event.event}\n{title}".casefold()

        self.__dict__["_listed"] = [i for i, e in enumerate(pack.timeline) if not text or text in words(e)]
        events = self.query_one("#events", OptionList)
        events.clear_options()
        events.add_options([Option(self._entry(pack.timeline[i])) for i in self.listed])
        if self.listed:
            events.highlighted = 0
        else:
            events.add_option(Option(shown(_("Nothing matches.")), disabled=True))

    def filter_target(self) -> OptionList | None:
        """The list of events."""
        found = self.query("#events")
        return found.first(OptionList) if found else None

    @on(OptionList.OptionSelected, "#events")
    def _open(self, event: OptionList.OptionSelected) -> None:
        """Open the linked section of the picked event, if it has one."""
        app = self.explainer_app
        if not app.shows(self):
            return  # picked just before another screen opened over the timeline
        item = app.pack.timeline[self.listed[event.option_index]]
        if item.section:
            app.open_section(item.section)  # over the timeline: escape comes back to this event
        else:
            self.notify(_("This event has no linked section."), markup=False)
