"""Which situation of its subject a message is in, chosen by each subject's situation model
(``scripts/train_situation_model.py``) and measured on messages labelled by a reader the model
never learned from (``tests/data/situation_eval.jsonl``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.advice._situations import MODEL_DIR, cue_hits, situation_of, situations
from core.taxonomy import Subject

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import train_situation_model as trainer  # noqa: E402

SUBJECTS = [s for s in Subject if s is not Subject.GENERAL]
# Measured when the models were trained (docs/answer-quality.md): 0.620 English, 0.625 Korean
# (0.562 and 0.596 before they read the analyser's tone and intent), against 0.341 and 0.370
# for the cues alone. A floor a little under each, and the margin over the cues that the model
# exists for.
FLOORS = {"en": 0.57, "ko": 0.60}
MARGIN_OVER_CUES = 0.15


def accuracy(lang: str) -> tuple[float, float, int]:
    rows = [(row, label) for row, label in trainer._labelled(trainer.EVAL) if row["lang"] == lang]
    model = cues = 0
    for row, label in rows:
        subject, text = Subject(row["subject"]), row["text"]
        found = situation_of(subject, lang, text, *trainer._read(text))  # as an answer asks
        model += (found.id if found else trainer.NONE) == label
        hits = cue_hits(subject, lang, text)
        cues += (max(hits, key=hits.__getitem__) if hits else trainer.NONE) == label
    return model / len(rows), cues / len(rows), len(rows)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_model_finds_the_labelled_situation(lang: str) -> None:
    model, cues, n = accuracy(lang)
    assert n >= 200
    assert model >= FLOORS[lang], (model, cues)
    assert model >= cues + MARGIN_OVER_CUES, (model, cues)


def test_every_subject_has_a_model_over_its_situations_and_none() -> None:
    for subject in SUBJECTS:
        data = json.loads((MODEL_DIR / f"{subject.value}.json").read_text(encoding="utf-8"))
        ids = [s.id for s in situations(subject, "en")]
        assert data["labels"] == [*ids, "none"], subject
        assert ids == [s.id for s in situations(subject, "ko")], subject
        assert len(data["priors"]) == len(data["labels"]), subject


def test_the_shipped_models_are_what_the_trainer_makes() -> None:
    models = trainer.fit(trainer._labelled(trainer.LABELS))
    for subject, model in models.items():
        shipped = (MODEL_DIR / f"{subject}.json").read_text(encoding="utf-8")
        assert shipped == trainer.render(model), f"stale: python {trainer.__file__}"


def test_the_trainer_never_learns_from_the_evaluation_labels() -> None:
    training = {row["id"] for row, _ in trainer._labelled(trainer.LABELS)}
    evaluation = {row["id"] for row, _ in trainer._labelled(trainer.EVAL)}
    assert not training & evaluation
    with pytest.raises(SystemExit, match="evaluation"):
        trainer.fit(trainer._labelled(trainer.EVAL)[:5])


def test_a_clear_cue_on_a_short_message_is_followed() -> None:
    examples = [
        (Subject.JOB_OFFER, "en", "My first offer is lower than I hoped. Should I negotiate?"),
        (Subject.PRESENTATION, "ko", "다음 달에 발표가 있는데 너무 떨려요"),
        (Subject.DEPLOYMENT, "en", "What goes into a good blameless postmortem?"),
    ]
    for subject, lang, text in examples:
        found = situation_of(subject, lang, text)
        hits = cue_hits(subject, lang, text)
        assert found is not None
        assert found.id in hits, (text, found.id, hits)


def test_the_choice_does_not_depend_on_the_process_hash_seed() -> None:
    # Short texts whose top two scores nearly tie: a rounded sum in a set's order went either
    # way between processes before the columns were summed exactly.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from core.advice._situations import situation_of\n"
        "from core.taxonomy import Subject as S\n"
        "cases = [(S.PROMOTION, 'fix help look'), (S.LEADERSHIP, 'fewer it next'),\n"
        "         (S.INTERVIEW, 'aloud right down pressure failure project')]\n"
        "print([getattr(situation_of(s, 'en', t), 'id', None) for s, t in cases])\n"
    )
    seen = set()
    for seed in ("0", "1", "2", "3", "4"):
        done = subprocess.run(
            [sys.executable, "-c", probe, str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        seen.add(done.stdout)
    assert len(seen) == 1, seen
