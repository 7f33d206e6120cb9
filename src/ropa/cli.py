"""The `ropa` command: parses arguments, calls the library, sets the exit code. Nothing more.

Exit codes: 0 success; 1 the register is invalid, a check failed or an output could not be
written; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ropa import __version__
from ropa.render.terminal import printable, printable_name
from ropa.streams import Streams

if TYPE_CHECKING:
    from ropa.checks import Finding
    from ropa.io import Problem
    from ropa.io.locating import Locator
    from ropa.io.publish import Output
    from ropa.model import Register

__all__ = ["main"]

OK, FAILED, USAGE = 0, 1, 2
MAX_PROBLEMS_SHOWN = 100
"""Problems printed at most; the count of the others follows."""


class _UsageError(Exception):
    """A command-line value the library refused (exit code 2)."""


class _Terminated(BaseException):
    """SIGTERM received: unwound like Ctrl-C, so that a build leaves its folder as it was (exit code 143)."""


def _terminate(signal_number: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments, unknown = parser.parse_known_args(argv)
    subparser: argparse.ArgumentParser = getattr(arguments, "subparser", parser)
    if unknown:  # the usage of the subcommand it was given to, not of `ropa`
        subparser.error(f"unrecognized arguments: {' '.join(unknown)}")
    command: Callable[[argparse.Namespace], int] = arguments.command
    _STREAMS.prepare()
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: signals are not ours to handle
        return _run(command, arguments, subparser)
    try:
        return _run(command, arguments, subparser)
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        _STREAMS.finish()


def _run(
    command: Callable[[argparse.Namespace], int], arguments: argparse.Namespace, subparser: argparse.ArgumentParser
) -> int:
    from ropa.errors import CatalogueError
    from ropa.io.errors import RegisterError, RegisterFileNotFoundError

    # The command is the whole process: the cyclic collector is paused for it, as the millions of new,
    # cycle-free objects of a large register would set it off again and again (benchmarks/: the 10k
    # register). A library call changes no such process-wide state (docs/api.md).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _packs_beside(arguments):
            return command(arguments)
    except _Terminated:
        return 128 + signal.SIGTERM
    except (RegisterError, RegisterFileNotFoundError) as error:
        _show_problems(error.problems, error.omitted)
        count = len(error.problems) + error.omitted
        _say(f"ropa: {count:,} problem{'s' if count != 1 else ''} found", sys.stderr)
        return FAILED
    except CatalogueError as error:  # a catalogue of wording lacks a message (docs/languages.md)
        _say(f"ropa: {_shown(error)}", sys.stderr)
        return FAILED
    except _UsageError as error:
        subparser.error(str(error))
    except OSError as error:
        name = f"cannot write {_shown(error.filename)}: " if error.filename else ""
        _say(f"ropa: {name}{error.strerror or error}", sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    finally:
        if collecting:
            gc.enable()


@contextmanager
def _packs_beside(arguments: argparse.Namespace) -> Iterator[None]:
    """The language packs beside the registers named (`languages/<lang>/`), added to `ROPA_LANGUAGES` for
    the command, which is the whole process (docs/languages.md); the variable is as it was afterwards."""
    from ropa.words import LANGUAGES_VARIABLE, beside

    files = [getattr(arguments, name, None) for name in ("register", "old", "new")]
    files += getattr(arguments, "registers", None) or []
    folders = [str(folder) for file in files if isinstance(file, Path) for folder in beside(file)]
    previous = os.environ.get(LANGUAGES_VARIABLE)
    if folders:
        named = [folder for folder in (previous or "").split(os.pathsep) if folder]
        os.environ[LANGUAGES_VARIABLE] = os.pathsep.join(dict.fromkeys([*named, *folders]))
    try:
        yield
    finally:
        if folders and previous is None:
            del os.environ[LANGUAGES_VARIABLE]
        elif folders and previous is not None:
            os.environ[LANGUAGES_VARIABLE] = previous


_STREAMS = Streams()


def _show_problems(problems: Sequence[Problem], omitted: int) -> None:
    """The first `MAX_PROBLEMS_SHOWN` problems of each file, then how many more that file has."""
    from dataclasses import replace

    shown: dict[str, int] = {}
    for problem in problems:
        shown[problem.file] = shown.get(problem.file, 0) + 1
        if shown[problem.file] <= MAX_PROBLEMS_SHOWN:
            _say(str(replace(problem, file=_shown(problem.file))), sys.stderr)
    for file, count in shown.items():
        if count > MAX_PROBLEMS_SHOWN:
            _say(f"{_shown(file)}: … and {count - MAX_PROBLEMS_SHOWN:,} more problems, not shown", sys.stderr)
    if omitted:
        _say(f"… and {omitted:,} more problems, not listed (a load lists the first 1,000)", sys.stderr)


def _say(text: str, stream: TextIO) -> None:
    text = printable(text)
    _STREAMS.say(text if text.endswith("\n") else text + "\n", stream)


def _shown(name: object) -> str:
    """A name in a message: on one line, every control character escaped."""
    return printable_name(str(name))


def _wrote(arguments: argparse.Namespace, path: Path) -> None:
    """Say what a command wrote (nothing with --quiet)."""
    if not arguments.quiet:
        _say(f"wrote {_shown(path)}", sys.stdout)


def _note(arguments: argparse.Namespace, text: str) -> None:
    """A line of what ropa is doing, with --verbose only (on standard error, beside any output)."""
    if arguments.verbose:
        _say(f"ropa: {text}", sys.stderr)


def _date(text: str) -> date:
    from ropa.model.base import LATEST_DATE

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{printable(text)!r} is not a date in the form YYYY-MM-DD") from None
    if day > LATEST_DATE:
        raise argparse.ArgumentTypeError(
            f"{text}: the latest date ropa applies the law on is {LATEST_DATE.isoformat()}"
        )
    return day


def _register_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("register", type=Path, metavar="REGISTER", help="the register file (.yaml, .yml or .json)")


def _on_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on", type=_date, default=None, metavar="DATE", help="the date the law is applied on (default: today)"
    )


def _format_argument(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default: {choices[0]})")


def _language_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", default=None, metavar="LANG", help="ro, en, …; default: the register's first language"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ropa",
        description="Keep a GDPR record of processing activities (Art. 30) as one typed source of truth.",
    )
    parser.add_argument("--version", action="version", version=f"ropa {__version__}")
    _talk_arguments(parser, False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check that register files are valid")
    validate.add_argument("registers", type=Path, nargs="+", metavar="REGISTER", help="register files")
    validate.set_defaults(command=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of register files")
    schema.set_defaults(command=_schema)

    transfers = commands.add_parser("transfers", help="assess every transfer outside the EEA on a date")
    _register_argument(transfers)
    _on_argument(transfers)
    _format_argument(transfers, "text", "json")
    transfers.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="language of the citations and reasons: en (default) or another language ropa writes",
    )
    transfers.set_defaults(command=_transfers)
    # What changes over time (docs/dpo-year.md): verdicts between two dates, and every date to watch in a window.
    for name, meaning in (("--from", "start"), ("--to", "end")):
        transfers.add_argument(
            name,
            dest=meaning,
            type=_date,
            default=None,
            metavar="DATE",
            help=f"the window's {meaning}: "
            "list each transfer whose verdict changes between --from and --to, when and why",
        )
    watch = commands.add_parser("watch", help="list every date in a window that changes what the register is or says")
    _register_argument(watch)
    watch.add_argument("--until", type=_date, required=True, metavar="DATE", help="the window's last day")
    watch.add_argument(
        "--from", dest="start", type=_date, default=None, metavar="DATE", help="its first day (default: today)"
    )
    _format_argument(watch, "text", "json", "ics")
    _language_argument(watch)
    watch.set_defaults(command=_watch)

    policy = commands.add_parser("policy", help="write the public policy's data-sharing section (Markdown)")
    _register_argument(policy)
    _language_argument(policy)
    policy.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    policy.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="use the templates in DIR/<lang>/ (default: the register's policy.data_sharing_templates, else ropa's;"
        " see docs/policy.md)",
    )
    policy.set_defaults(command=_policy)

    notice = commands.add_parser("notice", help="write the whole privacy notice (Art. 13, 14) as section files")
    _register_argument(notice)
    _language_argument(notice)
    _on_argument(notice)
    notice.add_argument("-o", "--output", type=Path, metavar="DIR", required=True, help="the folder to write into")
    notice.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="use the templates in DIR/<lang>/ (default: the register's policy.notice_templates; see docs/notice.md)",
    )
    notice.set_defaults(command=_notice)

    workbook = commands.add_parser("workbook", help="write the Article 30 workbook (.xlsx)")
    _register_argument(workbook)
    _language_argument(workbook)
    _on_argument(workbook)
    workbook.add_argument("-o", "--output", type=Path, metavar="FILE", required=True, help="the .xlsx file to write")
    workbook.add_argument(
        "--layout",
        choices=("ropa", "ico"),
        default="ropa",
        help="ropa's Article 30 workbook (default), or the UK ICO's controller template (docs/importing.md)",
    )
    workbook.set_defaults(command=_workbook)

    page = commands.add_parser("page", help="write the data map and the record as one HTML page")
    _register_argument(page)
    _language_argument(page)
    _on_argument(page)
    page.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    page.set_defaults(command=_page)

    check = commands.add_parser("check", help="list what the DPO must act on (findings citing the law)")
    check.add_argument("registers", type=Path, nargs="+", metavar="REGISTER", help="register files")
    _on_argument(check)
    _format_argument(check, "text", "json")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 when a finding of this severity or worse is found (default: error)",
    )
    check.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="the language of the messages: en (default), ro, … (docs/checks.md)",
    )
    check.set_defaults(command=_check)

    diff = commands.add_parser("diff", help="say what changed between two versions of a register")
    diff.add_argument("old", type=Path, metavar="OLD", help="the earlier register file")
    diff.add_argument("new", type=Path, metavar="NEW", help="the later register file")
    _language_argument(diff)
    _on_argument(diff)
    _format_argument(diff, "markdown", "json")
    diff.set_defaults(command=_diff)

    build = commands.add_parser("build", help="validate, check, then write every output into a folder")
    _register_argument(build)
    _on_argument(build)
    build.add_argument("-o", "--output", type=Path, metavar="DIR", required=True, help="the folder to write into")
    build.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="the notice's templates in DIR/<lang>/ (default: the register's policy.notice_templates, else ropa's)",
    )
    build.set_defaults(command=_build)

    _import_parser(commands)

    init = commands.add_parser("init", help="write a new register to begin with (asks what it needs)")
    init.add_argument(
        "register",
        type=Path,
        nargs="?",
        default=Path("register.yaml"),
        metavar="REGISTER",
        help="the file to create (default: register.yaml); an existing file is never overwritten",
    )
    init.add_argument("--name", metavar="NAME", help="the organisation's name")
    init.add_argument("--country", metavar="CODE", help="the country it is established in (ISO 3166-1, e.g. DE)")
    init.add_argument("--languages", metavar="LANGS", help="the register's languages, main first (e.g. ro,en)")
    init.set_defaults(command=_init)

    for subparser in commands.choices.values():
        _talk_arguments(subparser, argparse.SUPPRESS)
        subparser.set_defaults(subparser=subparser)
    return parser


def _talk_arguments(parser: argparse.ArgumentParser, default: object) -> None:
    """--quiet and --verbose, accepted before the command and after it."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default, help="say only what is wrong")
    group.add_argument("-v", "--verbose", action="store_true", default=default, help="say what ropa is doing too")


