"""The words of a verdict on a transfer, in every language ropa speaks: data, not code.

Each reason the rules give has a stable key (`ropa.law.wording.Reason.key`) and, here, one sentence
template per language. The placeholders are the reason's parameters, already put into words in that
language by `ropa.law.wording`: `{place}` a country or international organisation, `{day}` a date,
`{window}` a period of validity, `{mechanism}` / `{mechanisms}` transfer tool ids (the register's
vocabulary, the same in every language), and `{reference}`, `{references}`, `{article}`,
`{condition}`, `{caveat}` texts of the legal facts (`facts.yaml`, which carries them in every language).

English is exactly the wording ropa has always given (`Assessment.reasons`). Romanian follows the
official Romanian text of Regulation (EU) 2016/679 (`reference/law.md` §3, `reference/romanian-gdpr.md`),
with comma-below ș and ț. Where the official Romanian wording is not confirmed, a sentence names the
provision instead of paraphrasing it (Art. 49(1) second subparagraph: "articolul 49 alineatul (1) al
doilea paragraf", without the unconfirmed adjective for "compelling").

To add a language: add its code to `LANGUAGES`, a text for it to every entry below, its texts to the
facts file (see docs/transfers.md), and run the tests, which fail on anything missing.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ARTICLES", "CITATIONS", "DAY", "LANGUAGES", "MONTHS", "SENTENCES", "WINDOWS"]

LANGUAGES: Final = ("en", "ro")
"""The languages ropa words its verdicts in; English is the fallback for any other."""

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ro": (
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ),
}

DAY: Final[dict[str, str]] = {"en": "{day} {month} {year}", "ro": "{day} {month} {year}"}
"""A date in a sentence: "10 July 2023", "10 iulie 2023"."""

ARTICLES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "en": ("the ", ("United ", "Republic of ", "Netherlands", "Faroe ", "Isle of ", "Bailiwick ", "European ")),
    "ro": ("", ()),
}
"""The article a sentence puts before the place names that take one ("the United States"), and those names;
Romanian names carry their own article ("Statele Unite")."""

WINDOWS: Final[dict[str, dict[str, str]]] = {
    "from-until": {
        "en": "valid from {start} until {until}",
        "ro": "cu valabilitate de la {start} până la {until}",
    },
    "from": {"en": "valid from {start}", "ro": "cu valabilitate de la {start}"},
    "until": {"en": "valid until {until}", "ro": "cu valabilitate până la {until}"},
    "always": {"en": "valid throughout", "ro": "cu valabilitate nelimitată"},
}
"""The period in which a decision or a transfer tool is valid, by which of its ends are known."""

CITATIONS: Final[dict[str, dict[str, str]]] = {
    "unlawful": {"en": "Art. 44 GDPR", "ro": "art. 44 din RGPD"},
}
"""Citations that are not a fact of the facts file."""

_NOT_A_TRANSFER = {
    "en": "this is not a transfer to a third country, and Chapter V does not apply.",
    "ro": "nu este un transfer către o țară terță, iar capitolul V nu se aplică.",
}

SENTENCES: Final[dict[str, dict[str, str]]] = {
    # --- inside the EEA: one sentence per membership status of the facts file ---
    "intra-eea.member-state": {
        "en": "{place} is a Member State of the European Union on that date: " + _NOT_A_TRANSFER["en"],
        "ro": "{place} se află, la acea dată, printre statele membre ale Uniunii Europene: " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.eea-efta": {
        "en": "{place} is an EEA EFTA State applying the GDPR under the EEA Agreement on that date: "
        + _NOT_A_TRANSFER["en"],
        "ro": "{place} se află, la acea dată, printre statele AELS din Spațiul Economic European (SEE) care aplică"
        " RGPD în temeiul Acordului privind SEE: " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.eea-directive": {
        "en": "{place} is an EEA State, but until {until} the GDPR was not yet part of the EEA Agreement, which still"
        " applied Directive 95/46/EC there: ropa treats the flow as one within the EEA, so Chapter V does not apply.",
        "ro": "{place} se află în Spațiul Economic European (SEE), dar până la {until} RGPD nu făcea încă parte din"
        " Acordul privind SEE, care aplica acolo în continuare Directiva 95/46/CE: ropa tratează fluxul ca fiind"
        " unul în interiorul SEE, deci capitolul V nu se aplică.",
    },
    "intra-eea.withdrawal-transition": {
        "en": "{place} is no longer part of the Union, but during the transition period (until {until}) Union law"
        " applies to and in it with the same legal effects as within the Union and its Member States (Withdrawal"
        " Agreement, Art. 127): " + _NOT_A_TRANSFER["en"],
        "ro": "{place} nu mai face parte din Uniune, dar în perioada de tranziție (până la {until}) dreptul"
        " Uniunii se aplică acolo cu aceleași efecte juridice ca în interiorul Uniunii și al statelor sale membre"
        " (Acordul privind retragerea, art. 127): " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.tca-bridge": {
        "en": "Under the bridge of the EU-UK Trade and Cooperation Agreement (until the adequacy decisions), a"
        " transmission to {place} is not a transfer to a third country under Union law: Chapter V does not apply,"
        " and ropa reports the basis as intra-EEA.",
        "ro": "În perioada specificată de Acordul comercial și de cooperare UE-Regatul Unit (până la adoptarea"
        " deciziilor privind caracterul adecvat al nivelului de protecție), o transmitere către {place} nu este"
        " considerată transfer către o țară terță în temeiul dreptului Uniunii: capitolul V nu se aplică, iar ropa"
        " indică temeiul „intra-eea” (în interiorul SEE).",
    },
    "intra-eea.outermost-region": {
        "en": "{place} is an outermost region, part of the Union (Art. 349 and 355(1) TFEU): " + _NOT_A_TRANSFER["en"],
        "ro": "{place} se află printre regiunile ultraperiferice, care fac parte din Uniune (art. 349 și art. 355"
        " alin. (1) TFUE): " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.special-territory": {
        "en": "{place} is part of a Member State and of the Union: " + _NOT_A_TRANSFER["en"],
        "ro": "{place} se află pe teritoriul unui stat membru și al Uniunii: " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.european-territory": {
        "en": "Until {until}, {place} is a European territory for whose external relations a Member State is"
        " responsible, to which the Treaties apply (Art. 355(3) TFEU): " + _NOT_A_TRANSFER["en"],
        "ro": "Până la {until}, {place} este un teritoriu european ale cărui relații externe sunt asigurate de un stat"
        " membru și căruia i se aplică tratatele (art. 355 alin. (3) TFUE): " + _NOT_A_TRANSFER["ro"],
    },
    "intra-eea.tools-not-needed": {
        "en": "The declared transfer tools are not needed for this destination on that date.",
        "ro": "Instrumentele de transfer declarate nu sunt necesare pentru această destinație la acea dată.",
    },
    # --- a third country ---
    "third-country": {
        "en": "{place} is outside the EEA on that date: Chapter V GDPR applies (Art. 44).",
        "ro": "{place} se află în afara Spațiului Economic European (SEE) la acea dată: se aplică capitolul V din"
        " RGPD (art. 44).",
    },
    "shared-code": {
        "en": "{place} ({shared}) covers more than one territory: ropa assumes {assumed} ({reference}). For {part},"
        " which is part of {country} and inside the EEA, a register names the location {code}.",
        "ro": "{place} ({shared}) acoperă mai multe teritorii: ropa presupune că este vorba de {assumed} ({reference})."
        " Pentru {part}, care face parte din {country} și se află în SEE, registrul indică locația {code}.",
    },
    "part-of": {
        "en": "{place} is part of {country}, and the EEA Agreement applies there ({reference}): ropa judges the"
        " transfer as one to {country}.",
        "ro": "{place} face parte din {country}, iar Acordul privind SEE se aplică acolo ({reference}): ropa judecă"
        " transferul ca pe unul către {country}.",
    },
    # --- adequacy (Art. 45) ---
    "adequacy.none": {
        "en": "No adequacy decision covers {place} (Art. 45).",
        "ro": "Nu există nicio decizie privind caracterul adecvat al nivelului de protecție pentru {place} (art. 45).",
    },
    "adequacy.not-extended": {
        "en": "No adequacy decision is known to cover {place} (Art. 45): {reference} is a decision for {other}, and"
        " whether it also covers {place} is not verified, so ropa does not rely on it.",
        "ro": "Nu se cunoaște nicio decizie privind caracterul adecvat al nivelului de protecție care să acopere"
        " {place} (art. 45): {reference} este o decizie pentru {other}, dar nu este verificat dacă acoperă și"
        " {place}, așa că ropa nu se întemeiază pe ea.",
    },
    "adequacy.other-place": {
        "en": "'{mechanism}' stands for {reference}, which covered only transfers to {place}.",
        "ro": "„{mechanism}” desemnează {reference}, care acoperea numai transferurile către {place}.",
    },
    "adequacy.not-in-force": {
        "en": "{reference} is not in force on that date ({window}).",
        "ro": "{reference} nu este în vigoare la acea dată ({window}).",
    },
    "adequacy.not-dpf-certified": {
        "en": "{reference} covers only importers on the Data Privacy Framework List; the recipient is not marked"
        " DPF-certified.",
        "ro": "{reference} acoperă numai importatorii înscriși pe lista organizațiilor certificate, ținută de"
        " Departamentul Comerțului al SUA; destinatarul nu este marcat ca certificat.",
    },
    "adequacy.may-already-apply": {
        "en": "{reference} was adopted on {adopted}, but its date of effect is not verified: ropa relies on it only"
        " from {start}, the later candidate date. The transfer may already be covered; it is flagged because ropa"
        " would rather warn about a lawful transfer than bless an unlawful one.",
        "ro": "{reference} a fost adoptată la {adopted}, dar data de la care produce efecte nu este verificată: ropa"
        " se întemeiază pe ea numai de la {start}, cea mai târzie dintre datele posibile. Transferul poate fi deja"
        " acoperit; este semnalat deoarece ropa preferă să avertizeze asupra unui transfer legal decât să valideze"
        " unul nelegal.",
    },
    "adequacy.scope-flag-no-effect": {
        "en": "The recipient is marked outside the scope of an adequacy decision, but on that date {reference} has"
        " no exclusion the recipient could fall under (its scope: {condition}): the mark has no effect.",
        "ro": "Destinatarul este marcat ca aflându-se în afara domeniului de aplicare al unei decizii privind"
        " caracterul adecvat al nivelului de protecție, dar la acea dată {reference} nu prevede nicio excepție"
        " sub care ar putea intra destinatarul (domeniul său de aplicare: {condition}): marcajul nu are niciun"
        " efect.",
    },
    "adequacy.outside-scope": {
        "en": "{reference} covers {condition}; the recipient is marked outside that scope.",
        "ro": "{reference} acoperă {condition}; destinatarul este marcat ca aflându-se în afara acestui domeniu de"
        " aplicare.",
    },
    "adequacy.in-force": {
        "en": "Adequacy: {reference} is in force for {place} on that date ({article}).",
        "ro": "Decizie privind caracterul adecvat al nivelului de protecție: {reference} este în vigoare pentru"
        " {place} la acea dată ({article}).",
    },
    "adequacy.scope-condition": {
        "en": "Scope condition: the decision covers {condition}; the recipient must fall within it.",
        "ro": "Condiție privind domeniul de aplicare: decizia acoperă {condition}; destinatarul trebuie să se"
        " încadreze în acest domeniu de aplicare.",
    },
    "adequacy.caveat": {"en": "{caveat}", "ro": "{caveat}"},
    "adequacy.fallback": {
        "en": "Not needed while the decision applies, kept as a fallback: {mechanisms}.",
        "ro": "Instrumente care nu sunt necesare cât timp se aplică decizia, păstrate ca soluție de rezervă:"
        " {mechanisms}.",
    },
    "adequacy.conditional-fallback": {
        "en": "A fallback only if its contract was concluded in time and still meets its conditions (the register"
        " does not date it): {mechanisms}.",
        "ro": "Soluție de rezervă numai dacă contractul a fost încheiat la timp și îndeplinește în continuare"
        " condițiile (registrul nu indică data încheierii): {mechanisms}.",
    },
    "adequacy.not-a-fallback": {
        "en": "Declared, but not valid for this transfer on that date, so not a fallback: {mechanisms}.",
        "ro": "Instrumente declarate, dar care nu sunt valabile pentru acest transfer la acea dată, deci nu pot servi"
        " ca soluție de rezervă: {mechanisms}.",
    },
    # --- appropriate safeguards (Art. 46, 47) ---
    "safeguards.not-valid": {
        "en": "'{mechanism}' is not valid on that date ({reference}: {window}).",
        "ro": "Instrumentul „{mechanism}” nu este valabil la acea dată ({reference}: {window}).",
    },
    "safeguards.none": {
        "en": "No appropriate safeguard under Art. 46 or 47 is declared.",
        "ro": "Nu este declarată nicio garanție adecvată în temeiul art. 46 sau 47.",
    },
    "safeguards.relied-on": {
        "en": "Appropriate safeguards: {reference}. Art. 46(1) requires enforceable data subject rights and"
        " effective legal remedies to be available.",
        "ro": "Garanții adecvate: {reference}. Potrivit art. 46 alin. (1), trebuie să existe drepturi opozabile și"
        " căi de atac eficiente pentru persoanele vizate.",
    },
    "safeguards.also-valid": {
        "en": "Also declared and valid: {references}.",
        "ro": "Alte instrumente declarate și valabile: {references}.",
    },
    "safeguards.tia": {
        "en": "A transfer impact assessment is required: check that the law and practice of the destination do"
        " not undermine the safeguards and add supplementary measures where needed (CJEU C-311/18; EDPB"
        " Recommendations 01/2020).",
        "ro": "Este necesară evaluarea impactului transferului (TIA): trebuie verificat că legislația și practicile"
        " aplicabile la destinație nu subminează garanțiile, iar acolo unde este cazul trebuie adăugate măsuri"
        " suplimentare (Hotărârea Curții de Justiție în cauza C-311/18 (Schrems II); Recomandările 01/2020 ale"
        " Comitetului european pentru protecția datelor).",
    },
    "safeguards.derogations-not-needed": {
        "en": "Not needed, as Art. 49 applies only in the absence of adequacy and of appropriate safeguards:"
        " {mechanisms}.",
        "ro": "Derogări care nu sunt necesare, deoarece art. 49 se aplică numai în absența unei decizii privind"
        " caracterul adecvat al nivelului de protecție și a unor garanții adecvate: {mechanisms}.",
    },
    # --- the conditions of a transfer tool (safeguards and derogations) ---
    "tool.condition": {
        "en": "Condition of '{mechanism}': {condition}.",
        "ro": "Condiție pentru „{mechanism}”: {condition}.",
    },
    "tool.no-new-contracts": {
        "en": "'{mechanism}': no new contract may rely on it after {day}.",
        "ro": "„{mechanism}”: niciun contract nou nu se mai poate întemeia pe acest instrument după {day}.",
    },
    "tool.conclusion-not-dated": {
        "en": "'{mechanism}' counts only for a contract concluded by {day}, and the register does not say when this"
        " one was concluded: the verdict holds only if it was (Art. 4 of Implementing Decision (EU) 2021/914).",
        "ro": "Instrumentul „{mechanism}” se aplică numai unui contract încheiat până la {day}, iar registrul nu"
        " indică data încheierii acestui contract: verdictul este valabil numai dacă a fost încheiat până atunci"
        " (art. 4 din Decizia de punere în aplicare (UE) 2021/914).",
    },
    "tool.concluded-in-time": {
        "en": "'{mechanism}': the register dates the contract {concluded}, before new contracts were closed to it.",
        "ro": "„{mechanism}”: potrivit registrului, contractul a fost încheiat la {concluded}, înainte ca"
        " instrumentul să nu mai poată fi folosit pentru contracte noi.",
    },
    "tool.concluded-too-late": {
        "en": "'{mechanism}' counts after {day} only for contracts concluded by then, and the register dates this"
        " one {concluded} (Art. 4 of Implementing Decision (EU) 2021/914).",
        "ro": "După {day}, instrumentul „{mechanism}” se aplică numai contractelor încheiate până atunci, iar potrivit"
        " registrului acest contract a fost încheiat la {concluded} (art. 4 din Decizia de punere în aplicare (UE)"
        " 2021/914).",
    },
    "tool.valid-until": {
        "en": "'{mechanism}' is valid until {day} only.",
        "ro": "Instrumentul „{mechanism}” este valabil numai până la {day}.",
    },
    "tool.authorisation": {
        "en": "'{mechanism}' needs the authorisation of the competent supervisory authority (Art. 46(3), consistency"
        " mechanism of Art. 63).",
        "ro": "Instrumentul „{mechanism}” necesită autorizarea autorității de supraveghere competente (art. 46"
        " alin. (3), mecanismul pentru asigurarea coerenței prevăzut la art. 63).",
    },
    # --- derogations for specific situations (Art. 49) ---
    "derogation.none": {
        "en": "No derogation under Art. 49 is declared.",
        "ro": "Nu este declarată nicio derogare în temeiul art. 49.",
    },
    "derogation.second-subparagraph-not-relied-on": {
        "en": "'{mechanism}' is not relied on: the second subparagraph of Art. 49(1) applies only where none of the"
        " derogations of points (a) to (g) applies.",
        "ro": "Instrumentul „{mechanism}” nu este invocat: articolul 49 alineatul (1) al doilea paragraf se aplică"
        " numai atunci când nu se aplică niciuna dintre derogările de la literele (a)-(g).",
    },
    "derogation.relied-on": {
        "en": "Derogation: {reference}.",
        "ro": "Derogare pentru situații specifice: {reference}.",
    },
    "derogation.occasional": {
        "en": "Art. 49 derogations are exceptions, read restrictively so that the exception does not become the rule"
        " (EDPB Guidelines 2/2018): recital 111 limits points (b), (c) and (e) to occasional transfers, and the"
        " second subparagraph of Art. 49(1) requires a transfer that is not repetitive.",
        "ro": "Derogările pentru situații specifice (art. 49) sunt excepții și se interpretează restrictiv, astfel"
        " încât excepția să nu devină regulă (Orientările 2/2018 ale Comitetului european pentru protecția"
        " datelor): considerentul 111 limitează literele (b), (c) și (e) la transferuri ocazionale, iar pentru"
        " articolul 49 alineatul (1) al doilea paragraf se aplică cerințele acestuia.",
    },
    # --- nothing applies ---
    "unlawful": {
        "en": "No adequacy decision, appropriate safeguard or derogation applies on that date: the transfer is not"
        " lawful (Art. 44 GDPR).",
        "ro": "La acea dată nu se aplică nicio decizie privind caracterul adecvat al nivelului de protecție, nicio"
        " garanție adecvată și nicio derogare: transferul nu este legal (art. 44 din RGPD).",
    },
}
"""Every reason the rules give, by key: one sentence template per language."""
