"""The loader's limits: no control characters or bidi overrides in any text, ids of at
most 64 characters, no pack file linked from outside the folder, no file over 20 MB.

Each rule is checked with the mini pack of ``packs.py``, broken in one place: the error
must name the file, the line, the field and (for characters) the character.
"""

from __future__ import annotations

import os
import pathlib
from pathlib import Path

import pytest
from packs import EXPLAINER_TOML, PACK_TOML, QUIZ_TOML, line_of, write_pack

from explainer.pack import PackError, load_pack
from explainer.pack import loader
from explainer.pack.errors import ERROR_CODES
from explainer.pack.schema import all_schemas
from explainer.pack.text import (
    FORBIDDEN,
    describe_char,
    find_forbidden,
    has_forbidden,
    is_bidi_control,
    is_forbidden,
    remove_forbidden,
    why_forbidden,
)

SOURCES = {"pack": PACK_TOML, "explainer": EXPLAINER_TOML, "quiz": QUIZ_TOML}


def problems(folder: Path) -> list:
    """Load ``folder`` expecting failure; return its errors (each with a hint and a known code)."""
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    for error in caught.value.errors:
        assert error.hint and "\n" not in str(error), error
        assert error.code in ERROR_CODES, error
    return caught.value.errors


def _toml_supports(escape: str) -> bool:
    """True if the loader's TOML parser reads ``escape`` (``\\e`` and ``\\x1b`` are TOML 1.1)."""
    try:
        loader.tomllib.loads(f'a = "{escape}"')
    except loader.tomllib.TOMLDecodeError:
        return False
    return True


# --------------------------------------------------------------- forbidden characters