def _today(arguments: argparse.Namespace) -> date:
    """The --on date, or today's: the only place ropa reads the clock."""
    from ropa.law import DOMAIN_START

    chosen: date | None = arguments.on
    on = chosen if chosen is not None else date.today()
    if on < DOMAIN_START:
        raise _UsageError(f"--on {on.isoformat()}: the GDPR applies from {DOMAIN_START.isoformat()} (Art. 99(2))")
    _note(arguments, f"the law is applied on {on.isoformat()}")
    return on


def _validate(arguments: argparse.Namespace) -> int:
    from ropa.io import RegisterError, load

    problems: list[Problem] = []
    omitted = 0
    for path in arguments.registers:
        _note(arguments, f"reading {_shown(path)}")
        try:
            register = load(path)
        except RegisterError as error:
            problems.extend(error.problems)
            omitted += error.omitted
            continue
        if not arguments.quiet:
            _say(
                f"{_shown(path)}: valid ({_count(len(register.activities), 'activity', 'activities')}, "
                f"{_count(len(register.recipients), 'recipient')}, {_count(len(register.purposes), 'purpose')})",
                sys.stdout,
            )
    if problems:
        raise RegisterError(problems, omitted)
    return OK


def _schema(arguments: argparse.Namespace) -> int:
    from ropa.model.schema import register_schema_text

    _emit(register_schema_text())
    return OK


