// marsad explorer: a thin client of the JSON API. No external libraries, no network beyond
// this server: it works offline. Arabic (right to left) by default, English on a toggle.
"use strict";

const I18N = {
  ar: {
    title: "مرصد", subtitle: "العلاقات بين الدول كما ترويها الأخبار العربية", pairs: "الثنائيات",
    pair: "الثنائي", by: "حسب", show: "اعرض", month: "شهر", week: "أسبوع", day: "يوم", year: "سنة",
    timeline: "الخط الزمني والمراحل", events: "الأحداث", date: "التاريخ", source: "الفاعل",
    code: "الرمز", target: "المفعول به", status: "الحالة", trigger: "الكلمة", more: "المزيد",
    article: "المقال", pick: "اختر حدثا من الجدول لعرض مقاله والجملة التي جاء منها.",
    quotes: "التصريحات حسب المتحدث", network: "شبكة الفاعلين",
    footer: "كل سجل يشير إلى الجملة والقاعدة اللتين جاء منهما.",
    cooperation: "تعاون", normalization: "تطبيع", tension: "توتر", crisis: "أزمة",
    none: "لا أحداث مؤرخة لهذا الثنائي بعد", noquotes: "لا تصريحات لمتحدثين من الطرفين",
    nonet: "لا شبكة لهذا الثنائي", asserted: "وقع", planned: "مخطط", hypothetical: "افتراضي",
    negated: "منفي", toggle: "English", of: "من", about: "عن", arrow: "←", comma: "،",
  },
  en: {
    title: "marsad", subtitle: "relations between states as Arabic news tells them", pairs: "Pairs",
    pair: "Pair", by: "By", show: "Show", month: "month", week: "week", day: "day", year: "year",
    timeline: "Timeline and phases", events: "Events", date: "Date", source: "Source",
    code: "Code", target: "Target", status: "Status", trigger: "Trigger", more: "More",
    article: "Article", pick: "Pick an event in the table to read its article and the sentence it came from.",
    quotes: "Quotes by speaker", network: "Actor network",
    footer: "Every record points at the sentence and the rule it came from.",
    cooperation: "cooperation", normalization: "normalization", tension: "tension", crisis: "crisis",
    none: "No dated events for this pair yet", noquotes: "No quotes by speakers of either side",
    nonet: "No network for this pair", asserted: "asserted", planned: "planned",
    hypothetical: "hypothetical", negated: "negated", toggle: "العربية", of: "of",
    about: "about", arrow: "→", comma: ",",
  },
};
const PAGE = 100;
const state = { lang: "ar", pairs: [], names: {}, a: "", b: "", tl: null, events: [], next: null, quotes: [], net: null, shown: null };

const $ = (id) => document.getElementById(id);
const t = (k) => I18N[state.lang][k] ?? k;
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
// dates and codes keep their left-to-right order inside Arabic text (2025-01, not 01-2025)
const ltr = (s) => `<bdi dir="ltr">${esc(s)}</bdi>`;
const nameOf = (actor) => (state.lang === "en" && actor.name_en) || actor.name || actor.id;
const codeName = (code) => {
  const n = state.names[code] || {};
  return (state.lang === "en" ? n.en || n.ar : n.ar || n.en) || code;
};

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : r.statusText);
  return body;
}

function showError(e) {
  $("error").hidden = false;
  $("error").textContent = e.message || String(e);
  document.body.dataset.error = e.message || String(e);
}

function applyLang() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $("lang").textContent = t("toggle");
}

// -- pairs -------------------------------------------------------------------------
async function loadPairs() {
  const { items } = await api("/api/pairs?limit=1000");
  state.pairs = items;
  for (const p of items) Object.assign(state.names, p.names);
  const params = new URLSearchParams(location.search);
  const first = items[0] || { a: "", b: "" };
  state.a = (params.get("a") || first.a).toUpperCase();
  state.b = (params.get("b") || first.b).toUpperCase();
  if (params.get("by")) $("by").value = params.get("by");
  fillPairSelects();
}

