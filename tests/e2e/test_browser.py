"""The mentor console and ``/v2/docs`` in a real browser: Debian's chromium, headless, driven
through its own chromedriver by selenium, against the stack ``make dev`` runs.

The browser and driver are the system's (``make chromium-installed`` installs them with the
CJK fonts; a browser cannot be downloaded here): a missing one is an error, never a skip.
Screenshots go to the test's folder, or to ``ION_SCREENSHOT_DIR`` (``make screenshots`` writes
the README's into docs/screenshots).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from devtools.console import TOKEN_HEADER as TOKEN
from devtools.stack import PORTS
from tests.e2e.devstack_run import RunningStack, started

pytestmark = pytest.mark.e2e

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WAIT_S = 30.0
PERSONAS = {"lua", "elro", "riri", "nana"}
BROWSER_CANDIDATES = ("chromium", "chromium-browser")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    with started(tmp_path_factory.mktemp("browser-stack")) as running:
        yield running


def _system_binary(names: tuple[str, ...], package: str) -> str:
    for name in names:
        if found := shutil.which(name):
            return found
    pytest.fail(
        f"{' or '.join(names)} is not on PATH: the browser test drives Debian's {package} "
        "(run: make chromium-installed)"
    )


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = _system_binary(BROWSER_CANDIDATES, "chromium")
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--force-device-scale-factor=1",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    service = Service(_system_binary(("chromedriver",), "chromium-driver"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("ION_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for(driver: WebDriver, what: str, check: Callable[[WebDriver], Any]) -> Any:
    try:
        return WebDriverWait(driver, WAIT_S).until(check)
    except TimeoutException:
        pytest.fail(f"{what} did not happen within {WAIT_S:.0f}s; page log: {problems(driver)}")


def problems(driver: WebDriver) -> list[str]:
    """The browser's errors and warnings since the last look (a refused script or style, a
    failed request, an exception), not its notes and hints."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] in ("SEVERE", "WARNING")
    ]


def open_page(driver: WebDriver, url: str) -> None:
    """Load ``url`` afresh: from the same page, a link differing only in its fragment would
    just scroll, and the console would not read its token."""
    driver.get("about:blank")
    driver.get(url)


def by_id(driver: WebDriver, element_id: str) -> WebElement:
    return driver.find_element(By.ID, element_id)


def answers(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "#turns li.turn.mentor")


def send(driver: WebDriver, message: str, *, keyboard: bool = False) -> WebElement:
    """Write ``message`` and send it (with the button, or Ctrl+Enter); the answer's item."""
    before = len(answers(driver))
    box = by_id(driver, "message")
    box.clear()
    box.send_keys(message)
    if keyboard:
        box.send_keys(Keys.CONTROL, Keys.ENTER)
    else:
        by_id(driver, "send").click()
    wait_for(driver, f"an answer to {message!r}", lambda d: len(answers(d)) > before)
    return answers(driver)[-1]


def understood(driver: WebDriver) -> dict[str, Any]:
    """What the side panel shows, read from the page as a person sees it."""
    judgements = {}
    for group in driver.find_elements(By.CSS_SELECTOR, "#judgements .judgement"):
        rows = group.find_elements(By.CSS_SELECTOR, ".bar-row")
        judgements[group.get_attribute("aria-label")] = [
            (
                row.find_element(By.CSS_SELECTOR, ".bar-label").text,
                row.find_element(By.CSS_SELECTOR, ".bar-value").text,
                row.find_element(By.CSS_SELECTOR, ".fill").value_of_css_property("width"),
            )
            for row in rows
        ]
    scores = {
        row.get_attribute("data-persona"): (
            float(row.find_element(By.CSS_SELECTOR, ".bar-value").text),
            len(row.find_elements(By.CSS_SELECTOR, ".fill")),
            "chosen" in (row.get_attribute("class") or ""),
        )
        for row in driver.find_elements(By.CSS_SELECTOR, "#scores .score-row")
    }
    rhythm = dict(
        zip(
            [dt.text for dt in driver.find_elements(By.CSS_SELECTOR, "#rhythm dt")],
            [dd.text for dd in driver.find_elements(By.CSS_SELECTOR, "#rhythm dd")],
            strict=True,
        )
    )
    timings = [dt.text for dt in driver.find_elements(By.CSS_SELECTOR, "#timings dt")]
    return {
        "key": by_id(driver, "fact-key").text,
        "language": by_id(driver, "fact-language").text,
        "safety": by_id(driver, "fact-safety").text,
        "pace": by_id(driver, "pace").text,
        "judgements": judgements,
        "scores": scores,
        "rhythm": rhythm,
        "timings": timings,
    }


def screenshot(driver: WebDriver, path: Path, top: WebElement | None = None) -> None:
    """The page from its top (or from ``top``), in a window taller than the one tests use."""
    size = driver.get_window_size()
    driver.set_window_size(1400, 1300)
    try:
        if top is None:
            driver.execute_script("window.scrollTo(0, 0)")
        else:
            driver.execute_script("arguments[0].scrollIntoView()", top)
        driver.save_screenshot(str(path))
    finally:
        driver.set_window_size(size["width"], size["height"])


