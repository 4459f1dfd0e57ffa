"""The safety reply, and the instructions a model gets when it may write one.

Written to the safe-messaging guidance in ``shared/docs/safety.md``: it names what the person
wrote in plain words, says it matters, asks whether they are safe right now, urges contacting
someone now and lists the crisis lines, then keeps the door open. No persona, no options
list, no "good question", nothing about methods. One text per language and kind of crisis;
the lines come from ``CRISIS_RESOURCES``.
"""

from __future__ import annotations

from typing import NamedTuple

from core.safety._detect import Safety
from core.safety._resources import Resource, Resources, resources_for
from core.safety._rules import Category, Kind

GENERATOR = "safety"  # the ``generator`` of a fixed safety reply
MODEL = "safety-v1"  # bump when the texts change


class _Texts(NamedTuple):
    named: dict[Kind, str]  # what they wrote, in plain words, and that it matters
    safe_now: dict[Category, str]
    means_away: str  # after a plan: put the means out of reach (never naming any)
    reach_out: dict[Category, str]
    rest_can_wait: str  # when the crisis was one part of a longer request
    door_open: dict[Category, str]
    plain: str  # {line}: a model refused an ordinary message
    care: str  # {line}: later answers in a session that was flagged


_EN = _Texts(
    named={
        Kind.IDEATION: "Thank you for telling me. You said you've been having thoughts of "
        "ending your life or of not wanting to be alive. That matters, and I'm taking it "
        "seriously.",
        Kind.PLAN: "Thank you for telling me. You wrote about a plan or a way to end your "
        "life, and I'm really worried about you. This matters, and so do you.",
        Kind.GOODBYE: "Your message sounds like a goodbye, and I'm worried about you. What "
        "you're going through matters, and so do you.",
        Kind.SELF_INJURY: "Thank you for telling me. You wrote that you've been hurting "
        "yourself. That matters, and you deserve care, not judgement.",
        Kind.URGE: "Thank you for telling me. You wrote that you keep having thoughts of "
        "hurting someone. That matters, and it's a sign to get support right now.",
        Kind.INTENT: "Thank you for telling me. You wrote that you want to seriously hurt "
        "someone. That matters, and it's a sign to get support right now.",
        Kind.ABUSE: "Thank you for telling me. You wrote that someone is hurting or "
        "frightening you. I believe you, and it is not your fault.",
    },
    safe_now={
        Category.SELF_HARM: "Are you safe right now? If you might hurt yourself badly or act "
        "on these thoughts, please call your local emergency number now, and stay near other "
        "people if you can.",
        Category.HARM_TO_OTHERS: "Is everyone safe right now? If you can, step away from the "
        "person and from anything you could hurt them with, and call a crisis line or "
        "emergency services now.",
        Category.ABUSE: "Are you safe right now? If you are in danger, call emergency services "
        "now, or go somewhere safe where other people are around.",
    },
    means_away="Put what you were planning to use out of reach, or give it to someone, right now.",
    reach_out={
        Category.SELF_HARM: "Please reach out to someone right now: a crisis line, or a "
        "person you trust who can be with you.",
        Category.HARM_TO_OTHERS: "You can talk to someone about this right now:",
        Category.ABUSE: "These lines can help you stay safe and plan what to do next:",
    },
    rest_can_wait="The other things you asked about can wait; I'm glad to help with them "
    "whenever you're ready.",
    door_open={
        Category.SELF_HARM: "You don't have to go through this alone. You can keep writing "
        "to me here.",
        Category.HARM_TO_OTHERS: "Reaching out like this was the right thing to do. You can "
        "keep writing to me here.",
        Category.ABUSE: "You can keep writing to me here, whenever you want.",
    },
    plain="Thank you for writing. I can't give you a full answer to this one right now. If "
    "any of it is about your safety or someone else's, please reach out now: {line} "
    "Otherwise, tell me a little more about what you need, and we'll take it from there.",
    care="And if you ever need someone right away, you can reach {line}",
)

