"""What a library caller pays with the cyclic collector left on, against the same calls with it paused (as
the command line runs them): `python -m benchmarks.collector REGISTER [--runs N]` (docs/performance.md)."""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ON = date(2026, 11, 25)


def _once(path: Path) -> tuple[float, float, float]:
    import ropa

    start = time.perf_counter()
    register = ropa.load(path)
    loaded = time.perf_counter()
    ropa.check(register, on=ON)
    checked = time.perf_counter()
    ropa.render_workbook(register, register.languages[0], on=ON)
    gc.collect(1)  # what a pause leaves to collect afterwards counts too
    written = time.perf_counter()
    return loaded - start, checked - loaded, written - checked


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.collector", description=__doc__)
    parser.add_argument("register", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    samples: dict[str, list[tuple[float, float, float]]] = {"collector on": [], "collector paused": []}
    _once(arguments.register)  # not counted: the first run imports ropa's modules and builds its models
    for run in range(arguments.runs):
        order = list(samples) if run % 2 == 0 else list(samples)[::-1]  # alternated: A B B A …
        for mode in order:
            gc.collect()
            if mode == "collector paused":
                gc.disable()
            try:
                samples[mode].append(_once(arguments.register))
            finally:
                gc.enable()
    for mode, runs in samples.items():
        load, check, workbook = (statistics.median(column) for column in zip(*runs, strict=True))
        print(
            f"{mode}: load {load:.3f} s, check {check:.3f} s, workbook {workbook:.3f} s, all {load + check + workbook:.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
