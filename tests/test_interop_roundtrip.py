"""Round trip, as a property: every pack ``explainer export`` writes imports back to the
same questions, for every export format (GIFT, Moodle XML and Aiken), over generated packs whose
texts are full of GIFT's special characters, HTML-looking text and Markdown marks."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_interop_gift import comparable

from explainer.interop.aiken import parse_aiken
from explainer.interop.common import ImportResult, write_pack
from explainer.interop.export import export_aiken, export_gift
from explainer.interop.gift import parse_gift
from explainer.interop.moodle_xml import export_moodle_xml, parse_moodle_xml
from explainer.pack import load_pack

ALPHABET = list("abcXYZ 019~=#{}:\\-><*_[]&\"'.,?!é한😀") + ["->", "\\n", "[html]", "<b>", "&amp;"]


@st.composite
def texts(draw, *, arrows: bool = True) -> str:
    """A short text from pieces that GIFT, HTML or Markdown would read as syntax."""
    pieces = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=8))
    text = " ".join(pieces) if draw(st.booleans()) else "".join(pieces)
    text = text.strip()
    if not arrows:
        text = text.replace("->", "→")
    if not any(ch.isalnum() for ch in text):
        text = f"x{text}"
    return text


@st.composite
def questions(draw, number: int) -> dict:
    """One question of a kind GIFT writes exactly (no order, hints, pins, points...)."""
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short_answer", "numeric", "match"]))
    question: dict = {"id": f"q-{number}", "type": kind, "prompt": draw(texts()), "section": "imported"}
    if draw(st.booleans()):
        question["explanation"] = draw(texts())
    if kind in ("single", "multiple"):
        labels = draw(st.lists(texts(), min_size=2, max_size=4, unique_by=lambda t: " ".join(t.split()).casefold()))
        right = draw(st.sets(st.integers(0, len(labels) - 1), min_size=1, max_size=1 if kind == "single" else len(labels)))
        question["choices"] = [
            {"text": t, **({"correct": True} if i in right else {}), **({"feedback": draw(texts())} if draw(st.booleans()) else {})}
            for i, t in enumerate(labels)
        ]
        if kind == "multiple":
            question["scoring"] = "partial"
    elif kind == "true_false":
        question["answer"] = draw(st.booleans())
    elif kind == "short_answer":
        question["accept"] = draw(st.lists(texts(arrows=False), min_size=1, max_size=3, unique=True))
    elif kind == "numeric":
        if draw(st.booleans()):
            question["answer"] = draw(st.integers(-10_000, 10_000))
            tolerance = draw(st.integers(0, 50))
            if tolerance:
                question["tolerance"] = tolerance
        else:
            low = draw(st.integers(-100, 100))
            question["min"], question["max"] = low, low + draw(st.integers(0, 100))
    else:
        lefts = draw(st.lists(texts(arrows=False), min_size=2, max_size=4, unique=True))
        rights = draw(st.lists(texts(arrows=False), min_size=len(lefts), max_size=len(lefts), unique=True))
        question["pairs"] = [{"left": left, "right": right} for left, right in zip(lefts, rights)]
    return question


@st.composite
def banks(draw) -> list[dict]:
    """One to five questions."""
    count = draw(st.integers(1, 5))
    return [draw(questions(n)) for n in range(1, count + 1)]


def _pack(questions: list[dict], folder: Path):
    """The questions written as a pack (the importer's own writer) and loaded."""
    write_pack(ImportResult(format="gift", questions=questions), folder, source_name="generated.gift")
    return load_pack(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_gift_export_imports_back_to_the_same_questions(questions) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pack = _pack(questions, Path(tmp) / "p")
        exported = export_gift(pack)
        assert [e.kind for e in exported.report] == ["converted"] * len(pack.questions), exported.report
        back = parse_gift(exported.text.split("\n"))
        assert back.errors == [], back.report
        assert [comparable(q) for q in back.questions] == [comparable(q) for q in pack.questions]


def _numbers_as_answer(question: dict) -> dict:
    """A numeric range as Moodle XML keeps it: its middle, plus or minus half its width."""
    if question.get("min") is not None:
        low, high = question["min"], question["max"]
        question = {**question, "min": None, "max": None, "answer": (low + high) / 2, "tolerance": (high - low) / 2 or None}
    return question


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_moodle_xml_export_imports_back_to_the_same_questions(questions) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pack = _pack(questions, Path(tmp) / "p")
        exported = export_moodle_xml(pack)
        # Moodle XML has no ranges: a range is written as its middle ± half its width, and said so
        expected = ["approximated" if q.get("min") is not None else "converted" for q in questions]
        assert [e.kind for e in exported.report] == expected, exported.report
        assert all("(Moodle XML has no ranges)" in e.message for e in exported.report if e.kind == "approximated")
        back = parse_moodle_xml(exported.text.encode("utf-8"))
        assert back.errors == [], back.report
        assert [_numbers_as_answer(comparable(q)) for q in back.questions] == [
            _numbers_as_answer(comparable(q)) for q in pack.questions
        ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_aiken_export_imports_back_to_the_same_questions(questions) -> None:
    # Aiken holds single-choice questions, their prompt and choices only: those come back.
    with tempfile.TemporaryDirectory() as tmp:
        pack = _pack(questions, Path(tmp) / "p")
        exported = export_aiken(pack)
        written = [q for q, e in zip(pack.questions, exported.report) if e.kind != "skipped"]
        back = parse_aiken(exported.text.split("\n")) if exported.text else None
        if back is None:
            assert written == []
            return
        assert back.errors == [], back.report
        assert [(q["prompt"], [(c["text"], bool(c.get("correct"))) for c in q["choices"]]) for q in back.questions] == [
            (q.prompt.strip(), [(c.text.strip(), c.correct) for c in q.choices]) for q in written
        ]


def test_a_short_answer_with_an_arrow_is_written_with_a_report_line(tmp_path: Path) -> None:
    pack = _pack([{"id": "q", "type": "short_answer", "prompt": "Q?", "section": "imported", "accept": ["a->b"]}], tmp_path / "p")
    exported = export_gift(pack)
    assert exported.report[0].kind == "approximated" and "'->'" in exported.report[0].message
    back = parse_gift(exported.text.split("\n"))
    assert back.errors == [] and back.questions[0]["accept"] == ["a→b"]
