"""A section as the reader sees it: title, body (Markdown), figures, key points and sources."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import _
from explainer.pack import Pack, Section, Source, section_links
from explainer.widgets.figure import FigureChart
from explainer.widgets.markdown import PackMarkdown
from explainer.widgets.text import message_content, shown
from explainer.widgets.wrap import Hanging


def source_content(source: Source) -> Content:
    """Return a source as text: title; publisher and date; the address as plain text
    (one line each; show it in a :class:`~explainer.widgets.wrap.Hanging`, which breaks
    a long address only after a ``/``)."""
    details = source.publisher
    if source.published is not None:
        details = f"{details}, {source.published.isoformat()}"
    parts: list[Content | str | tuple[str, str]] = [shown(source.title), "\n", shown(details).stylize("italic")]
    if source.url:
        parts += ["\n", shown(source.url)]
    return Content.assemble(*parts)


class SectionView(Vertical):
    """Shows one section: its title, the body, "Key points" and "Sources".

    Args:
        pack: the pack the section belongs to (to look up its sources).
        section: the section to show first.
        id: the widget id.
    """

    DEFAULT_CSS = """
    SectionView { height: auto; }
    SectionView #section-links {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        background: transparent;
    }
    SectionView #section-links:focus { background-tint: $foreground 5%; }
    """

    class LinkChosen(Message):
        """The reader chose a link under the section (enter or a click).

        Attributes:
            term: the glossary term to look up, or None.
            section_id: the id of the section to read, or None.
        """

        def __init__(self, *, term: str | None = None, section_id: str | None = None) -> None:
            self.term = term
            """The glossary term to look up, or None."""
            self.section_id = section_id
            """The id of the section to read, or None."""
            super().__init__()

    def __init__(self, pack: Pack, section: Section, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack
        """The pack."""
        self.section = section
        """The section shown."""

    def compose(self) -> ComposeResult:
        """Title, body, key points, sources (a part with nothing in it is not shown)."""
        yield Static(shown(self.section.title), id="section-title", classes="section-title")
        yield PackMarkdown(self.section.body, id="section-body")
        yield Static(id="section-figures")
        yield Static(Content.styled(_("Key points"), "bold"), id="key-points-heading", classes="heading")
        yield Static(id="key-points")
        yield Static(Content.styled(_("Look up"), "bold"), id="links-heading", classes="heading")
        yield OptionList(id="section-links", markup=False)
        yield Static(Content.styled(_("Sources"), "bold"), id="sources-heading", classes="heading")
        yield Static(id="section-sources")

    def on_mount(self) -> None:
        """Fill in the key points and sources of the first section."""
        self._show_parts()

    def show(self, section: Section) -> AwaitComplete:
        """Replace the shown section with ``section``; await the result to wait until
        its body is on screen (Markdown is laid out in the background)."""
        self.section = section
        self.query_one("#section-title", Static).update(shown(section.title))
        done = self.query_one("#section-body", PackMarkdown).update(section.body)
        self._show_parts()
        return done

    def _show_parts(self) -> None:
        """Show the key points, the links and the sources, each with its heading only
        when the section has any."""
        self._show_links()
        figures = self.query_one("#section-figures", Static)
        figures.update(FigureChart(self.pack, self.section.figures) if self.section.figures else "")
        figures.display = bool(self.section.figures)
        parts = (
            ("#key-points-heading", "#key-points", self._key_points()),
            ("#sources-heading", "#section-sources", self._sources()),
        )
        for heading_id, body_id, content in parts:
            body = self.query_one(body_id, Static)
            body.update(content or "")
            body.display = self.query_one(heading_id).display = content is not None

    def _show_links(self) -> None:
        """List the glossary terms the section uses and the sections it refers to
        (:func:`~explainer.pack.links.section_links`), as options to follow."""
        links = section_links(self.pack, self.section)
        self._links: list[tuple[str | None, str | None]] = []
        options = []
        for section_id in links.sections:
            number = self.pack.section_index(section_id) + 1
            title = self.pack.section(section_id).title
            line = message_content(_("Section {number}: {title}"), number=str(number), title=shown(title))
            options.append(Option(Hanging.one("→ ", line)))
            self._links.append((None, section_id))
        for term in links.terms:
            options.append(Option(Hanging.one("→ ", message_content(_("Glossary: {term}"), term=shown(term)))))
            self._links.append((term, None))
        link_list = self.query_one("#section-links", OptionList)
        link_list.clear_options()
        link_list.add_options(options)
        if options:
            link_list.highlighted = 0
        link_list.display = self.query_one("#links-heading").display = bool(options)

    @on(OptionList.OptionSelected, "#section-links")
    def _link_chosen(self, event: OptionList.OptionSelected) -> None:
        """Tell the screen which link the reader chose."""
        event.stop()
        term, section_id = self._links[event.option_index]
        self.post_message(self.LinkChosen(term=term, section_id=section_id))

    def _key_points(self) -> Hanging | None:
        """The key points as a bulleted list (wrapped lines under the text, not the
        bullet); None when there are none."""
        points = self.section.key_points
        if not points:
            return None
        return Hanging([("• ", shown(point)) for point in points])

    def _sources(self) -> Hanging | None:
        """The section's sources, a blank line apart; None when it lists none."""
        sources = []
        for source_id in self.section.sources:
            try:
                sources.append(self.pack.source(source_id))
            except KeyError:  # the loader refuses this; stay calm anyway
                continue
        if not sources:
            return None
        return Hanging([("• ", source_content(s)) for s in sources], gap=1)
