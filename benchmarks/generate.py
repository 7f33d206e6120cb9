"""A deterministic generator of large, valid registers, for benchmarks.

`make_register(n)` returns the data of a register (plain dicts and lists, as a YAML file holds
them) with `n` processing activities and the other collections in proportion, shaped like a group
of organisations' record: per activity 3 purposes, 2 categories of data subjects, 3 data
categories, 5 recipients, 2 retention rules and 3 security measures; about four in ten recipients
process data outside the EEA, so every activity has transfers. The same `n` always gives the same
data, byte for byte once dumped (no clock, no global randomness).

    python -m benchmarks.generate OUTDIR [--sizes 1000 10000 20000]

writes `OUTDIR/register-<n>.yaml` for each size.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

__all__ = ["SIZES", "dump_yaml", "make_register", "proportions", "write_registers"]

SIZES = (1_000, 10_000, 20_000)
"""The sizes the benchmark uses: activities per register."""

_EEA = ("RO", "DE", "IE", "FR", "NL", "AT", "SE", "NO")
_THIRD = ("US", "GB", "CH", "JP", "CA", "KR", "IN", "BR", "IL", "NZ")
_SPECIAL = ("health", "religious-or-philosophical-beliefs", "trade-union-membership", "biometric")
_CONDITIONS = ("explicit-consent", "employment-and-social-protection", "not-for-profit-body", "legal-claims")
_BASES = ("consent", "contract", "legal-obligation", "public-task", "legitimate-interests", "vital-interests")
_ROLES = ("processor", "processor", "processor", "sub-processor", "controller", "joint-controller", "public-authority")
_PERIODS = ("P10Y", "P5Y", "P3Y", "P1Y", "P6M", "P30D", "P2Y6M", "P90D")

# Word pairs (Romanian, English), so that texts look like a register's and carry diacritics.
_WORDS = (
    ("gestionarea", "managing"),
    ("evidența", "recording"),
    ("donațiilor", "donations"),
    ("voluntarilor", "volunteers"),
    ("evenimentelor", "events"),
    ("plăților", "payments"),
    ("contractelor", "contracts"),
    ("elevilor", "pupils"),
    ("părinților", "parents"),
    ("partenerilor", "partners"),
    ("comunicărilor", "communications"),
    ("conturilor", "accounts"),
    ("solicitărilor", "requests"),
    ("înscrierilor", "sign-ups"),
    ("fotografiilor", "photographs"),
    ("rapoartelor", "reports"),
    ("facturilor", "invoices"),
    ("sondajelor", "surveys"),
    ("certificatelor", "certificates"),
    ("proiectelor", "projects"),
)


def proportions(activities: int) -> dict[str, int]:
    """How many records of each collection a register of `activities` activities holds."""
    n = activities
    return {
        "activities": n,
        "purposes": max(12, n // 5),
        "recipients": max(12, n // 4),
        "recipient_categories": max(6, n // 100),
        "data_subjects": max(6, n // 20),
        "data_categories": max(10, n // 20),
        "security_measures": max(6, n // 50),
        "client_controllers": max(2, n // 100),
    }


class _Maker:
    def __init__(self, activities: int) -> None:
        # A string seed is hashed with SHA-512: the same on every run and every platform.
        self.random = random.Random(f"ropa-benchmark-{activities}")
        self.counts = proportions(activities)

    def words(self, count: int, serial: int) -> dict[str, str]:
        chosen = [self.random.choice(_WORDS) for _ in range(count)]
        ro = " ".join(pair[0] for pair in chosen)
        en = " ".join(pair[1] for pair in chosen)
        return {"ro": f"{ro[:1].upper()}{ro[1:]} {serial}", "en": f"{en[:1].upper()}{en[1:]} {serial}"}

    def sentence(self, serial: int) -> dict[str, str]:
        first, second = self.words(6, serial), self.words(8, serial)
        return {
            "ro": f"{first['ro']}, pentru „{second['ro']}” și alte scopuri conexe (art. 6).",
            "en": f"{first['en']}, for “{second['en']}” and related purposes (Art. 6).",
        }

    def sample(self, prefix: str, count: int, how_many: int) -> list[str]:
        return [f"{prefix}-{index}" for index in self.random.sample(range(count), how_many)]

    def data(self) -> dict[str, Any]:
        c = self.counts
        special_categories = {f"data-{index}" for index in range(0, c["data_categories"], 10)}
        conditioned = [f"purpose-{index}" for index in range(0, c["purposes"], 4)]
        return {
            "format": 1,
            "languages": ["ro", "en"],
            "updated": "2026-01-15",
            "controller": self.controller(),
            "client_controllers": {
                f"client-{i}": {"name": f"Școala Gimnazială nr. {i}", "country": "RO"}
                for i in range(c["client_controllers"])
            },
            "data_subjects": {
                f"subjects-{i}": {"name": self.words(3, i), **({"children": True} if i % 7 == 0 else {})}
                for i in range(c["data_subjects"])
            },
            "data_categories": {
                f"data-{i}": self.data_category(i, f"data-{i}" in special_categories)
                for i in range(c["data_categories"])
            },
            "purposes": {f"purpose-{i}": self.purpose(i) for i in range(c["purposes"])},
            "recipient_categories": {f"category-{i}": self.words(4, i) for i in range(c["recipient_categories"])},
            "recipients": {f"recipient-{i}": self.recipient(i) for i in range(c["recipients"])},
            "security_measures": {
                f"measure-{i}": {
                    "name": self.words(3, i),
                    "description": self.sentence(i),
                    "point": "abcd"[i % 4],
                    "public": i % 3 == 0,
                }
                for i in range(c["security_measures"])
            },
            "activities": {
                f"activity-{i}": self.activity(i, special_categories, conditioned) for i in range(c["activities"])
            },
            "policy": {
                "possessive": {"ro": "Grupului Exemplu", "en": "the Example Group's"},
                "transfer_reasons": [f"purpose-{i}" for i in range(1, 5)],
                "legal_requests": "activity-0",
            },
        }

    def controller(self) -> dict[str, Any]:
        return {
            "name": "Grupul de Asociații Exemplu",
            "legal_form": {"ro": "federație", "en": "federation"},
            "fiscal_code": "12345678",
            "address": "str. Memorandumului nr. 1, Cluj-Napoca",
            "country": "RO",
            "email": "dpo@exemplu.ro",
            "web": "https://exemplu.ro",
            "dpo": {"name": "Responsabilul cu protecția datelor", "email": "dpo@exemplu.ro"},
        }

    def data_category(self, index: int, special: bool) -> dict[str, Any]:
        category: dict[str, Any] = {"name": self.words(3, index), "examples": self.sentence(index)}
        if special:
            category["special"] = _SPECIAL[index % len(_SPECIAL)]
        if index % 13 == 5:
            category["national_id"] = True
        return category

    def purpose(self, index: int) -> dict[str, Any]:
        basis = _BASES[index % len(_BASES)]
        purpose: dict[str, Any] = {"name": self.words(4, index), "legal_basis": basis}
        if index % 3 == 0:
            purpose["description"] = self.sentence(index)
        if basis == "legitimate-interests":
            purpose["legitimate_interest"] = self.sentence(index)
        if index % 4 == 0:
            purpose["special_condition"] = _CONDITIONS[(index // 4) % len(_CONDITIONS)]
        return purpose

    def recipient(self, index: int) -> dict[str, Any]:
        role = _ROLES[index % len(_ROLES)]
        recipient: dict[str, Any] = {
            "name": f"Furnizor {index} SRL",
            "legal_entity": f"Furnizor {index} Services SRL (CUI RO{10_000_000 + index})",
            "category": f"category-{index % self.counts['recipient_categories']}",
            "role": role,
            "country": self.random.choice(_EEA),
        }
        locations = [self.random.choice(_EEA)]
        if index % 5 in (1, 3):  # four in ten process data outside the EEA
            locations += self.random.sample(_THIRD, 1 + index % 2)
            mechanisms = ["scc"] if index % 10 != 3 else ["derogation-49-1-a"]
            recipient["mechanisms"] = mechanisms
            if "US" in locations and index % 2 == 1:
                recipient["dpf_certified"] = True
            if index % 10 == 3:
                recipient["derogation_safeguards"] = self.sentence(index)
            recipient["transfer_impact_assessment"] = f"TIA-{index}"
        recipient["locations"] = locations
        if role in ("processor", "sub-processor"):
            recipient["contract"] = {
                "date": f"20{18 + index % 8}-0{1 + index % 9}-1{index % 10}",
                "reference": f"DPA-{index}",
            }
        if role == "joint-controller":
            recipient["arrangement"] = self.sentence(index)
        recipient["shared_for"] = self.sample("purpose", self.counts["purposes"], 2)
        recipient["contact"] = f"privacy@furnizor{index}.example"
        recipient["privacy_policy"] = f"https://furnizor{index}.example/privacy"
        return recipient

    def activity(self, index: int, special_categories: set[str], conditioned: Sequence[str]) -> dict[str, Any]:
        c = self.counts
        purposes = self.sample("purpose", c["purposes"], 3)
        categories = self.sample("data", c["data_categories"], 3)
        if any(category in special_categories for category in categories) and not any(
            purpose in conditioned for purpose in purposes
        ):
            purposes[0] = next(purpose for purpose in conditioned if purpose not in purposes)
        processor = index % 10 == 9
        activity: dict[str, Any] = {
            "name": self.words(3, index),
            "function": self.words(2, index % 40),
            "description": self.sentence(index),
        }
        if processor:
            activity["role"] = "processor"
            activity["on_behalf_of"] = self.sample("client", c["client_controllers"], 1)
        activity |= {
            "purposes": purposes,
            "data_subjects": self.sample("subjects", c["data_subjects"], 2),
            "data_categories": categories,
            "recipients": self.sample("recipient", c["recipients"], 5),
            "retention": [
                {"data": categories[:2], "period": self.random.choice(_PERIODS), "ground": self.words(4, index)},
                {"data": categories[2:], "criteria": self.sentence(index)},
            ],
            "security_measures": self.sample("measure", c["security_measures"], 3),
            "source": {"ro": "direct de la persoana vizată", "en": "directly from the data subject"},
        }
        if index % 11 == 0:
            activity["dpia"] = {"required": True, "done": True, "reference": f"DPIA-{index}"}
        activity["created"] = f"20{18 + index % 7}-0{1 + index % 9}-0{1 + index % 9}"
        activity["updated"] = "2026-01-10"
        return activity


def make_register(activities: int) -> dict[str, Any]:
    """The data of a valid register with `activities` activities and proportionate collections."""
    if activities < 1:
        raise ValueError("a register for benchmarks has at least one activity")
    return _Maker(activities).data()


_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: dict[str, Any]) -> str:
    """The YAML text of register data, as a person would write it (fields in order, Unicode as is)."""
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text


def write_registers(folder: Path, sizes: Sequence[int] = SIZES) -> dict[int, Path]:
    """Write `register-<n>.yaml` into `folder` for each size; the paths, by size."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        path = folder / f"register-{size}.yaml"
        path.write_text(dump_yaml(make_register(size)), encoding="utf-8")
        paths[size] = path
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write register-<n>.yaml")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="activities per register")
    arguments = parser.parse_args(argv)
    for size, path in write_registers(arguments.folder, arguments.sizes).items():
        print(f"{path}: {size:,} activities, {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
