"""Round three: a template folder setting that leads into a loop of links is a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL_TEXT, run_ropa

COMMANDS = {
    "policy": ["policy", "{register}"],
    "notice": ["notice", "{register}", "--on", "2026-01-15", "-o", "{out}"],
    "build": ["build", "{register}", "--on", "2026-01-15", "-o", "{out}"],
}


@pytest.mark.parametrize("field", ["notice_templates", "data_sharing_templates"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_loop_of_links_as_a_template_folder_is_a_located_error(tmp_path: Path, command: str, field: str) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    register = tmp_path / "register.yaml"
    register.write_text(MINIMAL_TEXT + f"policy:\n  {field}: a\n", encoding="utf-8")
    out = tmp_path / "out"
    arguments = [part.format(register=register, out=out) for part in COMMANDS[command]]
    result = run_ropa(*arguments)
    if command == "policy" and field == "notice_templates":  # policy reads only its own folder
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{register}:5:3: policy.{field}: 'a' "), result.stderr
    assert "loop" in result.stderr
    assert not out.exists()
