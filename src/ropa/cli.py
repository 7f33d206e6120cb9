"""The `ropa` command: parses arguments, calls the library, sets the exit code. Nothing more.

Exit codes: 0 success; 1 the register is invalid, a check failed or an output could not be
written; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ropa import __version__

__all__ = ["main"]

OK, FAILED, USAGE = 0, 1, 2


class _UsageError(Exception):
    """A command-line value the library refused (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = arguments.command
    from ropa.io.errors import RegisterError

    try:
        return command(arguments)
    except RegisterError as error:
        _say(str(error), sys.stderr)
        count = len(error.problems)
        _say(f"ropa: {count} problem{'s' if count != 1 else ''} found", sys.stderr)
        return FAILED
    except _UsageError as error:
        parser.error(str(error))
    except OSError as error:
        _say(f"ropa: cannot write {error.filename or ''}: {error.strerror or error}", sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        return 130


def _say(text: str, stream: TextIO) -> None:
    stream.write(text if text.endswith("\n") else text + "\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _register_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("register", type=Path, metavar="REGISTER", help="the register file (.yaml, .yml or .json)")


def _on_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on", type=_date, default=None, metavar="DATE", help="the date the law is applied on (default: today)"
    )


def _language_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default=None, metavar="LANG", help="ro, en, …; default: the register's first language")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ropa",
        description="Keep a GDPR record of processing activities (Art. 30) as one typed source of truth.",
    )
    parser.add_argument("--version", action="version", version=f"ropa {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check that a register file is valid")
    _register_argument(validate)
    validate.set_defaults(command=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of register files")
    schema.set_defaults(command=_schema)

    transfers = commands.add_parser("transfers", help="assess every transfer outside the EEA on a date")
    _register_argument(transfers)
    _on_argument(transfers)
    transfers.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    transfers.set_defaults(command=_transfers)

    policy = commands.add_parser("policy", help="write the public policy's data-sharing section (Markdown)")
    _register_argument(policy)
    _language_argument(policy)
    policy.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    policy.set_defaults(command=_policy)

    workbook = commands.add_parser("workbook", help="write the Article 30 workbook (.xlsx)")
    _register_argument(workbook)
    _language_argument(workbook)
    _on_argument(workbook)
    workbook.add_argument("-o", "--output", type=Path, metavar="FILE", required=True, help="the .xlsx file to write")
    workbook.set_defaults(command=_workbook)
    return parser


def _today(arguments: argparse.Namespace) -> date:
    chosen: date | None = arguments.on
    return chosen if chosen is not None else date.today()


def _validate(arguments: argparse.Namespace) -> int:
    from ropa.io import load

    register = load(arguments.register)
    _say(
        f"{arguments.register}: valid ({len(register.activities)} activities, "
        f"{len(register.recipients)} recipients, {len(register.purposes)} purposes)",
        sys.stdout,
    )
    return OK


def _schema(arguments: argparse.Namespace) -> int:
    from ropa.model.schema import register_schema_text

    sys.stdout.write(register_schema_text())
    return OK


def _transfers(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.render.transfers import transfers_to_json, transfers_to_text
    from ropa.transfers import register_transfers

    register = load(arguments.register)
    try:
        found = register_transfers(register, _today(arguments))
    except ValueError as error:
        raise _UsageError(str(error)) from None
    render = transfers_to_json if arguments.format == "json" else transfers_to_text
    sys.stdout.write(render(found))
    return OK if all(transfer.assessment.lawful for transfer in found) else FAILED


def _language(arguments: argparse.Namespace, languages: Sequence[str]) -> str:
    chosen: str | None = arguments.lang
    if chosen is None:
        return languages[0]
    if chosen not in languages:
        raise _UsageError(f"--lang {chosen!r}: the register is written in {', '.join(languages)}")
    return chosen


def _policy(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.io.atomic import write_text_atomic
    from ropa.render.policy import render_policy

    register = load(arguments.register)
    text = render_policy(register, _language(arguments, register.languages))
    if arguments.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(arguments.output, text)
    return OK


def _workbook(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.render.workbook import write_workbook

    register = load(arguments.register)
    try:
        on = _today(arguments)
        write_workbook(register, arguments.output, lang=_language(arguments, register.languages), on=on)
    except ValueError as error:
        raise _UsageError(str(error)) from None
    return OK