function fillPairSelects() {
  const codes = [...new Set(state.pairs.flatMap((p) => [p.a, p.b]).concat([state.a, state.b].filter(Boolean)))].sort();
  const opt = (c) => `<option value="${esc(c)}">${esc(c)} — ${esc(codeName(c))}</option>`;
  for (const sel of [$("a"), $("b")]) sel.innerHTML = codes.map(opt).join("");
  $("a").value = state.a;
  $("b").value = state.b;
  $("pair").innerHTML = `<option value="">…</option>` + state.pairs.map((p) =>
    `<option value="${esc(p.a)},${esc(p.b)}">${esc(codeName(p.a))} – ${esc(codeName(p.b))} (${p.events})</option>`).join("");
  const match = state.pairs.find((p) => (p.a === state.a && p.b === state.b) || (p.a === state.b && p.b === state.a));
  $("pair").value = match ? `${match.a},${match.b}` : "";
}

// -- timeline ----------------------------------------------------------------------
function drawTimeline() {
  const tl = state.tl, box = $("timeline");
  const periods = tl.periods;
  if (!periods.some((p) => p.events)) {
    box.innerHTML = `<p class="meta">${esc(t("none"))}</p>`;
    $("phases").innerHTML = "";
    return;
  }
  const W = 900, H = 240, pad = 28, top = 24, n = periods.length, bw = (W - 2 * pad) / n;
  const max = Math.max(1, ...periods.map((p) => Math.abs(p.goldstein_sum)));
  const y0 = top + (H - top - pad) / 2, scale = ((H - top - pad) / 2 - 4) / max;
  // time runs with the reading direction: right to left in Arabic, left to right in English
  const xOf = (i) => (state.lang === "ar" ? W - pad - (i + 1) * bw : pad + i * bw);
  const idx = new Map(periods.map((p, i) => [p.period, i]));
  let svg = `<svg viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">`;
  for (const ph of tl.phases) {
    if (!idx.has(ph.from) || !idx.has(ph.to)) continue;
    const i0 = idx.get(ph.from), i1 = idx.get(ph.to);
    const xa = Math.min(xOf(i0), xOf(i1)), xb = Math.max(xOf(i0), xOf(i1)) + bw;
    svg += `<rect class="phase phase-${esc(ph.label)}" data-label="${esc(ph.label)}" x="${xa}" y="${top}" width="${xb - xa}" height="${H - top - pad}" opacity="0.8"><title>${esc(t(ph.label))}: ${esc(ph.from)} – ${esc(ph.to)} (${ph.events})</title></rect>`;
  }
  svg += `<line x1="${pad}" x2="${W - pad}" y1="${y0}" y2="${y0}" stroke="#777" stroke-width="1"/>`;
  const every = Math.ceil(n / 18);
  periods.forEach((p, i) => {
    const h = p.goldstein_sum * scale, x = xOf(i) + bw * 0.15, w = Math.max(1, bw * 0.7);
    if (p.events) {
      svg += `<rect class="bar" data-period="${esc(p.period)}" x="${x}" y="${h >= 0 ? y0 - h : y0}" width="${w}" height="${Math.max(1, Math.abs(h))}" fill="${h >= 0 ? "var(--pos)" : "var(--neg)"}"><title>${esc(p.period)} — ${esc(t("events"))}: ${p.events} — Goldstein ${p.goldstein_sum}</title></rect>`;
      p.key_events.slice(0, 3).forEach((k, j) => {
        const cx = xOf(i) + bw / 2 + (j - 1) * Math.min(9, bw / 3);
        svg += `<circle class="marker" data-period="${esc(p.period)}" data-k="${j}" cx="${cx}" cy="${top / 2 + 2}" r="4.5" fill="${k.goldstein >= 0 ? "var(--pos)" : "var(--neg)"}"><title>${esc(k.date)} · CAMEO ${esc(k.cameo)} ${esc(k.plover)} · ${esc(k.trigger)}</title></circle>`;
      });
    }
    if (i % every === 0) svg += `<text x="${xOf(i) + bw / 2}" y="${H - 8}" text-anchor="middle">${esc(p.period)}</text>`;
  });
  box.innerHTML = svg + "</svg>";
  box.querySelectorAll("circle.marker").forEach((c) => c.addEventListener("click", () => {
    const p = periods[idx.get(c.dataset.period)];
    const k = p.key_events[Number(c.dataset.k)];
    openKeyEvent(k).catch(showError);
  }));
  $("phases").innerHTML = tl.phases.map((ph) => {
    const g = `${ph.goldstein_mean >= 0 ? "+" : ""}${ph.goldstein_mean}`;
    return `<li class="phase-${esc(ph.label)}" data-label="${esc(ph.label)}">${esc(t(ph.label))}: ${ltr(ph.from)} ${t("arrow")} ${ltr(ph.to)} `
      + `(${esc(t("events"))}: ${ph.events}${t("comma")} ${ltr(`Goldstein ${g}`)})</li>`;
  }).join("");
}

