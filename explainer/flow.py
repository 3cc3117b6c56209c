"""The one quiz flow, shared by the app and plain mode.

:class:`QuizFlow` holds a pack's saved progress and the attempt being taken, and does
every step of the flow the same way for both front ends:

1. start a fresh attempt with seeded shuffles (:meth:`QuizFlow.start`), or rebuild the
   quiz saved by an earlier run (:meth:`QuizFlow.saved_attempt`, :meth:`QuizFlow.resume`);
   a question already checked when the quiz was saved counts as done, so the quiz
   continues at the next one;
2. record an answer (:meth:`QuizFlow.answer`) or a hint (:meth:`QuizFlow.use_hint`),
   saving the quiz in progress each time;
3. move on (:meth:`QuizFlow.move_on`), or leave the quiz to continue later
   (:meth:`QuizFlow.leave`);
4. after the last question, record the finished attempt once (:meth:`QuizFlow.finish`);
   the review queue (:mod:`explainer.review`) follows from the attempts recorded.

When input ends before the quiz does (plain mode), :meth:`QuizFlow.save` keeps the
quiz in progress and nothing is recorded as finished.

Saving never stops the reader: a failed save is told once through the notice callback
(:meth:`QuizFlow.listen`) and the change is kept in memory. Pure Python: no Textual.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any
from pathlib import Path

from explainer import storage
from explainer.i18n import _
from explainer.pack import Pack, Response, Score
from explainer.resume import session_from_in_progress, session_to_attempt, session_to_in_progress
from explainer.session import QuizSession, ReadingProgress
from explainer.storage import Attempt, Progress, ProgressError, ProgressStore, QuizInProgress, utc_now

Notice = Callable[[str, bool], object]
"""Called with ``(message, is_error)`` for a notice about saving."""


class QuizFlow:
    """A pack's progress and the attempt being taken, for one run of a front end.

    Args:
        pack: the loaded pack.
        data_dir: the data folder (``--data-dir``); None means ``$EXPLAINER_DATA_DIR``
            or the platform's user data folder.
        seed: seed of the shuffles; each new attempt draws its own seed from it, so a
            run is repeatable. None draws random seeds.
    """

    def __init__(self, pack: Pack, *, data_dir: Path | str | None = None, seed: int | None = None) -> None:
        self.pack = pack
        """The pack."""
        self.seed = seed
        """The seed new attempts draw their seeds from (None: random)."""
        self.data_dir = storage.data_dir(data_dir)
        """The folder progress is kept in."""
        self._pending: list[tuple[str, bool]] = []
        self._notice: Notice | None = None
        self._save_failed = False
        self._recorded: set[int] = set()
        self._saved_quiz: tuple[QuizSession, dt.datetime, QuizInProgress] | None = None
        self.recorder: Any = None
        """An :class:`explainer.xapi.Recorder` for a class that sends learning records,
        or None: told of each section read, question answered and attempt finished."""
        self._seeds = random.Random(seed)
        try:
            self.store: ProgressStore | None = ProgressStore(pack.id, self.data_dir)
        except ValueError as exc:  # pragma: no cover - the loader checks pack ids
            self.store = None
            self._tell(_("Progress cannot be saved: {reason}").format(reason=exc), True)
        self.progress: Progress = self._load()
        """The saved progress as last written (or as it would be, if a save failed)."""
        self.reading = ReadingProgress(
            pack, storage.for_pack(pack, self.progress).sections_read, on_read=self._section_opened
        )
        """Which sections the reader has opened (this run and earlier ones)."""
        self.session: QuizSession = self.new_session()
        """The attempt being taken (a fresh one until :meth:`start` or :meth:`resume`)."""
        self.started: dt.datetime = utc_now()
        """When :attr:`session` began (UTC)."""

    # ------------------------------------------------------------ notices

    def listen(self, notice: Notice) -> None:
        """Send notices about saving to ``notice`` from now on, starting with those
        kept so far (a file set aside when the progress was read, for example)."""
        self._notice = notice
        pending, self._pending = self._pending, []
        for message, error in pending:
            notice(message, error)

    def _tell(self, message: str, error: bool = False) -> None:
        """Pass a notice on, or keep it until :meth:`listen`."""
        if self._notice is None:
            self._pending.append((message, error))
        else:
            self._notice(message, error)

    # ------------------------------------------------------------ saving

    def _load(self) -> Progress:
        """Read the saved progress (a bad file is set aside; never raises)."""
        if self.store is None:
            return Progress.empty(self.pack.id)
        progress = self.store.load()
        self._store_notice()
        return progress

    def _store_notice(self) -> None:
        """Pass on the store's notice about a file set aside, if any."""
        if self.store is not None:
            notice = self.store.take_notice()
            if notice:
                self._tell(notice)

    def _save(self, change: Callable[[Progress], Progress]) -> None:
        """Apply ``change`` to the saved progress (under the store's lock).

        A failure is told once and never raises: the change is kept in memory
        (:attr:`progress`) and the next save tries again.
        """
        try:
            if self.store is None:
                raise ProgressError(_("Progress cannot be saved."))
            self.progress = self.store.update(change)
        except (ProgressError, OSError) as exc:
            self.progress = change(self.progress)
            if not self._save_failed:
                self._save_failed = True
                self._tell(str(exc), True)
        self._store_notice()

    def start_over(self) -> None:
        """Start the pack again: no section read and no quiz in progress, saved; the
        finished attempts stay in the history (and the review queue)."""
        self._save(lambda progress: progress.started_over())
        self.reading = ReadingProgress(self.pack, (), on_read=self._section_opened)
        self.session = self.new_session()
        self.started = utc_now()

    @property
    def last_attempt(self) -> Attempt | None:
        """The latest finished attempt at the whole quiz (review rounds aside), or None."""
        return next((a for a in reversed(self.progress.attempts) if not a.review), None)

    def first_unread(self) -> int | None:
        """Index (0-based) of the first section not read yet; None when all are read."""
        return next((i for i, s in enumerate(self.pack.sections) if not self.reading.is_read(s.id)), None)

    def _section_opened(self, section_id: str) -> None:
        """Save that ``section_id`` was opened (and is where reading continues)."""
        self._save(lambda progress: progress.with_section_read(section_id))
        if self.recorder is not None:
            self._record(lambda r: r.experienced(section_id, self.pack.section(section_id).title))

    def _record(self, make: Callable[[Any], object]) -> None:
        """Hand a learning record to :attr:`recorder`; a failure (the outbox cannot be
        written) is told once and never stops the lesson."""
        try:
            make(self.recorder)
        except OSError as exc:
            if not getattr(self, "_record_failed", False):
                self._record_failed = True
                self._tell(
                    _("Learning records cannot be kept ({reason}); your progress is still saved.").format(
                        reason=exc.strerror or exc
                    ),
                    True,
                )

    def save(self) -> None:
        """Save the current attempt as the quiz in progress (a finished one is recorded
        by :meth:`finish` instead)."""
        session = self.session
        if session.finished:
            return
        previous = self._saved_quiz
        if previous is not None and (previous[0] is not session or previous[1] != self.started):
            previous = None
        quiz = session_to_in_progress(session, self.started, previous[2] if previous else None)
        self._saved_quiz = (session, self.started, quiz)
        self._save(lambda progress: progress.with_quiz(quiz))

    # ------------------------------------------------------------ attempts

    def new_session(self) -> QuizSession:
        """A fresh attempt at the whole quiz, with its own seed (not yet started)."""
        seed = self._seeds.randrange(2**32) if self.seed is not None else random.SystemRandom().randrange(2**32)
        return QuizSession(self.pack, seed=seed)

    def start(self, session: QuizSession | None = None) -> QuizSession:
        """Make ``session`` (default: a fresh attempt) the one being taken and return it.

        A different attempt than the current one starts its clock now.
        """
        if session is None:
            session = self.new_session()
        if session is not self.session:
            self.started = utc_now()
        self.session = session
        return session

    def saved_attempt(self) -> tuple[QuizSession, dt.datetime] | None:
        """The quiz in progress saved by an earlier run, rebuilt, and when it began; None
        if there is none (or it no longer fits the pack).

        A question already checked counts as done, so the attempt is at the next one.
        """
        saved = storage.valid_in_progress(self.pack, self.progress)
        if saved is None:
            return None
        try:
            session = session_from_in_progress(self.pack, saved)
        except (KeyError, ValueError, TypeError):  # pragma: no cover - valid_in_progress fits it
            return None
        current = session.current
        if current is not None and session.is_answered(current.id):
            session.advance()
        return session, saved.started

    def resume(self, session: QuizSession, started: dt.datetime) -> None:
        """Make a rebuilt attempt (from :meth:`saved_attempt`) the one being taken."""
        self.session = session
        self.started = started

    def saved_section(self) -> int | None:
        """Index of the section to continue reading at; None for the first section, or
        when every section has been read."""
        fitted = storage.for_pack(self.pack, self.progress)
        order = [section.id for section in self.pack.sections]
        last = fitted.last_section
        if last is None or last not in order or self.reading.all_read:
            return None
        index = order.index(last)
        return index if index > 0 else None

    @property
    def in_progress(self) -> bool:
        """True when the current attempt has answers but has not reached its end."""
        return self.session.answered > 0 and not self.session.finished

    # ------------------------------------------------------------ answering

    def answer(self, response: Response) -> Score:
        """Record ``response`` to the current question, save, and return its score.

        Raises:
            ValueError: the attempt is finished.
            TypeError: the response does not fit the question's kind.
        """
        question = self.session.current
        if question is None:
            raise ValueError("the attempt is finished")
        result = self.session.submit(question.id, response)
        self.save()
        if self.recorder is not None:
            from explainer import i18n
            from explainer.pack import describe_response

            with i18n.english():  # a learning record's response reads the same in every language
                described = describe_response(question, response)
            self._record(lambda r: r.answered(
                question.id, question.prompt, result.correct, result.points, result.max_points, described,
            ))
        return result

    def use_hint(self) -> str:
        """Record that the reader opened the current question's hint, save, return it.

        Raises:
            ValueError: the attempt is finished, or the question has no hint.
        """
        question = self.session.current
        if question is None:
            raise ValueError("the attempt is finished")
        hint = self.session.use_hint(question.id)
        self.save()
        return hint

    def skip(self) -> bool:
        """Put the current question last, to come back to it, and save. Returns False
        (nothing moved) when it is answered or is the last one left."""
        if not self.session.can_skip:
            return False
        self.session.skip()
        self.save()
        return True

    def move_on(self) -> bool:
        """Go to the next question; after the last, record the attempt (:meth:`finish`).

        Nothing is saved on the way: the answer just checked was saved by :meth:`answer`,
        and a saved quiz whose current question is answered resumes at the next one
        (:meth:`saved_attempt`), which is where this moves. (Saving here too cost a
        second write of the whole quiz per question: about 45 ms each on a pack of
        1,000 questions, see "Key latency" in docs/performance.md.)

        Returns:
            True when the attempt is now finished.
        """
        self.session.advance()
        if self.session.finished:
            self.finish()
            return True
        return False

    def leave(self) -> bool:
        """Leave the quiz to continue later: a question already checked counts as done.

        Returns:
            True when that finished the attempt (it is then recorded).
        """
        session = self.session
        current = session.current
        if current is not None and session.is_answered(current.id):
            return self.move_on()
        self.save()
        return session.finished

    def finish(self) -> None:
        """Record the finished current attempt, once (a second call does nothing).

        The attempt replaces the quiz in progress in the progress file; the review
        queue is worked out from the attempts recorded (:meth:`review_ids`).
        """
        session = self.session
        if id(session) in self._recorded:
            return
        self._recorded.add(id(session))
        attempt = session_to_attempt(session, self.started)
        self._save(lambda progress: progress.with_attempt(attempt))
        if self.recorder is not None:
            self._record(lambda r: r.finished(attempt.score, attempt.max_points, attempt.passed))

    def review_ids(self) -> list[str]:
        """The questions a review round asks now, in order (:mod:`explainer.review`)."""
        from explainer.review import review_queue

        missed = self.session.missed() if self.session.finished else ()
        return review_queue(self.pack, self.progress, missed)

    def right_once(self) -> int:
        """How many of the questions due for review were answered right in their latest
        try (one more right answer in a row takes each out of the queue)."""
        from explainer.review import due_questions

        return sum(1 for due in due_questions(self.pack, self.progress) if due.right_in_a_row > 0)

    @property
    def questions_left(self) -> int:
        """How many questions of the current attempt are not answered yet."""
        return self.session.total - self.session.answered
