"""Shared test set-up: the hypothesis profiles and the paths of the examples."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# CI runs on a shared, noisy machine: no deadline, a fixed number of examples and a fixed seed,
# so a correct test never turns red by chance. Tests that need more examples say so themselves.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=100,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ONEDU = EXAMPLES / "onedu" / "register.yaml"
MINIMAL = EXAMPLES / "minimal" / "register.yaml"
