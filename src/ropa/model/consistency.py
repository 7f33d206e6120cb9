"""The register's own consistency: references resolve, texts carry every language, the law's must-haves.

These are the problems that make a register invalid. What is merely incomplete or risky is a
finding of `ropa.checks`, not an inconsistency.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ropa.model.base import texts_in
from ropa.model.vocabulary import ActivityRole, LegalBasis

if TYPE_CHECKING:
    from ropa.model.register import Register

__all__ = ["Inconsistency", "Path", "format_path", "inconsistencies"]

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """`activities.donations.purposes[2]` for `("activities", "donations", "purposes", 2)`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(register)"


@dataclass(frozen=True)
class Inconsistency:
    """A problem inside a register: where it is, and what is wrong."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


def inconsistencies(register: Register) -> list[Inconsistency]:
    """Every inconsistency of `register`, in the order of the file."""
    return [
        *_languages(register),
        *_recipient_references(register),
        *_activity_references(register),
        *_policy_references(register),
        *_purposes_complete(register),
        *_special_data_conditions(register),
        *_recipient_roles(register),
        *_transfer_tools(register),
        *_grain(register),
        *_sub_processor_chains(register),
        *_further_legal_bases(register),
        *_subprocessor_changes(register),
    ]


# "Did you mean" compares a wrong id with every known one. Beyond this many known ids it only looks
# at those sharing the wrong id's first letter, so that thousands of wrong ids in a large register
# cost thousands of comparisons, not millions.
_SUGGEST_AMONG = 500


def _unknown(path: Path, kind: str, wanted: str, known: Iterable[str]) -> Inconsistency:
    message = f"unknown {kind} {wanted!r}"
    candidates = list(known)
    if len(candidates) > _SUGGEST_AMONG:
        candidates = [key for key in candidates if key[:1] == wanted[:1]][:_SUGGEST_AMONG]
    close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean {close[0]!r}?"
    return Inconsistency(path, message)


def _references(path: Path, ids: Sequence[str], kind: str, known: Mapping[str, object]) -> Iterator[Inconsistency]:
    seen: set[str] = set()
    for index, wanted in enumerate(ids):
        if wanted in seen:
            yield Inconsistency((*path, index), f"{kind} {wanted!r} is listed twice")
        seen.add(wanted)
        if wanted not in known:
            yield _unknown((*path, index), kind, wanted, known)


def _languages(register: Register) -> Iterator[Inconsistency]:
    declared = register.languages
    for path, text in texts_in(register):
        present = text.languages()
        missing = [language for language in declared if language not in present]
        extra = [language for language in present if language not in declared]
        if missing:
            yield Inconsistency(
                path, f"missing the text in {', '.join(missing)} (the register declares {', '.join(declared)})"
            )
        if extra:
            yield Inconsistency(path, f"text in undeclared language {', '.join(extra)} (declare it in `languages`)")


def _recipient_references(register: Register) -> Iterator[Inconsistency]:
    for key, recipient in register.recipients.items():
        path: Path = ("recipients", key)
        if recipient.category not in register.recipient_categories:
            yield _unknown((*path, "category"), "recipient category", recipient.category, register.recipient_categories)
        yield from _references((*path, "shared_for"), recipient.shared_for, "purpose", register.purposes)


def _activity_references(register: Register) -> Iterator[Inconsistency]:
    for key, activity in register.activities.items():
        path: Path = ("activities", key)
        yield from _references((*path, "purposes"), activity.purposes, "purpose", register.purposes)
        yield from _references(
            (*path, "data_subjects"), activity.data_subjects, "data subject category", register.data_subjects
        )
        yield from _references(
            (*path, "data_categories"), activity.data_categories, "data category", register.data_categories
        )
        yield from _references((*path, "recipients"), activity.recipients, "recipient", register.recipients)
        yield from _references(
            (*path, "security_measures"), activity.security_measures, "security measure", register.security_measures
        )
        yield from _references(
            (*path, "on_behalf_of"), activity.on_behalf_of, "client controller", register.client_controllers
        )
        for index, rule in enumerate(activity.retention):
            rule_path = (*path, "retention", index, "data")
            for position, category in enumerate(rule.data):
                if category not in register.data_categories:
                    yield _unknown((*rule_path, position), "data category", category, register.data_categories)
                elif category not in activity.data_categories:
                    yield Inconsistency(
                        (*rule_path, position),
                        f"data category {category!r} is not among the activity's data_categories",
                    )
        if activity.role is ActivityRole.PROCESSOR and not activity.on_behalf_of:
            yield Inconsistency(
                (*path, "on_behalf_of"), "a processor activity must name the controllers it acts for (Art. 30(2)(a))"
            )
        if activity.role is ActivityRole.CONTROLLER and activity.on_behalf_of:
            yield Inconsistency(
                (*path, "on_behalf_of"), "only an activity with `role: processor` acts on behalf of another controller"
            )


def _policy_references(register: Register) -> Iterator[Inconsistency]:
    policy = register.policy
    yield from _references(("policy", "transfer_reasons"), policy.transfer_reasons, "purpose", register.purposes)
    for key, cookie in register.cookies.items():
        if cookie.recipient is not None and cookie.recipient not in register.recipients:
            yield _unknown(("cookies", key, "recipient"), "recipient", cookie.recipient, register.recipients)
    if policy.legal_requests is not None and policy.legal_requests not in register.activities:
        yield _unknown(("policy", "legal_requests"), "activity", policy.legal_requests, register.activities)


def _purposes_complete(register: Register) -> Iterator[Inconsistency]:
    # A purpose pursued as processor is the client controller's, whose basis it is (Art. 28(3), 30(2)):
    # only a purpose of the organisation's own activities needs an Art. 6(1) basis of its own.
    own = {
        purpose
        for activity in register.activities.values()
        if activity.role is ActivityRole.CONTROLLER
        for purpose in activity.purposes
    }
    for key, purpose in register.purposes.items():
        if purpose.legal_basis is None and key in own:
            yield Inconsistency(
                ("purposes", key, "legal_basis"),
                "a purpose of the organisation's own activities needs its lawful basis (Art. 6(1), Art. 30(1)(b))",
            )
        if purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS and purpose.legitimate_interest is None:
            yield Inconsistency(
                ("purposes", key, "legitimate_interest"),
                "a purpose resting on legitimate interests must state the interest pursued (Art. 6(1)(f), Art. 13(1)(d))",
            )


def _special_data_conditions(register: Register) -> Iterator[Inconsistency]:
    for key, activity in register.activities.items():
        if activity.role is ActivityRole.PROCESSOR or activity.special_condition is not None:
            # As processor, the Art. 9(2) condition is the client controller's to rely on.
            continue
        special = [
            category
            for category in activity.data_categories
            if category in register.data_categories and register.data_categories[category].special is not None
        ]
        if not special:
            continue
        conditions = [
            register.purposes[purpose].special_condition
            for purpose in activity.purposes
            if purpose in register.purposes and register.purposes[purpose].special_condition is not None
        ]
        if not conditions:
            yield Inconsistency(
                ("activities", key, "purposes"),
                f"special categories of data ({', '.join(special)}) need an Art. 9(2) condition for this activity: "
                "give the activity a `special_condition`, or one of its purposes",
            )


def _recipient_roles(register: Register) -> Iterator[Inconsistency]:
    for key, activity in register.activities.items():
        for recipient in activity.recipient_roles:
            if recipient not in activity.recipients:
                yield Inconsistency(
                    ("activities", key, "recipient_roles", recipient),
                    f"recipient {recipient!r} is not among the activity's recipients",
                )


def _transfer_tools(register: Register) -> Iterator[Inconsistency]:
    for key, recipient in register.recipients.items():
        for place in recipient.transfers:
            if place not in recipient.locations:
                yield Inconsistency(
                    ("recipients", key, "transfers", place),
                    f"{place} is not among the recipient's `locations` ({', '.join(recipient.locations) or 'none'})",
                )


# --- Who gets what: the grain inside an activity (docs/register-format.md) --------------------------


def _within(
    path: Path, ids: Sequence[str] | KeysView[str], kind: str, activity_ids: Sequence[str], known: Mapping[str, object]
) -> Iterator[Inconsistency]:
    """The ids of the list at `path` (or the keys of the mapping there) must be known to the register and
    among the activity's own `activity_ids`."""
    for index, wanted in enumerate(ids):
        where = (*path, wanted if isinstance(ids, KeysView) else index)
        if wanted not in known:
            yield _unknown(where, kind, wanted, activity_ids)
        elif wanted not in activity_ids:
            yield Inconsistency(where, f"{kind} {wanted!r} is not among the activity's {_FIELDS[kind]}")