_KO = _Texts(
    named={
        Kind.IDEATION: "이야기해 주셔서 고마워요. 죽고 싶다는 생각, 살고 싶지 않다는 마음이 "
        "든다고 하셨어요. 정말 중요한 이야기이고, 가볍게 듣지 않을게요.",
        Kind.PLAN: "이야기해 주셔서 고마워요. 스스로 목숨을 끊을 계획이나 방법을 생각하고 "
        "있다고 하셨어요. 정말 걱정돼요. 이건 정말 중요한 이야기예요.",
        Kind.GOODBYE: "작별 인사처럼 들려서 정말 걱정돼요. 지금 겪고 계신 일을 가볍게 넘기지 "
        "않을게요. 무엇보다 소중한 분이에요.",
        Kind.SELF_INJURY: "이야기해 주셔서 고마워요. 스스로를 다치게 하고 있다고 하셨어요. "
        "비난받을 일이 아니에요. 충분히 돌봄을 받아야 해요.",
        Kind.URGE: "솔직하게 말씀해 주셔서 고마워요. 누군가를 해치는 생각이 자꾸 든다고 "
        "하셨어요. 중요한 신호이고, 지금 바로 도움을 받는 게 좋아요.",
        Kind.INTENT: "솔직하게 말씀해 주셔서 고마워요. 누군가를 심하게 해치고 싶다고 "
        "하셨어요. 중요한 신호이고, 지금 바로 도움을 받는 게 좋아요.",
        Kind.ABUSE: "이야기해 주셔서 고마워요. 지금 누군가에게 폭력이나 위협을 겪고 계신다고 "
        "하셨어요. 그 말을 믿어요. 절대 잘못이 아니에요.",
    },
    safe_now={
        Category.SELF_HARM: "지금 안전한 곳에 있나요? 혹시 지금 스스로를 해칠 것 같다면 바로 "
        "112나 119에 전화해 주세요. 가능하면 혼자 있지 말고 다른 사람 곁에 머물러 주세요.",
        Category.HARM_TO_OTHERS: "지금 모두 안전한가요? 할 수 있다면 지금 그 사람에게서 "
        "떨어지고, 누군가를 다치게 할 수 있는 물건은 손이 닿지 않는 곳에 두세요. 그리고 바로 "
        "위기상담 전화나 112에 연락해 주세요.",
        Category.ABUSE: "지금 안전한 곳에 있나요? 위험하다면 지금 바로 112에 전화하거나, "
        "다른 사람들이 있는 안전한 곳으로 가 주세요.",
    },
    means_away="생각해 둔 것은 지금 손이 닿지 않는 곳에 두거나 다른 사람에게 맡겨 주세요.",
    reach_out={
        Category.SELF_HARM: "지금 바로 누군가와 이야기해 주세요. 믿을 수 있는 사람에게 "
        "연락하거나 아래 번호로 전화할 수 있어요.",
        Category.HARM_TO_OTHERS: "아래 번호로 지금 바로 이야기할 수 있어요.",
        Category.ABUSE: "아래 번호로 연락하면 안전하게 지낼 방법을 함께 찾을 수 있어요.",
    },
    rest_can_wait="함께 물어본 다른 이야기는 조금 뒤에 같이 봐도 괜찮아요. 준비되면 언제든 "
    "다시 이야기해요.",
    door_open={
        Category.SELF_HARM: "혼자 견디지 않아도 돼요. 여기에도 언제든 계속 이야기해 주세요.",
        Category.HARM_TO_OTHERS: "이렇게 털어놓은 건 잘한 일이에요. 여기에도 언제든 계속 "
        "이야기해 주세요.",
        Category.ABUSE: "여기에도 언제든 계속 이야기해 주세요.",
    },
    plain="글 남겨 주셔서 고마워요. 지금은 이 메시지에 충분한 답을 드리기 어려워요. 혹시 "
    "본인이나 다른 누군가의 안전에 관한 이야기라면 지금 바로 도움을 요청해 주세요: {line} "
    "그렇지 않다면 어떤 도움이 필요한지 조금 더 들려주세요. 거기서부터 함께 볼게요.",
    care="그리고 언제든 바로 이야기할 사람이 필요하면 여기로 연락할 수 있어요: {line}",
)

