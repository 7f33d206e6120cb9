"""Rules on public authorities under the GDPR itself, in every country, and on the monitoring of publicly
accessible areas: legitimate interests relied on by a public authority (Art. 6(1), last subparagraph), the
derogations of Art. 49(1)(a)-(c) and its second subparagraph relied on by one (Art. 49(3)), and a large-scale
systematic monitoring of a publicly accessible area without a DPIA decision (Art. 35(3)(c)).

`ropa.checks` words each as a finding (B305, T108, D409): each is given as its code, its path, the key of its
message (context `findings` of the catalogues) and the message's parameters; see docs/checks.md. Data relating
to criminal convictions and offences without the law that authorises it (Art. 10) is D407, for every
controller (`ropa.checks_grain`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ropa.law.register_transfers import Exporter, RegisterTransfer, importer_name
from ropa.model import ActivityRole, LegalBasis, Register, TransferMechanism
from ropa.model.consistency import Path
from ropa.model.queries import is_running
from ropa.model.vocabulary import OrganisationKind

__all__ = ["public_area_monitoring", "public_authority_findings"]

# Art. 49(3): "Points (a), (b) and (c) of the first subparagraph of paragraph 1 and the second subparagraph
# thereof shall not apply to activities carried out by public authorities in the exercise of their public powers."
_NOT_FOR_PUBLIC_POWERS = (
    TransferMechanism.DEROGATION_49_1_A,
    TransferMechanism.DEROGATION_49_1_B,
    TransferMechanism.DEROGATION_49_1_C,
    TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS,
)


Found = tuple[str, Path, str, tuple[tuple[str, str], ...]]
"""A finding: its code, its path, the key of its message and the message's parameters."""


def public_authority_findings(register: Register, transfers: Sequence[RegisterTransfer]) -> Iterator[Found]:
    """(code, path, message key, parameters) for what the GDPR denies a public authority (`kind: public-body`):
    B305, T108."""
    if register.controller.kind is not OrganisationKind.PUBLIC_BODY:
        return
    own = [a for a in register.activities.values() if a.role is ActivityRole.CONTROLLER]
    own_purposes = {key for activity in own for key in activity.purposes}
    for key, purpose in register.purposes.items():
        if key in own_purposes and LegalBasis.LEGITIMATE_INTERESTS in purpose.legal_bases:
            yield ("B305", ("purposes", key, "legal_basis"), "B305", ())
    for transfer in transfers:
        if transfer.exporter is not Exporter.CONTROLLER or transfer.assessment.basis != "derogation":
            continue
        denied = [m for m in transfer.assessment.relied_on if m in _NOT_FOR_PUBLIC_POWERS]
        if denied:
            given = (
                ("recipient", importer_name(register, transfer)),
                ("destination", transfer.destination),
                ("activity", transfer.activity),
                ("mechanisms", ",".join(m.value for m in denied)),
            )
            yield ("T108", ("recipients", transfer.recipient, "mechanisms"), "T108", given)


def public_area_monitoring(register: Register, on: date) -> Iterator[Found]:
    """(code, path, message key, parameters) for each running controller activity that systematically monitors a
    publicly accessible area on a large scale with no DPIA decision, or a decision that none is required (D409)."""
    for key, activity in register.activities.items():
        if activity.role is not ActivityRole.CONTROLLER or not is_running(activity, on):
            continue
        if not (activity.publicly_accessible_area and activity.large_scale):
            continue
        if activity.dpia is not None and activity.dpia.required:
            continue  # decided as the law asks; D406 follows whether it is done
        decided = "D409.undecided" if activity.dpia is None else "D409.not-required"
        yield ("D409", ("activities", key, "dpia"), decided, ())
