"""Hypothesis strategies for valid registers: every reference resolves, every text in every language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from hypothesis import strategies as st

from ropa.model import (
    ActivityRole,
    CookieCategory,
    LegalBasis,
    RecipientRole,
    Register,
    SecurityPoint,
    SpecialCategory,
    SpecialCondition,
    TransferMechanism,
)
from ropa.model.base import WRITTEN_LANGUAGES

__all__ = ["ids", "registers", "texts"]

_LANGUAGES = WRITTEN_LANGUAGES
_COUNTRIES = ("RO", "IE", "DE", "FR", "NO", "US", "GB", "CH", "JP", "CA", "BR", "IN", "CN", "AU", "KR")
_PLACES = (*_COUNTRIES, "IO:EPO")

Draw = Any  # hypothesis' draw function


def ids() -> st.SearchStrategy[str]:
    """Kebab-case ids, as a register's collections are keyed."""
    return st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)


def _words() -> st.SearchStrategy[str]:
    # Any text a person might type, Markdown and HTML characters included; no lone surrogates,
    # which cannot be written as UTF-8 at all, and no control or invisible format characters,
    # which the loader refuses (`ropa.io.screening`); tabs and newlines are kept.
    characters = st.characters(exclude_categories=["Cs", "Cc", "Cf", "Zl", "Zp"], include_characters="\t\n")
    return st.text(characters, min_size=1, max_size=24)


def texts(languages: Sequence[str]) -> st.SearchStrategy[dict[str, str]]:
    """A localized text (as register data) with one entry per language."""
    return st.fixed_dictionaries({language: _words() for language in languages})


def _keyed(draw: Draw, make: st.SearchStrategy[Any], *, max_size: int, min_size: int = 0) -> dict[str, Any]:
    keys = draw(st.lists(ids(), min_size=min_size, max_size=max_size, unique=True))
    return {key: draw(make) for key in keys}


def _subset(draw: Draw, keys: Sequence[str], *, min_size: int = 0) -> list[str]:
    if not keys:
        return []
    chosen: list[str] = draw(
        st.lists(st.sampled_from(list(keys)), min_size=min(min_size, len(keys)), max_size=4, unique=True)
    )
    return chosen


@st.composite
def _purpose(draw: Draw, languages: Sequence[str]) -> dict[str, Any]:
    basis = draw(st.sampled_from(list(LegalBasis)))
    purpose: dict[str, Any] = {"name": draw(texts(languages)), "legal_basis": basis.value}
    if basis is LegalBasis.LEGITIMATE_INTERESTS:
        purpose["legitimate_interest"] = draw(texts(languages))
    if draw(st.booleans()):
        purpose["special_condition"] = draw(st.sampled_from(list(SpecialCondition))).value
    if draw(st.booleans()):
        purpose["description"] = draw(texts(languages))
    if draw(st.booleans()):
        purpose["requirement"] = draw(texts(languages))
    if draw(st.booleans()):  # issue 21: more bases, the law behind (c)/(e), internal notes
        others = [b.value for b in LegalBasis if b is not basis]
        purpose["further_legal_bases"] = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
        purpose["law"] = {"text": draw(texts(languages)), "country": draw(st.sampled_from(["EU", *_COUNTRIES]))}
        purpose["notes"] = draw(_words())
    return purpose


@st.composite
def _recipient(draw: Draw, categories: Sequence[str], purposes: Sequence[str]) -> dict[str, Any]:
    recipient: dict[str, Any] = {
        "name": draw(_words()),
        "category": draw(st.sampled_from(list(categories))),
        "role": draw(st.sampled_from(list(RecipientRole))).value,
        "locations": draw(st.lists(st.sampled_from(_PLACES), max_size=3, unique=True)),
        "mechanisms": [
            m.value for m in draw(st.lists(st.sampled_from(list(TransferMechanism)), max_size=3, unique=True))
        ],
        "dpf_certified": draw(st.booleans()),
        "shared_for": _subset(draw, purposes),
    }
    if draw(st.booleans()):
        recipient["country"] = draw(st.sampled_from(_COUNTRIES))
    if draw(st.booleans()):
        recipient["legal_entity"] = draw(_words())
    if recipient["locations"] and draw(st.booleans()):
        # Transfer tools for some destinations, where they differ from the recipient's own.
        tools = st.fixed_dictionaries(
            {},
            optional={
                "dpf_certified": st.booleans(),
                "mechanisms": st.lists(st.sampled_from([m.value for m in TransferMechanism]), max_size=2, unique=True),
            },
        )
        places = _subset(draw, recipient["locations"], min_size=1)
        recipient["transfers"] = {place: draw(tools) for place in places}
    if draw(st.booleans()):
        recipient["subject_to_gdpr"] = True
    return recipient


