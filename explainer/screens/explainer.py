"""The explainer: one section at a time, with a sidebar of all sections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen

from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import N_, _
from explainer.screens.base import ClosesItself
from explainer.pack import Section
from explainer.widgets import KeyFooter, SectionView, TopBar
from explainer.widgets.text import shown
from explainer.widgets.wrap import NO_BREAK, Hanging


WIDE = 80
"""The narrowest terminal (columns) with the sidebar beside the section: 26 columns of
sidebar leave the section at least 50 (the body is never narrower than 50 columns on a
terminal of 60 or more; below :data:`WIDE` the sidebar folds away)."""


class ExplainerScreen(ClosesItself, Screen[None]):
    """Reads the pack's sections in order.

    Args:
        start: index (0-based, among ``section_ids``) of the section to show first.
        section_ids: read only these sections (e.g. the ones behind the reader's
            mistakes); None reads them all. When given, the screen is pushed on top of
            the results and its last "next" goes back there.
        visiting: opened over another screen (a window, the quiz, the results) by
            :meth:`~explainer.app.ExplainerApp.open_section`: every section can be
            read, and escape (or "Back" after the last) returns to exactly where the
            reader was, that screen kept as it was.
    """

    CSS_PATH = "explainer.tcss"
    AUTO_FOCUS = "#section-scroll"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (WIDE, "-wide")]
    """Below :data:`WIDE` columns the sidebar folds away (``l`` shows the list of
    sections in place of the section) and the navigation bar keeps only its buttons
    ("Section k of N" is in the top bar anyway)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n", "next", N_("Next"), key_display="→/n", id="section-next", tooltip=N_("Next section")),
        Binding("left,p", "previous", N_("Previous"), key_display="←/p", id="section-previous", tooltip=N_("Previous section")),
        Binding("l", "toggle_sections", N_("Sections"), id="reading-sections", tooltip=N_("Show or hide the list of sections")),
        Binding("l", "toggle_sidebar", N_("Sidebar"), show=False, id="reading-sidebar", tooltip=N_("Show or hide the sidebar")),
        Binding("z", "quiz", N_("Quiz"), id="reading-quiz", tooltip=N_("Go to the quiz")),
        Binding("escape", "back", N_("Back"), id="reading-back", tooltip=N_("Close the list of sections, or back to where you were")),
        Binding("escape", "home", N_("Welcome"), show=False, id="reading-home", tooltip=N_("Back to the welcome screen")),
    ]

    index: var[int] = var(0)
    """Position (0-based) of the shown section among the sections being read."""

    sidebar: var[bool] = var(True)
    """True when the list of sections shows: beside the section when the terminal is at
    least :data:`WIDE` columns wide, in its place below that."""

    def __init__(self, start: int = 0, section_ids: Sequence[str] | None = None, *, visiting: bool = False) -> None:
        super().__init__()
        pack = self.explainer_app.pack
        if section_ids is None:
            self.sections: tuple[Section, ...] = pack.sections
        else:
            self.sections = tuple(pack.section(section_id) for section_id in section_ids)
        """The sections being read, in reading order."""
        self.review = section_ids is not None
        """True when reading only the sections behind mistakes (pushed over results)."""
        self.visiting = visiting
        """True when opened over another screen (a window, the quiz, the results) to read
        one section: escape, or "Back" after the last section, returns there."""
        self._wide = True
        self._loaded = False
        self.set_reactive(ExplainerScreen.index, max(0, min(start, len(self.sections) - 1)))

    @property
    def section(self) -> Section:
        """The section shown."""
        return self.sections[self.index]

    def compose(self) -> ComposeResult:
        """Bar, sidebar, section, buttons, footer."""
        if self.review:
            title = _("Reading: sections you missed")
        elif self.visiting:
            title = _("Reading · escape goes back")
        else:
            title = _("Reading")
        yield TopBar(title, id="top")
        with Horizontal(id="reading"):
            with Vertical(id="sidebar"):
                yield Static(shown(_("Sections")), id="sidebar-title")
                yield OptionList(*[Option(self._entry(i)) for i in range(len(self.sections))], id="section-list", markup=False)
                yield Static(id="read-count")
            with Vertical(id="reading-main"):
                with VerticalScroll(id="section-scroll"):
                    yield SectionView(self.explainer_app.pack, self.section, id="section-view")
                with Horizontal(id="reading-nav"):
                    yield Button(_("← Previous"), id="previous")
                    yield Static(id="position")
                    yield Button(_("Next →"), id="next", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first section; fold the sidebar away on a narrow terminal."""
        self._wide = self.size.width >= WIDE
        self.sidebar = self._wide
        scroll = self.query_one("#section-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", lambda: self._check_read(), init=False)
        self.watch(scroll, "virtual_size", lambda: self._check_read(), init=False)
        self._show()

    def on_resize(self) -> None:
        """Crossing :data:`WIDE` shows the sidebar (wide) or folds it away (narrow)."""
        wide = self.size.width >= WIDE
        if wide != self._wide:
            self._wide = wide
            self.sidebar = wide

    def watch_sidebar(self, sidebar: bool) -> None:
        """Show or hide the list; on a narrow terminal it takes the section's place and
        the keyboard goes to it."""
        self.set_class(not sidebar, "-sidebar-hidden")
        self.set_class(sidebar, "-sidebar-shown")
        if not self.is_mounted:
            return
        if sidebar and not self._wide:
            self.query_one("#section-list", OptionList).focus()
        elif not sidebar and self.focused is not None and self.focused.id == "section-list":
            self.query_one("#section-scroll", VerticalScroll).focus()
        self.refresh_bindings()

    def action_toggle_sections(self) -> None:
        """Show or hide the list of sections (in the section's place: narrow terminal)."""
        self.sidebar = not self.sidebar

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar beside the section (wide terminal; the same key as
        :meth:`action_toggle_sections`, kept out of the footer there for room)."""
        self.sidebar = not self.sidebar

    def watch_index(self) -> None:
        """Show the section at the new index."""
        if self.is_mounted:
            self._show()

    def _entry(self, index: int) -> Hanging:
        """A sidebar entry: ✓ (or ·) and the number, then the title with "(read)" in
        words; wrapped lines of the title stay under the title, and "(read)" stays with
        its last word."""
        section = self.sections[index]
        read = self.explainer_app.reading.is_read(section.id)
        mark = "✓" if read else "·"
        title: list[Content | str | tuple[str, str]] = [shown(section.title)]
        if read:
            title.append((NO_BREAK + _("(read)"), "italic"))
        indent = len(f"· {len(self.sections)}. ")
        return Hanging([(f"{mark} {index + 1}. ", Content.assemble(*title))], indent=indent)

    @property
    def returns(self) -> bool:
        """True when this screen was opened over another (the sections behind mistakes,
        or one section visited from a window, the quiz or the results)."""
        return self.review or self.visiting

    def _show(self) -> None:
        """Bring every part of the screen up to the shown section; it counts as read
        once its end is on screen (:meth:`_check_read`)."""
        self._loaded = False
        self.run_worker(self._when_shown(self.query_one(SectionView).show(self.section), self.index), group="shown")
        self.query_one("#section-scroll", VerticalScroll).scroll_home(animate=False)
        self._show_read()
        self.query_one("#section-list", OptionList).highlighted = self.index
        total = len(self.sections)
        position = _("Section {number} of {total}").format(number=self.index + 1, total=total)
        self.query_one("#position", Static).update(shown(position))
        self.query_one("#top", TopBar).set_right(position)
        self.query_one("#previous", Button).disabled = self.index == 0
        last = self.index == total - 1
        next_label = _("Next →")
        if last:
            if self.review:
                next_label = _("Back to results")
            elif self.visiting:
                next_label = _("Back")
            else:
                next_label = _("On to the quiz →")
        next_button = self.query_one("#next", Button)
        if next_button.label.plain != next_label:
            next_button.label = shown(next_label)
            next_button.refresh(layout=True)  # a Button keeps its old width otherwise
        self.refresh_bindings()

    async def _when_shown(self, shown_: AwaitComplete, index: int) -> None:
        """Once the section at ``index`` is laid out, see whether its end is on screen."""
        await shown_
        if index == self.index:
            self._loaded = True
            self.call_after_refresh(self._check_read)

    def _check_read(self) -> None:
        """Count the shown section as read once the reader has seen its end: it fits on
        the screen, or it is scrolled to the bottom (its body laid out first)."""
        if not self.is_attached or not self._loaded:
            return
        scroll = self.query_one("#section-scroll", VerticalScroll)
        if scroll.size.height and scroll.scroll_y >= scroll.max_scroll_y - 1:
            self._mark_read()

    def _mark_read(self) -> None:
        """Record the shown section as read and tick it in the sidebar."""
        reading = self.explainer_app.reading
        if not reading.is_read(self.section.id):
            reading.mark_read(self.section.id)
            self._show_read()

    def _show_read(self) -> None:
        """Bring the sidebar's ✓ marks and the "Read k of N" count up to date."""
        reading = self.explainer_app.reading
        section_list = self.query_one("#section-list", OptionList)
        for i in range(len(self.sections)):
            section_list.replace_option_prompt_at_index(i, self._entry(i))
        self.query_one("#read-count", Static).update(shown(_("Read {count} of {total}").format(count=reading.count, total=reading.total)))

    def on_screen_resume(self) -> None:
        """Back from a window (a section opened from the timeline counts as read)."""
        if self.is_mounted:
            self._show_read()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Previous is dimmed on the first section."""
        if action == "previous" and self.index == 0:
            return None
        if action == "toggle_sections":
            return not self._wide  # wide: the hidden "toggle_sidebar" takes the key
        if action == "toggle_sidebar":
            return self._wide
        if action == "back":
            return self.returns or (self.sidebar and not self._wide)
        if action == "home":  # escape when it has nowhere else to go: not in the footer, which is full
            return not (self.returns or (self.sidebar and not self._wide))
        if action == "quiz":
            return not self.returns
        return True

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        """Next section (the one shown counts as read); from the last one, on to the
        quiz (or back to where the reader came from)."""
        self._mark_read()
        if self.index < len(self.sections) - 1:
            self.index += 1
        elif self.returns:
            self.dismiss(None)
        else:
            self.explainer_app.continue_quiz()

    @on(Button.Pressed, "#previous")
    def action_previous(self) -> None:
        """Previous section."""
        if self.index > 0:
            self.index -= 1

    def action_quiz(self) -> None:
        """Go to the quiz (the section shown counts as read)."""
        self._mark_read()
        self.explainer_app.continue_quiz()

    def action_back(self) -> None:
        """Close the list of sections shown in the section's place (narrow terminal);
        else back to where the reader came from (:attr:`returns`)."""
        if self.sidebar and not self._wide:
            self.sidebar = False
        elif self.returns:
            self.dismiss(None)

    def action_home(self) -> None:
        """Back to the welcome screen (reading opened from it; what was read is kept)."""
        self.explainer_app.show_welcome()

    @on(SectionView.LinkChosen)
    def _follow(self, event: SectionView.LinkChosen) -> None:
        """Follow a link under the section: the glossary at a term, or another section
        over this one (escape comes back here, at the same place)."""
        if event.term is not None:
            self.explainer_app.action_glossary(event.term)
        elif event.section_id is not None:
            self.explainer_app.open_section(event.section_id)

    @on(OptionList.OptionSelected, "#section-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        """Open the section picked in the sidebar (on a narrow terminal the list then
        gives its place back to the section)."""
        self.index = event.option_index
        if not self._wide:
            self.sidebar = False
