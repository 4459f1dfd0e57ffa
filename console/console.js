// The mentor console of `make dev`: talks to the local functions through their CORS allow-list.
// Plain DOM code, no framework and no build step. Text from the API is always set as text
// (textContent), never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const HANGUL = /[\uac00-\ud7a3]/;
const DONE = new Set(["done", "done_with_errors", "failed"]);
const POLL_MS = 700;
const POLL_LIMIT_MS = 10 * 60 * 1000; // a job not done by then is left to GET /v2/bulk/{id}
const MAX_ITEMS = 100;

let config = { urls: {}, api_key: "" };
let sessionId = "";
const names = {}; // persona id -> "Riri (리리)", from GET /v2/personas
let lastResults = [];
let lastJob = "";

class ApiError extends Error {
  constructor(status, code, message) {
    super(`${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

// --- small helpers ------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function langOf(text) {
  return HANGUL.test(text) ? "ko" : "en";
}

function percent(x) {
  return `${Math.round(x * 100)}%`;
}

function personaName(id) {
  return names[id] || id.charAt(0).toUpperCase() + id.slice(1);
}

function newSessionId() {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return "console-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function call(fn, method, path, body) {
  const base = config.urls[fn];
  if (!base) throw new ApiError(0, "NO_STACK", `the ${fn} function's URL is not known`);
  const headers = { "X-API-Key": $("api-key").value.trim() };
  const init = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(base + path, init);
  } catch (error) {
    throw new ApiError(0, "UNREACHABLE", `${fn} at ${base} did not answer (is make dev running?)`);
  }
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  if (!response.ok) {
    const e = data && data.error;
    throw new ApiError(response.status, e ? e.code : `HTTP_${response.status}`,
      e ? e.message : response.statusText);
  }
  return data;
}

function say(id, text, isError = false) {
  const node = $(id);
  if (node.textContent !== text) node.textContent = text; // a live region re-announces a write
  node.classList.toggle("error", isError);
}

// --- start-up -----------------------------------------------------------------------------

async function start() {
  // The link make dev prints carries a token of this run; with it, the key is prefilled.
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  try {
    const response = await fetch("config.json", {
      cache: "no-store",
      headers: token ? { "X-Console-Token": token } : {},
    });
    config = await response.json();
  } catch (error) {
    say("stack-status", "Could not read the stack's settings (config.json).", true);
  }
  $("api-key").value = config.api_key || "";
  if (!config.api_key) {
    say("key-help", "Paste the API key make dev printed, or open the console link it printed (that fills it in).");
  }
  if (config.urls.process) $("docs-link").href = `${config.urls.process}/v2/docs`;
  resetSession();
  wire();
  checkStack(); // /healthz needs no key
  if (config.api_key) loadPersonaNames(); // else on the first use of a pasted key
}

async function checkStack() {
  const states = await Promise.all(["process", "recommend", "bulk"].map(async (fn) => {
    try {
      await call(fn, "GET", "/healthz");
      return `${fn} up`;
    } catch (error) {
      return `${fn} down`;
    }
  }));
  const down = states.some((s) => s.endsWith("down"));
  say("stack-status", `Local stack: ${states.join(", ")}`, down);
}

async function loadPersonaNames() {
  try {
    const data = await call("recommend", "GET", "/v2/personas");
    for (const p of data.personas) names[p.name] = `${p.display_name} (${p.korean_name})`;
    return data.personas;
  } catch (error) {
    return null;
  }
}

function wire() {
  $("show-key").addEventListener("click", () => {
    const input = $("api-key");
    const shown = input.type === "text";
    input.type = shown ? "password" : "text";
    $("show-key").setAttribute("aria-pressed", String(!shown)); // the label stays "Show key"
  });
  $("connection").addEventListener("submit", (event) => event.preventDefault());
  $("ask").addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  $("message").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  });
  $("new-session").addEventListener("click", () => {
    resetSession();
    $("turns").replaceChildren();
    say("ask-status", "A new session started.");
    $("message").focus();
  });
  $("keep-session").addEventListener("change", () => {
    $("session-id").disabled = !$("keep-session").checked;
  });
  $("load-personas").addEventListener("click", showPersonas);
  $("bulk-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runBulk();
  });
  $("bulk-file").addEventListener("change", readBulkFile);
  $("bulk-download").addEventListener("click", downloadResults);
}