# (file, text to replace, replacement, field named in the message, line needle, character)
# Escapes are written as TOML escapes (backslash in the file); other characters raw.
CHARACTER_CASES = [
    ("pack", 'title = "Mini pack"', r'title = "Mini \u001b]0;pwned\u0007pack"', "title", "title = ", "U+001B ESCAPE"),
    ("pack", 'title = "Mini pack"', r'title = "Mini \u0007 pack"', "title", "title = ", "U+0007 BELL"),
    ("pack", 'summary = "A pack for tests."', r'summary = "A pack \U0000001b[5n for tests."', "summary", "summary", "U+001B ESCAPE"),
    ("pack", 'authors = ["Tester"]', r'authors = ["Tester\u0000"]', "authors[1]", "authors", "U+0000 NULL"),
    ("pack", 'publisher = "A parliament"', r'publisher = "A \u202aparliament"', "sources[2].publisher", "parliament", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("explainer", "Some **Markdown** text.", r"Some \u001b[2J**Markdown** text.", "sections[1].body", 'body = """', "U+001B ESCAPE"),
    ("explainer", 'key_points = ["Three.", "Four."]', r'key_points = ["Three.", "Fo\rur."]', "sections[2].key_points[2]", r"Fo\rur", "U+000D CARRIAGE RETURN"),
    ("explainer", 'title = "The law"', 'title = "The law\u2069"', "sections[2].title", 'title = "The law', "U+2069 POP DIRECTIONAL ISOLATE"),
    ("explainer", 'definition = "Going home."', r'definition = "Going home.\u007f"', "glossary[1].definition", "Going home", "U+007F DELETE"),
    ("explainer", 'event = "Something else."', r'event = "Something\b else."', "timeline[2].event", r"Something\b", "U+0008 BACKSPACE"),
    ("quiz", 'prompt = "Which one?"', "prompt = 'Which\u009b one?'", "questions[1].prompt", "Which", "U+009B CONTROL SEQUENCE INTRODUCER"),
    ("quiz", 'text = "Wrong"', 'text = "\u202eWrong"', "questions[1].choices[2].text", "Wrong", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("quiz", 'feedback = "No."', r'feedback = "No.\u0085"', "questions[1].choices[2].feedback", "No.", "U+0085 NEXT LINE"),
    ("quiz", 'title = "Check"', 'title = "\u2066Check\u2069"', "quiz.title", 'title = "', "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("quiz", 'explanation = "It does."', "explanation = '''\nIt \u202bdoes.\n'''", "questions[3].explanation", "explanation = '''", "U+202B RIGHT-TO-LEFT EMBEDDING"),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "needle", "name"),
    CHARACTER_CASES,
    ids=[f"{case[0]}-{case[3]}-{case[5].split()[0]}" for case in CHARACTER_CASES],
)
def test_a_forbidden_character_is_refused_with_file_line_field_and_name(
    tmp_path: Path, file: str, old: str, new: str, field: str, needle: str, name: str
) -> None:
    source = SOURCES[file]
    assert source.count(old) >= 1
    text = source.replace(old, new, 1)
    [error] = problems(write_pack(tmp_path, **{file: text}))
    assert error.file.name == f"{file}.toml"
    assert error.line == line_of(text, needle)
    assert error.code == "control-character"
    assert error.message.startswith(f"{field} holds {name}, "), error.message
    assert not has_forbidden(str(error))  # the message itself is safe to print
    if "RIGHT" in name or "ISOLATE" in name or "EMBEDDING" in name:
        assert "natural order" in error.hint
    else:
        assert "control character that could drive the terminal" in error.message
        assert error.hint.startswith("remove")


def test_several_forbidden_characters_in_one_text_are_one_error_that_counts_them(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('title = "Mini pack"', r'title = "\u001b]0;x\u0007 and \u001b[2J"')
    [error] = problems(write_pack(tmp_path, pack=pack))
    assert error.message == (
        "title holds U+001B ESCAPE, a control character that could drive the terminal"
        " (at character 1; 2 more such characters after it)"
    )
    assert error.hint.startswith("remove them")


def test_forbidden_characters_in_several_files_are_all_reported(tmp_path: Path) -> None:
    folder = write_pack(
        tmp_path,
        pack=PACK_TOML.replace('title = "Mini pack"', r'title = "Mini\u001b pack"'),
        explainer=EXPLAINER_TOML.replace('title = "Intro"', 'title = "In\u202etro"'),
        quiz=QUIZ_TOML.replace('text = "Right"', r'text = "Ri\u009bght"'),
    )
    found = [(e.file.name, e.message.split(",")[0]) for e in problems(folder)]
    assert found == [
        ("pack.toml", "title holds U+001B ESCAPE"),
        ("explainer.toml", "sections[1].title holds U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("quiz.toml", "questions[1].choices[1].text holds U+009B CONTROL SEQUENCE INTRODUCER"),
    ]


def test_a_forbidden_character_in_an_inline_table_names_its_line(tmp_path: Path) -> None:
    inline = (
        "choices = [\n"
        '  { text = "Right", correct = true },\n'
        '  { text = "Wrong\\u001b[5n", feedback = "No." },\n'
        "]\n"
    )
    quiz = QUIZ_TOML.replace(
        '  [[questions.choices]]\n  text = "Right"\n  correct = true\n\n'
        '  [[questions.choices]]\n  text = "Wrong"\n  feedback = "No."\n',
        inline,
    )
    assert quiz != QUIZ_TOML
    [error] = problems(write_pack(tmp_path, quiz=quiz))
    assert (error.file.name, error.line) == ("quiz.toml", line_of(quiz, "Wrong"))
    assert error.message.startswith("questions[1].choices[2].text holds U+001B ESCAPE")


def test_a_forbidden_character_in_an_id_is_one_error_not_three(tmp_path: Path) -> None:
    """ESC in a section id and in a reference to it: no bad-id or unknown-reference besides."""
    explainer = EXPLAINER_TOML.replace('id = "law"', r'id = "l\u001baw"')
    quiz = QUIZ_TOML.replace('section = "law"', r'section = "l\u001baw"')
    errors = problems(write_pack(tmp_path, explainer=explainer, quiz=quiz))
    found = [(e.file.name, e.line, e.code) for e in errors]
    assert found == [
        ("explainer.toml", line_of(explainer, "l\\u001baw"), "control-character"),
        ("quiz.toml", line_of(quiz, "l\\u001baw", 1), "control-character"),
        ("quiz.toml", line_of(quiz, "l\\u001baw", 2), "control-character"),
    ]


def test_a_forbidden_character_under_a_misspelt_key_still_gets_the_typo_reported(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('summary = "A pack for tests."', 'sumary = "A pack\\u0007 for tests."')
    errors = problems(write_pack(tmp_path, pack=pack))
    assert {(e.code, e.message.split(":")[0].split(" holds")[0]) for e in errors} >= {
        ("control-character", "sumary"),
        ("unknown-key", "unknown key 'sumary'"),
    }


@pytest.mark.parametrize(("escape", "name"), [(r"\e", "U+001B ESCAPE"), (r"\x1b", "U+001B ESCAPE"), (r"\x9b", "U+009B CONTROL SEQUENCE INTRODUCER")])
def test_toml_1_1_escapes_are_caught_too(tmp_path: Path, escape: str, name: str) -> None:
    if not _toml_supports(escape):
        pytest.skip("the installed TOML parser does not read TOML 1.1 escapes (then they are syntax errors)")
    pack = PACK_TOML.replace('title = "Mini pack"', f'title = "Mini {escape}[2J pack"')
    [error] = problems(write_pack(tmp_path, pack=pack))
    assert error.message.startswith(f"title holds {name}")


def test_allowed_text_loads_unchanged(tmp_path: Path) -> None:
    """Tab, new lines, Korean, emoji, right-to-left Arabic and Hebrew, and harmless escapes."""
    title = "탈북 \t 🎓 السلام عليكم שלום"
    pack = PACK_TOML.replace('title = "Mini pack"', 'title = "탈북 \\t 🎓 السلام عليكم שלום"')
    pack = pack.replace('summary = "A pack for tests."', 'summary = "Caf\\u00e9 \\U0001F393 \\\\u001b \\\\e"')
    explainer = EXPLAINER_TOML.replace("Some **Markdown** text.", "Some\ttext\n\n\tindented, “quoted” … — ok")
    quiz = QUIZ_TOML.replace('text = "Wrong"', "text = '\\u202e is written, not meant'")
    loaded = load_pack(write_pack(tmp_path, pack=pack, explainer=explainer, quiz=quiz))
    assert loaded.title == title
    assert loaded.meta.summary == "Café 🎓 \\u001b \\e"
    assert "\tindented, “quoted” … — ok" in loaded.sections[0].body
    assert loaded.questions[0].choices[1].text == "\\u202e is written, not meant"
    # The same text with one override added is refused.
    pack = pack.replace("السلام", "\u202eالسلام")
    [error] = problems(write_pack(tmp_path, pack=pack, explainer=explainer, quiz=quiz))
    assert error.message.startswith("title holds U+202E RIGHT-TO-LEFT OVERRIDE")


def test_windows_line_ends_are_fine_but_an_escaped_carriage_return_is_not(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    for name in ("pack.toml", "explainer.toml", "quiz.toml"):
        path = folder / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    pack = load_pack(folder)
    assert "\r" not in pack.sections[0].body and "\n" in pack.sections[0].body
    path = folder / "explainer.toml"
    path.write_bytes(path.read_bytes().replace(b"More text.", b"More\\r text."))
    [error] = problems(folder)
    assert error.line == line_of(EXPLAINER_TOML, 'body = """', 1)
    assert error.message.startswith("sections[1].body holds U+000D CARRIAGE RETURN")
    assert "\\n" in error.hint


def test_controls_and_bidi_overrides_quoted_in_other_messages_are_escaped(tmp_path: Path) -> None:
    """A key (an unknown key, not text) or a value quoted in another error cannot drive
    the terminal or reorder the line."""
    quiz = QUIZ_TOML.replace('title = "Check"', 'title = "Check"\n"\\u001b[2J" = 1')
    pack = PACK_TOML.replace('language = "en"', 'language = "en"\n"lang\u202euage" = "en"')
    errors = problems(write_pack(tmp_path, quiz=quiz, pack=pack))
    assert [(e.file.name, e.code) for e in errors] == [("pack.toml", "unknown-key"), ("quiz.toml", "unknown-key")]
    assert all(not has_forbidden(str(e)) for e in errors)
    assert "\\u202e" in errors[0].message and "\\x1b" in errors[1].message


# ------------------------------------------------------------------ the text module


def test_the_text_module_finds_names_and_removes_forbidden_characters() -> None:
    forbidden = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
    forbidden += list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    for char in forbidden:
        assert is_forbidden(char) and has_forbidden(f"a{char}b"), hex(ord(char))
        name = describe_char(char)
        assert name.startswith(f"U+{ord(char):04X} ") and len(name) > 7, name  # every one has a name
        assert why_forbidden(char)
    for char in "\t\n a한🎓س\u200e\u200f\u2028ÿ":
        assert not is_forbidden(char) and why_forbidden(char) == "", hex(ord(char))
    assert describe_char("\x1b") == "U+001B ESCAPE"
    assert describe_char("\x07") == "U+0007 BELL"
    assert describe_char("\x7f") == "U+007F DELETE"
    assert describe_char("\x9b") == "U+009B CONTROL SEQUENCE INTRODUCER"
    assert describe_char("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe_char("é") == "U+00E9 LATIN SMALL LETTER E WITH ACUTE"
    assert describe_char("\U000e0fff") == "U+E0FFF"  # no name at all
    assert find_forbidden("a\x1b[2Jb\u202ec\td\n") == [(1, "\x1b"), (6, "\u202e")]
    assert find_forbidden("탈북 🎓 السلام") == []
    assert remove_forbidden("a\x1b]0;x\x07b\u202ec\td\n") == "a]0;xbc\td\n"
    assert is_bidi_control("\u202e") and not is_bidi_control("\x1b")
    assert FORBIDDEN.pattern
    with pytest.raises(TypeError):
        describe_char("ab")
    with pytest.raises(TypeError):
        is_forbidden("")


# --------------------------------------------------------------------------- ids


LONG_ID_CASES = [
    ("pack", 'id = "mini"', "id = \"{}\"", "id = "),
    ("quiz", 'id = "pick-one"', "id = \"{}\"", 'id = "'),
    ("pack", 'id = "report"', "id = \"{}\"\n", None),  # a source id (and what cites it)
    ("explainer", 'id = "law"', "id = \"{}\"", None),  # a section id (and what links to it)
]


def _slug(length: int) -> str:
    """A valid id of exactly ``length`` characters."""
    return ("ab-" * length)[: length - 1] + "z"


@pytest.mark.parametrize(("file", "old", "template", "needle"), LONG_ID_CASES, ids=["pack", "question", "source", "section"])
def test_an_id_of_64_characters_loads_and_of_65_is_refused(
    tmp_path: Path, file: str, old: str, template: str, needle: str | None
) -> None:
    for length in (64, 65):
        ident = _slug(length)
        short_id = old.split('"')[1]
        files = {name: text for name, text in SOURCES.items()}
        if needle is None:  # the id is referenced: rename it everywhere
            files = {name: text.replace(f'"{short_id}"', f'"{ident}"') for name, text in files.items()}
        else:
            files[file] = files[file].replace(old, template.format(ident), 1)
        folder = write_pack(tmp_path / str(length), **files)
        if length == 64:
            load_pack(folder)
            continue
        errors = problems(folder)
        assert {e.code for e in errors} == {"id-too-long"}, errors
        first = [e for e in errors if e.file.name == f"{file}.toml"][0]
        assert first.line == line_of(files[file], f'id = "{ident}"')
        assert "is 65 characters long" in first.message and "at most 64" in first.message


def test_the_json_schema_gives_every_id_a_max_length_of_64() -> None:
    seen: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("pattern") == r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$":
                seen.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    schemas = all_schemas()
    walk(schemas)
    assert len(seen) >= 8  # pack id, source id, section id and sources, questions' id and section, ...
    assert all(node.get("maxLength") == 64 for node in seen), seen
    assert schemas["pack.schema.json"]["properties"]["id"]["maxLength"] == 64


# ----------------------------------------------------------------------- symlinks

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")


@needs_symlinks
def test_a_pack_file_linked_from_outside_the_folder_is_refused(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "quiz.toml").rename(elsewhere / "quiz.toml")
    (folder / "quiz.toml").symlink_to(Path("..") / "elsewhere" / "quiz.toml")
    [error] = problems(folder)
    assert (error.file.name, error.line, error.code) == ("quiz.toml", 1, "symlink-outside")
    assert "symbolic link to ../elsewhere/quiz.toml" in error.message
    assert str((elsewhere / "quiz.toml").resolve()) in error.message
    assert "outside the pack folder" in error.message


@needs_symlinks
def test_an_absolute_link_to_a_file_outside_is_refused_even_if_missing(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack")
    (folder / "pack.toml").unlink()
    (folder / "pack.toml").symlink_to(tmp_path / "no-such-file.toml")
    [error] = problems(folder)
    assert (error.file.name, error.code) == ("pack.toml", "symlink-outside")
    assert str(tmp_path / "no-such-file.toml") in error.message


@needs_symlinks
def test_links_inside_the_folder_and_a_linked_folder_load(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack")
    (folder / "drafts").mkdir()
    (folder / "quiz.toml").rename(folder / "drafts" / "quiz-v2.toml")
    (folder / "quiz.toml").symlink_to(Path("drafts") / "quiz-v2.toml")
    (folder / "explainer.toml").rename(folder / "explainer-v2.toml")
    (folder / "explainer.toml").symlink_to(folder / "explainer-v2.toml")
    assert load_pack(folder).id == "mini"
    linked = tmp_path / "linked-pack"
    linked.symlink_to(folder, target_is_directory=True)
    assert load_pack(linked).id == "mini"
    # Moving the target out of the folder breaks the rule.
    (folder / "explainer-v2.toml").rename(tmp_path / "explainer-v2.toml")
    (folder / "explainer.toml").unlink()
    (folder / "explainer.toml").symlink_to(tmp_path / "explainer-v2.toml")
    assert [e.code for e in problems(linked)] == ["symlink-outside"]


# ----------------------------------------------------------------------- file size


def test_a_file_over_20_mb_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert loader.MAX_FILE_BYTES == 20 * 1024 * 1024
    folder = write_pack(tmp_path)
    with open(folder / "quiz.toml", "r+b") as handle:  # sparse: instant, takes no disk
        handle.truncate(31 * 1024 * 1024 + 400 * 1024)
    opened: list[str] = []
    real_open, real_read = pathlib.Path.open, pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "open", lambda self, *a, **k: opened.append(self.name) or real_open(self, *a, **k))
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: opened.append(self.name) or real_read(self))
    [error] = problems(folder)
    assert str(error).endswith(
        "quiz.toml:1:1: the file is 31.4 MB; a pack file may be at most 20 MB; fix: make the pack"
        " smaller: split the quiz into several packs, or shorten the longest texts"
    )
    assert error.code == "too-large"
    assert "quiz.toml" not in opened


def test_the_size_limit_is_a_constant_and_the_limit_itself_is_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_pack(tmp_path)
    size = max(path.stat().st_size for path in folder.iterdir())
    largest = next(path.name for path in folder.iterdir() if path.stat().st_size == size)
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size)
    assert load_pack(folder).id == "mini"
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size - 1)
    errors = problems(folder)
    assert [(e.file.name, e.code) for e in errors] == [(largest, "too-large")]
    assert errors[0].message == f"the file is {size} bytes; a pack file may be at most {size - 1} bytes"


def test_a_file_that_grows_after_stat_is_read_whole_but_never_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stat says the file is tiny; the read must neither cut it short nor run past the limit."""
    folder = write_pack(tmp_path)
    real_stat = pathlib.Path.stat

    def tiny(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(self, *args, **kwargs)
        if self.name != "quiz.toml":
            return result
        fields = list(result[:10])
        fields[6] = 10  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(pathlib.Path, "stat", tiny)
    assert len(load_pack(folder).questions) == 3
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    for name in ("pack.toml", "explainer.toml"):
        (folder / name).write_text(SOURCES[name.removesuffix(".toml")][:100].rsplit("\n", 2)[0] + "\n")
    errors = problems(folder)
    assert [(e.file.name, e.code) for e in errors if e.code == "too-large"] == [("quiz.toml", "too-large")]
    assert [e.message for e in errors if e.code == "too-large"] == [
        "the file is over 100 bytes; a pack file may be at most 100 bytes"  # reading stopped there
    ]


ALL_FORBIDDEN = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


def test_the_fast_precheck_never_misses_a_way_to_write_a_forbidden_character() -> None:
    """Every escape TOML has for each forbidden character (and the raw character where TOML
    allows it) makes the loader look at the strings; harmless escapes such as \\u00e9 do not."""
    import tomli_w

    for char in ALL_FORBIDDEN:
        code = ord(char)
        forms = [f"\\u{code:04x}", f"\\u{code:04X}", f"\\U{code:08x}", f"\\U{code:08X}"]
        if code <= 0xFF and _toml_supports("\\x1b"):
            forms += [f"\\x{code:02x}", f"\\x{code:02X}"]
        forms += [{0x08: "\\b", 0x0C: "\\f", 0x0D: "\\r", 0x1B: "\\e"}.get(code, "")]
        for form in filter(None, forms):
            raw = f'title = "a{form}b"\n'.encode()
            if form == "\\e" and not _toml_supports(form):
                continue
            assert loader.tomllib.loads(raw.decode())["title"] == f"a{char}b", form
            assert loader._may_hold_forbidden(raw), form
        dumped = tomli_w.dumps({"title": f"a{char}b"}).encode()  # how a tool would write it
        assert loader._may_hold_forbidden(dumped), hex(code)
        if code >= 0x80:  # TOML allows these raw
            assert loader._may_hold_forbidden(f"title = 'a{char}b'\n".encode()), hex(code)
    for harmless in ('"Caf\\u00e9"', '"\\t\\n\\"\\\\"', '"\\u2028 \\U0001F393"', "'탈북 🎓 السلام … — “”'"):
        assert not loader._may_hold_forbidden(f"title = {harmless}\n".encode()), harmless


def test_a_text_over_100000_characters_is_refused_with_its_line(tmp_path: Path) -> None:
    assert loader.MAX_TEXT_CHARS == 100_000
    body = "word " * 20_001  # 100,005 characters
    explainer = EXPLAINER_TOML.replace('body = """', f'body = """{body}', 1)
    [error] = problems(write_pack(tmp_path, explainer=explainer))
    assert error.code == "too-long"
    assert error.line == line_of(explainer, 'body = """')
    assert "sections[1].body is 100,042 characters long; a text may be at most 100,000" in str(error)
    just_right = EXPLAINER_TOML.replace('body = """', 'body = """' + "x" * 99_000, 1)
    assert load_pack(write_pack(tmp_path / "ok", explainer=just_right)).id