// -- events and the article ----------------------------------------------------------
function names(list) { return list.map((x) => esc(nameOf(x))).join(`${t("comma")} `); }

function drawEvents() {
  const body = $("events").querySelector("tbody");
  body.innerHTML = "";
  state.events.forEach((ev, i) => {
    const tr = document.createElement("tr");
    tr.dataset.i = String(i);
    if (state.shown && state.shown.id === ev.id) tr.classList.add("selected");
    tr.innerHTML = `<td class="date">${ltr(ev.date || "—")}</td><td dir="auto">${names(ev.source)}</td>`
      + `<td class="code q${ev.quad}" title="${esc(ev.rule)}">${esc(ev.cameo)} ${esc(ev.plover)}</td>`
      + `<td dir="auto">${names(ev.target) || "—"}</td><td>${esc(t(ev.status))}</td><td lang="ar" dir="rtl">${esc(ev.trigger)}</td>`;
    tr.addEventListener("click", () => {
      body.querySelectorAll("tr.selected").forEach((x) => x.classList.remove("selected"));
      tr.classList.add("selected");
      showArticle(ev.doc_key, ev.offsets.sentence, ev.offsets.trigger, ev).catch(showError);
    });
    body.appendChild(tr);
  });
  $("events-count").textContent = `(${state.events.length}${state.next !== null ? "+" : ""})`;
  $("more").hidden = state.next === null;
}

// The text as paragraphs, with [s, e) wrapped in <mark> (and [ts, te) in it in <b>).
function markedText(text, [s, e], trig) {
  const out = [];
  let start = 0;
  for (const para of text.split("\n")) {
    const end = start + para.length;
    if (para.trim()) {
      const a = Math.max(s, start), b = Math.min(e, end);
      let html;
      if (a < b) {
        let inner = esc(text.slice(a, b));
        if (trig && trig[0] >= a && trig[1] <= b) {
          inner = esc(text.slice(a, trig[0])) + `<b class="trigger">${esc(text.slice(trig[0], trig[1]))}</b>` + esc(text.slice(trig[1], b));
        }
        html = esc(text.slice(start, a)) + `<mark>${inner}</mark>` + esc(text.slice(b, end));
      } else {
        html = esc(para);
      }
      out.push(`<p>${html}</p>`);
    }
    start = end + 1;
  }
  return out.join("");
}

async function showArticle(docKey, span, trig, shown) {
  const d = await api(`/api/documents/${encodeURIComponent(docKey)}`);
  state.shown = shown || null;
  $("article-hint").hidden = true;
  $("article").hidden = false;
  $("article-title").textContent = d.title || d.key;
  $("article-meta").innerHTML = [d.outlet && `<bdi>${esc(d.outlet)}</bdi>`, d.published && ltr(d.published), ltr(d.key)]
    .filter(Boolean).join(" · ");
  $("article-text").innerHTML = markedText(d.text, span, trig);
  // bring the marked sentence to the upper third of the article's own scroll box,
  // and the article into the window if it is out of it
  const box = $("article-text"), m = box.querySelector("mark");
  if (m) box.scrollTop = Math.max(0, m.offsetTop - box.clientHeight / 3);
  $("article-section").scrollIntoView({ block: "nearest" });
}