def _transfers(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.law.wording import LANGUAGES
    from ropa.render.transfers import transfers_to_json, transfers_to_text
    from ropa.transfers import register_transfers

    if arguments.lang not in LANGUAGES:
        raise _UsageError(f"--lang {arguments.lang!r}: verdicts are worded in {', '.join(LANGUAGES)}")
    register = load(arguments.register)
    if arguments.start is not None or arguments.end is not None:
        return _transfer_changes(arguments, register)
    found = register_transfers(register, _today(arguments))
    render = transfers_to_json if arguments.format == "json" else transfers_to_text
    _emit(render(found, lang=arguments.lang))
    return OK if all(transfer.assessment.lawful for transfer in found) else FAILED


def _transfer_changes(arguments: argparse.Namespace, register: Register) -> int:
    from ropa.law import DOMAIN_START
    from ropa.law.law_dates import law_dates
    from ropa.law.verdict_changes import verdict_changes
    from ropa.render.watch import transfer_changes_to_json, transfer_changes_to_text
    from ropa.transfers import register_transfers

    start, end = arguments.start, arguments.end
    if start is None or end is None or end < start or start < DOMAIN_START:
        raise _UsageError(f"give --from and --to, the first not after the second, from {DOMAIN_START.isoformat()}")
    changes = verdict_changes(register, start, end)
    law = law_dates({t.destination for day in (start, end) for t in register_transfers(register, day)}, start, end)
    if arguments.format == "json":
        sys.stdout.write(transfer_changes_to_json(changes, law, start=start, end=end))
    else:
        sys.stdout.write(transfer_changes_to_text(changes, law, register, start=start, end=end, lang=arguments.lang))
    return OK


def _watch(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.render.watch import watch_to_ics, watch_to_json, watch_to_text
    from ropa.watching import watch

    register = load(arguments.register)
    lang = _language(arguments, register.languages)
    arguments.on = arguments.start
    start = _today(arguments)  # --from, else today: the window's first day
    if arguments.until < start:
        raise _UsageError(f"--until {arguments.until.isoformat()} is before the window's first day {start.isoformat()}")
    items = watch(register, arguments.until, start=start, lang=lang)
    if arguments.format == "ics":
        sys.stdout.write(watch_to_ics(items, register, start=start, lang=lang))
    elif arguments.format == "json":
        sys.stdout.write(watch_to_json(items, start=start, end=arguments.until))
    else:
        sys.stdout.write(watch_to_text(items, start=start, end=arguments.until, lang=lang))
    return OK


def _language(arguments: argparse.Namespace, languages: Sequence[str]) -> str:
    chosen: str | None = arguments.lang
    if chosen is None:
        return languages[0]
    if chosen not in languages:
        raise _UsageError(f"--lang {chosen!r}: the register is written in {', '.join(languages)}")
    return chosen


def _policy(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.render.policy import PolicyTemplateError, render_policy

    register = load(arguments.register)
    templates: Path | None = arguments.templates
    if templates is None:
        templates = _data_sharing_templates(arguments, register)
    try:
        text = render_policy(register, _language(arguments, register.languages), templates=templates)
    except (PolicyTemplateError, FileNotFoundError) as error:
        _say(f"ropa: the policy template cannot be used: {_shown(error)}", sys.stderr)
        return FAILED
    _write_document(arguments, text.encode("utf-8"))
    return OK


def _notice(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.io.publish import publish
    from ropa.render.notice import render_notice
    from ropa.render.policy import PolicyTemplateError

    register = load(arguments.register)
    try:
        sections = render_notice(
            register,
            _language(arguments, register.languages),
            on=_today(arguments),
            templates=_notice_templates(arguments, register),
            data_sharing_templates=_data_sharing_templates(arguments, register),
        )
    except (PolicyTemplateError, FileNotFoundError) as error:  # NoticeTemplateError is a PolicyTemplateError
        _say(f"ropa: the notice templates cannot be used: {_shown(error)}", sys.stderr)
        return FAILED
    outputs: list[Output] = [(f"{s.name}.md", _bytes_writer(s.text.encode("utf-8"))) for s in sections]
    for path in publish(arguments.output, outputs, set_name="notice"):
        _wrote(arguments, path)
    return OK


def _notice_templates(arguments: argparse.Namespace, register: Register) -> Path | None:
    """--templates, else the folder the register names (`policy.notice_templates`), else ropa's own (None)."""
    from ropa.io.templates import notice_templates

    chosen: Path | None = arguments.templates
    return chosen if chosen is not None else notice_templates(arguments.register, register)


def _data_sharing_templates(arguments: argparse.Namespace, register: Register) -> Path | None:
    """The folder the register names for its data-sharing section (`policy.data_sharing_templates`), else None."""
    from ropa.io.templates import data_sharing_templates

    return data_sharing_templates(arguments.register, register)


def _bytes_writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda file: file.write(data)


def _workbook(arguments: argparse.Namespace) -> int:
    from ropa.io import load
    from ropa.io.atomic import check_output
    from ropa.render.workbook import workbook_bytes

    check_output(arguments.output, reading=[arguments.register])  # before the work; checked again on writing
    register = load(arguments.register)
    from ropa.render.workbook_ico import ico_workbook_bytes

    render = ico_workbook_bytes if arguments.layout == "ico" else workbook_bytes
    _write_document(arguments, render(register, lang=_language(arguments, register.languages), on=_today(arguments)))
    return OK


def _page(arguments: argparse.Namespace) -> int:
    from ropa.checks import check
    from ropa.io import load
    from ropa.render.page import render_page

    register = load(arguments.register)
    on = _today(arguments)
    text = render_page(register, _language(arguments, register.languages), on, check(register, on=on))
    _write_document(arguments, text.encode("utf-8"))
    return OK


def _write_document(arguments: argparse.Namespace, data: bytes) -> None:
    """Write a command's one output to `-o FILE` (or standard output without it) and say so."""
    output: Path | None = arguments.output
    if output is None:
        _emit(data.decode("utf-8"))
    else:
        _write_file(arguments, output, data)


def _write_file(arguments: argparse.Namespace, path: Path, data: bytes, *, new: bool = False) -> None:
    """The one way a command writes a file (a folder of them goes through `ropa.io.publish`): checked, atomic."""
    from ropa.io.atomic import write_bytes_atomic

    reading = [getattr(arguments, name) for name in ("register", "file") if getattr(arguments, name, None) is not None]
    write_bytes_atomic(path, data, reading=reading, new=new)
    _wrote(arguments, path)


def _emit(text: str) -> None:
    """A document written to standard output (not a message): a failure to write it is an error."""
    _STREAMS.emit(text)


def _located_findings(locator: Locator, findings: Iterable[Finding]) -> list[Finding]:
    """`findings` (as `ropa.checks.check` gives them) located in the file and sorted: errors first, by line."""
    from ropa.checks import Severity

    findings = [finding.located(locator.locate(finding.path)[0]) for finding in findings]
    rank = {severity: position for position, severity in enumerate(Severity)}  # error, warning, info
    return sorted(findings, key=lambda finding: (rank[finding.severity], finding.line or 0))


def _check(arguments: argparse.Namespace) -> int:
    from ropa.checks import Severity, check
    from ropa.io.loading import load_located
    from ropa.render.findings import findings_to_json, findings_to_text
    from ropa.words import languages

    on = _today(arguments)
    lang: str = arguments.lang
    if lang not in languages():
        raise _UsageError(f"--lang {lang!r}: ropa writes findings in {', '.join(languages())}")
    failing = {Severity.ERROR} if arguments.fail_on == "error" else {Severity.ERROR, Severity.WARNING}
    colour = _colour(sys.stdout)
    failed = False
    for path in arguments.registers:
        _note(arguments, f"checking {_shown(path)}")
        register, locator = load_located(path)
        findings = _located_findings(locator, check(register, on=on))
        failed = failed or any(finding.severity in failing for finding in findings)
        if arguments.format == "json":
            _emit(findings_to_json(findings, lang))
        else:
            _emit(findings_to_text(findings, file=_shown(path), summary=not arguments.quiet, colour=colour, lang=lang))
    return FAILED if failed else OK


def _colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    import os

    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _init(arguments: argparse.Namespace) -> int:
    """Write a new register from the flags, asking for what is missing when run in a terminal."""
    from ropa.io import load_text
    from ropa.io.starter import SCHEMA_NAME, Answers, starter_register
    from ropa.model.schema import register_schema_text

    path: Path = arguments.register
    if path.exists() or path.is_symlink():
        _say(f"ropa: {_shown(path)} already exists; ropa init never overwrites a file (give another name)", sys.stderr)
        return FAILED
    name, country, languages = arguments.name, arguments.country, arguments.languages
    missing = [
        flag for flag, value in (("--name", name), ("--country", country), ("--languages", languages)) if value is None
    ]
    if missing and not sys.stdin.isatty():
        raise _UsageError(f"give {', '.join(missing)} (or run `ropa init` in a terminal to be asked)")
    name = name if name is not None else _ask("The organisation's name", "")
    country = country if country is not None else _ask("Its country (ISO 3166-1 code, e.g. DE, RO)", "")
    languages = languages if languages is not None else _ask("The register's languages, main first", "en")
    answers = Answers(
        name, country.strip().upper(), tuple(part.strip() for part in languages.split(",") if part.strip())
    )
    problems = answers.problems()
    if problems:
        raise _UsageError("; ".join(problems))
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise _UsageError(f"{_shown(path)}: ropa init writes YAML; name the file .yaml or .yml")
    text = starter_register(answers)
    load_text(text, file=str(path))  # refused as `ropa validate` would refuse it: never a register it cannot load
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_file(arguments, path, text.encode("utf-8"), new=True)
    schema = path.parent / SCHEMA_NAME
    if not schema.exists():  # the `$schema` line of the new register points to it
        _write_file(arguments, schema, register_schema_text().encode("utf-8"), new=True)
    if not arguments.quiet:
        _say(f"next: replace the EXAMPLE records, then `ropa check {_shown(path)}` lists what to fill in", sys.stdout)
    return OK


def _ask(question: str, default: str) -> str:
    prompt = f"{question} [{default}]: " if default else f"{question}: "
    try:
        answer = input(prompt).strip()
    except EOFError:
        answer = ""
    return answer or default


def _count(number: int, one: str, many: str | None = None) -> str:
    """`1 activity`, `14 activities`: the command's English summary lines."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def _diff(arguments: argparse.Namespace) -> int:
    from ropa.diff import diff
    from ropa.io import load
    from ropa.render.changes import diff_to_json, diff_to_markdown

    old, new = load(arguments.old), load(arguments.new)
    difference = diff(old, new, on=_today(arguments))
    if arguments.format == "json":
        _emit(diff_to_json(difference))
    else:
        # Names come from either register: the words must be in a language both are written in.
        both = [language for language in new.languages if language in old.languages]
        if not both:
            raise _UsageError(f"{_shown(arguments.old)} and {_shown(arguments.new)} are written in no common language")
        _emit(diff_to_markdown(difference, old, new, lang=_language(arguments, both)))
    return OK


def _build(arguments: argparse.Namespace) -> int:
    """Validate, check, render everything in memory or beside the targets, then publish all at once."""
    from ropa.checks import Severity, check
    from ropa.io.loading import load_located
    from ropa.render.findings import count_findings, findings_to_text

    _note(arguments, f"reading {_shown(arguments.register)}")
    register, locator = load_located(arguments.register)
    on = _today(arguments)
    checked = check(register, on=on)  # once: located for the summary, as they are for the page
    findings = _located_findings(locator, checked)
    errors = [finding for finding in findings if finding.severity is Severity.ERROR]
    if errors:
        _STREAMS.say(findings_to_text(errors, file=_shown(arguments.register)), sys.stderr)
        _say(f"ropa: nothing written to {_shown(arguments.output)}: fix the errors above first", sys.stderr)
        return FAILED
    from ropa.io.publish import publish
    from ropa.render.policy import PolicyTemplateError

    try:
        templates = (_notice_templates(arguments, register), _data_sharing_templates(arguments, register))
        outputs = _outputs(register, on, checked, *templates)
    except (PolicyTemplateError, FileNotFoundError) as error:  # NoticeTemplateError is a PolicyTemplateError
        _say(f"ropa: the notice templates cannot be used: {_shown(error)}", sys.stderr)
        _say(f"ropa: nothing written to {_shown(arguments.output)}", sys.stderr)
        return FAILED
    written = publish(arguments.output, outputs, set_name="build")
    for path in written:
        _wrote(arguments, path)
    if not arguments.quiet:
        _say(
            f"{_shown(arguments.register)}: {_count(len(register.activities), 'activity', 'activities')}; "
            f"findings: {count_findings(findings)} (see `ropa check`)",
            sys.stdout,
        )
    return OK


def _outputs(
    register: Register,
    on: date,
    findings: Sequence[Finding],
    templates: Path | None = None,
    data_sharing: Path | None = None,
) -> list[Output]:
    """Every file `ropa build` writes: (name in the folder, function writing its bytes). Add new outputs here.

    `findings` are the register's findings on `on` (`ropa.checks.check`), shown by the page."""
    from ropa.render.notice import render_notice
    from ropa.render.page import render_page
    from ropa.render.policy import render_policy
    from ropa.render.subprocessor_feed import subprocessor_atom, subprocessor_json_feed
    from ropa.render.subprocessors import render_subprocessors
    from ropa.render.workbook import workbook_bytes

    def policy(lang: str) -> Callable[[BinaryIO], object]:  # rendered now: a template's error is reported, located
        return _bytes_writer(render_policy(register, lang, templates=data_sharing).encode("utf-8"))

    def workbook(lang: str) -> Callable[[BinaryIO], object]:
        return lambda file: file.write(workbook_bytes(register, lang=lang, on=on))

    def page(lang: str) -> Callable[[BinaryIO], object]:
        return lambda file: file.write(render_page(register, lang, on, findings).encode("utf-8"))

    outputs: list[Output] = []
    for language in register.languages:
        outputs.append((f"policy-data-sharing.{language}.md", policy(language)))
        outputs.append((f"article-30-record.{language}.xlsx", workbook(language)))
        outputs.append((f"record.{language}.html", page(language)))
        sections = render_notice(register, language, on=on, templates=templates, data_sharing_templates=data_sharing)
        for section in sections:  # Art. 13, 14: docs/notice.md
            outputs.append((f"notice-{section.name}.{language}.md", _bytes_writer(section.text.encode("utf-8"))))
        subprocessors = render_subprocessors(register, language, on=on)  # Art. 28(2), (4); processors only
        if subprocessors is not None:
            outputs.append((f"subprocessors.{language}.md", _bytes_writer(subprocessors.text.encode("utf-8"))))
            for suffix, feed in (("atom", subprocessor_atom), ("feed.json", subprocessor_json_feed)):  # docs/feeds.md
                written = feed(register, language, on=on).encode("utf-8")
                outputs.append((f"subprocessors.{language}.{suffix}", _bytes_writer(written)))
    return outputs


# --- ropa import (docs/importing.md) ---------------------------------------------------------------


def _import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser("import", help="read a register from a spreadsheet (.xlsx, .xlsm, .csv)")
    command.add_argument("file", type=Path, metavar="FILE", help="the spreadsheet to read")
    command.add_argument("-o", "--output", type=Path, metavar="FILE", help="the register to write (.yaml or .json)")
    command.add_argument("--mapping", type=Path, metavar="FILE", help="a mapping file for a spreadsheet of your own")
    command.add_argument(
        "--suggest-mapping", action="store_true", help="write a starting mapping file for FILE (to -o, else stdout)"
    )
    command.add_argument("--lang", metavar="LANG", help="the language the spreadsheet is written in (default: en)")
    command.add_argument("--country", metavar="CODE", help="the controller's country where the layout lacks it")
    command.add_argument("--report", type=Path, metavar="FILE", help="write the import report to FILE, not stdout")
    _format_argument(command, "text", "json")
    command.add_argument("--strict", action="store_true", help="refuse the import when any cell is not imported")
    command.set_defaults(command=_import)


def _import(arguments: argparse.Namespace) -> int:
    from ropa.importing import SpreadsheetError, import_register, imported_text, suggest_mapping
    from ropa.io.atomic import check_output

    output: Path | None = arguments.output
    if output is not None:
        check_output(output, reading=[arguments.file])
    try:
        if arguments.suggest_mapping:
            _write_document(arguments, suggest_mapping(arguments.file).encode("utf-8"))
            return OK
        if output is None:
            raise _UsageError("give the register to write: -o register.yaml")
        imported = import_register(
            arguments.file, mapping=arguments.mapping, language=arguments.lang, country=arguments.country
        )
    except SpreadsheetError as error:
        for problem in error.problems:
            _say(str(problem), sys.stderr)
        count = len(error.problems)
        _say(f"ropa: {count:,} problem{'s' if count != 1 else ''} found; nothing written", sys.stderr)
        return FAILED
    report = imported.report.to_json() if arguments.format == "json" else imported.report.to_text()
    if arguments.report is not None:
        _write_file(arguments, arguments.report, report.encode("utf-8"))
    elif not arguments.quiet or imported.report.unmapped:
        _emit(report)
    if arguments.strict and imported.report.unmapped:
        _say(f"ropa: --strict: {len(imported.report.unmapped):,} cells not imported; nothing written", sys.stderr)
        return FAILED
    try:
        text = imported_text(imported, output)
    except ValueError as error:
        raise _UsageError(str(error)) from None
    _write_file(arguments, output, text.encode("utf-8"))
    return OK
