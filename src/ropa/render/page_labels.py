"""The words of the HTML page (data map and record), in Romanian and English: data, not code.

The words of the record's cells are the workbook's (`ropa.render.workbook_labels`); this catalogue holds
only what the page adds: its headings, the map's legend and notes. Romanian uses comma-below ș and ț.
"""

from __future__ import annotations

from typing import Final

from ropa.render.workbook_labels import Label

__all__ = ["PAGE", "RIGHTS", "SEVERITIES", "UNKNOWN_PLACES", "VERDICTS"]

PAGE: Final[dict[str, Label]] = {
    "title": {
        "ro": "Evidența activităților de prelucrare — {controller}",
        "en": "Record of processing activities — {controller}",
    },
    "subtitle": {
        "ro": "Art. 30 din Regulamentul (UE) 2016/679. Transferurile sunt apreciate la data de {on};"
        " evidența este din {updated}.",
        "en": "Article 30 of Regulation (EU) 2016/679. Transfers are judged as of {on}; the register is of {updated}.",
    },
    "undated": {"ro": "o dată nemenționată", "en": "an unstated date"},
    "contents": {"ro": "Cuprins", "en": "Contents"},
    "skip_main": {"ro": "Sari la conținut", "en": "Skip to the content"},
    "skip": {"ro": "Sari peste hartă, la tabelul fluxurilor", "en": "Skip the map, to the table of flows"},
    "map": {"ro": "Harta datelor", "en": "Data map"},
    "map_intro": {
        "ro": "Activitățile de prelucrare (stânga) divulgă date destinatarilor (mijloc), care le prelucrează"
        " în țările sau organizațiile internaționale din dreapta. Culoarea și linia fiecărei legături arată"
        " verdictul capitolului V pentru transfer; treceți cu mouse-ul sau cu tasta Tab peste o legătură"
        " sau un nod pentru a vedea ce date circulă, în ce scop și pe ce temei.",
        "en": "Processing activities (left) disclose data to recipients (middle), which process it in the"
        " countries or international organisations on the right. Each link's colour and line show the"
        " Chapter V verdict on the transfer; hover over a link or a node, or reach it with the Tab key,"
        " to see what flows, for which purposes and on what basis.",
    },
    "map_grouped": {
        "ro": "Evidența are {activities} activități și {recipients} destinatari: harta îi grupează pe"
        " categorii de destinatari (stânga) și arată unde se prelucrează datele (dreapta); fiecare legătură"
        " are culoarea și linia celui mai slab verdict al destinatarilor pe care îi grupează. Treceți cu"
        " mouse-ul sau cu tasta Tab peste o legătură pentru detalii. Fluxurile fiecărei activități sunt în fișa ei.",
        "en": "The register has {activities} activities and {recipients} recipients: the map groups the"
        " recipients by category (left) and shows where they process the data (right); each link has the"
        " colour and line of the worst verdict among the recipients it groups. Hover over a link, or reach"
        " it with the Tab key, for its details. Each activity's flows are in its card.",
    },
    "map_label": {
        "ro": "Harta datelor: activități, destinatari și locurile în care se prelucrează datele",
        "en": "Data map: activities, recipients and the places where the data is processed",
    },
    "legend": {"ro": "Legenda: verdictul transferului", "en": "Legend: the transfer's verdict"},
    "details": {"ro": "Detalii", "en": "Details"},
    "details_hint": {
        "ro": "Treceți peste o legătură sau un nod al hărții pentru a vedea detaliile aici.",
        "en": "Hover over or focus a link or a node of the map to see its details here.",
    },
    "activities_column": {"ro": "Activități", "en": "Activities"},
    "categories_column": {"ro": "Categorii de destinatari", "en": "Categories of recipients"},
    "recipients_column": {"ro": "Destinatari", "en": "Recipients"},
    "destinations_column": {"ro": "Unde se prelucrează", "en": "Where processed"},
    "flows": {"ro": "Fluxurile, ca tabel", "en": "The flows, as a table"},
    "flows_caption": {
        "ro": "Fiecare flux al hărții: activitatea, destinatarul, locul prelucrării și verdictul la data de {on}",
        "en": "Every flow of the map: activity, recipient, place of processing and verdict as of {on}",
    },
    "flows_caption_grouped": {
        "ro": "Fiecare legătură a hărții: categoria de destinatari, locul prelucrării și verdictul la data de {on}",
        "en": "Every link of the map: category of recipients, place of processing and verdict as of {on}",
    },
    "activity": {"ro": "Activitatea", "en": "Activity"},
    "category": {"ro": "Categoria de destinatari", "en": "Category of recipients"},
    "recipient": {"ro": "Destinatarul", "en": "Recipient"},
    "recipient_count": {"ro": "Destinatari", "en": "Recipients"},
    "destination": {"ro": "Locul prelucrării", "en": "Place of processing"},
    "data": {"ro": "Date", "en": "Data"},
    "purposes": {"ro": "Scopuri", "en": "Purposes"},
    "verdict": {"ro": "Verdictul", "en": "Verdict"},
    "citation": {"ro": "Temeiul citat", "en": "Citation"},
    "exporter": {"ro": "Exportatorul", "en": "Exporter"},
    "client_controllers": {
        "ro": "Operatorii în numele cărora se prelucrează (art. 30 alin. (2))",
        "en": "Controllers processed for (Art. 30(2))",
    },
    "scc_module": {
        "ro": "clauzele contractuale standard, modulul {module}",
        "en": "standard contractual clauses, Module {module}",
    },
    "activities_of": {"ro": "Activități", "en": "Activities"},
    "and_more": {"ro": "și încă {count}", "en": "and {count} more"},
    "controller": {"ro": "Operatorul", "en": "The controller"},
    "activities": {"ro": "Activitățile de prelucrare", "en": "The processing activities"},
    "recipients": {"ro": "Destinatarii", "en": "The recipients"},
    "transfers": {"ro": "Transferurile", "en": "The transfers"},
    "no_transfers": {
        "ro": "Nicio activitate nu transferă date în afara SEE la această dată.",
        "en": "No activity transfers data outside the EEA on this date.",
    },
    "findings": {"ro": "Constatările verificării", "en": "Findings of the check"},
    "findings_intro": {
        "ro": "Ce trebuie să rezolve responsabilul cu protecția datelor (`ropa check`), grupat după gravitate;"
        " mesajele sunt în limba engleză.",
        "en": "What the data protection officer must act on (`ropa check`), grouped by severity.",
    },
    "no_findings": {"ro": "Nicio constatare.", "en": "No findings."},
    "code": {"ro": "Cod", "en": "Code"},
    "where": {"ro": "Unde, în evidență", "en": "Where in the register"},
    "message": {"ro": "Mesajul", "en": "Message"},
    "element": {"ro": "Elementul", "en": "Element"},
    "value": {"ro": "Informația", "en": "Fact"},
    "point": {"ro": "Temeiul în art. 30", "en": "Point of Art. 30"},
    "empty": {"ro": "—", "en": "—"},
    "empty_note": {
        "ro": "O linie „—”: informația nu figurează în evidență.",
        "en": "A “—”: the register does not hold the fact.",
    },
    "rights": {"ro": "Drepturile persoanelor vizate și contactele", "en": "Data subjects' rights and contacts"},
    "contacts": {"ro": "Unde se adresează persoanele vizate", "en": "Where data subjects turn"},
    "controller_contact": {"ro": "Operatorul", "en": "The controller"},
    "contact_point": {"ro": "Punctul de contact pentru solicitări: ", "en": "Contact point for requests: "},
    "dpo": {"ro": "Responsabilul cu protecția datelor", "en": "The data protection officer"},
    "rights_list": {"ro": "Drepturile (capitolul III și art. 77)", "en": "The rights (Chapter III and Art. 77)"},
    "rights_note": {
        "ro": "Fiecare drept se aplică în condițiile prevăzute de articolul său (de exemplu, portabilitatea doar"
        " pentru prelucrările întemeiate pe consimțământ sau pe un contract și efectuate prin mijloace automate).",
        "en": "Each right applies under the conditions its article sets (portability, for example, only to"
        " processing based on consent or a contract and carried out by automated means).",
    },
    "footer": {
        "ro": "Scrisă de ropa din evidență; pagina nu face nicio cerere în rețea.",
        "en": "Written by ropa from the register; the page makes no network request.",
    },
}