async function openKeyEvent(k) {
  // a key event names its document and sentence; find the sentence's offsets in the text
  const d = await api(`/api/documents/${encodeURIComponent(k.doc)}`);
  const s = d.text.indexOf(k.sentence);
  if (s >= 0) await showArticle(k.doc, [s, s + k.sentence.length], null, null);
}

// -- quotes ----------------------------------------------------------------------------
function drawQuotes() {
  const by = new Map();
  for (const q of state.quotes) {
    if (!q.speaker) continue;
    if (!by.has(q.speaker.id)) by.set(q.speaker.id, { speaker: q.speaker, quotes: [] });
    by.get(q.speaker.id).quotes.push(q);
  }
  const groups = [...by.values()].sort((x, y) => y.quotes.length - x.quotes.length);
  $("quotes").innerHTML = groups.map(({ speaker, quotes }) => {
    const side = speaker.country === state.a ? "side-a" : "side-b";
    const head = `<div class="speaker" data-speaker="${esc(speaker.id)}"><span class="${side}" dir="auto">${esc(nameOf(speaker))}</span> <span class="meta">${ltr(speaker.country)} · ${quotes.length}</span></div>`;
    const rest = quotes.length > 4 ? `<div class="meta">+${quotes.length - 4}</div>` : "";
    return head + quotes.slice(0, 4).map((q) => {
      const st = q.about.map((x) => `<span class="stance ${x.stance < 0 ? "neg" : x.stance > 0 ? "pos" : ""}">${esc(t("about"))} ${esc(nameOf(x))} ${x.stance > 0 ? "+" : ""}${x.stance}</span>`).join(" ");
      const text = q.text.length > 240 ? q.text.slice(0, 240) + "…" : q.text;
      return `<div class="quote" data-q="${q.id}"><span lang="ar" dir="rtl">${q.direct ? "«" : ""}${esc(text)}${q.direct ? "»" : ""}</span> ${st}</div>`;
    }).join("") + rest;
  }).join("") || `<p class="meta">${esc(t("noquotes"))}</p>`;
  $("quotes").querySelectorAll(".quote").forEach((el) => el.addEventListener("click", () => {
    const q = state.quotes.find((x) => String(x.id) === el.dataset.q);
    if (q) showArticle(q.doc_key, q.offsets.text, q.offsets.cue, null).catch(showError);
  }));
}

// -- network ---------------------------------------------------------------------------
function layout(nodes, edges, W, H) {
  // Fruchterman-Reingold from a circle (deterministic: the same data draws the same picture):
  // nodes repel as k²/d, edges pull as d²/k, and the step cools down to settle
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const mx = 80, my = 36, w = W - 2 * mx, h = H - 2 * my;
  const k = 1.1 * Math.sqrt((w * h) / Math.max(1, nodes.length));
  nodes.forEach((n, i) => {
    const ang = (2 * Math.PI * i) / nodes.length;
    n.x = W / 2 + (w / 2.5) * Math.cos(ang);
    n.y = H / 2 + (h / 2.5) * Math.sin(ang);
  });
  let temp = w / 8;
  for (let it = 0; it < 250; it++) {
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy));
        const f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const s = byId.get(e.source), t = byId.get(e.target);
      const dx = s.x - t.x, dy = s.y - t.y, d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / k;
      s.dx -= (dx / d) * f; s.dy -= (dy / d) * f; t.dx += (dx / d) * f; t.dy += (dy / d) * f;
    }
    for (const a of nodes) {
      a.dx += (W / 2 - a.x) * 0.02; a.dy += (H / 2 - a.y) * 0.02;  // keep loose nodes near
      const d = Math.max(1, Math.hypot(a.dx, a.dy)), step = Math.min(d, temp);
      a.x = Math.min(W - mx, Math.max(mx, a.x + (a.dx / d) * step));
      a.y = Math.min(H - my, Math.max(my, a.y + (a.dy / d) * step));
    }
    temp = Math.max(0.5, temp * 0.97);
  }
}

const radius = (n) => 5 + Math.min(10, n.degree);

