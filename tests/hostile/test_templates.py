"""Hostile templates: a `--templates` folder is untrusted code, so it runs sandboxed and bounded.

Whatever a template does, `ropa policy --templates` either writes the policy or exits 1 with one
line naming the template file and line; no command runs, nothing outside the folder is read, the
environment is not reachable, and no output file is written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ropa.io import load
from ropa.render.policy import PolicyTemplateError, render_policy
from tests.conftest import ONEDU
from tests.helpers import run_ropa

HEAD = "---\ntitle: x\n---\n"

# Each template body (after a valid front matter on lines 1-3), and what the error must say.
HOSTILE: dict[str, tuple[str, str]] = {
    "command": ("{{ cycler.__init__.__globals__.os.system('touch PWNED') }}", "line 4: not allowed in a template"),
    "command-via-namespace": ("{{ namespace.__init__.__globals__['os'].system('touch PWNED') }}", "not allowed"),
    "environment": ("{{ self._TemplateReference__context.environment.globals }}", "not allowed in a template"),
    "lipsum-globals": ("{{ lipsum.__globals__['os'].environ }}", "'lipsum' is undefined"),
    "mutate-a-list": ("{% set x = [1] %}{{ x.append(2) }}", "not allowed in a template"),
    "division-by-zero": ("\n\n{{ 1 / 0 }}", "line 6: division by zero"),
    "bad-filter-argument": ("{{ 'x' | round('a') }}", "line 4:"),
    "bad-method-argument": ("{{ 'x'.split(1) }}", "line 4:"),
    "undefined": ("{{ nope }}", "line 4: 'nope' is undefined"),
    "syntax": ("{% if %}", "line 4: Expected an expression"),
    "nested-loops": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "units of work",
    ),
    "loop-over-a-long-text": (
        "{% for c in 'ab' * 500000 %}{% for d in 'ab' * 500000 %}{% endfor %}{% endfor %}",
        "work",
    ),
    "repeat-a-text": ("{{ 'a' * 1000000000 }}", "above 1,000,000"),
    "double-a-text": (
        "{% set ns = namespace(x='ab') %}{% for i in range(60) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}",
        "refused",
    ),
    "power": ("{{ 10 ** 10 ** 10 }}", "above 1,000,000"),
    "power-of-a-small-number": ("{{ 7 ** 999999 }}", "a power too large"),
    "wide-filter": ("{{ 'x' | center(1000000000) }}", "above 1,000,000"),
    "wide-format-filter": ("{{ '%999999999d' | format(1) }}", "asks for a width or precision"),
    "wide-format-method": ("{{ '{:>999999999}'.format(1) }}", "asks for a width or precision"),
    "wide-percent": ("{{ '%999999999d' % 1 }}", "asks for a width or precision"),
    "recursive-include": ("{% include 'ro/data-sharing.md.j2' %}", "includes or calls itself without end"),
    "recursive-macro": ("{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}", "itself without end"),
    "random": ("{{ [1, 2] | random }}", "No filter named 'random'"),
    "include-missing": ("{% include 'ro/missing.j2' %}", "included template 'ro/missing.j2' not found"),
    "include-parent": ("{% include '../secret.j2' %}", "without '..'"),
    "include-absolute": ("{% include '/etc/passwd' %}", "without '..'"),
}


@pytest.fixture(scope="module")
def register():  # type: ignore[no-untyped-def]
    return load(ONEDU)


def _folder(tmp_path: Path, body: str | bytes) -> Path:
    language = tmp_path / "templates" / "ro"
    language.mkdir(parents=True)
    data = body if isinstance(body, bytes) else (HEAD + body).encode("utf-8")
    (language / "data-sharing.md.j2").write_bytes(data)
    return tmp_path / "templates"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_template_is_a_located_error(tmp_path: Path, register, name: str) -> None:  # type: ignore[no-untyped-def]
    body, message = HOSTILE[name]
    folder = _folder(tmp_path, body)
    with pytest.raises(PolicyTemplateError) as raised:
        render_policy(register, "ro", templates=folder)
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(folder))
    assert not (Path.cwd() / "PWNED").exists()


def test_the_command_refuses_a_template_that_runs_a_command_and_writes_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path, f"{{{{ cycler.__init__.__globals__.os.system('touch {tmp_path}/PWNED') }}}}")
    output = tmp_path / "policy.md"
    result = run_ropa("policy", ONEDU, "--templates", folder, "-o", output)
    assert result.returncode == 1
    assert "data-sharing.md.j2: line 4: not allowed in a template" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "PWNED").exists()
    assert not output.exists()


def test_the_environment_cannot_be_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "{{ self.__dict__ }}{{ environ }}{{ config }}")
    result = run_ropa("policy", ONEDU, "--templates", folder)
    assert result.returncode == 1
    assert os.environ.get("PATH", "PATH") not in result.stdout + result.stderr


def test_an_include_through_a_link_out_of_the_folder_is_refused(tmp_path: Path, register) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-VALUE\n", encoding="utf-8")
    folder = _folder(tmp_path, "{% include 'ro/link.j2' %}")
    (folder / "ro" / "link.j2").symlink_to(secret)
    with pytest.raises(PolicyTemplateError, match="leads outside the template folder") as raised:
        render_policy(register, "ro", templates=folder)
    assert "SECRET-VALUE" not in str(raised.value)


def test_a_template_folder_that_is_a_link_is_followed_once_then_confined(tmp_path: Path, register) -> None:  # type: ignore[no-untyped-def]
    real = _folder(tmp_path, "ok")
    link = tmp_path / "link"
    link.symlink_to(real)
    assert render_policy(register, "ro", templates=link).startswith("---\ntitle: x\n---\n")


def test_a_main_template_that_is_a_link_out_of_the_folder_is_refused(tmp_path: Path, register) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside.j2"
    outside.write_text(HEAD + "outside\n", encoding="utf-8")
    language = tmp_path / "templates" / "ro"
    language.mkdir(parents=True)
    (language / "data-sharing.md.j2").symlink_to(outside)
    with pytest.raises(PolicyTemplateError, match="leads outside the template folder"):
        render_policy(register, "ro", templates=tmp_path / "templates")


def test_a_template_that_is_not_utf8_is_a_located_error(tmp_path: Path, register) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path, HEAD.encode() + b"ok\n\xff\xfe\n")
    with pytest.raises(PolicyTemplateError, match=r"data-sharing.md.j2: line 5: is not UTF-8 text \(byte 0xff\)"):
        render_policy(register, "ro", templates=folder)


def test_a_template_that_is_a_pipe_is_refused_not_waited_on(tmp_path: Path, register) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path, "{% include 'ro/pipe.j2' %}")
    os.mkfifo(folder / "ro" / "pipe.j2")
    with pytest.raises(PolicyTemplateError, match="is not a regular file"):
        render_policy(register, "ro", templates=folder)


def test_a_template_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "templates"
    file.write_text("x", encoding="utf-8")
    result = run_ropa("policy", ONEDU, "--templates", file)
    assert result.returncode == 1
    assert "is not a folder of templates" in result.stderr
    assert "Traceback" not in result.stderr


def test_ropa_own_templates_stay_far_below_the_bounds(register) -> None:  # type: ignore[no-untyped-def]
    from ropa.render.policy import _runner, _variables, policy_context
    from ropa.render.templating import MAX_WORK

    runner = _runner(None, "ro")
    runner.render("ro/data-sharing.md.j2", _variables(policy_context(register, "ro")))
    assert 0 < runner.environment.work < MAX_WORK // 100