function resetSession() {
  sessionId = newSessionId();
  $("session-id").value = sessionId;
}

// --- one message --------------------------------------------------------------------------

async function send() {
  if ($("send").disabled) return; // Ctrl+Enter while the last message is on its way
  if (!Object.keys(names).length) await loadPersonaNames();
  const text = $("message").value;
  if (!text.trim()) {
    say("ask-status", "Write a message first.", true);
    $("message").focus();
    return;
  }
  const body = { message: text, user_id: "console" };
  const persona = $("persona").value;
  if (persona) body.persona = persona;
  if ($("keep-session").checked) body.session_id = sessionId;
  $("send").disabled = true;
  say("ask-status", "Sending ...");
  const mine = addTurn("you", text);
  try {
    const data = await call("process", "POST", "/v2/process", body);
    addAnswer(data);
    showUnderstood(data);
    $("message").value = "";
    const turn = data.session ? ` · turn ${data.session.turn}` : "";
    say("ask-status", `Answered by ${personaName(data.persona)}${turn}.`);
  } catch (error) {
    mine.classList.add("failed");
    say("ask-status", `Not sent: ${error.message}`, true);
  } finally {
    $("send").disabled = false;
    $("message").focus();
  }
}

function addTurn(who, text) {
  const item = el("li", { class: `turn ${who}` },
    el("p", { class: "who", text: who === "you" ? "You" : "" }),
    el("p", { class: "text", lang: langOf(text), text }));
  showLast(item);
  return item;
}

function addAnswer(data) {
  const crisis = data.safety.category !== "none";
  const meta = [data.generator];
  if (data.session) meta.push(`session turn ${data.session.turn}`);
  if (data.cache) meta.push(`cache: ${data.cache.tier}${data.cache.hit ? " hit" : ""}`);
  const item = el("li", { class: `turn mentor${crisis ? " crisis" : ""}`, "data-persona": data.persona },
    el("p", { class: "who", text: personaName(data.persona) }));
  if (crisis) {
    item.append(el("p", { class: "crisis-label", text: "Safety reply: this message may be about a crisis" }));
  }
  item.append(el("p", { class: "text answer", lang: langOf(data.answer), text: data.answer }));
  if (crisis && data.safety.resources.length) {
    const list = el("ul", { class: "resources", "aria-label": "Where to get help now" });
    for (const r of data.safety.resources) {
      const contact = /^[0-9+\- ]+$/.test(r.contact)
        ? el("a", { href: `tel:${r.contact.replace(/[^0-9+]/g, "")}`, text: r.contact })
        : el("span", { text: r.contact });
      list.append(el("li", {}, el("strong", { text: r.name }), " ", contact,
        el("span", { class: "hours", text: ` (${r.hours})` })));
    }
    item.append(list);
  }
  item.append(el("p", { class: "meta", text: meta.join(" · ") }));
  showLast(item);
}

function showLast(item) {
  // The list scrolls by itself, so the form below it stays where it is.
  const turns = $("turns");
  turns.append(item);
  turns.scrollTop = turns.scrollHeight;
}

// --- what was understood ------------------------------------------------------------------

function bar(label, value, cls, lang) {
  const fill = el("span", { class: `fill ${cls}` });
  fill.style.width = percent(Math.max(0, Math.min(1, value)));
  return el("div", { class: "bar-row" },
    el("span", { class: "bar-label", lang: lang || "en", text: label }),
    el("span", { class: "bar", "aria-hidden": "true" }, fill),
    el("span", { class: "bar-value", text: percent(value) }));
}

function judgement(title, j) {
  const group = el("div", { class: "judgement", role: "group", "aria-label": title },
    el("p", { class: "judgement-title", text: title }),
    bar(j.primary, j.confidence, "primary"),
    bar(`runner-up: ${j.runner_up}`, j.runner_up_confidence, "runner"));
  if (j.cues.length) {
    group.append(el("p", { class: "cues", text: `cues: ${j.cues.slice(0, 6).join(", ")}` }));
  }
  return group;
}