function drawNetwork() {
  const svg = $("network"), W = 600, H = 420;
  const net = state.net;
  if (!net.nodes.length) {
    svg.innerHTML = `<text x="${W / 2}" y="${H / 2}" text-anchor="middle">${esc(t("nonet"))}</text>`;
    return;
  }
  const nodes = net.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = net.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  layout(nodes, edges, W, H);
  let out = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>`;
  for (const e of edges) {
    const s = byId.get(e.source), d = byId.get(e.target);
    const len = Math.hypot(d.x - s.x, d.y - s.y) || 1, rim = radius(d) + 2;
    const x2 = d.x - ((d.x - s.x) / len) * rim, y2 = d.y - ((d.y - s.y) / len) * rim;
    out += `<line class="edge" x1="${s.x}" y1="${s.y}" x2="${x2}" y2="${y2}" stroke="${e.goldstein < 0 ? "var(--neg)" : "var(--pos)"}" stroke-width="${Math.min(6, 1 + e.events / 2)}" opacity="0.55" marker-end="url(#arrow)"><title>${esc(nameOf(s))} → ${esc(nameOf(d))}: ${e.events} · Goldstein ${e.goldstein}</title></line>`;
  }
  for (const n of nodes) {
    const fill = n.country === state.a ? "var(--side-a)" : n.country === state.b ? "var(--side-b)" : "#6b7280";
    out += `<g class="node" data-id="${esc(n.id)}"><circle cx="${n.x}" cy="${n.y}" r="${radius(n)}" fill="${fill}"><title>${esc(nameOf(n))} (${esc(n.code)})</title></circle>`
      + `<text x="${n.x}" y="${n.y - 5 - radius(n)}" text-anchor="middle">${esc(nameOf(n))}</text></g>`;
  }
  svg.innerHTML = out;
}

// -- the page ----------------------------------------------------------------------------
function render() {
  applyLang();
  fillPairSelects();
  drawTimeline();
  drawEvents();
  drawQuotes();
  drawNetwork();
}

async function show() {
  state.a = $("a").value;
  state.b = $("b").value;
  const by = $("by").value;
  $("error").hidden = true;
  history.replaceState(null, "", `?a=${encodeURIComponent(state.a)}&b=${encodeURIComponent(state.b)}&by=${by}`);
  const pair = `${encodeURIComponent(state.a)},${encodeURIComponent(state.b)}`;
  delete document.body.dataset.ready;
  if (state.a === state.b) {
    Object.assign(state, { tl: { periods: [], phases: [] }, events: [], next: null, quotes: [], net: { nodes: [], edges: [] } });
  } else {
    const [tl, ev, qs, net] = await Promise.all([
      api(`/api/timeline?a=${encodeURIComponent(state.a)}&b=${encodeURIComponent(state.b)}&by=${by}`),
      api(`/api/events?pair=${pair}&limit=${PAGE}`),
      api(`/api/quotes?country=${pair}&limit=500`),
      api(`/api/network?pair=${pair}&limit=30`),
    ]);
    Object.assign(state, { tl, events: ev.items, next: ev.next_offset, quotes: qs.items, net });
  }
  state.shown = null;
  $("article").hidden = true;
  $("article-hint").hidden = false;
  render();
  document.body.dataset.ready = "1";
}

async function more() {
  const ev = await api(`/api/events?pair=${encodeURIComponent(state.a)},${encodeURIComponent(state.b)}&limit=${PAGE}&offset=${state.next}`);
  state.events = state.events.concat(ev.items);
  state.next = ev.next_offset;
  drawEvents();
}

$("go").addEventListener("click", () => show().catch(showError));
$("more").addEventListener("click", () => more().catch(showError));
$("pair").addEventListener("change", () => {
  if (!$("pair").value) return;
  const [a, b] = $("pair").value.split(",");
  $("a").value = a;
  $("b").value = b;
  show().catch(showError);
});
$("lang").addEventListener("click", () => {
  state.lang = state.lang === "ar" ? "en" : "ar";
  if (state.tl) render(); else applyLang();
});
applyLang();
loadPairs().then(show).catch(showError);
