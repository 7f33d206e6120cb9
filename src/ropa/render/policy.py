"""The public policy: the data-sharing section of a privacy policy, as Markdown with YAML front matter.

Facts come from the register; prose comes from a Jinja2 template per language. The register's text
is escaped here, in Python, while the template's context is built (`policy_context`), so a template
only places strings that are already safe: it cannot forget to escape. See `docs/policy.md`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml

from ropa.errors import MissingTemplateError, TemplateError
from ropa.law.facts import legal_facts
from ropa.law.rules import assess
from ropa.model import ActivityRole, Recipient, Register, Text, country_name
from ropa.model.queries import data_received, purposes_disclosed
from ropa.render.lists import distinct, present
from ropa.render.markdown import escape, typeset, yaml_string
from ropa.render.templating import TemplateFailure, TemplateRunner, ropa_runner
from ropa.words import table

__all__ = [
    "TEMPLATE",
    "ControllerView",
    "PolicyContext",
    "PolicyTemplateError",
    "RecipientData",
    "RecipientGroup",
    "ThirdCountry",
    "TransferGround",
    "policy_context",
    "render_policy",
    "third_country_grounds",
]

TEMPLATE = "data-sharing.md.j2"
"""File name of the section's template, inside a folder per language: `<folder>/<lang>/data-sharing.md.j2`."""

GroundKind = Literal["adequacy", "safeguards", "derogation", "none"]


class PolicyTemplateError(TemplateError, ValueError):
    """A policy template failed: any error while rendering (see `ropa.render.templating`), or output without a `title:`."""


# --- The template's context: plain, typed, and every string already escaped -----------------------


@dataclass(frozen=True)
class ControllerView:
    """The controller, as the prose names it."""

    name: str
    """Its name, e.g. `Asociația ONedu`."""
    possessive: str | None
    """`policy.possessive` in the language (e.g. `Asociației ONedu`); None when the register has none."""
    country: str
    """Its country, localized (e.g. `România`)."""


@dataclass(frozen=True)
class RecipientGroup:
    """A recipient category and the names of its recipients, in register order."""

    category: str
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class RecipientData:
    """What one recipient receives in the organisation's own activities, where the register says (`disclosures`)."""

    name: str
    data: tuple[str, ...]
    """Names of the categories of personal data it receives, each once."""
    purposes: tuple[str, ...]
    """Names of the purposes it receives them for."""


@dataclass(frozen=True)
class TransferGround:
    """One ground for transfers to a third country, and the recipients that rely on it there."""

    code: str
    """`adequacy` (a decision that covers the place), `adequacy-dpf`, a mechanism the register declares
    (`scc`, `bcr`, `derogation-49-1-a`, …), or `none`."""
    kind: GroundKind
    """`adequacy` (Art. 45), `safeguards` (Art. 46, 47), `derogation` (Art. 49) or `none` declared."""
    label: str
    """The ground in words, in the language (e.g. `clauzele contractuale standard adoptate de Comisie`)."""
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class ThirdCountry:
    """A place outside the EEA where a recipient processes data, with the grounds of the transfers."""

    code: str
    """ISO 3166-1 alpha-2 code, or `IO:<id>` for an international organisation."""
    name: str
    """Its name, localized."""
    grounds: tuple[TransferGround, ...]


@dataclass(frozen=True)
class PolicyContext:
    """Everything a policy template can use. Every string is escaped Markdown; lists follow the register."""

    lang: str
    """The language being rendered (`ro`, `en`, …)."""
    controller: ControllerView
    sharing_purposes: tuple[str, ...]
    """Names of the purposes some recipient's `shared_for` lists, in the order of `purposes`."""
    recipient_groups: tuple[RecipientGroup, ...]
    """One group per recipient category that has recipients, in the order of `recipient_categories`."""
    recipients_abroad: tuple[str, ...]
    """Names of the recipients that process data outside the controller's country."""
    transfer_reasons: tuple[str, ...]
    """`policy.transfer_reasons`: each purpose's description, or its name when it has none."""
    places: tuple[str, ...]
    """The controller's country, then every place in the recipients' `locations`, first seen first; localized."""
    unlocated_recipients: tuple[str, ...]
    """Names of the recipients whose processing locations the register does not know."""
    third_countries: tuple[ThirdCountry, ...]
    """The places outside the EEA (the controller's own country included), in the order of `places`.
    EEA membership and adequacy decisions come from `ropa.law`'s facts, as of the facts' own date."""
    safeguards_copy: bool
    """True when some transfer rests on Art. 46/47 safeguards: Art. 13(1)(f) then asks how to get a copy."""
    security_measures: tuple[str, ...]
    """Names of the security measures marked `public: true`, in register order."""
    legal_requests: tuple[str, ...]
    """The purposes of the activity `policy.legal_requests`: description, or name; empty when none is set."""
    recipient_data: tuple[RecipientData, ...] = ()
    """For each recipient the organisation's own activities record `disclosures` for, in the order of `recipients`:
    the data it receives and the purposes, across those activities."""


