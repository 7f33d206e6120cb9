"""Publish a set of files into a folder: all of one build, or none of it, never through a link.

`publish(folder, outputs)` writes each `(name, write)` of `outputs` into `folder`:

1. Each file is written where no one can reach it: an unnamed file in the folder (Linux
   `O_TMPFILE`; a `kill -9` leaves nothing behind) or, where the file system cannot, a file
   created with `O_CREAT | O_EXCL | O_NOFOLLOW` inside a private staging folder
   `.ropa-staging-<random>` (mode 0700) that the build holds locked.
2. With every file written, the build locks the folder (`flock` on the folder itself), gives the
   files names inside its staging folder, renames that folder to `.ropa-publishing-<random>` (the
   mark that the set is complete), then renames each file over its target and removes the folder.
3. Before publishing, under the same lock, it finishes what a killed build left: a
   `.ropa-publishing-*` folder is published when its record (`.ropa-set`, written last before the
   rename: the folder's own random name and every file of the set) proves ropa made it and the set
   is complete, and the folder holds only files of it; a `.ropa-staging-*` folder of plain files is
   removed. A folder still locked belongs to a build that is running; a folder that is not provably
   ropa's (no record, a sub-folder, another owner) is left alone.

4. A set has a name (`ropa build`'s is `build`): the folder keeps the list of the files the last
   set of that name wrote (`.ropa-outputs-<set>`), and a file of that list the new set does not
   write is removed with the rename (listed in the publishing folder as `.ropa-stale`, so that a
   killed build's set is finished the same way). A file ropa did not write is never removed.

So two builds into one folder end with one build's complete set, and a build killed at any moment
leaves the previous set (or, killed while renaming, a set that the next `ropa build` completes).
Nothing is ever written through a link: targets are replaced by `rename`, which replaces a link
itself, and every file is opened relative to the folder's descriptor.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ropa.errors import OutputError
from ropa.io.atomic import check_output

__all__ = ["STAGING_PREFIXES", "Output", "check_output", "publish", "recover"]

Output = tuple[str, Callable[[BinaryIO], object]]
"""A file to publish: its name in the folder, and a function that writes its bytes to an open file."""

_STAGING = ".ropa-staging-"
_PUBLISHING = ".ropa-publishing-"
_OUTPUTS = ".ropa-outputs-"
_STALE = ".ropa-stale"
_RECORD = ".ropa-set"
_RECORD_TITLE = "ropa set "
_NAME_BYTES = 255  # the longest file name Linux file systems take
_LIST_LIMIT = 1 << 20  # bytes read of a list of outputs: a planted huge file is not read whole
STAGING_PREFIXES = (_STAGING, _PUBLISHING)
"""Names of the private folders a build stages in; nothing else in an output folder is ropa's."""


def publish(folder: Path, outputs: Sequence[Output], *, set_name: str | None = None) -> list[Path]:
    """Write `outputs` into `folder` (created if missing) as one set; return the paths written.

    With `set_name`, the files the previous set of that name wrote and this one does not are removed
    in the same step (a register with fewer languages or sections leaves no file of an older build).

    An error is an `OSError` naming the output (or the folder) the user asked for, never a staging
    name; the folder is then left as it was (created folders are removed again).
    """
    names = [name for name, _ in outputs]
    if len(set(names)) != len(names):
        raise ValueError(f"output names must be distinct: {names}")
    if set_name is not None and not set_name.isalnum():
        raise ValueError(f"a set's name must be letters and digits: {set_name!r}")
    for name in names:  # a name is written to the list of outputs one a line: it must read back the same
        if not _plain(name):
            raise OutputError(
                errno.EINVAL,
                "is not a name ropa writes (one line of printable characters, at most 255 bytes, no leading dot)",
                os.fspath(folder / name),
            )
    created = _make_folder(folder)
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise OutputError(error.errno, error.strerror, os.fspath(folder)) from None
    try:
        for name in [*names, *([_OUTPUTS + set_name] if set_name is not None else [])]:
            _check_target(descriptor, folder / name)
        with _Staging(descriptor, folder) as staging:
            for name, write in outputs:
                staging.write(name, write)
            if set_name is not None:
                staging.write(_OUTPUTS + set_name, lambda file: file.write("".join(f"{n}\n" for n in names).encode()))
            with _locked(descriptor):
                recover(folder, descriptor=descriptor)
                stale = _stale(descriptor, set_name, names) if set_name is not None else []
                staging.publish(stale)
    except BaseException:
        for made in reversed(created):  # every folder this build made, deepest first
            with contextlib.suppress(OSError):
                os.rmdir(made)
        raise
    finally:
        os.close(descriptor)
    return [folder / name for name in names]


