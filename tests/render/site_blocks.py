"""A section file read as ONedu's site reads it, without node: gray-matter's front matter split, then
CommonMark + GFM (markdown-it-py), cut into what a reader sees: each heading, paragraph and list item."""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ropa.render.markdown import comma_below

_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """What gray-matter does: `---`, YAML, `---`, then the body."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    assert match is not None, text[:80]
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data, text[match.end() :]


def normal(text: str) -> str:
    """Whitespace runs as one space, and comma-below ș ț for the cedilla letters (the project's Romanian)."""
    return " ".join(comma_below(text).split())


def blocks(body: str) -> list[tuple[str, str]]:
    """(kind, text) of every heading (`h1`…), paragraph (`p`) and list item (`li`), in order. A list item's
    text is its first paragraph; a paragraph inside an item is not counted again as a paragraph."""
    found: list[tuple[str, str]] = []
    stack: list[str] = []
    for token in _PARSER.parse(body):
        if token.type.endswith("_open"):
            stack.append(token.tag)
        elif token.type.endswith("_close"):
            stack.pop()
        elif token.type == "inline":
            text = normal(
                "".join(
                    " " if child.type in ("softbreak", "hardbreak") else child.content for child in token.children or []
                )
            )
            kind = stack[-1]
            if kind == "p" and "li" in stack:
                kind = "li"
            found.append((kind, text))
    return found


def read_section(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The section's title and its blocks."""
    front, body = split_front_matter(text)
    return str(front["title"]), blocks(body)
