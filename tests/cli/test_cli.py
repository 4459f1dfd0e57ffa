"""The installed ``ion`` console script, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ION, one_error_line, run_ion

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def ion(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_ion(*args, stdin=stdin)


def assert_bad_input(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    line = one_error_line(result)
    for fragment in fragments:
        assert fragment in line


def test_the_script_is_installed() -> None:
    assert ION.exists(), f"run `make setup`: {ION} is missing"


def test_analyze_text_prints_the_analysis_and_routing_as_json() -> None:
    result = ion(
        "analyze", "운영 서버 터짐!!! 배포 후 모든 API에서 502 나요. 지금 당장 어떻게 해요"
    )

    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["language"] == "ko"
    tone, pace, intent = out["resonance_key"].split("-")
    assert (tone, pace, intent) == (out["tone"]["primary"], out["pace"], out["intent"]["primary"])
    for judgement in (out["tone"], out["intent"]):
        assert set(judgement) >= {"primary", "confidence", "runner_up"}
    assert "words_per_sentence" in out["rhythm"]
    routing = out["routing"]
    assert set(routing) >= {"primary", "secondary", "confidence", "scores", "contributions"}
    assert set(routing["contributions"]["lua"]) == {"tone", "pace", "intent"}
    # Korean is printed as Korean, not as \\u escapes.
    assert "\\u" not in result.stdout


def test_analyze_jsonl_gives_one_line_out_per_line_in(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "Can you explain how garbage collection works in Go?"},
        {"text": "팀원들이랑 회의 일정 맞추는 게 너무 힘들어요"},
    ]
    source.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8"
    )

    result = ion("analyze", "--jsonl", str(source))

    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0]["id"] == "a"
    assert lines[0]["language"] == "en"
    assert "id" not in lines[1]
    assert lines[1]["language"] == "ko"


def test_analyze_jsonl_reads_stdin_with_a_dash() -> None:
    result = ion("analyze", "--jsonl", "-", stdin='{"text": "How do I learn Rust?"}\n')

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "en"


def test_answer_prints_persona_key_and_answer() -> None:
    result = ion("answer", "요즘 공부가 손에 안 잡혀요… 그냥 좀 지친 것 같아요")

    assert result.returncode == 0, result.stderr
    header, _, answer = result.stdout.partition("\n\n")
    assert re.match(r"(Lua \(루아\)|Elro \(엘로\)|Riri \(리리\)|Nana \(나나\)) · ", header)
    assert re.search(r"\w+-\w+-\w+", header)
    assert HANGUL.search(answer)


def test_answer_with_forced_persona_in_any_case_as_json() -> None:
    result = ion(
        "answer", "How should I structure my first side project?", "--persona", "RIRI", "--json"
    )

    assert result.returncode == 0, result.stderr
    out: dict[str, Any] = json.loads(result.stdout)
    assert out["persona"] == "riri"
    assert out["display_name"] == "Riri"
    assert out["korean_name"] == "리리"
    assert out["forced"] is True
    assert out["answer"]
    assert out["generator"] == "offline"
    assert len(out["resonance_key"].split("-")) == 3


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_text_is_refused(text: str) -> None:
    assert_bad_input(ion("analyze", text), "empty")
    assert_bad_input(ion("answer", text), "empty")


def test_unknown_persona_is_refused_with_the_accepted_names() -> None:
    assert_bad_input(ion("answer", "hi", "--persona", "bob"), "bob", "lua, elro, riri, nana")


def test_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert_bad_input(ion("analyze", "--jsonl", str(missing)), str(missing))


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"text": "fine"}\nnot json\n', "line 2"),
        ('{"text": "fine"}\n\n["a list"]\n', "line 3"),
        ('{"txt": "typo"}\n', "line 1"),
        ('{"text": 5}\n', "line 1"),
        ('{"text": "fine"}\n{"text": "   "}\n', "line 2"),
    ],
)
def test_bad_jsonl_line_is_refused_naming_the_line(
    tmp_path: Path, content: str, fragment: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(content, encoding="utf-8")

    result = ion("analyze", "--jsonl", str(source))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"ion: error: {fragment}: ")
    # Lines before the bad one were already answered, one output line each.
    assert len(result.stdout.splitlines()) == content.count('"text": "fine"')


def test_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "latin1.jsonl"
    source.write_bytes('{"text": "café"}\n'.encode("latin-1"))
    assert_bad_input(ion("analyze", "--jsonl", str(source)), "UTF-8")


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in (("analyze",), ("answer",), ("bogus",), ()):
        result = ion(*args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "usage: ion" in result.stderr


def test_a_reader_that_stops_early_ends_ion_quietly(tmp_path: Path) -> None:
    """``ion analyze --jsonl big.jsonl | head -1``: the pipe closes while ion still writes; it
    stops without a message or traceback, with the status SIGPIPE would give (141)."""
    messages = tmp_path / "many.jsonl"
    lines = (
        json.dumps({"text": f"배포가 {n}번째 실패했어요"}, ensure_ascii=False) for n in range(3000)
    )
    messages.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = subprocess.Popen(
        [str(ION), "analyze", "--jsonl", str(messages)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()  # what head does after its line
    assert json.loads(first)["language"] == "ko"
    assert reader.wait(timeout=60) == 141
    assert reader.stderr.read() == b""
