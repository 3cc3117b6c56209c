"""GIFT import and export: every construct, the report and its lines, malformed input,
Windows line endings and a BOM, and export -> import round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.interop.common import (
    ImportResult,
    decode_bank,
    html_to_text,
    slugify,
    write_pack,
)
from explainer.interop.export import export_gift, gift_escape
from explainer.interop.gift import category_tags, parse_gift
from explainer.pack import bundled_pack_path, load_pack
from explainer.pack.model import Pack

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def parse_file(name: str) -> ImportResult:
    """Parse a GIFT fixture."""
    return parse_gift(decode_bank((FIXTURES / name).read_bytes()))


def parse_text(text: str) -> ImportResult:
    """Parse GIFT text."""
    return parse_gift(text.split("\n"))


def line_of(name: str, needle: str) -> int:
    """The 1-based line of the first line of fixture ``name`` holding ``needle``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8-sig").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


@pytest.fixture(scope="module")
def every() -> ImportResult:
    return parse_file("every-construct.gift")


@pytest.fixture(scope="module")
def by_id(every: ImportResult) -> dict[str, dict]:
    return {q["id"]: q for q in every.questions}


def entry_for(result: ImportResult, line: int):
    """The report entry at ``line``."""
    return next(e for e in result.report if e.line == line)


# ------------------------------------------------------------------------- constructs


def test_single_with_feedback_general_feedback_and_category(by_id) -> None:
    q = by_id["capital"]
    assert q["type"] == "single"
    assert q["prompt"] == "What is the capital of France?"
    assert q["section"] == "imported"
    assert q["choices"] == [
        {"text": "Paris", "correct": True, "feedback": "Right, since 508."},
        {"text": "London", "feedback": "No, that is the capital of the United Kingdom."},
        {"text": "Berlin"},
    ]
    # unmarked GIFT text is not Markdown: it is escaped, so it shows exactly as written
    assert q["explanation"] == "Paris has been the capital for \\*\\*centuries\\*\\*."
    assert q["tags"] == ["geography", "europe"]


def test_titles_become_unique_ids_and_prompts_give_ids_without_title(by_id) -> None:
    assert "capital" in by_id and "capital-2" in by_id
    assert by_id["capital-2"]["prompt"] == "What is the capital of Italy?"
    assert "which-planet-is-largest" in by_id


def test_category_sets_tags_of_following_questions(by_id) -> None:
    assert by_id["primes"]["tags"] == ["science"]
    assert category_tags("$course$/top/Geography/Europe") == ["geography", "europe"]
    assert category_tags("$course$/top") == []
    assert category_tags(" Höhere Mathematik / Algebra ") == ["hohere-mathematik", "algebra"]


def test_exact_weights_make_partial_multiple(every, by_id) -> None:
    q = by_id["primes"]
    assert q["type"] == "multiple" and q["scoring"] == "partial"
    assert [c.get("correct", False) for c in q["choices"]] == [True, True, False, False]
    assert entry_for(every, line_of("every-construct.gift", "::Primes::")).kind == "converted"


def test_other_weights_are_approximated(every, by_id) -> None:
    q = by_id["gases"]
    assert q["type"] == "multiple" and q["scoring"] == "partial"
    assert [c.get("correct", False) for c in q["choices"]] == [True, True, True, False, False]
    entry = entry_for(every, line_of("every-construct.gift", "::Gases::"))
    assert entry.kind == "approximated"
    assert "+1/3" in entry.message


@pytest.mark.parametrize(
    ("qid", "answer"), [("sky", True), ("sun", False), ("moon", False), ("water", True)]
)
def test_true_false_spellings(by_id, qid: str, answer: bool) -> None:
    assert by_id[qid]["type"] == "true_false"
    assert by_id[qid]["answer"] is answer


def test_true_false_feedback_and_general_feedback(every, by_id) -> None:
    assert by_id["moon"]["explanation"] == "Right: it is a satellite."
    entry = entry_for(every, line_of("every-construct.gift", "::Moon::"))
    assert entry.kind == "approximated" and "the feedback for a wrong answer dropped" in entry.message
    assert by_id["water"]["explanation"] == "At standard pressure."
    assert "explanation" not in by_id["sky"]