@st.composite
def _activity(draw: Draw, languages: Sequence[str], collections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    purposes = _subset(draw, list(collections["purposes"]))
    conditioned = any(collections["purposes"][key].get("special_condition") for key in purposes)
    categories = [
        key
        for key in _subset(draw, list(collections["data_categories"]))
        if conditioned or "special" not in collections["data_categories"][key]
    ]
    clients = list(collections["client_controllers"])
    role = ActivityRole.PROCESSOR if clients and draw(st.booleans()) else ActivityRole.CONTROLLER
    activity: dict[str, Any] = {
        "name": draw(texts(languages)),
        "role": role.value,
        "purposes": purposes,
        "data_subjects": _subset(draw, list(collections["data_subjects"])),
        "data_categories": categories,
        "recipients": _subset(draw, list(collections["recipients"])),
        "security_measures": _subset(draw, list(collections["security_measures"])),
    }
    if role is ActivityRole.PROCESSOR:
        activity["on_behalf_of"] = _subset(draw, clients, min_size=1)
    if activity["recipients"] and draw(st.booleans()):
        chosen = _subset(draw, activity["recipients"], min_size=1)
        activity["recipient_roles"] = {key: draw(st.sampled_from(list(RecipientRole))).value for key in chosen}
    if categories and draw(st.booleans()):
        rule: dict[str, Any] = {"data": _subset(draw, categories, min_size=1)}
        if draw(st.booleans()):
            rule["period"] = draw(st.sampled_from(["P10Y", "P6M", "P30D", "P1Y6M", "P2W"]))
        else:
            rule["criteria"] = draw(texts(languages))
        activity["retention"] = [rule]
    if draw(st.booleans()):
        activity.update(_grain(draw, languages, activity))
    return activity


def _grain(draw: Draw, languages: Sequence[str], activity: dict[str, Any]) -> dict[str, Any]:
    """Who gets what inside the activity (issue 21): which data concern whom, go to whom, come from where."""
    categories, purposes = activity["data_categories"], activity["purposes"]
    grain: dict[str, Any] = {"notes": draw(_words())}
    if activity["data_subjects"]:
        chosen = _subset(draw, activity["data_subjects"])
        grain["subject_data"] = {key: _subset(draw, categories) for key in chosen}
    if activity["recipients"]:
        disclosures: dict[str, Any] = {}
        for key in _subset(draw, activity["recipients"]):
            disclosures[key] = {}
            if draw(st.booleans()):
                disclosures[key]["data"] = _subset(draw, categories)
            if draw(st.booleans()):
                disclosures[key]["purposes"] = _subset(draw, purposes)
        grain["disclosures"] = disclosures
    if categories and draw(st.booleans()):
        grain["data_sources"] = [{"data": _subset(draw, categories, min_size=1), "source": draw(texts(languages))}]
    return grain


@st.composite
def registers(draw: Draw, *, languages: Sequence[str] | None = None) -> Register:
    """Valid registers, small but using every kind of record; `languages` fixes the declared languages."""
    declared = (
        list(languages)
        if languages
        else draw(st.lists(st.sampled_from(_LANGUAGES), min_size=1, max_size=3, unique=True))
    )
    collections: dict[str, dict[str, Any]] = {}
    client = st.fixed_dictionaries(
        {"name": _words()},
        optional={
            "country": st.sampled_from(_COUNTRIES),
            "mechanisms": st.lists(st.sampled_from([m.value for m in TransferMechanism]), max_size=2, unique=True),
        },
    )
    collections["client_controllers"] = _keyed(draw, client, max_size=2)
    collections["data_subjects"] = _keyed(
        draw, st.fixed_dictionaries({"name": texts(declared), "children": st.booleans()}), max_size=3
    )
    special: st.SearchStrategy[dict[str, str]] = st.one_of(
        st.just({}), st.sampled_from(list(SpecialCategory)).map(lambda c: {"special": c.value})
    )
    collections["data_categories"] = _keyed(
        draw, st.tuples(texts(declared), special).map(lambda pair: {"name": pair[0], **pair[1]}), max_size=4
    )
    collections["purposes"] = _keyed(draw, _purpose(declared), max_size=4)
    collections["recipient_categories"] = _keyed(draw, texts(declared), min_size=1, max_size=3)
    collections["recipients"] = _keyed(
        draw, _recipient(list(collections["recipient_categories"]), list(collections["purposes"])), max_size=4
    )
    measure = st.fixed_dictionaries(
        {"name": texts(declared), "point": st.sampled_from([p.value for p in SecurityPoint]), "public": st.booleans()}
    )
    recipient_keys = list(collections["recipients"])
    for index, key in enumerate(recipient_keys):  # issue 21: groups, and chains to an earlier recipient only
        if draw(st.booleans()):
            collections["recipients"][key]["group"] = draw(_words())
        if index and draw(st.booleans()):
            collections["recipients"][key]["engaged_by"] = draw(st.sampled_from(recipient_keys[:index]))
    collections["security_measures"] = _keyed(draw, measure, max_size=3)
    collections["activities"] = _keyed(draw, _activity(declared, collections), max_size=4)
    cookie = st.fixed_dictionaries(
        {
            "name": _words(),
            "purpose": texts(declared),
            "lifetime": texts(declared),
            "category": st.sampled_from([c.value for c in CookieCategory]),
            "consent": st.booleans(),
        },
        optional={"recipient": st.sampled_from(list(collections["recipients"]))} if collections["recipients"] else {},
    )
    collections["cookies"] = _keyed(draw, cookie, max_size=2)
    change = st.fixed_dictionaries(
        {"date": st.dates(date(2018, 5, 25), date(2030, 12, 31)).map(date.isoformat), "change": texts(declared)}
    )
    history = draw(st.lists(change, max_size=2))
    data = {
        "format": 1,
        "languages": declared,
        "controller": {"name": draw(_words()), "country": draw(st.sampled_from(_COUNTRIES))},
        **collections,
        "history": history,
    }
    return Register.model_validate(data)
