"""ONedu's site policy (`tests/fixtures/onedu-site-policy/`, byte-identical copies of ONeduRomania/onedu.ro
`src/app/privacy/sections/`, commit 378db2d) against what `ropa build` writes with ONedu's own templates.

Both are read as the site reads them, cut into headings, paragraphs and list items; every block of the site
must be in ropa's file of the same name, except the documented differences below, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.render.test_policy_seed import CHANGES

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "fixtures" / "onedu-site-policy"
SECTIONS = [path.stem for path in sorted(SITE.glob("*.md"))]
Blocks = list[tuple[str, str]]

_VOLUNTEERS = (
    "the register is more precise: it records adult volunteers, minor volunteers and the parents or legal "
    "guardians of minors as three categories of data subjects (Art. 30(1)(c)), each under its own heading "
    "with its own data, instead of one heading with two paragraphs of additions"
)
_PARTNERS = (
    "the register is more precise: the data subjects are the partners' legal representatives and contact "
    "persons (a company is not a data subject); their data and the company and sponsorship data are its two "
    "categories, whose examples the list shows"
)

# (section, site block, reason). Everything else the site says must be said word for word.
DIFFERENCES: list[tuple[str, str, str]] = [
    ("02-colectaredate", "Pentru voluntari și potențiali voluntari", _VOLUNTEERS),
    (
        "02-colectaredate",
        "Asociația ONedu colectează informații despre voluntari și potențiali voluntari, cum ar fi:",
        _VOLUNTEERS,
    ),
    (
        "02-colectaredate",
        "Pentru potențialii voluntarii care încheie un contract de voluntariat cu Asociația ONedu, colectăm și "
        "prelucrăm informații suplimentare, cum ar fi:",
        _VOLUNTEERS,
    ),
    (
        "02-colectaredate",
        "Pentru potențialii voluntari care nu sunt majori și care încheie un contract de voluntariat cu Asociația "
        "ONedu, colectăm și prelucrăm informații suplimentare, cum ar fi:",
        _VOLUNTEERS,
    ),
    (
        "02-colectaredate",
        "conținut text precum motivație, experiență, etc. pe care potențialul voluntar îl furnizează în cadrul "
        "procesului de înscriere",
        "the register's example of the volunteer profile, reworded so that its list does not break at the commas: "
        "'conținut text (precum motivația și experiența) pe care potențialul voluntar îl furnizează …'",
    ),
    (
        "02-colectaredate",
        "date de identificare prezente pe cartea de identitate",
        "the register is more precise: the identification data of the identity document are its series and number",
    ),
    ("02-colectaredate", "Pentru parteneri și potențiali parteneri", _PARTNERS),
    (
        "02-colectaredate",
        "Asociația ONedu colectează informații despre parteneri și potențiali parteneri, cum ar fi:",
        _PARTNERS,
    ),
    ("02-colectaredate", "nume și prenume reprezentant legal", _PARTNERS),
    ("02-colectaredate", "date contact (telefon, e-mail) ale reprezentantului legal", _PARTNERS),
    (
        "02-colectaredate",
        "persoanele de contact din cadrul companiei (nume, prenume, funcție, email, telefon)",
        _PARTNERS,
    ),
    (
        "02-colectaredate",
        "în cazul sponsorizărilor în natură, descrierea bunurilor sau serviciilor oferite (inclusiv prețul de piață "
        "al acestora)",
        "the register's example, without the comma that would cut the list: 'descrierea bunurilor sau serviciilor "
        "oferite în cazul sponsorizărilor în natură (inclusiv prețul de piață al acestora)'",
    ),
    (
        "02-colectaredate",
        "Pentru utilizatorii platformelor Asociației ONedu, fără cont de utilizator",
        "the register is more precise: the category of data subjects is 'vizitatori ai site-urilor și utilizatori ai "
        "platformelor fără cont' (visitors of the sites are included)",
    ),
    (
        "02-colectaredate",
        "Asociația ONedu colectează informații despre utilizatorii platformelor Asociației ONedu, fără cont de "
        "utilizator, cum ar fi:",
        "the same category of data subjects, named as the register names it",
    ),
    *(
        (
            "04-drepturiuseri",
            block,
            "the register is more precise: it records no automated decision-making (Art. 22), so the notice states "
            "the Art. 22 right only where an activity records `automated_decisions`",
        )
        for block in (
            "Dreptul de a nu fi supus unei decizii individuale – orice persoană are dreptul de a nu face obiectul "
            "unei decizii bazate exclusiv pe prelucrarea automată, inclusiv crearea de profiluri, care produce "
            "efecte juridice care privesc persoana vizată sau o afectează în mod similar într-o măsură "
            "semnificativă, cu excepția cazului în care această prelucrare:",
            "este necesară pentru încheierea sau executarea unui contract între persoana vizată și organizație;",
            "este autorizată prin dreptul Uniunii sau dreptul intern care se aplică operatorului și care prevede, de "
            "asemenea, măsuri corespunzătoare pentru protejarea drepturilor, libertăților și intereselor legitime "
            "ale persoanei vizate sau",
            "are la bază consimțământul explicit al persoanei vizate.",
            "Persoana vizată poate solicita reconsiderarea deciziei luate în cele 3 cazuri de mai sus.",
        )
    ),
    (
        "06-protectiadatelor",
        "Dacă există probabilitatea ca încălcarea să prezinte un risc pentru drepturile și libertățile persoanelor "
        "fizice, organizația are obligația să înștiințeze Autoritatea Națională de Supraveghere a Prelucrării "
        "Datelor cu Caracter Personal în termen de cel mult 72 de ore de la momentul la care a luat cunoștință de "
        "încălcare. Dacă încălcarea securității datelor prezintă un risc ridicat pentru persoanele fizice "
        "afectate, atunci trebuie să fie informate și toate aceste persoane (cu excepția cazului în care s-au "
        "aplicat măsuri de protecție tehnice și organizatorice eficace sau alte măsuri care asigură faptul că "
        "riscul nu mai este susceptibil să se materializeze).",
        "the authority is named from ropa's cited facts (src/ropa/law/authorities.yaml), with its abbreviation: "
        "'… Datelor cu Caracter Personal (ANSPDCP) în termen …'",
    ),
    (
        "07-cookie",
        "Folosim cookie-uri ”firts party” de la Google Analytics (ex. _ga, _ajs_anonymous_id, _gid, _gat, "
        "_asj_group_ide, ajs_user_ide. _gid, _gat) pentru a urmări modul de interacțiune cu site-ul. Folosim "
        "cookie-uri ”third party” Cloudflare (ex. _cfduid) pentru a crește viteza de încărcare a website-ului, "
        "fără a stoca datele de identificare ale user-ului; acestea sunt cookie-uri de sesiune și expiră în 30 de "
        "zile.",
        "the register is more precise: its `cookies` list each cookie (name, who receives it, purpose, lifetime, "
        "category, consent) as a list item; 'firts' was a typo",
    ),
]


def differences(section: str) -> dict[str, str]:
    return {block: reason for name, block, reason in DIFFERENCES if name == section}


def seed_change(block: str, ours: Blocks) -> str | None:
    """For the data-sharing section: the reason when `block` differs from ropa's only by one of the seed's
    documented changes (tests/render/test_policy_seed.py), else None."""
    for seed, replacement, reason in CHANGES:
        if seed in block:
            before, after = block.split(seed, 1)
            pattern = re.compile(re.escape(before) + replacement + re.escape(after))
            if any(pattern.fullmatch(text) for _, text in ours):
                return reason
    return None


def missing(section: str, site: Blocks, ours: Blocks) -> list[str]:
    """The site's blocks that ropa's section lacks and no documented difference explains."""
    present = {text for _, text in ours}
    allowed = differences(section)
    return [
        text
        for _, text in site
        if text not in present
        and text not in allowed
        and not (section == "05-partajaredate" and seed_change(text, ours))
    ]


def unneeded(section: str, site: Blocks, ours: Blocks) -> list[str]:
    """Documented differences that are not differences (the block is there, or not on the site at all)."""
    site_texts = {text for _, text in site}
    present = {text for _, text in ours}
    return [block for block in differences(section) if block not in site_texts or block in present]


def headings(blocks: Blocks) -> list[str]:
    return [kind for kind, _ in blocks if kind.startswith("h")]


Reader = Callable[[str], tuple[str, Blocks]]