def px(width: str) -> float:
    return float(width.removesuffix("px"))


def test_the_console_serves_its_page_and_settings_on_loopback_only(stack: RunningStack) -> None:
    assert stack.state is not None
    console = stack.state["console_url"]
    assert console == stack.url("console")
    page = requests.get(console, timeout=10)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert stack.url("process") in policy  # the page may call the functions, nothing else
    assert "unsafe" not in policy
    assert not re.search(r"https?://(?!127\.0\.0\.1)", page.text)  # nothing from outside
    # The key goes only to the page opened with the link make dev printed (its token), as the
    # state file is readable only by its owner; anyone else on the machine gets the URLs.
    link = stack.state["console_link"]
    token = link.split("#token=", 1)[1]
    assert link == f"{console}/#token={token}"
    assert link in stack.output()
    anyone = requests.get(f"{console}/config.json", timeout=10).json()
    assert anyone == {"urls": anyone["urls"], "api_key": ""}
    assert anyone["urls"]["bulk"] == stack.url("bulk")
    wrong = requests.get(f"{console}/config.json", headers={TOKEN: token[:-1]}, timeout=10)
    assert wrong.json()["api_key"] == ""
    config = requests.get(f"{console}/config.json", headers={TOKEN: token}, timeout=10).json()
    assert config["api_key"] == stack.key
    # Another name for loopback (DNS rebinding) gets nothing, token or not.
    rebound = requests.get(
        f"{console}/config.json", headers={"Host": "attacker.example:80", TOKEN: token}, timeout=10
    )
    assert rebound.status_code == 421
    assert stack.key not in rebound.text
    raw = http.client.HTTPConnection("127.0.0.1", stack.offset + PORTS["console"], timeout=10)
    raw.request("GET", "/../Makefile")  # as sent: no client normalises it away
    assert raw.getresponse().status == 404
    raw.close()
    # The functions let the console's origin call them, in the dev stack.
    preflight = requests.options(
        f"{stack.url('process')}/v2/process",
        headers={
            "Origin": console,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-api-key",
        },
        timeout=10,
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == console
    assert "X-API-Key" in preflight.headers["Access-Control-Allow-Headers"]


def test_the_plain_url_asks_for_the_key(stack: RunningStack, browser: WebDriver) -> None:
    open_page(browser, stack.url("console"))
    wait_for(browser, "the key's hint", lambda d: "Paste" in by_id(d, "key-help").text)
    assert by_id(browser, "api-key").get_attribute("value") == ""
    assert problems(browser) == []  # nothing that needs a key was tried without one


def test_a_person_talks_to_the_mentors_in_the_console(
    stack: RunningStack, browser: WebDriver, shots: Path
) -> None:
    assert stack.state is not None
    open_page(browser, stack.state["console_link"])
    wait_for(
        browser,
        "the stack check",
        lambda d: by_id(d, "stack-status").text.count(" up") == 3,
    )
    assert by_id(browser, "api-key").get_attribute("value") == stack.key
    # Every control has a label a screen reader reads out.
    unlabelled = browser.execute_script(
        "return [...document.querySelectorAll('input, select, textarea')]"
        ".filter(e => e.type !== 'hidden' && e.labels.length === 0).map(e => e.id)"
    )
    assert unlabelled == []

    # Korean, in a session, sent from the keyboard.
    asked = "이직 준비 중인데 포트폴리오가 약해요. 뭐부터 보완해야 할까요?"
    korean = send(browser, asked, keyboard=True)
    text = korean.find_element(By.CSS_SELECTOR, ".answer")
    assert HANGUL.search(text.text)
    assert text.get_attribute("lang") == "ko"
    assert "session turn 1" in korean.find_element(By.CSS_SELECTOR, ".meta").text
    seen = understood(browser)
    assert seen["language"] == "ko"
    assert set(seen["judgements"]) == {"Tone", "Intent", "Subject"}
    for rows in seen["judgements"].values():
        (label, value, width), (runner, _, _) = rows  # the label read, then the runner-up
        assert label
        assert runner.startswith("runner-up: ")
        assert value.endswith("%")
        assert px(width) > 0  # the bar is drawn
    assert seen["key"].count("-") == 2
    assert seen["pace"] in seen["key"]
    assert int(seen["rhythm"]["sentences"]) == 2
    assert set(seen["scores"]) == PERSONAS
    chosen = [name for name, (_, _, is_chosen) in seen["scores"].items() if is_chosen]
    assert chosen == [korean.get_attribute("data-persona")]
    assert all(parts == 3 for _, parts, _ in seen["scores"].values())  # tone, pace, intent
    assert {"cache", "total"} <= set(seen["timings"])  # the stack's key is an admin key

    follow_up = send(browser, "그럼 뭐부터 하면 돼요?")
    assert "session turn 2" in follow_up.find_element(By.CSS_SELECTOR, ".meta").text
    # The session's mentor answers the follow-up, and the panel says why.
    assert follow_up.get_attribute("data-persona") == korean.get_attribute("data-persona")
    assert "kept by the session" in by_id(browser, "fact-persona").text
    screenshot(browser, shots / "console.png")

    # A new session, in English, with the button.
    by_id(browser, "new-session").click()
    wait_for(browser, "the conversation to clear", lambda d: not answers(d))
    english = send(browser, "My code reviews keep getting blocked by a senior engineer. What now?")
    assert not HANGUL.search(english.find_element(By.CSS_SELECTOR, ".answer").text)
    assert "session turn 1" in english.find_element(By.CSS_SELECTOR, ".meta").text
    assert understood(browser)["language"] == "en"

    # A crisis is set apart, with somewhere to turn.
    crisis = send(browser, "I don't want to live anymore. I keep thinking about ending my life.")
    assert "crisis" in (crisis.get_attribute("class") or "").split()
    assert crisis.find_element(By.CSS_SELECTOR, ".crisis-label").is_displayed()
    assert crisis.find_elements(By.CSS_SELECTOR, ".resources li")
    assert understood(browser)["safety"] != "none"
    assert problems(browser) == []


def test_the_persona_cards_open(stack: RunningStack, browser: WebDriver) -> None:
    assert stack.state is not None
    open_page(browser, stack.state["console_link"])
    by_id(browser, "load-personas").click()
    cards = wait_for(
        browser,
        "the persona cards",
        lambda d: d.find_elements(By.CSS_SELECTOR, "#persona-cards .card") or False,
    )
    assert len(cards) == 4
    assert any("리리" in card.text for card in cards)


def test_a_bulk_job_runs_to_completion_and_downloads(
    stack: RunningStack, browser: WebDriver, downloads: Path
) -> None:
    assert stack.state is not None
    open_page(browser, stack.state["console_link"])
    lines = [
        {"id": "one", "message": "회의가 너무 많아서 집중이 안 돼요"},
        {"id": "two", "message": "How do I ask my manager for a raise?"},
        {"id": "three", "message": "요즘 공부가 손에 안 잡혀요 ㅠㅠ", "persona": "nana"},
    ]
    box = by_id(browser, "bulk-input")
    box.send_keys("\n".join(json.dumps(line, ensure_ascii=False) for line in lines))
    by_id(browser, "bulk-run").click()
    rows = wait_for(
        browser,
        "the bulk results",
        lambda d: d.find_elements(By.CSS_SELECTOR, "#bulk-results:not([hidden]) tbody tr") or False,
    )
    assert float(by_id(browser, "bulk-progress").get_attribute("value") or 0) == 1.0
    cells = [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    assert [c[1] for c in cells] == ["one", "two", "three"]
    assert {c[2] for c in cells} == {"done"}
    assert cells[2][3].startswith("Nana")
    assert all(c[5] for c in cells)  # every answer shown
    assert "done" in by_id(browser, "bulk-status").text

    by_id(browser, "bulk-download").click()
    deadline = time.monotonic() + WAIT_S
    while not (saved := list(downloads.glob("j*.jsonl"))) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert saved, "the results were not downloaded"
    results = [json.loads(line) for line in saved[0].read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["one", "two", "three"]
    assert all(r["result"]["answer"] for r in results)
    assert problems(browser) == []


def test_the_docs_page_executes_a_call(
    stack: RunningStack, browser: WebDriver, shots: Path
) -> None:
    for name in ("process", "bulk"):  # each function's own document
        browser.get(f"{stack.url(name)}/v2/docs")
        wait_for(browser, f"{name}'s docs", lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock"))
        assert f"ION Mentoring: {name}" in browser.find_element(By.CSS_SELECTOR, ".title").text

    browser.get(f"{stack.url('recommend')}/v2/docs")
    wait_for(browser, "the operations", lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock"))
    browser.find_element(By.CSS_SELECTOR, "button.authorize").click()
    key_box = wait_for(
        browser,
        "the Authorize dialog",
        lambda d: d.find_elements(By.CSS_SELECTOR, ".auth-container input") or False,
    )[0]
    key_box.send_keys(stack.key)
    browser.find_element(By.CSS_SELECTOR, ".auth-container button.authorize").click()
    browser.find_element(By.CSS_SELECTOR, "button.btn-done").click()

    operation = browser.find_element(By.ID, "operations-default-get_v2_personas")
    operation.find_element(By.CSS_SELECTOR, ".opblock-summary-control").click()
    wait_for(browser, "Try it out", lambda d: d.find_elements(By.CSS_SELECTOR, ".try-out__btn"))
    operation.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    wait_for(browser, "Execute", lambda d: d.find_elements(By.CSS_SELECTOR, ".execute"))
    operation.find_element(By.CSS_SELECTOR, ".execute").click()
    status = wait_for(
        browser,
        "the call's response",
        lambda d: (
            d.find_elements(
                By.CSS_SELECTOR, ".live-responses-table tr.response .response-col_status"
            )
            or False
        ),
    )[0]
    assert status.text.strip().startswith("200")
    body = operation.find_element(By.CSS_SELECTOR, ".live-responses-table .microlight").text
    assert {p["name"] for p in json.loads(body)["personas"]} == PERSONAS
    screenshot(browser, shots / "docs.png", operation)
    assert problems(browser) == []  # no refused script, style or image: the policy fits
