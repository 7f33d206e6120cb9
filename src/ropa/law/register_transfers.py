"""The transfers a register implies, each judged on a date: activity × importer × place outside the EEA.

An importer is a recipient of the activity, in each of its processing locations; or, for an activity
carried out as processor, the client controller it is carried out for, when that controller is
established outside the EEA (the return flow, SCC Module 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ropa._boundary import a_date, a_register
from ropa.law.rules import Assessment, assess
from ropa.model.queries import engaged_below, is_running
from ropa.model.register import Register
from ropa.model.vocabulary import ActivityRole, RecipientRole, TransferMechanism

__all__ = ["Exporter", "RegisterTransfer", "exporter_name", "importer_name", "register_transfers"]


class Exporter(StrEnum):
    """Who makes a transfer: the organisation as controller, or as processor for a client controller."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


@dataclass(frozen=True)
class RegisterTransfer:
    """One transfer derived from a register, with Chapter V's verdict on it."""

    activity: str
    """Id of the processing activity."""
    recipient: str
    """Id of the importer: a recipient, or a client controller when `to_client_controller`."""
    destination: str
    """Where the data goes: an ISO 3166-1 alpha-2 code or an `IO:` id."""
    mechanisms: tuple[TransferMechanism, ...]
    """The transfer tools the register declares for this importer and destination, in the register's order."""
    dpf_certified: bool
    """Whether the register marks the importer as on the Data Privacy Framework List (for this destination)."""
    assessment: Assessment
    """The verdict on the date asked."""
    exporter: Exporter = Exporter.CONTROLLER
    """Who exports: the organisation as controller (Art. 30(1)(e)) or as processor (Art. 30(2)(c))."""
    role: RecipientRole | None = None
    """The importer's role in this activity; empty for a client controller."""
    to_client_controller: bool = False
    """True for the return flow from the organisation as processor to the client controller it acts for."""
    scc_module: int | None = None
    """The module of the 2021 standard contractual clauses that fits these parties (1 C2C, 2 C2P, 3 P2P, 4 P2C), when `scc` is declared."""
    importer_subject_to_gdpr: bool = False
    """True when the importer's processing is itself subject to the GDPR under Art. 3(2) (see `ropa.law.importers`)."""
    via: str | None = None
    """For a sub-processor recorded under its processor (`engaged_by`): id of that processor, which exports the
    data to it (Art. 28(4)); None when the organisation exports."""


_VerdictKey = tuple[str, tuple[TransferMechanism, ...], bool, bool, date | None]
"""What a verdict depends on besides the date: destination, transfer tools, the DPF and adequacy-scope
flags and the day an old-SCC contract was concluded (every argument `assess` receives)."""


def register_transfers(register: Register, on: date) -> list[RegisterTransfer]:
    """Every transfer outside the EEA the register implies on `on`, judged on that date.

    In the register's order: activities (those carried out on that date), then each activity's
    recipients, each recipient's distinct locations, and last, for an activity carried out as
    processor, the return flows to its client controllers established outside the EEA. A place
    inside the EEA on that date (basis `intra-eea`) is not a transfer and is left out.
    """
    # A verdict depends only on the date and the arguments `assess` receives: each distinct one is
    # judged once per call (a large register repeats the same few thousand many times over).
    a_register("register", register)
    a_date("on", on)
    verdicts: dict[_VerdictKey, Assessment] = {}
    found: list[RegisterTransfer] = []
    for activity_id, activity in register.activities.items():
        if not is_running(activity, on):
            continue
        reached = set(activity.recipients)  # one the activity lists is judged as its own recipient
        for recipient_id in activity.recipients:
            found.extend(_transfers_to(register, activity_id, recipient_id, on, verdicts))
            for below, via in engaged_below(register, recipient_id):
                if below not in reached:
                    reached.add(below)
                    found.extend(_transfers_to(register, activity_id, below, on, verdicts, via=via))
        if activity.role is ActivityRole.PROCESSOR:
            found.extend(_returns(register, activity_id, on, verdicts))
    return found


def _verdict(verdicts: dict[_VerdictKey, Assessment], on: date, key: _VerdictKey) -> Assessment:
    verdict = verdicts.get(key)
    if verdict is None:
        destination, mechanisms, certified, outside, legacy = key
        verdict = verdicts[key] = assess(
            destination,
            on,
            mechanisms=mechanisms,
            dpf_certified=certified,
            outside_adequacy_scope=outside,
            scc_legacy_concluded=legacy,
        )
    return verdict


def _module(exporter: Exporter, role: RecipientRole | None) -> int | None:
    # Implementing Decision (EU) 2021/914, Annex: Module 1 C2C, 2 C2P, 3 P2P, 4 P2C.
    if role is None:
        return 4 if exporter is Exporter.PROCESSOR else 1
    on_behalf = role.processes_on_our_behalf
    if exporter is Exporter.PROCESSOR:
        return 3 if on_behalf else None
    return 2 if on_behalf else 1


def _transfers_to(
    register: Register,
    activity_id: str,
    recipient_id: str,
    on: date,
    verdicts: dict[_VerdictKey, Assessment],
    *,
    via: str | None = None,
) -> list[RegisterTransfer]:
    recipient = register.recipients[recipient_id]
    activity = register.activities[activity_id]
    processor = via is not None or activity.role is ActivityRole.PROCESSOR
    exporter = Exporter.PROCESSOR if processor else Exporter.CONTROLLER
    role = RecipientRole.SUB_PROCESSOR if via is not None else activity.role_of(recipient_id, recipient.role)
    found = []
    for location in dict.fromkeys(recipient.locations):
        declared, certified, outside = recipient.tools_for(location)
        mechanisms = tuple(dict.fromkeys(declared))
        verdict = _verdict(verdicts, on, (location, mechanisms, certified, outside, recipient.scc_legacy_concluded))
        if verdict.basis == "intra-eea":
            continue
        module = _module(exporter, role) if TransferMechanism.SCC in mechanisms else None
        found.append(
            RegisterTransfer(
                activity_id,
                recipient_id,
                location,
                mechanisms,
                certified,
                verdict,
                exporter=exporter,
                role=role,
                scc_module=module,
                importer_subject_to_gdpr=recipient.subject_to_gdpr,
                via=via,
            )
        )
    return found


def _returns(
    register: Register, activity_id: str, on: date, verdicts: dict[_VerdictKey, Assessment]
) -> list[RegisterTransfer]:
    found = []
    for client_id in register.activities[activity_id].on_behalf_of:
        client = register.client_controllers[client_id]
        if client.country is None:
            continue
        mechanisms = tuple(dict.fromkeys(client.mechanisms))
        verdict = _verdict(verdicts, on, (client.country, mechanisms, client.dpf_certified, False, None))
        if verdict.basis == "intra-eea":
            continue
        found.append(
            RegisterTransfer(
                activity_id,
                client_id,
                client.country,
                mechanisms,
                client.dpf_certified,
                verdict,
                exporter=Exporter.PROCESSOR,
                to_client_controller=True,
                scc_module=4 if TransferMechanism.SCC in mechanisms else None,
            )
        )
    return found


def exporter_name(register: Register, transfer: RegisterTransfer) -> str:
    """The name of the party that makes the transfer: the processor that engaged the importer, or the organisation."""
    return register.recipients[transfer.via].name if transfer.via is not None else register.controller.name


def importer_name(register: Register, transfer: RegisterTransfer) -> str:
    """The name of the transfer's importer: the recipient's, or the client controller's."""
    if transfer.to_client_controller:
        return register.client_controllers[transfer.recipient].name
    return register.recipients[transfer.recipient].name
