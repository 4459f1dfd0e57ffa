from __future__ import annotations

import pytest

from core.analysis import analyze
from core.errors import InvalidInput, UnknownPersona
from core.generation import Turn
from core.personas import PersonaName
from core.prompts import (
    PROMPT_VERSION,
    TURN_CHARS,
    Prompt,
    PromptContext,
    PromptFactory,
    build_prompt,
    default_factory,
)

MESSAGE = "배포가 계속 실패해서 너무 답답해요. 어떻게 고치죠?"


@pytest.mark.parametrize("persona", list(PersonaName))
def test_each_persona_has_its_own_system_part(persona: PersonaName) -> None:
    prompt = build_prompt(persona, analyze(MESSAGE))
    others = [build_prompt(p, analyze(MESSAGE)).system for p in PersonaName if p != persona]
    assert persona.value.capitalize() in prompt.system
    assert "Korean" in prompt.system
    assert prompt.system not in others
    assert prompt.version == PROMPT_VERSION


def test_user_part_carries_analysis_context_turns_and_message() -> None:
    analysis = analyze(MESSAGE)
    turns = [Turn("user", f"earlier question {i} " + "x" * 300) for i in range(7)]
    prompt = build_prompt(
        PersonaName.ELRO, analysis, PromptContext(user_id="u-1", session_id="s-9"), turns
    )
    assert f"tone={analysis.tone.primary.value}" in prompt.user
    assert f"intent={analysis.intent.primary.value}" in prompt.user
    assert "user=u-1" in prompt.user
    assert "session=s-9" in prompt.user
    assert "earlier question 1" not in prompt.user  # only the last 5 turns
    assert all(f"earlier question {i}" in prompt.user for i in range(2, 7))
    turn_lines = [line for line in prompt.user.splitlines() if line.startswith("- user:")]
    assert all(len(line) <= len("- user: ") + TURN_CHARS for line in turn_lines)
    assert prompt.user.rstrip().endswith(MESSAGE)


def test_summary_light_mode_asks_for_short_bullets() -> None:
    prompt = build_prompt(PersonaName.LUA, analyze(MESSAGE), PromptContext(mode="summary_light"))
    assert "1-3 bullet points" in prompt.system
    assert "80 words" in prompt.system
    with pytest.raises(InvalidInput):
        PromptContext(mode="verbose")


def test_factory_registration_and_unknown_personas() -> None:
    factory = PromptFactory()
    with pytest.raises(UnknownPersona):
        factory.build("riri", analyze(MESSAGE), PromptContext())
    factory.register("riri", lambda persona, *_: Prompt(system=persona.display_name, user="u"))
    assert factory.build("RIRI", analyze(MESSAGE), PromptContext()).system == "Riri"
    with pytest.raises(UnknownPersona):
        default_factory.build("gandalf", analyze(MESSAGE), PromptContext())
