"""The standard streams as the `ropa` command uses them (`ropa.cli` only).

A document written to standard output (`ropa policy` without `-o`) that is lost is an error; a message
that is lost (`wrote …`) is not: the files, and the exit code, are what they are without it.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import TextIO

__all__ = ["Streams"]


class Streams:
    """Standard output and error as ropa uses them: a document written to standard output that is lost is an
    error; a message that is lost is not (the files, and the exit code, are what they are without it).

    A closed stream is opened on /dev/null (so that no file ropa opens takes its number), a stream that
    cannot encode a character gets it escaped (`\\u021b`), and a stream that fails is silenced."""

    def __init__(self) -> None:
        self.output_closed = False

    def prepare(self) -> None:
        self.output_closed = False
        for number, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
            try:
                os.fstat(number)
            except OSError:
                self._to_null(number)
                self.output_closed = self.output_closed or number == 1
                if name != "stdin" and getattr(sys, name) is None:
                    setattr(sys, name, open(number, "w", encoding="utf-8", closefd=False))  # noqa: SIM115
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")

    def emit(self, text: str) -> None:
        try:
            if self.output_closed:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as error:
            self._silence(sys.stdout)
            raise OSError(error.errno, error.strerror, "standard output") from None

    def say(self, text: str, stream: TextIO) -> None:
        try:
            stream.write(text)
            stream.flush()
        except OSError:
            self._silence(stream)

    def finish(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:
                self._silence(stream)

    def _silence(self, stream: TextIO) -> None:
        """What is left in `stream`'s buffer goes to /dev/null, so that Python's last flush does not fail."""
        try:
            number = stream.fileno()
        except (OSError, ValueError):
            return
        self._to_null(number)
        with contextlib.suppress(OSError):
            stream.flush()

    @staticmethod
    def _to_null(number: int) -> None:
        null = os.open(os.devnull, os.O_RDWR)
        if null != number:
            os.dup2(null, number)
            os.close(null)
