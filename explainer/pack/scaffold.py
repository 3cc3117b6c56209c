"""``explainer new``: write a complete, valid starter pack an educator edits into their own.

The three files are written from hand-made templates (TOML writers drop comments, and the
point of the scaffold is a comment on every field). They hold one question of every
type, pass ``explainer validate --strict`` as written, and start with a taplo
``#:schema ./.schema/<file>.schema.json`` directive; the three schemas are written into
the pack's ``.schema/`` folder, so editors with taplo (Even Better TOML in VS Code)
complete and check fields offline.

No Textual imports here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import tomli_w

from explainer.pack.model import LANGUAGE_PATTERN, MAX_ID_LENGTH
from explainer.pack.schema import SCHEMA_FOR_FILE, write_schemas

#: The folder inside a new pack that holds the JSON Schemas its directives point at.
SCHEMA_DIR = ".schema"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class ScaffoldError(Exception):
    """The scaffold cannot be written where or as asked (a usage error: exit 2)."""


def slug_for(name: str) -> str:
    """Turn a folder name into a pack id: ``"My Lesson 2"`` -> ``"my-lesson-2"``.

    The id is cut to at most 64 characters (at a hyphen when there is one), as ids must be.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        head = slug[:MAX_ID_LENGTH]
        if slug[MAX_ID_LENGTH] != "-" and "-" in head:
            head = head.rsplit("-", 1)[0]  # do not cut a word in two
        slug = head
    return slug or "my-pack"


def toml_string(text: str) -> str:
    """Write ``text`` as a TOML basic string, quotes and escapes included."""
    return tomli_w.dumps({"x": text}).split("=", 1)[1].strip()


def render(pack_id: str, title: str, language: str, today: dt.date | None = None) -> dict[str, str]:
    """Return the text of the three files of a new pack, by file name.

    Args:
        pack_id: the pack's id (a lower-case slug).
        title: the pack's title, any text.
        language: a BCP 47 tag such as ``"en"``.
        today: the date for ``updated`` (default: today).
    """
    values = {
        "{{id}}": toml_string(pack_id),
        "{{title}}": toml_string(title),
        "{{language}}": toml_string(language),
        "{{today}}": (today or dt.date.today()).isoformat(),
    }
    files = {}
    for name, template in TEMPLATES.items():
        text = template
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        files[name] = f"#:schema ./{SCHEMA_DIR}/{SCHEMA_FOR_FILE[name]}\n" + text
    return files


def write_scaffold(folder: str | Path, title: str | None = None, language: str = "en") -> Path:
    """Write a new pack into ``folder`` (created if missing) and return the folder.

    Writes pack.toml, explainer.toml, quiz.toml and ``.schema/*.schema.json``.

    Args:
        folder: where to write; must not exist yet, or be an empty folder.
        title: the pack's title (default: made from the folder name).
        language: BCP 47 tag of the text (default ``"en"``).

    Raises:
        ScaffoldError: ``folder`` is a file or a folder that is not empty, the title is
            blank, or the language is not a BCP 47 tag. Nothing is written then.
    """
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} is a file; give a new folder name")
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(f"{target} is not empty; give a new or empty folder (explainer new never overwrites files)")
    if not _LANGUAGE.match(language):
        raise ScaffoldError(f"--language must be a BCP 47 tag such as en or ko-KR, not {language!r}")
    name = target.resolve().name
    if title is None:
        words = re.sub(r"[-_]+", " ", name).strip()
        title = words[:1].upper() + words[1:] or "My pack"
    if not title.strip():
        raise ScaffoldError("--title must not be empty")
    files = render(slug_for(name), title, language)
    target.mkdir(parents=True, exist_ok=True)
    write_schemas(target / SCHEMA_DIR)
    for file_name, text in files.items():
        (target / file_name).write_text(text, encoding="utf-8")
    return target


PACK_TEMPLATE = '''\
# pack.toml: what this pack is, who wrote it, and the sources it cites.
# Every key is explained in the authoring guide (docs/authoring.md). Check the pack with
#   explainer validate THIS-FOLDER --strict
# and read it with
#   explainer THIS-FOLDER

# Format version: always 1 for this version of explainer. Required.
schema = 1

# The pack's id: lower-case letters and digits, joined by single hyphens or underscores. Required.
id = {{id}}

# The title on the welcome screen, plain text (shown exactly as written). Required.
title = {{title}}

# One or two sentences for the welcome screen, plain text. Required.
summary = "A starter pack: replace this with one or two sentences on what the reader will learn."

# The language of the text, a BCP 47 tag such as "en" or "ko-KR". Optional, default "en".
language = {{language}}

# When you last checked the content: a TOML date, YYYY-MM-DD, no quotes. Required.
updated = {{today}}

# Who wrote the pack, a list of names. Optional.
authors = ["Your Name"]

# One [[sources]] table (double brackets) per source your facts come from. Sections and
# timeline events cite them by id; `explainer validate --strict` warns about a source
# nothing cites.
[[sources]]
# Unique id that sections and timeline events use to cite this source. Required.
id = "authoring-guide"
# Title of the article, document or page. Required.
title = "Writing a pack (the explainer authoring guide)"
# Who published it: an outlet or organisation. Required.
publisher = "The explainer project"
# Web address, starting with http:// or https://. Optional.
url = "https://example.org/explainer/authoring"
# Publication date, a TOML date. Optional.
published = 2025-01-15
'''

