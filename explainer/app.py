"""The explainer app: welcome -> reading -> quiz -> results, with glossary, timeline,
sources and help reachable from every screen.

``ExplainerApp(pack, data_dir=...).run()`` is all the command line needs. The app holds
the pack, the reader's :class:`~explainer.session.ReadingProgress`, the current
:class:`~explainer.session.QuizSession` and the saved progress
(:class:`~explainer.storage.ProgressStore`); screens read and update them through
``self.app``.

What is saved, and when (``docs/progress.md``): a section as it is opened; the quiz in
progress after every answer, hint and move to the next question; each finished attempt
(every answer, hints, start and end time). On the next start the app offers to
continue where the reader stopped. A save that fails is said once on screen and never
stops the app. The chosen theme is kept in ``<data dir>/settings.toml``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.notifications import SeverityLevel
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widget import Widget
from textual.theme import Theme

from explainer.i18n import N_, _
from explainer.pack.preview import CachedPack, PackPreview
from explainer.settings import load_settings, save_settings
from explainer.widgets.text import shown

if TYPE_CHECKING:
    from explainer.flow import QuizFlow
    from explainer.memory import IdleCollector
    from explainer.pack import Pack
    from explainer.session import QuizSession, ReadingProgress
    from explainer.storage import Progress

MIN_WIDTH = 60
"""Narrowest terminal the layout supports; below it the too-small message shows."""
MIN_HEIGHT = 20
"""Lowest terminal the layout supports; below it the too-small message shows."""

HIGH_CONTRAST = Theme(
    name="explainer-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#00ffff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#262626",
    boost="#333333",
    success="#00ff00",
    warning="#ffff00",
    error="#ff6060",
    dark=True,
    variables={
        "text-muted": "#ffffff",
        "text-primary": "#ffff00",
        "text-secondary": "#00ffff",
        "text-success": "#00ff00",
        "text-warning": "#ffff00",
        "text-error": "#ff6060",
        "border": "#ffff00",
        "border-blurred": "#ffffff",
        # The highlighted row is drawn in reverse: each colour of the row (white text,
        # a green "right answer", a red "your pick") becomes its background, under
        # black text, so every part keeps full contrast. Without focus: underlined.
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#000000",
        "block-cursor-text-style": "bold reverse",
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-background": "#000000",
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": "#333333",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "footer-background": "#000000",
        "button-foreground": "#ffffff",
        "button-color-foreground": "#000000",
        "button-focus-text-style": "bold reverse",
        "input-cursor-background": "#ffff00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#00ffff 60%",
        "scrollbar": "#ffffff",
        "scrollbar-hover": "#ffff00",
        "scrollbar-active": "#ffff00",
        "scrollbar-background": "#000000",
        "link-color": "#00ffff",
        "link-style": "underline",
    },
)
"""Pure black and white with yellow and cyan accents, for the strongest contrast."""

SEARCH_BATCH = 256
"""The command palette's search yields to the app after this many places."""

EXIT_AFTER_FIRST_PAINT = "EXPLAINER_EXIT_AFTER_FIRST_PAINT"
"""Environment variable: set to ``1``, the app exits (code 0) right after its first frame
(:meth:`ExplainerApp.on_ready`). For timing startup; see ``benchmarks/startup.py``."""


