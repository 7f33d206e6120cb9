"""Records that cannot become invalid (issue 24): read-only all the way down, and a copy with changes is
validated like any new record."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

import ropa

REGISTER = ropa.load(Path(__file__).parents[2] / "examples" / "onedu" / "register.yaml")
READ_ONLY = r"^a register's records cannot be changed in place"


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.activities.__setitem__("x", None),
        lambda r: r.activities.pop("donations"),
        lambda r: r.activities.update({}),
        lambda r: r.recipients["google-workspace"].locations.append("CN"),
        lambda r: r.recipients["google-workspace"].locations.__setitem__(0, "CN"),
        lambda r: r.languages.extend(["fr"]),
        lambda r: r.activities["donations"].name.root.__setitem__("ro", "x"),
        lambda r: r.activities["donations"].recipient_roles.clear(),
    ],
)
def test_a_record_cannot_be_changed_in_place(change: Callable[[ropa.Register], object]) -> None:
    before = ropa.dumps(REGISTER)
    with pytest.raises(TypeError, match=READ_ONLY):
        change(REGISTER)
    assert ropa.dumps(REGISTER) == before


def test_read_only_containers_read_and_compare_as_plain_ones() -> None:
    assert REGISTER.languages == ["ro", "en"]
    assert dict(REGISTER.activities) == {key: REGISTER.activities[key] for key in REGISTER.activities}
    assert copy.deepcopy(REGISTER) == REGISTER
    assert pickle.loads(pickle.dumps(REGISTER)) == REGISTER
    assert type(REGISTER.model_dump()["languages"]) is list


def test_a_copy_with_a_dangling_id_is_refused_not_made() -> None:
    donations = REGISTER.activities["donations"]
    with pytest.raises(ValidationError, match="unknown recipient 'nope'"):
        REGISTER.model_copy(
            update={"activities": {**REGISTER.activities, "x": donations.model_copy(update={"recipients": ["nope"]})}}
        )


def test_a_copy_with_a_wrong_value_is_refused() -> None:
    with pytest.raises(ValidationError, match="not an ISO 3166-1 alpha-2 country code"):
        REGISTER.recipients["oblio"].model_copy(update={"country": "XX"})


def test_validate_finds_what_a_register_made_without_validation_hides() -> None:
    assert ropa.validate(REGISTER) == REGISTER
    unchecked = ropa.Register.model_construct(
        **{**REGISTER.__dict__, "policy": REGISTER.policy.model_copy(update={"legal_requests": "no-such-activity"})}
    )
    with pytest.raises(ropa.RegisterError) as raised:
        ropa.validate(unchecked)
    problem = raised.value.problems[0]
    assert problem.file == "<register>"
    assert problem.path == "policy.legal_requests"
    assert problem.line > 1
