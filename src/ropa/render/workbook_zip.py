"""The workbook's zip: the same bytes from run to run, and each worksheet's rows put in whole.

openpyxl writes an .xlsx file's parts into a `zipfile.ZipFile` it is given; `ReproducibleZip` is
that zip, with fixed entry times and attributes and `[Content_Types].xml` first, so that the same
register, language and date give the same bytes. No clock: every entry carries 1980-01-01 00:00.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

__all__ = ["ZIP_TIME", "ReproducibleZip"]

ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
"""The time of every entry: the earliest a zip can hold, and no clock."""


class ReproducibleZip(zipfile.ZipFile):
    """The zip openpyxl writes into, with fixed entry times and attributes, `[Content_Types].xml` first.

    openpyxl hands over its small parts as bytes and each worksheet, without its rows, as a temporary
    file, which it deletes at once: the parts are held, the worksheets kept (hard-linked, or copied
    where links are not possible). ropa writes each worksheet's rows to a file of their own
    (`rows_of_sheet`), and everything is compressed once, in order, when the zip is closed, each
    worksheet's rows put into its empty `<sheetData>`.
    """

    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, "w", allowZip64=True)
        self._folder: tempfile.TemporaryDirectory[str] | None = tempfile.TemporaryDirectory(prefix="ropa-xlsx-")
        self._parts: dict[str, bytes | Path] = {}
        self._rows: dict[str, Path] = {}

    @contextlib.contextmanager
    def rows_of_sheet(self, number: int) -> Iterator[IO[str]]:
        """A text file for the rows of the `number`th worksheet (openpyxl's `xl/worksheets/sheet<number>.xml`)."""
        assert self._folder is not None, "the zip is closed"
        path = Path(self._folder.name) / f"rows-{number}.xml"
        self._rows[f"xl/worksheets/sheet{number}.xml"] = path
        with path.open("w", encoding="utf-8", newline="", buffering=1 << 20) as rows:
            yield rows

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        self._parts[name] = data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        assert self._folder is not None, "the zip is closed"
        kept = Path(self._folder.name) / str(len(self._parts))
        try:
            os.link(filename, kept)
        except OSError:
            shutil.copyfile(filename, kept)
        self._parts[str(arcname)] = kept

    def check_rows_placed(self) -> None:
        """Raise unless every file of rows has a worksheet to go into: rows must never be dropped silently."""
        homeless = sorted(set(self._rows) - set(self._parts))
        if homeless:
            raise RuntimeError(f"openpyxl wrote no worksheet for the rows of {', '.join(homeless)}")

    def close(self) -> None:
        folder, self._folder = self._folder, None
        if folder is None or self.fp is None:
            super().close()
            return
        try:
            for name in sorted(self._parts, key=lambda name: (name != "[Content_Types].xml", name)):
                self._add(name, self._parts[name])
            super().close()
        finally:
            folder.cleanup()

    def _add(self, name: str, part: bytes | Path) -> None:
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0o600 << 16
        if isinstance(part, bytes):
            super().writestr(info, part)
            return
        rows = self._rows.get(name)
        if rows is None:
            info.file_size = part.stat().st_size  # lets zipfile choose ZIP64 only where the size needs it
            with part.open("rb") as source, self.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            return
        before, after = _around_rows(part.read_bytes(), name)
        info.file_size = len(before) + rows.stat().st_size + len(after)
        with rows.open("rb") as source, self.open(info, "w") as target:
            target.write(before)
            shutil.copyfileobj(source, target, 1 << 20)
            target.write(after)


_EMPTY_SHEET_DATA: Final = (b"<sheetData></sheetData>", b"<sheetData />", b"<sheetData/>")


def _around_rows(worksheet: bytes, name: str) -> tuple[bytes, bytes]:
    """A worksheet openpyxl wrote without rows, cut where its rows go: up to `<sheetData>`, from `</sheetData>`."""
    for empty in _EMPTY_SHEET_DATA:
        if worksheet.count(empty) == 1:
            before, after = worksheet.split(empty)
            return before + b"<sheetData>", b"</sheetData>" + after
    raise RuntimeError(f"{name}: openpyxl wrote no single empty <sheetData> to put the rows in")