def test_short_answer(by_id) -> None:
    q = by_id["tomb"]
    assert q["type"] == "short_answer"
    assert q["accept"] == ["Grant", "Ulysses S. Grant", "Ulysses Grant"]


def test_numeric_forms(by_id) -> None:
    assert by_id["born"] | {} == {**by_id["born"], "type": "numeric", "answer": 1822, "tolerance": 0}
    assert (by_id["pi"]["answer"], by_id["pi"]["tolerance"]) == (3.14, 0.005)
    assert (by_id["range"]["min"], by_id["range"]["max"]) == (1, 5)
    assert "answer" not in by_id["range"]


def test_several_numeric_answers_keep_the_full_credit_one(every, by_id) -> None:
    q = by_id["several-numbers"]
    assert (q["answer"], q["tolerance"]) == (1822, 0)
    entry = entry_for(every, line_of("every-construct.gift", "::Several numbers::"))
    assert entry.kind == "approximated"
    assert "kept 1822:0, dropped 1822:2 (50%)" in entry.message


def test_matching_with_distractor(by_id) -> None:
    q = by_id["sounds"]
    assert q["type"] == "match"
    assert q["pairs"] == [
        {"left": "cat", "right": "meow"},
        {"left": "dog", "right": "woof"},
        {"left": "cow", "right": "moo"},
    ]
    assert q["distractors"] == ["quack"]


def test_missing_word(every, by_id) -> None:
    q = by_id["holiday"]
    assert q["prompt"] == "Mahatma Gandhi's birthday is an _____ holiday."
    assert [c["text"] for c in q["choices"] if c.get("correct")] == ["Indian"]
    entry = entry_for(every, line_of("every-construct.gift", "::Holiday::"))
    assert entry.kind == "converted" and "missing word" in entry.message


def test_escapes(by_id) -> None:
    q = by_id["escapes"]
    assert q["prompt"] == "Which text is special: ~ = # { } and \\?"
    assert [c["text"] for c in q["choices"]] == ["a~b=c", "d#e", "f{g}h", "back\\slash"]


def test_html_becomes_plain_text(every, by_id) -> None:
    q = by_id["html"]
    assert q["prompt"] == "Which word is bold & italic?"
    assert [c["text"] for c in q["choices"]] == ["bold", "plain text"]
    assert "<" not in str(q)
    entry = entry_for(every, line_of("every-construct.gift", "::Html::"))
    assert entry.kind == "approximated"
    assert entry.message.count("HTML in the answer") == 1  # repeated notes are merged


def test_markdown_plain_and_moodle_formats(every, by_id) -> None:
    assert by_id["markdown"]["prompt"] == "Which is **bold**?"
    assert entry_for(every, line_of("every-construct.gift", "::Markdown::")).kind == "approximated"
    assert by_id["plain"]["prompt"] == "Is <b> a tag?"  # [plain] keeps tags as text
    assert by_id["moodle"]["prompt"] == "What is 2 + 2?"
    assert entry_for(every, line_of("every-construct.gift", "::Moodle::")).kind == "converted"


def test_essay_and_description_are_skipped(every, by_id) -> None:
    essay = entry_for(every, line_of("every-construct.gift", "::Essay::"))
    description = entry_for(every, line_of("every-construct.gift", "::Intro::"))
    assert (essay.kind, description.kind) == ("skipped", "skipped")
    assert "essay" in essay.message and "description" in description.message
    assert "essay" not in by_id and "intro" not in by_id


def test_several_equals_answers(every, by_id) -> None:
    q = by_id["either"]
    assert q["type"] == "multiple" and q["scoring"] == "all_or_nothing"
    assert entry_for(every, line_of("every-construct.gift", "::Either::")).kind == "approximated"


def test_none_of_the_above_is_pinned(by_id) -> None:
    choices = by_id["which-planet-is-largest"]["choices"]
    assert choices[-1] == {"text": "None of the above", "pin": True}


def test_report_covers_every_block_in_line_order(every) -> None:
    assert [e.line for e in every.report] == sorted(e.line for e in every.report)
    assert every.count("error") == 0
    assert every.count("skipped") == 2
    assert len(every.questions) == every.count("converted") + every.count("approximated") == 22