def recover(folder: Path, *, descriptor: int | None = None) -> None:
    """Finish what killed builds left in `folder`: publish complete sets, remove partial ones.

    Called by `publish` under the folder's lock; a staging folder another build holds is skipped.
    """
    own = descriptor is None
    directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY) if own else descriptor
    assert directory is not None
    try:
        for entry in sorted(os.listdir(directory)):
            if entry.startswith(STAGING_PREFIXES):
                try:
                    _recover_one(directory, entry)
                except OSError as error:  # named by its path, never by a descriptor or a bare name
                    raise OutputError(error.errno, error.strerror, os.fspath(folder / entry)) from None
    finally:
        if own:
            os.close(directory)


def _recover_one(directory: int, entry: str) -> None:
    try:
        staged = os.open(entry, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=directory)
    except OSError:  # not a folder of ours (a file or a link planted at such a name): leave it
        return
    try:
        try:
            fcntl.flock(staged, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # a build is running and holds it
        found = os.listdir(staged)
        if not _ours(staged, found, entry):
            return
        if entry.startswith(_PUBLISHING):
            for name in sorted(found):
                if name not in (_STALE, _RECORD):
                    os.rename(name, name, src_dir_fd=staged, dst_dir_fd=directory)
            _remove_stale(directory, _read_list(staged, _STALE))
        _remove_staging(directory, entry, staged)
    finally:
        os.close(staged)


def _plain(name: str) -> bool:
    """A name ropa writes: one line of printable characters, no folder, no leading dot, short enough."""
    try:
        size = len(os.fsencode(name))
    except UnicodeError:
        return False
    return 0 < size <= _NAME_BYTES and name.isprintable() and "/" not in name and not name.startswith(".")


def _own_name(name: str) -> bool:
    """A name of a file of ropa's own in a publishing folder: a set's list, the stale list, the record."""
    return name in (_STALE, _RECORD) or (name.startswith(_OUTPUTS) and name.removeprefix(_OUTPUTS).isalnum())


def _ours(staged: int, found: Sequence[str], entry: str) -> bool:
    """Whether a staging or publishing folder is provably a build's of ropa: plain files only and, for a
    publishing folder, this user's, private, with a record naming the folder and every file it holds."""
    for name in found:
        if not stat.S_ISREG(os.stat(name, dir_fd=staged, follow_symlinks=False).st_mode):
            return False
    if not entry.startswith(_PUBLISHING):
        return True  # only removed: its files were never published
    status = os.fstat(staged)
    if status.st_uid != os.getuid() or stat.S_IMODE(status.st_mode) != 0o700:
        return False
    record = _read_lines(staged, _RECORD)
    if not record or record[0] != _RECORD_TITLE + entry.removeprefix(_PUBLISHING):
        return False
    listed = set(record[1:])
    if not all(_plain(name) or _own_name(name) for name in listed):
        return False
    return set(found) <= listed | {_RECORD}


def _stale(directory: int, set_name: str, names: Sequence[str]) -> list[str]:
    """The files the previous set of this name wrote that this set does not write."""
    return [name for name in _read_list(directory, _OUTPUTS + set_name) if name not in names]


def _read_list(directory: int, list_name: str) -> list[str]:
    """The plain file names a list of ropa's holds (`_plain`, others ignored); nothing when it is missing,
    a link or not a file."""
    return [name for name in _read_lines(directory, list_name) if _plain(name)]


def _read_lines(directory: int, list_name: str) -> list[str]:
    try:
        descriptor = os.open(list_name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=directory)
    except OSError:
        return []
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return []
        text = file.read(_LIST_LIMIT).decode("utf-8", errors="replace")
    return text.split("\n")[:-1]  # only "\n" ends a line: a name is never split at another line break


def _remove_stale(directory: int, names: Sequence[str]) -> None:
    for name in names:  # unlink never follows a link: only the name in this folder goes
        with contextlib.suppress(OSError):  # the set is published: a file that cannot go stays, it fails nothing
            os.unlink(name, dir_fd=directory)


def _remove_staging(directory: int, entry: str, staged: int) -> None:
    for name in os.listdir(staged):
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=staged)
    with contextlib.suppress(OSError):
        os.rmdir(entry, dir_fd=directory)


def _make_folder(folder: Path) -> list[Path]:
    """Make `folder` and the folders above it that are missing; return those it made, outermost first."""
    if folder.is_dir():
        return []
    if os.path.lexists(folder):
        raise NotADirectoryError(errno.ENOTDIR, "is not a folder", os.fspath(folder))
    missing = [folder]
    while not os.path.lexists(missing[-1].parent) and missing[-1].parent != missing[-1]:
        missing.append(missing[-1].parent)
    made: list[Path] = []
    try:
        for step in reversed(missing):
            try:
                step.mkdir()
            except FileExistsError:
                if not step.is_dir():
                    raise
                continue  # another build made it meanwhile: it is not this build's to remove
            made.append(step)
    except OSError as error:
        for step in reversed(made):
            with contextlib.suppress(OSError):
                step.rmdir()
        raise OutputError(error.errno, error.strerror, os.fspath(folder)) from None
    return made


