"""The analyser's shipped model as loaded (``core.analysis._model``): the trainer's weights bit
for bit, the same scores as a plain table of them, and no row built before a message needs it."""

from __future__ import annotations

import json
import struct
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from core.analysis import _model, normalize_text
from core.analysis._matcher import asked_in, forms_of

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def trained(analysis_training: tuple[ModuleType, dict[str, Any], int]) -> _model.Scorer:
    """The trainer's own table (dense rows in a dict), fitted on the development sets."""
    trainer, models, _ = analysis_training
    scorer: _model.Scorer = trainer.combine(models, trainer.SCALE)
    return scorer


def _bits(scores: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, str]]:
    return {kind: {label: v.hex() for label, v in s.items()} for kind, s in scores.items()}


def test_load_builds_no_row_and_knows_every_feature(trained: _model.Scorer) -> None:
    scorer = _model.load()
    assert len(scorer.table) == 0
    assert set(scorer.known) == set(trained.table)
    assert (scorer.slots, scorer.priors) == (trained.slots, trained.priors)


def test_every_shipped_row_is_the_trainers_bit_for_bit(trained: _model.Scorer) -> None:
    scorer = _model.load()
    width = len(scorer.slots)
    assert width == 9 + 6 + 27  # tone, intent and subject labels
    packed = struct.Struct(f"<{width}d")
    assert len(trained.table) > 10_000
    for feature, row in trained.table.items():
        assert packed.pack(*scorer.table[feature]) == packed.pack(*row), feature


def test_scores_equal_a_plain_table_on_every_labelled_message(trained: _model.Scorer) -> None:
    scorer = _model.load()
    texts = [
        json.loads(line)["text"]
        for pattern in ("analysis_*.jsonl", "safety_*.jsonl")
        for path in sorted(DATA.glob(pattern))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) > 8000
    for text in texts:
        forms = forms_of(normalize_text(text))
        found, asked = _model.shared_features(forms), _model.ask_features(forms)
        assert _bits(scorer.score(found, asked)) == _bits(trained.score(found, asked)), text
    assert scorer.score({"no-such-feature"}) == trained.score(())  # the priors alone


def test_a_missing_rows_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "model.json"
    path.write_bytes(_model.DATA_PATH.read_bytes())
    monkeypatch.delenv("ION_ANALYSIS_BOOTSTRAP", raising=False)
    with pytest.raises(RuntimeError, match=r"model\.rows is missing"):
        _model.load(path)
    monkeypatch.setenv("ION_ANALYSIS_BOOTSTRAP", "1")  # the trainer may run without it
    empty = _model.load(path)
    assert (empty.slots, empty.priors, len(empty.table)) == ((), (), 0)
    _model.rows_path(path).write_bytes(_model.rows_path(_model.DATA_PATH).read_bytes())
    assert len(_model.load(path).known) == len(_model.load().known)


def test_rows_of_another_width_are_refused_at_load(tmp_path: Path) -> None:
    data: dict[str, Any] = json.loads(_model.DATA_PATH.read_text(encoding="utf-8"))
    data["slots"].append(["tone", "bored"])
    data["priors"].append(-1.0)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    _model.rows_path(path).write_bytes(_model.rows_path(_model.DATA_PATH).read_bytes())
    with pytest.raises(ValueError, match=f"do not fit {len(data['slots'])} slots"):
        _model.load(path)


def test_the_request_is_read_from_the_sentences_that_ask() -> None:
    scene = "We had an outage last week. The deploy went out at 5pm."
    assert asked_in(scene + " What goes into a good postmortem?") == (
        "What goes into a good postmortem?",
    )
    # the last two questions, and a last sentence that asks without a question mark
    text = "Is it me? Or them? Why now? I keep thinking about it. Tell me what to do."
    assert asked_in(text) == ("Or them?", "Why now?", "Tell me what to do.")
    assert asked_in("발표가 다음 주예요. 어떻게 준비하면 좋을지 알려주세요") == (
        "어떻게 준비하면 좋을지 알려주세요",
    )
    assert asked_in("one line without an end") == ("one line without an end",)
    assert asked_in("") == ()
    # a run of ends stays with its sentence, and what has no word is no sentence
    assert asked_in("Is it A? Or B?? Hmm...") == ("Is it A?", "Or B??", "Hmm...")
    assert asked_in("So. I don't know what to do...") == ("I don't know what to do...",)
    assert asked_in("Any tips? :)") == ("Any tips?",)
    assert asked_in("정말요？왜요！ 그럼 뭐부터 해요?!") == ("정말요？", "그럼 뭐부터 해요?!")
    # a full stop inside a word ends nothing
    assert asked_in("We moved to v3.5 and example.com broke. Why?") == ("Why?",)
    assert asked_in("first line\nsecond line") == ("second line",)


def test_only_intent_reads_the_asking_sentences(trained: _model.Scorer) -> None:
    forms = forms_of("We had an outage last week. What goes into a good postmortem?")
    asked = _model.ask_features(forms)
    assert "q:postmortem" in asked
    assert "q:good postmortem" in asked
    assert "q:outage" not in asked  # the scene's words are not the request
    assert all(f.startswith("q:") for f in asked)
    # a one-sentence message asks with all of it, and its short cut gives what the long way
    # does (a trailing space keeps the text from being its own asking sentence)
    for text in ("how does git bisect pick commits", "시험 공부 어떻게 시작해요"):
        whole = forms_of(text)
        assert whole.asked == (text,)
        assert _model.ask_features(whole) == {"q:" + f for f in _model.shared_features(whole)}
        assert _model.ask_features(forms_of(text + " ")) == _model.ask_features(whole)
    korean = _model.ask_features(forms_of("다음 주에 발표가 있어요. 어떻게 준비할까요?"))
    assert "q:준비" in korean
    assert "q:발표" not in korean
    assert "q:요어" not in korean  # no pair across the sentences
    slots = trained.slots
    rows = [row for feature, row in trained.table.items() if feature.startswith("q:")]
    assert len(rows) > 1000
    for row in rows:  # weights for intent's slots only
        assert all(w == 0 for (kind, _), w in zip(slots, row, strict=True) if kind != "intent")


def test_the_asking_sentences_do_not_count_as_more_evidence() -> None:
    """A short message's scores are scaled down by how few of its features the model knows;
    its asking sentences repeat its own features and must not add to that count."""
    table = {"hmm": [1.0, 0.0], "q:hmm": [2.0, 0.0], "q:so": [0.5, 0.0]}
    scorer = _model.Scorer((("intent", "a"), ("intent", "b")), (0.0, 0.0), table, table, evidence=4)
    # one known feature of four: a quarter of (1 + 2 + 0.5)
    assert scorer.score({"hmm"}, {"q:hmm", "q:so"}) == {"intent": {"a": 0.875, "b": 0.0}}
    assert scorer.score({"hmm"}) == {"intent": {"a": 0.25, "b": 0.0}}
    forms = forms_of("Hmm.")
    assert _model.ask_features(forms) == {"q:hmm"}
