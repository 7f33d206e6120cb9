"""Every file a command writes, written one way: checked, then atomic (a reader sees the old file or the
new one, never half of one). Folders of outputs go through `ropa.io.publish`, which checks each target
the same way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ropa.errors import OutputError

__all__ = ["check_output", "write_atomic", "write_bytes_atomic", "write_text_atomic"]


def check_output(target: str | os.PathLike[str], *, reading: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output path that is one of the files being read, or not a place for a regular file.

    A device, a FIFO, a socket, a folder (or a link to any of them) is refused: writing there would
    block, reach hardware or replace something that is not ropa's output.
    """
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(error.errno, error.strerror, os.fspath(target)) from None
    for source in reading:
        try:
            same = os.path.samefile(source, target)
        except OSError:
            same = False
        if same:
            raise OutputError(errno.EINVAL, "is the register being read; choose another output", os.fspath(target))
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", os.fspath(target))
    if not stat.S_ISREG(status.st_mode):
        raise OutputError(errno.EINVAL, "is a device, a pipe or a socket, not a regular file", os.fspath(target))


def write_atomic(
    path: str | os.PathLike[str],
    write: Callable[[Path], None],
    *,
    reading: Sequence[str | os.PathLike[str]] = (),
    new: bool = False,
) -> None:
    """Check `path` (`check_output`), call `write(temporary_path)`, then move the finished file over `path`.

    The temporary file lives in the same folder, so the final rename never crosses file systems.
    If `write` fails, the temporary file is removed and `path` is left as it was. With `new`, `path`
    must not exist: the file is linked into place, which raises `FileExistsError` if `path` appeared.
    """
    target = Path(path)
    if new and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "already exists", os.fspath(target))
    check_output(target, reading=reading)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:  # name the file the user asked for, not the temporary one
        raise OutputError(error.errno, error.strerror, os.fspath(target)) from None
    os.close(descriptor)
    try:
        write(Path(temporary))
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() and not new else 0o644)
        if new:
            os.link(temporary, target)
        else:
            os.replace(temporary, target)
    except OSError as error:
        raise OutputError(error.errno, error.strerror, os.fspath(target)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, reading: Sequence[str | os.PathLike[str]] = (), new: bool = False
) -> None:
    """Write `data` to `path` through `write_atomic`."""

    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    write_atomic(path, write, reading=reading, new=new)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, reading: Sequence[str | os.PathLike[str]] = (), new: bool = False
) -> None:
    """Write `text` as UTF-8 (with `\\n` line ends) to `path` through `write_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"), reading=reading, new=new)
