"""Every named regex fragment matches the samples written beside it (``SAMPLES`` of each module):
whole (``fullmatch``), from its start (``match``) for targets' open-ended fragments, or anywhere
(``search``, multiline) for the context fragments of targets that look around a sentence."""

from __future__ import annotations

import re

import pytest

from nlp import numerals, text
from nlp.extract import dates, percentages, targets, targets_context, targets_quantities

HOW = [  # module, flags, how a sample must match
    (numerals, 0, "fullmatch"),
    (text, 0, "fullmatch"),
    (dates, 0, "fullmatch"),
    (percentages, 0, "fullmatch"),
    (targets, 0, "match"),  # fullmatch or match: a fragment may stop before the sample's end
    (targets_context, re.M, "search"),
    (targets_quantities, re.M, "search"),
]
CASES = [(module, name, flags, how) for module, flags, how in HOW for name in sorted(module.SAMPLES)]


@pytest.mark.parametrize("module, name, flags, how", CASES,
                         ids=[f"{m.__name__.rsplit('.', 1)[-1]}.{n}" for m, n, _, _ in CASES])
def test_fragment_matches_its_samples(module, name, flags, how):
    pattern = re.compile(getattr(module, name), flags)
    for sample in module.SAMPLES[name]:
        assert getattr(pattern, how)(sample), (name, sample)
