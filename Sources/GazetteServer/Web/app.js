// Gazette's try-it page: sends the article to POST /v1/tag and draws the record it gets back.
// Plain browser JavaScript, no libraries, no external requests: it works offline. Every string
// from the article goes into the page through textContent, never as HTML.
"use strict";

// A short article written for this page; the names are real, the story is invented.
const SAMPLE = `Leaders meet in Brussels as talks on Ukraine aid stall

BRUSSELS — European Commission President Ursula von der Leyen met NATO Secretary General Mark Rutte in Brussels on Tuesday to discuss how to keep weapons deliveries to Ukraine on schedule after a new funding package stalled.

Ukrainian President Volodymyr Zelensky, speaking by video from Kyiv, urged the European Union to release the money before winter. "Every week of delay is paid for by our cities," he said.

In Berlin, Chancellor Friedrich Merz said Germany would cover part of the gap, while Hungary's Prime Minister Viktor Orbán repeated his opposition to the package. Markets in Frankfurt were little changed.`;

const $ = (selector) => document.querySelector(selector);
const TYPES = ["Person", "Place", "Organization"];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function setStatus(message, isError = false) {
  const status = $("#status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

// ---------------------------------------------------------------------------------------------
// Sending

function looksLikeHTML(text) {
  return /^\s*</.test(text) && /<\/?(html|body|head|p|div|article|h1|title|span|br)\b/i.test(text);
}

async function tagPasted() {
  const input = $("#article-input").value;
  if (!input.trim()) {
    setStatus("Paste an article or drop a file first.", true);
    return;
  }
  let kind = $("#input-kind").value;
  if (kind === "auto") kind = looksLikeHTML(input) ? "html" : "text";
  const record = { id: $("#record-id").value.trim() || null, include_text: true };
  record[kind] = input;
  await send(JSON.stringify(record), "application/json", "/v1/tag", kind);
}

async function tagFile(file) {
  const isText = /\.txt$/i.test(file.name) || file.type === "text/plain";
  const stem = file.name.replace(/\.[^.]*$/, "") || file.name;
  $("#record-id").value = stem;
  const query = new URLSearchParams({ id: stem, include_text: "true" });
  // The bytes go as they are: the server sniffs the encoding as `gazette tag` does for a file.
  const bytes = await file.arrayBuffer();
  await send(bytes, isText ? "text/plain" : "text/html", "/v1/tag?" + query, isText ? "text" : "html");
}

async function send(body, contentType, url, kind) {
  const button = $("#tag-button");
  button.disabled = true;
  setStatus("Tagging…");
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": contentType }, body });
    const answer = await response.text();
    const elapsed = Math.round(performance.now() - started);
    let record;
    try {
      record = JSON.parse(answer);
    } catch {
      setStatus(`The server answered ${response.status} with something that is not JSON.`, true);
      return;
    }
    render(record, answer);
    if (record.error) {
      setStatus(`${response.status}: ${record.error.code} — ${record.error.message}`, true);
    } else {
      const entities = record.entities.length;
      setStatus(`Tagged as ${kind} in ${elapsed} ms: ${entities} ${entities === 1 ? "entity" : "entities"}, ${record.topics.length} topics.`);
    }
  } catch (error) {
    setStatus(`The request failed: ${error.message}`, true);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing

function render(record, raw) {
  $("#result").hidden = false;
  $("#raw").textContent = raw;
  renderMeta(record);
  renderText(record);
  renderTopics(record.topics || []);
  renderEntities(record.entities || []);
  renderGraph(record);
}

function renderMeta(record) {
  const meta = $("#meta");
  meta.replaceChildren();
  if (record.title) meta.append(el("div", { class: "title", text: record.title }));
  const fields = [["id", record.id], ["url", record.url], ["language", record.language], ["published", record.published],
    ["site", record.site], ["page type", record.page_type], ["authors", (record.authors || []).join(", ")]];
  for (const [key, value] of fields) {
    if (!value) continue;
    meta.append(el("div", {}, el("span", { class: "key", text: key + ": " }), value));
  }
  if (record.token_limit) meta.append(el("div", { text: `tagged the first ${record.token_limit} tokens only` }));
}

// The mentions of every entity, in text order, with their entity; offsets are Unicode scalars.
function mentionsInOrder(entities) {
  const mentions = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) mentions.push({ ...mention, entity });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

function renderText(record) {
  const target = $("#article-text");
  target.replaceChildren();
  const text = record.text;
  if (typeof text !== "string") {
    target.append(el("p", { class: "hint", text: "The record carries no text." }));
    return;
  }
  // Array.from splits by code point, which is what the record's scalar offsets count.
  const scalars = Array.from(text);
  let position = 0;
  for (const mention of mentionsInOrder(record.entities)) {
    if (mention.start < position || mention.end > scalars.length) continue;
    if (mention.start > position) target.append(scalars.slice(position, mention.start).join(""));
    const mark = el("mark", {
      class: `entity type-${mention.entity.type}`,
      "data-entity": mention.entity.id,
      tabindex: "0",
      text: scalars.slice(mention.start, mention.end).join(""),
    });
    mark.addEventListener("mouseenter", () => showTooltip(mark, mention));
    mark.addEventListener("focus", () => showTooltip(mark, mention));
    mark.addEventListener("mouseleave", scheduleHide);
    mark.addEventListener("blur", scheduleHide);
    target.append(mark);
    position = mention.end;
  }
  if (position < scalars.length) target.append(scalars.slice(position).join(""));
}

function wikidataLink(qid) {
  return el("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(qid)}`, target: "_blank", rel: "noopener", text: qid });
}

let hideTimer = null;

function showTooltip(anchor, mention) {
  clearTimeout(hideTimer);
  const entity = mention.entity;
  const tooltip = $("#tooltip");
  const row = (label, ...value) => el("div", { class: "row" }, label + ": ", el("b", {}, ...value));
  tooltip.replaceChildren(
    el("div", { class: "name", text: `${entity.name} · ${entity.type}` }),
    row("id", entity.id),
    row("Wikidata", entity.wikidata ? wikidataLink(entity.wikidata) : "not known"),
    row("salience", entity.salience.toFixed(3)),
    row("found by", mention.source || "?"),
  );
  if (mention.reason) tooltip.append(row("why", mention.reason));
  tooltip.hidden = false;
  const box = anchor.getBoundingClientRect();
  tooltip.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8))}px`;
  tooltip.style.top = `${window.scrollY + box.bottom + 6}px`;
  for (const mark of document.querySelectorAll(".entity.focus")) mark.classList.remove("focus");
  for (const mark of document.querySelectorAll(`mark[data-entity="${CSS.escape(entity.id)}"]`)) mark.classList.add("focus");
}

function scheduleHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    $("#tooltip").hidden = true;
    for (const mark of document.querySelectorAll(".entity.focus")) mark.classList.remove("focus");
  }, 250);
}

function renderTopics(topics) {
  const list = $("#topics");
  list.replaceChildren();
  if (topics.length === 0) list.append(el("li", { class: "hint", text: "No topic above the threshold." }));
  for (const topic of topics) {
    const bar = el("div", { class: "bar" }, el("span"));
    bar.firstChild.style.width = `${Math.round(Math.max(0, Math.min(1, topic.score)) * 100)}%`;
    list.append(el("li", { "data-topic": topic.id },
      el("div", {}, topic.label, " ", el("span", { class: "code", text: topic.id })),
      bar,
      el("span", { class: "score", text: topic.score.toFixed(3) })));
  }
}

function renderEntities(entities) {
  const body = $("#entities tbody");
  body.replaceChildren();
  for (const entity of entities) {
    body.append(el("tr", {},
      el("td", {}, el("span", { class: `dot type-${entity.type}` }), entity.name),
      el("td", { text: entity.type }),
      el("td", { class: "num", text: entity.salience.toFixed(3) }),
      el("td", { class: "num", text: String(entity.mentions.length) }),
      el("td", {}, entity.wikidata ? wikidataLink(entity.wikidata) : entity.id)));
  }
  if (entities.length === 0) body.append(el("tr", {}, el("td", { colspan: "5", class: "hint", text: "No entity found." })));
}

// Co-occurrence within the article: two entities are linked when a paragraph (or, in a text of
// one paragraph, a sentence) names both; the weight counts such passages.
function cooccurrence(record, limit) {
  const text = typeof record.text === "string" ? Array.from(record.text) : [];
  const entities = [...record.entities].sort((a, b) => b.salience - a.salience).slice(0, limit);
  const breaks = [];
  const paragraphs = text.reduce((n, ch) => n + (ch === "\n" ? 1 : 0), 0);
  for (let i = 0; i < text.length; i++) {
    if (paragraphs > 0 ? text[i] === "\n" : (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] || " "))) breaks.push(i);
  }
  const passageOf = (offset) => {
    let low = 0, high = breaks.length;
    while (low < high) { const mid = (low + high) >> 1; if (breaks[mid] < offset) low = mid + 1; else high = mid; }
    return low;
  };
  const passages = entities.map((entity) => new Set(entity.mentions.map((m) => passageOf(m.start))));
  const edges = [];
  for (let a = 0; a < entities.length; a++) {
    for (let b = a + 1; b < entities.length; b++) {
      let weight = 0;
      for (const passage of passages[a]) if (passages[b].has(passage)) weight++;
      if (weight > 0) edges.push({ a, b, weight });
    }
  }
  return { entities, edges };
}

function renderGraph(record) {
  const target = $("#graph");
  target.replaceChildren();
  const { entities, edges } = cooccurrence(record, 14);
  if (entities.length < 2) {
    target.append(el("p", { class: "empty", text: "Fewer than two entities: nothing to link." }));
    return;
  }
  const width = 560, height = 340, cx = width / 2, cy = height / 2;
  const radius = height / 2 - 34;
  const points = entities.map((_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / entities.length;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle };
  });
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Co-occurrence graph of the article's entities" });
  for (const edge of edges) {
    drawing.append(svg("line", {
      class: "edge", x1: points[edge.a].x, y1: points[edge.a].y, x2: points[edge.b].x, y2: points[edge.b].y,
      "stroke-width": 1 + (3 * edge.weight) / maxWeight,
    }));
  }
  entities.forEach((entity, i) => {
    const { x, y, angle } = points[i];
    const group = svg("g", { class: `node ${entity.type}`, "data-entity": entity.id });
    const circle = svg("circle", { cx: x, cy: y, r: 5 + 9 * Math.max(0, Math.min(1, entity.salience)) });
    const title = svg("title");
    title.textContent = `${entity.name} (${entity.type}), salience ${entity.salience.toFixed(3)}`;
    circle.append(title);
    const right = Math.cos(angle) >= -0.01;
    const label = svg("text", {
      x: x + (right ? 14 : -14), y: y + 4 + (Math.abs(Math.cos(angle)) < 0.3 ? (Math.sin(angle) < 0 ? -10 : 12) : 0),
      "text-anchor": Math.abs(Math.cos(angle)) < 0.3 ? "middle" : (right ? "start" : "end"),
    });
    label.textContent = entity.name.length > 20 ? entity.name.slice(0, 19) + "…" : entity.name;
    group.append(circle, label);
    drawing.append(group);
  });
  target.append(drawing);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function setUp() {
  $("#tag-form").addEventListener("submit", (event) => {
    event.preventDefault();
    tagPasted();
  });
  $("#sample-button").addEventListener("click", () => {
    $("#article-input").value = SAMPLE;
    $("#input-kind").value = "text";
    $("#record-id").value = "sample";
  });
  $("#file-input").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) tagFile(file);
  });
  const zone = $("#drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer.files[0];
    if (file) tagFile(file);
  });
  const tooltip = $("#tooltip");
  tooltip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  tooltip.addEventListener("mouseleave", scheduleHide);
}

setUp();