# --- Labels: the grounds for transfers, in the official wording of each language -------------------

_ADEQUACY = "adequacy"
_DPF = "adequacy-dpf"
_NONE = "none"

_GROUND_LABELS: dict[str, dict[str, str]] = table("policy.grounds")
"""The grounds for transfers (catalogue context `policy.grounds`), in the official wording of each language."""


def _ground_label(code: str, lang: str) -> str:
    labels = _GROUND_LABELS[code]
    return labels.get(lang, labels["en"])


def third_country_grounds(
    places: Iterable[str],
    recipients: Sequence[Recipient],
    on: date,
    lang: str,
    safe: Callable[[str], str],
    names: Callable[[list[Recipient]], tuple[str, ...]],
) -> tuple[ThirdCountry, ...]:
    """Each of `places` to which a recipient transfers (Chapter V), with the grounds of its transfers on
    `on` and the `names` of the recipients relying on each: the data-sharing section's and the notice's list."""
    countries = []
    for place in places:
        grounds: dict[str, tuple[GroundKind, list[Recipient]]] = {}
        for recipient in recipients:
            if place in recipient.locations:
                for code, kind in _grounds(recipient, place, on):
                    grounds.setdefault(code, (kind, []))[1].append(recipient)
        if grounds:
            countries.append(
                ThirdCountry(
                    code=place,
                    name=safe(country_name(place, lang)),
                    grounds=tuple(
                        TransferGround(code, kind, safe(_ground_label(code, lang)), names(members))
                        for code, (kind, members) in grounds.items()
                    ),
                )
            )
    return tuple(countries)


def _policy_date(register: Register) -> date:
    """The day the policy's transfer grounds are judged on: the register's own date, else the day the
    legal facts shipped with ropa are stated. Never the clock: the same register gives the same text."""
    return register.updated or legal_facts().as_of


def _grounds(recipient: Recipient, place: str, day: date) -> list[tuple[str, GroundKind]]:
    """The ground for `recipient`'s transfers to `place` on `day`, as the transfer rules judge it
    (`ropa.transfers.assess`), so that the policy and the workbook never disagree. Empty when the
    place is not a third country on that day."""
    mechanisms, certified, outside = recipient.tools_for(place)
    verdict = assess(place, day, mechanisms=mechanisms, dpf_certified=certified, outside_adequacy_scope=outside)
    if verdict.basis == "intra-eea":
        return []
    if verdict.basis == "adequacy":
        if verdict.relied_on:
            return [(mechanism.value, "adequacy") for mechanism in verdict.relied_on]
        return [(_DPF if certified and place == "US" else _ADEQUACY, "adequacy")]
    if verdict.basis in ("safeguards", "derogation"):
        return [(mechanism.value, verdict.basis) for mechanism in verdict.relied_on]
    return [(_NONE, "none")]


# --- Building the context ---------------------------------------------------------------------------


