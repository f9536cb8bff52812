"""A questionnaire's definition, checked before it is stored, and its scoring."""

import copy
from typing import Any

import pytest

from balintroom.reflection.instruments import (
    InstrumentInvalid,
    answers_check,
    definition_json,
    definition_parse,
    scores,
)
from balintroom.reflection.shipped import REVIEW_QUESTIONNAIRE

GOOD: dict[str, Any] = {
    "name": "A short scale", "language": "en", "source": "the authors, 2020",
    "scale": {"min": 1, "max": 5, "low": "never", "high": "always"},
    "items": [{"key": "a", "text": "One"}, {"key": "b", "text": "Two"},
              {"key": "c", "text": "Three", "reverse": True}, {"key": "d", "text": "Four"}],
    "scales": [{"key": "all", "name": "All", "items": ["a", "b", "c", "d"]},
               {"key": "ab", "name": "A and B", "items": ["a", "b"], "method": "sum"}],
}


def test_it_reads_a_definition_and_writes_it_back_the_same():
    definition = definition_parse(GOOD)
    assert [i.key for i in definition.items] == ["a", "b", "c", "d"]
    assert definition_parse(definition_json(definition)) == definition


def test_our_own_questionnaire_is_a_valid_definition():
    definition = definition_parse(REVIEW_QUESTIONNAIRE)
    assert len(definition.items) == 11 and len(definition.scales) == 4


def test_it_scores_means_and_sums_and_turns_reverse_items():
    definition = definition_parse(GOOD)
    found = scores(definition, {"a": 5, "b": 3, "c": 1, "d": 5})
    # c answered 1, reversed on 1-5: 5
    assert found == {"all": 4.5, "ab": 8}


def test_a_scale_with_too_few_answers_has_no_score_and_a_sum_is_scaled_up():
    definition = definition_parse(GOOD)
    assert scores(definition, {"a": 4}) == {"all": None, "ab": 8}


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


@pytest.mark.parametrize("data, message", [
    ([], "one JSON object"),
    (broken(lambda d: d.pop("name")), "“name” must be a text"),
    (broken(lambda d: d.update(scale={"min": 3, "max": 1})), "min below max"),
    (broken(lambda d: d.update(items=[])), "1 to 80 items"),
    (broken(lambda d: d["items"].append({"key": "a", "text": "again"})), "same key"),
    (broken(lambda d: d["items"][0].update(key="Item 1")), "small letters"),
    (broken(lambda d: d["items"][1].update(reverse="yes")), "Item 2: “reverse”"),
    (broken(lambda d: d["scales"][0].update(items=["a", "zz"])), "Scale 1: “items”"),
    (broken(lambda d: d["scales"][1].update(method="median")), "“mean” or “sum”"),
    (broken(lambda d: d["items"][0].update(text="x" * 401)), "longer than 400"),
])
def test_a_broken_definition_says_what_to_fix(data, message):
    with pytest.raises(InstrumentInvalid, match=message):
        definition_parse(data)


def test_answers_must_be_the_questionnaires_own():
    definition = definition_parse(GOOD)
    assert answers_check(definition, {"a": 1}) == {"a": 1}
    for wrong in ({"a": 6}, {"zz": 3}, {"a": 0}):
        with pytest.raises(InstrumentInvalid):
            answers_check(definition, wrong)
