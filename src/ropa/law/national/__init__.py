"""National rules beside the GDPR, applied by the controller's country: one module per country ropa knows.

The GDPR applies to every register; a country's own law (in Romania Law 190/2018) applies only when
the controller is established there. Each module gives a `NationalLaw`: the findings its rules raise,
whether it treats the controller as a public body, and the workbook labels that cite it. To add a
country: a module beside `ro.py`, and its law in `_LAWS`. This package imports `model` and `law` only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ropa.law.wording import Localized
from ropa.model.controller import Controller
from ropa.model.register import Register

__all__ = ["NationalFinding", "NationalLaw", "national_law"]


@dataclass(frozen=True)
class NationalFinding:
    """A finding under national law: its code (listed in `ropa.checks.CODES`), where, and why: the key of its
    message (context `findings` of the catalogues) and the message's parameters."""

    code: str
    path: tuple[str | int, ...]
    key: str
    params: tuple[tuple[str, str | int], ...] = ()


def _no_findings(register: Register) -> Iterator[NationalFinding]:
    return iter(())


def _not_a_public_body(controller: Controller) -> bool | None:
    return False


@dataclass(frozen=True)
class NationalLaw:
    """What one country's law adds to the GDPR for a controller established there."""

    country: str
    """ISO 3166-1 alpha-2 code of the country."""
    name: Localized
    """The act, as findings and labels cite it."""
    findings: Callable[[Register], Iterator[NationalFinding]] = _no_findings
    """The findings its rules raise about a register."""
    public_body: Callable[[Controller], bool | None] = _not_a_public_body
    """Whether it treats the controller as a public body (Art. 37(1)(a)); None when the register does not say."""
    asks_public_utility: Callable[[Controller], bool] = lambda controller: False
    """Whether the record states the controller's public-utility status (a row of the workbook)."""
    labels: Mapping[str, Localized] = field(default_factory=dict)
    """Workbook labels that cite it, by key (`public_utility`, `national_id`)."""


def national_law(register: Register) -> NationalLaw | None:
    """The national law that applies beside the GDPR, by the controller's country; None where ropa knows none."""
    from ropa.law.national import ro

    laws = {law.country: law for law in (ro.ROMANIA,)}
    return laws.get(register.controller.country)