def test_format_of_a_report_line(every) -> None:
    line = line_of("every-construct.gift", "::Capital::What is the capital of France")
    assert every.report[0].format("bank.gift") == f"bank.gift:{line}: converted: question 'capital' as single"


def test_windows_line_endings_and_bom() -> None:
    raw = (FIXTURES / "windows-bom.gift").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    result = parse_file("windows-bom.gift")
    assert [q["id"] for q in result.questions] == ["capital", "sky"]
    assert result.questions[0]["prompt"] == "What is the capital of Korea (서울)?"
    assert [e.line for e in result.report] == [2, 4]
    assert not any("\r" in str(q) or "\ufeff" in str(q) for q in result.questions)


# -------------------------------------------------------------------------- malformed

MALFORMED = [
    ("::Unclosed::", "unclosed brace"),
    ("::OneAnswer::", "at least two answers (found 1)"),
    ("{=answers ~before", "answers before any question"),
    ("::Escape::", "a weight is a percentage"),
    ("::NoRight::", "no right answer"),
    ("::BadWeight::", "weight"),
    ("::BadNumber::", "'abc' is not a number"),
    ("::Stray::", "'}' with no '{'"),
    ("=stray answer", "answers before any question"),
    ("::OneMatch::", "at least two pairs"),
    ("::DupMatch::", "\"b\" appears twice"),
    ("::Title never closed", "not closed with '::'"),
    ("::TwoBlocks::", "a second '{'"),
]


def test_malformed_questions_are_errors_at_their_lines() -> None:
    result = parse_file("malformed.gift")
    errors = {e.line: e.message for e in result.errors}
    for needle, words in MALFORMED:
        line = line_of("malformed.gift", needle)
        assert line in errors, (needle, errors)
        assert words in errors[line], (needle, errors[line])
    assert len(errors) == len(MALFORMED)


def test_questions_around_malformed_ones_are_imported() -> None:
    result = parse_file("malformed.gift")
    assert [q["id"] for q in result.questions] == [f"good{i}" for i in range(1, 7)]
    for i in range(1, 7):
        entry = entry_for(result, line_of("malformed.gift", f"::Good{i}::"))
        assert entry.kind == "converted"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Q?{=a ~b\\", "unclosed brace"),
        ("Q?{~a ~%150%b}", "outside -100% to 100%"),
        ("Q?{#5:-1}", "negative"),
        ("Q?{#5..1}", "starts above where it ends"),
        ("Q?{T#a#b#c}", "at most two feedbacks"),
        ("Q?{=a -> b =c}", "'=left -> right'"),
        ("Q?{stray =a ~b}", "text before the first answer"),
        ("::T::", "a title with no question"),
        ("Q?{= ~b}", "an empty answer"),
        ("Q?{=<br> ~b}", "an empty answer"),
        ("Q?{#99999999999999999999999}", "too large"),
        ("Q?{#1e400}", "too large"),
    ],
)
def test_more_malformed_input(text: str, words: str) -> None:
    result = parse_text(text)
    assert result.questions == []
    assert [e.kind for e in result.report] == ["error"]
    assert words in result.report[0].message
    assert result.report[0].line == 1


def test_error_line_points_into_a_multi_line_block() -> None:
    result = parse_text("\n\n::Q::Question?{\n=a\n~%x%b\n}\n")
    assert result.errors[0].line == 5


def test_newline_escape_and_comment_inside_block() -> None:
    result = parse_text("// c\n::Q::Line one\\nline two{\n// a comment line inside\n=a\n~b\n}")
    assert result.questions[0]["prompt"] == "Line one\nline two"
    assert [c["text"] for c in result.questions[0]["choices"]] == ["a", "b"]


def test_unmarked_html_is_converted_and_reported() -> None:
    result = parse_text("What is <b>bold</b>?{=a ~b}")
    assert result.questions[0]["prompt"] == "What is bold?"
    assert result.report[0].kind == "approximated"


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two</p><ul><li>a</li><li>b</li></ul>") == "One & two\n- a\n- b"
    assert html_to_text("x<br>y<script>alert(1)</script>") == "x\ny"
    assert html_to_text('<img alt="a map"> &lt;tag&gt;') == "a map <tag>"


