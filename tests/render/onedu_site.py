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

# ONedu's site text that is unlawful or misnames the law, corrected in its templates (issue 22). Each reason opens
# with "correction" and the articles it rests on; examples/onedu/README.md lists them for ONedu's DPO.
_SENSITIVE = (
    "correction (Art. 9, Art. 87; Law 190/2018 art. 4): the CNP and the identity document's series and number are "
    "national identification numbers, not 'sensitive data'; the special categories of Art. 9 are health, trade union "
    "membership and the others the article lists"
)
_OFFICIAL_TERMS = (
    "correction (Art. 4(1), 4(7), 51, 77 in the official Romanian text): 'date cu caracter personal', 'operator', "
    "'autoritate de supraveghere' and 'plângere', for the site's 'date personale', 'controlori', 'autoritatea de "
    "protecție a datelor' and 'reclamație' (and the GDPR's own title)"
)
_PARTNERS_DATA = (
    "correction (Art. 5(2), 24, 14): the site disclaimed responsibility for data received from partners; a controller "
    "is responsible for, and must be able to show, the lawfulness of its own processing of that data, and tells the "
    "person where it comes from ('răspunzătoarea' was also a typo)"
)
_SPECIAL_CATEGORIES = (
    "correction (Art. 9(1)): 'special categories of personal data', as the GDPR names them, for 'date personale cu "
    "caracter sensibil'"
)
_AMICABLE = (
    "correction (Art. 77, 79): a compulsory amicable settlement of at least 30 working days before court cannot limit "
    "the right to an effective judicial remedy nor the right to complain to the supervisory authority; it is offered, "
    "not imposed"
)
_PRIOR_NOTICE = (
    "correction (Art. 12(1), 13(3); WP260 rev.01 §29): the site reserved the right to change the document without "
    "prior notice; changes are made known, and a new purpose is notified before the processing "
    "('rezerva dreptul sa' was also a typo)"
)
_CONTRACT = (
    "correction (Art. 4(11), 7, 13; WP260 rev.01): the notice is information, not a contract accepted by donating, "
    "creating an account or filling a form; consent, where relied on, is asked for separately and unambiguously"
)
_TYPO = "correction (the site's typo): 'Niciuna dintre părți', not 'Nici una din părți'"
_LAST_UPDATED = (
    "correction (Art. 12(1)): the date of the last update is the register's, whose content the notice gives; the "
    "site's 2 February 2025 is older than that content and is listed as an earlier change"
)