function showUnderstood(data) {
  const a = data.analysis;
  $("understood-empty").hidden = true;
  $("understood-body").hidden = false;
  $("fact-key").textContent = data.resonance_key;
  $("fact-language").textContent = a.language;
  $("fact-safety").textContent = data.safety.category;
  $("fact-safety").classList.toggle("alert", data.safety.category !== "none");
  const routing = data.routing;
  const led = routing.margin === undefined ? ""
    : routing.margin > 0 ? `, though the best other led by ${routing.margin.toFixed(2)}`
    : routing.margin < 0 ? `, which scores best by ${(-routing.margin).toFixed(2)}` : ", tied";
  const why = {
    scores: "by the scores",
    forced: "as you chose",
    safety: "for safety",
    kept_by_session: `kept by the session${led}`,
    switched: `switched from ${personaName(routing.session_mentor || "")}, by ${(routing.margin || 0).toFixed(2)}`,
  }[routing.reason];
  $("fact-persona").textContent =
    `${personaName(data.persona)} ${why} (routing confidence ${percent(data.confidence)})`;
  if (data.analysis.follow_up) $("fact-persona").textContent += "; a follow-up, read with the previous turn";

  $("judgements").replaceChildren(
    judgement("Tone", a.tone), judgement("Intent", a.intent), judgement("Subject", a.subject));

  $("pace").textContent = a.pace;
  const r = a.rhythm;
  const rhythm = [
    ["sentences", r.sentences], ["words", r.words],
    ["words per sentence", r.words_per_sentence.toFixed(1)],
    ["characters per sentence", r.chars_per_sentence.toFixed(1)],
    ["punctuation density", r.punctuation_density.toFixed(3)],
    ["bursts", r.bursts], ["ellipses", r.ellipses],
  ];
  $("rhythm").replaceChildren(...rhythm.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: String(v) })]));

  const rows = Object.entries(data.routing.scores).sort((x, y) => y[1] - x[1]);
  $("scores").replaceChildren(...rows.map(([persona, score]) => {
    const parts = data.routing.contributions[persona];
    const stack = el("span", { class: "bar stacked", "aria-hidden": "true" });
    for (const term of ["tone", "pace", "intent"]) {
      const segment = el("span", { class: `fill ${term}`, title: `${term} ${parts[term].toFixed(3)}` });
      segment.style.width = percent(parts[term]);
      stack.append(segment);
    }
    const detail = `tone ${parts.tone.toFixed(2)} + pace ${parts.pace.toFixed(2)} + intent ${parts.intent.toFixed(2)}`;
    return el("div", { class: `score-row${persona === data.persona ? " chosen" : ""}`, role: "listitem",
      "data-persona": persona },
      el("span", { class: "bar-label", text: personaName(persona) }),
      stack,
      el("span", { class: "bar-value", text: score.toFixed(2) }),
      el("span", { class: "score-detail", text: detail }));
  }));

  const timings = [];
  if (data.cache) timings.push(["cache", `${data.cache.tier}${data.cache.hit ? " (hit)" : " (miss)"}`]);
  for (const [k, v] of Object.entries(data.timings_ms || {})) timings.push([k, `${v.toFixed(1)} ms`]);
  if (!timings.length) timings.push(["cache", "shown to admin keys only"]);
  $("timings").replaceChildren(...timings.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
}

// --- personas -----------------------------------------------------------------------------

async function showPersonas() {
  say("personas-status", "Loading ...");
  try {
    const data = await call("recommend", "GET", "/v2/personas");
    $("persona-cards").replaceChildren(...data.personas.map((p) => {
      names[p.name] = `${p.display_name} (${p.korean_name})`;
      const best = [...p.best_for.tones, ...p.best_for.paces, ...p.best_for.intents];
      return el("article", { class: "card", "aria-labelledby": `card-${p.name}` },
        el("h3", { id: `card-${p.name}` }, `${p.display_name} `, el("span", { lang: "ko", text: p.korean_name })),
        el("p", { class: "role", text: p.role }),
        el("p", {}, el("strong", { text: "Traits: " }), p.traits.join(", ")),
        el("p", {}, el("strong", { text: "Strengths: " }), p.strengths.join(", ")),
        el("p", {}, el("strong", { text: "Style: " }), p.prompt_style),
        el("p", {}, el("strong", { text: "Best for: " }), best.join(", ") || "no single kind"));
    }));
    say("personas-status", `${data.personas.length} personas.`);
  } catch (error) {
    say("personas-status", `Could not load them: ${error.message}`, true);
  }
}

