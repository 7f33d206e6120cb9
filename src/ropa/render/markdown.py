"""Text from the register, made safe to place in Markdown (CommonMark + GFM) and YAML front matter.

`escape` turns any string into Markdown that renders as exactly that string, on one line, and never
as markup or HTML: under CommonMark, GFM (tables, strikethrough) and remark-breaks (where a newline
is a line break). `yaml_string` writes a YAML scalar that reads back as the same string.
"""

from __future__ import annotations

import json
import re
import unicodedata

import yaml

from ropa.words import text as wording

__all__ = ["comma_below", "escape", "spaced", "spacing", "typeset", "yaml_string"]

# ASCII punctuation with a meaning somewhere in a line of CommonMark or GFM: backslash escapes,
# code spans, emphasis, links and images, raw HTML and autolinks, entities, tables, strikethrough,
# ATX headings (and their closing sequence). Braces and `%` are escaped too, so no register text can
# look like a template placeholder (`{{`, `{%`, `%}`) in the output. A backslash before any ASCII
# punctuation is a valid escape in every CommonMark renderer: escaping one character too many is harmless.
_ALWAYS = frozenset("\\`*_[]<>&|~{}%#")

# What only means something at the start of a line (a block): list items, thematic breaks,
# setext underlines, and ordered list markers such as `1.` or `1)`.
_BLOCK_START = re.compile(r"^(?:[-+=]|\d+[.)])")

# Web addresses: GFM's autolink literals (`https://…`, `www.…`) are found in the source as written, so an
# escape inside one would show as a backslash and a character after one (a closing quote) would join it.
# A web address is written as a CommonMark autolink `<https://…>` instead (or `[www.…](<http://www.…>)`),
# whose text is taken as it is and which ends at its `>`. In free text it ends where GFM ends a literal:
# before a space, and without the punctuation that closes a sentence or a quotation.
_WEB = re.compile(r"(?:https?://|www\.)[^\s<>]+", re.IGNORECASE)
_WHOLE_WEB = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)
_TRAILING = frozenset("?!.,:;'\"")  # not `*_~`: in register text they are never emphasis
# Percent-encoded in an address (as a browser would send them): they would end the autolink, split a
# GFM table cell, or look like a template's placeholder (`{{`, `{%`) in the output.
_IN_ADDRESS = str.maketrans({"<": "%3C", ">": "%3E", "|": "%7C", "{": "%7B", "}": "%7D", "`": "%60"})

_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
_COMBINING_CEDILLA = re.compile("([sStT])\u0327")
_COMMA_BELOW = {"s": "ș", "S": "Ș", "t": "ț", "T": "Ț"}