VERDICTS: Final[dict[str, Label]] = {
    "intra-eea": {"ro": "în SEE", "en": "within the EEA"},
    "adequacy": {"ro": "decizie privind caracterul adecvat (art. 45)", "en": "adequacy decision (Art. 45)"},
    "safeguards": {"ro": "garanții adecvate (art. 46, 47)", "en": "appropriate safeguards (Art. 46, 47)"},
    "derogation": {"ro": "derogare (art. 49)", "en": "derogation (Art. 49)"},
    "none": {"ro": "ilegal: niciun temei în capitolul V", "en": "unlawful: no basis under Chapter V"},
    "unknown": {"ro": "locuri de prelucrare necunoscute", "en": "places of processing unknown"},
}
"""The verdict of a link, short, for the legend and the map; `unknown`: the recipient's locations are not known."""

UNKNOWN_PLACES: Final[Label] = {"ro": "Necunoscut", "en": "Unknown"}

SEVERITIES: Final[dict[str, Label]] = {
    "error": {"ro": "Erori", "en": "Errors"},
    "warning": {"ro": "Avertismente", "en": "Warnings"},
    "info": {"ro": "Informări", "en": "For information"},
}

RIGHTS: Final[tuple[tuple[str, Label], ...]] = (
    # Romanian: the official article titles (reference/notice.md §3.1, from the EUR-Lex Romanian table of contents).
    ("15", {"ro": "Dreptul de acces al persoanei vizate — art. 15", "en": "Right of access — Art. 15"}),
    ("16", {"ro": "Dreptul la rectificare — art. 16", "en": "Right to rectification — Art. 16"}),
    (
        "17",
        {"ro": "Dreptul la ștergerea datelor („dreptul de a fi uitat”) — art. 17", "en": "Right to erasure — Art. 17"},
    ),
    (
        "18",
        {
            "ro": "Dreptul la restricționarea prelucrării — art. 18",
            "en": "Right to restriction of processing — Art. 18",
        },
    ),
    ("20", {"ro": "Dreptul la portabilitatea datelor — art. 20", "en": "Right to data portability — Art. 20"}),
    ("21", {"ro": "Dreptul la opoziție — art. 21", "en": "Right to object — Art. 21"}),
    (
        "22",
        {
            "ro": "Procesul decizional individual automatizat, inclusiv crearea de profiluri — art. 22",
            "en": "Rights on automated individual decision-making, including profiling — Art. 22",
        },
    ),
    (
        "7-3",
        {
            "ro": "Retragerea consimțământului, în orice moment — art. 7 alin. (3)",
            "en": "Withdrawing consent at any time — Art. 7(3)",
        },
    ),
    (
        "77",
        {
            "ro": "Dreptul de a depune o plângere la o autoritate de supraveghere — art. 77",
            "en": "Right to lodge a complaint with a supervisory authority — Art. 77",
        },
    ),
)
"""The data subject's rights the notice must mention (Art. 13(2)(b)-(d), 14(2)(c)-(e))."""
