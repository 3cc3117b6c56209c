"""Read and write Moodle XML question banks, the format Moodle users export most.

:func:`parse_moodle_xml` turns the bytes of a Moodle XML file into an
:class:`~explainer.interop.common.ImportResult`; :func:`export_moodle_xml` writes a pack's
questions as Moodle XML. The oracle is Moodle's own ``question/format/xml/format.php``
and its tests (``xmlformat_test.php``), read with the library's search tool.

The file is parsed with defusedxml: a file that declares entities (an entity-expansion
bomb, an external entity that would read a local file) or a DTD with entities is
refused with one line, never expanded.

What maps to what (Moodle ``type`` to explainer):

==========================================  ===========================================
Moodle XML                                  explainer
==========================================  ===========================================
``multichoice``, ``<single>true``           ``single`` (several 100 % answers:
                                            ``multiple``, all or nothing, reported)
``multichoice``, ``<single>false``          ``multiple``, ``scoring = "partial"``
``truefalse``                               ``true_false``
``shortanswer`` (``<usecase>1``)            ``short_answer`` (``case_sensitive``)
``numerical``                               ``numeric`` (the full-credit answer)
``matching`` (empty subquestion text)       ``match`` (a distractor)
``category``                                ``tags`` of the questions after it
``<generalfeedback>``                       ``explanation``
``<answer><feedback>``                      the choice's ``feedback``
``<tags><tag>``, ``<idnumber>``             ``tags``, ``id``
``essay``, ``description``, ``cloze``...    skipped, with a report line
==========================================  ===========================================

Text formats: ``html`` and ``moodle_auto_format`` holding HTML become plain text (links
and media kept as ``[audio: file]`` text, reported); ``plain_text`` is kept as written;
``markdown`` is kept as Markdown in the explanation and as written elsewhere. Text put
into the explanation (Markdown) is escaped unless it was Markdown already.
"""

from __future__ import annotations

import codecs
import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from explainer.interop.common import (
    IMPORTED_SECTION,
    BankError,
    IdMaker,
    ImportResult,
    ReportEntry,
    char_ref_notes,
    check_question,
    clean_question,
    escape_markdown,
    html_to_text,
    looks_like_html,
    short_answer_text,
    tag_slugs,
    usable_id_source,
    pin_positional,
    slugify,
)
from explainer.interop.gift import _short, category_tags

__all__ = ["XmlRefused", "XmlWriter", "export_moodle_xml", "looks_like_moodle_xml", "parse_moodle_xml"]

_SKIPPED_TYPES = {
    "essay": "an essay question (free-text answer) cannot be marked by explainer",
    "description": "a description is not a question; put such text in explainer.toml",
    "multianswer": "an embedded-answers (Cloze) question has no explainer form",
    "cloze": "an embedded-answers (Cloze) question has no explainer form",
    "random": "a random question has no explainer form (it draws from a Moodle category)",
    "calculated": "a calculated question has no explainer form",
    "calculatedsimple": "a calculated question has no explainer form",
    "calculatedmulti": "a calculated question has no explainer form",
    "randomsamatch": "a random short-answer matching question has no explainer form",
    "ddwtos": "a drag-and-drop question has no explainer form",
    "gapselect": "a select-missing-words question has no explainer form",
    "ddimageortext": "a drag-and-drop question has no explainer form",
    "ddmarker": "a drag-and-drop question has no explainer form",
}


