"""What a section points to: the glossary terms it uses and the sections it refers to.

Pure Python over the content model (no Textual). The reading screen shows the result
under a section as links the reader can follow by keyboard and by mouse
(:class:`~explainer.widgets.section.SectionView`).

- **Terms**: every glossary term that occurs in the section's title, body or key
  points, as a whole word or phrase, ignoring case, in glossary order.
- **Cross-references**: the sections the body refers to with "see": ``see "Title"``
  (straight or curly quotes, optionally "the section"), ``see section 3``, and ``see the
  next section`` / ``see the previous section``; in the order they appear, each once,
  never the section itself. A "see" that names no section is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explainer.pack.model import Pack, Section

__all__ = ["SectionLinks", "section_links"]

_SEE = re.compile(
    r"""\bsee\s+(?:also\s+)?(?:
        (?:the\s+section\s+)?["“](?P<title>[^"”\n]{1,200})["”]
      | section\s+(?P<number>\d{1,3})\b
      | the\s+(?P<relative>next|previous)\s+section\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""A cross-reference in a section's body."""


@dataclass(frozen=True)
class SectionLinks:
    """The links of one section.

    Attributes:
        terms: glossary terms used in the section, as written in the glossary.
        sections: ids of the sections the body refers to ("see ..."), in order.
    """

    terms: tuple[str, ...]
    sections: tuple[str, ...]

    def __bool__(self) -> bool:
        """True when there is anything to link to."""
        return bool(self.terms or self.sections)


def _occurs(term: str, text: str) -> bool:
    """True when ``term`` occurs in ``text`` as a whole word or phrase (any case)."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


def section_links(pack: Pack, section: Section) -> SectionLinks:
    """Find the glossary terms and the sections that ``section`` points to.

    Args:
        pack: the pack the section belongs to (its glossary and sections).
        section: the section.

    Returns:
        The :class:`SectionLinks` (rules in the module's docstring).
    """
    text = "\n".join((section.title, section.body, *section.key_points))
    terms = tuple(entry.term for entry in pack.glossary if entry.term.strip() and _occurs(entry.term, text))
    order = [s.id for s in pack.sections]
    here = order.index(section.id) if section.id in order else -1
    by_title = {s.title.casefold().strip(): s.id for s in pack.sections}
    found: list[str] = []
    for match in _SEE.finditer(section.body):
        target: str | None = None
        if match.group("title") is not None:
            target = by_title.get(match.group("title").casefold().strip())
        elif match.group("number") is not None:
            number = int(match.group("number"))
            target = order[number - 1] if 1 <= number <= len(order) else None
        elif here >= 0:
            step = 1 if match.group("relative").lower() == "next" else -1
            index = here + step
            target = order[index] if 0 <= index < len(order) else None
        if target is not None and target != section.id and target not in found:
            found.append(target)
    return SectionLinks(terms, tuple(found))
