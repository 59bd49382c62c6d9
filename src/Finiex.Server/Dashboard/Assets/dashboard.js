// The Finiex run server's dashboard: plain JavaScript, no build step, nothing from the network but this server.
(() => {
  "use strict";

  // ---- small helpers -------------------------------------------------------------------------------------------
  const $ = id => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  };
  const money = v => v === null || v === undefined ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = v => v === null || v === undefined ? "–" : (v * 100).toFixed(1) + " %";
  const signed = v => el("span", { class: v > 0 ? "good" : v < 0 ? "bad" : "" }, money(v));
  const time = t => new Date(t).toISOString().slice(11, 23);
  const bar = (percent, kind) => { const fill = el("span"); fill.style.width = Math.max(0, Math.min(100, percent || 0)) + "%"; return el("div", { class: "bar " + (kind || "") }, fill); };
  const finalStage = stage => stage === "completed" || stage === "failed" || stage === "canceled";
  const LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"];
  const ROWS_SHOWN = 200;
  const levelRank = level => ({ DEBUG: 0, VERBOSE: 0, INFO: 1, WARN: 2, WARNING: 2 })[level] ?? 3;
  const throttle = (fn, ms) => { let timer = null; return () => { if (timer === null) timer = setTimeout(() => { timer = null; fn(); }, ms); }; };
  const storage = {
    get(key, fallback) { try { const v = localStorage.getItem("finiex." + key); return v === null ? fallback : JSON.parse(v); } catch { return fallback; } },
    set(key, value) { try { localStorage.setItem("finiex." + key, JSON.stringify(value)); } catch { /* private mode */ } },
  };

  // ---- access token: from ?access_token= once, then kept in this browser --------------------------------------------
  let token = storage.get("token", "");
  const fromUrl = new URLSearchParams(location.search).get("access_token");
  if (fromUrl) { token = fromUrl; storage.set("token", token); history.replaceState(null, "", location.pathname); }
  const withToken = path => token ? path + (path.includes("?") ? "&" : "?") + "access_token=" + encodeURIComponent(token) : path;
  const wsUrl = path => (location.protocol === "https:" ? "wss://" : "ws://") + location.host + withToken(path);

  async function api(path, options = {}) {
    const headers = Object.assign({ "Accept": "application/json" }, options.body ? { "Content-Type": "application/json" } : {}, token ? { "Authorization": "Bearer " + token } : {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) { $("token-box").classList.remove("hidden"); throw new Error("the server needs its access token"); }
    return response;
  }
  async function json(path) { const r = await api(path); if (!r.ok) throw new Error((await r.json()).error || r.statusText); return r.json(); }

  $("token-form").addEventListener("submit", e => {
    e.preventDefault(); token = $("token-input").value.trim(); storage.set("token", token); location.reload();
  });

  // ---- state kept across reloads ------------------------------------------------------------------------------------
  const state = {
    runs: new Map(),
    tabs: storage.get("tabs", []),
    active: storage.get("active", null),
    filters: Object.assign({ level: "INFO", source: "", q: "", autoscroll: true }, storage.get("filters", {})),
    views: new Map(),
  };
  const saveTabs = () => { storage.set("tabs", state.tabs); storage.set("active", state.active); };
  const saveFilters = () => storage.set("filters", state.filters);

  // ---- how late live lines arrive: from the scenario or runner writing them (else the server publishing them) to this page
  window.finiexLag = [];
  function recordLag(line) {
    const lag = Date.now() - Date.parse(line.logged_at || line.time);
    window.finiexLag.push(lag);
    if (window.finiexLag.length > 1000) window.finiexLag.shift();
    showLag();
  }
  const showLag = throttle(() => {
    const sorted = [...window.finiexLag].sort((a, b) => a - b);
    if (sorted.length) $("connection").title = `live log lines arrive ${sorted[Math.floor(sorted.length / 2)]} ms after they were written (median of the last ${sorted.length})`;
  }, 1000);

  // ---- the runs list, live over /ws -----------------------------------------------------------------------------------
  function connectRuns() {
    const socket = new WebSocket(wsUrl("/ws"));
    let last = null;
    socket.onopen = () => { $("connection").textContent = "live"; $("connection").className = "pill live"; };
    socket.onclose = () => { $("connection").textContent = "reconnecting…"; $("connection").className = "pill down"; setTimeout(connectRuns, 2000); };
    socket.onmessage = message => {
      const m = JSON.parse(message.data);
      if (m.type === "snapshot") {
        state.runs = new Map(m.runs.map(r => [r.id, r]));
        last = m.sequence;
      } else {
        if (last !== null && m.sequence !== last + 1) { socket.send(JSON.stringify({ action: "resync" })); return; }
        last = m.sequence;
        if (m.type === "added") state.runs.set(m.run.id, m.run);
        if (m.type === "patch") {
          const run = Object.assign(state.runs.get(m.run.id) || {}, m.run);
          state.runs.set(run.id, run);
          state.views.get(run.id)?.setRun(Object.assign({}, state.views.get(run.id).run || {}, m.run));
        }
        if (m.type === "removed") { state.runs.delete(m.id); closeTab(m.id); }
      }
      renderRunList();
      renderTabs();
    };
  }

  function renderRunList() {
    const runs = [...state.runs.values()].sort((a, b) => b.created_at.localeCompare(a.created_at));
    $("run-list").replaceChildren(...(runs.length ? runs.map(run => el("li", { class: state.active === run.id ? "open" : "", "data-run": run.id, onclick: () => openTab(run.id) },
      el("div", { class: "run-id" }, run.id),
      el("div", { class: "stage " + run.stage }, run.stage_label, run.stage === "running" ? ` ${run.progress.toFixed(0)} %` : ""),
      bar(run.progress, run.stage === "completed" ? "done" : run.stage === "failed" ? "failed" : ""))) : [el("li", { class: "note" }, "No runs yet.")]));
  }

  async function refreshMetrics() {
    try {
      const m = await json("/metrics");
      const rate = m.ticks_per_second >= 1e6 ? (m.ticks_per_second / 1e6).toFixed(2) + " M" : Math.round(m.ticks_per_second).toLocaleString("en-US") + " ";
      $("metrics").textContent = `slots ${m.slots_busy}/${m.slots} busy · ${m.runs_going} running · ${m.runs_queued} queued · ${rate}ticks/s`;
    } catch { /* shown by the connection pill */ }
  }

  // ---- starting a run -------------------------------------------------------------------------------------------------
  let pasted = storage.get("pasted", false);
  function showSource() {
    $("source-named").classList.toggle("on", !pasted); $("source-pasted").classList.toggle("on", pasted);
    $("named-input").classList.toggle("hidden", pasted); $("pasted-input").classList.toggle("hidden", !pasted);
  }
  $("source-named").addEventListener("click", () => { pasted = false; storage.set("pasted", pasted); showSource(); });
  $("source-pasted").addEventListener("click", () => { pasted = true; storage.set("pasted", pasted); showSource(); });
  $("set-json").value = storage.get("pastedSet", "");
  $("set-json").addEventListener("input", throttle(() => storage.set("pastedSet", $("set-json").value), 500));

  async function loadSets() {
    const { sets } = await json("/sets");
    const chosen = storage.get("set", sets[0]);
    $("set-select").replaceChildren(...sets.map(s => el("option", { value: s, selected: s === chosen }, s)));
  }
  $("set-select").addEventListener("change", () => storage.set("set", $("set-select").value));

  function showProblems(error, details) {
    $("submit-problems").replaceChildren(error ? el("div", {}, error) : "",
      details && details.length ? el("ul", {}, details.map(d => { const at = d.indexOf(": "); return el("li", {}, at > 0 ? [el("code", {}, d.slice(0, at)), d.slice(at)] : d); })) : "");
  }

  $("start-run").addEventListener("click", async () => {
    showProblems(null);
    const body = {};
    if (pasted) {
      try { body.definition = JSON.parse($("set-json").value); } catch (e) { showProblems("The pasted set is not JSON: " + e.message); return; }
    } else {
      body.set = $("set-select").value;
    }
    if ($("mode-select").value) body.mode = $("mode-select").value;
    $("start-run").disabled = true;
    try {
      const response = await api("/runs", { method: "POST", body: JSON.stringify(body) });
      const answer = await response.json();
      if (response.status === 202) { state.runs.set(answer.id, answer); renderRunList(); openTab(answer.id); }
      else showProblems(answer.error, answer.details);
    } catch (e) { showProblems(e.message); } finally { $("start-run").disabled = false; }
  });

  // ---- tabs -----------------------------------------------------------------------------------------------------------
  function openTab(id) {
    if (!state.tabs.includes(id)) state.tabs.push(id);
    state.active = id; saveTabs(); renderTabs(); renderRunList(); showActive();
  }
  function closeTab(id) {
    state.tabs = state.tabs.filter(t => t !== id);
    state.views.get(id)?.close(); state.views.delete(id);
    if (state.active === id) state.active = state.tabs[state.tabs.length - 1] ?? null;
    saveTabs(); renderTabs(); showActive();
  }
  function renderTabs() {
    $("tab-bar").replaceChildren(...state.tabs.map(id => {
      const run = state.runs.get(id);
      return el("div", { class: "tab" + (id === state.active ? " active" : ""), title: id, "data-tab": id, onclick: () => openTab(id) },
        run ? `${run.set_name} · ${run.stage === "running" ? run.progress.toFixed(0) + " %" : run.stage_label}` : id,
        el("span", { class: "close", title: "close", onclick: e => { e.stopPropagation(); closeTab(id); } }, "×"));
    }));
  }
  function showActive() {
    if (!state.active) { $("tab-content").replaceChildren(el("p", { class: "note" }, "Start a run, or open one from the list.")); return; }
    let view = state.views.get(state.active);
    if (!view) { view = new RunView(state.active); state.views.set(state.active, view); }
    $("tab-content").replaceChildren(view.root);
    view.render();
  }

  // ---- one run's tab --------------------------------------------------------------------------------------------------
  class RunView {
    constructor(id) {
      this.id = id;
      this.run = state.runs.get(id) ?? null;
      this.scenarios = new Map();   // index → row
      this.sweeps = [];
      this.slots = new Map();       // slot id → latest event
      this.logs = new Map();        // sequence → line
      this.chosen = null;
      this.chart = null;
      this.parts = null;
      this.total = 0;
      this.root = el("div", { class: "run-view", "data-run": id });
      this.render = throttle(() => this.draw(), 150);
      this.refreshScenarios = throttle(() => this.loadScenarios(), 1000);
      this.start();
    }

    async start() {
      try {
        const detail = await json(`/runs/${this.id}`);
        this.run = detail.run;
        await Promise.all([this.loadScenarios(), this.loadLogs()]);
      } catch (e) { this.failure = e.message; }
      this.render();
      this.connect();
    }

    async loadScenarios() {
      const answer = await json(`/runs/${this.id}/scenarios`);
      this.total = answer.scenarios.length;
      for (const s of answer.scenarios) {
        const row = this.scenarios.get(s.index);
        // summary.json is written at most once a second: a row the live events have finished keeps that until it catches up
        this.scenarios.set(s.index, row && row.status !== "pending" && s.status === "pending" ? row : Object.assign(row || {}, s));
      }
      this.sweeps = answer.sweeps || [];
      this.render();
    }

    async loadLogs() {
      const page = await json(`/runs/${this.id}/logs?limit=5000`);
      for (const line of page.lines) this.logs.set(line.sequence, line);
    }

    connect() {
      if (this.closed || (this.run && finalStage(this.run.stage))) return;
      const socket = this.socket = new WebSocket(wsUrl(`/ws?run=${encodeURIComponent(this.id)}`));
      let last = null;
      socket.onmessage = message => {
        const m = JSON.parse(message.data);
        if (m.type === "snapshot") {
          last = m.sequence;
          if (m.run) this.run = m.run;
          for (const e of m.slots) this.slots.set(e.slot_id, e);
          for (const e of m.scenarios) this.apply(e);
          for (const line of m.logs) this.logs.set(line.sequence, line);
        } else if (m.type === "patch" || m.type === "log") {
          if (last !== null && m.sequence !== last + 1) { socket.send(JSON.stringify({ action: "resync" })); return; }
          last = m.sequence;
          if (m.type === "log") { this.logs.set(m.line.sequence, m.line); recordLag(m.line); } else this.apply(m.event);
        } else if (m.type === "end" || m.type === "ended") {
          if (m.run) this.setRun(m.run);
          this.slots.clear();
          this.loadScenarios();
          this.loadLogs().then(() => this.render());
        }
        this.render();
      };
    }

    apply(e) {
      if (e.slot_id >= 0 && e.kind !== "log") {
        if (e.kind === "slot_idle") this.slots.set(e.slot_id, { slot_id: e.slot_id, kind: "slot_idle" }); else this.slots.set(e.slot_id, e);
      }
      if (e.scenario_index < 0) return;
      const row = this.scenarios.get(e.scenario_index) || { index: e.scenario_index, name: e.scenario_name, symbol: e.symbol, status: "pending" };
      if (e.kind === "scenario_finished") {
        row.running = false; row.percent = 100; row.statistics = e.statistics || row.statistics;
        row.status = e.status === "completed" ? "completed" : (row.status === "pending" ? "failed" : row.status);
        this.refreshScenarios();
      } else if (e.kind === "scenario_started" || e.kind === "scenario_progress") {
        row.running = true; row.percent = e.percent; row.ticks_processed = e.ticks_processed; row.live = e;
      }
      this.scenarios.set(e.scenario_index, row);
    }

    setRun(run) {
      const started = run.stage === "running" && this.run?.stage !== "running";
      this.run = run;
      if (started && !this.total) this.refreshScenarios(); // the results folder, and with it every scenario's row, exists from now on
      this.render();
    }

    close() { this.closed = true; this.socket?.close(); this.chart?.destroy(); }

    draw() {
      if (!this.parts) this.build();
      const p = this.parts;
      p.head.replaceChildren(this.head());
      p.slots.replaceChildren(this.slotPanels());
      const scrolled = p.scenarios.querySelector(".table-box")?.scrollTop ?? 0;
      p.scenarios.replaceChildren(this.scenarioTable());
      const box = p.scenarios.querySelector(".table-box");
      if (box) box.scrollTop = scrolled;
      p.ranking.replaceChildren(this.ranking());
      this.drawLog();
    }

    /** The tab's parts, made once: the log's tools keep their focus and the chart its state while the rest is redrawn. */
    build() {
      this.parts = { head: el("div", { class: "grow" }), slots: el("div"), scenarios: el("div"), ranking: el("div"), chart: el("div", { class: "chart", id: "equity-chart" }),
        lines: el("div", { class: "log", id: "log-lines" }), count: el("span", { class: "note" }), source: el("select", { id: "log-source", "aria-label": "source" }) };
      const f = state.filters;
      const set = (key, value) => { f[key] = value; saveFilters(); this.drawLog(true); };
      this.parts.source.addEventListener("change", e => set("source", e.target.value));
      this.parts.cancel = el("button", { type: "button", class: "danger", id: "cancel-run", onclick: () => this.cancel() }, "Cancel");
      this.parts.report = el("a", { class: "button hidden", id: "report-link", target: "_blank", rel: "noopener" }, "Open report");
      this.parts.remove = el("button", { type: "button", class: "hidden", id: "delete-run", onclick: () => this.remove() }, "Delete");
      // Rows are redrawn as events come: pick the one under the pointer when it is pressed, which a redraw cannot split.
      const pick = e => { const row = e.target.closest("tr[data-pick]"); if (row) this.choose(row.dataset.pick); };
      this.parts.scenarios.addEventListener("pointerdown", pick);
      this.parts.ranking.addEventListener("pointerdown", pick);
      this.root.append(el("div", { class: "run-head" }, this.parts.head, this.parts.cancel, this.parts.report, this.parts.remove), this.parts.slots, this.parts.scenarios, this.parts.ranking, this.parts.chart, el("h3", {}, "Log"),
        el("div", { class: "log-tools" },
          el("select", { id: "log-level", "aria-label": "lowest level", onchange: e => set("level", e.target.value) }, LEVELS.map(l => el("option", { value: l, selected: f.level === l }, `${l.toLowerCase()} and above`))),
          this.parts.source,
          el("input", { id: "log-search", type: "search", placeholder: "search", value: f.q, oninput: e => set("q", e.target.value) }),
          el("label", {}, el("input", { id: "log-autoscroll", type: "checkbox", checked: f.autoscroll, onchange: e => set("autoscroll", e.target.checked) }), " auto-scroll"),
          el("a", { class: "button", id: "log-download", href: withToken(`/runs/${this.id}/logs/download`) }, "Download"),
          this.parts.count),
        this.parts.lines);
    }

    drawLog(filtersChanged) {
      const f = state.filters, p = this.parts;
      const all = [...this.logs.values()].sort((a, b) => a.sequence - b.sequence);
      const sources = [...new Set([...all.map(l => l.source), f.source].filter(Boolean))].sort();
      if (sources.join("\n") !== this.sources) {
        this.sources = sources.join("\n");
        p.source.replaceChildren(el("option", { value: "" }, "every source"), sources.map(s => el("option", { value: s, selected: f.source === s }, s)));
      }
      const q = f.q.toLowerCase();
      const shown = all.filter(l => levelRank(l.level) >= levelRank(f.level) && (!f.source || l.source === f.source) && (!q || l.message.toLowerCase().includes(q))).slice(-2000);
      const top = p.lines.scrollTop;
      p.lines.replaceChildren(...shown.map(l => el("div", { class: "lvl-" + l.level }, `${time(l.time)} ${l.level.padEnd(5)} [${l.source}] ${l.message}`)));
      p.lines.scrollTop = f.autoscroll ? p.lines.scrollHeight : (filtersChanged ? 0 : top);
      p.count.textContent = `${shown.length} of ${all.length} lines`;
    }

    /** The run's state; its buttons are made once (build) and only shown, hidden or disabled here, so a click is never lost to a redraw. */
    head() {
      const run = this.run, p = this.parts;
      p.cancel.classList.toggle("hidden", !run);
      p.report.classList.add("hidden");
      p.remove.classList.add("hidden");
      if (!run) return el("p", { class: this.failure ? "error" : "note" }, this.failure || "loading…");
      const ended = finalStage(run.stage);
      p.cancel.disabled = ended;
      if (ended && run.results_folder) { p.report.href = withToken(`/runs/${run.id}/report`); p.report.classList.remove("hidden"); }
      p.remove.classList.toggle("hidden", !ended);
      const rows = [...this.scenarios.values()];
      const progress = run.stage === "running" && this.total > 0
        ? rows.reduce((sum, r) => sum + (r.percent ?? (r.status === "pending" ? 0 : 100)), 0) / Math.max(this.total, rows.length) : run.progress;
      return el("div", {},
        el("div", { class: "run-id" }, run.id),
        el("div", { class: "stage " + run.stage, "data-stage": run.stage }, run.stage_label, " — ", run.message),
        bar(progress, run.stage === "completed" ? "done" : run.stage === "failed" ? "failed" : ""),
        run.error ? el("p", { class: "error" }, run.error) : null);
    }

    async cancel() { await api(`/runs/${this.id}/cancel`, { method: "POST" }); }

    async remove() {
      if (!confirm(`Delete run ${this.id}, its results folder and log?`)) return;
      const response = await api(`/runs/${this.id}`, { method: "DELETE" });
      if (response.status === 204) { state.runs.delete(this.id); closeTab(this.id); renderRunList(); }
    }

    slotPanels() {
      if (this.slots.size === 0) return el("div");
      const lines = [...this.logs.values()];
      return el("div", {}, el("h3", {}, "Slots"), el("div", { class: "slots" }, [...this.slots.entries()].sort((a, b) => a[0] - b[0]).map(([slot, e]) => {
        const busy = e.kind !== "slot_idle";
        const recent = lines.filter(l => l.slot_id === slot).slice(-5);
        return el("div", { class: "slot" + (busy ? " busy" : ""), "data-slot": slot },
          el("div", { class: "title" }, el("strong", {}, `slot ${slot}`), el("span", {}, busy ? "busy" : "idle")),
          busy ? el("div", {}, e.scenario_name || "–", e.percent !== undefined ? ` · ${e.percent.toFixed(1)} %` : "", e.trades ? ` · ${e.trades} trades` : "") : el("div", { class: "note" }, "waiting for work"),
          busy ? bar(e.percent) : null,
          el("div", { class: "lines" }, recent.map(l => el("div", { class: "lvl-" + l.level }, `${time(l.time)} ${l.level} ${l.message}`))));
      })));
    }

    scenarioTable() {
      const all = [...this.scenarios.values()];
      if (all.length === 0) return el("p", { class: "note" }, "Scenarios appear when the run has started.");
      // A large sweep: the running ones, then the finished, then those waiting, at most ROWS_SHOWN (the ranking and the report have them all).
      const group = s => s.running ? 0 : s.status === "pending" ? 2 : 1;
      const rows = all.sort((a, b) => group(a) - group(b) || a.index - b.index).slice(0, ROWS_SHOWN);
      const chosen = this.chosen && !rows.some(r => r.name === this.chosen) ? all.find(r => r.name === this.chosen) : null;
      if (chosen) rows.push(chosen);
      return el("div", {}, el("h3", {}, "Scenarios", all.length > ROWS_SHOWN ? el("span", { class: "note" }, ` — ${ROWS_SHOWN} of ${all.length} shown: running, then finished, then waiting`) : ""),
        el("div", { class: "table-box" }, el("table", { class: "grid scenarios" },
        el("tr", {}, ["scenario", "symbol", "status", "progress", "trades", "net profit", "max drawdown", "win rate"].map((h, i) => el("th", { class: i >= 4 ? "num" : "" }, h))),
        rows.map(s => {
          const st = s.statistics;
          const status = s.running ? "running" : s.status;
          return el("tr", { class: "pick" + (this.chosen === s.name ? " chosen" : ""), "data-scenario": s.name, "data-pick": s.name, "data-status": status },
            el("td", {}, s.name), el("td", {}, s.symbol), el("td", { class: status === "completed" ? "good" : status === "failed" || status === "timed_out" ? "bad" : "" }, status.replace("_", " ")),
            el("td", {}, bar(s.percent ?? (s.status === "pending" ? 0 : 100), status === "completed" ? "done" : "")),
            el("td", { class: "num" }, st ? st.trades : s.live?.trades ?? "–"), el("td", { class: "num" }, st ? signed(st.net_profit) : "–"),
            el("td", { class: "num" }, st ? pct(st.max_drawdown_pct / 100) : "–"), el("td", { class: "num" }, st ? pct(st.win_rate) : "–"));
        }))));
    }

    ranking() {
      if (!this.sweeps.length) return el("div");
      return el("div", {}, this.sweeps.map(sweep => el("div", {},
        el("h3", {}, `Sweep ranking by ${sweep.score.replace("_", " ")} (${sweep.parameters.join(", ")})`),
        el("table", { class: "grid ranking" }, el("tr", {}, el("th", {}, "#"), el("th", {}, "variant"), sweep.parameters.map(p => el("th", {}, p.split(".").pop())), el("th", { class: "num" }, "score")),
          sweep.ranked.slice(0, 10).map(v => el("tr", { class: "pick", "data-pick": v.name }, el("td", {}, v.rank), el("td", {}, v.name), v.values.map(x => el("td", {}, x)),
            el("td", { class: "num" }, signed(v.score))))))));
    }

    async choose(name) {
      this.chosen = name;
      this.render();
      const box = this.parts.chart;
      box.replaceChildren(el("h3", {}, `Equity of ${name}`), el("p", { class: "note" }, "loading…"));
      let scenario;
      try { scenario = await json(`/runs/${this.id}/scenarios/${encodeURIComponent(name)}`); } catch (e) { box.lastChild.replaceWith(el("p", { class: "error" }, e.message)); return; }
      const curve = scenario.equity_curve;
      this.chart?.destroy();
      this.chart = null;
      if (!curve || curve.times.length === 0 || !window.uPlot) { box.lastChild.replaceWith(el("p", { class: "note" }, scenario.status === "pending" ? "Not finished yet." : "No equity curve.")); return; }
      box.lastChild.remove();
      this.chart = new uPlot({ width: Math.min(1100, (this.root.clientWidth || 900) - 20), height: 260, tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
        series: [{}, { label: "equity", stroke: "#2f6fdf", width: 1.5 }, { label: "balance", stroke: "#667085", width: 1 }], axes: [{}, { size: 80 }] },
        [curve.times.map(t => t / 1000), curve.equity, curve.balance], box);
    }
  }

  // ---- start ----------------------------------------------------------------------------------------------------------
  showSource();
  loadSets().catch(e => showProblems(e.message));
  connectRuns();
  refreshMetrics();
  setInterval(refreshMetrics, 2000);
  renderTabs();
  showActive();
})();
