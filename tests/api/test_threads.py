"""Safe in a threaded process (issue 24): no process-wide state changed inside a library call, and two threads
rendering two registers at once get the same bytes each would alone."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import ropa

EXAMPLES = Path(__file__).parents[2] / "examples"
ON = date(2026, 11, 25)


def _outputs(path: Path) -> list[bytes]:
    register = ropa.load(path)
    lang = register.languages[0]
    return [
        ropa.render_workbook(register, lang, on=ON),
        ropa.render_page(register, lang, ON).encode("utf-8"),
        *(section.text.encode("utf-8") for section in ropa.render_notice(register, lang, on=ON)),
        ropa.findings_to_json(ropa.check(register, on=ON)).encode("utf-8"),
    ]


def test_two_threads_render_two_registers_as_each_alone() -> None:
    paths = [EXAMPLES / "onedu" / "register.yaml", EXAMPLES / "clinic" / "register.yaml"]
    alone = [_outputs(path) for path in paths]
    together: list[list[bytes] | None] = [None, None]
    barrier = threading.Barrier(2)

    def work(index: int) -> Callable[[], None]:
        def run() -> None:
            barrier.wait()
            for _ in range(2):
                together[index] = _outputs(paths[index])

        return run

    threads = [threading.Thread(target=work(index)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together == alone


def test_a_library_call_changes_no_process_wide_state(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[str] = []
    for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold"):
        monkeypatch.setattr(gc, name, lambda *arguments, name=name: called.append(name))
    register = ropa.load(EXAMPLES / "onedu" / "register.yaml")
    ropa.check(register, on=ON)
    ropa.render_workbook(register, "ro", on=ON)
    ropa.render_notice(register, "ro", on=ON)
    assert called == []


def test_threads_checking_one_register_each_get_every_finding_located() -> None:
    path = EXAMPLES / "onedu" / "register.yaml"
    alone = ropa.check(ropa.load(path), on=ON)
    shared = ropa.load(path)  # its places not composed yet: the threads race to compose them
    found: list[list[ropa.Finding]] = []
    barrier = threading.Barrier(4)

    def run() -> None:
        barrier.wait()
        found.append(ropa.check(shared, on=ON))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [alone] * 4
    assert all(finding.line is not None and finding.line > 1 for finding in alone)