def policy_context(
    register: Register, lang: str, on: date | None = None, *, only: Collection[str] | None = None
) -> PolicyContext:
    """The context a policy template is rendered with: the register's facts, escaped, in `lang`; transfer grounds
    judged on `on` (by default the register's own date, `_policy_date`); with `only`, just those recipients."""
    if lang not in register.languages:
        declared = ", ".join(register.languages)
        raise ValueError(f"language {lang!r} is not declared by the register (it declares {declared})")

    def safe(text: str) -> str:
        return escape(typeset(text, lang))

    def local(text: Text) -> str:
        return safe(text[lang])

    def names(recipients: Iterable[Recipient]) -> tuple[str, ...]:
        return present(safe(recipient.name) for recipient in recipients)

    def purpose_texts(ids: Iterable[str]) -> tuple[str, ...]:
        purposes = (register.purposes[key] for key in ids)
        return present(local(purpose.description or purpose.name) for purpose in purposes)

    controller = register.controller
    # Processor work (Art. 30(2)) is the client controllers' sharing, not the organisation's own: a recipient
    # engaged only in processor activities (a sub-processor) stays out of the organisation's policy.
    processing_for_others = {
        key for a in register.activities.values() if a.role is ActivityRole.PROCESSOR for key in a.recipients
    }
    processing_for_others -= {
        key for a in register.activities.values() if a.role is not ActivityRole.PROCESSOR for key in a.recipients
    }
    recipients = [
        recipient
        for key, recipient in register.recipients.items()
        if key not in processing_for_others and (only is None or key in only)
    ]
    possessive = register.policy.possessive

    # The organisation's own purposes of disclosure: a processor purpose is the client controller's (Art. 28(3)).
    own = [activity for activity in register.activities.values() if activity.role is ActivityRole.CONTROLLER]
    theirs = {k for a in register.activities.values() if a.role is ActivityRole.PROCESSOR for k in a.purposes}
    theirs -= {key for activity in own for key in activity.purposes}  # pursued only as processor
    shared_for = {key for recipient in recipients for key in recipient.shared_for if key not in theirs}
    shared_for |= {key for a in own for d in a.disclosures.values() for key in d.purposes or ()}
    sharing_purposes = present(local(purpose.name) for key, purpose in register.purposes.items() if key in shared_for)
    recipient_data = []
    for key, recipient in register.recipients.items():
        taking = [a for a in own if key in a.recipients]
        if not any(key in a.disclosures for a in taking):
            continue
        data = distinct(c for a in taking for c in data_received(a, key))
        purposes = distinct(p for a in taking for p in purposes_disclosed(a, key))
        recipient_data.append(
            RecipientData(
                name=safe(recipient.name),
                data=present(distinct(local(register.data_categories[c].name) for c in data)),
                purposes=present(distinct(local(register.purposes[p].name) for p in purposes)),
            )
        )

    groups = []
    by_category: dict[str, list[Recipient]] = {}
    for recipient in recipients:  # once, not once per category
        by_category.setdefault(recipient.category, []).append(recipient)
    for key, category in register.recipient_categories.items():
        if key in by_category:
            groups.append(RecipientGroup(local(category), names(by_category[key])))

    places = distinct([controller.country, *(place for recipient in recipients for place in recipient.locations)])

    # The controller's own country too: a controller in a third country still transfers.
    third_countries = third_country_grounds(places, recipients, on or _policy_date(register), lang, safe, names)

    legal_requests: tuple[str, ...] = ()
    if register.policy.legal_requests is not None:
        legal_requests = purpose_texts(register.activities[register.policy.legal_requests].purposes)

    return PolicyContext(
        lang=lang,
        controller=ControllerView(
            name=safe(controller.name),
            possessive=(local(possessive) or None) if possessive is not None else None,
            country=safe(country_name(controller.country, lang)),
        ),
        sharing_purposes=sharing_purposes,
        recipient_groups=tuple(groups),
        recipients_abroad=names(
            recipient for recipient in recipients if any(place != controller.country for place in recipient.locations)
        ),
        transfer_reasons=purpose_texts(register.policy.transfer_reasons),
        places=tuple(safe(country_name(place, lang)) for place in places),
        unlocated_recipients=names(recipient for recipient in recipients if not recipient.locations),
        third_countries=tuple(third_countries),
        safeguards_copy=any(ground.kind == "safeguards" for country in third_countries for ground in country.grounds),
        security_measures=present(
            local(measure.name) for measure in register.security_measures.values() if measure.public
        ),
        legal_requests=legal_requests,
        recipient_data=tuple(recipient_data),
    )


# --- Rendering --------------------------------------------------------------------------------------


def render_policy(register: Register, lang: str, *, templates: Path | None = None, on: date | None = None) -> str:
    """The data-sharing section of the public policy, in `lang`, as Markdown with YAML front matter.

    `templates` is a folder laid out like the defaults, `<folder>/<lang>/data-sharing.md.j2`; by default
    the templates shipped with ropa are used. A folder's templates run sandboxed and bounded
    (`ropa.render.templating`). The text is deterministic, ends with exactly one newline, has `\\n`
    line ends and no trailing spaces. Raises `ValueError` for a language the register does not
    declare, `FileNotFoundError` when there is no template for it, and `PolicyTemplateError` when the
    template fails in any way (naming the template file and line).
    """
    context = policy_context(register, lang, on)
    name = f"{lang}/{TEMPLATE}"
    try:
        runner = _runner(templates, lang)
    except TemplateFailure as error:
        raise PolicyTemplateError(str(error)) from None
    if not runner.exists(name):
        folder = templates if templates is not None else runner.display
        raise MissingTemplateError(f"no policy template for language {lang!r} in {folder}: expected {name}")
    try:
        text = runner.render(name, _variables(context))
    except TemplateFailure as error:
        raise PolicyTemplateError(str(error)) from None
    text = _tidy(text)
    text = typeset(text, lang)
    _check_front_matter(text, f"{runner.display}/{name}")
    return text


def _runner(templates: Path | None, lang: str) -> TemplateRunner:
    runner = ropa_runner("policy", lang, "ropa's default templates") if templates is None else TemplateRunner(templates)
    runner.add_filter("yaml_string", yaml_string)
    return runner


def _variables(context: PolicyContext) -> dict[str, Any]:
    return {field.name: getattr(context, field.name) for field in fields(context)}


def _tidy(text: str) -> str:
    """`\\n` line ends, no trailing spaces, no run of blank lines, exactly one final newline."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).rstrip("\n") + "\n"


_FRONT_MATTER = re.compile(r"---\n(.*?)^---$", re.DOTALL | re.MULTILINE)


def _check_front_matter(text: str, where: str) -> None:
    """The site splits the section with gray-matter and labels its tab with `title`: make sure both work."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise PolicyTemplateError(f"{where}: the output must begin with YAML front matter between '---' lines")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise PolicyTemplateError(f"{where}: the front matter is not valid YAML: {error}") from None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title.strip():
        raise PolicyTemplateError(f"{where}: the front matter must set `title:` to a text (use the yaml_string filter)")
