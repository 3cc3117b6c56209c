"""Standard streams that are closed, full or broken: one clear line, never a traceback.

The command line (:func:`explainer.cli.main`) and ``python -m explainer.plain`` run
their work through :func:`run_guarded`, inside :func:`guarded_stdout`, which does two
things:

* A stream the process was started without (``<&-``, ``>&-``, ``2>&-``; Python then sets
  ``sys.stdin``, ``sys.stdout`` or ``sys.stderr`` to None, and ``print`` and
  ``click.echo`` silently write nothing) gets a stand-in: a closed stdin reads as the
  end of input, a closed stdout fails on the first write as a closed file does
  (``EBADF``), a closed stderr swallows what is written.
* ``sys.stdout`` is wrapped so that a failed write or flush (a full disk, a pipe whose
  reader went away, a closed stdout) raises :class:`OutputError`. It is not an
  ``OSError``, so no ``except OSError`` meant for a file a command writes can swallow it;
  it goes up to :func:`run_guarded`, which flushes stdout at the end (so a full disk
  is found there, not at interpreter shutdown) and calls :func:`report_output_error`.

Exit code :data:`EXIT_OUTPUT` (74, ``EX_IOERR`` in sysexits.h) means "the output could
not be written".
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from explainer.i18n import _
from explainer.pack.text import printable

EXIT_OUTPUT = 74
"""Exit code when standard output could not be written (``EX_IOERR`` in sysexits.h)."""


class OutputError(Exception):
    """Standard output could not be written.

    Attributes:
        error: the ``OSError`` the write or flush raised.
        exit_code: the code to exit with; :data:`EXIT_OUTPUT` unless a command knows a
            more important one (``explainer validate`` on an invalid pack: 1).
    """

    def __init__(self, error: OSError, exit_code: int = EXIT_OUTPUT) -> None:
        super().__init__(error)
        self.error = error
        self.exit_code = exit_code

    @property
    def broken_pipe(self) -> bool:
        """True when the reader of a pipe went away (``| head``): not worth a message."""
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE

    def __str__(self) -> str:
        """``cannot write the output: No space left on device (errno 28)``."""
        reason = self.error.strerror or str(self.error)
        if self.error.errno is not None:
            return _("cannot write the output: {reason} (errno {number})").format(reason=reason, number=self.error.errno)
        return _("cannot write the output: {reason}").format(reason=reason)


class _ClosedOutput(io.TextIOBase):
    """Stands in for a stdout the process was started without: every write fails."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        """True: writing is allowed, and fails (as on a closed file descriptor)."""
        return True

    def write(self, text: str) -> int:
        """Raise ``OSError(EBADF)`` for any text (an empty string is written as nothing).

        Raises:
            TypeError: ``text`` is not a string.
            OSError: always, for a non-empty string.
        """
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            raise OSError(errno.EBADF, _("standard output is closed"))
        return 0


class PrintableErrors:
    """Wraps ``sys.stderr``: every control or bidi character written is written as an
    escape (:func:`explainer.pack.text.printable`). Messages quote file names, folder
    names and parts of progress files; none of it may drive the terminal. Everything
    else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        """Wrap ``stream``."""
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with forbidden characters escaped; return ``len(text)``."""
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str):
        """Every other attribute is the wrapped stream's."""
        return getattr(self._stream, name)


class GuardedOutput:
    """A text stream (``sys.stdout``) whose write and flush failures raise OutputError,
    and which writes every control or bidi character as an escape
    (:func:`explainer.pack.text.printable`): a file name, a progress file or a typed
    answer quoted in a command's output can never drive the terminal.

    Everything else (``isatty``, ``encoding``, ``fileno``...) is the wrapped stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        """Wrap ``stream``."""
        self._stream = stream

    @property
    def wrapped(self) -> TextIO:
        """The stream this one writes to."""
        return self._stream

    def write(self, text: str) -> int:
        """Write ``text``; return the number of characters written.

        Raises:
            OutputError: the stream failed (``OSError``); other exceptions pass as they are.
        """
        try:
            self._stream.write(printable(text))
        except OSError as exc:
            raise OutputError(exc) from exc
        return len(text)

    def writelines(self, lines) -> None:
        """Write each of ``lines``.

        Raises:
            OutputError: as :meth:`write`.
        """
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush the wrapped stream.

        Raises:
            OutputError: the buffered output could not be written.
        """
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(exc) from exc

    def __getattr__(self, name: str):
        """Every other attribute is the wrapped stream's."""
        return getattr(self._stream, name)