EXPLAINER_TEMPLATE = '''\
# explainer.toml: what the reader reads, section by section, plus a glossary and a timeline.

# One [[sections]] table per section, read in this order. At least one is required.
[[sections]]
# Unique id; questions and timeline events link to it. Required.
id = "the-files"
# The section's title, plain text. Required.
title = "Three files make a pack"
# The section's text: Markdown (**bold**, *italics*, lists, links). Required.
# Three double quotes start and end text over several lines.
body = """
A pack is a folder with three files. **pack.toml** says what the pack is and which
sources it cites. **explainer.toml** holds the sections the reader reads, a glossary
and a timeline. **quiz.toml** holds the quiz.

Each file is plain TOML text: `key = value` lines, and tables such as `[[sections]]`.
"""
# Two to four one-line takeaways shown under the body, plain text. Optional.
key_points = [
  "A pack is a folder with three TOML files.",
  "pack.toml, explainer.toml and quiz.toml each have their own job.",
]
# Ids of the [[sources]] in pack.toml this section draws on. Optional.
sources = ["authoring-guide"]

[[sections]]
id = "checking"
title = "Writing and checking"
body = """
Start with `explainer new`, edit the files, then run `explainer validate` on the
folder. It names the file, line and column of every problem and says how to fix it.
With `--strict` it also fails on warnings, such as a wrong choice without feedback.
When the pack is valid, open it with `explainer` and the folder name.
"""
key_points = [
  "explainer validate points at the file and line of every problem.",
  "--strict also fails on warnings.",
]
sources = ["authoring-guide"]

# One [[glossary]] table per term the reader can look up from any screen. Optional.
[[glossary]]
# The term, plain text; unique in the glossary. Required.
term = "TOML"
# What it means: Markdown. Required.
definition = "A plain-text format for settings and content: `key = value` lines and `[tables]`."
# Other glossary terms, spelled exactly as their `term`. Optional.
see_also = ["Validator"]

[[glossary]]
term = "Validator"
definition = "The `explainer validate` command, which checks a pack and reports each problem with its line."

# One [[timeline]] table per dated event, shown in this order. Optional.
[[timeline]]
# A quoted ISO date "2025-01-15", or "2025-01" / "2025" when only that is known. Required.
date = "2025-01"
# What happened, one sentence, plain text. Required.
event = "The pack is created with explainer new."
# Id of a related section. Optional.
section = "the-files"
# Ids of sources for this event. Optional.
sources = ["authoring-guide"]

[[timeline]]
date = "2025-02"
event = "The author writes the sections and the questions."
section = "the-files"

[[timeline]]
date = "2025-03"
event = "explainer validate --strict passes and the pack is shared."
section = "checking"
'''