def _beneath_too_small(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run an :class:`ExplainerApp` method that changes screens beneath the too-small
    message, if it is up, so the message stays on top.

    A command picked in the palette, or an answer to the resume prompt, can arrive just
    after the terminal shrank: the window or screen it opens goes beneath the message,
    and shows when the terminal is big enough again.
    """

    @wraps(method)
    def change(self: ExplainerApp, *args: Any, **kwargs: Any) -> Any:
        lifted = self._lift_too_small()
        try:
            return method(self, *args, **kwargs)
        finally:
            if lifted:
                self._check_size(self.size.width, self.size.height)

    return change


def _highlight(matcher: Any, text: str) -> Content:
    """``text`` verbatim (never markup) with the letters the palette matched highlighted."""
    content = shown(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class PackCommands(Provider):
    """Command palette entries for the pack: every section, glossary term, timeline
    event, and each question answered in the current attempt."""

    _places: list[tuple[str, str, Callable[[], object]]] = []
    """The places gathered when the palette opened (:meth:`startup`)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """``(text, help, callback)`` for every place the palette can jump to."""
        app: ExplainerApp = self.app  # type: ignore[assignment]
        pack = app.pack
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for index, section in enumerate(pack.sections):
            opened = _("Open this section (read)") if app.reading.is_read(section.id) else _("Open this section (not read yet)")
            commands.append(
                (_("Section {number}: {title}").format(number=index + 1, title=section.title), opened, partial(app.jump_to_section, section.id))
            )
        for entry in pack.glossary:
            commands.append((_("Term: {term}").format(term=entry.term), _("Open the glossary at this term"), partial(app.action_glossary, entry.term)))
        for index, event in enumerate(pack.timeline):
            commands.append((
                _("Event: {date} {event}").format(date=event.date, event=event.event),
                _("Open the timeline at this event"),
                partial(app.open_timeline_at, index),
            ))
        session = app.session
        results = {line.question.id: line for line in session.results()} if session.answered else {}
        for number, question in enumerate(session.questions, start=1):
            if not session.is_answered(question.id):
                continue
            result = results[question.id]
            if result.correct:
                answered = _("Answered right: see the feedback and its section")
            elif result.score.points > 0:
                answered = _("Answered partly right: see the feedback and its section")
            else:
                answered = _("Answered wrong: see the feedback and its section")
            commands.append(
                (
                    _("Question {number}: {prompt}").format(number=number, prompt=question.prompt),
                    answered,
                    partial(app.show_answered, question.id),
                )
            )
        return commands

    async def startup(self) -> None:
        """Gather the places once, when the palette opens (not at every key typed)."""
        self._places = self._commands()

    async def search(self, query: str) -> Hits:
        """Every section, term, event and answered question whose text matches ``query``.

        With thousands of places (a pack of 100,000 questions, all answered) the search
        hands control back to the app every :data:`SEARCH_BATCH` places, so keys and
        repaints never wait for it; a newer query cancels it.
        """
        matcher = self.matcher(query)
        for count, (text, help_text, callback) in enumerate(self._places):
            if count % SEARCH_BATCH == SEARCH_BATCH - 1:
                await asyncio.sleep(0)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=escape(help_text))

    async def discover(self) -> Hits:
        """With nothing typed yet: the sections, to jump to one."""
        sections = len(self.app.pack.sections)  # type: ignore[attr-defined]
        for text, help_text, callback in self._places[:sections]:  # the sections come first
            yield DiscoveryHit(shown(text), callback, text=text, help=escape(help_text))


TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
"""The titles and help of Textual's own palette commands (``App.get_system_commands``
in Textual 8), marked so the catalogs translate them."""

_LOCALISED = "en"
"""The language the bindings' words are in now (:func:`_localise_bindings`)."""


def _localise_bindings() -> None:
    """Put every binding's words in the language in force, before the screens are made
    (:func:`explainer.i18n.localise_bindings`); nothing to do while it stays English."""
    global _LOCALISED
    from explainer import i18n

    if i18n.language() == _LOCALISED:
        return
    from explainer.keymap import all_binding_classes

    i18n.localise_bindings(all_binding_classes())
    _LOCALISED = i18n.language()


