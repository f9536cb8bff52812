"""The statistical tagger beside the rules: the shipped model loads and records what it
was trained on, it tags invented sentences, it stays below the rules and the group's own
names, and training is deterministic. No database."""

from pathlib import Path

import pytest

from balintroom.deid import identifiers, tagger, train_tagger
from balintroom.deid.identifier_eval import TESTSETS
from balintroom.deid.identifiers import find_identifiers


def spans(text: str, language: str) -> list[tuple[str, str]]:
    m = tagger.model()
    assert m is not None
    return [(c, text[s:e]) for c, s, e, _ in m.spans(text, language)]


def test_the_model_loads_and_records_its_training_sets() -> None:
    m = tagger.model()
    assert m is not None
    # Labelled sets it learned from, all of them ours; a held-out set scored after it was
    # made is not among them.
    assert m.header["trained_on"] and set(m.header["trained_on"]) <= set(TESTSETS)
    assert "en_heldout6" not in m.header["trained_on"]
    assert m.header["trained"] and m.header["commit"] and m.header["rules_sha256"]
    assert set(m.thresholds) <= set(tagger.EMIT)
    assert tagger.MODEL_PATH.stat().st_size < 3_000_000
    assert tagger.model() is m  # read once


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Gestern hat Frau Wenzlaff aus Kleinmachnow wieder angerufen.",
     [("name", "Frau Wenzlaff"), ("place", "Kleinmachnow")]),
    ("en", "Mrs Abernethy from Harrowgate Lane asked again about her pills.",
     [("name", "Mrs Abernethy"), ("place", "Harrowgate Lane")]),
    ("en", "Lotti (really Charlotte) and the eating disorder", [("name", "Lotti")]),
])
def test_it_tags_invented_sentences(language: str, text: str,
                                    expected: list[tuple[str, str]]) -> None:
    found = spans(text, language)
    for item in expected:
        assert item in found, (found, item)


def test_a_trap_is_not_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hope was the theme of the evening; nobody said much."
    assert spans(text, "en") == []
    monkeypatch.setattr(identifiers, "TAGGER_ENABLED", True)
    assert find_identifiers(text, "en") == []


def test_the_merge_ranks_below_the_rules_and_known_names_suppress_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "lotti said nothing, and her sister rang from Kleinmachnow."
    monkeypatch.setattr(identifiers, "TAGGER_ENABLED", True)
    monkeypatch.setattr(tagger, "find_spans", lambda t, lang=None: [("name", 0, 5),
                                                                    ("other", 40, 58)])
    found = [(f.category, f.text) for f in find_identifiers(text, "en")]
    assert ("name", "lotti") in found
    assert ("place", "Kleinmachnow") in found  # the rule wins the overlap
    assert ("other", "from Kleinmachnow.") not in found
    assert ("name", "lotti") not in [(f.category, f.text) for f in find_identifiers(
        text, "en", known_names=["Lotti Lehmann"])]
    monkeypatch.setattr(identifiers, "TAGGER_ENABLED", False)
    assert ("name", "lotti") not in [(f.category, f.text)
                                     for f in find_identifiers(text, "en")]


def test_explain_lists_the_features_behind_a_span() -> None:
    text = "Mrs Abernethy from Harrowgate Lane asked again."
    reasons = tagger.explain(text, 0, 13, "en")
    assert reasons and all(tok in ("Mrs", "Abernethy") for tok, _, _ in reasons)
    assert any("name" in feature for _, feature, _ in reasons)


TINY: list[train_tagger.Example] = [
    ("Frau Meier kommt aus Dorfen.", "de", [("name", 0, 10), ("place", 21, 27)]),
    ("Herr Kluge war in Erding.", "de", [("name", 0, 10), ("place", 18, 24)]),
    ("Mr Brown lives in Leeds.", "en", [("name", 0, 8), ("place", 18, 23)]),
    ("The weather was fine.", "en", []),
]


def test_training_is_deterministic(tmp_path: Path) -> None:
    a = train_tagger.train(TINY, epochs=3, min_weight=0.0)
    b = train_tagger.train(TINY, epochs=3, min_weight=0.0)
    assert a.weights == b.weights and a.weights
    train_tagger.save(a, tmp_path / "a.json.gz")
    train_tagger.save(b, tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    loaded = tagger.load(tmp_path / "a.json.gz")
    text = "Frau Meier kommt aus Dorfen."
    assert [(c, text[s:e]) for c, s, e, _ in loaded.spans(text, "de")] == [
        ("name", "Frau Meier"), ("place", "Dorfen")]