CORRECTIONS: list[tuple[str, str, str]] = [
    (
        "01-introducere",
        "Datele cu caracter personal reprezintă informațiile care identifică o persoană fizică sau care o fac cel puțin identificabilă. Datele cu caracter personal sunt împărțite în date generale (nume, prenume, telefon, adresă etc.) și date sensibile (serie și număr buletin / pașaport, cod numeric personal, date privind starea de sănătate, date privind apartenența sindicală etc.).",
        _SENSITIVE,
    ),
    (
        "01-introducere",
        "Intimitatea dumneavoastră este una din obligațiile fundamentale ale organizației. Ca urmare, suntem deosebit de atenți în procesarea datelor dumneavoastră personale în conformitate cu principiile prevăzute de legislația privind protecția datelor aplicabilă în România, inclusiv Regulamentul 2016/679 privind protecția persoanelor fizice în ceea ce privește procesarea datelor personale și circulația liberă a acestora, care abrogă Directiva 95/46/EC (“GDPR”). Datele personale reprezintă orice informație privind o persoană fizică identificată sau identificabilă; o persoană identificabilă este acea persoană ce poate fi identificată direct sau indirect, în special prin referirea la un număr de identificare sau unul ori mai mulți factori specifici identității sale fizice, psihologice, mentale, economice, culturale sau sociale.",
        _OFFICIAL_TERMS,
    ),
    (
        "01-introducere",
        "Politica de confidențialitate privește datele personale ale membrilor noștri, ale partenerilor de afaceri, ale altor persoane ce contactează sau vizitează site-ul organizației, ale potențialilor angajați, interni sau asociați și se aplică datelor colectate prin intermediul site-ului, precum și tuturor celorlalte date personale pe care organizația le colectează prin intermediul e-mailului sau al altor contacte offline. Politica de confidențialitate descrie: scopurile pentru care organizația colectează și utilizează datele dumneavoastră personale, motivul procesării pentru asemenea scopuri, categoriile de date personale pe care organizația le colectează de la dumneavoastră și le procesează, durata procesării unor asemenea date, drepturile dumneavoastră în calitate de subiecți purtători de date și modul în care vi le puteți exercita, cui poate organizația dezvălui datele dumneavoastră personale.",
        _OFFICIAL_TERMS,
    ),
    (
        "02-colectaredate",
        "informații de la parteneri, unități școlare și alte terțe părți Colectăm și primim informații de la partenerii noștri, unitățile școlare și alte terțe părți, atât în interes legitim pentru realizarea contractului dintre părți, cât și pentru a respecta obligațiile legale. De exemplu, putem primi informații despre dvs. de la unitatea școlară la care sunteți înscris, de la partenerii noștri care organizează evenimente sau proiecte la care vă înscrieți, sau de la alte terțe părți care vă oferă acces la Produsele noastre. Asociația ONedu nu este răspunzătoarea și este obligația partenerilor noștri să respecte legislația aplicabilă în ceea ce privește colectarea și prelucrarea datelor cu caracter personal, astfel lipsa obținerii acordului de la persoana vizată pentru prelucrarea datelor cu caracter personal nu poate fi imputată Asociației ONedu.",
        _PARTNERS_DATA,
    ),
    (
        "04-drepturiuseri",
        "Dreptul la portabilitatea datelor se referă la dreptul de a primi datele personale într-un format structurat, utilizat în mod curent și care poate fi citit automat și la dreptul ca aceste date să fie transmise direct altui operator, dacă sunt îndeplinite cerințele legale și dacă această transmitere este fezabilă din punct de vedere tehnic.",
        _OFFICIAL_TERMS,
    ),
    (
        "04-drepturiuseri",
        "Vă puteți exercita drepturile mai sus menționate și puteți afla mai multe despre astfel de drepturi prin completarea împreună cu noi, în calitate de controlori de date, a unei solicitări scrise către Asociația ONedu. Aveți, de asemenea, dreptul de a depune o plângere la autoritatea de protecție a datelor. Suntem hotărâți să vă tratăm întotdeauna cererile cu cea mai mare atenție și să ne ocupăm de orice solicitări ați putea avea în cel mai scurt timp posibil.",
        _OFFICIAL_TERMS,
    ),
    (
        "06-protectiadatelor",
        "colectarea unor date personale cu caracter sensibil, cum ar fi date de sănătate, pentru desfășurarea campaniilor de marketing, în lipsa unei cerințe legale exprese în acest sens;",
        _SPECIAL_CATEGORIES,
    ),
    ("07-cookie", "Conțin cookie-urile date personale?", _OFFICIAL_TERMS),
    (
        "07-cookie",
        "Cookie-urile în sine nu solicită informații cu caracter personal pentru a putea fi utilizate și, în multe "
        "cazuri, nici nu identifică personal utilizatorii de internet. Există însă situații când datele personale pot "
        "fi colectate prin utilizarea cookie-urilor pentru a facilita anumite funcționalități pentru utilizator sau "
        "pentru a oferi utilizatorului o experiență mai adaptată preferințelor sale. Astfel de date sunt criptate "
        "într-un mod care face imposibil accesul persoanelor neautorizate la ele.",
        _OFFICIAL_TERMS,
    ),
    (
        "08-modificari",
        "Legile române vor guverna politica de mai sus și orice dispută de orice fel care ar putea să apară între utilizator și organizație. În cazul unor eventuale conflicte între organizație și utilizatorii săi, se va încerca mai întâi rezolvarea acestora pe cale amiabilă, în minim 30 de zile lucrătoare. Dacă rezolvarea pe cale amiabilă nu va fi posibilă, conflictul va fi soluționat de instanța competentă în conformitate cu legile române în vigoare.",
        _AMICABLE,
    ),
    (
        "08-modificari",
        "Ne rezervăm dreptul de a modifica prezentul document, fără o notificare prealabilă. Organizația își rezerva dreptul sa schimbe termenii fără îndeplinirea unor alte formalități.",
        _PRIOR_NOTICE,
    ),
    (
        "08-modificari",
        "Dacă oricare dintre clauzele de mai sus va fi găsită nulă sau nevalidă, indiferent de cauză, aceasta nu va afecta valabilitatea celorlalte clauze. Odată cu lansarea donației, crearea unui cont de utilizator sau prin completarea unui formular ce vă solicită date personale, utilizatorul va accepta fără obiecțiuni prezenta politică, valoarea acestora fiind aceeași cu un contract valabil încheiat.",
        _CONTRACT,
    ),
    (
        "08-modificari",
        "Nici una din părți nu va fi răspunzătoare pentru neexecutarea obligațiilor sale contractuale, dacă o astfel de neexecutare la termen și/sau în mod corespunzător, total sau parțial este datorată unui eveniment de forță majoră. Forța majoră este evenimentul imprevizibil, în afara controlului părților și care nu poate fi evitat.",
        _TYPO,
    ),
    (
        "08-modificari",
        "De asemenea, aveți dreptul să depuneți o reclamație la autoritatea de supraveghere competentă sau să vă adresați instanței de judecată.",
        _OFFICIAL_TERMS,
    ),
    ("08-modificari", "Ultima actualizare: 2 februarie 2025", _LAST_UPDATED),
]


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
    *CORRECTIONS,
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
