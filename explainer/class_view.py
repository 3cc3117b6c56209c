"""``explainer class DIR [PACK]``: the teacher's read-only view of a class in the terminal.

Two tables, from :mod:`explainer.class_report` (the same figures as ``explainer results
--class``):

- **Students**: one row per finished attempt: the student, the attempt, when, the score
  and the result;
- **Questions**: every question, the most missed first: its facility index, its
  discrimination index, the wrong choice picked most (and how often), and the section
  behind it.

Nothing here writes a file. Keys: ``tab`` moves between the tables, ``f5`` reads the
class folder again, ``q`` quits.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

import click
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from explainer import class_report, wording
from explainer.i18n import N_, _, ngettext
from explainer.pack import Pack


def _plain(text: str) -> Text:
    """Author or student text for a table cell: shown as written, never as markup."""
    return Text(text)


class ClassViewApp(App[None]):
    """The class view (see the module docstring).

    Args:
        pack: the pack the class took.
        class_dir: the class folder of ``explainer serve``.
    """

    TITLE = N_("explainer: class")
    CSS = """
    #students, #questions { height: 1fr; }
    .heading { text-style: bold; padding: 0 1; background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", N_("Quit"), id="class-quit"),
        Binding("f5", "reload", N_("Read again"), id="class-reload"),
    ]

    def __init__(self, pack: Pack, class_dir: Path) -> None:
        from explainer import i18n

        i18n.localise_bindings([type(self)])  # its keys' words in the language in force
        super().__init__()
        self.title = _(self.TITLE)
        self.pack = pack
        """The pack."""
        self.class_dir = class_dir
        """The class folder."""

    def compose(self) -> ComposeResult:
        """The two headed tables and the keys."""
        with Vertical():
            yield Static(id="students-heading", classes="heading")
            yield DataTable(id="students", cursor_type="row", zebra_stripes=True)
            yield Static(id="questions-heading", classes="heading")
            yield DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the tables."""
        self.action_reload()

    def action_reload(self) -> None:
        """Read the class folder again and refill both tables."""
        members = class_report.students(self.pack, self.class_dir)
        students = self.query_one("#students", DataTable)
        students.clear(columns=True)
        students.add_columns(_("student"), "#", _("finished"), _("score"), "%", _("result"))
        rows = class_report.rows(self.pack, members)
        for name, row in rows:
            score = _("{score} of {max_points}").format(score=row.score, max_points=row.max_points)
            students.add_row(_plain(name), str(row.attempt), row.date, score, row.percent + "%", row.result)
        self.query_one("#students-heading", Static).update(
            _("Students: {students}, {attempts}").format(
                students=ngettext("{count} student", "{count} students", len(members)).format(
                    count=wording.points(len(members))
                ),
                attempts=ngettext("{count} finished attempt", "{count} finished attempts", len(rows)).format(
                    count=wording.points(len(rows))
                ),
            )
        )
        questions = self.query_one("#questions", DataTable)
        questions.clear(columns=True)
        questions.add_columns(
            _("question"), _("facility"), _("discrimination"), _("wrong choice picked most"), _("section")
        )
        items = [i for i in class_report.item_analysis(self.pack, members) if i.facility is not None]
        for item in sorted(items, key=lambda i: i.facility):
            top = next((d for d in item.distractors if d.picked), None)
            misled = _plain(f"{top.text} ({top.picked})") if top else _plain("-")
            questions.add_row(
                item.question,
                f"{item.facility:.0f}",
                "-" if item.discrimination is None else f"{item.discrimination:.0f}",
                misled,
                _plain(self.pack.section(item.section).title),
            )
        self.query_one("#questions-heading", Static).update(
            _("Questions, most missed first (facility and discrimination indexes: docs/classroom.md)")
        )


@click.command("class")
@click.argument("class_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", metavar="LANG", default=None, help="Language of the view: en, ko or uk (default: the environment's, else the pack's).")
def class_command(class_dir: Path, path: Path | None, lang: str | None) -> None:
    """Show the class in DIR (from explainer serve --class-dir): every student's
    attempts and the most-missed questions, read-only. PATH is the pack (default: the
    bundled one). Exit codes: 0; 1 an invalid pack; 2 no such class folder, or a
    language neither explainer nor the pack has."""
    from explainer.cli import _load_or_exit
    from explainer.launch import UnknownLanguage, open_lesson
    from explainer.pack import PackError, PackNotFound, bundled_pack_path

    if not class_dir.is_dir():
        click.echo(_("explainer: {folder}: no such class folder").format(folder=class_dir), err=True)
        sys.exit(2)
    folder = path or bundled_pack_path()
    try:
        lesson = open_lesson(folder, lang)  # the teacher's language, as a reader's is chosen
    except (PackError, PackNotFound):
        _load_or_exit(folder)  # prints the problems and exits
        return
    except UnknownLanguage as exc:
        click.echo(f"explainer: {exc}", err=True)
        sys.exit(2)
    ClassViewApp(lesson.pack, class_dir).run()
