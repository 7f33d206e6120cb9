"""The public sub-processor list of an organisation that acts as processor (Art. 28(2) and (4)).

A processor publishes the processors it engages for its clients — name, what they do, where, and
the ground of each transfer outside the EEA — so that client controllers can authorise them. The
list is made from the register's processor activities (Art. 30(2)), never its own, and rendered
like a notice section (`ropa.render.notice`), from `templates/subprocessors/<lang>/subprocessors.md.j2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.model import ActivityRole, Register, country_name
from ropa.model.queries import engaged_chain, sub_processors_of
from ropa.render.markdown import escape, typeset, yaml_string
from ropa.render.notice import NoticeTemplateError, Section, _title
from ropa.render.policy import PolicyTemplateError, _check_front_matter, _ground_label, _grounds, _policy_date, _tidy
from ropa.render.subprocessor_feed import feed_entries, notice_words
from ropa.render.templating import TemplateFailure, ropa_runner

__all__ = ["SubProcessor", "render_subprocessors"]

TEMPLATE = "subprocessors.md.j2"


@dataclass(frozen=True)
class SubProcessor:
    """One processor engaged for the clients: every string escaped Markdown."""

    name: str
    legal_entity: str
    service: str
    """Its recipient category, in words."""
    activities: tuple[str, ...]
    """The names of the processor activities it takes part in."""
    places: tuple[str, ...]
    """Where it processes the data, each with the ground of the transfer where it is a third country."""
    engaged_by: str = ""
    """For a sub-processor recorded under its processor (`engaged_by`): that processor's name; it follows it in the list."""


def render_subprocessors(register: Register, lang: str, *, on: date | None = None) -> Section | None:
    """The sub-processor list in `lang`, or None when the organisation carries out no processor activity."""
    if lang not in register.languages:
        raise ValueError(f"language {lang!r} is not declared by the register")
    day = on or _policy_date(register)

    def safe(text: str | None) -> str:
        return escape(typeset(text or "", lang))

    processing = [a for a in register.activities.values() if a.role is ActivityRole.PROCESSOR]
    if not processing:
        return None
    engaged: dict[str, list[str]] = {}
    for activity in processing:
        for key in activity.recipients:
            role = activity.role_of(key, register.recipients[key].role)
            if role.processes_on_our_behalf:  # processor or sub-processor (Art. 28(2), (4))
                engaged.setdefault(key, []).append(safe(activity.name[lang]))
    rows = []
    for key in _down_the_chains(register, engaged):
        # A sub-processor under a processor takes part in what its processor takes part in (Art. 28(4)).
        activities = engaged.get(key) or [
            name for above in engaged_chain(register, key) for name in engaged.get(above, [])
        ]
        recipient = register.recipients[key]
        above = recipient.engaged_by
        places = []
        for place in recipient.locations:
            grounds = [safe(_ground_label(code, lang)) for code, _ in _grounds(recipient, place, day)]
            name = safe(country_name(place, lang))
            places.append(f"{name} ({'; '.join(grounds)})" if grounds else name)
        rows.append(
            SubProcessor(
                name=safe(recipient.name),
                legal_entity=safe(recipient.legal_entity),
                service=safe(register.recipient_categories[recipient.category][lang]),
                activities=tuple(dict.fromkeys(activities)),
                places=tuple(places),
                engaged_by=safe(register.recipients[above].name) if above is not None else "",
            )
        )
    runner = ropa_runner("subprocessors", lang, "ropa's templates")
    runner.add_filter("yaml_string", yaml_string)
    name = f"{lang}/{TEMPLATE}"
    try:
        # The dated change log (Art. 28(2)), newest first, as the feeds state it.
        changes = tuple((safe(e.title), safe(e.dates)) for e in feed_entries(register, lang))
        context = {"controller": safe(register.controller.name), "subprocessors": tuple(rows), "changes": changes}
        text = runner.render(name, {**context, "notice": safe(notice_words(register, lang))})
        text = typeset(_tidy(text), lang)
        _check_front_matter(text, name)
    except (TemplateFailure, PolicyTemplateError) as error:
        raise NoticeTemplateError(str(error)) from None
    return Section(name="subprocessors", title=_title(text), text=text)


def _down_the_chains(register: Register, engaged: dict[str, list[str]]) -> list[str]:
    """The engaged recipients, each followed by the sub-processors recorded under it, depth first."""
    order: list[str] = []

    def visit(key: str) -> None:
        if key in order:
            return
        order.append(key)
        for below in sub_processors_of(register, key):
            visit(below)

    for key in engaged:
        above = register.recipients[key].engaged_by
        if above is None or (above not in engaged and not set(engaged_chain(register, key)) & set(engaged)):
            visit(key)
    for key in engaged:  # what is under an engaged processor was visited with it; any other, last
        visit(key)
    return order
