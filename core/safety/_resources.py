"""Crisis resources: who a person in crisis can reach, per language and category.

The defaults below are the lines the issue names, to be verified for each deployment's region
before it goes live; ``CRISIS_RESOURCES`` (see ``core.config``) replaces any of them. Its value
is JSON: ``{"<language>": {"<category>": [{"name", "contact", "hours"}, ...]}}``; a
(language, category) it names replaces that default list, everything else keeps its default.
Messages in a language without resources of its own get the English ones.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from core.safety._rules import Category

LANGUAGES = ("ko", "en")
FALLBACK_LANGUAGE = "en"
CRISIS = (Category.SELF_HARM, Category.HARM_TO_OTHERS, Category.ABUSE)
_MAX_TEXT = 200
_MAX_PER_LIST = 8


class Resource(NamedTuple):
    name: str
    contact: str
    hours: str

    def line(self) -> str:
        return f"- {self.name}: {self.contact} ({self.hours})"


Resources = Mapping[str, Mapping[Category, tuple[Resource, ...]]]

_KO_EMERGENCY = Resource("긴급신고", "경찰 112, 구급 119", "24시간")
_KO_CRISIS_LINE = Resource("정신건강위기상담전화", "1577-0199", "24시간")
_EN_EMERGENCY = Resource(
    "Emergency services",
    "911 in the US, 999 in the UK, 112 in the EU and many other countries",
    "24/7",
)
_EN_988 = Resource("988 Suicide & Crisis Lifeline (US and Canada)", "call or text 988", "24/7")
_EN_SAMARITANS = Resource("Samaritans (UK and Ireland)", "call 116 123", "24/7")

DEFAULTS: Resources = MappingProxyType(
    {
        "ko": MappingProxyType(
            {
                Category.SELF_HARM: (
                    Resource("자살예방상담전화", "109", "24시간"),
                    _KO_CRISIS_LINE,
                    _KO_EMERGENCY,
                ),
                Category.HARM_TO_OTHERS: (_KO_CRISIS_LINE, _KO_EMERGENCY),
                Category.ABUSE: (
                    Resource("여성긴급전화", "1366", "24시간"),
                    Resource("경찰 (아동학대 신고 포함)", "전화·문자 112", "24시간"),
                    Resource("청소년상담전화", "1388", "24시간"),
                    Resource("구급", "119", "24시간"),
                ),
            }
        ),
        "en": MappingProxyType(
            {
                Category.SELF_HARM: (_EN_988, _EN_SAMARITANS, _EN_EMERGENCY),
                Category.HARM_TO_OTHERS: (_EN_988, _EN_SAMARITANS, _EN_EMERGENCY),
                Category.ABUSE: (
                    Resource(
                        "National Domestic Violence Hotline (US)",
                        "call 1-800-799-7233 or text START to 88788",
                        "24/7",
                    ),
                    Resource("National Domestic Abuse Helpline (UK)", "call 0808 2000 247", "24/7"),
                    Resource(
                        "Childhelp National Child Abuse Hotline (US)",
                        "call or text 1-800-422-4453",
                        "24/7",
                    ),
                    Resource("Childline (UK, under 19)", "call 0800 1111", "24/7"),
                    _EN_EMERGENCY,
                ),
            }
        ),
    }
)


def resources_for(resources: Resources, language: str, category: Category) -> tuple[Resource, ...]:
    """The lines for a category, in the message's language (English for any other)."""
    if category is Category.NONE:
        return ()
    table = resources.get(language) or resources[FALLBACK_LANGUAGE]
    return table.get(category, ())


def parse(text: str) -> Resources:
    """``CRISIS_RESOURCES``: empty means the defaults; otherwise JSON laid over them. Raises
    ValueError saying what is wrong (the config module names the setting)."""
    if not text.strip():
        return DEFAULTS
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at character {error.pos})") from None
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object of languages")
    merged: dict[str, dict[Category, tuple[Resource, ...]]] = {
        language: dict(table) for language, table in DEFAULTS.items()
    }
    for language, table in data.items():
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        if not isinstance(table, dict):
            raise ValueError(f"{language}: expected an object of categories")
        for name, entries in table.items():
            category = _category(language, name)
            merged[language][category] = _entries(f"{language}.{name}", entries)
    return MappingProxyType({k: MappingProxyType(v) for k, v in merged.items()})


def _category(language: str, name: str) -> Category:
    accepted = ", ".join(c.value for c in CRISIS)
    try:
        category = Category(name)
    except ValueError:
        raise ValueError(f"{language}: category {name!r} is not one of {accepted}") from None
    if category is Category.NONE:
        raise ValueError(f"{language}: category 'none' has no resources; use one of {accepted}")
    return category


def _entries(where: str, entries: object) -> tuple[Resource, ...]:
    if not isinstance(entries, list) or not 1 <= len(entries) <= _MAX_PER_LIST:
        raise ValueError(f"{where}: expected a list of 1 to {_MAX_PER_LIST} resources")
    found = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != {"name", "contact", "hours"}:
            raise ValueError(f"{where}[{index}]: expected exactly name, contact and hours")
        values = [entry[k] for k in ("name", "contact", "hours")]
        if not all(isinstance(v, str) and 0 < len(v.strip()) <= _MAX_TEXT for v in values):
            raise ValueError(
                f"{where}[{index}]: name, contact and hours are 1-{_MAX_TEXT} characters"
            )
        found.append(Resource(*(v.strip() for v in values)))
    return tuple(found)
