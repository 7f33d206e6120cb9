"""The Article 30 workbook, read back with openpyxl and python-calamine and compared with the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ropa import write_workbook
from ropa.io import load
from ropa.model import ActivityRole, Register, country_name
from ropa.render import workbook_labels as labels
from ropa.transfers import register_transfers
from tests.conftest import ONEDU
from tests.render.workbook_fixtures.reading import SMALL, Grid, Value, read_calamine, read_openpyxl, table

SMALL_ON = date(2025, 6, 1)
ONEDU_ON = date(2026, 11, 25)
LANGUAGES = ("ro", "en")
CASES = [(name, lang) for name in ("small", "onedu") for lang in LANGUAGES]


@pytest.fixture(scope="module")
def registers() -> dict[str, Register]:
    return {"small": load(SMALL), "onedu": load(ONEDU)}


@pytest.fixture(scope="module")
def books(registers: dict[str, Register], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for name, lang in CASES:
        path = folder / f"{name}-{lang}.xlsx"
        write_workbook(registers[name], path, lang=lang, on=SMALL_ON if name == "small" else ONEDU_ON)
        paths[name, lang] = path
    return paths


@pytest.fixture(scope="module")
def grids(books: dict[tuple[str, str], Path]) -> dict[tuple[str, str], dict[str, Grid]]:
    return {case: read_calamine(path) for case, path in books.items()}


def _rows(grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str, sheet: str) -> list[dict[str, Value]]:
    return table(grids[name, lang], sheet, lang)


# --- two readers, one content -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_openpyxl_and_calamine_read_the_same_cells(books: dict[tuple[str, str], Path], name: str, lang: str) -> None:
    by_openpyxl = read_openpyxl(books[name, lang])
    by_calamine = read_calamine(books[name, lang])
    assert list(by_openpyxl) == list(by_calamine)
    for sheet, grid in by_openpyxl.items():
        assert grid == by_calamine[sheet], sheet


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sheets_come_in_order(grids: dict[tuple[str, str], dict[str, Grid]], lang: str) -> None:
    expected = {
        "ro": [
            "Operatorul",
            "Activități art. 30(1)",
            "Persoană împuternicită 30(2)",
            "Fișele activităților",
            "Scopuri",
            "Destinatari",
            "Transferuri",
            "Măsuri de securitate",
            "Datele registrului",
        ],
        "en": [
            "Controller",
            "Activities Art. 30(1)",
            "Processor Art. 30(2)",
            "Activity sheets",
            "Purposes",
            "Recipients",
            "Transfers",
            "Security measures",
            "Register data",
        ],
    }
    assert list(grids["small", lang]) == expected[lang]


# --- the small register, cell by cell -------------------------------------------------------------------

RO_A = "art. 30 alin. (1) lit. (a) și alin. (2) lit. (a)"
RO_EXTRA = "în afara art. 30"


def test_the_controller_sheet_names_every_party_and_no_one_else(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    rows = [tuple(row) for row in grids["small", "ro"]["Operatorul"][4:]]
    dpo = "Responsabilul cu protecția datelor"
    assert rows == [
        ("Evidența", "Data evidenței", date(2025, 3, 1), RO_EXTRA),
        ("Evidența", "Situația la data de", date(2025, 6, 1), RO_EXTRA),
        ("Evidența", "Limba", "română", RO_EXTRA),
        ("Operatorul", "Denumirea", "Asociația Exemplu", RO_A),
        ("Operatorul", "Forma juridică", "asociație", RO_A),
        ("Operatorul", "Codul de identificare fiscală", "12345678", RO_A),
        ("Operatorul", "Numărul de înregistrare", None, RO_A),
        ("Operatorul", "Adresa", "str. Lungă nr. 1, Cluj-Napoca", RO_A),
        ("Operatorul", "Țara", "România", RO_A),
        ("Operatorul", "E-mail", "date@exemplu.ro", RO_A),
        ("Operatorul", "Telefon", None, RO_A),
        ("Operatorul", "Web", "https://exemplu.ro", RO_A),
        ("Operatorul", "Punctul de contact pentru persoanele vizate", "https://exemplu.ro/cereri", RO_A),
        ("Operatorul", "Recunoscută ca fiind de utilitate publică (Legea nr. 190/2018, art. 2)", None, RO_EXTRA),
        (dpo, "Numele", None, RO_A),
        (dpo, "E-mail", None, RO_A),
        (dpo, "Telefon", None, RO_A),
        (dpo, "Web", None, RO_A),
        (dpo, "Adresa", None, RO_A),
        # no representative rows: a Romanian controller has none to name (Art. 27(1), 30(1)(a) "where applicable")
        ("Operator asociat", "Denumirea", "Festival", "art. 30 alin. (1) lit. (a)"),
        ("Operator asociat", "Entitatea juridică", "Festival SRL", "art. 30 alin. (1) lit. (a)"),
        ("Operator asociat", "Numărul de înregistrare", None, "art. 30 alin. (1) lit. (a)"),
        ("Operator asociat", "Adresa", None, "art. 30 alin. (1) lit. (a)"),
        ("Operator asociat", "Țara", "România", "art. 30 alin. (1) lit. (a)"),
        ("Operator asociat", "Date de contact", "contact@festival.ro", "art. 30 alin. (1) lit. (a)"),
        (
            "Operator asociat",
            "Esența acordului dintre operatorii asociați (art. 26 alin. (2))",
            "fiecare răspunde de propriii participanți",
            "art. 30 alin. (1) lit. (a)",
        ),
        ("Operator asociat", "Activitățile de prelucrare", "Membri", "art. 30 alin. (1) lit. (a)"),
    ]


def test_the_controller_sheet_in_english(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    rows = [tuple(row) for row in grids["small", "en"]["Controller"][4:]]
    assert ("Controller", "Name", "Asociația Exemplu", "Art. 30(1)(a) and 30(2)(a)") in rows
    assert ("Controller", "Legal form", "association", "Art. 30(1)(a) and 30(2)(a)") in rows
    assert ("Controller", "Country", "Romania", "Art. 30(1)(a) and 30(2)(a)") in rows
    assert ("The record", "As of", date(2025, 6, 1), "beyond Art. 30") in rows
    assert [row[2] for row in rows if row[0] == "Data protection officer"] == [None] * 5


def test_the_activity_row_holds_every_element_of_article_30_1(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    members, old_event = _rows(grids, "small", "ro", "activities")
    assert members == {
        "id": "members",
        "name": "Membri",
        "function": "secretariat",
        "description": "evidența membrilor",
        "purposes": "evidența membrilor\nîngrijirea la evenimente",
        "legal_bases": "evidența membrilor: interesele legitime urmărite de operator sau de o parte terță"
        " — art. 6 alin. (1) lit. (f)\n"
        "îngrijirea la evenimente: consimțământul persoanei vizate — art. 6 alin. (1) lit. (a)",
        "legitimate_interests": "evidența membrilor: organizarea asociației",
        "special_conditions": "îngrijirea la evenimente: consimțământul explicit al persoanei vizate"
        " — art. 9 alin. (2) lit. (a)",
        "data_subjects": "membri",
        "data_categories": "date de contact (nume, e-mail)\ndate medicale\nCNP",
        "special_data": "date medicale: categorie specială (art. 9 alin. (1)): date privind sănătatea\n"
        "CNP: număr de identificare național (Legea nr. 190/2018, art. 4)",
        "source": "de la membri",
        "recipient_categories": "furnizorii de servicii de e-mail\nfurnizorii de găzduire\npartenerii",
        "recipients": "Poșta Cloud — Statele Unite\nFișiere — Statele Unite\nAjutor Ltd\nNecunoscut\nFestival — România",
        "transfers": "Statele Unite: Poșta Cloud\nStatele Unite: Fișiere\nIndia: Ajutor Ltd\nBrazilia: Necunoscut",
        "transfer_safeguards": "Poșta Cloud — Statele Unite: decizie privind caracterul adecvat al nivelului de"
        " protecție (art. 45); art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2023/1795"
        " (Cadrul UE-SUA privind confidențialitatea datelor)\n"
        "Fișiere — Statele Unite: garanții adecvate (art. 46 și 47); art. 46 alin. (2) lit. (c) din RGPD; Decizia de"
        " punere în aplicare (UE) 2021/914 (clauzele contractuale standard)\n"
        "Ajutor Ltd — India: derogare pentru situații specifice (art. 49); art. 49 alin. (1) al doilea paragraf"
        " din RGPD\n"
        "Necunoscut — Brazilia: niciun temei valabil în capitolul V; art. 44 din RGPD",
        "derogation_documentation": "Ajutor Ltd: evaluare din 2024; datele sunt pseudonimizate",
        "retention": "date de contact: 1 an și 6 luni (P1Y6M) (prevăzut de: statutul asociației)\n"
        "date medicale, CNP: 20 de zile (P20D); sau până la retragere",
        "security_measures": "criptare: discuri criptate [art. 32 alin. (1) lit. (a)]\n"
        "copii de siguranță [art. 32 alin. (1) lit. (c)]",
        "locations": "Poșta Cloud: Irlanda, Statele Unite\nFișiere: Statele Unite\nAjutor Ltd: India\n"
        "Necunoscut: Brazilia\nFestival: România",
        "automated_decisions": "nu există",
        "dpia_required": "Da",
        "dpia_done": "Nu",
        "dpia_reference": "EIPD-1",
        "occasional": "Nu",
        "created": date(2024, 1, 10),
        "updated": date(2025, 2, 1),
        "ended": None,
        "reviewed": None,
    }
    # Ended before the as-of date: no transfer on that date, the rest kept as history.
    assert old_event == {
        "id": "old-event",
        "name": "Eveniment vechi",
        "function": None,
        "description": None,
        "purposes": "îngrijirea la evenimente",
        "legal_bases": "îngrijirea la evenimente: consimțământul persoanei vizate — art. 6 alin. (1) lit. (a)",
        "legitimate_interests": None,
        "special_conditions": "îngrijirea la evenimente: consimțământul explicit al persoanei vizate"
        " — art. 9 alin. (2) lit. (a)",
        "data_subjects": "membri",
        "data_categories": "date medicale",
        "special_data": "date medicale: categorie specială (art. 9 alin. (1)): date privind sănătatea",
        "source": None,
        "recipient_categories": "furnizorii de servicii de e-mail",
        "recipients": "Poșta Cloud — Statele Unite",
        "transfers": None,
        "transfer_safeguards": None,
        "derogation_documentation": None,
        "retention": "date medicale: 2 săptămâni (P2W)",
        "security_measures": None,
        "locations": "Poșta Cloud: Irlanda, Statele Unite",
        "automated_decisions": None,
        "dpia_required": None,
        "dpia_done": None,
        "dpia_reference": None,
        "occasional": "Da",
        "created": date(2023, 1, 1),
        "updated": None,
        "ended": date(2023, 6, 30),
        "reviewed": None,
    }


def test_the_activity_row_in_english(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    members = _rows(grids, "small", "en", "activities")[0]
    assert members["purposes"] == "keeping the membership list\ncare at events"
    assert members["legal_bases"] == (
        "keeping the membership list: legitimate interests pursued by the controller or by a third party"
        " — Art. 6(1)(f)\ncare at events: consent of the data subject — Art. 6(1)(a)"
    )
    assert members["retention"] == (
        "contact details: 1 year and 6 months (P1Y6M) (required by: the articles of association)\n"
        "medical data, personal numeric code: 20 days (P20D); or until withdrawn"
    )
    assert members["transfers"] == (
        "United States: Poșta Cloud\nUnited States: Fișiere\nIndia: Ajutor Ltd\nBrazil: Necunoscut"
    )
    assert members["security_measures"] == "encryption: encrypted disks [Art. 32(1)(a)]\nbackups [Art. 32(1)(c)]"
    assert members["dpia_required"] == "Yes"
    assert members["special_data"] == (
        "medical data: special category (Art. 9(1)): data concerning health\n"
        "personal numeric code: national identification number (Romanian Law 190/2018, Art. 4)"
    )


def test_the_processor_record_names_the_controller_it_acts_for(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    assert _rows(grids, "small", "ro", "processor") == [
        {
            "id": "e-register",
            "name": "Catalog electronic",
            "processor": "Asociația Exemplu\nAdresa: str. Lungă nr. 1, Cluj-Napoca\nE-mail: date@exemplu.ro\n"
            "Web: https://exemplu.ro",
            "controller": "Școala Gimnazială nr. 1\nșcoala care folosește catalogul",
            "controller_contact": "E-mail: secretariat@scoala1.ro\nTelefon: +40 264 000 000\nȚara: România",
            "controller_representative": None,
            "controller_dpo": "Ana Pop\nE-mail: dpo@scoala1.ro",
            "description": "găzduirea catalogului",
            "purposes": "catalogul școlar",
            "data_subjects": "elevi (inclusiv copii)",
            "data_categories": "note",
            "recipients": "Găzduire",
            "transfers": "Regatul Unit: Găzduire",
            "transfer_safeguards": "Găzduire — Regatul Unit: decizie privind caracterul adecvat al nivelului de"
            " protecție (art. 45); art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2021/1772 (astfel"
            " cum a fost modificată prin Deciziile de punere în aplicare (UE) 2025/1226 și 2025/2574)",
            "derogation_documentation": None,
            "security_measures": "copii de siguranță [art. 32 alin. (1) lit. (c)]",
            "retention": "note: 10 ani (P10Y)",
            "created": None,
            "updated": None,
            "ended": None,
        }
    ]


def test_the_purposes_sheet(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    rows = _rows(grids, "small", "ro", "purposes")
    assert [row["id"] for row in rows] == ["membership", "care", "teaching", "unused"]
    assert rows[0] == {
        "id": "membership",
        "name": "evidența membrilor",
        "description": None,
        "legal_basis": "interesele legitime urmărite de operator sau de o parte terță — art. 6 alin. (1) lit. (f)",
        "legitimate_interest": "organizarea asociației",
        "special_condition": None,
        "activities": "Membri",
        "recipients": "Poșta Cloud",
    }
    assert rows[1]["activities"] == "Membri\nEveniment vechi"
    assert rows[3] == {
        "id": "unused",
        "name": "un scop nefolosit",
        "description": "niciun fel de activitate",
        "legal_basis": "executarea unui contract la care persoana vizată este parte — art. 6 alin. (1) lit. (b)",
        "legitimate_interest": None,
        "special_condition": None,
        "activities": None,
        "recipients": None,
    }


def test_the_recipients_sheet(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    rows = {row["id"]: row for row in _rows(grids, "small", "ro", "recipients")}
    assert list(rows) == ["mail", "files", "host", "helper", "stranger", "partner"]
    assert rows["mail"] == {
        "id": "mail",
        "name": "Poșta Cloud",
        "legal_entity": "Posta Cloud Inc.",
        "registration": None,
        "address": None,
        "category": "furnizorii de servicii de e-mail",
        "role": "persoană împuternicită de operator (art. 28)",
        "country": "Statele Unite",
        "locations": "Irlanda\nStatele Unite",
        "contract_date": date(2024, 5, 2),
        "contract_reference": "DPA-7",
        "dpf_certified": "Da",
        "mechanisms": "clauze standard de protecție a datelor adoptate de Comisie (Decizia de punere în aplicare"
        " (UE) 2021/914) — art. 46 alin. (2) lit. (c)",
        "transfer_impact_assessment": "TIA-2024-01",
        "derogation_safeguards": None,
        "arrangement": None,
        "shared_for": "evidența membrilor",
        "activities": "Membri\nEveniment vechi",
        "contact": None,
        "privacy_policy": "https://posta.example/privacy",
        "sources": "https://posta.example/terms",
    }
    assert rows["host"]["role"] == "altă persoană împuternicită de operator (art. 28 alin. (4))"
    assert rows["helper"]["mechanisms"] == "transfer în temeiul articolului 49 alineatul (1) al doilea paragraf"
    assert rows["helper"]["derogation_safeguards"] == "evaluare din 2024; datele sunt pseudonimizate"
    assert rows["partner"]["arrangement"] == "fiecare răspunde de propriii participanți"
    unknown = rows["stranger"]
    assert (unknown["legal_entity"], unknown["country"], unknown["contract_date"], unknown["mechanisms"]) == (
        None,
        None,
        None,
        None,
    )


def test_the_security_sheet(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    assert _rows(grids, "small", "ro", "security") == [
        {
            "id": "encryption",
            "name": "criptare",
            "description": "discuri criptate",
            "point": "pseudonimizarea și criptarea datelor cu caracter personal — art. 32 alin. (1) lit. (a)",
            "public": "Da",
            "activities": "Membri",
        },
        {
            "id": "backups",
            "name": "copii de siguranță",
            "description": None,
            "point": "capacitatea de a restabili disponibilitatea datelor și accesul la acestea în timp util în"
            " cazul unui incident de natură fizică sau tehnică — art. 32 alin. (1) lit. (c)",
            "public": "Nu",
            "activities": "Membri\nCatalog electronic",
        },
    ]


# --- every register: every fact in, nothing invented ------------------------------------------------------


def _on(name: str) -> date:
    return SMALL_ON if name == "small" else ONEDU_ON


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_transfer_of_the_register_has_its_row(
    registers: dict[str, Register], grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    register = registers[name]
    transfers = register_transfers(register, _on(name))
    yes_no = {True: "Da", False: "Nu"} if lang == "ro" else {True: "Yes", False: "No"}
    expected = [
        (
            register.activities[item.activity].name[lang],
            register.recipients[item.recipient].name,
            f"{country_name(item.destination, lang)} ({item.destination})",
            yes_no[item.dpf_certified],
            yes_no[item.assessment.lawful],
            item.assessment.citation_in(lang),
            "\n".join(item.assessment.reasons_in(lang)),
            yes_no[item.assessment.tia_required],
            register.recipients[item.recipient].transfer_impact_assessment,
        )
        for item in transfers
    ]
    rows = _rows(grids, name, lang, "transfers")
    found = [
        (
            row["activity"],
            row["recipient"],
            row["destination"],
            row["dpf_certified"],
            row["lawful"],
            row["citation"],
            row["reasons"],
            row["tia_required"],
            row["tia_reference"],
        )
        for row in rows
    ]
    assert found == expected
    assert transfers, "the fixture registers both transfer data outside the EEA"


def test_the_romanian_transfers_sheet_gives_the_verdicts_in_romanian(
    grids: dict[tuple[str, str], dict[str, Grid]],
) -> None:
    rows = _rows(grids, "onedu", "ro", "transfers")
    dpf = next(
        row for row in rows if row["recipient"] == "Google Workspace" and row["destination"] == "Statele Unite (US)"
    )
    assert dpf["citation"] == (
        "art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2023/1795 (Cadrul UE-SUA privind"
        " confidențialitatea datelor)"
    )
    assert str(dpf["reasons"]).startswith(
        "Statele Unite se află în afara Spațiului Economic European (SEE) la acea dată: se aplică capitolul V din"
        " RGPD (art. 44).\nDecizie privind caracterul adecvat al nivelului de protecție: "
    )
    scc = next(row for row in rows if row["basis"] == "garanții adecvate (art. 46 și 47)")
    assert "clauzele contractuale standard" in str(scc["citation"])
    assert "evaluarea impactului transferului (TIA)" in str(scc["reasons"])
    for row in rows:
        for column in ("citation", "reasons"):
            text = str(row[column])
            assert not any(english in text for english in ("GDPR", "Art. ", "Implementing Decision", " the ")), text
            assert not any(letter in text for letter in "şţŞŢ"), text


def test_the_english_transfers_sheet_keeps_the_english_verdicts(grids: dict[tuple[str, str], dict[str, Grid]]) -> None:
    rows = _rows(grids, "onedu", "en", "transfers")
    dpf = next(
        row for row in rows if row["recipient"] == "Google Workspace" and row["destination"] == "United States (US)"
    )
    assert dpf["citation"] == "Art. 45(3) GDPR; Implementing Decision (EU) 2023/1795 (EU-U.S. Data Privacy Framework)"
    assert str(dpf["reasons"]).startswith("The United States is outside the EEA on that date")


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_record_of_the_register_is_in_the_workbook(
    registers: dict[str, Register], grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    register = registers[name]
    controller_ids = [key for key, activity in register.activities.items() if activity.role is ActivityRole.CONTROLLER]
    processor_ids = [
        key
        for key, activity in register.activities.items()
        for _ in activity.on_behalf_of
        if activity.role == "processor"
    ]
    assert [row["id"] for row in _rows(grids, name, lang, "activities")] == controller_ids
    assert [row["id"] for row in _rows(grids, name, lang, "processor")] == processor_ids
    assert [(row["id"], row["name"]) for row in _rows(grids, name, lang, "purposes")] == [
        (key, purpose.name[lang]) for key, purpose in register.purposes.items()
    ]
    assert [(row["id"], row["name"]) for row in _rows(grids, name, lang, "recipients")] == [
        (key, recipient.name) for key, recipient in register.recipients.items()
    ]
    assert [(row["id"], row["name"]) for row in _rows(grids, name, lang, "security")] == [
        (key, measure.name[lang]) for key, measure in register.security_measures.items()
    ]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_activity_cells_hold_the_register_facts_and_nothing_else(
    registers: dict[str, Register], grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    register = registers[name]
    for row in _rows(grids, name, lang, "activities"):
        activity = register.activities[str(row["id"])]
        assert row["name"] == activity.name[lang]
        assert row["function"] == (activity.function[lang] if activity.function else None)
        assert row["description"] == (activity.description[lang] if activity.description else None)
        # The activity's source, then one line per `data_sources` entry (issue 21).
        sources = [activity.source[lang]] if activity.source else []
        sources += [entry.source[lang] for entry in activity.data_sources]
        assert [line.split(": ", 1)[-1] for line in str(row["source"] or "").split("\n") if line] == [
            text.split(": ", 1)[-1] for text in sources
        ]
        assert row["automated_decisions"] == (
            activity.automated_decisions[lang] if activity.automated_decisions else None
        )
        assert (row["created"], row["updated"], row["ended"]) == (activity.created, activity.updated, activity.ended)
        assert (row["dpia_reference"] is None) == (activity.dpia is None or activity.dpia.reference is None)
        assert (row["dpia_required"] is None) == (activity.dpia is None)
        assert row["purposes"] == ("\n".join(register.purposes[key].name[lang] for key in activity.purposes) or None)
        subjects = str(row["data_subjects"] or "").split("\n") if activity.data_subjects else []
        assert [line.split(" (")[0] for line in subjects] == [
            register.data_subjects[key].name[lang].split(" (")[0] for key in activity.data_subjects
        ]
        categories = str(row["data_categories"] or "").split("\n") if activity.data_categories else []
        assert len(categories) == len(activity.data_categories)
        for line, key in zip(categories, activity.data_categories, strict=True):
            assert line.startswith(register.data_categories[key].name[lang])
        recipients = str(row["recipients"] or "").split("\n") if activity.recipients else []
        assert [line.split(" — ")[0] for line in recipients] == [
            register.recipients[key].name for key in activity.recipients
        ]
        assert (row["retention"] is None) == (not activity.retention)
        assert (row["security_measures"] is None) == (not activity.security_measures)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_recipient_cells_hold_the_register_facts_and_nothing_else(
    registers: dict[str, Register], grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    register = registers[name]
    for row in _rows(grids, name, lang, "recipients"):
        recipient = register.recipients[str(row["id"])]
        # The legal entity, and its company group where the register names one (issue 21).
        entity = recipient.legal_entity
        if recipient.group is not None:
            group = {"en": "group: ", "ro": "grupul: "}[lang] + recipient.group
            entity = f"{entity} ({group})" if entity else group
        assert row["legal_entity"] == entity
        assert row["country"] == (country_name(recipient.country, lang) if recipient.country else None)
        assert row["locations"] == ("\n".join(country_name(place, lang) for place in recipient.locations) or None)
        assert row["contract_date"] == (recipient.contract.date if recipient.contract else None)
        assert row["contract_reference"] == (recipient.contract.reference if recipient.contract else None)
        assert row["transfer_impact_assessment"] == recipient.transfer_impact_assessment
        assert row["derogation_safeguards"] == (
            recipient.derogation_safeguards[lang] if recipient.derogation_safeguards else None
        )
        assert row["arrangement"] == (recipient.arrangement[lang] if recipient.arrangement else None)
        assert row["contact"] == recipient.contact
        assert row["privacy_policy"] == recipient.privacy_policy
        assert row["sources"] == ("\n".join(recipient.sources) or None)
        assert row["category"] == register.recipient_categories[recipient.category][lang]
        assert (row["mechanisms"] is None) == (not recipient.mechanisms)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_controller_sheet_fills_only_what_the_register_holds(
    registers: dict[str, Register], grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    controller = registers[name].controller
    sheet = grids[name, lang][labels.SHEET_NAMES["controller"][lang]]
    sections = {key: section[lang] for key, section in labels.CONTROLLER_SECTIONS.items()}
    contact = controller.dpo
    values = [row[2] for row in sheet[4:] if row[0] == sections["dpo"]]
    assert values == (
        [contact.name, contact.email, contact.phone, contact.web, contact.address] if contact else [None] * 5
    )
    # Both controllers are Romanian: no representative to name (Art. 27(1)), so no rows for one.
    assert not [row for row in sheet[4:] if row[0] == sections["representative"]]
    facts = {row[1]: row[2] for row in sheet[4:] if row[0] == sections["controller"]}
    elements = {key: str(element[lang]) for key, element in labels.CONTROLLER_ELEMENTS.items()}
    assert facts[elements["name"]] == controller.name
    assert facts[elements["fiscal_code"]] == controller.fiscal_code
    assert facts[elements["registration"]] == controller.registration
    assert facts[elements["address"]] == controller.address
    assert facts[elements["email"]] == controller.email
    assert facts[elements["phone"]] == controller.phone
    assert facts[elements["web"]] == controller.web


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_activity_sheets_repeat_the_activity_rows(
    grids: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    record_label, _ = labels.HEADERS["transfers"]["record"]
    expected: list[list[Value]] = []
    # The record row cites the record the activity is in (Art. 30(1) or 30(2)), not the transfers' points.
    for sheet, kind, record in (("activities", "controller_record", "30-1"), ("processor", "processor_record", "30-2")):
        for row in _rows(grids, name, lang, sheet):
            point = labels.POINTS[record][lang]
            expected.append([row["id"], record_label[lang], labels.PHRASES[kind][lang], point])
            for key, value in list(row.items())[1:]:
                label, point_key = labels.HEADERS[sheet][key]
                expected.append([row["id"], label[lang], value, labels.POINTS[point_key][lang]])
    assert expected
    assert grids[name, lang][labels.SHEET_NAMES["fiches"][lang]][4:] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_romanian_letters_are_written_with_the_comma_below(
    grids: dict[tuple[str, str], dict[str, Grid]], lang: str
) -> None:
    for grid in grids["onedu", lang].values():
        for row in grid:
            for value in row:
                assert not (isinstance(value, str) and set(value) & set("şţŞŢ")), value


def test_onedu_recipients_carry_their_registration_and_office(
    grids: dict[tuple[str, str], dict[str, Grid]], registers: dict[str, Register]
) -> None:
    rows = {row["id"]: row for row in _rows(grids, "onedu", "en", "recipients")}
    for key, recipient in registers["onedu"].recipients.items():
        assert (rows[key]["registration"], rows[key]["address"]) == (recipient.registration, recipient.address)
    assert rows["oblio"]["registration"] == "CUI RO37311090, J13/887/2017"
