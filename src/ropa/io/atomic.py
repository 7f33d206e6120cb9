"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ropa.errors import OutputError

__all__ = ["write_atomic", "write_bytes_atomic", "write_text_atomic"]


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the finished file over `path` in one step.

    The temporary file lives in the same folder, so the final rename never crosses file systems.
    If `write` fails, the temporary file is removed and `path` is left as it was.
    """
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:  # name the file the user asked for, not the temporary one
        raise OutputError(error.errno, error.strerror, os.fspath(target)) from None
    os.close(descriptor)
    try:
        write(Path(temporary))
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise OutputError(error.errno, error.strerror, os.fspath(target)) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 (with `\\n` line ends) to `path`, atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path`, atomically."""

    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    write_atomic(path, write)