def replace_missing_streams() -> None:
    """Give the process a stand-in for each standard stream it was started without.

    Python sets ``sys.stdin``/``sys.stdout``/``sys.stderr`` to None when the file
    descriptor is closed at startup. Afterwards: stdin reads as the end of input,
    stdout fails on the first write with ``EBADF`` ("standard output is closed"),
    stderr discards what is written. Streams that exist are left alone. Never raises.
    """
    if sys.stdin is None:
        sys.stdin = io.StringIO("")
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = io.StringIO()  # nobody can read it; messages are short and few


@contextmanager
def guarded_stdout() -> Iterator[GuardedOutput]:
    """Replace missing streams (:func:`replace_missing_streams`), then wrap
    ``sys.stdout`` in a :class:`GuardedOutput` for the duration of the ``with`` block.

    Yields the wrapper; the previous ``sys.stdout`` is put back on the way out, also
    after an exception.
    """
    replace_missing_streams()
    previous, previous_err = sys.stdout, sys.stderr
    guard = previous if isinstance(previous, GuardedOutput) else GuardedOutput(previous)
    sys.stdout = guard  # type: ignore[assignment]
    if not isinstance(previous_err, PrintableErrors):
        sys.stderr = PrintableErrors(previous_err)  # type: ignore[assignment]
    try:
        yield guard
    finally:
        sys.stdout, sys.stderr = previous, previous_err


def run_guarded(work: Callable[[], int], prog: str = "explainer") -> int:
    """Run ``work`` with guarded streams (:func:`guarded_stdout`); return its exit code.

    Stdout is flushed before returning, so a full disk or a pipe whose reader went
    away is found here rather than at interpreter shutdown. If stdout could not be
    written (:class:`OutputError`, from ``work`` or from that flush), the failure is
    reported (:func:`report_output_error`) and the code is the one ``work`` returned if
    that was already a failure, else the error's own (:data:`EXIT_OUTPUT` unless
    ``work`` set another).

    Args:
        work: the command: takes nothing, returns an exit code; may raise OutputError.
        prog: the name that starts the error line.

    Returns:
        The exit code.

    Raises:
        Whatever ``work`` raises, except OutputError.
    """
    code = 0
    with guarded_stdout():
        try:
            code = work()
            sys.stdout.flush()
        except OutputError as exc:
            if code != 0:  # the command's own failure comes first
                exc.exit_code = code
            code = report_output_error(exc, prog)
    return code


def report_output_error(error: OutputError, prog: str = "explainer") -> int:
    """Say that the output could not be written, and make sure exiting stays quiet.

    Prints ``PROG: cannot write the output: REASON (errno N)`` on stderr, one line
    (nothing for a broken pipe: the reader chose to stop). Then points the file
    descriptor of stdout at the null device, as the Python documentation advises for
    ``BrokenPipeError``, so the output still buffered is dropped at exit instead of
    failing again with "Exception ignored ...". A failure to write on stderr is
    ignored. Never raises.

    Returns:
        The exit code: ``error.exit_code``.
    """
    if not error.broken_pipe:
        _say(f"{prog}: {error}")
    _silence(sys.stdout)
    return error.exit_code


def _say(line: str) -> None:
    """Write one line on stderr; if stderr fails too, silence it and go on."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        _silence(sys.stderr)


def _silence(stream: object) -> None:
    """Point ``stream``'s file descriptor at the null device (if it has one), so that
    whatever it still buffers is written there at exit."""
    if isinstance(stream, GuardedOutput):
        stream = stream.wrapped
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return  # no file descriptor (a stand-in, a test's capture): nothing buffered for an fd
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # pragma: no cover - no /dev/null
        return
    try:
        os.dup2(devnull, fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(devnull)
