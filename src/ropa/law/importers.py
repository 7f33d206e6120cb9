"""Facts about a transfer's importer that qualify a verdict without changing it (`importers.yaml`).

Today one: an importer whose processing is itself subject to the GDPR under Art. 3(2). The transfer
is still judged by the Chapter V rules; the verdict carries this caveat beside it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from ropa.law.facts import Fact, Text
from ropa.law.wording import Localized

__all__ = ["ImporterCaveat", "art_3_2_caveat"]


class ImporterCaveat(Fact):
    """A caveat on a transfer, with the reference it rests on: English here, every language in the catalogues."""

    reference: Text
    caveat: Text

    @property
    def text(self) -> Localized:
        return Localized.message("facts", self.caveat)

    @property
    def source(self) -> Localized:
        return Localized.message("facts", self.reference)


class _ImporterFacts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    art_3_2_importer: ImporterCaveat


@cache
def _facts() -> _ImporterFacts:
    text = resources.files("ropa.law").joinpath("importers.yaml").read_text(encoding="utf-8")
    return _ImporterFacts.model_validate(yaml.safe_load(text))


def art_3_2_caveat() -> ImporterCaveat:
    """The caveat on a transfer to an importer subject to the GDPR under Art. 3(2)."""
    return _facts().art_3_2_importer