# A session's later prompts, and the model when it may write the reply itself.
SESSION_INSTRUCTION = (
    "Earlier in this conversation the person wrote about {what}. Be gentle and warm; no "
    "jokes, no persona gimmicks, no pressure. If they mention it again or seem at risk, ask "
    "plainly whether they are safe right now and encourage them to contact a crisis line "
    "now. Do not write phone numbers: a line to call is added after your reply."
)
REPLY_INSTRUCTION = (
    "You are ION, a mentoring service, answering a person who may be at risk ({what}). Do "
    "not play a persona. Reply in {language}, warmly and briefly (under 120 words): name in "
    "plain words what they wrote, say that it matters, ask directly whether they are safe "
    "right now, and urge them to contact a crisis line or someone they trust now. Believe "
    "them. Never describe methods, means or places; never judge, argue, minimise or promise "
    "secrecy; no options lists, no productivity advice, no questions about what the feeling "
    "protects them from. Do not write phone numbers: the crisis lines are added after your "
    "reply."
)
_WHAT = {
    Category.SELF_HARM: "suicide or self-harm",
    Category.HARM_TO_OTHERS: "urges to hurt someone",
    Category.ABUSE: "being abused, threatened or in danger",
}
_LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}


def _texts(language: str) -> _Texts:
    return _KO if language == "ko" else _EN


def _lines(resources: tuple[Resource, ...]) -> str:
    return "\n".join(r.line() for r in resources)


def crisis_resources(safety: Safety, language: str, resources: Resources) -> tuple[Resource, ...]:
    """The lines for the message's crisis, then any for its other categories, without
    repeats."""
    found: list[Resource] = []
    for category in safety.categories or (safety.category,):
        for resource in resources_for(resources, language, category):
            if resource not in found:
                found.append(resource)
    return tuple(found)


def reply(safety: Safety, language: str, resources: Resources, embedded: bool = False) -> str:
    """The fixed safety reply for a flagged message. ``embedded``: the message also asked
    about other things, which the reply says can wait."""
    texts = _texts(language)
    category = safety.category
    kind = _gravest(safety.kinds, category)
    safe_now = texts.safe_now[category]
    if kind is Kind.PLAN:
        safe_now += " " + texts.means_away
    parts = [
        texts.named[kind],
        safe_now,
        texts.reach_out[category] + "\n" + _lines(crisis_resources(safety, language, resources)),
    ]
    if embedded:
        parts.append(texts.rest_can_wait)
    parts.append(texts.door_open[category])
    return "\n\n".join(parts)


def with_resources(answer: str, safety: Safety, language: str, resources: Resources) -> str:
    """A model-written safety reply with the crisis lines appended verbatim."""
    lines = _lines(crisis_resources(safety, language, resources))
    return f"{answer.strip()}\n\n{lines}"


def plain(language: str, resources: Resources) -> str:
    """The answer when a model refused an ordinary message: plain, with one line to call."""
    line = resources_for(resources, language, Category.SELF_HARM)[:1]
    return _texts(language).plain.format(line=_inline(line))


def care_note(category: Category, language: str, resources: Resources) -> str:
    """The line added to later offline answers in a session that was flagged."""
    line = resources_for(resources, language, category)[:1]
    return _texts(language).care.format(line=_inline(line))


def session_instruction(category: Category) -> str:
    return SESSION_INSTRUCTION.format(what=_WHAT[category])


def reply_instruction(category: Category, language: str) -> str:
    return REPLY_INSTRUCTION.format(
        what=_WHAT[category], language=_LANGUAGE_NAMES.get(language, "the language of the message")
    )


def _inline(resources: tuple[Resource, ...]) -> str:
    return "; ".join(f"{r.name} {r.contact} ({r.hours})" for r in resources)


# What the reply names when a message says several things: the gravest.
_GRAVITY = {
    Category.SELF_HARM: (Kind.PLAN, Kind.GOODBYE, Kind.IDEATION, Kind.SELF_INJURY),
    Category.HARM_TO_OTHERS: (Kind.INTENT, Kind.URGE),
    Category.ABUSE: (Kind.ABUSE,),
}


def _gravest(kinds: tuple[Kind, ...], category: Category) -> Kind:
    order = _GRAVITY[category]
    found = [k for k in kinds if k in order]
    if not found:  # a category without a kind of its own (the model's): its plainest
        return Kind.IDEATION if category is Category.SELF_HARM else order[-1]
    return min(found, key=order.index)