# The spaces a language writes before `:`, before `; ? !` and inside « » (French: a no-break space before
# `:`, a narrow one elsewhere), named by its catalogue's `typography` messages; any other value: none.
_SPACES = {"no-break": "\u00a0", "narrow": "\u202f"}
# A mark that ends a word: followed by a space, the end of the text, or Markdown's closing `*` `_` `)`. So
# `https://`, `10:30`, `a?b=1`, `mailto:x` and `![image]` are never touched. Code spans are left as they are.
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]?(:)(?=[\s*_)]|$)")
_BEFORE_MARK = re.compile(r"(?<=[^\s;?!])[ \u00a0\u202f]?([;?!])(?=[\s*_)]|$)")
_OPENING = re.compile("«[ \u00a0\u202f]*")
_CLOSING = re.compile("[ \u00a0\u202f]*»")
_CODE_SPAN = re.compile(r"(`[^`\n]*`)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def typeset(text: str, lang: str) -> str:
    """`text` as `lang` spells it, by its catalogue's `typography` messages (docs/languages.md): with
    `comma-below` "yes", an s or t with a cedilla is written with a comma below (`comma_below`); with
    `space-before-colon`, `space-before-marks` and `space-inside-guillemets` "no-break" or "narrow", that
    space before `:`, before `; ? !` and inside « » (`spaced`). YAML front matter is left as it is."""
    if wording(lang, "typography", "comma-below") == "yes":
        text = comma_below(text)
    colon, marks, guillemets = spacing(lang)
    if not (colon or marks or guillemets):
        return text
    front = _FRONT_MATTER.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    return head + spaced(body, colon, marks, guillemets)


def spacing(lang: str) -> tuple[str, str, str]:
    """The spaces `lang` writes before `:`, before `; ? !` and inside « » (empty for none), by its catalogue."""
    colon, marks, guillemets = (
        _SPACES.get(wording(lang, "typography", key), "")
        for key in ("space-before-colon", "space-before-marks", "space-inside-guillemets")
    )
    return colon, marks, guillemets


def spaced(text: str, colon: str, marks: str, guillemets: str) -> str:
    """`text` with `colon` before each `:` and `marks` before each `; ? !` that ends a word, and `guillemets`
    inside « »; an ordinary or other no-break space already there is replaced. Code spans are left as they are."""
    parts = _CODE_SPAN.split(text)
    for index in range(0, len(parts), 2):  # the odd parts are code spans
        part = parts[index]
        if colon:
            part = _BEFORE_COLON.sub(colon + r"\1", part)
        if marks:
            part = _BEFORE_MARK.sub(marks + r"\1", part)
        if guillemets:
            part = _CLOSING.sub(guillemets + "»", _OPENING.sub("«" + guillemets, part))
        parts[index] = part
    return "".join(parts)


def comma_below(text: str) -> str:
    """Replace the cedilla letters ş ţ Ş Ţ (precomposed, or s t S T with a combining cedilla) with
    comma-below ș ț Ș Ț. Nothing else changes (no Unicode normalisation of the rest of the text)."""
    text = _COMBINING_CEDILLA.sub(lambda match: _COMMA_BELOW[match.group(1)], text)
    return text.translate(_CEDILLA)


def _clean(text: str) -> str:
    """One line of printable text: whitespace runs (newlines included) become one space; control
    characters are dropped; lone surrogates, which UTF-8 cannot encode, become U+FFFD."""
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category == "Cc" and not character.isspace():
            continue
        kept.append("\ufffd" if category == "Cs" else character)
    return " ".join("".join(kept).split())


def escape(text: str) -> str:
    """`text` as Markdown that renders literally, on one line, wherever a template places it; a web address
    in it is a link to that address, intact, that nothing around it joins."""
    text = _clean(text)
    if not text:
        return text
    if _WHOLE_WEB.fullmatch(text):  # a web address alone (a register's Url field): all of it
        return _link(text)
    parts: list[str] = []
    done = 0
    for found in _WEB.finditer(text):
        address = _trimmed(found.group())
        if address.lower() in ("www.", "http://", "https://"):
            continue
        parts += [_escaped(text[done : found.start()]), _link(address)]
        done = found.start() + len(address)
    return _at_block_start("".join([*parts, _escaped(text[done:])]))


def _escaped(text: str) -> str:
    return "".join("\\" + character if character in _ALWAYS else character for character in text)


def _trimmed(address: str) -> str:
    """`address` without what GFM leaves out of a literal's end: closing punctuation, an unmatched `)`."""
    while address:
        last = address[-1]
        category = unicodedata.category(last)
        if last == ")":
            if address.count(")") <= address.count("("):
                break
        elif not (last in _TRAILING or category in ("Pe", "Pf", "Pi") or (category == "Po" and not last.isascii())):
            break
        address = address[:-1]
    return address


def _link(address: str) -> str:
    """A web address as a link: a CommonMark autolink, or for `www.…` a link to http://www.… with that text."""
    target = address.translate(_IN_ADDRESS)
    if target.lower().startswith(("http://", "https://")):
        return f"<{target}>"
    return f"[{_escaped(address)}](<http://{target}>)"


def _at_block_start(escaped: str) -> str:
    """`escaped` with the marker that would open a block at its start (`-`, `1.`) escaped."""
    match = _BLOCK_START.match(escaped)
    if match:
        end = match.end()
        escaped = escaped[: end - 1] + "\\" + escaped[end - 1 :]
    return escaped


# A title that YAML reads as a plain string: starts with a letter, holds no YAML indicators.
_PLAIN = re.compile(r"[^\W\d_][\w .,?!()'’„”-]*", re.UNICODE)


def yaml_string(value: str) -> str:
    """`value` as a YAML scalar: plain when that reads back unchanged, else double-quoted."""
    if _PLAIN.fullmatch(value) and not value.endswith(" ") and yaml.safe_load(value) == value:
        return value
    quoted = json.dumps(value, ensure_ascii=False)  # JSON strings are valid YAML double-quoted scalars
    for character in "\u0085\u2028\u2029":  # line breaks to YAML 1.1 (PyYAML): keep them escaped
        quoted = quoted.replace(character, f"\\u{ord(character):04x}")
    return quoted