def test_slugify() -> None:
    assert slugify("Équipe -- Nº 1!") == "equipe-no-1"
    assert slugify("서울") == ""
    assert len(slugify("word " * 40, limit=40)) <= 40


def test_ids_fall_back_to_numbers_for_prompts_without_latin_letters() -> None:
    result = parse_text("서울은?{=예 ~아니오}\n\n서울은?{=예 ~아니오}")
    assert [q["id"] for q in result.questions] == ["q-1", "q-2"]


@settings(deadline=None)  # examples: the profile tests/conftest.py loads
@given(st.text(alphabet="ab =~#{}:\\%->T\n[]/$", max_size=60))
def test_any_text_gives_a_report_never_an_exception(text: str) -> None:
    result = parse_text(text)
    for question in result.questions:
        assert question["id"] and question["section"] == "imported"


# ----------------------------------------------------------------- writing and export


def test_imported_pack_validates(tmp_path: Path) -> None:
    for name in ("every-construct.gift", "malformed.gift", "windows-bom.gift"):
        result = parse_file(name)
        folder = tmp_path / Path(name).stem
        write_pack(result, folder, source_name=name)
        pack = load_pack(folder)
        assert [q.id for q in pack.questions] == [q["id"] for q in result.questions]
        assert pack.sections[0].id == "imported"
        assert pack.meta.schema_ == 1 and pack.meta.language == "en" and pack.meta.authors == ()


def test_gift_escape() -> None:
    assert gift_escape("a{b}~=#:\\\nc") == "a\\{b\\}\\~\\=\\#\\:\\\\\\nc"


def comparable(question) -> dict:
    """What GIFT can carry of a question (model or dict), for round-trip comparisons."""
    data = question if isinstance(question, dict) else question.model_dump(exclude_defaults=True)
    keep = ("id", "type", "prompt", "explanation", "tags", "accept", "answer", "tolerance", "min", "max", "distractors")
    out = {key: data.get(key) for key in keep}
    if out["tolerance"] == 0:
        out["tolerance"] = None
    out["tags"] = list(out["tags"] or [])
    out["distractors"] = list(out["distractors"] or [])
    out["accept"] = list(out["accept"]) if out["accept"] else None
    out["choices"] = [
        (c["text"], bool(c.get("correct")), c.get("feedback")) for c in data.get("choices", ())
    ]
    out["pairs"] = [(p["left"], p["right"]) for p in data.get("pairs", ())]
    return out


def round_trip(pack: Pack) -> tuple[list, ImportResult]:
    exported = export_gift(pack)
    imported = parse_text(exported.text)
    assert imported.count("error") == 0, imported.errors
    return exported.report, imported


@pytest.mark.parametrize("which", ["bundled", "every-type"])
def test_round_trip(which: str, tmp_path: Path) -> None:
    path = bundled_pack_path() if which == "bundled" else FIXTURES / "every-type-pack"
    pack = load_pack(path)
    report, imported = round_trip(pack)
    expressible = [q for q in pack.questions if q.type != "order"]
    assert [comparable(q) for q in imported.questions] == [comparable(q) for q in expressible]
    for original, back in zip(expressible, imported.questions):
        if original.type == "multiple":
            assert back["scoring"] == "partial"
    write_pack(imported, tmp_path / "back", source_name="back.gift")
    load_pack(tmp_path / "back")


def test_export_report_names_what_gift_cannot_express() -> None:
    pack = load_pack(FIXTURES / "every-type-pack")
    report = {e.message.split("'")[1]: e for e in export_gift(pack).report}
    assert report["sequence"].kind == "skipped"
    assert "pin dropped" in report["special-characters"].message
    assert "hint dropped" in report["korean-emoji"].message
    assert "points = 2" in report["korean-emoji"].message
    assert "all-or-nothing" in report["all-or-nothing"].message
    assert "case_sensitive" in report["typed"].message
    assert report["partial"].kind == "converted"
    lines = (FIXTURES / "every-type-pack" / "quiz.toml").read_text().splitlines()
    assert lines[report["sequence"].line - 1] == "[[questions]]"
    assert lines[report["sequence"].line] == 'id = "sequence"'


