"""Persona prompts: a builder per persona behind a factory that accepts new registrations.

A prompt has a system part (who the persona is and how it speaks) and a user part (the analysed
situation, the context, the recent conversation and the message). ``PROMPT_VERSION`` changes
whenever the wording changes, so cached answers built from an older prompt are never reused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.analysis import Analysis
from core.errors import InvalidInput, UnknownPersona
from core.generation import Turn
from core.personas import PERSONAS, Persona, PersonaName
from core.safety import Category, reply_instruction, session_instruction

PROMPT_VERSION = "p3"  # p3: safety instructions (crisis messages, sessions flagged earlier)
MODES = ("default", "summary_light")
# The last 5 turns (messages, the user's and the mentor's; a session gives exactly these), each
# cut to about 100 characters as the seed did.
RECENT_TURNS = 5
TURN_CHARS = 100

_LANGUAGE_NAMES = {"ko": "Korean", "en": "English", "other": "the language of the message"}


@dataclass(frozen=True, slots=True)
class PromptContext:
    user_id: str | None = None
    session_id: str | None = None
    mode: str = "default"
    # A session in which the person wrote about a crisis earlier: the rest of its prompts
    # carry a safety instruction (and offline answers a gentle note).
    care: Category | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InvalidInput(
                f"mode {self.mode!r} is not valid; accepted: {', '.join(MODES)}", field="mode"
            )


@dataclass(frozen=True, slots=True)
class Prompt:
    system: str
    user: str
    version: str = PROMPT_VERSION


Builder = Callable[[Persona, Analysis, PromptContext, Sequence[Turn]], Prompt]


def _trim(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_STRUCTURE = {
    PersonaName.LUA: "Name the feeling you hear first, then encourage, then offer one gentle "
    "next step.",
    PersonaName.ELRO: "Decompose the problem and answer in numbered steps, each precise and "
    "checkable.",
    PersonaName.RIRI: "Go from the evidence to an insight to a recommendation; ask for the data "
    "you are missing.",
    PersonaName.NANA: "Map the people involved, then the process, then an execution plan with "
    "owners.",
}


def persona_builder(structure: str) -> Builder:
    """A builder with the shared shape and one persona's way of structuring an answer."""

    def build(
        persona: Persona, analysis: Analysis, context: PromptContext, turns: Sequence[Turn]
    ) -> Prompt:
        return _build(persona, analysis, context, turns, structure)

    return build


def _build(
    persona: Persona,
    analysis: Analysis,
    context: PromptContext,
    turns: Sequence[Turn],
    structure: str,
) -> Prompt:
    language = _LANGUAGE_NAMES.get(analysis.language, "English")
    if analysis.safety.flagged:
        # No persona for a crisis: the safety reply's own strict instruction.
        system = reply_instruction(analysis.safety.category, analysis.language)
        return Prompt(system=system, user=_user_part(analysis, context, turns))
    system = (
        f"You are {persona.display_name} ({persona.korean_name}), an ION mentor for "
        f"{persona.role}. Traits: {', '.join(persona.traits)}. "
        f"Strengths: {', '.join(persona.strengths)}. Style: {persona.prompt_style}. "
        f"{structure} "
        f"Answer in {language}. Refer to what the person actually wrote; do not invent facts "
        "about them."
    )
    if context.mode == "summary_light":
        system += " Reply with 1-3 bullet points, at most 80 words in total."
    if context.care is not None:
        system += " " + session_instruction(context.care)
    return Prompt(system=system, user=_user_part(analysis, context, turns))


def _user_part(analysis: Analysis, context: PromptContext, turns: Sequence[Turn]) -> str:
    lines = [
        "Situation: "
        f"tone={analysis.tone.primary.value} ({analysis.tone.confidence:.2f}), "
        f"pace={analysis.pace.value}, "
        f"intent={analysis.intent.primary.value} ({analysis.intent.confidence:.2f}), "
        f"language={analysis.language}",
    ]
    if context.user_id or context.session_id:
        lines.append(f"Context: user={context.user_id or '-'}, session={context.session_id or '-'}")
    recent = list(turns)[-RECENT_TURNS:]
    if recent:
        lines.append("Recent conversation:")
        lines.extend(f"- {turn.role}: {_trim(turn.text, TURN_CHARS)}" for turn in recent)
    lines.append(f"Message: {analysis.text}")
    return "\n".join(lines)


class PromptFactory:
    """Maps a persona to its prompt builder; unknown personas are an error."""

    def __init__(self) -> None:
        self._builders: dict[PersonaName, Builder] = {}

    def register(self, persona: PersonaName | str, builder: Builder) -> None:
        name = persona if isinstance(persona, PersonaName) else PersonaName.parse(persona)
        self._builders[name] = builder

    def build(
        self,
        persona: PersonaName | str,
        analysis: Analysis,
        context: PromptContext,
        turns: Sequence[Turn] = (),
    ) -> Prompt:
        name = persona if isinstance(persona, PersonaName) else PersonaName.parse(persona)
        builder = self._builders.get(name)
        if builder is None:
            raise UnknownPersona(name.value, [p.value for p in self._builders])
        return builder(PERSONAS[name], analysis, context, turns)


default_factory = PromptFactory()
for _name, _structure in _STRUCTURE.items():
    default_factory.register(_name, persona_builder(_structure))


def build_prompt(
    persona: PersonaName,
    analysis: Analysis,
    context: PromptContext | None = None,
    turns: Sequence[Turn] = (),
) -> Prompt:
    return default_factory.build(persona, analysis, context or PromptContext(), turns)
