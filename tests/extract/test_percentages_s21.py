"""Percentage fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.extract.percentages import find_percentages


def _pcts(text):
    return [(m.text, m.value["comparator"]) for m in find_percentages(text)]


def test_change_to_verbs_written_with_wei_bound_as_their_zhi_forms():
    assert _pcts("投诉比率虽由39%降为28%,但仍居首位。") == [("39%", None), ("降为28%", "<=")]
    assert _pcts("优良率提高为85%。") == [("提高为85%", ">=")]
    assert _pcts("发生率下降至15%。") == [("下降至15%", "<=")]