class XmlRefused(Exception):
    """The file is not a Moodle XML bank explainer will read: not XML, not ``<quiz>``,
    or it declares entities (``message`` says which; ``line`` is 1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def looks_like_moodle_xml(data: bytes) -> bool:
    """True when ``data`` starts (after a BOM and white space) like an XML document."""
    head = data[:200].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<?xml") or head.startswith(b"<quiz")


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:  # type: ignore[override]
        """Build the element and note its line."""
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber if self.parser else 0
        return element


_DECLARED_ENCODING = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
"""The encoding an XML declaration names (``<?xml version="1.0" encoding="UTF-8"?>``)."""


def _as_utf8(data: bytes) -> bytes:
    """``data`` re-encoded as UTF-8 when its XML declaration names another encoding
    that Python knows but expat does not read itself (Shift_JIS, EUC-KR, GBK, Big5...),
    with the declaration changed to say UTF-8. UTF-8, UTF-16 and UTF-32 files are
    returned as they are (expat reads them or says they are wrong).

    Raises:
        XmlRefused: an unknown encoding, or bytes that are not in the declared one (with
            the line of the first bad byte).
    """
    declared = _DECLARED_ENCODING.match(data[:200])
    if not declared:
        return data
    name = declared.group(1).decode("ascii", "replace")
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise XmlRefused(1, f"the file declares the encoding '{name}', which explainer does not know; save it as UTF-8 and import it again") from None
    if not getattr(info, "_is_text_encoding", True):
        raise XmlRefused(1, f"'{name}' in the XML declaration is not a text encoding; save the file as UTF-8 and import it again")
    if info.name == "utf-8" or info.name.startswith(("utf-16", "utf-32")):
        return data
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as bad:
        line = data[: bad.start].count(b"\n") + 1
        raise XmlRefused(line, f"the file is not {name} text, as its XML declaration says it is; save it as UTF-8 and import it again") from None
    head, close, rest = text.partition("?>")
    head = re.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="UTF-8"', head, count=1)
    return (head + close + rest).encode("utf-8")


def _parse_xml(data: bytes) -> tuple[ET.Element, dict[int, int]]:
    """Parse ``data`` with defusedxml; returns the root and each element's line.

    Raises:
        XmlRefused: entities (at the line of the first ``<!ENTITY``), a DTD with
            external references, an encoding that cannot be read, or XML that does not
            parse.
    """
    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    data = _as_utf8(data)
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except defusedxml.EntitiesForbidden as exc:
        declared_at = re.search(rb"<!ENTITY", data)
        raise XmlRefused(
            data[: declared_at.start()].count(b"\n") + 1 if declared_at else 1,
            f"the file declares the XML entity '{exc.name}'; explainer never expands entities"
            " (an entity-expansion bomb or an external entity could hang the reader's machine"
            " or read its files): export the bank from Moodle again",
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise XmlRefused(1, f"the file uses an XML feature explainer refuses ({type(exc).__name__})") from None
    except (LookupError, ValueError) as exc:  # an encoding Python or expat cannot read
        declared = _DECLARED_ENCODING.match(data[:200])
        name = declared.group(1).decode("ascii", "replace") if declared else "?"
        raise XmlRefused(
            1, f"the file declares the encoding '{name}', which explainer cannot read ({exc}); save it as UTF-8 and import it again"
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        declared = _DECLARED_ENCODING.match(data[:200])
        if not declared or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as bad:
                line = data[: bad.start].count(b"\n") + 1
                said = "as its XML declaration says it is" if declared else "which XML without an encoding declaration must be"
                raise XmlRefused(line, f"the file is not UTF-8 text, {said}; save it as UTF-8 and import it again") from None
        raise XmlRefused(line, f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    return root, builder.lines


# ----------------------------------------------------------------------------- reading


def _text_of(element: ET.Element | None) -> str:
    """The text of ``element``'s ``<text>`` child, or of the element itself."""
    if element is None:
        return ""
    child = element.find("text")
    source = child if child is not None else element
    return "".join(source.itertext()) if child is not None else (source.text or "")


def _formatted(element: ET.Element | None, field: str, notes: list[str], *, markdown_field: bool = False) -> str:
    """The text of a Moodle formatted field (``format`` attribute and ``<text>``), as
    explainer shows it: see the module docstring. Adds a note for each visible change."""
    if element is None:
        return ""
    text = _text_of(element).strip()
    fmt = element.get("format", "html")
    inner = element.find("text")
    if inner is not None and len(inner):  # <text>a<b>x</b></text>: elements, not escaped HTML
        notes.append(f"XML elements inside the {field}'s <text> ({', '.join(sorted({f'<{c.tag}>' for c in inner.iter() if c is not inner}))}) read as plain text")
    for file in element.findall("file"):
        notes.append(f"the file {file.get('name', '')!r} embedded in the {field} is not kept")
    if fmt == "html" or (fmt == "moodle_auto_format" and looks_like_html(text)):
        kept: list[str] = []
        notes.extend(char_ref_notes(text, field))
        plain = html_to_text(text.replace("@@PLUGINFILE@@/", ""), kept)
        if plain != text:
            notes.append(f"HTML in the {field} converted to plain text")
        if kept:
            notes.append(f"links and media in the {field} kept as text: " + ", ".join(kept))
        return escape_markdown(plain) if markdown_field else plain
    if fmt == "markdown":
        if not markdown_field and any(mark in text for mark in "*_`#[]"):
            notes.append(f"Markdown in the {field} kept as written (the {field} is plain text)")
        return text
    return escape_markdown(text) if markdown_field else text


