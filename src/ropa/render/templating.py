"""Run an organisation's Jinja2 templates safely: sandboxed, confined to their folder, bounded in cost.

A template folder comes from outside ropa (`--templates`), so a template is treated as untrusted
code. `TemplateRunner` renders it in Jinja2's immutable sandbox (no `__globals__`, no methods that
change data, no `lipsum` or `random`), loads only files whose real path (links resolved) lies
inside the folder, and meters what a template may cost: loop steps, calls and the characters they
produce count against `MAX_WORK`, no text may grow beyond `MAX_TEXT` characters, and no number
beyond `MAX_NUMBER`. Every failure — a syntax error, an unknown variable, a division by zero, a
bad filter argument, bytes that are not UTF-8, an include that leaves the folder or never ends, a
sandbox refusal — is one `TemplateFailure` naming the template file and the line.

The policy renderer uses it (`ropa.render.policy`); any later renderer of a template can too.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from ropa.words import pack

__all__ = [
    "MAX_NUMBER",
    "MAX_TEMPLATE_BYTES",
    "MAX_TEXT",
    "MAX_WORK",
    "TEMPLATES_VARIABLE",
    "TemplateFailure",
    "TemplateRunner",
    "ropa_runner",
    "ropa_templates",
]

TEMPLATES_VARIABLE = "ROPA_TEMPLATES"
"""The environment variable naming a folder to read ropa's own templates from instead of the package's
(one subfolder per output, `policy/<lang>/`, `notice/<lang>/`…: for a language being added; docs/languages.md)."""


def ropa_templates(output: str, lang: str | None = None) -> Path | Traversable:
    """ropa's template folder for `output` (`policy`, `notice`, `subprocessors`) in `lang`: the folder of
    the language pack that brings `lang` (`ropa.words.pack`), else `$ROPA_TEMPLATES/<output>` if the
    variable is set, else the package's."""
    found = pack(lang) if lang is not None else None
    if found is not None:
        return found.templates(output)
    chosen = os.environ.get(TEMPLATES_VARIABLE)
    return Path(chosen) / output if chosen else files("ropa.render").joinpath("templates", output)


MAX_WORK = 10_000_000
"""Most units of work one rendering may do: one per loop step and call, plus one per character or
item a call or operator takes or makes. ropa's own templates use about 12,000 for a register of
1,000 activities; a loop of millions of items, or one nested in another, runs out of it."""
MAX_TEXT = 16 * 1024 * 1024
"""Longest text (or list) a template may build, and longest output: 16 Mi characters."""
MAX_NUMBER = 1_000_000
"""Largest number a template may pass as an argument (a width, a count) or use to repeat a text."""
MAX_TEMPLATE_BYTES = 1024 * 1024
"""Largest template file read: 1 MiB."""

_STEPS = "ropa_metered_steps"
_SIZED = "ropa_metered_text"
_DROPPED_GLOBALS = ("lipsum",)  # lipsum(n) writes n paragraphs: unbounded, and useless in a policy
_DROPPED_FILTERS = ("random",)  # output must be deterministic
_FORMAT_NUMBER = re.compile(r"[0-9]{7,}")


class TemplateFailure(ValueError):
    """A template that cannot be used, located: `template` (the file), `line` (1-based, 0 if unknown)."""

    def __init__(self, template: str, line: int, message: str) -> None:
        self.template = template
        self.line = line
        self.message = message
        super().__init__(f"{template}: line {line}: {message}" if line else f"{template}: {message}")


class _Refused(jinja2.TemplateError):
    """A template file the loader will not read (`file`, `line` when known), or a bound gone over."""

    def __init__(self, message: str, file: str | None = None, line: int = 0) -> None:
        super().__init__(message)
        self.file = file
        self.line = line


class _FolderLoader(jinja2.BaseLoader):
    """Loads `<root>/<name>` only when its real path, links resolved, is a regular file inside root."""

    def __init__(self, root: Path) -> None:
        self._display = root
        self._root = os.path.realpath(root)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        parts = template.split("/")
        display = os.path.join(self._display, *parts)
        if any(part in ("", ".", "..") for part in parts) or "\\" in template or "\0" in template:
            raise _Refused("a template name is a path inside the template folder, without '..'", display)
        real = os.path.realpath(os.path.join(self._root, *parts))
        if os.path.commonpath([self._root, real]) != self._root:
            raise _Refused(f"leads outside the template folder (to {real}); refused", display)
        try:
            status = os.stat(real)
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(template) from None
        except OSError as error:
            raise _Refused(f"cannot be read: {error.strerror or error}", display) from None
        if not stat.S_ISREG(status.st_mode):
            raise _Refused("is not a regular file", display)
        if status.st_size > MAX_TEMPLATE_BYTES:
            raise _Refused(f"is {status.st_size:,} bytes; a template may be at most {MAX_TEMPLATE_BYTES:,}", display)
        try:
            descriptor = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(descriptor, "rb") as file:
                raw = file.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as error:
            raise _Refused(f"cannot be read: {error.strerror or error}", display) from None
        environment.loaded.add(display)  # type: ignore[attr-defined]
        return _decode(raw, display), display, lambda: True


