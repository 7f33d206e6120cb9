"""The words of the Article 30 workbook, in Romanian and English: data, not code.

Labels that cite a country's own law live with that law (`ropa.law.national`), used only for its controllers.

Romanian follows the official Romanian text of Regulation (EU) 2016/679 (Art. 6, 9, 26-32, 45-49;
`reference/law.md` §3, `reference/romanian-gdpr.md`), written with comma-below ș and ț. Where the
official wording is not confirmed, the label names the provision instead of paraphrasing it
(e.g. Art. 49(1) second subparagraph). Every label is a mapping from language to text.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CONTACT_FIELDS",
    "CONTROLLER_ELEMENTS",
    "CONTROLLER_SECTIONS",
    "DURATION_UNITS",
    "FOOTER",
    "HEADERS",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "LEGAL_BASES",
    "MECHANISMS",
    "PHRASES",
    "POINTS",
    "RECIPIENT_ROLES",
    "SECURITY_POINTS",
    "SHEET_NAMES",
    "SHEET_NOTES",
    "SHEET_TITLES",
    "SPECIAL_CATEGORIES",
    "SPECIAL_CONDITIONS",
    "TRANSFER_BASES",
    "YES_NO",
    "Label",
]

Label = dict[str, str]
"""A text in every language the workbook speaks: `{"ro": …, "en": …}`."""

LANGUAGES: Final = ("ro", "en")

# --- sheets -----------------------------------------------------------------------------------------

SHEET_NAMES: Final[dict[str, Label]] = {
    "controller": {"ro": "Operatorul", "en": "Controller"},
    "activities": {"ro": "Activități art. 30(1)", "en": "Activities Art. 30(1)"},
    "processor": {"ro": "Împuternicit art. 30(2)", "en": "Processor Art. 30(2)"},
    "fiches": {"ro": "Fișele activităților", "en": "Activity sheets"},
    "purposes": {"ro": "Scopuri", "en": "Purposes"},
    "recipients": {"ro": "Destinatari", "en": "Recipients"},
    "transfers": {"ro": "Transferuri", "en": "Transfers"},
    "security": {"ro": "Măsuri de securitate", "en": "Security measures"},
}

SHEET_TITLES: Final[dict[str, Label]] = {
    "controller": {
        "ro": "Evidențele activităților de prelucrare (art. 30 din Regulamentul (UE) 2016/679) — operatorul",
        "en": "Records of processing activities (Article 30 of Regulation (EU) 2016/679) — the controller",
    },
    "activities": {
        "ro": "Activitățile de prelucrare desfășurate în calitate de operator — art. 30 alin. (1)",
        "en": "Processing activities carried out as controller — Art. 30(1)",
    },
    "processor": {
        "ro": "Categoriile de activități de prelucrare desfășurate în numele unui operator — art. 30 alin. (2)",
        "en": "Categories of processing activities carried out on behalf of a controller — Art. 30(2)",
    },
    "fiches": {
        "ro": "Fișele activităților de prelucrare — fiecare activitate începe pe o pagină tipărită nouă",
        "en": "The processing activities one by one — each activity starts a new printed page",
    },
    "purposes": {
        "ro": "Scopurile prelucrării și temeiul juridic — art. 30 alin. (1) lit. (b), art. 6 și art. 9",
        "en": "Purposes of the processing and their lawful basis — Art. 30(1)(b), Art. 6 and Art. 9",
    },
    "recipients": {
        "ro": "Destinatarii datelor cu caracter personal — art. 30 alin. (1) lit. (d) și (e)",
        "en": "Recipients of the personal data — Art. 30(1)(d) and (e)",
    },
    "transfers": {
        "ro": "Transferurile către țări terțe sau organizații internaționale — art. 30 alin. (1) lit. (e)"
        " și alin. (2) lit. (c)",
        "en": "Transfers to third countries or international organisations — Art. 30(1)(e) and 30(2)(c)",
    },
    "security": {
        "ro": "Măsurile tehnice și organizatorice de securitate — art. 30 alin. (1) lit. (g), alin. (2) lit. (d)"
        " și art. 32 alin. (1)",
        "en": "Technical and organisational security measures — Art. 30(1)(g), 30(2)(d) and Art. 32(1)",
    },
}

SHEET_NOTES: Final[dict[str, Label]] = {
    "controller": {
        "ro": "Un rând pentru fiecare informație. Celulă goală: informația nu figurează în evidență"
        " (pentru responsabilul cu protecția datelor și reprezentant: nu este desemnat).",
        "en": "One row per fact. An empty cell: the register does not hold the fact"
        " (for the data protection officer and the representative: none is designated).",
    },
    "activities": {
        "ro": "Un rând pentru fiecare activitate; listele au câte un element pe rând. Celulă goală: informația"
        " nu figurează în evidență. Sub fiecare antet: punctul din art. 30 pe care îl îndeplinește coloana,"
        " sau «în afara art. 30» pentru ce cer în plus modelele autorităților (ICO, CNIL, GBA).",
        "en": "One row per activity; lists hold one item per line. An empty cell: the register does not hold"
        " the fact. Under each heading: the point of Article 30 the column fulfils, or «beyond Art. 30» for"
        " what the authorities' templates (ICO, CNIL, GBA) also ask.",
    },
    "processor": {
        "ro": "Un rând pentru fiecare activitate și fiecare operator în numele căruia se desfășoară."
        " Persoana împuternicită de operator și responsabilul său cu protecția datelor: foaia «Operatorul».",
        "en": "One row per activity and per controller it is carried out for. The processor itself and its"
        " data protection officer: the «Controller» sheet.",
    },
    "fiches": {
        "ro": "Aceleași informații ca în foile «Activități art. 30(1)» și «Împuternicit art. 30(2)», așezate"
        " pe verticală, pentru tipărire.",
        "en": "The same facts as the «Activities Art. 30(1)» and «Processor Art. 30(2)» sheets, laid out"
        " vertically for printing.",
    },
    "purposes": {
        "ro": "Un rând pentru fiecare scop din evidență, cu activitățile care îl urmăresc.",
        "en": "One row per purpose of the register, with the activities that pursue it.",
    },
    "recipients": {
        "ro": "Un rând pentru fiecare destinatar din evidență. Adresele web sunt text, nu legături.",
        "en": "One row per recipient of the register. Web addresses are text, not links.",
    },
    "transfers": {
        "ro": "Un rând pentru fiecare transfer (activitate × destinatar × țară terță), evaluat la data de referință.",
        "en": "One row per transfer (activity × recipient × third country), assessed on the as-of date.",
    },
    "security": {
        "ro": "Un rând pentru fiecare măsură, cu punctul din art. 32 alin. (1) pe care îl servește.",
        "en": "One row per measure, with the point of Art. 32(1) it serves.",
    },
}

FOOTER: Final[Label] = {"ro": "Pagina &P din &N", "en": "Page &P of &N"}

# --- the points of Article 30 (and, for the extra columns, where they come from) --------------------

POINTS: Final[dict[str, Label]] = {
    "30-1": {"ro": "art. 30 alin. (1)", "en": "Art. 30(1)"},
    "30-1-2": {"ro": "art. 30 alin. (1) și (2)", "en": "Art. 30(1) and (2)"},
    "30-1-a": {"ro": "art. 30 alin. (1) lit. (a)", "en": "Art. 30(1)(a)"},
    "30-1-a-2-a": {"ro": "art. 30 alin. (1) lit. (a) și alin. (2) lit. (a)", "en": "Art. 30(1)(a) and 30(2)(a)"},
    "30-1-b": {"ro": "art. 30 alin. (1) lit. (b)", "en": "Art. 30(1)(b)"},
    "30-1-c": {"ro": "art. 30 alin. (1) lit. (c)", "en": "Art. 30(1)(c)"},
    "30-1-d": {"ro": "art. 30 alin. (1) lit. (d)", "en": "Art. 30(1)(d)"},
    "30-1-d-e": {"ro": "art. 30 alin. (1) lit. (d) și (e)", "en": "Art. 30(1)(d) and (e)"},
    "30-1-e": {"ro": "art. 30 alin. (1) lit. (e)", "en": "Art. 30(1)(e)"},
    "30-1-e-2-c": {"ro": "art. 30 alin. (1) lit. (e) și alin. (2) lit. (c)", "en": "Art. 30(1)(e) and 30(2)(c)"},
    "30-1-f": {"ro": "art. 30 alin. (1) lit. (f)", "en": "Art. 30(1)(f)"},
    "30-1-g": {"ro": "art. 30 alin. (1) lit. (g)", "en": "Art. 30(1)(g)"},
    "30-1-g-2-d": {"ro": "art. 30 alin. (1) lit. (g) și alin. (2) lit. (d)", "en": "Art. 30(1)(g) and 30(2)(d)"},
    "30-2": {"ro": "art. 30 alin. (2)", "en": "Art. 30(2)"},
    "30-2-a": {"ro": "art. 30 alin. (2) lit. (a)", "en": "Art. 30(2)(a)"},
    "30-2-b": {"ro": "art. 30 alin. (2) lit. (b)", "en": "Art. 30(2)(b)"},
    "30-2-c": {"ro": "art. 30 alin. (2) lit. (c)", "en": "Art. 30(2)(c)"},
    "30-2-d": {"ro": "art. 30 alin. (2) lit. (d)", "en": "Art. 30(2)(d)"},
    "30-5": {"ro": "art. 30 alin. (5)", "en": "Art. 30(5)"},
    "extra": {"ro": "în afara art. 30", "en": "beyond Art. 30"},
    "extra-id": {"ro": "în afara art. 30: identificator", "en": "beyond Art. 30: id"},
    "extra-ico": {"ro": "în afara art. 30 (modelul ICO)", "en": "beyond Art. 30 (ICO template)"},
    "extra-art6": {"ro": "în afara art. 30: art. 6 alin. (1)", "en": "beyond Art. 30: Art. 6(1)"},
    "extra-art6f": {"ro": "în afara art. 30: art. 6 alin. (1) lit. (f)", "en": "beyond Art. 30: Art. 6(1)(f)"},
    "extra-art9": {"ro": "în afara art. 30: art. 9 și 10", "en": "beyond Art. 30: Art. 9 and 10"},
    "extra-art14": {"ro": "în afara art. 30: art. 14", "en": "beyond Art. 30: Art. 14"},
    "extra-art22": {"ro": "în afara art. 30: art. 22", "en": "beyond Art. 30: Art. 22"},
    "extra-art28": {"ro": "în afara art. 30: art. 28", "en": "beyond Art. 30: Art. 28"},
    "extra-art35": {"ro": "în afara art. 30: art. 35", "en": "beyond Art. 30: Art. 35"},
    "extra-chapter-v": {"ro": "în afara art. 30: capitolul V", "en": "beyond Art. 30: Chapter V"},
    "extra-history": {"ro": "în afara art. 30: istoric", "en": "beyond Art. 30: history"},
    "extra-location": {"ro": "în afara art. 30: locația datelor", "en": "beyond Art. 30: data location"},
    "extra-link": {"ro": "în afara art. 30: legătură", "en": "beyond Art. 30: cross-reference"},
}

# --- column headings: sheet → column → (label, point) -----------------------------------------------

HEADERS: Final[dict[str, dict[str, tuple[Label, str]]]] = {
    "controller": {
        "section": ({"ro": "Secțiunea", "en": "Section"}, "30-1-a-2-a"),
        "element": ({"ro": "Informația", "en": "Element"}, "30-1-a-2-a"),
        "value": ({"ro": "Conținutul", "en": "Value"}, "30-1-a-2-a"),
        "point": ({"ro": "Temeiul", "en": "Provision"}, "30-1-a-2-a"),
    },
    "activities": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "name": ({"ro": "Denumirea activității de prelucrare", "en": "Processing activity"}, "30-1"),
        "function": ({"ro": "Funcția sau compartimentul responsabil", "en": "Business function"}, "extra-ico"),
        "description": ({"ro": "Descrierea activității", "en": "Description of the activity"}, "extra-ico"),
        "purposes": ({"ro": "Scopurile prelucrării", "en": "Purposes of the processing"}, "30-1-b"),
        "legal_bases": ({"ro": "Temeiul juridic al prelucrării", "en": "Lawful basis of the processing"}, "extra-art6"),
        "legitimate_interests": (
            {"ro": "Interesele legitime urmărite", "en": "Legitimate interests pursued"},
            "extra-art6f",
        ),
        "special_conditions": (
            {
                "ro": "Condiția de la art. 9 alin. (2) pentru categoriile speciale de date",
                "en": "Article 9(2) condition for special category data",
            },
            "extra-art9",
        ),
        "data_subjects": ({"ro": "Categoriile de persoane vizate", "en": "Categories of data subjects"}, "30-1-c"),
        "data_categories": (
            {"ro": "Categoriile de date cu caracter personal", "en": "Categories of personal data"},
            "30-1-c",
        ),
        "special_data": (
            {
                "ro": "Categorii speciale de date (art. 9) și date privind condamnări penale (art. 10)",
                "en": "Special category data (Art. 9) and criminal offence data (Art. 10)",
            },
            "extra-art9",
        ),
        "source": ({"ro": "Sursa datelor", "en": "Source of the personal data"}, "extra-art14"),
        "recipient_categories": (
            {
                "ro": "Categoriile de destinatari cărora le-au fost sau le vor fi divulgate datele",
                "en": "Categories of recipients to whom the data have been or will be disclosed",
            },
            "30-1-d",
        ),
        "recipients": (
            {
                "ro": "Destinatarii, inclusiv destinatarii din țări terțe sau organizații internaționale",
                "en": "Recipients, including recipients in third countries or international organisations",
            },
            "30-1-d",
        ),
        "transfers": (
            {
                "ro": "Transferurile către o țară terță sau o organizație internațională (identificarea acesteia)",
                "en": "Transfers to a third country or an international organisation (its identification)",
            },
            "30-1-e",
        ),
        "transfer_safeguards": (
            {"ro": "Temeiul și garanțiile transferurilor", "en": "Basis and safeguards of the transfers"},
            "30-1-e",
        ),
        "derogation_documentation": (
            {
                "ro": "Documentația care dovedește existența unor garanții adecvate"
                " (art. 49 alin. (1) al doilea paragraf)",
                "en": "Documentation of suitable safeguards (Art. 49(1) second subparagraph)",
            },
            "30-1-e",
        ),
        "retention": (
            {
                "ro": "Termenele-limită preconizate pentru ștergerea diferitelor categorii de date",
                "en": "Envisaged time limits for erasure of the different categories of data",
            },
            "30-1-f",
        ),
        "security_measures": (
            {
                "ro": "Descrierea generală a măsurilor tehnice și organizatorice de securitate (art. 32 alin. (1))",
                "en": "General description of the technical and organisational security measures (Art. 32(1))",
            },
            "30-1-g",
        ),
        "locations": (
            {"ro": "Locațiile prelucrării la destinatari", "en": "Processing locations of the recipients"},
            "extra-location",
        ),
        "automated_decisions": (
            {
                "ro": "Procesul decizional automatizat, inclusiv crearea de profiluri",
                "en": "Automated decision-making, including profiling",
            },
            "extra-art22",
        ),
        "dpia_required": (
            {"ro": "Evaluarea impactului (EIPD) este necesară", "en": "DPIA required"},
            "extra-art35",
        ),
        "dpia_done": ({"ro": "EIPD efectuată", "en": "DPIA carried out"}, "extra-art35"),
        "dpia_reference": ({"ro": "Referința EIPD", "en": "DPIA reference"}, "extra-art35"),
        "occasional": ({"ro": "Prelucrare ocazională", "en": "Occasional processing"}, "30-5"),
        "created": ({"ro": "Data creării înregistrării", "en": "Entry created"}, "extra-history"),
        "updated": ({"ro": "Data ultimei actualizări", "en": "Entry last updated"}, "extra-history"),
        "ended": ({"ro": "Data încetării prelucrării", "en": "Processing ended"}, "extra-history"),
    },
    "processor": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "name": (
            {"ro": "Activitatea de prelucrare", "en": "Processing activity"},
            "30-2-b",
        ),
        "processor": (
            {
                "ro": "Numele și datele de contact ale persoanei împuternicite de operator",
                "en": "Name and contact details of the processor",
            },
            "30-2-a",
        ),
        "controller": (
            {
                "ro": "Operatorul în numele căruia acționează persoana împuternicită",
                "en": "Controller on behalf of which the processor is acting",
            },
            "30-2-a",
        ),
        "controller_contact": (
            {"ro": "Datele de contact ale operatorului", "en": "Contact details of the controller"},
            "30-2-a",
        ),
        "controller_representative": (
            {"ro": "Reprezentantul operatorului", "en": "The controller's representative"},
            "30-2-a",
        ),
        "controller_dpo": (
            {
                "ro": "Responsabilul cu protecția datelor al operatorului",
                "en": "The controller's data protection officer",
            },
            "30-2-a",
        ),
        "description": (
            {
                "ro": "Categoriile de activități de prelucrare desfășurate în numele operatorului",
                "en": "Categories of processing carried out on behalf of the controller",
            },
            "30-2-b",
        ),
        "purposes": ({"ro": "Scopurile stabilite de operator", "en": "Purposes set by the controller"}, "extra"),
        "data_subjects": ({"ro": "Categoriile de persoane vizate", "en": "Categories of data subjects"}, "extra"),
        "data_categories": (
            {"ro": "Categoriile de date cu caracter personal", "en": "Categories of personal data"},
            "extra",
        ),
        "recipients": (
            {
                "ro": "Alte persoane împuternicite și destinatari",
                "en": "Sub-processors and other recipients",
            },
            "extra-art28",
        ),
        "transfers": (
            {
                "ro": "Transferurile către o țară terță sau o organizație internațională (identificarea acesteia)",
                "en": "Transfers to a third country or an international organisation (its identification)",
            },
            "30-2-c",
        ),
        "transfer_safeguards": (
            {"ro": "Temeiul și garanțiile transferurilor", "en": "Basis and safeguards of the transfers"},
            "30-2-c",
        ),
        "derogation_documentation": (
            {
                "ro": "Documentația care dovedește existența unor garanții adecvate"
                " (art. 49 alin. (1) al doilea paragraf)",
                "en": "Documentation of suitable safeguards (Art. 49(1) second subparagraph)",
            },
            "30-2-c",
        ),
        "security_measures": (
            {
                "ro": "Descrierea generală a măsurilor tehnice și organizatorice de securitate (art. 32 alin. (1))",
                "en": "General description of the technical and organisational security measures (Art. 32(1))",
            },
            "30-2-d",
        ),
        "retention": (
            {"ro": "Termenele de ștergere", "en": "Time limits for erasure"},
            "extra",
        ),
        "created": ({"ro": "Data creării înregistrării", "en": "Entry created"}, "extra-history"),
        "updated": ({"ro": "Data ultimei actualizări", "en": "Entry last updated"}, "extra-history"),
        "ended": ({"ro": "Data încetării prelucrării", "en": "Processing ended"}, "extra-history"),
    },
    "fiches": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "element": ({"ro": "Informația", "en": "Element"}, "30-1-2"),
        "value": ({"ro": "Conținutul", "en": "Value"}, "30-1-2"),
        "point": ({"ro": "Temeiul", "en": "Provision"}, "30-1-2"),
    },
    "purposes": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "name": ({"ro": "Scopul prelucrării", "en": "Purpose of the processing"}, "30-1-b"),
        "description": ({"ro": "Descrierea scopului", "en": "Description of the purpose"}, "30-1-b"),
        "legal_basis": ({"ro": "Temeiul juridic al prelucrării", "en": "Lawful basis of the processing"}, "extra-art6"),
        "legitimate_interest": (
            {"ro": "Interesele legitime urmărite", "en": "Legitimate interests pursued"},
            "extra-art6f",
        ),
        "special_condition": (
            {"ro": "Condiția de la art. 9 alin. (2)", "en": "Article 9(2) condition"},
            "extra-art9",
        ),
        "activities": ({"ro": "Activitățile de prelucrare", "en": "Processing activities"}, "extra-link"),
        "recipients": (
            {"ro": "Destinatarii cărora li se comunică datele", "en": "Recipients the data is shared with"},
            "30-1-d",
        ),
    },
    "recipients": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "name": ({"ro": "Destinatarul", "en": "Recipient"}, "30-1-d"),
        "legal_entity": ({"ro": "Entitatea juridică", "en": "Legal entity"}, "30-1-d"),
        "registration": (
            {"ro": "Codul fiscal și numărul de înregistrare", "en": "Fiscal and registration numbers"},
            "30-1-d",
        ),
        "address": ({"ro": "Sediul", "en": "Registered office"}, "30-1-d"),
        "category": ({"ro": "Categoria de destinatari", "en": "Category of recipients"}, "30-1-d"),
        "role": ({"ro": "Calitatea destinatarului", "en": "Role of the recipient"}, "extra-art28"),
        "country": ({"ro": "Țara de stabilire", "en": "Country of establishment"}, "30-1-d"),
        "locations": (
            {
                "ro": "Locațiile prelucrării (țări sau organizații internaționale)",
                "en": "Processing locations (countries or international organisations)",
            },
            "30-1-d-e",
        ),
        "contract_date": (
            {
                "ro": "Contractul sau actul juridic (art. 28 alin. (3)) — data",
                "en": "Contract or legal act (Art. 28(3)) — date",
            },
            "extra-art28",
        ),
        "contract_reference": (
            {
                "ro": "Contractul sau actul juridic (art. 28 alin. (3)) — referința",
                "en": "Contract or legal act (Art. 28(3)) — reference",
            },
            "extra-art28",
        ),
        "dpf_certified": (
            {
                "ro": "Certificat în Cadrul UE-SUA privind confidențialitatea datelor"
                " (Decizia de punere în aplicare (UE) 2023/1795)",
                "en": "Certified under the EU-U.S. Data Privacy Framework (Decision (EU) 2023/1795)",
            },
            "extra-chapter-v",
        ),
        "mechanisms": (
            {
                "ro": "Instrumentele de transfer declarate (art. 46, 47, 49)",
                "en": "Declared transfer tools (Art. 46, 47, 49)",
            },
            "30-1-e",
        ),
        "transfer_impact_assessment": (
            {"ro": "Evaluarea impactului transferului (TIA)", "en": "Transfer impact assessment (TIA)"},
            "extra-chapter-v",
        ),
        "derogation_safeguards": (
            {
                "ro": "Documentația care dovedește existența unor garanții adecvate"
                " (art. 49 alin. (1) al doilea paragraf)",
                "en": "Documentation of suitable safeguards (Art. 49(1) second subparagraph)",
            },
            "30-1-e",
        ),
        "arrangement": (
            {
                "ro": "Esența acordului dintre operatorii asociați (art. 26)",
                "en": "Essence of the joint controllers' arrangement (Art. 26)",
            },
            "30-1-a",
        ),
        "shared_for": (
            {"ro": "Scopurile pentru care se comunică datele", "en": "Purposes the data is shared for"},
            "30-1-b",
        ),
        "activities": ({"ro": "Activitățile de prelucrare", "en": "Processing activities"}, "extra-link"),
        "contact": ({"ro": "Date de contact", "en": "Contact details"}, "extra"),
        "privacy_policy": (
            {"ro": "Politica de confidențialitate a destinatarului", "en": "The recipient's privacy policy"},
            "extra",
        ),
        "sources": ({"ro": "Sursele informațiilor", "en": "Sources of these facts"}, "extra"),
    },
    "transfers": {
        "activity": ({"ro": "Activitatea de prelucrare", "en": "Processing activity"}, "30-1-e-2-c"),
        "record": ({"ro": "Evidența", "en": "Record"}, "30-1-e-2-c"),
        "exporter": ({"ro": "Exportatorul", "en": "Exporter"}, "extra-chapter-v"),
        "recipient": ({"ro": "Destinatarul (importatorul)", "en": "Recipient (importer)"}, "30-1-e-2-c"),
        "importer_role": (
            {"ro": "Calitatea importatorului în această activitate", "en": "The importer's role in this activity"},
            "extra-chapter-v",
        ),
        "destination": (
            {
                "ro": "Țara terță sau organizația internațională",
                "en": "Third country or international organisation",
            },
            "30-1-e-2-c",
        ),
        "mechanisms": (
            {"ro": "Instrumentele de transfer declarate", "en": "Declared transfer tools"},
            "30-1-e-2-c",
        ),
        "dpf_certified": (
            {
                "ro": "Certificat în Cadrul UE-SUA privind confidențialitatea datelor",
                "en": "EU-U.S. Data Privacy Framework certified",
            },
            "extra-chapter-v",
        ),
        "lawful": (
            {"ro": "Transfer legal la data de referință", "en": "Lawful on the as-of date"},
            "extra-chapter-v",
        ),
        "basis": ({"ro": "Temeiul transferului", "en": "Basis of the transfer"}, "extra-chapter-v"),
        "citation": ({"ro": "Trimiterea juridică", "en": "Legal citation"}, "extra-chapter-v"),
        "reasons": ({"ro": "Motivarea", "en": "Reasons"}, "extra-chapter-v"),
        "scc_module": (
            {
                "ro": "Modulul clauzelor contractuale standard (Decizia (UE) 2021/914)",
                "en": "Module of the standard contractual clauses (Decision (EU) 2021/914)",
            },
            "extra-chapter-v",
        ),
        "importer_caveat": (
            {"ro": "Importator supus RGPD (art. 3 alin. (2))", "en": "Importer subject to the GDPR (Art. 3(2))"},
            "extra-chapter-v",
        ),
        "tia_required": (
            {"ro": "Evaluarea impactului transferului necesară", "en": "Transfer impact assessment required"},
            "extra-chapter-v",
        ),
        "tia_reference": (
            {"ro": "Evaluarea impactului transferului — referința", "en": "Transfer impact assessment — reference"},
            "extra-chapter-v",
        ),
        "derogation_documentation": (
            {
                "ro": "Documentația care dovedește existența unor garanții adecvate"
                " (art. 49 alin. (1) al doilea paragraf)",
                "en": "Documentation of suitable safeguards (Art. 49(1) second subparagraph)",
            },
            "30-1-e-2-c",
        ),
    },
    "security": {
        "id": ({"ro": "ID", "en": "ID"}, "extra-id"),
        "name": ({"ro": "Măsura", "en": "Measure"}, "30-1-g-2-d"),
        "description": ({"ro": "Descrierea generală", "en": "General description"}, "30-1-g-2-d"),
        "point": ({"ro": "Punctul din art. 32 alin. (1)", "en": "Point of Art. 32(1)"}, "30-1-g-2-d"),
        "public": (
            {"ro": "Poate fi menționată public", "en": "May be named publicly"},
            "extra",
        ),
        "activities": ({"ro": "Activitățile de prelucrare", "en": "Processing activities"}, "extra-link"),
    },
}

# --- the controller sheet: sections and elements ----------------------------------------------------

CONTROLLER_SECTIONS: Final[dict[str, Label]] = {
    "record": {"ro": "Evidența", "en": "The record"},
    "controller": {"ro": "Operatorul", "en": "Controller"},
    "dpo": {"ro": "Responsabilul cu protecția datelor", "en": "Data protection officer"},
    "representative": {"ro": "Reprezentantul operatorului", "en": "The controller's representative"},
    "joint_controller": {"ro": "Operator asociat", "en": "Joint controller"},
}

CONTROLLER_ELEMENTS: Final[dict[str, Label]] = {
    "register_date": {"ro": "Data evidenței", "en": "Date of the register"},
    "as_of": {"ro": "Situația la data de", "en": "As of"},
    "language": {"ro": "Limba", "en": "Language"},
    "name": {"ro": "Denumirea", "en": "Name"},
    "person": {"ro": "Numele", "en": "Name"},
    "legal_form": {"ro": "Forma juridică", "en": "Legal form"},
    "fiscal_code": {"ro": "Codul de identificare fiscală", "en": "Fiscal identification code"},
    "registration": {"ro": "Numărul de înregistrare", "en": "Registration number"},
    "address": {"ro": "Adresa", "en": "Address"},
    "country": {"ro": "Țara", "en": "Country"},
    "email": {"ro": "E-mail", "en": "Email"},
    "phone": {"ro": "Telefon", "en": "Telephone"},
    "web": {"ro": "Web", "en": "Web"},
    "contact_point": {
        "ro": "Punctul de contact pentru persoanele vizate",
        "en": "Contact point for data subjects",
    },
    "legal_entity": {"ro": "Entitatea juridică", "en": "Legal entity"},
    "contact": {"ro": "Date de contact", "en": "Contact details"},
    "arrangement": {
        "ro": "Esența acordului dintre operatorii asociați (art. 26 alin. (2))",
        "en": "Essence of the arrangement (Art. 26(2))",
    },
    "activities": {"ro": "Activitățile de prelucrare", "en": "Processing activities"},
}

LANGUAGE_NAMES: Final[dict[str, Label]] = {
    "ro": {"ro": "română", "en": "Romanian"},
    "en": {"ro": "engleză", "en": "English"},
}

CONTACT_FIELDS: Final[dict[str, Label]] = {
    "address": {"ro": "Adresa: ", "en": "Address: "},
    "email": {"ro": "E-mail: ", "en": "Email: "},
    "phone": {"ro": "Telefon: ", "en": "Telephone: "},
    "web": {"ro": "Web: ", "en": "Web: "},
    "country": {"ro": "Țara: ", "en": "Country: "},
}

# --- the closed vocabularies ------------------------------------------------------------------------

YES_NO: Final[dict[bool, Label]] = {
    True: {"ro": "Da", "en": "Yes"},
    False: {"ro": "Nu", "en": "No"},
}

LEGAL_BASES: Final[dict[str, Label]] = {
    "consent": {
        "ro": "consimțământul persoanei vizate — art. 6 alin. (1) lit. (a)",
        "en": "consent of the data subject — Art. 6(1)(a)",
    },
    "contract": {
        "ro": "executarea unui contract la care persoana vizată este parte — art. 6 alin. (1) lit. (b)",
        "en": "performance of a contract with the data subject — Art. 6(1)(b)",
    },
    "legal-obligation": {
        "ro": "îndeplinirea unei obligații legale care îi revine operatorului — art. 6 alin. (1) lit. (c)",
        "en": "compliance with a legal obligation of the controller — Art. 6(1)(c)",
    },
    "vital-interests": {
        "ro": "protejarea intereselor vitale ale persoanei vizate sau ale altei persoane fizice"
        " — art. 6 alin. (1) lit. (d)",
        "en": "protection of the vital interests of the data subject or of another natural person — Art. 6(1)(d)",
    },
    "public-task": {
        "ro": "îndeplinirea unei sarcini care servește unui interes public sau care rezultă din exercitarea"
        " autorității publice — art. 6 alin. (1) lit. (e)",
        "en": "performance of a task in the public interest or in the exercise of official authority — Art. 6(1)(e)",
    },
    "legitimate-interests": {
        "ro": "interesele legitime urmărite de operator sau de o parte terță — art. 6 alin. (1) lit. (f)",
        "en": "legitimate interests pursued by the controller or by a third party — Art. 6(1)(f)",
    },
}

SPECIAL_CONDITIONS: Final[dict[str, Label]] = {
    "explicit-consent": {
        "ro": "consimțământul explicit al persoanei vizate — art. 9 alin. (2) lit. (a)",
        "en": "explicit consent of the data subject — Art. 9(2)(a)",
    },
    "employment-and-social-protection": {
        "ro": "obligații și drepturi în domeniul ocupării forței de muncă și al securității sociale și protecției"
        " sociale — art. 9 alin. (2) lit. (b)",
        "en": "obligations and rights in employment and social security and social protection law — Art. 9(2)(b)",
    },
    "vital-interests": {
        "ro": "protejarea intereselor vitale, când persoana vizată se află în incapacitate fizică sau juridică"
        " de a-și da consimțământul — art. 9 alin. (2) lit. (c)",
        "en": "vital interests, where the data subject is physically or legally incapable of giving consent"
        " — Art. 9(2)(c)",
    },
    "not-for-profit-body": {
        "ro": "activitățile legitime ale unei fundații, asociații sau ale altui organism fără scop lucrativ"
        " (membri, foști membri, persoane cu contacte permanente) — art. 9 alin. (2) lit. (d)",
        "en": "legitimate activities of a foundation, association or other not-for-profit body (members, former"
        " members, persons in regular contact) — Art. 9(2)(d)",
    },
    "made-public": {
        "ro": "date făcute publice în mod manifest de către persoana vizată — art. 9 alin. (2) lit. (e)",
        "en": "data manifestly made public by the data subject — Art. 9(2)(e)",
    },
    "legal-claims": {
        "ro": "constatarea, exercitarea sau apărarea unui drept în instanță — art. 9 alin. (2) lit. (f)",
        "en": "establishment, exercise or defence of legal claims — Art. 9(2)(f)",
    },
    "substantial-public-interest": {
        "ro": "motive de interes public major — art. 9 alin. (2) lit. (g)",
        "en": "reasons of substantial public interest — Art. 9(2)(g)",
    },
    "health-or-social-care": {
        "ro": "medicina preventivă sau a muncii, asistența medicală sau socială — art. 9 alin. (2) lit. (h)",
        "en": "preventive or occupational medicine, health or social care — Art. 9(2)(h)",
    },
    "public-health": {
        "ro": "motive de interes public în domeniul sănătății publice — art. 9 alin. (2) lit. (i)",
        "en": "reasons of public interest in the area of public health — Art. 9(2)(i)",
    },
    "archiving-research-statistics": {
        "ro": "arhivare în interes public, cercetare științifică sau istorică ori scopuri statistice"
        " — art. 9 alin. (2) lit. (j)",
        "en": "archiving in the public interest, scientific or historical research or statistical purposes"
        " — Art. 9(2)(j)",
    },
}

SPECIAL_CATEGORIES: Final[dict[str, Label]] = {
    "racial-or-ethnic-origin": {"ro": "originea rasială sau etnică", "en": "racial or ethnic origin"},
    "political-opinions": {"ro": "opiniile politice", "en": "political opinions"},
    "religious-or-philosophical-beliefs": {
        "ro": "confesiunea religioasă sau convingerile filozofice",
        "en": "religious or philosophical beliefs",
    },
    "trade-union-membership": {"ro": "apartenența la sindicate", "en": "trade union membership"},
    "genetic": {"ro": "date genetice", "en": "genetic data"},
    "biometric": {
        "ro": "date biometrice pentru identificarea unică a unei persoane fizice",
        "en": "biometric data for the purpose of uniquely identifying a natural person",
    },
    "health": {"ro": "date privind sănătatea", "en": "data concerning health"},
    "sex-life-or-orientation": {
        "ro": "date privind viața sexuală sau orientarea sexuală",
        "en": "data concerning sex life or sexual orientation",
    },
}

RECIPIENT_ROLES: Final[dict[str, Label]] = {
    "processor": {"ro": "persoană împuternicită de operator (art. 28)", "en": "processor (Art. 28)"},
    "sub-processor": {
        "ro": "altă persoană împuternicită de operator (art. 28 alin. (4))",
        "en": "sub-processor (Art. 28(4))",
    },
    "controller": {"ro": "operator", "en": "controller"},
    "joint-controller": {"ro": "operator asociat (art. 26)", "en": "joint controller (Art. 26)"},
    "public-authority": {"ro": "autoritate publică", "en": "public authority"},
}

SECURITY_POINTS: Final[dict[str, Label]] = {
    "a": {
        "ro": "pseudonimizarea și criptarea datelor cu caracter personal — art. 32 alin. (1) lit. (a)",
        "en": "pseudonymisation and encryption of personal data — Art. 32(1)(a)",
    },
    "b": {
        "ro": "capacitatea de a asigura confidențialitatea, integritatea, disponibilitatea și rezistența continue"
        " ale sistemelor și serviciilor de prelucrare — art. 32 alin. (1) lit. (b)",
        "en": "ongoing confidentiality, integrity, availability and resilience of processing systems and services"
        " — Art. 32(1)(b)",
    },
    "c": {
        "ro": "capacitatea de a restabili disponibilitatea datelor și accesul la acestea în timp util în cazul"
        " unui incident de natură fizică sau tehnică — art. 32 alin. (1) lit. (c)",
        "en": "restoring the availability of and access to personal data in a timely manner after a physical or"
        " technical incident — Art. 32(1)(c)",
    },
    "d": {
        "ro": "un proces pentru testarea, evaluarea și aprecierea periodice ale eficacității măsurilor"
        " — art. 32 alin. (1) lit. (d)",
        "en": "a process for regularly testing, assessing and evaluating the effectiveness of the measures"
        " — Art. 32(1)(d)",
    },
}

TRANSFER_BASES: Final[dict[str, Label]] = {
    "intra-eea": {
        "ro": "în Spațiul Economic European: nu este un transfer către o țară terță",
        "en": "within the European Economic Area: not a transfer to a third country",
    },
    "adequacy": {
        "ro": "decizie privind caracterul adecvat al nivelului de protecție (art. 45)",
        "en": "adequacy decision (Art. 45)",
    },
    "safeguards": {
        "ro": "garanții adecvate (art. 46 și 47)",
        "en": "appropriate safeguards (Art. 46 and 47)",
    },
    "derogation": {
        "ro": "derogare pentru situații specifice (art. 49)",
        "en": "derogation for specific situations (Art. 49)",
    },
    "none": {
        "ro": "niciun temei valabil în capitolul V",
        "en": "no valid basis under Chapter V",
    },
}

MECHANISMS: Final[dict[str, Label]] = {
    "scc": {
        "ro": "clauze standard de protecție a datelor adoptate de Comisie (Decizia de punere în aplicare (UE)"
        " 2021/914) — art. 46 alin. (2) lit. (c)",
        "en": "standard data protection clauses adopted by the Commission (Implementing Decision (EU) 2021/914)"
        " — Art. 46(2)(c)",
    },
    "scc-legacy": {
        "ro": "clauze contractuale standard anterioare (Deciziile 2001/497/CE, 2004/915/CE, 2010/87/UE),"
        " nevalabile de la 27 decembrie 2022",
        "en": "earlier standard contractual clauses (Decisions 2001/497/EC, 2004/915/EC, 2010/87/EU),"
        " not valid from 27 December 2022",
    },
    "bcr": {
        "ro": "reguli corporatiste obligatorii — art. 46 alin. (2) lit. (b) și art. 47",
        "en": "binding corporate rules — Art. 46(2)(b) and Art. 47",
    },
    "sa-scc": {
        "ro": "clauze standard de protecție a datelor adoptate de o autoritate de supraveghere și aprobate de"
        " Comisie — art. 46 alin. (2) lit. (d)",
        "en": "standard data protection clauses adopted by a supervisory authority and approved by the"
        " Commission — Art. 46(2)(d)",
    },
    "code-of-conduct": {
        "ro": "cod de conduită aprobat, însoțit de un angajament obligatoriu și executoriu"
        " — art. 46 alin. (2) lit. (e)",
        "en": "approved code of conduct with binding and enforceable commitments — Art. 46(2)(e)",
    },
    "certification": {
        "ro": "mecanism de certificare aprobat, însoțit de un angajament obligatoriu și executoriu"
        " — art. 46 alin. (2) lit. (f)",
        "en": "approved certification mechanism with binding and enforceable commitments — Art. 46(2)(f)",
    },
    "public-authority-instrument": {
        "ro": "instrument obligatoriu din punct de vedere juridic și executoriu între autoritățile sau"
        " organismele publice — art. 46 alin. (2) lit. (a)",
        "en": "legally binding and enforceable instrument between public authorities or bodies — Art. 46(2)(a)",
    },
    "ad-hoc-clauses": {
        "ro": "clauze contractuale autorizate de autoritatea de supraveghere competentă — art. 46 alin. (3) lit. (a)",
        "en": "contractual clauses authorised by the competent supervisory authority — Art. 46(3)(a)",
    },
    "administrative-arrangement": {
        "ro": "dispoziții introduse în acordurile administrative dintre autoritățile sau organismele publice"
        " — art. 46 alin. (3) lit. (b)",
        "en": "provisions in administrative arrangements between public authorities or bodies — Art. 46(3)(b)",
    },
    "derogation-49-1-a": {
        "ro": "consimțământul explicit al persoanei vizate, după informarea asupra riscurilor"
        " — art. 49 alin. (1) lit. (a)",
        "en": "explicit consent of the data subject, after being informed of the risks — Art. 49(1)(a)",
    },
    "derogation-49-1-b": {
        "ro": "executarea unui contract între persoana vizată și operator sau măsuri precontractuale"
        " — art. 49 alin. (1) lit. (b)",
        "en": "performance of a contract with the data subject or pre-contractual measures — Art. 49(1)(b)",
    },
    "derogation-49-1-c": {
        "ro": "încheierea sau executarea unui contract în interesul persoanei vizate — art. 49 alin. (1) lit. (c)",
        "en": "conclusion or performance of a contract in the interest of the data subject — Art. 49(1)(c)",
    },
    "derogation-49-1-d": {
        "ro": "considerente importante de interes public — art. 49 alin. (1) lit. (d)",
        "en": "important reasons of public interest — Art. 49(1)(d)",
    },
    "derogation-49-1-e": {
        "ro": "stabilirea, exercitarea sau apărarea unui drept în instanță — art. 49 alin. (1) lit. (e)",
        "en": "establishment, exercise or defence of legal claims — Art. 49(1)(e)",
    },
    "derogation-49-1-f": {
        "ro": "protejarea intereselor vitale ale persoanei vizate sau ale altor persoane — art. 49 alin. (1) lit. (f)",
        "en": "vital interests of the data subject or of other persons — Art. 49(1)(f)",
    },
    "derogation-49-1-g": {
        "ro": "transfer dintr-un registru destinat informării publicului — art. 49 alin. (1) lit. (g)",
        "en": "transfer from a register intended to provide information to the public — Art. 49(1)(g)",
    },
    "compelling-legitimate-interests": {
        "ro": "transfer în temeiul articolului 49 alineatul (1) al doilea paragraf",
        "en": "transfer under the second subparagraph of Article 49(1) (compelling legitimate interests)",
    },
    "privacy-shield": {
        "ro": "Scutul de confidențialitate UE-SUA (Decizia de punere în aplicare (UE) 2016/1250), invalidat la 16 iulie"
        " 2020",
        "en": "EU-U.S. Privacy Shield (Implementing Decision (EU) 2016/1250), invalidated on 16 July 2020",
    },
    "safe-harbor": {
        "ro": "principiile „sferei de siguranță” privind protecția vieții private (Decizia 2000/520/CE), invalidate la"
        " 6 octombrie 2015",
        "en": "Safe Harbour principles (Decision 2000/520/EC), invalidated on 6 October 2015",
    },
}

# --- phrases inside cells ---------------------------------------------------------------------------

PHRASES: Final[dict[str, Label]] = {
    "children": {"ro": " (inclusiv copii)", "en": " (includes children)"},
    "criminal": {
        "ro": "date cu caracter personal referitoare la condamnări penale și infracțiuni (art. 10)",
        "en": "personal data relating to criminal convictions and offences (Art. 10)",
    },
    "national_id": {
        "ro": "număr de identificare național (art. 87)",
        "en": "national identification number (Art. 87)",
    },
    "special": {"ro": "categorie specială (art. 9 alin. (1)): ", "en": "special category (Art. 9(1)): "},
    "required_by": {"ro": "prevăzut de: ", "en": "required by: "},
    "and": {"ro": " și ", "en": " and "},
    "controller_record": {"ro": "art. 30 alin. (1) — operator", "en": "Art. 30(1) — controller"},
    "exporter_controller": {"ro": "{name}, în calitate de operator", "en": "{name}, as controller"},
    "exporter_processor": {
        "ro": "{name}, în calitate de persoană împuternicită de operator",
        "en": "{name}, as processor",
    },
    "client_controller": {
        "ro": "operatorul în numele căruia se efectuează prelucrarea (art. 30 alin. (2))",
        "en": "the controller on whose behalf the processing is carried out (Art. 30(2))",
    },
    "processor_record": {
        "ro": "art. 30 alin. (2) — persoană împuternicită de operator",
        "en": "Art. 30(2) — processor",
    },
    "art_32_point": {"ro": "art. 32 alin. (1) lit. ({point})", "en": "Art. 32(1)({point})"},
}

# Units of an ISO 8601 duration: (one, several, several from 20 on — Romanian adds "de").
DURATION_UNITS: Final[dict[str, dict[str, tuple[str, str, str]]]] = {
    "ro": {
        "years": ("an", "ani", "de ani"),
        "months": ("lună", "luni", "de luni"),
        "weeks": ("săptămână", "săptămâni", "de săptămâni"),
        "days": ("zi", "zile", "de zile"),
    },
    "en": {
        "years": ("year", "years", "years"),
        "months": ("month", "months", "months"),
        "weeks": ("week", "weeks", "weeks"),
        "days": ("day", "days", "days"),
    },
}