MOODLE_GRADES = (100, 90, 100 * 5 / 6, 80, 75, 70, 200 / 3, 60, 50, 40, 100 / 3, 30, 25, 20, 100 / 6, 100 / 7, 12.5, 100 / 9, 10, 5, 0)
"""The grades (percent) Moodle allows for an answer, and their negatives
(``question_bank::fraction_options_full``); its XML import refuses any other."""


def _fraction(answer: ET.Element, line: int) -> float:
    """An answer's ``fraction`` attribute, in percent (``100``, ``-50``, ``33.33333``).

    Raises:
        BankError: it is not a number, or not one of Moodle's grades (as Moodle's own
            import refuses it).
    """
    raw = answer.get("fraction", "0")
    try:
        value = float(raw)
    except ValueError:
        raise BankError(line, f"the answer fraction {raw!r} is not a number") from None
    if not math.isfinite(value) or not any(abs(abs(value) - grade) < 0.001 for grade in MOODLE_GRADES):
        raise BankError(
            line,
            f"the answer fraction {raw} is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70,"
            " 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,"
            " or one of these below 0); Moodle refuses it too",
        )
    return value


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 0.01


def parse_moodle_xml(data: bytes, *, section: str = IMPORTED_SECTION) -> ImportResult:
    """Read a Moodle XML bank.

    Args:
        data: the file's bytes.
        section: the section id every question points at.

    Returns:
        An :class:`ImportResult` (``format="moodle-xml"``): the questions explainer can
        represent, and a report in line order (``converted``, ``approximated`` with what
        changed, ``skipped`` with why, ``error`` for a question that cannot be read).

    Raises:
        XmlRefused: the whole file is refused (entities, not XML, no ``<quiz>``).
    """
    root, lines = _parse_xml(data)
    if root.tag != "quiz":
        raise XmlRefused(1, f"the document is <{root.tag}>, not a Moodle <quiz>")
    result = ImportResult(format="moodle-xml")
    ids = IdMaker()
    tags: list[str] = []
    for element in root.findall("question"):
        line = lines.get(id(element), 1)
        kind = element.get("type", "")
        if kind == "category":
            category_notes: list[str] = []
            tags = category_tags(_text_of(element.find("category")), category_notes)
            if category_notes:
                result.report.append(ReportEntry(line, "approximated", "category: " + "; ".join(category_notes)))
            continue
        if kind in _SKIPPED_TYPES or kind not in _READERS:
            why = _SKIPPED_TYPES.get(kind, f"the question type '{kind}' has no explainer form")
            result.report.append(ReportEntry(line, "skipped", why))
            continue
        notes: list[str] = []
        try:
            question = _read_question(element, kind, section, notes, line)
        except BankError as exc:
            result.report.append(ReportEntry(exc.line, "error", exc.message))
            continue
        own_tags = tag_slugs([_text_of(tag) for tag in element.findall("tags/tag")], notes)
        all_tags = list(dict.fromkeys(tags + [t for t in own_tags if t]))
        if all_tags:
            question["tags"] = all_tags
        result.report.extend(clean_question(question, line))
        id_number = (element.findtext("idnumber") or "").strip()
        name = _text_of(element.find("name")).strip()
        source = usable_id_source([("the <idnumber>", id_number), ("the <name>", name)], notes)
        question["id"] = ids.make(source, question["prompt"], len(result.questions) + 1)
        pinned = pin_positional(question)
        shape = ""
        if pinned:
            shape = "; pinned " + ", ".join(f'"{text}"' for text in pinned) + " in place"
        try:
            check_question(question, line)
        except BankError as exc:
            result.report.append(ReportEntry(exc.line, "error", exc.message))
            continue
        result.questions.append(question)
        label = question["type"] + (f" ({question['scoring']} scoring)" if question["type"] == "multiple" else "")
        message = f"question '{question['id']}' as {label}{shape}"
        if notes:
            result.report.append(ReportEntry(line, "approximated", message + ": " + "; ".join(dict.fromkeys(notes))))
        else:
            result.report.append(ReportEntry(line, "converted", message))
    result.report.sort(key=lambda entry: entry.line)
    return result


