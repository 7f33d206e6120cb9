"""The transfers a register implies, each judged on a date: activity × recipient × location outside the EEA."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.law.rules import Assessment, assess
from ropa.model.activity import Activity
from ropa.model.register import Register
from ropa.model.vocabulary import TransferMechanism

__all__ = ["RegisterTransfer", "register_transfers"]


@dataclass(frozen=True)
class RegisterTransfer:
    """One transfer derived from a register, with Chapter V's verdict on it."""

    activity: str
    """Id of the processing activity."""
    recipient: str
    """Id of the recipient."""
    destination: str
    """Where the data goes: an ISO 3166-1 alpha-2 code or an `IO:` id."""
    mechanisms: tuple[TransferMechanism, ...]
    """The transfer tools the register declares for the recipient, in the register's order."""
    dpf_certified: bool
    """Whether the register marks the recipient as on the Data Privacy Framework List."""
    assessment: Assessment
    """The verdict on the date asked."""


def _active_on(activity: Activity, on: date) -> bool:
    started = activity.created is None or activity.created <= on
    still = activity.ended is None or activity.ended >= on
    return started and still


def register_transfers(register: Register, on: date) -> list[RegisterTransfer]:
    """Every transfer outside the EEA the register implies on `on`, judged on that date.

    In the register's order: activities (those carried out on that date), then each activity's
    recipients, then each recipient's distinct locations. A location inside the EEA on that date
    (basis `intra-eea`) is not a transfer and is left out.
    """
    return [
        transfer
        for activity_id, activity in register.activities.items()
        if _active_on(activity, on)
        for recipient_id in activity.recipients
        for transfer in _transfers_to(register, activity_id, recipient_id, on)
    ]


def _transfers_to(register: Register, activity_id: str, recipient_id: str, on: date) -> list[RegisterTransfer]:
    recipient = register.recipients[recipient_id]
    mechanisms = tuple(dict.fromkeys(recipient.mechanisms))
    certified = recipient.dpf_certified
    verdicts = [
        (
            location,
            assess(
                location,
                on,
                mechanisms=mechanisms,
                dpf_certified=certified,
                outside_adequacy_scope=recipient.outside_adequacy_scope,
                scc_legacy_concluded=recipient.scc_legacy_concluded,
            ),
        )
        for location in dict.fromkeys(recipient.locations)
    ]
    return [
        RegisterTransfer(activity_id, recipient_id, location, mechanisms, certified, verdict)
        for location, verdict in verdicts
        if verdict.basis != "intra-eea"
    ]
