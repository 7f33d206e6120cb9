"""The documentation says what the code does: the field reference is generated and kept current."""

from __future__ import annotations

import os
import re

from ropa.io import load_text
from tests.conftest import ROOT
from tests.field_reference import END, START, field_reference

REGISTER_FORMAT = ROOT / "docs" / "register-format.md"


def test_the_field_reference_is_current() -> None:
    text = REGISTER_FORMAT.read_text(encoding="utf-8")
    if os.environ.get("ROPA_UPDATE_DOCS"):
        head = text.split(START)[0]
        tail = text.split(END)[1] if END in text else "\n"
        text = head + field_reference() + tail
        REGISTER_FORMAT.write_text(text, encoding="utf-8")
    generated = text[text.index(START) : text.index(END) + len(END)]
    assert generated == field_reference()


def test_the_example_in_the_register_format_is_a_valid_register() -> None:
    text = REGISTER_FORMAT.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server[^\n]*\nformat: 1.*?)```", text, re.DOTALL)
    assert example is not None
    register = load_text(example.group(1))
    assert list(register.activities) == ["donations", "e-register"]
    assert register.recipients["mailer"].dpf_certified
