"""The typed register: pydantic records only. No I/O, no rendering, no legal tables."""

from ropa.model.activity import Activity, DataSource, Disclosure, Dpia, Retention
from ropa.model.base import CountryCode, Id, Location, Provision, Text
from ropa.model.consistency import Inconsistency, format_path, inconsistencies
from ropa.model.controller import Contact, Controller, Party, Representative
from ropa.model.cookie import Cookie
from ropa.model.data_category import DataCategory
from ropa.model.data_subject import DataSubject
from ropa.model.places import INTERNATIONAL_ORGANISATIONS, country_name
from ropa.model.purpose import Purpose
from ropa.model.recipient import ProcessorContract, Recipient, TransferTools
from ropa.model.register import (
    FORMAT_VERSION,
    SUBPROCESSOR_CHANGES,
    Change,
    PolicySettings,
    Register,
    SubprocessorChange,
)
from ropa.model.security_measure import SecurityMeasure
from ropa.model.vocabulary import (
    ActivityRole,
    CookieCategory,
    LegalBasis,
    OrganisationKind,
    RecipientRole,
    SecurityPoint,
    SpecialCategory,
    SpecialCondition,
    TransferMechanism,
)

__all__ = [
    "FORMAT_VERSION",
    "INTERNATIONAL_ORGANISATIONS",
    "SUBPROCESSOR_CHANGES",
    "Activity",
    "ActivityRole",
    "Change",
    "Contact",
    "Controller",
    "Cookie",
    "CookieCategory",
    "CountryCode",
    "DataCategory",
    "DataSource",
    "DataSubject",
    "Disclosure",
    "Dpia",
    "Id",
    "Inconsistency",
    "LegalBasis",
    "Location",
    "OrganisationKind",
    "Party",
    "PolicySettings",
    "ProcessorContract",
    "Provision",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Register",
    "Representative",
    "Retention",
    "SecurityMeasure",
    "SecurityPoint",
    "SpecialCategory",
    "SpecialCondition",
    "SubprocessorChange",
    "Text",
    "TransferMechanism",
    "TransferTools",
    "country_name",
    "format_path",
    "inconsistencies",
]
