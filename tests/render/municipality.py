"""A Belgian municipality as a public body: a register built in code for the notice's audit tests.

Its facts are invented for the tests (a fictitious municipality); its shape is what such a body records:
a population register under (c) and (e), a newsletter on consent recorded as direct marketing, a
tourist-office joint controller, a visitor analytics tool, a helpdesk in an unknown place and a
transfer on an Art. 49 derogation.
"""

from __future__ import annotations

from typing import Any

from ropa.model import Register


def municipality_data() -> dict[str, Any]:
    """The register as data, to be changed by a test before it is validated."""

    def both(en: str, ro: str) -> dict[str, str]:
        return {"en": en, "ro": ro}

    return {
        "format": 1,
        "languages": ["en", "ro"],
        "updated": "2026-11-25",
        "controller": {
            "name": "Commune de Vallée-Verte",
            "kind": "public-body",
            "country": "BE",
            "address": "Place communale 1, 1000 Bruxelles",
            "email": "privacy@vallee-verte.example",
        },
        "data_subjects": {
            "residents": {"name": both("residents", "locuitori")},
            "visitors": {"name": both("website visitors", "vizitatorii site-ului")},
        },
        "data_categories": {
            "identity": {"name": both("identity", "identitate")},
            "contact": {"name": both("contact details", "date de contact")},
            "online": {"name": both("online identifiers", "identificatori online")},
        },
        "purposes": {
            "population": {
                "name": both("keeping the population register", "ținerea registrului populației"),
                "legal_basis": "legal-obligation",
                "further_legal_bases": ["public-task"],
                "law": {
                    "text": both("Law of 19 July 1991 on population registers", "Legea din 19 iulie 1991"),
                    "country": "BE",
                },
                "requirement": both("required by law", "prevăzut de lege"),
            },
            "security": {
                "name": both("keeping the town hall safe", "siguranța primăriei"),
                "legal_basis": "public-task",
                "law": {"text": both("New Municipal Law, art. 135", "Noua lege comunală, art. 135"), "country": "BE"},
                "requirement": both("not required", "nu este obligatoriu"),
            },
            "newsletter": {
                "name": both("sending the municipal newsletter", "trimiterea buletinului informativ"),
                "legal_basis": "consent",
                "requirement": both("optional", "opțional"),
            },
            "statistics": {
                "name": both("counting website visits", "numărarea vizitelor pe site"),
                "legal_basis": "consent",
                "requirement": both("optional", "opțional"),
            },
        },
        "recipient_categories": {
            "it": both("IT service providers", "furnizori de servicii IT"),
            "partners": both("partners", "parteneri"),
        },
        "recipients": {
            "hosting": {
                "name": "CityCloud",
                "category": "it",
                "role": "processor",
                "country": "BE",
                "locations": ["BE"],
                "contract": {"date": "2025-01-01"},
            },
            "helpdesk": {
                "name": "Ticketline",
                "category": "it",
                "role": "processor",
                "country": "IE",
                "contract": {"date": "2025-01-01"},
            },
            "tourism": {
                "name": "Vallée-Verte Tourist Office",
                "category": "partners",
                "role": "joint-controller",
                "country": "BE",
                "locations": ["BE"],
                "arrangement": both(
                    "The municipality answers requests about the events register; the office answers the rest.",
                    "Primăria răspunde cererilor privind registrul evenimentelor; oficiul răspunde celorlalte.",
                ),
            },
            "twin-town": {
                "name": "Twin Town Office",
                "category": "partners",
                "role": "controller",
                "country": "AE",
                "locations": ["AE"],
                "mechanisms": ["derogation-49-1-b"],
            },
        },
        "activities": {
            "population": {
                "name": both("population register", "registrul populației"),
                "purposes": ["population"],
                "data_subjects": ["residents"],
                "data_categories": ["identity", "contact"],
                "recipients": ["hosting", "helpdesk"],
                "source": both("from the residents", "de la locuitori"),
                "retention": [{"data": ["identity", "contact"], "period": "P30Y"}],
            },
            "cctv": {
                "name": both("town hall cameras", "camerele primăriei"),
                "purposes": ["security"],
                "data_subjects": ["residents"],
                "data_categories": ["identity"],
                "source": both("from the cameras", "de la camere"),
                "retention": [{"data": ["identity"], "period": "P30D"}],
            },
            "newsletter": {
                "name": both("newsletter", "buletin informativ"),
                "purposes": ["newsletter"],
                "data_subjects": ["residents"],
                "data_categories": ["contact"],
                "recipients": ["tourism", "twin-town"],
                "source": both("from the subscribers", "de la abonați"),
                "retention": [{"data": ["contact"], "period": "P2Y"}],
            },
            "website": {
                "name": both("website statistics", "statisticile site-ului"),
                "purposes": ["statistics"],
                "data_subjects": ["visitors"],
                "data_categories": ["online"],
                "source": both("from the visitor's device", "de pe dispozitivul vizitatorului"),
                "retention": [{"data": ["online"], "period": "P13M"}],
            },
        },
    }


def municipality(**change: Any) -> Register:
    """The municipality's register, with top-level fields of `change` replacing its own."""
    data = municipality_data()
    data.update(change)
    return Register.model_validate(data)