QUIZ_TEMPLATE = '''\
# quiz.toml: the quiz settings and the questions, one of every type.

# Quiz settings. The table and each key are optional; the defaults are shown.
[quiz]
# The quiz's title, plain text.
title = "Check your understanding"
# Fraction of the points needed to pass, from 0 to 1 (0.7 = 70%).
pass_mark = 0.7
# Ask the questions in a random order (true) or in file order (false).
shuffle_questions = false
# Show the choices of single and multiple questions in a random order.
shuffle_choices = true
# Typed answers (short_answer) this many letters off an accepted answer of 5 or more
# letters still count, in every question without its own `typos`. 0 to 3; 0 is off.
typos = 0

# --- single: exactly one right choice ---------------------------------------------
[[questions]]
# Unique id of the question (lower-case, hyphens); the reader's progress is keyed by it. Required.
id = "which-file-holds-questions"
# The question type: single, multiple, true_false, short_answer, numeric, order or match. Required.
type = "single"
# The question as the reader sees it, plain text. Required.
prompt = "Which file holds the quiz questions?"
# Id of the section that teaches the answer; the results screen sends the reader back to it. Required.
section = "the-files"
# Why the right answer is right: Markdown, shown after answering. Optional, but
# `explainer validate --strict` warns without it.
explanation = "The questions live in **quiz.toml**; pack.toml and explainer.toml hold the rest."
# A hint the reader can ask for (key h), plain text. Optional.
hint = "Its name says what it holds."
# Points for a right answer, 1 to 100. Optional, default 1.
points = 1
# Labels for grouping questions, plain text. Optional.
tags = ["files"]

  # One [[questions.choices]] table per choice; at least two. Single: exactly one correct.
  [[questions.choices]]
  # The choice as the reader sees it, plain text. Required.
  text = "quiz.toml"
  # Whether this choice is right. Optional, default false.
  correct = true

  [[questions.choices]]
  text = "pack.toml"
  # Shown when the reader picks this choice: say why it is wrong. Optional, but
  # `explainer validate --strict` warns when a wrong choice has none.
  feedback = "pack.toml says what the pack is and lists its sources; the questions are elsewhere."

  [[questions.choices]]
  text = "explainer.toml"
  feedback = "explainer.toml holds what the reader reads, not the questions."

  [[questions.choices]]
  text = "None of the above"
  feedback = "One of the files above does hold the questions: quiz.toml."
  # Keep this choice in its written place when choices are shuffled. Optional, default false.
  pin = true

# --- multiple: one or more right choices; the reader picks all that apply --------------
[[questions]]
id = "markdown-fields"
type = "multiple"
prompt = "Which of these fields are written in Markdown?"
section = "the-files"
explanation = "Section `body`, glossary `definition` and question `explanation` are Markdown; titles are plain text."
# "all_or_nothing" (default): points only for exactly the right set. "partial": with k
# right choices, each right one picked earns 1/k of the points and each wrong one picked
# costs 1/k, never below 0.
scoring = "partial"
points = 2

  [[questions.choices]]
  text = "A section's body"
  correct = true

  [[questions.choices]]
  text = "A question's explanation"
  correct = true

  [[questions.choices]]
  text = "A section's title"
  feedback = "Titles are plain text, shown exactly as written."

# --- true_false: the prompt is a statement; the reader says true or false --------------
[[questions]]
id = "brackets-verbatim"
type = "true_false"
prompt = "Square brackets in a plain-text field are shown exactly as written."
section = "the-files"
# Whether the statement in the prompt is true. Required.
answer = true
explanation = "Plain-text fields are never read as markup: what you write is what the reader sees."

# --- short_answer: the reader types a word or phrase ---------------------------------------
[[questions]]
id = "check-command"
type = "short_answer"
prompt = "Which explainer command checks a pack for problems? (one word)"
section = "checking"
# Accepted answers. Case, spaces around and repeated spaces inside are ignored. Required.
accept = ["validate", "explainer validate"]
# Compare letter case too. Optional, default false.
case_sensitive = false
# Accept near misses: answers this many letters off (wrong, missing or extra) an accepted
# answer of 5 or more letters count too. 0 to 3. Optional, default typos of [quiz], else 0.
typos = 1
explanation = "`explainer validate FOLDER` checks a pack and names the line of every problem."

# --- numeric: the reader types a number ------------------------------------------------
[[questions]]
id = "how-many-files"
type = "numeric"
prompt = "How many TOML files make a pack?"
section = "the-files"
# The right number. Give `answer` (with an optional `tolerance`), or instead both
# `min` and `max` for a range, e.g. min = 2.5 and max = 3.5.
answer = 3
# How far from `answer` still counts as right (inclusive). Optional, default 0.
tolerance = 0
explanation = "pack.toml, explainer.toml and quiz.toml: **three** files."

# --- order: the reader puts items in order; they are shown shuffled ------------------------
[[questions]]
id = "authoring-steps"
type = "order"
prompt = "Put the steps of writing a pack in order."
section = "checking"
# The items in the RIGHT order, at least two, all different. Required.
items = [
  "Run explainer new",
  "Edit the three files",
  "Run explainer validate --strict",
  "Open the pack with explainer",
]
explanation = "Scaffold, edit, check, then read it as your readers will."

# --- match: the reader picks the right-hand side for each left-hand side ------------------
[[questions]]
id = "file-jobs"
type = "match"
prompt = "Match each file with what it holds."
section = "the-files"
explanation = "Each of the three files has one job."
# Extra wrong right-hand options to choose from. Optional.
distractors = ["The reader's progress"]

  # One [[questions.pairs]] table per pair; at least two. Required.
  [[questions.pairs]]
  # The left side, shown as is. Required.
  left = "pack.toml"
  # The right side the reader must pick for this left side. Required.
  right = "Title, authors and sources"

  [[questions.pairs]]
  left = "explainer.toml"
  right = "Sections, glossary and timeline"

  [[questions.pairs]]
  left = "quiz.toml"
  right = "Quiz settings and questions"
'''

#: The template of each file, by file name (before the ``#:schema`` line is added).
TEMPLATES: dict[str, str] = {
    "pack.toml": PACK_TEMPLATE,
    "explainer.toml": EXPLAINER_TEMPLATE,
    "quiz.toml": QUIZ_TEMPLATE,
}