class _ResourceLoader(jinja2.BaseLoader):
    """Loads templates from package data (works from a wheel or a zip, not only from a folder)."""

    def __init__(self, root: Traversable, display: str) -> None:
        self._root = root
        self._display = display

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        node = self._root
        for part in template.split("/"):
            node = node.joinpath(part)
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        display = f"{self._display}/{template}"
        environment.loaded.add(display)  # type: ignore[attr-defined]
        return _decode(node.read_bytes(), display), display, lambda: True


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _Refused(f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8", display, line) from None


class _Metering(NodeTransformer):
    """Routes every loop's items and every `~` concatenation through the meter."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        visited = self.generic_visit(node)
        assert isinstance(visited, nodes.For)
        visited.iter = nodes.Filter(visited.iter, _STEPS, [], [], None, None, lineno=visited.lineno)
        return visited

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        visited = self.generic_visit(node)
        assert isinstance(visited, nodes.Node)
        return nodes.Filter(visited, _SIZED, [], [], None, None, lineno=visited.lineno)


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["+", "*", "**", "%", "/", "//"])

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        super().__init__(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            cache_size=0,
        )
        self.work = 0
        self.loaded: set[str] = set()
        for name in _DROPPED_GLOBALS:
            del self.globals[name]
        for name in _DROPPED_FILTERS:
            del self.filters[name]
        self.filters = {name: self._metered(function) for name, function in self.filters.items()}
        self.filters[_STEPS] = self._steps
        self.filters[_SIZED] = self._sized

    # The meter --------------------------------------------------------------------------------

    def charge(self, units: int) -> None:
        self.work += units
        if self.work > MAX_WORK:
            raise _Refused(f"the template does more than {MAX_WORK:,} units of work (loops, calls, text); refused")

    def _size(self, value: Any) -> int:
        if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
            if len(value) > MAX_TEXT:
                raise _Refused(f"a text or list of more than {MAX_TEXT:,} items; refused")
            return len(value)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise _Refused(f"the number {_short(value)} is above {MAX_NUMBER:,}, the largest a template may use")
        return 0

    def _arguments(self, args: Iterable[Any], kwargs: Mapping[str, Any]) -> None:
        self.charge(1 + sum(self._size(value) for value in (*args, *kwargs.values())))

    def _metered(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)  # keeps Jinja's pass_context/pass_eval_context markers
        def metered(*args: Any, **kwargs: Any) -> Any:
            self._arguments(args, kwargs)
            if function.__name__ == "do_format" and args and isinstance(args[0], str):
                _check_format(args[0])
            result = function(*args, **kwargs)
            self.charge(self._size(result))
            return result

        return metered

    def _steps(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            self.charge(1)
            yield item

    def _sized(self, text: Any) -> Any:
        self.charge(self._size(text))
        return text

    # The sandbox's hooks ----------------------------------------------------------------------

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self._arguments(args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        __self.charge(__self._size(result))
        return result

    def call_binop(self, context: jinja2.runtime.Context, operator_: str, left: Any, right: Any) -> Any:
        self.charge(1 + self._size(left) + self._size(right))
        if operator_ == "*" and isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > 256:
                raise _Refused("a product too large for a template; refused")
        elif operator_ == "**" and isinstance(left, int | float) and isinstance(right, int | float):
            if abs(right) > 256 or (isinstance(left, int) and left.bit_length() * abs(right) > 256):
                raise _Refused("a power too large for a template; refused")
        elif operator_ == "%" and isinstance(left, str):
            _check_format(left)
            for value in right if isinstance(right, tuple) else (right,):
                self._size(value)
        elif operator_ == "*":
            count = right if isinstance(right, int) else left if isinstance(left, int) else 1
            sized = left if isinstance(right, int) else right
            if isinstance(sized, str | list | tuple) and count * len(sized) > MAX_TEXT:
                raise _Refused(f"repeating a text or list beyond {MAX_TEXT:,} items; refused")
        result = super().call_binop(context, operator_, left, right)
        self.charge(self._size(result))
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _check_format(value.__self__)
        return wrapped

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        tree = _Metering().visit(tree)
        tree.set_environment(self)
        return tree  # type: ignore[no-any-return]


def _check_format(text: str) -> None:
    """A width or precision of a million or more would make a text of that size before any check."""
    found = _FORMAT_NUMBER.search(text)
    if found is not None:
        raise _Refused(f"the format {_short(text)!r} asks for a width or precision of {_short(found.group())}; refused")


def _short(value: object) -> str:
    text = (
        str(value) if not isinstance(value, int) or value.bit_length() < 200 else f"a {value.bit_length()}-bit number"
    )
    return text if len(text) <= 40 else text[:37] + "…"


class TemplateRunner:
    """Renders the templates of one folder (or of ropa's package data) in the sandbox.

    `folder` is a `Path` (an organisation's folder: confined, links resolved) or a `Traversable`
    (ropa's own package data); `display` names it in errors. Globals and filters may be added to
    `environment` before rendering (e.g. `yaml_string`); each filter added is metered too when
    added through `add_filter`.
    """

    def __init__(self, folder: Path | Traversable, display: str | None = None) -> None:
        if isinstance(folder, Path):
            shown = display or str(folder)
            if folder.exists() and not folder.is_dir():
                raise TemplateFailure(shown, 0, "is not a folder of templates")
            loader: jinja2.BaseLoader = _FolderLoader(folder)
        else:
            shown = display or "ropa's templates"
            loader = _ResourceLoader(folder, shown)
        self.display = shown
        self.environment = _Sandbox(loader)

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        self.environment.filters[name] = self.environment._metered(function)

    def exists(self, name: str) -> bool:
        """Whether the folder has a template `name` (relative path, `/`-separated)."""
        try:
            self.environment.loader.get_source(self.environment, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return False
        except jinja2.TemplateError:
            return True  # it exists; rendering will say what is wrong with it
        return True

    def render(self, name: str, variables: Mapping[str, Any]) -> str:
        """The text of template `name` with `variables`. Raises `TemplateFailure`."""
        where = f"{self.display}/{name}"
        self.environment.work = 0
        try:
            template = self.environment.get_template(name)
            chunks: list[str] = []
            length = 0
            for chunk in template.generate(dict(variables)):
                length += len(chunk)
                if length > MAX_TEXT:
                    raise _Refused(f"the output is longer than {MAX_TEXT:,} characters; refused")
                chunks.append(chunk)
            return "".join(chunks)
        except KeyboardInterrupt:
            raise
        except Exception as error:  # a template is untrusted code: any failure is the template's
            raise _failure(error, where, self.environment.loaded) from None


def _failure(error: BaseException, where: str, loaded: set[str]) -> TemplateFailure:
    """The file and line where `error` happened, and what it means, in words."""
    if isinstance(error, TemplateFailure):
        return error
    template, line = where, 0
    if isinstance(error, jinja2.TemplateSyntaxError):
        template, line = error.filename or where, error.lineno
    else:
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename in loaded:
                template, line = frame.filename, frame.lineno or 0
    if isinstance(error, jinja2.TemplateNotFound):
        return TemplateFailure(template, line, f"included template {error.name!r} not found")
    if isinstance(error, _Refused):
        if error.file is not None:
            return TemplateFailure(error.file, error.line, str(error.message))
        return TemplateFailure(template, line, str(error.message))
    if isinstance(error, SecurityError):
        return TemplateFailure(template, line, f"not allowed in a template: {error.message}")
    if isinstance(error, jinja2.TemplateError):
        return TemplateFailure(template, line, str(error.message))
    if isinstance(error, RecursionError):
        return TemplateFailure(template, line, "includes or calls itself without end")
    if isinstance(error, MemoryError):
        return TemplateFailure(template, line, "needs more memory than there is")
    return TemplateFailure(template, line, f"{error} ({type(error).__name__})")


def ropa_runner(output: str, lang: str, display: str) -> TemplateRunner:
    """A runner of ropa's templates for `output` in `lang`, named `display` in errors; a language pack's
    are named by their own path, so that an error names the pack's file."""
    found = pack(lang)
    if found is not None:
        return TemplateRunner(found.templates(output))
    return TemplateRunner(ropa_templates(output), display=display)