def _read_question(element: ET.Element, kind: str, section: str, notes: list[str], line: int) -> dict[str, Any]:
    """One question of a type explainer reads: its dict without ``id`` and ``tags``.

    Raises:
        BankError: it cannot be read (no answers, a bad fraction...).
    """
    prompt = _formatted(element.find("questiontext"), "prompt", notes)
    old_image = (element.findtext("image") or "").strip()
    if old_image:  # Moodle 1.9's <image> field: Moodle adds it to the question text
        prompt = f"{prompt} [image: {old_image}]".strip()
        notes.append(f"the old <image> field kept as text: [image: {old_image}]")
    if not prompt:
        raise BankError(line, "a question with no question text")
    question: dict[str, Any] = {"id": "", "type": "", "prompt": prompt, "section": section}
    fields, feedbacks = _READERS[kind](element, notes, line)
    question.update(fields)
    general = _formatted(element.find("generalfeedback"), "general feedback", notes, markdown_field=True)
    if general:
        question["explanation"] = general
        for what, text in feedbacks:
            notes.append(f'{what} dropped ("{_short(text)}"): the general feedback is the explanation')
    elif feedbacks:
        (what, text), *rest = feedbacks
        question["explanation"] = escape_markdown(text)
        notes.append(f"{what} became the explanation")
        for what, text in rest:
            notes.append(f'{what} dropped ("{_short(text)}")')
    return question


def _answers(element: ET.Element, notes: list[str], line: int) -> list[tuple[str, float, str, int]]:
    """``(text, fraction %, feedback, line)`` of each ``<answer>`` (text in its format);
    a blank answer is skipped with a note, as Moodle skips it."""
    out = []
    blank = 0
    for answer in element.findall("answer"):
        text = _formatted(answer, "answer", notes)
        if not text.strip():  # Moodle skips a blank answer when it saves the question
            blank += 1
            continue
        feedback = _formatted(answer.find("feedback"), "feedback", notes)
        out.append((text, _fraction(answer, line), feedback, line))
    if blank:
        notes.append(f"{blank} blank answer{'s' if blank > 1 else ''} skipped, as Moodle skips them")
    return out


