"use strict";
(function () {
  const data = JSON.parse(document.getElementById("finiex-data").textContent);
  const batch = data.batch;
  const scenarios = data.scenarios;
  const byIndex = new Map(scenarios.map(s => [s.index, s]));

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  };
  const fixed = (value, digits) => value === null || value === undefined ? "–"
    : Number(value).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = value => fixed(value, 2);
  const signed = value => el("span", { class: value > 0 ? "good" : value < 0 ? "bad" : "" }, money(value));
  const pct = (value, digits = 2) => value === null || value === undefined ? "–" : fixed(value * 100, digits) + " %";
  const ratio = value => value === null || value === undefined ? "–" : fixed(value, 2);
  const time = ms => new Date(ms).toISOString().replace("T", " ").replace(/\.000Z$|Z$/, "");
  const duration = ms => {
    if (ms === null || ms === undefined) return "–";
    const s = Math.round(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return d > 0 ? `${d}d ${h}h ${m}m` : h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s % 60}s` : `${s}s`;
  };
  const statusCell = status => el("span", { class: "status-" + status }, status.replace("_", " "));

  function header() {
    const t = batch.totals;
    const spread = data.net_profit;
    const cards = [
      ["scenarios", `${t.completed} / ${t.scenarios} completed`],
      ["failed · canceled · timed out · invalid", `${t.failed} · ${t.canceled} · ${t.timed_out} · ${t.invalid}`],
      ["trades", t.trades.toLocaleString("en-US")],
      ["ticks", t.ticks_processed.toLocaleString("en-US")],
      ["wall time", `${fixed(batch.wall_ms / 1000, 2)} s (${batch.execution_mode} × ${batch.parallelism})`],
    ];
    if (spread) {
      cards.push(["net P&L best / median / worst", `${money(spread.best)} / ${money(spread.median)} / ${money(spread.worst)}`]);
    }
    document.getElementById("batch").append(
      el("h1", {}, `${batch.set}`),
      el("div", { class: "muted" }, `${batch.source_file} · started ${time(Date.parse(batch.started_at))} UTC`,
        batch.complete ? "" : " · INCOMPLETE: the batch did not finish (finiex run --resume completes it)"),
      el("div", { class: "cards" }, cards.map(([label, value]) => el("div", { class: "card" }, el("div", { class: "label" }, label), el("div", { class: "value" }, value)))));
  }

  function sweeps() {
    const host = document.getElementById("sweeps");
    for (const sweep of data.sweeps) {
      host.append(el("h2", {}, `Sweep of ${sweep.parameters.join(" × ")}`),
        el("p", { class: "note" }, `Ranked by ${sweep.score.replace("_", " ")}${sweep.score === "max_drawdown" ? " (lowest first)" : ""}; variants with fewer than ${sweep.min_trades} trade(s), without a value or not completed are left out (${sweep.left_out}).`));
      const table = el("table", { class: "grid" });
      table.append(el("thead", {}, el("tr", {}, el("th", { class: "num" }, "rank"), el("th", {}, "scenario"),
        sweep.parameters.map(p => el("th", { class: "num" }, p.split(".").slice(-3).join("."))), el("th", { class: "num" }, sweep.score.replace("_", " ")))));
      const body = el("tbody");
      for (const v of sweep.ranked.slice(0, 20)) {
        body.append(el("tr", { class: "clickable", onclick: () => showScenario(v.index) }, el("td", { class: "num" }, v.rank), el("td", {}, v.name),
          v.values.map(x => el("td", { class: "num" }, x)), el("td", { class: "num" }, fixed(v.score, 4))));
      }
      table.append(body);
      host.append(el("div", { class: "wide" }, table));
      if (sweep.heat_map) host.append(heatMap(sweep));
    }
  }

  function heatMap(sweep) {
    const map = sweep.heat_map;
    const values = map.cells.flat().filter(v => v !== null);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const better = sweep.score === "max_drawdown" ? v => (hi - v) / ((hi - lo) || 1) : v => (v - lo) / ((hi - lo) || 1);
    const colour = v => v === null ? "#eee" : `hsl(${Math.round(better(v) * 120)}, 65%, 78%)`;
    const table = el("table", { class: "grid heat", id: "heat-map" });
    table.append(el("caption", { class: "note" }, `${sweep.score.replace("_", " ")} by ${sweep.parameters[0]} (columns) and ${sweep.parameters[1]} (rows)`));
    table.append(el("tr", {}, el("th", {}, ""), map.x.map(x => el("th", { class: "num" }, x))));
    map.y.forEach((y, r) => table.append(el("tr", {}, el("th", {}, y),
      map.cells[r].map(v => el("td", { class: "cell", style: `background:${colour(v)}` }, v === null ? "–" : fixed(v, 2))))));
    return el("div", { class: "chart" }, el("h3", {}, "Heat map"), table);
  }

  const columns = [
    ["#", s => s.index, s => s.index, true],
    ["scenario", s => s.name, s => s.name],
    ["symbol", s => s.symbol, s => s.symbol],
    ["status", s => s.status, s => statusCell(s.status)],
    ["trades", s => s.statistics?.trades ?? -1, s => s.statistics ? s.statistics.trades : "–", true],
    ["W / L / BE", s => s.statistics?.winning_trades ?? -1, s => s.statistics ? `${s.statistics.winning_trades} / ${s.statistics.losing_trades} / ${s.report_statistics?.break_even_trades ?? 0}` : "–", true],
    ["win rate", s => s.statistics?.win_rate ?? -1, s => pct(s.statistics?.win_rate, 1), true],
    ["net P&L", s => s.statistics?.net_profit ?? -Infinity, s => s.statistics ? signed(s.statistics.net_profit) : "–", true],
    ["profit factor", s => s.statistics?.profit_factor ?? -1, s => ratio(s.statistics?.profit_factor), true],
    ["max DD", s => s.statistics?.max_drawdown ?? -1, s => s.statistics ? `${money(s.statistics.max_drawdown)} (${fixed(s.statistics.max_drawdown_pct, 2)} %)` : "–", true],
    ["Sharpe", s => s.report_statistics?.sharpe ?? -Infinity, s => ratio(s.report_statistics?.sharpe), true],
    ["loop ms", s => s.timings?.tick_loop_ms ?? 0, s => fixed(s.timings?.tick_loop_ms, 1), true],
  ];
  let sort = { column: 0, ascending: true };

  function scenarioTable() {
    const table = document.getElementById("scenario-table");
    const select = document.getElementById("status-filter");
    for (const status of [...new Set(scenarios.map(s => s.status))]) select.append(el("option", { value: status }, status));
    const render = () => {
      const text = document.getElementById("filter").value.toLowerCase();
      const status = select.value;
      const [, key] = columns[sort.column];
      const rows = scenarios.filter(s => (!text || s.name.toLowerCase().includes(text) || s.symbol.toLowerCase().includes(text)) && (!status || s.status === status))
        .sort((a, b) => { const [x, y] = [key(a), key(b)]; return (x < y ? -1 : x > y ? 1 : a.index - b.index) * (sort.ascending ? 1 : -1); });
      table.replaceChildren(
        el("thead", {}, el("tr", {}, columns.map(([name, , , numeric], c) => el("th", {
          class: (numeric ? "num " : "") + (c === sort.column ? (sort.ascending ? "sorted-asc" : "sorted-desc") : ""),
          onclick: () => { sort = { column: c, ascending: c === sort.column ? !sort.ascending : !numeric }; render(); },
        }, name)))),
        el("tbody", {}, rows.map(s => el("tr", { class: "clickable", "data-index": s.index, onclick: () => showScenario(s.index) },
          columns.map(([, , show, numeric]) => el("td", numeric ? { class: "num" } : {}, show(s)))))));
    };
    document.getElementById("filter").addEventListener("input", render);
    select.addEventListener("change", render);
    render();
  }

  function statisticsGrid(s) {
    const st = s.statistics, r = s.report_statistics || {};
    const rows = [
      ["initial → final balance", `${money(st.final_balance - st.net_profit)} → ${money(st.final_balance)} ${s.currency || ""}`],
      ["net profit", signed(st.net_profit)], ["gross profit", money(st.gross_profit)], ["gross loss", money(st.gross_loss)],
      ["profit factor", ratio(st.profit_factor)], ["expected payoff", money(r.expected_payoff)], ["recovery factor", ratio(r.recovery_factor)],
      ["Sharpe (daily)", ratio(r.sharpe)], ["Sortino (daily)", ratio(r.sortino)],
      ["max drawdown", `${money(st.max_drawdown)} (${fixed(st.max_drawdown_pct, 2)} %)`], ["final equity", money(st.final_equity)],
      ["trades (long / short)", `${st.trades} (${st.long_trades} / ${st.short_trades})`],
      ["won / lost / break-even", `${st.winning_trades} / ${st.losing_trades} / ${r.break_even_trades ?? 0}`], ["win rate", pct(st.win_rate, 1)],
      ["average win / loss", `${money(r.average_win)} / ${money(r.average_loss)}`], ["largest win / loss", `${money(r.largest_win)} / ${money(r.largest_loss)}`],
      ["max consecutive wins", r.max_consecutive_wins === null || r.max_consecutive_wins === undefined ? "–" : `${r.max_consecutive_wins} (${money(r.max_consecutive_wins_money)})`],
      ["max consecutive losses", r.max_consecutive_losses === null || r.max_consecutive_losses === undefined ? "–" : `${r.max_consecutive_losses} (${money(r.max_consecutive_losses_money)})`],
      ["average holding time", duration(r.average_holding_ms)], ["commissions", money(st.commissions)], ["swaps", money(st.swaps)],
      ["stop-outs", st.stop_outs], ["orders sent / filled / rejected / cancelled", `${st.orders_sent} / ${st.orders_filled} / ${st.orders_rejected} / ${st.orders_cancelled}`],
      ["ticks", st.ticks_processed.toLocaleString("en-US")],
    ];
    return el("div", { class: "stats" }, rows.map(([label, value]) => el("div", {}, el("span", {}, label), el("span", {}, value))));
  }

  let charts = [];
  function equityCharts(host, curve) {
    charts.forEach(c => c.destroy());
    charts = [];
    if (!curve || curve.times.length === 0) { host.append(el("p", { class: "note" }, "No equity curve.")); return; }
    const xs = curve.times.map(t => t / 1000);
    const width = Math.min(1240, host.clientWidth || 1000);
    const equityBox = el("div", { class: "chart", id: "equity-chart" }), drawdownBox = el("div", { class: "chart", id: "drawdown-chart" });
    host.append(equityBox, drawdownBox);
    const sync = uPlot.sync("finiex");
    const cursor = { sync: { key: sync.key } };
    const tzDate = ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); // tick times are UTC, whatever the reader's zone
    charts.push(new uPlot({ title: "Equity and balance (UTC)", width, height: 280, cursor, tzDate,
      series: [{}, { label: "equity", stroke: "#2f6fdf", width: 1.5 }, { label: "lowest equity", stroke: "#c0392b", width: 1, dash: [4, 4] },
        { label: "balance", stroke: "#667085", width: 1 }],
      axes: [{}, { size: 80 }] }, [xs, curve.equity, curve.low, curve.balance], equityBox));
    let peak = -Infinity;
    const drawdown = curve.high.map((high, i) => { peak = Math.max(peak, high); return peak > 0 ? -(peak - curve.low[i]) / peak * 100 : 0; });
    charts.push(new uPlot({ title: "Drawdown from the running peak (%)", width, height: 160, cursor, tzDate,
      series: [{}, { label: "drawdown %", stroke: "#c0392b", fill: "rgba(192,57,43,0.15)" }], axes: [{}, { size: 80 }] }, [xs, drawdown], drawdownBox));
  }

  function monthly(r) {
    if (!r || r.monthly_returns.length === 0) return el("p", { class: "note" }, "No monthly returns.");
    return el("table", { class: "grid", style: "width:auto" }, el("tr", {}, el("th", {}, "month"), el("th", { class: "num" }, "return")),
      r.monthly_returns.map(m => el("tr", {}, el("td", {}, m.month), el("td", { class: "num" }, el("span", { class: m.return > 0 ? "good" : m.return < 0 ? "bad" : "" }, pct(m.return))))));
  }

  function trades(s) {
    const digits = s.price_digits ?? 5;
    let balance = s.statistics.final_balance - s.statistics.net_profit;
    const rows = (s.trades || []).map(t => {
      balance += t.pnl;
      return el("tr", {}, el("td", { class: "num" }, t.id), el("td", {}, s.symbol), el("td", {}, t.side), el("td", { class: "num" }, fixed(t.lots, 2)),
        el("td", {}, time(t.open_time_ms)), el("td", { class: "num" }, fixed(t.open_price, digits)), el("td", {}, time(t.close_time_ms)),
        el("td", { class: "num" }, fixed(t.close_price, digits)), el("td", {}, duration(t.close_time_ms - t.open_time_ms)), el("td", {}, t.close_reason.replace("_", " ")),
        el("td", { class: "num" }, money(t.commission)), el("td", { class: "num" }, money(t.swap)), el("td", { class: "num" }, signed(t.pnl)), el("td", { class: "num" }, money(balance)));
    });
    const head = ["#", "symbol", "side", "lots", "open (UTC)", "open price", "close (UTC)", "close price", "held", "reason", "commission", "swap", "net P&L", "balance"];
    return el("div", {}, s.trades_truncated ? el("p", { class: "note" }, `First ${s.trades.length} of ${s.statistics.trades} trades; all are in ${s.files?.folder}/trades.csv.`) : null,
      el("div", { class: "scroll" }, el("table", { class: "grid", id: "trade-table" }, el("thead", {}, el("tr", {}, head.map((h, i) => el("th", i === 0 || i === 3 || i === 5 || i >= 7 && i !== 8 && i !== 9 ? { class: "num" } : {}, h)))), el("tbody", {}, rows))));
  }

  function profile(s) {
    if (!s.profile) return el("p", { class: "note" }, "Profiling was off for this run.");
    return el("table", { class: "grid", style: "width:auto" }, el("tr", {}, el("th", {}, "tick loop step"), el("th", { class: "num" }, "ms"), el("th", { class: "num" }, "share")),
      s.profile.operations.map(o => el("tr", {}, el("td", {}, o.name), el("td", { class: "num" }, fixed(o.total_ms, 2)), el("td", { class: "num" }, pct(o.share, 1)))));
  }

  function log(s) {
    const lines = s.log || [];
    return el("pre", { class: "log" }, lines.map(l => el("span", { class: "lvl-" + l.level }, `${l.time.replace("T", " ").slice(0, 23)} [${l.level}] ${l.message}\n`)),
      s.log_truncated ? `… the whole log is in ${s.files?.log}\n` : "");
  }

  function showScenario(index) {
    const s = byIndex.get(index);
    const host = document.getElementById("scenario");
    document.querySelectorAll("tr.selected").forEach(r => r.classList.remove("selected"));
    document.querySelectorAll(`#scenario-table tr[data-index="${index}"]`).forEach(r => r.classList.add("selected"));
    host.replaceChildren(el("h2", {}, `#${s.index} ${s.name}`),
      el("div", { class: "muted" }, `${s.symbol} · `, statusCell(s.status), s.grid_values ? " · " + Object.entries(s.grid_values).map(([k, v]) => `${k} = ${v}`).join(", ") : ""));
    if (s.error) host.append(el("p", { class: "bad" }, `${s.error.kind}: ${s.error.message}`));
    if (s.statistics) {
      host.append(el("h3", {}, "Statistics"), statisticsGrid(s), el("h3", {}, "Equity"));
      equityCharts(host, s.equity_curve);
      host.append(el("h3", {}, "Monthly returns"), monthly(s.report_statistics), el("h3", {}, "Trades"), trades(s), el("h3", {}, "Profile"), profile(s));
    }
    host.append(el("h3", {}, "Log"), log(s));
    if (location.hash !== `#scenario-${index}`) history.replaceState(null, "", `#scenario-${index}`);
  }

  header();
  sweeps();
  scenarioTable();
  const fromHash = /^#scenario-(\d+)$/.exec(location.hash);
  const first = fromHash && byIndex.has(Number(fromHash[1])) ? Number(fromHash[1]) : (data.sweeps[0]?.ranked[0]?.index ?? scenarios[0]?.index);
  if (first !== undefined) showScenario(first);
  window.finiexReady = true;
})();
