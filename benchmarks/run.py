"""The ropa benchmark: every output at scale, each beside its floor, medians and ratios in one table.

    python -m benchmarks.run            # full: 1k, 10k and 20k activities
    python -m benchmarks.run --quick    # smaller: 200, 1k and 2k activities, for a check in minutes

Generates the registers into a temporary folder (`benchmarks.generate`, deterministic), runs one
worker process per size (`benchmarks.stages`), times `ropa validate` against a bare interpreter
start, and prints medians, ratios and whether each goal (docs/performance.md) is met. `--markdown FILE`
also writes the table as Markdown, `--json FILE` the raw samples.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.generate import write_registers

__all__ = ["GOALS", "Row", "main"]

ROOT = Path(__file__).resolve().parent.parent
ONEDU = ROOT / "examples" / "onedu" / "register.yaml"

FULL_SIZES = (1_000, 10_000, 20_000)
QUICK_SIZES = (200, 1_000, 2_000)

GOALS = {
    "load": 0.5,  # ropa / floor, at the middle and largest sizes (issue 14: the collector paused)
    "workbook": 1.3,  # ropa / floor
    "scaling": 2.2,  # largest / middle size, every stage
    "policy": 0.1,  # policy / workbook at the middle size: "far below"
    "startup": 2.0,  # ropa validate / python -c "import pydantic, yaml"
    "memory": 1.0,  # memory added while writing the workbook / memory of holding the register
    "transfers": 0.2,  # ropa / the code before issue 14, at the middle size: at least 5x faster
}


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, the two numbers, their ratio and the goal."""

    what: str
    ropa: str
    floor: str
    ratio: float | None
    goal: float | None
    note: str = ""

    @property
    def met(self) -> str:
        if self.ratio is None or self.goal is None:
            return "–"
        return "yes" if self.ratio <= self.goal else "NO"

    def cells(self) -> list[str]:
        ratio = "–" if self.ratio is None else f"{self.ratio:.2f}×"
        goal = "–" if self.goal is None else f"≤ {self.goal:g}×"
        return [self.what, self.ropa, self.floor, ratio, goal, self.met, self.note]


HEADERS = ["measure", "ropa", "floor / reference", "ratio", "goal", "met", "note"]


def _median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def _seconds(samples: Sequence[float]) -> str:
    median = _median(samples)
    text = f"{median:.3f} s" if median < 10 else f"{median:.1f} s"
    return f"{text} (n={len(samples)})"


def _megabytes(value: int | None) -> str:
    return "?" if value is None else f"{value / 2**20:,.0f} MiB"


def _label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def _git(*arguments: str) -> str:
    """The output of a read-only git command in the repository, or "" without git."""
    try:
        done = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def _machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    if _git("status", "--porcelain", "src"):
        commit += " (src/ changed since)"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load": load,
        "commit": commit,
    }


