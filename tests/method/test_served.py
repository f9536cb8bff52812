"""Every text that names whom a group serves is written for every kind, as a whole
sentence under the kind's own context - nothing is put together from a word."""

import ast
from pathlib import Path

from balintroom.method import served
from balintroom.method.served import ALL_WORDED, Served

SOURCE = Path(served.__file__)


def test_every_worded_text_is_written_for_every_kind():
    for text in ALL_WORDED:
        assert set(text) == set(Served)
        assert len(set(text.values())) == len(Served), "two kinds read alike"


def test_each_sentence_is_marked_with_its_own_kind_as_the_context():
    """makemessages reads the context from the call: pgettext("pupils", ...) in the entry
    for pupils, never another kind's."""
    calls = [node for node in ast.walk(ast.parse(SOURCE.read_text()))
             if isinstance(node, ast.Dict)]
    checked = 0
    for mapping in calls:
        for key, value in zip(mapping.keys, mapping.values, strict=True):
            if (isinstance(key, ast.Attribute) and isinstance(value, ast.Call)
                    and getattr(value.func, "id", "") == "pgettext"):
                context = value.args[0]
                assert isinstance(context, ast.Constant)
                assert context.value == Served[key.attr].value
                checked += 1
    assert checked == len(ALL_WORDED) * len(Served)


def test_only_the_patients_kind_speaks_of_patients_and_doctors():
    for text in ALL_WORDED:
        for kind, sentence in text.items():
            if kind != Served.PATIENTS:
                assert "patient" not in sentence.lower() and "doctor" not in sentence.lower()
