"""Round three: a build that fails removes every folder it created (`-o full/a/b/c`), not only the last."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import BinaryIO

import pytest

from ropa.io.publish import publish


def _full(file: BinaryIO) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_publish_removes_every_folder_it_created(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    target = tmp_path / "full" / "a" / "b" / "c"
    with pytest.raises(OSError, match="No space left") as raised:
        publish(target, [("policy.md", _full)], set_name="build")
    assert raised.value.filename == str(target / "policy.md")
    assert list((tmp_path / "full").iterdir()) == []


def test_a_folder_that_existed_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    with pytest.raises(OSError, match="No space left"):
        publish(tmp_path / "a" / "b" / "c", [("policy.md", _full)])
    assert [path.name for path in (tmp_path / "a").iterdir()] == ["b"]
    assert list((tmp_path / "a" / "b").iterdir()) == []
