"""The benchmark's generator: the same size gives the same register, and every register it makes is valid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import dump_yaml, make_register, proportions, write_registers
from ropa.io import load, load_text
from ropa.transfers import register_transfers

SIZE = 300


def test_the_same_size_gives_the_same_register_byte_for_byte() -> None:
    assert dump_yaml(make_register(SIZE)) == dump_yaml(make_register(SIZE))


def test_different_sizes_give_different_registers() -> None:
    assert make_register(SIZE)["activities"] != make_register(SIZE + 1)["activities"]


@pytest.mark.parametrize("size", [1, 37, SIZE])
def test_the_register_is_valid_with_collections_in_proportion(size: int) -> None:
    register = load_text(dump_yaml(make_register(size)))
    counts = proportions(size)
    assert len(register.activities) == size == counts["activities"]
    assert len(register.purposes) == counts["purposes"]
    assert len(register.recipients) == counts["recipients"]
    assert len(register.data_subjects) == counts["data_subjects"]
    assert len(register.data_categories) == counts["data_categories"]
    assert len(register.security_measures) == counts["security_measures"]


def test_every_activity_has_its_share_of_records_and_transfers_abroad() -> None:
    register = load_text(dump_yaml(make_register(SIZE)))
    for activity in register.activities.values():
        assert (len(activity.purposes), len(activity.recipients), len(activity.data_categories)) == (3, 5, 3)
    transfers = register_transfers(register, date(2026, 1, 15))
    assert len(transfers) >= SIZE  # about three per activity
    assert {transfer.activity for transfer in transfers} <= set(register.activities)
    assert any(activity.role == "processor" for activity in register.activities.values())
    assert any(category.special for category in register.data_categories.values())


def test_write_registers_writes_one_file_per_size(tmp_path: Path) -> None:
    paths = write_registers(tmp_path, [5, 10])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["register-10.yaml", "register-5.yaml"]
    assert len(load(paths[10]).activities) == 10


def test_a_register_has_at_least_one_activity() -> None:
    with pytest.raises(ValueError, match="at least one activity"):
        make_register(0)
