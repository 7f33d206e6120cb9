"""What a register can say for any organisation: roles per activity, the Art. 27 representative,
transfer tools per destination, importers under Art. 3(2), who exports, Art. 9(2) per activity, and
processor purposes without a basis of the organisation's own."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given

from ropa.io import RegisterError, load_text
from ropa.law.register_transfers import Exporter
from ropa.model import RecipientRole, Register
from ropa.render.transfers import transfers_to_json, transfers_to_text
from ropa.render.workbook_tables import Words, tables
from ropa.testing.strategies import registers
from ropa.transfers import assess, register_transfers

DAY = date(2026, 11, 25)

BASE = """\
format: 1
languages: [en]
controller: {name: Example GmbH, country: DE}
client_controllers:
  acme-us: {name: Acme Inc., country: US, mechanisms: [scc]}
  beta-fr: {name: Beta SAS, country: FR}
data_subjects:
  staff: {name: {en: staff}}
  users: {name: {en: customers' users}}
data_categories:
  contact: {name: {en: contact details}}
  health: {name: {en: health data}, special: health}
purposes:
  payroll: {name: {en: payroll}, legal_basis: legal-obligation}
  hosting: {name: {en: hosting the customer's service}}
recipient_categories:
  cloud: {en: cloud providers}
recipients:
  cloudco:
    name: CloudCo
    legal_entity: CloudCo Ltd
    category: cloud
    role: processor
    locations: [US, IN]
    mechanisms: [scc]
    transfers:
      US: {dpf_certified: true}
      IN: {mechanisms: [scc]}
  watcher:
    name: Watcher Inc.
    category: cloud
    role: processor
    locations: [US]
    mechanisms: [scc]
    subject_to_gdpr: true
activities:
  hr:
    name: {en: HR}
    purposes: [payroll]
    data_subjects: [staff]
    data_categories: [contact, health]
    special_condition: employment-and-social-protection
    recipients: [cloudco, watcher]
  service:
    name: {en: The service}
    role: processor
    on_behalf_of: [acme-us, beta-fr]
    purposes: [hosting]
    data_subjects: [users]
    data_categories: [contact, health]
    recipients: [cloudco]
    recipient_roles: {cloudco: sub-processor}
"""


def load(text: str = BASE) -> Register:
    return load_text(text, file="r.yaml")


def refused(text: str) -> str:
    with pytest.raises(RegisterError) as caught:
        load(text)
    return str(caught.value)


def sheet(register: Register, name: str) -> list[dict[str, Any]]:
    """The rows of one sheet as {column key: cell}."""
    found = {table.sheet: table for table in tables(Words(register, "en", DAY, register_transfers(register, DAY)))}
    table = found[name]
    keys = [column.key for column in table.columns]
    return [dict(zip(keys, row, strict=True)) for row in table.cells()]


def test_a_recipient_has_the_role_of_each_activity() -> None:
    register = load()
    assert register.activities["hr"].role_of("cloudco", register.recipients["cloudco"].role) is RecipientRole.PROCESSOR
    roles = {(t.activity, t.recipient): t.role for t in register_transfers(register, DAY) if not t.to_client_controller}
    assert roles[("hr", "cloudco")] is RecipientRole.PROCESSOR
    assert roles[("service", "cloudco")] is RecipientRole.SUB_PROCESSOR
    processor_rows = sheet(register, "processor")
    assert all("CloudCo — " not in str(row["recipients"]) for row in processor_rows)
    assert any("CloudCo (sub-processor (Art. 28(4)))" in str(row["recipients"]) for row in processor_rows)
    transfers = sheet(register, "transfers")
    roles_shown = {(row["activity"], row["recipient"], row["importer_role"]) for row in transfers}
    assert ("HR", "CloudCo", "processor (Art. 28)") in roles_shown
    assert ("The service", "CloudCo", "sub-processor (Art. 28(4))") in roles_shown


def test_a_role_for_a_recipient_the_activity_does_not_use_is_refused() -> None:
    message = refused(
        BASE.replace("recipient_roles: {cloudco: sub-processor}", "recipient_roles: {watcher: controller}")
    )
    assert (
        "activities.service.recipient_roles.watcher: recipient 'watcher' is not among the activity's recipients"
        in message
    )
    assert "r.yaml:" in message


def test_transfer_tools_differ_per_destination() -> None:
    hr = {t.destination: t for t in register_transfers(load(), DAY) if t.activity == "hr" and t.recipient == "cloudco"}
    assert hr["US"].assessment.basis == "adequacy"
    assert hr["US"].dpf_certified
    assert hr["IN"].assessment.basis == "safeguards"
    assert not hr["IN"].dpf_certified
    without = load(BASE.replace("      US: {dpf_certified: true}\n", ""))
    us = next(t for t in register_transfers(without, DAY) if t.recipient == "cloudco" and t.destination == "US")
    assert us.assessment.basis == "safeguards"


def test_transfer_tools_for_a_place_the_recipient_does_not_process_in_are_refused() -> None:
    message = refused(BASE.replace("IN: {mechanisms: [scc]}", "JP: {mechanisms: [scc]}"))
    assert "recipients.cloudco.transfers.JP: JP is not among the recipient's `locations` (US, IN)" in message


def test_the_exporter_and_module_of_each_transfer() -> None:
    found = register_transfers(load(), DAY)
    by = {(t.activity, t.recipient, t.destination): t for t in found}
    assert by[("hr", "cloudco", "IN")].exporter is Exporter.CONTROLLER
    assert by[("hr", "cloudco", "IN")].scc_module == 2
    assert by[("service", "cloudco", "IN")].exporter is Exporter.PROCESSOR
    assert by[("service", "cloudco", "IN")].scc_module == 3
    back = by[("service", "acme-us", "US")]
    assert back.to_client_controller
    assert back.exporter is Exporter.PROCESSOR
    assert back.scc_module == 4
    assert back.assessment.lawful
    assert back.assessment.basis == "safeguards"
    assert ("service", "beta-fr", "FR") not in by  # a client controller inside the EEA: no transfer
    rows = sheet(load(), "transfers")
    assert {"exporter": "Example GmbH, as processor", "recipient": "Acme Inc.", "scc_module": "4"}.items() <= next(
        row for row in rows if row["recipient"] == "Acme Inc."
    ).items()
    assert next(row for row in rows if row["activity"] == "HR")["exporter"] == "Example GmbH, as controller"
    text = transfers_to_text(found)
    assert any(line.split()[:3] == ["service", "processor", "acme-us"] for line in text.splitlines())


def test_a_return_flow_without_a_tool_is_unlawful() -> None:
    register = load(
        BASE.replace(
            "acme-us: {name: Acme Inc., country: US, mechanisms: [scc]}", "acme-us: {name: Acme Inc., country: US}"
        )
    )
    back = next(t for t in register_transfers(register, DAY) if t.to_client_controller)
    assert not back.assessment.lawful


def test_an_importer_under_article_3_2_carries_the_caveat() -> None:
    found = register_transfers(load(), DAY)
    records = json.loads(transfers_to_json(found))
    watcher = next(item for item in records if item["recipient"] == "watcher")
    assert watcher["importer_subject_to_gdpr"] is True
    assert "Art. 3(2)" in watcher["caveats"][0]
    assert "2021/914" in watcher["caveats"][0]
    assert "05/2021" in watcher["caveats"][0]
    cloudco = next(item for item in records if item["recipient"] == "cloudco")
    assert cloudco["caveats"] == []
    ro = json.loads(transfers_to_json(found, lang="ro"))
    assert "art. 3 alin. (2)" in next(item for item in ro if item["recipient"] == "watcher")["caveats"][0]


def test_the_representative_is_a_party_with_a_country() -> None:
    with_rep = BASE.replace(
        "controller: {name: Example GmbH, country: DE}",
        "controller:\n  name: Example Inc.\n  country: US\n  representative: {name: Rep Ltd, country: IE, email: rep@example.ie}",
    )
    register = load(with_rep)
    assert register.controller.representative is not None
    assert register.controller.representative.country == "IE"
    message = refused(
        with_rep.replace("{name: Rep Ltd, country: IE, email: rep@example.ie}", "{email: rep@example.ie}")
    )
    assert "controller.representative.name: missing required field 'name'" in message
    assert "controller.representative.country: missing required field 'country'" in message


def test_special_data_needs_a_condition_for_that_activity() -> None:
    message = refused(BASE.replace("    special_condition: employment-and-social-protection\n", ""))
    assert "activities.hr.purposes: special categories of data (health) need an Art. 9(2) condition" in message
    # The processor activity processes health data too, and needs no condition of the organisation's own.
    assert "activities.service" not in message
    rows = sheet(load(), "activities")
    hr = next(row for row in rows if row["name"] == "HR")
    assert "9(2)(b)" in str(hr["special_conditions"])


def test_a_purpose_pursued_only_as_processor_needs_no_basis_of_its_own() -> None:
    register = load()
    assert register.purposes["hosting"].legal_basis is None
    purposes = sheet(register, "purposes")
    basis = {row["name"]: row["legal_basis"] for row in purposes}
    assert basis == {
        "payroll": "compliance with a legal obligation of the controller — Art. 6(1)(c)",
        "hosting the customer's service": None,
    }
    message = refused(BASE.replace("    purposes: [payroll]\n", "    purposes: [payroll, hosting]\n"))
    assert (
        "purposes.hosting.legal_basis: a purpose of the organisation's own activities needs its lawful basis" in message
    )


@given(registers())
def test_every_derived_transfer_is_judged_with_the_tools_of_its_destination(register: Register) -> None:
    for transfer in register_transfers(register, DAY):
        if transfer.to_client_controller:
            client = register.client_controllers[transfer.recipient]
            assert transfer.destination == client.country
            expected = assess(client.country, DAY, mechanisms=client.mechanisms, dpf_certified=client.dpf_certified)
        else:
            recipient = register.recipients[transfer.recipient]
            mechanisms, certified, outside = recipient.tools_for(transfer.destination)
            expected = assess(
                transfer.destination,
                DAY,
                mechanisms=mechanisms,
                dpf_certified=certified,
                outside_adequacy_scope=outside,
            )
        assert transfer.assessment == expected
        # A sub-processor recorded under its processor gets the data from that processor (issue 21).
        assert transfer.exporter is (
            Exporter.PROCESSOR
            if register.activities[transfer.activity].role.value == "processor" or transfer.via is not None
            else Exporter.CONTROLLER
        )
        if transfer.via is not None:
            assert register.recipients[transfer.recipient].engaged_by == transfer.via


@given(registers())
def test_a_return_flow_exists_exactly_for_client_controllers_outside_the_eea(register: Register) -> None:
    found = {(t.activity, t.recipient) for t in register_transfers(register, DAY) if t.to_client_controller}
    expected = {
        (key, client)
        for key, activity in register.activities.items()
        if activity.role.value == "processor"
        for client in activity.on_behalf_of
        if (country := register.client_controllers[client].country) is not None
        and assess(country, DAY).basis != "intra-eea"
    }
    assert found == expected