_FIELDS = {
    "data subject category": "data_subjects",
    "data category": "data_categories",
    "recipient": "recipients",
    "purpose": "purposes",
}


def _grain(register: Register) -> Iterator[Inconsistency]:
    for key, activity in register.activities.items():
        path: Path = ("activities", key)
        yield from _within(
            (*path, "subject_data"),
            activity.subject_data.keys(),
            "data subject category",
            activity.data_subjects,
            register.data_subjects,
        )
        yield from _within(
            (*path, "disclosures"), activity.disclosures.keys(), "recipient", activity.recipients, register.recipients
        )
        for subject, data in activity.subject_data.items():
            yield from _within(
                (*path, "subject_data", subject),
                data,
                "data category",
                activity.data_categories,
                register.data_categories,
            )
        for recipient, disclosure in activity.disclosures.items():
            yield from _within(
                (*path, "disclosures", recipient, "data"),
                disclosure.data or [],
                "data category",
                activity.data_categories,
                register.data_categories,
            )
            yield from _within(
                (*path, "disclosures", recipient, "purposes"),
                disclosure.purposes or [],
                "purpose",
                activity.purposes,
                register.purposes,
            )
        for index, source in enumerate(activity.data_sources):
            yield from _within(
                (*path, "data_sources", index, "data"),
                source.data,
                "data category",
                activity.data_categories,
                register.data_categories,
            )


