"""Edits that keep the file (issue 24): load, change through `ropa.edit`, save — and the file is as the person
wrote it, but for the lines the change is."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

import ropa

EXAMPLES = sorted(
    path
    for path in (Path(__file__).parents[2] / "examples").rglob("*.yaml")
    if path.read_text(encoding="utf-8").lstrip().startswith(("#", "format:"))
)


def numstat(before: str, after: str) -> tuple[int, int]:
    """(lines added, lines deleted), counted as `git diff --numstat` counts them."""
    added = deleted = 0
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for kind, first, last, first_new, last_new in matcher.get_opcodes():
        if kind != "equal":
            deleted += last - first
            added += last_new - first_new
    return added, deleted


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.fixture(params=EXAMPLES, ids=lambda path: str(path.relative_to(path.parents[2])))
def copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source: Path = request.param
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


def test_the_examples_are_all_here() -> None:
    assert len(EXAMPLES) >= 6


def test_saving_without_a_change_is_byte_identical(copy: Path) -> None:
    before = copy.read_bytes()
    ropa.edit(copy).save()
    assert copy.read_bytes() == before


def test_adding_an_activity_changes_only_added_lines(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    file = ropa.edit(copy)
    subjects = list(file.register.data_subjects)[:1]
    activity = ropa.Activity(
        name=ropa.Text(dict.fromkeys(file.register.languages, "Mentoring")), data_subjects=subjects
    )
    edited = file.add("activities", "added-by-a-tool", activity)
    file.save()
    after = copy.read_text(encoding="utf-8")
    added, deleted = numstat(before, after)
    assert deleted == 0
    assert added == len(file.text.splitlines()) - len(before.splitlines()) > 0
    assert comments(after) == comments(before)
    assert "  added-by-a-tool:\n    name: {" in after  # written in the examples' style: a text on one line
    assert ropa.load(copy) == edited
    assert edited.activities["added-by-a-tool"] == activity


def test_removing_an_activity_removes_only_its_lines(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    file = ropa.edit(copy)
    used = {file.register.policy.legal_requests}
    key = next((key for key in reversed(file.register.activities) if key not in used), None)
    if key is None:
        pytest.skip("no activity that nothing refers to")
    file.remove("activities", key)
    file.save()
    after = copy.read_text(encoding="utf-8")
    added, deleted = numstat(before, after)
    assert added == 0
    assert deleted > 0
    assert key not in ropa.load(copy).activities


def test_an_edit_that_leaves_a_dangling_id_is_refused_located_and_nothing_is_written(copy: Path) -> None:
    before = copy.read_bytes()
    file = ropa.edit(copy)
    activity = ropa.Activity(name=ropa.Text(dict.fromkeys(file.register.languages, "X")), recipients=["no-such-one"])
    with pytest.raises(ropa.RegisterError) as raised:
        file.add("activities", "dangling", activity)
    problem = raised.value.problems[0]
    assert problem.file == str(copy)
    assert problem.line > 1
    assert problem.path == "activities.dangling.recipients[0]"
    assert "no-such-one" in problem.message
    file.save()  # the refused edit left nothing behind
    assert copy.read_bytes() == before


def test_replacing_keeps_the_record_in_its_place(copy: Path) -> None:
    file = ropa.edit(copy)
    key = next(iter(file.register.activities), None)
    if key is None:
        pytest.skip("no activity")
    renamed = file.register.activities[key].model_copy(
        update={"name": ropa.Text(dict.fromkeys(file.register.languages, "Renamed"))}
    )
    edited = file.replace("activities", key, renamed)
    assert list(edited.activities) == list(file.register.activities)
    assert edited.activities[key].name == renamed.name


def test_the_wrong_arguments_are_named() -> None:
    with pytest.raises(TypeError, match=r"^path must be a path"):
        ropa.edit(None)  # type: ignore[arg-type]
    with pytest.raises(ropa.RopaError):
        ropa.edit("no/such/register.yaml")