// --- bulk ---------------------------------------------------------------------------------

async function readBulkFile() {
  const file = $("bulk-file").files[0];
  if (!file) return;
  $("bulk-input").value = await file.text();
  say("bulk-status", `Read ${file.name}.`);
}

function parseJsonl(text) {
  const items = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let item;
    try {
      item = JSON.parse(line);
    } catch (error) {
      throw new Error(`line ${index + 1} is not JSON`);
    }
    if (item === null || typeof item !== "object" || Array.isArray(item) || typeof item.message !== "string") {
      throw new Error(`line ${index + 1} is not an object with a "message" text`);
    }
    items.push(item);
  });
  if (!items.length) throw new Error("no messages: write one JSON object per line");
  if (items.length > MAX_ITEMS) throw new Error(`${items.length} messages; a job takes at most ${MAX_ITEMS}`);
  return items;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function runBulk() {
  let items;
  try {
    items = parseJsonl($("bulk-input").value);
  } catch (error) {
    say("bulk-status", error.message, true);
    $("bulk-input").focus();
    return;
  }
  $("bulk-run").disabled = true;
  $("bulk-results").hidden = true;
  $("bulk-progress").value = 0;
  try {
    const accepted = await call("bulk", "POST", "/v2/bulk", { items });
    lastJob = accepted.job_id;
    say("bulk-status", `Job ${accepted.job_id} accepted: ${accepted.total} messages.`);
    let job;
    const deadline = Date.now() + POLL_LIMIT_MS;
    for (;;) {
      if (Date.now() > deadline) {
        throw new Error(`job ${accepted.job_id} is still ${job.status} after ten minutes; ` +
          `ask again with GET /v2/bulk/${accepted.job_id}`);
      }
      job = await call("bulk", "GET", `/v2/bulk/${accepted.job_id}`);
      $("bulk-progress").value = job.progress;
      $("bulk-count").textContent = `${job.completed + job.failed} / ${job.total}`;
      say("bulk-status", `Job ${job.job_id}: ${job.status.replace(/_/g, " ")}, ${job.completed + job.failed} of ${job.total}.`);
      if (DONE.has(job.status)) break;
      await sleep(POLL_MS);
    }
    lastResults = await allResults(job);
    showResults(lastResults);
  } catch (error) {
    say("bulk-status", `The job did not run: ${error.message}`, true);
  } finally {
    $("bulk-run").disabled = false;
  }
}

async function allResults(job) {
  const results = [...job.results];
  let token = job.next_page_token;
  while (token) {
    const page = await call("bulk", "GET", `/v2/bulk/${job.job_id}?page_token=${encodeURIComponent(token)}`);
    results.push(...page.results);
    token = page.next_page_token;
  }
  return results;
}

function showResults(results) {
  const body = $("bulk-results").tBodies[0];
  body.replaceChildren(...results.map((item) => {
    const r = item.result;
    const answer = r ? r.answer : (item.error ? `${item.error.code}: ${item.error.message}` : "");
    const crisis = r && r.safety.category !== "none";
    return el("tr", { class: crisis ? "crisis" : "" },
      el("td", { text: String(item.index) }),
      el("td", { text: item.id }),
      el("td", { text: crisis ? `${item.status} · safety reply (${r.safety.category})` : item.status }),
      el("td", { text: r ? personaName(r.persona) : "" }),
      el("td", { text: r ? r.resonance_key : "" }),
      el("td", { class: "answer", lang: langOf(answer), text: answer }));
  }));
  $("bulk-results").hidden = false;
}

function downloadResults() {
  const lines = lastResults.map((item) => JSON.stringify(item)).join("\n") + "\n";
  const url = URL.createObjectURL(new Blob([lines], { type: "application/jsonl" }));
  const link = el("a", { href: url, download: `${lastJob || "results"}.jsonl` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

start();