def _multichoice(element: ET.Element, notes: list[str], line: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``single`` or ``multiple`` from a ``multichoice`` question (``<single>``)."""
    answers = _answers(element, notes, line)
    if len(answers) < 2:
        raise BankError(line, f"a choice question needs at least two answers (found {len(answers)})")
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    fractions = [f for _, f, _, _ in answers]
    if single:
        full = [f for f in fractions if _close(f, 100)]
        partial = [(t, f) for t, f, _, _ in answers if 0 < f < 99.99]
        if partial:
            notes.append("partial credit dropped for " + ", ".join(f'"{t}" ({f:g}%)' for t, f in partial) + " (counted wrong)")
        if any(f < 0 for f in fractions):
            notes.append("negative fractions dropped (a wrong pick scores 0)")
        if not full:
            raise BankError(line, "a single-answer question with no answer at 100%")
        correct = [_close(f, 100) for f in fractions]
        if len(full) > 1:
            notes.append(f"{len(full)} answers at 100% (in Moodle any one of them is right); the reader must pick all of them")
            fields: dict[str, Any] = {"type": "multiple", "scoring": "all_or_nothing"}
        else:
            fields = {"type": "single"}
    else:
        correct = [f > 0 for f in fractions]
        k = sum(correct)
        if k == 0:
            raise BankError(line, "a multiple-answer question with no answer above 0%")
        fields = {"type": "multiple", "scoring": "partial"}
        if not all(_close(f, 100 / k) if c else _close(f, -100 / k) for f, c in zip(fractions, correct)):
            notes.append(f"fractions become partial scoring: each right choice picked +1/{k}, each wrong one -1/{k}, never below 0")
    fields["choices"] = [
        {"text": text, **({"correct": True} if ok else {}), **({"feedback": feedback} if feedback else {})}
        for (text, _, feedback, _), ok in zip(answers, correct)
    ]
    return fields, []


def _truefalse(element: ET.Element, notes: list[str], line: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``true_false``: the answer whose text is ``true`` or ``false`` with fraction 100."""
    answers = _answers(element, notes, line)
    right = [(text.strip().lower(), feedback) for text, f, feedback, _ in answers if _close(f, 100)]
    if len(right) != 1 or right[0][0] not in ("true", "false"):
        raise BankError(line, "a true/false question needs one of 'true' and 'false' at 100%")
    wrong = [(feedback) for text, f, feedback, _ in answers if not _close(f, 100)]
    feedbacks = [("the feedback for a right answer", right[0][1])] + [("the feedback for a wrong answer", w) for w in wrong]
    return {"type": "true_false", "answer": right[0][0] == "true"}, [(w, t) for w, t in feedbacks if t]


def _shortanswer(element: ET.Element, notes: list[str], line: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``short_answer``: the 100 % answers are accepted; ``<usecase>1`` is case-sensitive."""
    answers = [a for a in _answers(element, notes, line) if a[0]]
    if not answers:
        raise BankError(line, "a short-answer question with no answer")
    full = [a for a in answers if _close(a[1], 100)]
    if not full:
        best = max(answers, key=lambda a: a[1])
        full = [best]
        notes.append(f'no answer has full credit; "{best[0]}" ({best[1]:g}%) is accepted')
    catch_all = [a for a in answers if a[0] == "*" and a not in full]
    dropped = [a for a in answers if a not in full and a not in catch_all]
    if dropped:
        notes.append("answers without full credit not accepted: " + ", ".join(f'"{a[0]}" ({a[1]:g}%)' for a in dropped))
    if catch_all:
        notes.append("the catch-all answer '*' (any other answer) is not kept: any other answer is wrong anyway")
    fields: dict[str, Any] = {"type": "short_answer", "accept": [short_answer_text(a[0], notes) for a in full]}
    if (element.findtext("usecase") or "0").strip() == "1":
        fields["case_sensitive"] = True
    feedbacks = [(f'the feedback of the answer "{a[0]}"', a[2]) for a in full + dropped + catch_all if a[2]]
    return fields, feedbacks


def _number(text: str, line: int) -> int | float:
    """A number of a numerical answer (``3``, ``2.5``, ``1e3``).

    Raises:
        BankError: it is not a finite number.
    """
    cleaned = text.strip()
    try:
        value: int | float = int(cleaned)
    except ValueError:
        try:
            value = float(cleaned)
        except ValueError:
            raise BankError(line, f"'{cleaned}' is not a number") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise BankError(line, f"'{cleaned}' is not a finite number")
    return value


def _numerical(element: ET.Element, notes: list[str], line: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``numeric``: the first full-credit answer and its tolerance; a ``*`` answer (any
    other number) and answers with less credit are reported."""
    options = []
    for answer in element.findall("answer"):
        text = _text_of(answer).strip()
        feedback = _formatted(answer.find("feedback"), "feedback", notes)
        options.append((text, _fraction(answer, line), (answer.findtext("tolerance") or "0").strip() or "0", feedback))
    numbers = [o for o in options if o[0] != "*"]
    if not numbers:
        raise BankError(line, "a numerical question with no number as an answer")
    full = [o for o in numbers if _close(o[1], 100)]
    kept = full[0] if full else max(numbers, key=lambda o: o[1])
    if not full:
        notes.append(f"no numerical answer has full credit; {kept[0]} ({kept[1]:g}%) is the right answer")
    dropped = [o for o in numbers if o is not kept]
    if dropped:
        notes.append(f"several numerical answers: kept {kept[0]}, dropped " + ", ".join(f"{o[0]} ({o[1]:g}%)" for o in dropped))
    for catch_all in (o for o in options if o[0] == "*"):
        said = f' and its feedback "{_short(catch_all[3])}"' if catch_all[3] else ""
        notes.append(f"the catch-all answer '*' (any other number){said} dropped: any other number is wrong anyway")
    if element.find("units/unit") is not None:
        notes.append("units dropped (explainer asks for the number only)")
    tolerance = _number(kept[2], line)
    if tolerance < 0:
        raise BankError(line, f"the tolerance {kept[2]} is negative")
    fields: dict[str, Any] = {"type": "numeric", "answer": _number(kept[0], line)}
    if tolerance:
        fields["tolerance"] = tolerance
    feedbacks = [(f"the feedback of the answer {o[0]}", o[3]) for o in [kept, *dropped] if o[3]]
    return fields, feedbacks


def _matching(element: ET.Element, notes: list[str], line: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``match``: each ``<subquestion>`` a pair; one with no text is a distractor."""
    pairs, distractors = [], []
    for sub in element.findall("subquestion"):
        left = _formatted(sub, "match side", notes)
        right = _text_of(sub.find("answer")).strip()
        if not right:
            raise BankError(line, "a matching subquestion with no answer")
        if left:
            pairs.append({"left": left, "right": right})
        else:
            distractors.append(right)
    if len(pairs) < 2:
        raise BankError(line, f"a matching question needs at least two pairs (found {len(pairs)})")
    fields: dict[str, Any] = {"type": "match", "pairs": pairs}
    if distractors:
        fields["distractors"] = distractors
    return fields, []


_READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
}
"""The Moodle question types explainer reads, and the function that reads each."""


# ----------------------------------------------------------------------------- writing


class XmlWriter:
    """The helpers a question kind writes its Moodle XML answers with
    (:meth:`explainer.kinds.QuestionKind.moodle_xml_answers`)."""

    @staticmethod
    def text(parent: ET.Element, tag: str, text: str, fmt: str | None, **attributes: str) -> ET.Element:
        """Add ``<tag format="fmt" ...attributes><text>text</text></tag>`` to ``parent``
        (no ``format`` when ``fmt`` is None) and return it."""
        values = ({"format": fmt} if fmt else {}) | attributes
        element = ET.SubElement(parent, tag, values)
        ET.SubElement(element, "text").text = text
        return element

    @staticmethod
    def value(parent: ET.Element, tag: str, text: str) -> ET.Element:
        """Add ``<tag>text</tag>`` to ``parent`` and return it."""
        element = ET.SubElement(parent, tag)
        element.text = text
        return element

    @staticmethod
    def number(value: float) -> str:
        """A fraction as Moodle writes it: ``100``, ``50``, ``33.33333333``."""
        return f"{value:.10g}" if isinstance(value, float) and not float(value).is_integer() else str(int(value))

    @staticmethod
    def exact(value: float) -> str:
        """A number of an answer, every digit kept: ``3``, ``3.14159265358979``,
        ``0.30000000000000004``, ``1e-09`` (Python's shortest exact form)."""
        return str(value) if isinstance(value, int) else repr(float(value))


def export_moodle_xml(pack: Any) -> Any:
    """Write the questions of ``pack`` (a loaded :class:`~explainer.pack.model.Pack`) as
    a Moodle XML bank.

    Returns:
        An :class:`~explainer.interop.export.ExportResult`. Each kind writes its own
        answers (:meth:`~explainer.kinds.QuestionKind.moodle_xml_answers`); ``order``
        questions are skipped (Moodle's ordering type is not in every Moodle). The
        prompt and feedback are written as ``plain_text`` (shown as written, as in
        explainer), the explanation as ``markdown`` general feedback, the id as
        ``<name>`` and ``<idnumber>``, ``tags`` as ``<tags>``, ``points`` as
        ``<defaultgrade>``. A hint is reported as dropped. Never raises.
    """
    from explainer.interop.export import ExportResult, _article, _question_lines, outer_space_losses
    from explainer.kinds import NoExportForm, kind_of

    result = ExportResult()
    root = ET.Element("quiz")
    for question, line in zip(pack.questions, _question_lines(pack)):
        label = f"question '{question.id}'"
        element = ET.Element("question")
        XmlWriter.text(element, "name", question.id, None)
        XmlWriter.text(element, "questiontext", question.prompt, "plain_text")
        XmlWriter.text(element, "generalfeedback", question.explanation or "", "markdown")
        XmlWriter.value(element, "defaultgrade", str(question.points))
        XmlWriter.value(element, "idnumber", question.id)
        try:
            written = kind_of(question).moodle_xml_answers(question, element, XmlWriter)
        except NoExportForm as exc:
            result.report.append(ReportEntry(line, "skipped", f"{label}: {exc}"))
            continue
        if written is None:
            result.report.append(ReportEntry(line, "skipped", f"{label}: {_article(question.type)} {question.type} question has no Moodle XML form here"))
            continue
        moodle_type, losses = written
        losses = losses + outer_space_losses(question, "Moodle XML")
        element.set("type", moodle_type)
        if question.hint:
            losses.append("hint dropped (Moodle shows hints only in interactive attempts)")
        if question.tags:
            tags = XmlWriter.value(element, "tags", "")
            tags.text = None
            for tag in question.tags:
                XmlWriter.text(tags, "tag", tag, None)
        root.append(element)
        result.exported += 1
        kind = "approximated" if losses else "converted"
        result.report.append(ReportEntry(line, kind, f"{label} ({question.type})" + (": " + "; ".join(losses) if losses else "")))
    if result.exported:
        ET.indent(root)
        result.text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<!-- language: {pack.meta.language} -->\n"  # Moodle XML has no field for it: explainer import reads this
            + ET.tostring(root, encoding="unicode")
            + "\n"
        )
    return result
