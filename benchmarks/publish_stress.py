"""Kill `ropa build` at random moments, and race two builds into one folder; check what is left.

    python -m benchmarks.publish_stress [--activities 1000] [--kills 20] [--pairs 20] [--seed 13]

1. Builds register A (`--activities` activities, from `benchmarks.generate`) and register B (a
   small, different one) each into a folder of its own: the reference sets.
2. `--kills` times: starts a build of A or B (alternately) into a shared folder holding a complete
   set, sends it `kill -9` after a random part of a build's duration, then checks the folder.
   A build killed while renaming its files leaves a `.ropa-staging-*`/`.ropa-publishing-*` folder;
   the next build finishes it first, so the check does what the next build does first
   (`ropa.io.publish.recover`) and counts how often that was needed.
3. `--pairs` times: starts a build of A and one of B into the shared folder at once.

After every round the folder must hold exactly one reference set (names and bytes) and nothing
else: no staged file. Exit 0 when every round passed; prints one line per round.
The test suite runs it small (`tests/hostile/test_publish.py`).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generate import dump_yaml, make_register

ON = "2026-11-25"


def _build(register: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ropa", "build", str(register), "-o", str(folder), "--on", ON],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _contents(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() if entry.is_file() else b"<folder>" for entry in folder.iterdir()}


def _which(folder: Path, references: dict[str, dict[str, bytes]]) -> str | None:
    found = _contents(folder)
    return next((name for name, files in references.items() if files == found), None)


def run(activities: int, kills: int, pairs: int, seed: int, work: Path, say: bool = True) -> list[str]:
    """Run the rounds in `work`; return the failures (empty when every round passed)."""
    from ropa.io.publish import recover

    chance = random.Random(seed)
    registers = {"A": work / "a.yaml", "B": work / "b.yaml"}
    registers["A"].write_text(dump_yaml(make_register(activities)), encoding="utf-8")
    registers["B"].write_text(dump_yaml(make_register(max(1, activities // 10) + 1)), encoding="utf-8")
    references: dict[str, dict[str, bytes]] = {}
    durations: list[float] = []
    for name, register in registers.items():
        start = time.monotonic()
        process = _build(register, work / f"reference-{name}")
        _, error = process.communicate()
        durations.append(time.monotonic() - start)
        if process.returncode != 0:
            return [f"reference build {name} failed: {error.decode(errors='replace')}"]
        references[name] = _contents(work / f"reference-{name}")
    shared = work / "shared"
    shutil.copytree(work / "reference-A", shared)
    failures: list[str] = []

    def check(label: str, recovered: bool) -> None:
        which = _which(shared, references)
        verdict = f"holds set {which}" if which else f"FAILED: holds {sorted(_contents(shared))}"
        if which is None:
            failures.append(f"{label}: {sorted(_contents(shared))}")
        if say:
            print(f"{label}: {verdict}{' (after recovering a killed publish)' if recovered else ''}", flush=True)

    for round_ in range(kills):
        name = "AB"[round_ % 2]
        delay = chance.uniform(0, durations[0] if name == "A" else durations[1])
        process = _build(registers[name], shared)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        leftovers = any(entry.name.startswith(".ropa-") for entry in shared.iterdir())
        if leftovers:
            recover(shared)  # what the next build does first
        check(f"kill {round_ + 1} (build {name}, after {delay:.2f} s)", leftovers)
    for round_ in range(pairs):
        first, second = _build(registers["A"], shared), _build(registers["B"], shared)
        for process in (first, second):
            _, error = process.communicate()
            if process.returncode != 0:
                failures.append(f"pair {round_ + 1}: a build failed: {error.decode(errors='replace')}")
        check(f"pair {round_ + 1}", False)
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.publish_stress", description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ropa-publish-stress-") as work:
        failures = run(arguments.activities, arguments.kills, arguments.pairs, arguments.seed, Path(work))
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    print(f"{arguments.kills} kills, {arguments.pairs} pairs: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
