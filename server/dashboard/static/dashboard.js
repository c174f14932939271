// The progress dashboard: one GraphQL request, charts drawn as plain SVG, Chinese with English available.
"use strict";

const TEXT = {
  zh: {
    title: "承德市科技强市目标进展", subtitle: "人才与平台目标完成情况", asOf: "统计日期", region: "地区",
    loading: "正在加载…", targets: "目标进展", trend: "逐年趋势", byCounty: "分县(市、区)专业技术人才",
    bySeries: "分系列专业技术人才", download: "下载", other: "English", onTrack: "按期", behind: "滞后",
    noData: "暂无数据", goal: "目标", projected: "预计到期", total: "合计", people: "人", failed: "加载失败:",
    updated: "数据截至",
  },
  en: {
    title: "Chengde science and technology targets", subtitle: "Progress toward the plan's talent and platform targets",
    asOf: "As of", region: "Region", loading: "Loading…", targets: "Progress toward targets", trend: "Year by year",
    byCounty: "Titled staff by county", bySeries: "Titled staff by title series", download: "Download",
    other: "中文", onTrack: "on track", behind: "behind", noData: "no data", goal: "goal", projected: "projected",
    total: "Total", people: "people", failed: "Failed to load: ", updated: "Figures as of",
  },
};

const QUERY = `query Dashboard($asOf: Date, $region: String!) {
  progress(asOf: $asOf, region: $region) {
    target { code name nameEn goal unit unitEn deadline }
    value reason { zh en } ratio remaining projection onTrack byYear { year value }
  }
  counties: talentStats(asOf: $asOf, region: $region, groupBy: [REGION, TITLE_LEVEL]) {
    total rows { keys labels { zh en } count }
  }
  series: talentStats(asOf: $asOf, region: $region, groupBy: [TITLE_SERIES]) { rows { keys labels { zh en } count } }
  titleLevels { code label { zh en } }
  chengde: region(code: "130800") { code name nameEn children { code name nameEn } }
}`;

const LEVEL_COLOURS = { SENIOR: "#1a365d", DEPUTY_SENIOR: "#2b6cb0", INTERMEDIATE: "#4299e1", ASSISTANT: "#90cdf4",
                        JUNIOR: "#c3dafe" };
const state = { lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh", data: null };
const SVG = "http://www.w3.org/2000/svg";

function t(key) { return TEXT[state.lang][key]; }
function label(pair) { return pair ? pair[state.lang] : ""; }
function number(value) {
  return value === null || value === undefined ? "—" : Number(value).toLocaleString(state.lang === "zh" ? "zh-CN" : "en");
}
function percent(ratio) { return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`; }

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}
function text(x, y, content, attrs = {}) { return svg("text", { x, y, ...attrs }, String(content)); }

function targetName(target) { return state.lang === "zh" ? target.name : target.nameEn; }
function unit(target) { return state.lang === "zh" ? target.unit : target.unitEn; }

// One row per target: a bar toward the goal, the value, the ratio and whether it is on track.
function drawTargets(progress) {
  const width = 1180, row = 34, left = 300, barWidth = 520;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${progress.length * row + 10}`, role: "img",
                              "aria-label": t("targets"), width: "100%" });
  progress.forEach((p, index) => {
    const y = index * row + 6;
    const group = svg("g", { "data-code": p.target.code, "data-value": p.value ?? "", class: "target" });
    group.append(text(0, y + 17, targetName(p.target)));
    group.append(svg("rect", { x: left, y, width: barWidth, height: 22, rx: 3, class: "track" }));
    if (p.value === null) {
      group.append(text(left + 10, y + 16, `${t("noData")}: ${label(p.reason)}`, { class: "muted" }));
    } else {
      const filled = Math.max(1, Math.min(1, p.ratio) * barWidth);
      group.append(svg("rect", { x: left, y, width: filled, height: 22, rx: 3,
                                 class: p.onTrack === false ? "late" : "good" }));
      group.append(text(left + barWidth + 12, y + 16,
        `${number(p.value)} / ${number(p.target.goal)} ${unit(p.target)}`));
      group.append(text(left + barWidth + 220, y + 16, percent(p.ratio), { "font-weight": "bold" }));
      const flag = p.onTrack === null ? "" : p.onTrack ? `✓ ${t("onTrack")}` : `! ${t("behind")}`;
      group.append(text(left + barWidth + 290, y + 16, flag, { class: p.onTrack ? "good" : "late" }));
    }
    group.append(svg("title", {}, `${targetName(p.target)}: ${number(p.value)} / ${number(p.target.goal)}`
      + (p.projection === null ? "" : ` · ${t("projected")} ${number(Math.round(p.projection))}`)));
    chart.append(group);
  });
  return chart;
}

