"""Hypothesis profiles: a quick one for every test run, a long one for the nightly run.

    .venv/bin/python -m pytest -q                                    # "default": 100 examples
    .venv/bin/python -m pytest -q --hypothesis-profile=nightly \\
        tests/test_properties.py tests/test_reliability.py           # 10,000 examples + slow

The nightly profile also runs the tests marked ``slow`` (see tests/conftest.py). Imported by
tests/conftest.py, so that the profiles exist before Hypothesis's pytest plugin loads one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # pandas warms up on the first example; wall times are never asserted
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("default", max_examples=100, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("nightly", max_examples=10_000, **_COMMON)  # type: ignore[arg-type]
settings.load_profile("default")