def _sub_processor_chains(register: Register) -> Iterator[Inconsistency]:
    for key, recipient in register.recipients.items():
        if recipient.engaged_by is None:
            continue
        path: Path = ("recipients", key, "engaged_by")
        if recipient.engaged_by not in register.recipients:
            yield _unknown(path, "recipient", recipient.engaged_by, register.recipients)
            continue
        seen = [key]
        upward: str | None = recipient.engaged_by
        while upward is not None and upward in register.recipients:
            if upward in seen:
                yield Inconsistency(
                    path, f"the chain of processors comes back to itself: {' -> '.join([*seen, upward])}"
                )
                break
            seen.append(upward)
            upward = register.recipients[upward].engaged_by


def _further_legal_bases(register: Register) -> Iterator[Inconsistency]:
    for key, purpose in register.purposes.items():
        path: Path = ("purposes", key, "further_legal_bases")
        if purpose.further_legal_bases and purpose.legal_basis is None:
            yield Inconsistency(path, "further legal bases need a `legal_basis` first")
        seen = [purpose.legal_basis]
        for index, basis in enumerate(purpose.further_legal_bases):
            if basis in seen:
                yield Inconsistency((*path, index), f"legal basis {basis.value!r} is given twice")
            seen.append(basis)


def _subprocessor_changes(register: Register) -> Iterator[Inconsistency]:
    for index, change in enumerate(register.history):
        named = change.subprocessor
        # A sub-processor no longer recorded is named in `name` instead.
        if named is None or named.recipient is None or named.name is not None:
            continue
        if named.recipient not in register.recipients:
            yield _unknown(
                ("history", index, "subprocessor", "recipient"), "recipient", named.recipient, register.recipients
            )
