"""Recipients and their categories (Art. 30(1)(d)), with what Chapter V needs to judge transfers."""

from __future__ import annotations

from pydantic import Field

from ropa.model.base import Boolean, CountryCode, Date, Id, Location, Record, Text, Url
from ropa.model.vocabulary import RecipientRole, TransferMechanism

__all__ = ["ProcessorContract", "Recipient", "TransferTools"]


class ProcessorContract(Record):
    """The contract or other legal act that binds a processor (Art. 28(3), 28(9))."""

    date: Date | None = None
    """Date it was concluded or accepted."""
    reference: str | None = None
    """Where it is: a document number, a file name or the address of the provider's terms."""
    review_due: Date | None = None
    """When the contract is next to be reviewed (its term, or the provider's terms to re-read); empty when no date is set."""


class TransferTools(Record):
    """The transfer tools for one destination of a recipient, where they differ from its general ones."""

    dpf_certified: Boolean | None = None
    """For the US: whether the importer is on the Data Privacy Framework List; empty to use the recipient's `dpf_certified`."""
    mechanisms: list[TransferMechanism] | None = None
    """Transfer tools (Art. 46, 47, 49) for this destination; empty to use the recipient's `mechanisms`."""
    outside_adequacy_scope: Boolean | None = None
    """Whether the importer there is outside a limited adequacy decision's scope; empty to use the recipient's."""


class Recipient(Record):
    """A recipient of personal data: a service provider, partner or authority."""

    name: str
    """Name as the public knows it, e.g. `Google Workspace`."""
    legal_entity: str | None = None
    """The legal entity behind the name, e.g. `Google Cloud EMEA Limited`; empty when unknown."""
    registration: str | None = None
    """The entity's registration and fiscal codes, where known (in Romania the CUI and the trade register number)."""
    address: str | None = None
    """The entity's registered office."""
    group: str | None = None
    """The company group it belongs to, as people know it, e.g. `Google` for Google Workspace and Google Analytics."""
    category: Id
    """Id of its recipient category (in `recipient_categories`)."""
    role: RecipientRole
    """What it is to the organisation by default; an activity may give it another role (`recipient_roles`)."""
    engaged_by: Id | None = None
    """For a sub-processor: id of the processor (in `recipients`) that engaged it (Art. 28(2), (4)); its transfers
    are then made by that processor."""
    country: CountryCode | None = None
    """Country where the legal entity is established; empty when unknown."""
    locations: list[Location] = Field(default_factory=list)
    """Countries (or international organisations) where it processes the data; empty when unknown."""
    contract: ProcessorContract | None = None
    """The Art. 28 contract, for a processor; empty when none is on file."""
    dpf_certified: Boolean = False
    """True when the importer is on the EU-U.S. Data Privacy Framework List (adequacy under Decision (EU) 2023/1795)."""
    outside_adequacy_scope: Boolean = False
    """True when the importer falls outside the scope of a limited adequacy decision for its country (e.g. a Canadian body not subject to PIPEDA, a Japanese public authority)."""
    mechanisms: list[TransferMechanism] = Field(default_factory=list)
    """Transfer tools declared for its locations outside the EEA (Art. 46, 47, 49), including any fallback should an adequacy decision fall."""
    scc_legacy_concluded: Date | None = None
    """For `scc-legacy`: the day the contract with the pre-2021 standard contractual clauses was concluded. From 27 September 2021 to 26 December 2022 they count only for contracts concluded before 27 September 2021 (Art. 4 of Implementing Decision (EU) 2021/914); without this date such a verdict is conditional."""
    transfers: dict[Location, TransferTools] = Field(default_factory=dict)
    """Transfer tools per destination, where they differ from the general ones, e.g. `{US: {dpf_certified: true}, IN: {mechanisms: [scc]}}`."""
    subject_to_gdpr: Boolean = False
    """True when the importer's processing is itself subject to the GDPR under Art. 3(2) (EDPB Guidelines 05/2021)."""
    transfer_impact_assessment: str | None = None
    """Reference to the transfer impact assessment done for Art. 46 transfers (EDPB Recommendations 01/2020)."""
    transfer_impact_assessment_review_due: Date | None = None
    """When the transfer impact assessment is next to be re-evaluated (EDPB Recommendations 01/2020, step 6)."""
    derogation_safeguards: Text | None = None
    """For transfers under the second subparagraph of Art. 49(1): the assessment and the suitable safeguards, as Art. 30(1)(e) and 49(6) require."""
    tracking: Boolean = False
    """True for an analytics or advertising service that follows visitors (a web analytics tool, an advertising
    pixel); without a cookie inventory, `ropa check` then reports it (I908)."""
    arrangement: Text | None = None
    """For a joint controller: the essence of the arrangement under Art. 26(2)."""
    shared_for: list[Id] = Field(default_factory=list)
    """Ids of the purposes for which data is shared with it (in `purposes`)."""
    contact: str | None = None
    """How to reach it about data protection (email or address), where published."""
    privacy_policy: Url | None = None
    """Its own privacy policy."""
    sources: list[str] = Field(default_factory=list)
    """Where the facts about this recipient come from (addresses or documents)."""
    notes: str | None = None
    """Internal notes; never published."""

    def tools_for(self, place: str) -> tuple[list[TransferMechanism], bool, bool]:
        """(mechanisms, dpf_certified, outside_adequacy_scope) for transfers to `place`: its `transfers`
        entry where it has one, field by field, else the recipient's general ones."""
        tools = self.transfers.get(place)
        if tools is None:
            return self.mechanisms, self.dpf_certified, self.outside_adequacy_scope
        return (
            self.mechanisms if tools.mechanisms is None else tools.mechanisms,
            self.dpf_certified if tools.dpf_certified is None else tools.dpf_certified,
            self.outside_adequacy_scope if tools.outside_adequacy_scope is None else tools.outside_adequacy_scope,
        )
