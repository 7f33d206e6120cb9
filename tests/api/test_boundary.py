"""No silent wrong answers at the boundary (issue 24): every public entry point refuses a wrong argument with
the same clear error naming it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import ropa

ONEDU = Path(__file__).parents[2] / "examples" / "onedu" / "register.yaml"
ON = date(2026, 11, 25)
WHEN = datetime(2026, 11, 25, 12, 0)
REGISTER = ropa.load(ONEDU)

# Every entry point that takes a date, called with `on` given as `day`.
DATED: dict[str, Callable[[Any], object]] = {
    "assess": lambda day: ropa.assess("US", day),
    "register_transfers": lambda day: ropa.register_transfers(REGISTER, day),
    "check": lambda day: ropa.check(REGISTER, on=day),
    "diff": lambda day: ropa.diff(REGISTER, REGISTER, on=day),
    "render_notice": lambda day: ropa.render_notice(REGISTER, "ro", on=day),
    "render_policy": lambda day: ropa.render_policy(REGISTER, "ro", on=day),
    "render_subprocessors": lambda day: ropa.render_subprocessors(REGISTER, "ro", on=day),
    "render_page": lambda day: ropa.render_page(REGISTER, "ro", day),
    "render_workbook": lambda day: ropa.render_workbook(REGISTER, "ro", on=day),
    "write_workbook": lambda day: ropa.write_workbook(REGISTER, Path("/nonexistent/never-written.xlsx"), "ro", on=day),
}

# Every entry point that takes a register, called with `register` given as `value`.
REGISTERED: dict[str, Callable[[Any], object]] = {
    "validate": ropa.validate,
    "dumps": ropa.dumps,
    "dump": lambda value: ropa.dump(value, Path("/nonexistent/never-written.yaml")),
    "register_transfers": lambda value: ropa.register_transfers(value, ON),
    "check": lambda value: ropa.check(value, on=ON),
    "diff": lambda value: ropa.diff(value, REGISTER, on=ON),
    "render_notice": lambda value: ropa.render_notice(value, "ro", on=ON),
    "render_policy": lambda value: ropa.render_policy(value, "ro"),
    "render_subprocessors": lambda value: ropa.render_subprocessors(value, "ro"),
    "render_page": lambda value: ropa.render_page(value, "ro", ON),
    "render_workbook": lambda value: ropa.render_workbook(value, "ro", on=ON),
}

DATE_MESSAGE = r"^on must be a date \(datetime.date\), not a datetime \(datetime.datetime\(2026, 11, 25, 12, 0\)\): pass on.date\(\)$"


@pytest.mark.parametrize("entry", sorted(DATED))
def test_a_datetime_is_refused_with_one_message_by_every_entry_point(entry: str) -> None:
    with pytest.raises(TypeError, match=DATE_MESSAGE):
        DATED[entry](WHEN)


@pytest.mark.parametrize("entry", sorted(DATED))
def test_text_for_a_date_is_refused_naming_the_argument(entry: str) -> None:
    with pytest.raises(TypeError, match=r"^on must be a date \(datetime.date\), got str '2026-11-25'$"):
        DATED[entry]("2026-11-25")


@pytest.mark.parametrize("entry", sorted(REGISTERED))
@pytest.mark.parametrize("path", [str(ONEDU), ONEDU])
def test_a_path_where_a_register_is_expected_is_refused(entry: str, path: object) -> None:
    with pytest.raises(TypeError, match=r"must be a Register, not the path '.*register.yaml': load it with ropa.load"):
        REGISTERED[entry](path)


@pytest.mark.parametrize("entry", sorted(REGISTERED))
def test_something_else_where_a_register_is_expected_is_refused(entry: str) -> None:
    with pytest.raises(TypeError, match=r"must be a Register, got NoneType None$"):
        REGISTERED[entry](None)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"dpf_certified": "no"}, "^dpf_certified must be True or False, got str 'no'$"),
        ({"dpf_certified": 0}, "^dpf_certified must be True or False, got int 0$"),
        ({"outside_adequacy_scope": "false"}, "^outside_adequacy_scope must be True or False, got str 'false'$"),
        ({"scc_legacy_concluded": "2021-01-01"}, r"^scc_legacy_concluded must be a date \(datetime.date\), got str"),
        ({"mechanisms": "scc"}, "^mechanisms must be a collection of mechanisms, not the str 'scc'"),
    ],
)
def test_assess_refuses_a_flag_that_is_not_a_boolean(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        ropa.assess("US", ON, **arguments)


def test_assess_refuses_no_destination() -> None:
    with pytest.raises(TypeError, match=r"^destination must be a str, got NoneType None$"):
        ropa.assess(None, ON)  # type: ignore[arg-type]


def test_an_unknown_language_is_an_error_everywhere() -> None:
    verdict = ropa.assess("US", ON, mechanisms=["scc"])
    for call in (
        lambda: verdict.citation_in("xx"),
        lambda: verdict.reasons_in("xx"),
        lambda: ropa.render_notice(REGISTER, "xx", on=ON),
        lambda: ropa.render_policy(REGISTER, "xx"),
        lambda: ropa.render_page(REGISTER, "xx", ON),
        lambda: ropa.render_workbook(REGISTER, "xx", on=ON),
    ):
        with pytest.raises(ValueError, match=r"^lang: 'xx' is not (declared by the register|a language ropa writes)"):
            call()


def test_unknown_codes_to_select_or_ignore_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^select: no finding has a code beginning 'Z9'"):
        ropa.check(REGISTER, on=ON, select=["Z9"])
    with pytest.raises(TypeError, match=r"^ignore must be a collection of codes, not the str 'I9'"):
        ropa.check(REGISTER, on=ON, ignore="I9")


def test_loading_refuses_what_is_not_a_path_or_text() -> None:
    with pytest.raises(TypeError, match=r"^path must be a path to a register file"):
        ropa.load(REGISTER)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^text must be a str, got bytes"):
        ropa.loads(b"format: 1")  # type: ignore[arg-type]


def test_every_error_has_one_root() -> None:
    for kind in (
        ropa.RegisterError,
        ropa.RegisterFileNotFoundError,
        ropa.TemplateError,
        ropa.MissingTemplateError,
        ropa.PolicyTemplateError,
        ropa.CatalogueError,
        ropa.OutputError,
    ):
        assert issubclass(kind, ropa.RopaError)
    assert issubclass(ropa.RegisterFileNotFoundError, FileNotFoundError)
    with pytest.raises(ropa.RegisterFileNotFoundError) as raised:
        ropa.load("no/such/register.yaml")
    assert raised.value.problems[0].file == "no/such/register.yaml"


def test_a_workbook_that_cannot_be_written_is_an_output_error() -> None:
    with pytest.raises(ropa.OutputError):
        ropa.write_workbook(REGISTER, Path("/nonexistent/folder/record.xlsx"), "ro", on=ON)
