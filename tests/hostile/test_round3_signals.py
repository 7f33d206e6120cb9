"""Round three: SIGTERM is handled like SIGINT: the folder is left as it was, the exit code is 143."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import MINIMAL

# A build that receives the signal late: while its last output (a page) is being written.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    import ropa.render.page as page
    from ropa.cli import main

    render = page.render_page

    def interrupted(*arguments, **keywords):
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        return render(*arguments, **keywords)

    page.render_page = interrupted
    sys.exit(main(["build", sys.argv[2], "--on", "2026-01-15", "-o", sys.argv[3]]))
    """
)


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 128 + signal.SIGTERM), ("SIGINT", 128 + signal.SIGINT)])
def test_a_signalled_build_leaves_the_folder_as_it_was(tmp_path: Path, name: str, code: int) -> None:
    out = tmp_path / "new" / "out"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, name, str(MINIMAL), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_signalled_build_leaves_an_existing_folder_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("mine\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "SIGTERM", str(MINIMAL), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert [path.name for path in out.iterdir()] == ["mine.txt"]