// A small bar chart per target: the value at the end of each year, with the goal as a dashed line.
function drawTrend(p) {
  const width = 260, height = 150, top = 18, bottom = 22, left = 8;
  const years = p.byYear;
  const highest = Math.max(p.target.goal, ...years.map((y) => y.value), 1);
  const scale = (value) => (height - top - bottom) * value / highest;
  const step = (width - left * 2) / Math.max(years.length, 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
                              "aria-label": targetName(p.target), "data-code": p.target.code });
  const goalY = height - bottom - scale(p.target.goal);
  chart.append(svg("line", { x1: left, x2: width - left, y1: goalY, y2: goalY, class: "goal" }));
  chart.append(text(width - left, goalY - 3, `${t("goal")} ${number(p.target.goal)}`,
                    { "text-anchor": "end", class: "muted" }));
  years.forEach((y, index) => {
    const x = left + index * step + step * 0.15, h = scale(y.value);
    chart.append(svg("rect", { x, y: height - bottom - h, width: step * 0.7, height: Math.max(h, 0.5), class: "bar",
                               "data-year": y.year, "data-value": y.value }));
    chart.append(text(x + step * 0.35, height - bottom - h - 3, number(y.value), { "text-anchor": "middle" }));
    chart.append(text(x + step * 0.35, height - 6, y.year, { "text-anchor": "middle", class: "muted" }));
  });
  const figure = document.createElement("figure");
  const caption = document.createElement("figcaption");
  caption.textContent = `${targetName(p.target)} (${unit(p.target)})`;
  figure.append(caption, chart);
  return figure;
}

// Horizontal bars, one per group, stacked by title level when the rows carry one.
function drawBars(groups, levels) {
  const width = 560, row = 26, left = 170, barWidth = 300;
  const highest = Math.max(...groups.map((g) => g.total), 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${groups.length * row + 40}`, width: "100%", role: "img" });
  groups.forEach((g, index) => {
    const y = index * row + 4;
    const bar = svg("g", { "data-key": g.key, "data-value": g.total });
    bar.append(text(left - 8, y + 15, g.name, { "text-anchor": "end" }));
    let x = left;
    for (const part of g.parts) {
      const w = barWidth * part.count / highest;
      bar.append(svg("rect", { x, y, width: w, height: 20, fill: LEVEL_COLOURS[part.level] || "#2b6cb0",
                               "data-level": part.level || "", "data-value": part.count },
                     svg("title", {}, `${g.name} ${part.name}: ${number(part.count)}`)));
      x += w;
    }
    bar.append(text(x + 6, y + 15, number(g.total)));
    chart.append(bar);
  });
  if (levels) {
    const y = groups.length * row + 22;
    levels.forEach((level, index) => {
      chart.append(svg("rect", { x: left + index * 78, y: y - 10, width: 12, height: 12,
                                 fill: LEVEL_COLOURS[level.code] }));
      chart.append(text(left + index * 78 + 16, y, label(level.label)));
    });
  }
  return chart;
}

function countyGroups(stats, regions) {
  const byCounty = new Map();
  for (const row of stats.rows) {
    const [code, level] = row.keys;
    if (!byCounty.has(code)) {
      byCounty.set(code, { key: code, name: label(row.labels[0]), total: 0, parts: [] });
    }
    const group = byCounty.get(code);
    group.total += row.count;
    group.parts.push({ level, name: label(row.labels[1]), count: row.count });
  }
  const order = regions.map((r) => r.code);
  return [...byCounty.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

function exportLinks(asOf, region) {
  const query = (extra) => new URLSearchParams({ asOf, region, ...extra }).toString();
  for (const kind of ["xlsx", "csv"]) {
    document.getElementById(`progress-${kind}`).href = `/export/progress.${kind}?${query({})}`;
    document.getElementById(`county-${kind}`).href = `/export/stats.${kind}?${query({ groupBy: "REGION,TITLE_LEVEL" })}`;
    document.getElementById(`series-${kind}`).href = `/export/stats.${kind}?${query({ groupBy: "TITLE_SERIES" })}`;
  }
}

function render() {
  const data = state.data;
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.getElementById("lang").textContent = t("other");
  if (!data) return;
  const chengde = data.chengde;
  const regions = [chengde, ...chengde.children];
  const select = document.getElementById("region");
  const chosen = select.value || "130800";
  select.replaceChildren(...regions.map((r) => new Option(state.lang === "zh" ? r.name : r.nameEn, r.code)));
  select.value = chosen;
  document.getElementById("targets").replaceChildren(drawTargets(data.progress));
  document.getElementById("trend").replaceChildren(
    ...data.progress.filter((p) => p.value !== null && p.byYear.length).map(drawTrend));
  document.getElementById("counties").replaceChildren(drawBars(countyGroups(data.counties, regions),
                                                                data.titleLevels));
  document.getElementById("series").replaceChildren(drawBars(data.series.rows.map((row) => ({
    key: row.keys[0] || "", name: label(row.labels[0]), total: row.count,
    parts: [{ level: null, name: "", count: row.count }] }))));
  const status = document.getElementById("status");
  status.className = "";
  status.textContent = `${t("updated")} ${document.getElementById("asOf").value} · ${t("total")} `
    + `${number(data.counties.total)} ${t("people")}`;
  status.dataset.total = data.counties.total;
  document.body.dataset.ready = "true";
}

async function load() {
  const asOf = document.getElementById("asOf").value;
  const region = document.getElementById("region").value || "130800";
  exportLinks(asOf, region);
  try {
    const response = await fetch("/graphql", {
      method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: QUERY, variables: { asOf, region } }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
    state.data = body.data;
    render();
  } catch (error) {
    const status = document.getElementById("status");
    status.className = "error";
    status.textContent = t("failed") + error.message;
  }
}

function start() {
  const params = new URLSearchParams(location.search);
  document.getElementById("asOf").value = params.get("asOf") || new Date().toISOString().slice(0, 10);
  const select = document.getElementById("region");
  select.append(new Option(params.get("region") || "130800", params.get("region") || "130800"));
  document.getElementById("asOf").addEventListener("change", load);
  select.addEventListener("change", load);
  document.getElementById("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    render();
  });
  render();
  load();
}

start();
