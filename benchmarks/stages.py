"""The stages the benchmark times, each beside its floor, run in a worker process per register.

    python -m benchmarks.stages REGISTER [--repeats N] [--slow SECONDS] [--stages load workbook …]

prints one JSON object: for each stage, the seconds of every sample of ropa and of its floor, and
for the workbook the memory of writing it. `benchmarks.run` starts one worker per register size, so
that every size is measured in a fresh interpreter and no size's garbage weighs on another's.

The floors are what the same result costs with none of ropa's own work:

- load: read the file, libyaml's C parser (`yaml.CSafeLoader`), pydantic validation of the data
  (`Register.model_validate`, consistency deferred). ropa adds: refusing duplicate keys and YAML 1.1
  booleans, the alias and depth walk, the consistency checks, located problems.
- workbook: a bare openpyxl write-only loop writing the same cell values (read back from ropa's own
  workbook) into sheets of the same names. ropa adds: the cells' texts from the register, styles,
  widths, heights, print set-up, the reproducible zip, the atomic write.
- transfers (a reference, not a floor): the code before issue 14, which judged and worded every
  transfer on its own; ropa judges and words each distinct verdict once.

Samples of a stage alternate between ropa and its floor (ABBA order), so that a burst of load on a
shared machine weighs on both.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ropa.model import Register

__all__ = ["ON", "STAGES", "main"]

ON = date(2026, 1, 15)
"""The date transfers are judged on: fixed, so every run does the same work."""

STAGES = ("load", "workbook", "policy", "transfers", "check", "diff", "dump")
"""Every stage the worker knows, in the order it runs them."""


def _log(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


_T = TypeVar("_T")


def _status(field: str) -> int:
    """A `Vm…` field of /proc/self/status, in bytes (0 where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _settle() -> int:
    """Collect garbage, give freed memory back to the system, and return the resident set size."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return _status("VmRSS")


def _reset_peak() -> bool:
    """Reset the peak resident set size (Linux: write 5 to /proc/self/clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    # The young generations, collected inside the sample: the command line pauses the cyclic collector
    # while it loads, writes and judges, which leaves it work to do afterwards; that work counts as ropa's.
    gc.collect(1)
    return time.perf_counter() - start


def _as_the_command_line(action: Callable[[], _T]) -> Callable[[], _T]:
    """`action` run as `ropa.cli.main` runs a command: with the cyclic collector paused. A library call does
    not pause it (docs/api.md); docs/performance.md gives what that costs."""

    def run() -> _T:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()

    return run


def _samples(
    name: str,
    ropa: Callable[[], object],
    floor: Callable[[], object] | None,
    repeats: int,
    slow: float,
    *,
    first: float | None = None,
) -> dict[str, list[float]]:
    """Time `ropa` and `floor` alternately (A B B A …): `repeats` samples each, one when a stage is slow.

    `first` is a sample of `ropa` already taken, which opens the first round.
    """
    times: dict[str, list[float]] = {"ropa": [] if first is None else [first], "floor": []}
    sides: list[tuple[str, Callable[[], object]]] = [("ropa", _as_the_command_line(ropa))]
    sides += [("floor", floor)] if floor else []
    for round_ in range(repeats):
        order = sides if round_ % 2 == 0 else sides[::-1]
        for side, action in order:
            if len(times[side]) > round_:
                continue
            gc.collect()
            times[side].append(_timed(action))
            _log(f"{name} {side}: {times[side][-1]:.3f} s")
        if max(times["ropa"][0], *(times["floor"][:1] or [0.0])) > slow:
            break
    return times


class Worker:
    """Everything the stages of one register need, loaded once."""

    def __init__(self, path: Path, folder: Path, repeats: int, slow: float) -> None:
        self.path, self.folder, self.repeats, self.slow = path, folder, repeats, slow
        self.results: dict[str, Any] = {"register": str(path), "bytes": path.stat().st_size}
        self.register: Register

    def run(self, stages: Sequence[str]) -> dict[str, Any]:
        from ropa.io import load

        # The first load, in a fresh interpreter, also measures what holding the register costs.
        before = _settle()
        start = time.perf_counter()
        self.register = _as_the_command_line(lambda: load(self.path))()
        gc.collect(1)  # as in every sample (`_timed`)
        first = time.perf_counter() - start
        _log(f"load ropa: {first:.3f} s")
        self.results["memory_register"] = _settle() - before
        self.results["counts"] = {
            "activities": len(self.register.activities),
            "recipients": len(self.register.recipients),
            "purposes": len(self.register.purposes),
        }
        for stage in stages:
            try:
                self.results[stage] = self.load(first) if stage == "load" else getattr(self, stage)()
            except ImportError as error:  # a stage whose module does not exist (yet)
                self.results[stage] = {"missing": str(error)}
                _log(f"{stage}: missing ({error})")
        return self.results

    def load(self, first: float) -> dict[str, Any]:
        import yaml

        from ropa.io import load
        from ropa.model.register import DEFER_CONSISTENCY, Register

        loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def floor() -> object:
            data = yaml.load(self.path.read_bytes().decode("utf-8-sig"), Loader=loader)  # a safe loader
            return Register.model_validate(data, context={DEFER_CONSISTENCY: True})

        # ropa's first sample is the load above; then the floor and ropa alternate (B A A B …).
        return _samples("load", lambda: load(self.path), floor, self.repeats, self.slow, first=first)

    def workbook(self) -> dict[str, Any]:
        from ropa import write_workbook

        output = self.folder / "ropa.xlsx"
        lang = self.register.languages[0]

        def ropa() -> object:
            write_workbook(self.register, output, lang=lang, on=ON)
            return None

        # The first write is timed as ropa's first sample, and gives the cells the floor writes.
        result: dict[str, Any] = {}
        held = _settle()
        peak_known = _reset_peak()
        first = _timed(ropa)
        _log(f"workbook ropa: {first:.3f} s")
        result["memory_ropa"] = _status("VmHWM") - held if peak_known else None
        sheets = _read_cells(output)
        result["cells"] = sum(len(row) for rows in sheets.values() for row in rows)
        result["sheets"] = len(sheets)

        def floor() -> object:
            _bare_write(sheets, self.folder / "floor.xlsx")
            return None

        held = _settle()
        peak_known = _reset_peak()
        first_floor = _timed(floor)
        _log(f"workbook floor: {first_floor:.3f} s")
        result["memory_floor"] = _status("VmHWM") - held if peak_known else None
        times = {"ropa": [first], "floor": [first_floor]}
        if max(first, first_floor) <= self.slow:
            more = _samples("workbook", ropa, floor, self.repeats - 1, self.slow)
            for side in ("ropa", "floor"):
                times[side] += more[side]
        return result | times

    def policy(self) -> dict[str, Any]:
        from ropa.render.policy import render_policy

        lang = self.register.languages[0]
        return _samples("policy", lambda: render_policy(self.register, lang), None, self.repeats, self.slow)

    def transfers(self) -> dict[str, Any]:
        from ropa.render.transfers import transfers_to_text
        from ropa.transfers import register_transfers

        def ropa() -> object:
            return transfers_to_text(register_transfers(self.register, ON))

        def before() -> object:
            return transfers_to_text(_uncached_transfers(self.register))

        # The reference is the code before issue 14: every transfer judged (and worded) on its own.
        return _samples("transfers", ropa, before, self.repeats, self.slow)

    def check(self) -> dict[str, Any]:
        # What `ropa check` does once the register is loaded: the findings, each located in the file,
        # from the places the loader kept (`load_located`); the reference composes the file again to
        # locate them, as before issue 14. Keeping the places costs the load a little: timed once here.
        from ropa.checks import check
        from ropa.io.loading import load_located
        from ropa.io.locating import Locator

        gc.collect()
        start = time.perf_counter()
        _, kept = load_located(self.path)
        load_located_time = time.perf_counter() - start
        _log(f"load keeping the places: {load_located_time:.3f} s")

        def ropa() -> object:
            return [kept.locate(finding.path) for finding in check(self.register, on=ON)]

        def before() -> object:
            locator = Locator(self.path.read_text(encoding="utf-8-sig"))
            return [locator.locate(finding.path) for finding in check(self.register, on=ON)]

        return _samples("check", ropa, before, self.repeats, self.slow) | {"load_located": [load_located_time]}

    def diff(self) -> dict[str, Any]:
        # `ropa diff` of the register against an equal copy: every record compared, nothing changed.
        from ropa.diff import diff
        from ropa.render.changes import diff_to_markdown

        copy = self.register.model_copy(deep=True)
        lang = self.register.languages[0]

        def ropa() -> object:
            return diff_to_markdown(diff(self.register, copy, on=ON), self.register, copy, lang=lang)

        return _samples("diff", ropa, None, self.repeats, self.slow)

    def dump(self) -> dict[str, Any]:
        from ropa.io import dump

        output = self.folder / "dumped.yaml"
        return _samples("dump", lambda: dump(self.register, output), None, self.repeats, self.slow)


class _Forgetful(dict[Any, Any]):
    """A verdict cache that keeps nothing: every transfer judged on its own."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def _uncached_transfers(register: Register) -> list[Any]:
    """`register_transfers` as it was before issue 14 (main's code, same steps): `assess` called for
    every transfer and every return flow, no verdict shared."""
    from ropa.law.register_transfers import _returns, _transfers_to
    from ropa.model.queries import is_running
    from ropa.model.vocabulary import ActivityRole

    forgetful = _Forgetful()
    found: list[Any] = []
    for activity_id, activity in register.activities.items():
        if not is_running(activity, ON):
            continue
        for recipient_id in activity.recipients:
            found.extend(_transfers_to(register, activity_id, recipient_id, ON, forgetful))
        if activity.role is ActivityRole.PROCESSOR:
            found.extend(_returns(register, activity_id, ON, forgetful))
    return found


def _read_cells(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values, row by row, as written (empty cells as None)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}
    finally:
        workbook.close()


def _bare_write(sheets: dict[str, list[list[Any]]], path: Path) -> None:
    """The floor of the workbook: openpyxl's write-only mode, the same values, nothing else."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description="One benchmark worker.")
    parser.add_argument("register", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--slow", type=float, default=30.0, help="a stage slower than this is sampled once")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ropa-bench-") as folder:
        worker = Worker(arguments.register, Path(folder), arguments.repeats, arguments.slow)
        results = worker.run(arguments.stages)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