def _check_target(directory: int, target: Path) -> None:
    try:
        status = os.stat(target.name, dir_fd=directory, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is in the way of an output file and is not a file", os.fspath(target))
    if stat.S_ISLNK(status.st_mode):  # replaced by the new file, never written through; but not a device's link
        with contextlib.suppress(OSError):
            status = os.stat(target.name, dir_fd=directory)
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISLNK(status.st_mode):
        raise OutputError(
            errno.EINVAL, "is a device, a pipe, a socket or a folder, not a regular file", os.fspath(target)
        )


@contextlib.contextmanager
def _locked(descriptor: int) -> Iterator[None]:
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class _Staging:
    """A build's private staging: unnamed files where possible, a locked 0700 folder to name them."""

    def __init__(self, directory: int, folder: Path) -> None:
        self._directory = directory
        self._folder = folder
        self._name = f"{_STAGING}{secrets.token_hex(8)}"
        self._staged: int | None = None
        self._unnamed: dict[str, int] = {}
        self._named: list[str] = []

    def __enter__(self) -> _Staging:
        # Made and locked under the folder's lock, so that another build's `recover` never sees it unlocked.
        with _locked(self._directory):
            try:
                os.mkdir(self._name, 0o700, dir_fd=self._directory)
                self._staged = os.open(self._name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=self._directory)
            except OSError as error:
                raise OutputError(error.errno, error.strerror, os.fspath(self._folder)) from None
            fcntl.flock(self._staged, fcntl.LOCK_EX)  # held until the end: marks this staging as alive
        return self

    def __exit__(self, *exc: object) -> None:
        for descriptor in self._unnamed.values():
            os.close(descriptor)
        assert self._staged is not None
        with contextlib.suppress(OSError):
            _remove_staging(self._directory, self._name, self._staged)
        os.close(self._staged)

    def write(self, name: str, write: Callable[[BinaryIO], object]) -> None:
        try:
            descriptor = self._open_unnamed()
            if descriptor is None:
                descriptor = os.open(
                    name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=self._staged
                )
                self._named.append(name)
            else:
                self._unnamed[name] = descriptor
            with os.fdopen(descriptor, "wb", closefd=descriptor not in self._unnamed.values()) as file:
                write(file)
            if name in self._unnamed:
                os.fchmod(descriptor, 0o644)
            else:
                os.chmod(name, 0o644, dir_fd=self._staged)
        except OSError as error:
            raise OutputError(error.errno, error.strerror, os.fspath(self._folder / name)) from None

    def _open_unnamed(self) -> int | None:
        flag = getattr(os, "O_TMPFILE", None)
        if flag is None or not os.path.isdir("/proc/self/fd"):
            return None
        try:
            return os.open(".", flag | os.O_WRONLY, 0o600, dir_fd=self._directory)
        except OSError as error:
            if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                return None  # this file system cannot: stage named files instead
            raise

    def publish(self, stale: Sequence[str] = ()) -> None:
        """Name every file, mark the set complete, rename each into place, remove `stale` files.

        Call under the folder's lock.
        """
        if stale:
            self.write(_STALE, lambda file: file.write("".join(f"{name}\n" for name in stale).encode()))
        # The record, written last: the folder's name to come and every file of the set (`_ours`).
        ready = self._name.replace(_STAGING, _PUBLISHING, 1)
        record = [_RECORD_TITLE + ready.removeprefix(_PUBLISHING), *self._unnamed, *self._named]
        self.write(_RECORD, lambda file: file.write("".join(f"{line}\n" for line in record).encode()))
        for name, descriptor in self._unnamed.items():
            try:
                os.link(f"/proc/self/fd/{descriptor}", name, dst_dir_fd=self._staged, follow_symlinks=True)
            except OSError as error:
                raise OutputError(error.errno, error.strerror, os.fspath(self._folder / name)) from None
        os.rename(self._name, ready, src_dir_fd=self._directory, dst_dir_fd=self._directory)
        self._name = ready
        assert self._staged is not None
        for name in [*self._unnamed, *self._named]:
            if name in (_STALE, _RECORD):
                continue
            try:
                os.rename(name, name, src_dir_fd=self._staged, dst_dir_fd=self._directory)
            except OSError as error:
                raise OutputError(error.errno, error.strerror, os.fspath(self._folder / name)) from None
        _remove_stale(self._directory, stale)
