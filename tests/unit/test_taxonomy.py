from __future__ import annotations

import pytest

from core.errors import InvalidResonanceKey
from core.taxonomy import Intent, Pace, ResonanceKey, Tone


def test_taxonomy_sizes_match_the_domain() -> None:
    assert (len(Tone), len(Pace), len(Intent)) == (9, 4, 6)
    assert len(ResonanceKey.all()) == 216
    assert len({str(k) for k in ResonanceKey.all()}) == 216


@pytest.mark.parametrize("key", ResonanceKey.all(), ids=str)
def test_every_key_round_trips(key: ResonanceKey) -> None:
    assert ResonanceKey.parse(str(key)) == key
    assert len(str(key).split("-")) == 3


def test_parse_is_case_and_space_tolerant_but_strict_on_values() -> None:
    assert ResonanceKey.parse(" Frustrated-BURST-seek_advice ") == ResonanceKey(
        Tone.FRUSTRATED, Pace.BURST, Intent.SEEK_ADVICE
    )


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("frustrated-burst", "tone-pace-intent"),
        ("frustrated-burst-seek-advice", "tone-pace-intent"),
        ("angry-burst-seek_advice", "frustrated, playful"),
        ("calm-slow-learning", "burst, flowing, contemplative, medium"),
        ("calm-medium-inquiry", "seek_advice, problem_solving"),
        ("", "tone-pace-intent"),
    ],
)
def test_invalid_keys_list_what_is_accepted(text: str, mentions: str) -> None:
    with pytest.raises(InvalidResonanceKey) as caught:
        ResonanceKey.parse(text)
    assert mentions in caught.value.message
    assert caught.value.code == "INVALID_RESONANCE_KEY"
