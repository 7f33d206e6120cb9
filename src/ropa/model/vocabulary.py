"""The closed vocabularies of the register, named as the GDPR names them.

Each value is the string written in the register file; each enum knows the article it comes from.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ActivityRole",
    "CookieCategory",
    "LegalBasis",
    "OrganisationKind",
    "RecipientRole",
    "SecurityPoint",
    "SpecialCategory",
    "SpecialCondition",
    "TransferMechanism",
]


class LegalBasis(StrEnum):
    """The lawful bases of Article 6(1) GDPR."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal-obligation"
    VITAL_INTERESTS = "vital-interests"
    PUBLIC_TASK = "public-task"
    LEGITIMATE_INTERESTS = "legitimate-interests"

    @property
    def article(self) -> str:
        return f"Art. 6(1)({_LEGAL_BASIS_POINT[self]})"


_LEGAL_BASIS_POINT = {
    LegalBasis.CONSENT: "a",
    LegalBasis.CONTRACT: "b",
    LegalBasis.LEGAL_OBLIGATION: "c",
    LegalBasis.VITAL_INTERESTS: "d",
    LegalBasis.PUBLIC_TASK: "e",
    LegalBasis.LEGITIMATE_INTERESTS: "f",
}


class SpecialCategory(StrEnum):
    """The special categories of personal data of Article 9(1) GDPR."""

    RACIAL_OR_ETHNIC_ORIGIN = "racial-or-ethnic-origin"
    POLITICAL_OPINIONS = "political-opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious-or-philosophical-beliefs"
    TRADE_UNION_MEMBERSHIP = "trade-union-membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_OR_ORIENTATION = "sex-life-or-orientation"


class SpecialCondition(StrEnum):
    """The conditions of Article 9(2)(a)-(j) GDPR that lift the ban on special data."""

    EXPLICIT_CONSENT = "explicit-consent"
    EMPLOYMENT_AND_SOCIAL_PROTECTION = "employment-and-social-protection"
    VITAL_INTERESTS = "vital-interests"
    NOT_FOR_PROFIT_BODY = "not-for-profit-body"
    MADE_PUBLIC = "made-public"
    LEGAL_CLAIMS = "legal-claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial-public-interest"
    HEALTH_OR_SOCIAL_CARE = "health-or-social-care"
    PUBLIC_HEALTH = "public-health"
    ARCHIVING_RESEARCH_STATISTICS = "archiving-research-statistics"

    @property
    def article(self) -> str:
        return f"Art. 9(2)({'abcdefghij'[list(SpecialCondition).index(self)]})"


class RecipientRole(StrEnum):
    """What a recipient is to the controller (Art. 4(8)-(10), 26, 28)."""

    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub-processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint-controller"
    PUBLIC_AUTHORITY = "public-authority"

    @property
    def processes_on_our_behalf(self) -> bool:
        """True for the roles that Art. 28(3) requires a contract with."""
        return self in (RecipientRole.PROCESSOR, RecipientRole.SUB_PROCESSOR)


class ActivityRole(StrEnum):
    """In which capacity the organisation carries out an activity: Art. 30(1) or Art. 30(2)."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class OrganisationKind(StrEnum):
    """What kind of body the controller is: what some rules turn on (Art. 37(1)(a), Art. 27(2)(b), national law)."""

    ASSOCIATION = "association"
    FOUNDATION = "foundation"
    COMPANY = "company"
    PUBLIC_BODY = "public-body"  # a public authority or body (Art. 37(1)(a), Art. 27(2)(b), Art. 6(1) last sentence)
    OTHER = "other"


class CookieCategory(StrEnum):
    """What a cookie is for, in the categories consent banners use (strictly necessary needs no consent)."""

    STRICTLY_NECESSARY = "strictly-necessary"
    FUNCTIONAL = "functional"
    PREFERENCES = "preferences"
    STATISTICS = "statistics"
    MARKETING = "marketing"


class SecurityPoint(StrEnum):
    """The points of Article 32(1) GDPR a security measure serves."""

    A = "a"  # pseudonymisation and encryption
    B = "b"  # confidentiality, integrity, availability and resilience
    C = "c"  # restoring availability and access after an incident
    D = "d"  # regular testing, assessing and evaluating

    @property
    def article(self) -> str:
        return f"Art. 32(1)({self.value})"


class TransferMechanism(StrEnum):
    """Transfer tools of Chapter V GDPR, as a register declares them for a recipient.

    The EU-US Data Privacy Framework is not listed: it is an adequacy decision (Art. 45) that
    covers certified recipients, declared with `dpf_certified`.
    """

    SCC = "scc"  # Art. 46(2)(c), Implementing Decision (EU) 2021/914
    SCC_LEGACY = "scc-legacy"  # 2001/497/EC, 2004/915/EC, 2010/87/EU
    BCR = "bcr"  # Art. 46(2)(b), Art. 47
    SA_SCC = "sa-scc"  # Art. 46(2)(d)
    CODE_OF_CONDUCT = "code-of-conduct"  # Art. 46(2)(e)
    CERTIFICATION = "certification"  # Art. 46(2)(f)
    PUBLIC_AUTHORITY_INSTRUMENT = "public-authority-instrument"  # Art. 46(2)(a)
    AD_HOC_CLAUSES = "ad-hoc-clauses"  # Art. 46(3)(a)
    ADMINISTRATIVE_ARRANGEMENT = "administrative-arrangement"  # Art. 46(3)(b)
    DEROGATION_49_1_A = "derogation-49-1-a"
    DEROGATION_49_1_B = "derogation-49-1-b"
    DEROGATION_49_1_C = "derogation-49-1-c"
    DEROGATION_49_1_D = "derogation-49-1-d"
    DEROGATION_49_1_E = "derogation-49-1-e"
    DEROGATION_49_1_F = "derogation-49-1-f"
    DEROGATION_49_1_G = "derogation-49-1-g"
    COMPELLING_LEGITIMATE_INTERESTS = "compelling-legitimate-interests"  # Art. 49(1) second subparagraph
    PRIVACY_SHIELD = "privacy-shield"  # Decision (EU) 2016/1250, invalid from 16 July 2020
    SAFE_HARBOR = "safe-harbor"  # Decision 2000/520/EC, invalid from 6 October 2015

    @property
    def is_derogation(self) -> bool:
        """True for the Art. 49 derogations, the last resort of Chapter V."""
        return self.value.startswith("derogation-") or self is TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS
