"""Located problems, and the one error that carries them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ropa.errors import RopaError

__all__ = ["ParseError", "Problem", "RegisterError", "RegisterFileNotFoundError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a register file, located to its line and column (both 1-based)."""

    file: str
    line: int
    column: int
    path: str
    """Where in the register, e.g. `activities.donations.recipients[2]`; `(file)` for the file as a whole."""
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message}"


class RegisterError(RopaError, ValueError):
    """A register could not be loaded. `problems` lists the problems found, in file order.

    At most `ropa.io.loading.MAX_PROBLEMS` are listed; `omitted` counts the others.
    """

    def __init__(self, problems: Iterable[Problem], omitted: int = 0) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.omitted = omitted
        more = [f"… and {omitted:,} more problems, not listed"] if omitted else []
        super().__init__("\n".join([*(str(problem) for problem in self.problems), *more]))


@dataclass(frozen=True)
class ParseError(Exception):
    """A file that is not a well-formed document, with the place (1-based) where reading stopped."""

    line: int
    column: int
    message: str


class RegisterFileNotFoundError(RopaError, FileNotFoundError):
    """There is no register file at the path given; `problems` holds the one problem, located to the path."""

    def __init__(self, problem: Problem) -> None:
        self.problems: tuple[Problem, ...] = (problem,)
        self.omitted = 0
        super().__init__(2, problem.message, problem.file)  # errno.ENOENT

    def __str__(self) -> str:
        return str(self.problems[0])
