from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.personas import PERSONAS, PersonaName, get_persona
from core.routing import (
    INTENT_AFFINITY,
    ORDER,
    PACE_AFFINITY,
    TONE_AFFINITY,
    best_for,
    confidence,
    route,
    route_in_session,
)
from core.taxonomy import ResonanceKey

ALL_KEYS = ResonanceKey.all()
L, E, R, N = ORDER


def test_affinity_table_has_all_76_values_in_range() -> None:
    rows = [*TONE_AFFINITY.values(), *PACE_AFFINITY.values(), *INTENT_AFFINITY.values()]
    assert len(rows) * 4 == 76
    assert all(0 <= value <= 10 for row in rows for value in row)


def test_worked_example_from_the_domain() -> None:
    result = route(ResonanceKey.parse("frustrated-burst-seek_advice"))
    assert result.scores == {L: 1.0, E: 0.44, R: 0.59, N: 0.59}
    assert (result.primary, result.secondary) == (L, R)  # Riri ties Nana and goes first
    assert result.confidence == pytest.approx(0.823, abs=1e-3)
    assert result.ranked() == [L, R, N, E]


@pytest.mark.parametrize("key", ALL_KEYS, ids=str)
def test_scores_follow_the_formula_exactly(key: ResonanceKey) -> None:
    result = route(key)
    for column, persona in enumerate(ORDER):
        expected = (
            0.5 * TONE_AFFINITY[key.tone][column] / 10
            + 0.3 * PACE_AFFINITY[key.pace][column] / 10
            + 0.2 * INTENT_AFFINITY[key.intent][column] / 10
        )
        assert result.scores[persona] == pytest.approx(min(1.0, max(0.0, expected)))
        assert result.contributions[persona].total == pytest.approx(result.scores[persona])


@given(st.sampled_from(ALL_KEYS))
def test_primary_is_best_secondary_second_with_tie_order(key: ResonanceKey) -> None:
    result = route(key)
    top = max(result.scores.values())
    best = [p for p in ORDER if result.scores[p] == top]
    assert result.primary == best[0]
    rest = [p for p in ORDER if p != result.primary]
    second = max(result.scores[p] for p in rest)
    assert result.secondary == next(p for p in rest if result.scores[p] == second)
    assert 0.0 <= result.confidence <= 1.0
    assert result.confidence == confidence(top, second)
    assert not result.forced


@given(st.sampled_from(ALL_KEYS), st.sampled_from(list(PersonaName)))
def test_forcing_a_persona_keeps_the_scores(key: ResonanceKey, forced: PersonaName) -> None:
    natural, result = route(key), route(key, forced=forced)
    assert result.primary == forced
    assert result.forced
    assert result.secondary != forced
    assert result.scores == natural.scores


def test_best_for_lists_are_derived_from_the_table() -> None:
    assert best_for(L)["tones"] == ["frustrated", "playful", "anxious", "confused"]
    assert best_for(E)["intents"] == ["problem_solving", "learning", "planning"]
    assert best_for(N)["paces"] == ["flowing", "contemplative", "medium"]
    assert "analytical" in best_for(R)["tones"]
    assert "playful" not in best_for(R)["tones"]


def test_personas_are_complete_data() -> None:
    assert [p.display_name for p in PERSONAS.values()] == ["Lua", "Elro", "Riri", "Nana"]
    assert get_persona("ELRO").korean_name == "엘로"
    for persona in PERSONAS.values():
        assert persona.traits
        assert persona.strengths
        assert persona.prompt_style
        assert persona.role


MARGINS = st.sampled_from([0.0, 0.1, 0.15, 0.5, 1.0])


@given(st.sampled_from(ALL_KEYS), st.sampled_from(ORDER), st.booleans(), MARGINS)
def test_a_session_keeps_its_mentor_unless_a_changed_need_gives_another_the_margin(
    key: ResonanceKey, mentor: PersonaName, changed: bool, switch_margin: float
) -> None:
    scored = route(key)
    routing = route_in_session(key, mentor, changed=changed, switch_margin=switch_margin)
    best = next(p for p in scored.ranked() if p != mentor)
    lead = scored.scores[best] - scored.scores[mentor]
    assert routing.scores == scored.scores  # the formula's, whoever answers
    assert routing.session_mentor == mentor
    assert routing.margin == pytest.approx(lead)
    if changed and lead >= switch_margin - 1e-9:
        assert (routing.primary, routing.reason) == (best, "switched")
    else:
        assert (routing.primary, routing.reason) == (mentor, "kept_by_session")
    assert routing.secondary != routing.primary
    assert routing.confidence == confidence(
        scored.scores[routing.primary], scored.scores[routing.secondary]
    )
