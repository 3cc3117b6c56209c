"""A section as the reader sees it: title, body (Markdown), key points and sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from explainer.pack import Pack, Section, Source
from explainer.widgets.markdown import PackMarkdown


def source_content(source: Source) -> Content:
    """Return a source as text: title; publisher and date; the address as plain text."""
    details = source.publisher
    if source.published is not None:
        details = f"{details}, {source.published.isoformat()}"
    parts: list[Content | str | tuple[str, str]] = [Content(source.title), "\n", Content.styled(details, "italic")]
    if source.url:
        parts += ["\n", Content(source.url)]
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
    """

    def __init__(self, pack: Pack, section: Section, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack
        """The pack."""
        self.section = section
        """The section shown."""

    def compose(self) -> ComposeResult:
        """Title, body, key points, sources."""
        yield Static(Content(self.section.title), id="section-title", classes="section-title")
        yield PackMarkdown(self.section.body, id="section-body")
        yield Static(Content.styled("Key points", "bold"), id="key-points-heading", classes="heading")
        yield Static(self._key_points(), id="key-points")
        yield Static(Content.styled("Sources", "bold"), id="sources-heading", classes="heading")
        yield Static(self._sources(), id="section-sources")

    def show(self, section: Section) -> None:
        """Replace the shown section with ``section``."""
        self.section = section
        self.query_one("#section-title", Static).update(Content(section.title))
        self.query_one("#section-body", PackMarkdown).update(section.body)
        self.query_one("#key-points", Static).update(self._key_points())
        self.query_one("#section-sources", Static).update(self._sources())

    def _key_points(self) -> Content:
        points = self.section.key_points
        if not points:
            return Content("(none)")
        return Content("\n").join(Content.assemble("• ", Content(point)) for point in points)

    def _sources(self) -> Content:
        sources = []
        for source_id in self.section.sources:
            try:
                sources.append(self.pack.source(source_id))
            except KeyError:  # the loader refuses this; stay calm anyway
                continue
        if not sources:
            return Content("(none listed)")
        return Content("\n\n").join(source_content(s) for s in sources)
