from __future__ import annotations

from core.personas import PersonaName
from core.recommend import recommend


def test_ranks_all_four_with_scores_and_reasons() -> None:
    ranking = recommend(
        "Our team keeps missing handoffs between squads; how do we plan Q3?"
    ).ranking
    assert sorted(r.persona for r in ranking) == sorted(PersonaName)
    assert [r.score for r in ranking] == sorted((r.score for r in ranking), reverse=True)
    assert all(r.reasons and 0 <= r.score <= 1 for r in ranking)
    assert ranking[0].persona == PersonaName.NANA


def test_emotional_messages_rank_lua_first_and_technical_ones_elro_or_riri() -> None:
    assert recommend("요즘 너무 불안하고 지쳐요 ㅠㅠ").ranking[0].persona == PersonaName.LUA
    technical = recommend("Can you explain how B-tree indexes work?").ranking[0].persona
    assert technical in (PersonaName.ELRO, PersonaName.RIRI)


def test_uncertainty_moves_scores_between_keys() -> None:
    sure = recommend("ugh I'm so sick of this, nothing works, I hate it").ranking
    assert sure[0].persona == PersonaName.LUA
    assert sure[0].score > sure[1].score


def test_a_crisis_puts_lua_first_with_the_safety_reason_whatever_the_scores() -> None:
    # Calm and analytical: by the scores alone Elro or Riri would lead.
    text = "I have compared the options carefully and decided to end my life on Friday."
    result = recommend(text)
    assert result.analysis.safety.flagged
    assert result.ranking[0].persona == PersonaName.LUA
    assert result.ranking[0].reasons[0].startswith("gives the safety reply")
    assert sorted(r.persona for r in result.ranking) == sorted(PersonaName)
    calm = recommend("I have compared the options carefully and decided on Friday.")
    assert not calm.analysis.safety.flagged
    assert not calm.ranking[0].reasons[0].startswith("gives the safety reply")
