"""Helpers that write small packs for loader and CLI tests.

:func:`write_pack` writes a valid three-file pack into a folder; tests break it by
replacing one piece of text, then assert on the error message and its line.
"""

from __future__ import annotations

from pathlib import Path

PACK_TOML = """\
schema = 1
id = "mini"
title = "Mini pack"
summary = "A pack for tests."
language = "en"
updated = 2025-02-01
authors = ["Tester"]

[[sources]]
id = "report"
title = "A report"
publisher = "A publisher"
url = "https://example.org/report"
published = 2025-02-05

[[sources]]
id = "law"
title = "A law"
publisher = "A parliament"
"""

EXPLAINER_TOML = """\
[[sections]]
id = "intro"
title = "Intro"
body = \"\"\"
Some **Markdown** text.

More text.
\"\"\"
key_points = ["One.", "Two."]
sources = ["report"]

[[sections]]
id = "law"
title = "The law"
body = "The law says so."
key_points = ["Three.", "Four."]
sources = ["law", "report"]

[[glossary]]
term = "Repatriation"
definition = "Going home."
see_also = ["Asylum"]

[[glossary]]
term = "Asylum"
definition = "Protection."

[[timeline]]
date = "2024-08-06"
event = "Something happened."
section = "intro"

[[timeline]]
date = "2024-10"
event = "Something else."
"""

QUIZ_TOML = """\
[quiz]
title = "Check"
pass_mark = 0.5
shuffle_questions = false
shuffle_choices = true

[[questions]]
id = "pick-one"
type = "single"
prompt = "Which one?"
section = "intro"
explanation = "Because."

  [[questions.choices]]
  text = "Right"
  correct = true

  [[questions.choices]]
  text = "Wrong"
  feedback = "No."

[[questions]]
id = "pick-some"
type = "multiple"
prompt = "Which ones?"
section = "law"
explanation = "Because."
points = 2

  [[questions.choices]]
  text = "A"
  correct = true

  [[questions.choices]]
  text = "B"
  correct = true

  [[questions.choices]]
  text = "C"
  feedback = "No."

[[questions]]
id = "statement"
type = "true_false"
prompt = "The law says so."
section = "law"
answer = true
explanation = "It does."
"""

FILES = {"pack.toml": PACK_TOML, "explainer.toml": EXPLAINER_TOML, "quiz.toml": QUIZ_TOML}


def write_pack(folder: Path, **replacements: str | None) -> Path:
    """Write the valid mini pack into ``folder`` and return the folder.

    Args:
        folder: where to write (created if missing).
        replacements: file text by short name (``pack``, ``explainer``, ``quiz``); a
            value of None leaves that file out.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        short = name.removesuffix(".toml")
        content = replacements.get(short, text)
        if content is not None:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """Return the 1-based line of the ``occurrence``-th line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found {occurrence} time(s)")