def test_export_writes_missing_word_and_categories() -> None:
    text = export_gift(load_pack(FIXTURES / "every-type-pack")).text
    assert "::blank::[plain]The Geneva Conventions oblige Ukraine to {" in text
    assert "} soldiers who want to go home." in text
    assert "$CATEGORY: maths/numbers" in text
    assert "~[plain]%50 of them" in text


def test_export_replaces_arrows_in_match_sides(tmp_path: Path) -> None:
    folder = tmp_path / "arrows"
    result = parse_text("::m::Match?{=a -> b =c -> d}")
    result.questions[0]["pairs"][0]["left"] = "x -> y"
    write_pack(result, folder, source_name="m.gift")
    exported = export_gift(load_pack(folder))
    assert "=x → y -> b" in exported.text
    assert exported.report[0].kind == "approximated"


def test_category_line_without_blank_lines_around_it() -> None:
    result = parse_text("$CATEGORY: One\nQ1?{=a ~b}\n$CATEGORY: Two\nQ2?{=a ~b}")
    assert [q["tags"] for q in result.questions] == [["one"], ["two"]]
    assert [q["prompt"] for q in result.questions] == ["Q1?", "Q2?"]


# ------------------------------------------------------------- control characters, bidi


def test_control_characters_and_bidi_overrides_are_removed_and_reported(tmp_path: Path) -> None:
    """ESC, BEL and U+202E in the bank (and what HTML entities decode to) never reach the
    pack; each line that held one gets a report line naming the characters."""
    from explainer.pack.text import has_forbidden

    name = "controls.gift"
    result = parse_file(name)
    assert result.count("error") == 0
    removed = {e.line: e.message for e in result.report if e.message.startswith("removed ")}
    assert removed == {
        line_of(name, "::Title::"): "removed 3 characters that could drive the terminal or reorder its text:"
        " U+001B ESCAPE (2), U+0007 BELL",
        line_of(name, "~no"): "removed U+001B ESCAPE, a control character that could drive the terminal",
        line_of(name, "tfel ot thgir"): "removed U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that"
        " makes text display in another order than it is written",
        line_of(name, "&#x202E;"): "removed 2 characters that could drive the terminal or reorder its text:"
        " U+202E RIGHT-TO-LEFT OVERRIDE, U+000D CARRIAGE RETURN",
    }
    assert all(e.kind == "approximated" for e in result.report if e.message.startswith("removed "))
    assert [e.line for e in result.report] == sorted(e.line for e in result.report)
    assert not [text for text in strings_of(result.questions) if has_forbidden(text)]
    by_id = {q["id"]: q for q in result.questions}
    assert by_id["title"]["prompt"] == "The window title ]0;pwned here?"
    assert by_id["title"]["choices"][1]["feedback"] == "Not [2J this."
    assert by_id["which-way-does-this-read-tfel-ot-thgir"]["prompt"] == "Which way does this read? tfel ot thgir"
    assert by_id["a-clean-question-with-a-tab"]["prompt"] == "A clean question with\ta tab?"  # tab is kept
    write_pack(result, tmp_path / "pack", source_name="bank\x1b]0;x\x07\u202e.gift")
    pack = load_pack(tmp_path / "pack")  # would be refused if any character had got through
    assert pack.title == "Imported from bank]0;x.gift"


_RISKY = st.text(alphabet="ab #\t\x1b\x07\x08\x0c\r\x85\x9b\u202e\u2066\x7f&x;E2", min_size=1, max_size=12)


@settings(deadline=None)  # examples: the profile tests/conftest.py loads
@given(
    parts=st.lists(_RISKY, min_size=4, max_size=4),
    fmt=st.sampled_from(["", "[html]", "[plain]"]),
)
def test_no_imported_question_holds_a_forbidden_character(parts: list[str], fmt: str) -> None:
    from explainer.pack.text import has_forbidden

    prompt, right, wrong, feedback = parts
    text = f"{fmt}Q {prompt}{{=R{right} ~W{wrong}#{feedback}}}\n\n{fmt}&#x202e;&#27;&#13;x{{T}}"
    result = parse_text(text)
    assert result.questions
    assert not [text for text in strings_of(result.questions) if has_forbidden(text)]


def strings_of(data) -> list[str]:
    """Every string in nested lists and dicts (keys included)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in strings_of(key) + strings_of(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings_of(value)]
    return []
