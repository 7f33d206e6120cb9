"""Questions every output asks of a register, answered once: who gets what, for what, from where, and when.

Inside an activity the register may say which data concern which data subjects (`subject_data`), which
data and purposes go to which recipient (`disclosures`) and where each datum comes from (`data_sources`).
Where it does not, the activity means what Art. 30 lets it mean: every subject with every category, every
recipient with every category and purpose. Every answer follows the register's order and names each id once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ropa.model.activity import Activity
from ropa.model.base import Text
from ropa.model.register import Register
from ropa.model.vocabulary import ActivityRole

__all__ = [
    "activities_by_recipient",
    "activities_of_recipient",
    "categories_of_subject",
    "data_received",
    "engaged_below",
    "engaged_chain",
    "group_members",
    "is_running",
    "purposes_disclosed",
    "recipients_by_purpose",
    "recipients_for_purpose",
    "sources_of",
    "sub_processors_of",
    "subjects_of_category",
]


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def is_running(activity: Activity, on: date) -> bool:
    """True when `activity` is carried out on `on`: created by then (or undated), and not ended before."""
    started = activity.created is None or activity.created <= on
    return started and (activity.ended is None or activity.ended >= on)


def categories_of_subject(activity: Activity, subject: str) -> tuple[str, ...]:
    """Ids of the activity's data categories that concern `subject` (none when it is not one of its subjects)."""
    if subject not in activity.data_subjects:
        return ()
    wanted = activity.subject_data.get(subject)
    if wanted is None:
        return _distinct(activity.data_categories)
    return _distinct(key for key in activity.data_categories if key in wanted)


def subjects_of_category(activity: Activity, category: str) -> tuple[str, ...]:
    """Ids of the activity's data subjects that `category` concerns."""
    return _distinct(
        subject for subject in activity.data_subjects if category in categories_of_subject(activity, subject)
    )


def data_received(activity: Activity, recipient: str) -> tuple[str, ...]:
    """Ids of the activity's data categories that go to `recipient` (none when it is not one of its recipients)."""
    return _disclosed(activity, recipient, "data", activity.data_categories)


def purposes_disclosed(activity: Activity, recipient: str) -> tuple[str, ...]:
    """Ids of the activity's purposes for which its data go to `recipient`."""
    return _disclosed(activity, recipient, "purposes", activity.purposes)


def _disclosed(activity: Activity, recipient: str, part: str, every: list[str]) -> tuple[str, ...]:
    if recipient not in activity.recipients:
        return ()
    disclosure = activity.disclosures.get(recipient)
    chosen: list[str] | None = None if disclosure is None else getattr(disclosure, part)
    return _distinct(key for key in every if chosen is None or key in chosen)


def activities_of_recipient(
    register: Register, recipient: str, *, role: ActivityRole | None = None
) -> dict[str, Activity]:
    """The activities whose data go to `recipient`, by id; only those carried out in `role` when one is given."""
    return {
        key: activity
        for key, activity in register.activities.items()
        if recipient in activity.recipients and (role is None or activity.role is role)
    }


def activities_by_recipient(register: Register) -> dict[str, tuple[str, ...]]:
    """For each recipient that some activity discloses data to, the ids of those activities, in register order:
    `activities_of_recipient` for every recipient at once, in one pass (for outputs that list them all)."""
    index: dict[str, list[str]] = {}
    for key, activity in register.activities.items():
        for recipient in dict.fromkeys(activity.recipients):
            index.setdefault(recipient, []).append(key)
    return {recipient: tuple(keys) for recipient, keys in index.items()}


def recipients_by_purpose(register: Register, *, role: ActivityRole | None = None) -> dict[str, tuple[str, ...]]:
    """For each purpose, the ids of the recipients data are shared with for it, in the order of `recipients`: those
    whose `shared_for` names it, and those an activity's `disclosures` give it to (of activities carried out in
    `role`, when one is given: then `shared_for` counts only for a purpose of such an activity)."""
    chosen = [a for a in register.activities.values() if role is None or a.role is role]
    own = {key for activity in chosen for key in activity.purposes}
    found: dict[str, set[str]] = {}
    for key, recipient in register.recipients.items():
        for purpose in recipient.shared_for:
            if role is None or purpose in own:
                found.setdefault(purpose, set()).add(key)
    for activity in chosen:
        for key, disclosure in activity.disclosures.items():
            for purpose in disclosure.purposes or ():
                found.setdefault(purpose, set()).add(key)
    order = list(register.recipients)
    return {purpose: tuple(sorted(keys, key=order.index)) for purpose, keys in found.items()}


def recipients_for_purpose(register: Register, purpose: str, *, role: ActivityRole | None = None) -> tuple[str, ...]:
    """Ids of the recipients data are shared with for `purpose` (see `recipients_by_purpose`)."""
    return recipients_by_purpose(register, role=role).get(purpose, ())


def sources_of(activity: Activity, categories: Iterable[str]) -> tuple[Text, ...]:
    """Where `categories` of the activity come from (Art. 14(2)(f)): each `data_sources` entry that brings one
    of them, and the activity's `source` when one of them is in no entry and it has one (without `data_sources`,
    its `source` for every category)."""
    if not activity.data_sources:
        return () if activity.source is None else (activity.source,)
    wanted = set(categories)
    found: list[Text] = []
    for entry in activity.data_sources:
        if wanted & set(entry.data) and entry.source not in found:
            found.append(entry.source)
    listed = {key for entry in activity.data_sources for key in entry.data}
    if activity.source is not None and wanted - listed and activity.source not in found:
        found.append(activity.source)
    return tuple(found)


def sub_processors_of(register: Register, processor: str) -> tuple[str, ...]:
    """Ids of the recipients recorded as `engaged_by` `processor`, in the order of `recipients`."""
    return tuple(key for key, recipient in register.recipients.items() if recipient.engaged_by == processor)


def engaged_below(register: Register, processor: str) -> tuple[tuple[str, str], ...]:
    """(sub-processor, the processor that engaged it) for every recipient down the chains under `processor`,
    nearest first: its data reach them too (Art. 28(4))."""
    found: list[tuple[str, str]] = []
    seen = {processor}
    above = [processor]
    while above:
        below = [(key, upper) for upper in above for key in sub_processors_of(register, upper) if key not in seen]
        seen.update(key for key, _ in below)
        found.extend(below)
        above = [key for key, _ in below]
    return tuple(found)


def engaged_chain(register: Register, recipient: str) -> tuple[str, ...]:
    """The processors above `recipient`, nearest first: who engaged it, who engaged that one, and so on."""
    chain: list[str] = []
    upward = register.recipients[recipient].engaged_by
    while upward is not None and upward in register.recipients and upward not in chain and upward != recipient:
        chain.append(upward)
        upward = register.recipients[upward].engaged_by
    return tuple(chain)


def group_members(register: Register, group: str) -> tuple[str, ...]:
    """Ids of the recipients that belong to the company `group` (e.g. every Google service), in register order."""
    return tuple(key for key, recipient in register.recipients.items() if recipient.group == group)