class ExplainerApp(App[None]):
    """The terminal app for one pack.

    Args:
        pack: the loaded pack to read and be quizzed on; or a pack found in the cache
            (:class:`~explainer.pack.preview.CachedPack`), whose preview paints the
            welcome screen and whose pack is built when first needed, after the first
            paint (pydantic is not imported before it).
        seed: seed for shuffling questions and choices; fix it for repeatable runs
            (tests, screenshots). None shuffles differently each run.
        data_dir: where progress and settings are kept (``--data-dir``); None means
            ``$EXPLAINER_DATA_DIR``, else the platform's user data folder.
        quiz_only: start at the quiz instead of the welcome screen.
        class_dir, class_code: run for a class (``explainer serve``): sign in first.
        languages: the languages the pack can be read in, its own first
            (:func:`explainer.pack.translations.languages`); with two or more, ``l``
            on the welcome screen picks one and the app exits with
            :class:`~explainer.launch.SwitchLanguage` (:func:`explainer.launch.run_lessons`
            opens the lesson again in it).
        student: in a class, the student already signed in (after a language switch).
        prepare: what to do to the pack once it is built (for a pack from the cache:
            after the first paint), such as :func:`explainer.launch.with_its_languages`.
    """

    CSS_PATH = "app.tcss"
    TITLE = "explainer"
    COMMANDS = App.COMMANDS | {PackCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", N_("Quit"), id="quit", tooltip=N_("Quit explainer")),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True, id="quit-ctrl", tooltip=N_("Quit explainer")),
        Binding("g", "glossary", N_("Glossary"), id="glossary", tooltip=N_("Look up a term")),
        Binding("t", "timeline", N_("Timeline"), id="timeline", tooltip=N_("The story's dates")),
        Binding("s", "sources", N_("Sources"), id="sources", tooltip=N_("Every source the pack cites")),
        Binding("y", "history", N_("History"), show=False, id="history", tooltip=N_("Every attempt and its score")),
        Binding("question_mark", "help", N_("Help"), key_display="?", id="help", tooltip=N_("Every key")),
        Binding("f1", "help", N_("Help"), show=False, id="help-f1", tooltip=N_("Every key")),
        Binding("l", "language", N_("Language"), id="language", tooltip=N_("Read the lesson in another language")),
    ]

    def __init__(
        self,
        pack: Pack | CachedPack,
        *,
        seed: int | None = None,
        data_dir: Path | str | None = None,
        quiz_only: bool = False,
        class_dir: Path | str | None = None,
        class_code: str | None = None,
        languages: Sequence[str] = (),
        student: Any = None,
        prepare: Callable[[Pack], Pack] | None = None,
    ) -> None:
        _localise_bindings()
        super().__init__()
        self._prepare = prepare
        if prepare is not None and not isinstance(pack, CachedPack):
            pack = prepare(pack)
        self.languages = list(languages)
        """The languages the pack can be read in, its own first (the welcome screen
        offers them; empty or one: no choice)."""
        self._returning_student = student
        self.class_dir = Path(class_dir) if class_dir is not None else None
        """The class folder when the app runs for a class (``explainer serve``): the
        first screen is the sign-in, and progress is kept per student under it."""
        self.class_code = class_code
        """The code a student must type to sign in, or None (:class:`SignInScreen`)."""
        self.student = None
        """The signed-in :class:`explainer.classroom.Student`, in a class; else None."""
        self._pack: Pack | None = None
        self._cached: CachedPack | None = None
        if isinstance(pack, CachedPack):
            self._cached = pack
        else:
            self._pack = pack
        self.seed = seed
        """The seed the quiz shuffles come from (None: random)."""
        self.quiz_only = quiz_only
        """True when the app starts at the quiz."""
        from explainer.storage.paths import data_dir as data_folder

        self._data_dir = self.class_dir if self.class_dir is not None else data_folder(data_dir)
        self._flow: QuizFlow | None = None
        self._collector: IdleCollector | None = None
        self._notices: list[str] = []
        self.reader_keymap: dict[str, str] = {}
        """The reader's keys.toml as applied (binding id to keys; empty: the defaults)."""
        self._focus_kept: list[tuple[Screen, Widget | None]] = []
        self._started = False
        self._resume_started: dt.datetime = dt.datetime.now(dt.timezone.utc)
        self.register_theme(HIGH_CONTRAST)
        self._settings, notice = load_settings(self._data_dir)
        if notice:
            self._notices.append(notice)
        theme = self._settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, as :meth:`textual.app.App.notify` does, with every
        control character in ``message`` and ``title`` made visible
        (:func:`~explainer.widgets.text.visible`): notices quote file names, typed text
        and link addresses, which must never reach the terminal as control codes."""
        from explainer.widgets.text import visible

        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=markup)

    # ---------------------------------------------------------------- the pack

    @property
    def pack(self) -> Pack:
        """The pack being read (built from the cache entry when first asked for)."""
        if self._pack is None:
            assert self._cached is not None
            self._pack = self._cached.load()
            if self._prepare is not None:  # e.g. the typed answers of its other languages
                self._pack = self._prepare(self._pack)
        return self._pack

    @pack.setter
    def pack(self, pack: Pack) -> None:
        self._pack = pack
        self._cached = None

    @property
    def preview(self) -> PackPreview:
        """What the welcome screen shows of the pack: from the cache entry when the app
        was given one (no pydantic needed), else from the pack."""
        if self._cached is not None:
            return self._cached.preview
        return PackPreview.of(self.pack)

    # ---------------------------------------------------------------- the flow

    @property
    def flow(self) -> QuizFlow:
        """The quiz flow shared with plain mode: the saved progress and the attempt.

        Made when first needed, which is after the first paint unless the app starts at
        the quiz: reading the progress file (pydantic models, the file format, the
        lock) is not on the way to the welcome screen, which never shows a quiz in
        progress before the offer to continue is made.
        """
        if self._flow is None:
            from explainer.flow import QuizFlow

            self._flow = QuizFlow(self.pack, data_dir=self._data_dir, seed=self.seed)
        return self._flow

    @property
    def flow_ready(self) -> bool:
        """True once the saved progress has been read (:attr:`flow` exists): the
        welcome screen waits for it to say where the reader is."""
        return self._flow is not None

    def start_over(self) -> None:
        """Forget the sections read and the quiz in progress (saved); the history of
        finished attempts is kept. Then show the welcome screen again."""
        self.flow.start_over()
        self.notify(_("Started over: no section read, no quiz in progress. Your history is kept."), markup=False)
        self.show_welcome()

    @property
    def data_dir(self) -> Path:
        """The folder progress and settings are kept in."""
        return self._data_dir

    @property
    def session(self) -> QuizSession:
        """The current quiz attempt (the flow's)."""
        return self.flow.session

    @session.setter
    def session(self, session: QuizSession) -> None:
        self.flow.session = session

    @property
    def quiz_started(self) -> dt.datetime:
        """When the current attempt began (UTC)."""
        return self.flow.started

    @property
    def progress(self) -> Progress:
        """The saved progress as last written (or as it would be, if a save failed)."""
        return self.flow.progress

    @property
    def reading(self) -> ReadingProgress:
        """Which sections the reader has opened (this run and earlier ones)."""
        return self.flow.reading

    def _tell(self, message: str, *, error: bool = False) -> None:
        """Show a notice on screen (kept until the app has started)."""
        if not self._started:
            self._notices.append(message)
            return
        self.notify(message, markup=False, severity="error" if error else "warning", timeout=12)

    def save_quiz(self) -> None:
        """Save the current attempt as the quiz in progress (:meth:`QuizFlow.save`)."""
        self.flow.save()

    def review_ids(self) -> list[str]:
        """The questions a review round asks now, in order (:mod:`explainer.review`)."""
        return self.flow.review_ids()

    def new_session(self) -> QuizSession:
        """Return a fresh attempt at the whole quiz (seeded from the app's seed)."""
        return self.flow.new_session()

    # ---------------------------------------------------------------- flow

    def on_mount(self) -> None:
        """Apply the reader's keys.toml (:mod:`explainer.keymap`), show the welcome
        screen (or the quiz), any notice about saved files, and the offer to continue
        where the reader stopped."""
        from explainer.keymap import load_keymap
        from explainer.screens.welcome import WelcomeScreen

        keymap, notices = load_keymap()  # no keys.toml: nothing imported, nothing read
        self.reader_keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        self._notices.extend(notices)
        if self.class_dir is not None:
            from explainer.screens.signin import SignInScreen

            self.push_screen(SignInScreen(self.class_dir, self.class_code))
            if self._returning_student is not None:  # back after a language switch
                self.call_after_refresh(self.signed_in, self._returning_student)
            self._started = True
            self.theme_changed_signal.subscribe(self, self._theme_changed)
            self._check_size(self.size.width, self.size.height)
            return
        self.push_screen(WelcomeScreen())
        if self.quiz_only:
            self.start_quiz()
        self._started = True
        for notice in self._notices:
            self._tell(notice)
        self._notices.clear()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._check_size(self.size.width, self.size.height)
        if self.quiz_only:
            self._open_progress()

    def on_ready(self) -> None:
        """After the first frame: read the saved progress and offer to continue where
        the reader stopped (:meth:`_open_progress`); or, when
        ``EXPLAINER_EXIT_AFTER_FIRST_PAINT=1``, exit at once.

        The startup benchmark (``benchmarks/startup.py``) and its test use the variable
        to time "start, first paint, exit"; the bare apps it compares with use the same
        hook.
        """
        if os.environ.get(EXIT_AFTER_FIRST_PAINT) == "1":
            self.call_after_refresh(self.exit)
            return
        if not self.quiz_only and self.class_dir is None:
            self._open_progress()

    def signed_in(self, student) -> None:
        """A student of the class signed in (:class:`SignInScreen`): keep their progress
        in their own folder (``student.progress_dir``), show the welcome screen, then
        read their progress and offer to continue, as on an ordinary start."""
        from explainer.screens.welcome import WelcomeScreen

        self.student = student
        self._data_dir = student.progress_dir
        self.switch_screen(WelcomeScreen())
        self.call_after_refresh(self._open_progress)

    def _attach_recorder(self) -> None:
        """In a class whose server sends learning records (``explainer serve --lrs``,
        which sets ``EXPLAINER_XAPI_OUTBOX``), give the flow an
        :class:`explainer.xapi.Recorder` for the signed-in student."""
        outbox = os.environ.get("EXPLAINER_XAPI_OUTBOX")
        if self.student is None or not outbox or self.flow.recorder is not None:
            return
        from explainer.xapi import Outbox, Recorder

        self.flow.recorder = Recorder(
            Outbox(outbox), self.pack.id, self.pack.title,
            os.environ.get("EXPLAINER_CLASS_URL", "urn:explainer:class"), self.student.folder.name, self.student.name,
        )

    def _open_progress(self) -> None:
        """Read the saved progress (through :attr:`flow`), say any notice about it, and
        offer to continue the saved quiz or section."""
        self.flow.listen(lambda message, error: self._tell(message, error=error))
        self._attach_recorder()
        self.offer_resume()
        self._check_size(self.size.width, self.size.height)
        from explainer.screens.welcome import WelcomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, WelcomeScreen):
                screen.show_home()
        self._settle_memory()

    def _settle_memory(self) -> None:
        """Once the pack and the progress are built: freeze what lives as long as the
        app and run full garbage collections between key presses from now on
        (:mod:`explainer.memory`)."""
        if self._collector is not None:
            return
        from explainer import memory

        memory.settle()
        self._collector = memory.IdleCollector()
        self._collector.start()
        self.set_interval(memory.QUIET_SECONDS / 4, self._collector.tick, name="idle-collector")

    async def on_event(self, event: events.Event) -> None:
        """Every event, as Textual handles it; a key press or a click also tells the
        idle collector that the reader is busy (:mod:`explainer.memory`)."""
        if self._collector is not None and isinstance(event, (events.Key, events.MouseDown)):
            self._collector.input()
        await super().on_event(event)

    def on_unmount(self) -> None:
        """Give garbage collection back to Python as it was (tests run many apps in one
        process)."""
        if self._collector is not None:
            import gc

            self._collector.stop()
            self._collector = None
            gc.unfreeze()

    def _theme_changed(self, theme: Theme) -> None:
        """Remember the theme the reader picked (settings.toml)."""
        if self._settings.get("theme") == theme.name:
            return
        self._settings["theme"] = theme.name
        try:
            save_settings(self.data_dir, self._settings)
        except OSError as exc:
            self._tell(_("Your theme could not be saved ({problem}).").format(problem=exc.strerror or exc))

    # ---------------------------------------------------------------- resume

    def saved_quiz(self) -> QuizSession | None:
        """The quiz in progress saved by an earlier run, rebuilt; None if there is none.

        A question already checked counts as done, so it continues at the next one
        (:meth:`QuizFlow.saved_attempt`).
        """
        saved = self.flow.saved_attempt()
        if saved is None:
            return None
        session, self._resume_started = saved
        return session

    def saved_section(self) -> int | None:
        """Index of the section to continue reading at, or None (first section, or all read)."""
        return self.flow.saved_section()

    def offer_resume(self) -> None:
        """Ask whether to continue the saved quiz (or section), if there is one.

        The prompt goes beneath the too-small message if that is up
        (:meth:`push_screen`); with nothing to offer, the screens are left alone.
        """
        from explainer.screens.resume import ResumeScreen

        session = self.saved_quiz()
        if session is not None:
            if session.finished:
                where = (
                    _("Review round: every question answered; see the results")
                    if session.review
                    else _("Quiz: every question answered; see the results")
                )
            else:
                where = (
                    _("Review round: question {number} of {total}, {answered} answered so far (kept)")
                    if session.review
                    else _("Quiz: question {number} of {total}, {answered} answered so far (kept)")
                ).format(number=session.position + 1, total=session.total, answered=session.answered)
            started = self._resume_started

            def answer(resume: bool | None) -> None:
                if resume:
                    self.flow.resume(session, started)
                    if session.finished:
                        self.show_results()
                    else:
                        self.start_quiz(session)
                else:
                    # Not now: the attempt stays saved and the start screen offers it.
                    self.flow.resume(session, started)
                    if not self.quiz_only:
                        self.show_welcome()

            self.push_screen(ResumeScreen(where, start_over=_("Not now")), answer)
            return
        if self.quiz_only:
            return
        index = self.saved_section()
        if index is not None:
            section = self.pack.sections[index]
            where = _("Section {number} of {total}: {title}").format(number=index + 1, total=len(self.pack.sections), title=section.title)

            def read(resume: bool | None) -> None:
                if resume:
                    self.start_reading(index)

            self.push_screen(ResumeScreen(where, start_over=_("Not now")), read)

    # ---------------------------------------------------------------- flow

    @_beneath_too_small
    def show_welcome(self) -> None:
        """Go to the welcome screen."""
        from explainer.screens.welcome import WelcomeScreen

        self._switch(WelcomeScreen())

    @_beneath_too_small
    def start_reading(self, section_index: int = 0) -> None:
        """Go to the explainer, at section ``section_index`` (0-based)."""
        from explainer.screens.explainer import ExplainerScreen

        self._switch(ExplainerScreen(start=section_index))

    @_beneath_too_small
    def start_quiz(self, session: QuizSession | None = None) -> None:
        """Go to the quiz: ``session`` if given, else a fresh attempt at the whole quiz."""
        from explainer.screens.quiz import QuizScreen

        self._switch(QuizScreen(self.flow.start(session)))

    @property
    def quiz_in_progress(self) -> bool:
        """True when the current attempt has answers but has not reached its end."""
        return self._flow is not None and self._flow.in_progress

    @_beneath_too_small
    def continue_quiz(self) -> None:
        """Go back to the attempt in progress, or start a fresh one if there is none."""
        self.start_quiz(self.session if self.quiz_in_progress else None)

    @_beneath_too_small
    def leave_quiz(self) -> None:
        """Leave the quiz for the welcome screen, keeping the attempt to continue later.

        A question already checked counts as done, so coming back asks the next one.
        """
        if self.flow.leave():
            self.show_results()
        else:
            self.show_welcome()

    @_beneath_too_small
    def show_results(self) -> None:
        """Save the finished current attempt and go to its results."""
        from explainer.screens.results import ResultsScreen

        self.flow.finish()
        self._switch(ResultsScreen(self.session))

    def _switch(self, screen: Screen) -> None:
        """Replace the main screen (closing every window and visited section on top of
        it) with ``screen``."""
        from explainer.screens.explainer import ExplainerScreen

        while len(self.screen_stack) > 2 and (
            self._is_overlay(self.screen) or (isinstance(self.screen, ExplainerScreen) and self.screen.returns)
        ):
            self.pop_screen()
        self.switch_screen(screen)

    # ---------------------------------------------------------------- dialogs

    def _is_overlay(self, screen: Screen) -> bool:
        from explainer.screens.base import OverlayScreen

        return isinstance(screen, OverlayScreen)

    def _open(self, screen_type: type[Screen], *args: object) -> Screen:
        """Open a dialog (glossary, timeline...); replaces another dialog of that family
        already open, so escape always leads back to where the reader was. Returns the
        dialog (the one already open, if it is of that type)."""
        if isinstance(self.screen, screen_type):
            return self.screen
        if self._is_overlay(self.screen):
            self.pop_screen()
        screen = screen_type(*args)
        self.push_screen(screen)
        return screen

    @_beneath_too_small
    def action_glossary(self, term: str | None = None) -> None:
        """Open the glossary (at ``term`` if given)."""
        from explainer.screens.glossary import GlossaryScreen

        if term is not None and isinstance(self.screen, GlossaryScreen):
            self.pop_screen()
        self._open(GlossaryScreen, term)

    @_beneath_too_small
    def action_history(self) -> None:
        """Open the list of every finished attempt, with a chart of the scores."""
        from explainer.screens.history import HistoryScreen

        self._open(HistoryScreen)

    @_beneath_too_small
    def open_timeline_at(self, index: int) -> None:
        """Open the timeline with event ``index`` (0-based) highlighted."""
        from textual.widgets import OptionList

        from explainer.screens.timeline import TimelineScreen

        screen = self._open(TimelineScreen)

        def highlight() -> None:
            for events in screen.query("#events").results(OptionList):
                events.highlighted = index

        self.call_after_refresh(highlight)

    @_beneath_too_small
    def jump_to_section(self, section_id: str) -> None:
        """Show section ``section_id``: in the explainer, or read-only on top of the quiz
        and the results (so the attempt stays where it was)."""
        from explainer.screens.quiz import QuizScreen
        from explainer.screens.results import ResultsScreen

        if any(isinstance(screen, (QuizScreen, ResultsScreen)) for screen in self.screen_stack):
            self.open_section(section_id)
        else:
            self.start_reading(self.pack.section_index(section_id))

    @_beneath_too_small
    def show_answered(self, question_id: str) -> None:
        """Show a question answered in the current attempt: the answer, the verdict and
        the feedback, with the section that teaches it one key away."""
        from explainer.screens.quiz import AnsweredScreen

        if self.session.is_answered(question_id):
            self.push_screen(AnsweredScreen(self.session, question_id))

    @_beneath_too_small
    def action_timeline(self) -> None:
        """Open the timeline."""
        from explainer.screens.timeline import TimelineScreen

        self._open(TimelineScreen)

    @_beneath_too_small
    def action_sources(self) -> None:
        """Open the list of sources."""
        from explainer.screens.sources import SourcesScreen

        self._open(SourcesScreen)

    @_beneath_too_small
    def action_help(self) -> None:
        """Open the list of keys."""
        from explainer.screens.help import HelpScreen

        self._open(HelpScreen)

    @_beneath_too_small
    def open_section(self, section_id: str) -> None:
        """Show section ``section_id`` in a reading screen opened over the current one
        (a window, the quiz, the results), which stays as it was: escape returns to it,
        with its cursor, scroll and answer in progress. If such a reading screen is open
        already, it shows the section instead (what was opened over it closes), so the
        stack never grows."""
        from explainer.screens.explainer import ExplainerScreen

        index = self.pack.section_index(section_id)
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ExplainerScreen) and screen.visiting:
                while self.screen is not screen and len(self.screen_stack) > 2:
                    self.pop_screen()
                screen.index = index
                return
        self.push_screen(ExplainerScreen(start=index, visiting=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only quitting works while the too-small message is up: no window, and no
        command palette, may open over it (nor before the first screen is up). The
        language key is there only on the welcome screen of a pack with translations."""
        from explainer.screens.too_small import TooSmallScreen

        if action == "quit":
            return True
        if action == "language":
            from explainer.screens.welcome import WelcomeScreen

            try:
                return len(self.languages) > 1 and isinstance(self.screen, WelcomeScreen)
            except Exception:  # no screen yet
                return False
        try:
            return not isinstance(self.screen, TooSmallScreen)
        except Exception:  # no screen yet
            return False

    def action_language(self) -> None:
        """Offer the pack's languages; picking another one opens the lesson again in it
        (the app exits with :class:`~explainer.launch.SwitchLanguage`; the progress
        carries over)."""
        from explainer.screens.language import LanguageScreen

        def picked(language: str | None) -> None:
            from explainer.launch import SwitchLanguage

            if language and language != self.pack.meta.language:
                self.exit(SwitchLanguage(language, self.student))

        self.push_screen(LanguageScreen(self.languages, self.pack.meta.language), picked)

    def action_command_palette(self) -> None:
        """Open the command palette (:class:`~explainer.screens.palette.PackCommandPalette`),
        unless it is open already."""
        from textual.command import CommandPalette

        from explainer.screens.palette import PackCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PackCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: the app's own places first, then Textual's commands
        (without Textual's "Keys" panel: "Keys" here opens the list of every key)."""
        yield SystemCommand(_("Glossary"), _("Look up a term"), self.action_glossary)
        yield SystemCommand(_("Timeline"), _("The story's dates"), self.action_timeline)
        yield SystemCommand(_("Sources"), _("Every source the pack cites"), self.action_sources)
        yield SystemCommand(_("History"), _("Every attempt at the quiz, with a chart of the scores"), self.action_history)
        yield SystemCommand(_("Keys"), _("Every key of the app"), self.action_help)
        yield SystemCommand(_("Read the explainer"), _("Start at the first section"), self.start_reading)
        yield SystemCommand(_("Take the quiz"), _("Continue the attempt in progress, or start one"), self.continue_quiz)
        if len(self.languages) > 1:
            yield SystemCommand(_("Language"), _("Read the lesson in another language"), self.action_language)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # Textual's own ("Theme", "Quit"...), in the reader's language
                yield command._replace(title=_(command.title), help=_(command.help))

    # ---------------------------------------------------------------- size

    def on_resize(self, event: events.Resize) -> None:
        """Show or hide the too-small message as the terminal changes size."""
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Push the too-small message below the minimum, pop it at or above.

        Going below the minimum remembers which widget had focus on every screen in the
        stack; coming back restores it, so the reader is exactly where they were (and
        the footer offers the keys of that widget, not of the first focusable one).
        """
        from explainer.screens.too_small import TooSmallScreen

        if not self._started:
            return
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            kept = dict(self._focus_kept)  # kept from before a change made beneath the message
            for screen in self.screen_stack:
                if kept.get(screen) is None:
                    kept[screen] = screen.focused
            self._focus_kept = list(kept.items())
        # Hide every layout (so nothing is even arranged at a size it cannot take)...
        if self.has_class("-too-small") != too_small:
            self.set_class(too_small, "-too-small")
            # Textual restyles only the top screen on an App class change; every screen
            # in the stack must follow, or a hidden layout stays hidden (or a visible
            # one is laid out at a size it cannot take).
            for screen in self.screen_stack:
                screen.update_node_styles(animate=False)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif too_small and showing:
            self.screen.update_size(width, height)  # type: ignore[attr-defined]
        elif not too_small and showing:
            super().pop_screen()
            self.call_after_refresh(self._restore_focus)

    def _lift_too_small(self) -> bool:
        """Take the too-small message off the top of the stack, if it is there, and say
        whether it was (:func:`_beneath_too_small` puts it back)."""
        if self._covered():
            super().pop_screen()
            return True
        return False

    def shows(self, screen: Screen) -> bool:
        """True when ``screen`` is the one the reader sees: the top of the stack, or
        just beneath the too-small message."""
        from explainer.screens.too_small import TooSmallScreen

        stack = [s for s in self.screen_stack if not isinstance(s, TooSmallScreen)]
        return bool(stack) and stack[-1] is screen

    def _covered(self) -> bool:
        """True when the too-small message is on top of the stack."""
        from explainer.screens.too_small import TooSmallScreen

        return self._started and bool(self.screen_stack) and isinstance(self.screen_stack[-1], TooSmallScreen)

    # Screens change beneath the too-small message. A button press, a dismissed prompt or
    # a palette command can be handled just after the terminal shrank; whatever screen it
    # opens or closes is the one beneath the message, which stays on top.

    def push_screen(
        self, screen: Any, callback: Any = None, wait_for_dismiss: bool = False, *, mode: str | None = None
    ) -> Any:
        """Push ``screen`` as :meth:`textual.app.App.push_screen` does, beneath the
        too-small message if it is up (the message stays on top)."""
        from explainer.screens.too_small import TooSmallScreen

        if isinstance(screen, TooSmallScreen) or not self._lift_too_small():
            return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)  # type: ignore[call-overload]
        try:
            return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)  # type: ignore[call-overload]
        finally:
            self._check_size(self.size.width, self.size.height)

    def pop_screen(self) -> AwaitComplete:
        """Pop the top screen, as :meth:`textual.app.App.pop_screen` does; while the
        too-small message is up, pop the screen beneath it instead."""
        if not self._lift_too_small():
            return super().pop_screen()
        try:
            return super().pop_screen()
        finally:
            self._check_size(self.size.width, self.size.height)

    def switch_screen(self, screen: Screen | str) -> AwaitComplete:
        """Replace the top screen, as :meth:`textual.app.App.switch_screen` does; while
        the too-small message is up, replace the screen beneath it instead."""
        if not self._lift_too_small():
            return super().switch_screen(screen)
        try:
            return super().switch_screen(screen)
        finally:
            self._check_size(self.size.width, self.size.height)

    def _restore_focus(self) -> None:
        """Give focus back to the widgets that had it before the terminal got too small."""
        kept, self._focus_kept = self._focus_kept, []
        for screen, widget in kept:
            if widget is not None and widget.is_attached and widget.screen is screen and widget.focusable:
                screen.set_focus(widget, scroll_visible=False)
        self.screen.refresh_bindings()
