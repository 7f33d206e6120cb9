"""A small bilingual register that uses every field of the grain (issue 21), for the grain's tests."""

from __future__ import annotations

from datetime import date

from ropa.io import load_text
from ropa.model import Register

DAY = date(2026, 11, 25)

GRAIN = """\
format: 1
languages: [ro, en]
controller: {name: Școala Exemplu, country: RO, email: contact@scoala.example}
data_subjects:
  pupils: {name: {ro: elevi, en: pupils}, children: true}
  parents: {name: {ro: părinți, en: parents}}
data_categories:
  identity: {name: {ro: date de identificare, en: identity data}}
  contact: {name: {ro: date de contact, en: contact details}}
  health: {name: {ro: fișa medicală, en: health form}, special: health}
  allergies: {name: {ro: alergii, en: allergies}, special: health}
  photos: {name: {ro: fotografii, en: photographs}}
  bank: {name: {ro: date bancare, en: bank details}}
purposes:
  schooling:
    name: {ro: școlarizarea, en: schooling}
    legal_basis: legal-obligation
    further_legal_bases: [public-task]
    law: {text: {ro: Legea educației nr. 198/2023, en: Education Law 198/2023}, country: RO}
    special_condition: substantial-public-interest
  trips:
    name: {ro: excursii școlare, en: school trips}
    legal_basis: contract
  hosting-for-clients:
    name: {ro: găzduirea pentru clienți, en: hosting for clients}
recipient_categories:
  cloud: {ro: furnizori cloud, en: cloud providers}
  insurers: {ro: asigurători, en: insurers}
  mail: {ro: furnizori de e-mail, en: email providers}
recipients:
  cloud-host:
    name: Cloud Host
    category: cloud
    role: processor
    group: Example Group
    country: IE
    locations: [IE]
    shared_for: [schooling, hosting-for-clients]
    notes: contract renewal to be confirmed
  insurer:
    name: Trip Insurer
    category: insurers
    role: controller
    country: RO
    locations: [RO]
  mail-relay:
    name: Mail Relay
    category: mail
    role: sub-processor
    engaged_by: cloud-host
    country: US
    locations: [US]
    mechanisms: [scc]
client_controllers:
  other-school: {name: Other School, country: RO}
activities:
  school:
    name: {ro: Școlarizarea, en: Schooling}
    purposes: [schooling, trips]
    data_subjects: [pupils, parents]
    data_categories: [identity, contact, health, allergies]
    subject_data:
      pupils: [identity, health, allergies]
      parents: [identity, contact]
    recipients: [cloud-host, insurer]
    disclosures:
      insurer: {data: [identity], purposes: [trips]}
    source: {ro: de la părinți, en: from the parents}
    data_sources:
      - data: [health]
        source: {ro: de la medicul de familie, en: from the family doctor}
    retention:
      - data: [identity, contact]
        period: P5Y
        criteria: {ro: apoi până la absolvire, en: then until graduation}
        notes: ground to be confirmed by the DPO
    notes: exact provision to be confirmed
  hosting:
    name: {ro: Găzduire pentru alte școli, en: Hosting for other schools}
    role: processor
    on_behalf_of: [other-school]
    purposes: [hosting-for-clients]
    data_subjects: [pupils]
    data_categories: [identity]
    recipients: [cloud-host]
    recipient_roles: {cloud-host: sub-processor}
"""


def grain(text: str = GRAIN, *edits: tuple[str, str]) -> Register:
    """The register, with each (old, new) replacement made (each `old` must be there)."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return load_text(text)
