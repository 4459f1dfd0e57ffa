from __future__ import annotations

from core.personas import PersonaName
from core.recommend import recommend


def test_ranks_all_four_with_scores_and_reasons() -> None:
    ranking = recommend("Our team keeps missing handoffs between squads; how do we plan Q3?")
    assert sorted(r.persona for r in ranking) == sorted(PersonaName)
    assert [r.score for r in ranking] == sorted((r.score for r in ranking), reverse=True)
    assert all(r.reasons and 0 <= r.score <= 1 for r in ranking)
    assert ranking[0].persona == PersonaName.NANA


def test_emotional_messages_rank_lua_first_and_technical_ones_elro_or_riri() -> None:
    assert recommend("요즘 너무 불안하고 지쳐요 ㅠㅠ")[0].persona == PersonaName.LUA
    technical = recommend("Can you explain how B-tree indexes work?")[0].persona
    assert technical in (PersonaName.ELRO, PersonaName.RIRI)


def test_uncertainty_moves_scores_between_keys() -> None:
    sure = recommend("ugh I'm so sick of this, nothing works, I hate it")
    assert sure[0].persona == PersonaName.LUA
    assert sure[0].score > sure[1].score