def _worker(path: Path, repeats: int, slow: float, stages: Sequence[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.stages", str(path), "--repeats", str(repeats), "--slow", str(slow)]
    environment = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [*command, "--stages", *stages], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# The least any program that validates with a pydantic model costs: one model of one field, built and
# used once. Beside the floor, it shows how much of the goal pydantic's own model machinery takes.
ONE_MODEL = (
    "import yaml\n"
    "from pydantic import BaseModel\n"
    "class Record(BaseModel):\n"
    "    name: str\n"
    "Record.model_validate({'name': 'a'})\n"
)
_ONE_MODEL_NOTE = "the least a program validating with pydantic costs (benchmarks.run.ONE_MODEL)"


def _startup(runs: int) -> dict[str, list[float]]:
    """Wall time of `ropa validate` on the ONedu register, of a bare `import pydantic, yaml`, and of one model.

    Every side reads its modules' bytecode from one cache (`PYTHONPYCACHEPREFIX`, warmed by the
    first round, which is not counted), as an installed package does: a machine that sets
    `PYTHONDONTWRITEBYTECODE` would otherwise compile ropa's sources at every start, and not
    pydantic's, which pip compiled when it installed them.
    """
    commands = {
        "ropa": [sys.executable, "-m", "ropa", "validate", str(ONEDU)],
        "floor": [sys.executable, "-c", "import pydantic, yaml"],
        "one model": [sys.executable, "-c", ONE_MODEL],
    }
    times: dict[str, list[float]] = {side: [] for side in commands}
    with tempfile.TemporaryDirectory(prefix="ropa-bytecode-") as cache:
        environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        environment["PYTHONPYCACHEPREFIX"] = cache
        for run in range(runs + 1):
            for side in list(commands) if run % 2 == 0 else list(reversed(commands)):
                start = time.perf_counter()
                subprocess.run(commands[side], check=True, stdout=subprocess.DEVNULL, env=environment)
                if run > 0:  # the first round warms the file cache and the bytecode cache
                    times[side].append(time.perf_counter() - start)
    return times


def _stage_times(result: dict[str, Any], stage: str) -> list[float] | None:
    entry = result.get(stage)
    if not isinstance(entry, dict) or "missing" in entry:
        return None
    times: list[float] = entry["ropa"]
    return times


def build_rows(results: dict[int, dict[str, Any]], startup: dict[str, list[float]] | None) -> list[Row]:
    """The table, from the workers' samples."""
    rows: list[Row] = []
    sizes = sorted(results)
    middle, largest = sizes[-2], sizes[-1]
    for stage in ("load", "workbook"):
        for size in sizes:
            entry = results[size].get(stage)
            if not isinstance(entry, dict) or "missing" in entry:
                rows.append(Row(f"{stage} {_label(size)}", "missing", "", None, None, _missing(entry)))
                continue
            ropa, floor = _median(entry["ropa"]), _median(entry["floor"])
            judged = stage != "load" or size != sizes[0]
            rows.append(
                Row(
                    f"{stage} {_label(size)}",
                    _seconds(entry["ropa"]),
                    _seconds(entry["floor"]),
                    ropa / floor,
                    GOALS[stage] if judged else None,
                    "" if judged else "judged at the two larger sizes only",
                )
            )
    transfers = results[middle].get("transfers")
    if isinstance(transfers, dict) and transfers.get("floor"):
        rows.append(
            Row(
                f"transfers {_label(middle)} vs before",
                _seconds(transfers["ropa"]),
                _seconds(transfers["floor"]),
                _median(transfers["ropa"]) / _median(transfers["floor"]),
                GOALS["transfers"],
                "reference: every transfer judged and worded on its own, as before issue 14",
            )
        )
    check = results[middle].get("check")
    if isinstance(check, dict) and check.get("floor"):
        rows.append(
            Row(
                f"check {_label(middle)} vs before",
                _seconds(check["ropa"]),
                _seconds(check["floor"]),
                _median(check["ropa"]) / _median(check["floor"]),
                None,
                "findings located from the places kept while loading / the file composed again",
            )
        )
    for size in sizes:
        entry, loaded = results[size].get("check"), results[size].get("load")
        if isinstance(entry, dict) and entry.get("load_located") and isinstance(loaded, dict) and loaded.get("ropa"):
            rows.append(
                Row(
                    f"load keeping places {_label(size)}",
                    _seconds(entry["load_located"]),
                    _seconds(loaded["ropa"]) + " (load)",
                    _median(entry["load_located"]) / _median(loaded["ropa"]),
                    None,
                    "what `ropa check` and `ropa build` load with: the places for locating findings",
                )
            )
    for size in sizes:
        entry = results[size].get("workbook")
        if isinstance(entry, dict) and entry.get("memory_ropa") is not None:
            register = results[size]["memory_register"]
            rows.append(
                Row(
                    f"workbook memory {_label(size)}",
                    f"+{_megabytes(entry['memory_ropa'])}",
                    f"+{_megabytes(entry['memory_floor'])} (floor); register {_megabytes(register)}",
                    entry["memory_ropa"] / register if register > 0 else None,
                    GOALS["memory"] if size == largest else None,
                    "peak RSS added while writing / RSS of holding the register"
                    + ("" if size == largest else " (judged at the largest size only)"),
                )
            )
    policy, workbook = _stage_times(results[middle], "policy"), _stage_times(results[middle], "workbook")
    if policy and workbook:
        rows.append(
            Row(
                f"policy {_label(middle)} vs workbook {_label(middle)}",
                _seconds(policy),
                _seconds(workbook),
                _median(policy) / _median(workbook),
                GOALS["policy"],
                "“far below”: at most a tenth",
            )
        )
    for stage in ("load", "workbook", "policy", "transfers", "check", "diff", "dump"):
        small, large = _stage_times(results[middle], stage), _stage_times(results[largest], stage)
        if small and large:
            rows.append(
                Row(
                    f"scaling {stage} {_label(largest)}/{_label(middle)}",
                    _seconds(large),
                    _seconds(small),
                    _median(large) / _median(small),
                    GOALS["scaling"],
                )
            )
        else:
            rows.append(Row(f"scaling {stage}", "missing", "", None, None, _missing(results[largest].get(stage))))
    for stage in ("policy", "transfers", "check", "diff", "dump"):
        for size in sizes:
            times = _stage_times(results[size], stage)
            if times:
                rows.append(Row(f"{stage} {_label(size)}", _seconds(times), "", None, None, "no floor"))
    startup_rows = (
        ("ropa", "start-up: ropa validate ONedu", GOALS["startup"], "floor: python -c 'import pydantic, yaml'"),
        ("one model", "start-up: one pydantic model, validated", None, _ONE_MODEL_NOTE),
    )
    for side, what, goal, note in startup_rows:
        if startup and startup.get(side):
            ratio = _median(startup[side]) / _median(startup["floor"])
            rows.append(Row(what, _seconds(startup[side]), _seconds(startup["floor"]), ratio, goal, note))
    return rows


def _missing(entry: object) -> str:
    if isinstance(entry, dict) and "missing" in entry:
        return f"not measured: {entry['missing']}"
    return "not measured"


def render_text(rows: Sequence[Row]) -> str:
    table = [HEADERS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADERS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def render_markdown(rows: Sequence[Row]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join("---" for _ in HEADERS) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 200, 1k, 2k instead of 1k, 10k, 20k")
    parser.add_argument("--sizes", type=int, nargs="+", help="activities per register (at least two sizes)")
    parser.add_argument("--repeats", type=int, default=3, help="samples per stage and side (default 3)")
    parser.add_argument("--slow", type=float, default=30.0, help="a stage slower than this (s) is sampled once")
    parser.add_argument("--startup-runs", type=int, default=10, help="runs of each start-up command (default 10)")
    parser.add_argument("--registers", type=Path, help="keep the generated registers in this folder")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    parser.add_argument("--json", type=Path, help="also write the raw samples as JSON to this file")
    from benchmarks.stages import STAGES

    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES), help="stages to run")
    arguments = parser.parse_args(argv)
    sizes = sorted(arguments.sizes or (QUICK_SIZES if arguments.quick else FULL_SIZES))
    if len(sizes) < 2:
        parser.error("give at least two sizes: scaling compares the two largest")

    machine = _machine()
    print(f"ropa benchmark, {machine['date']}: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}")
    print(f"ropa at commit {machine['commit']}; load average at start: {machine['load']}", flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ropa-registers-") as temporary:
        folder = arguments.registers or Path(temporary)
        print(f"generating registers of {', '.join(map(_label, sizes))} activities in {folder}", flush=True)
        paths = write_registers(folder, sizes)
        results: dict[int, dict[str, Any]] = {}
        for size in sizes:
            print(f"{_label(size)} activities ({paths[size].stat().st_size / 2**20:.1f} MiB):", flush=True)
            results[size] = _worker(paths[size], arguments.repeats, arguments.slow, arguments.stages)
    print("start-up", flush=True)
    startup = _startup(arguments.startup_runs) if ONEDU.exists() and arguments.startup_runs > 0 else None
    rows = build_rows(results, startup)
    machine["load_end"] = " ".join(f"{value:.2f}" for value in os.getloadavg())
    machine["minutes"] = f"{(time.perf_counter() - started) / 60:.1f}"
    print()
    print(render_text(rows), end="")
    print(f"\nload average at end: {machine['load_end']}; {machine['minutes']} minutes")
    met = sum(row.met == "yes" for row in rows)
    goals = sum(row.met in ("yes", "NO") for row in rows)
    print(f"goals met: {met} of {goals}")
    if arguments.markdown:
        arguments.markdown.write_text(render_markdown(rows), encoding="utf-8")
    if arguments.json:
        data = {"machine": machine, "sizes": sizes, "results": results, "startup": startup}
        arguments.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
