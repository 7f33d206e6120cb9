"""The transfer docs stay true: the worked example of docs/testing.md runs, and docs/transfers.md matches the data."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from datetime import date, timedelta
from types import ModuleType
from typing import Any

import pytest

import ropa.testing.strategies
from ropa.law import boundary_dates, legal_facts
from ropa.model.vocabulary import TransferMechanism
from ropa.testing import _transfer_strategies
from tests.conftest import ROOT

TESTING = ROOT / "docs" / "testing.md"
TRANSFERS = ROOT / "docs" / "transfers.md"


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


@pytest.fixture
def strategies() -> ModuleType:
    """`ropa.testing.strategies`, which re-exports every transfer strategy."""
    module = ropa.testing.strategies
    for name in _transfer_strategies.__all__:
        assert getattr(module, name) is getattr(_transfer_strategies, name), name
    return module


def test_the_worked_example_runs_and_its_properties_hold(strategies: ModuleType) -> None:
    assert all(hasattr(strategies, name) for name in ("dates", "eea_destinations", "third_countries", "transfers"))
    namespace: dict[str, Any] = {"__name__": "docs_testing_example"}
    exec(compile("\n".join(python_blocks(TESTING.read_text(encoding="utf-8"))), str(TESTING), "exec"), namespace)
    tests: list[Callable[[], None]] = [value for key, value in namespace.items() if key.startswith("test_")]
    assert len(tests) == 3
    for test in tests:
        test()


def test_the_worked_example_rule_answers_as_documented(strategies: ModuleType) -> None:
    namespace: dict[str, Any] = {}
    exec(python_blocks(TESTING.read_text(encoding="utf-8"))[0], namespace)
    status = namespace["onboarding_status"]
    assert status("US", date(2026, 11, 25)) == "stop"
    assert status("US", date(2026, 11, 25), dpf_certified=True) == "go"
    assert status("IN", date(2026, 11, 25), mechanisms=["scc"]) == "paperwork"
    assert status("IN", date(2026, 11, 25), mechanisms=["derogation-49-1-a"]) == "paperwork"
    assert status("RO", date(2026, 11, 25)) == "go"


def test_the_worked_example_would_catch_a_wrong_rule(strategies: ModuleType) -> None:
    namespace: dict[str, Any] = {}
    exec("\n".join(python_blocks(TESTING.read_text(encoding="utf-8"))), namespace)
    namespace["onboarding_status"] = lambda destination, on, **_: "go"
    with pytest.raises(AssertionError):
        namespace["test_the_gate_stops_exactly_the_unlawful_transfers"]()


def test_the_example_of_the_transfers_page_prints_what_it_says() -> None:
    (block,) = python_blocks(TRANSFERS.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {}
    exec(block, namespace)
    checked = 0
    for attribute, comment in re.findall(r"^verdict\.(\w+)\s+# (.+)$", block, re.MULTILINE):
        try:
            expected = ast.literal_eval(comment)
        except (ValueError, SyntaxError):
            continue
        assert getattr(namespace["verdict"], attribute) == expected, attribute
        checked += 1
    assert checked == 4


def test_the_transfers_page_names_every_decision_tool_and_date() -> None:
    text = TRANSFERS.read_text(encoding="utf-8")
    for decision in legal_facts().adequacy:
        number = re.search(r"\d{4}/\d+(/EC|/EU)?", decision.reference)
        assert number is not None
        assert number.group(0) in text, decision.id
    for mechanism in TransferMechanism:
        assert f"`{mechanism.value}`" in text or mechanism.value.startswith("derogation-49-1-"), mechanism
    written = set(re.findall(r"\d{4}-\d\d-\d\d", text))
    for day in boundary_dates()[1:]:
        # A change is written either as a first day or as the last day before it.
        assert {day.isoformat(), (day - timedelta(days=1)).isoformat()} & written, day
