// The progress dashboard: one GraphQL request, charts drawn as plain SVG, Chinese with English available.
"use strict";

const TEXT = {
  zh: {
    title: "承德市科技强市目标进展", subtitle: "人才与平台目标完成情况", asOf: "统计日期", region: "地区",
    loading: "正在加载…", targets: "目标进展", trend: "逐年趋势", byCounty: "分县(市、区)专业技术人才",
    bySeries: "分系列专业技术人才", download: "下载", other: "English", onTrack: "按期", behind: "滞后",
    noData: "暂无数据", hidden: "不足5人的组合(已隐藏)", goal: "目标", projected: "预计到期", total: "合计", people: "人", failed: "加载失败:",
    updated: "数据截至", regionGoal: "本地区目标", shareNote: "未设本地区目标的,显示占全市的比例",
    ofCity: (share, city) => `占全市 ${share}(全市 ${city})`, noneInCity: "全市为 0",
  },
  en: {
    title: "Chengde science and technology targets", subtitle: "Progress toward the plan's talent and platform targets",
    asOf: "As of", region: "Region", loading: "Loading…", targets: "Progress toward targets", trend: "Year by year",
    byCounty: "Titled staff by county", bySeries: "Titled staff by title series", download: "Download",
    other: "中文", onTrack: "on track", behind: "behind", noData: "no data", hidden: "combinations under 5 people (suppressed)", goal: "goal", projected: "projected",
    total: "Total", people: "people", failed: "Failed to load: ", updated: "Figures as of", regionGoal: "own goal",
    shareNote: "Where the region has no goal of its own, its share of the city is shown",
    ofCity: (share, city) => `${share} of the city's ${city}`, noneInCity: "none in the city",
  },
};

const QUERY = `query Dashboard($asOf: Date, $region: String!) {
  progress(asOf: $asOf, region: $region) {
    target { code name nameEn goal unit unitEn deadline }
    region kind value rate reason { zh en } goal goalSource ratio remaining projection onTrack
    byYear { year value rate } cityValue cityShare
  }
  counties: talentStats(asOf: $asOf, region: $region, groupBy: [REGION, TITLE_LEVEL]) {
    total rows { keys labels { zh en } count }
  }
  countyTotals: talentStats(asOf: $asOf, region: $region, groupBy: [REGION]) { rows { keys count } }
  series: talentStats(asOf: $asOf, region: $region, groupBy: [TITLE_SERIES]) { rows { keys labels { zh en } count } }
  titleLevels { code label { zh en } }
  chengde: region(code: "130800") { code name nameEn children { code name nameEn } }
}`;

const LEVEL_COLOURS = { SENIOR: "#1a365d", DEPUTY_SENIOR: "#2b6cb0", INTERMEDIATE: "#4299e1", ASSISTANT: "#90cdf4",
                        JUNIOR: "#c3dafe", HIDDEN: "#cbd5e0" };
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

// What a target is measured by: a growth rate's goal is a rate (per cent a year), every other goal a value.
function measured(p) { return p.kind === "GROWTH_RATE" ? p.rate : p.value; }
function measuredInYear(p, y) { return p.kind === "GROWTH_RATE" ? y.rate : y.value; }

// A region's value beside the city's: its share, or that the city has none.
function ofCity(p) {
  return p.cityValue ? t("ofCity")(percent(p.cityShare), number(p.cityValue)) : t("noneInCity");
}

// One row per target: a bar toward the goal, the value, the ratio and whether it is on track. A region
// within the city without a goal of its own shows its share of the city instead, and says so.
function drawTargets(progress) {
  const width = 1180, row = 34, left = 300, barWidth = 480;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${progress.length * row + 10}`, role: "img",
                              "aria-label": t("targets"), width: "100%" });
  progress.forEach((p, index) => {
    const y = index * row + 6;
    const group = svg("g", { "data-code": p.target.code, "data-value": p.value ?? "", class: "target",
                             "data-goal": p.goal ?? "", "data-goal-source": p.goalSource ?? "",
                             "data-share": p.cityShare ?? "" });
    group.append(text(0, y + 17, targetName(p.target)));
    group.append(svg("rect", { x: left, y, width: barWidth, height: 22, rx: 3, class: "track" }));
    const after = left + barWidth + 12;
    if (p.value === null) {
      group.append(text(left + 10, y + 16, `${t("noData")}: ${label(p.reason)}`, { class: "muted" }));
    } else if (p.goal !== null) {
      const filled = Math.max(1, Math.min(1, p.ratio) * barWidth);
      group.append(svg("rect", { x: left, y, width: filled, height: 22, rx: 3,
                                 class: p.onTrack === false ? "late" : "good" }));
      const own = p.goalSource === "REGION" ? ` (${t("regionGoal")})` : "";
      group.append(text(after, y + 16, `${number(measured(p))} / ${number(p.goal)} ${unit(p.target)}${own}`));
      group.append(text(after + 250, y + 16, percent(p.ratio), { "font-weight": "bold" }));
      const flag = p.onTrack === null ? "" : p.onTrack ? `✓ ${t("onTrack")}` : `! ${t("behind")}`;
      group.append(text(after + 310, y + 16, flag, { class: p.onTrack ? "good" : "late" }));
    } else {
      const share = p.cityShare ?? 0;
      group.append(svg("rect", { x: left, y, width: Math.max(1, Math.min(1, share) * barWidth), height: 22, rx: 3,
                                 class: "share" }));
      group.append(text(after, y + 16, `${number(p.value)} ${unit(p.target)} · ${ofCity(p)}`));
    }
    const against = p.goal !== null ? ` / ${number(p.goal)}` : p.cityValue === null ? "" : ` · ${ofCity(p)}`;
    group.append(svg("title", {}, `${targetName(p.target)}: ${number(p.value)}${against}`
      + (p.projection === null ? "" : ` · ${t("projected")} ${number(Math.round(p.projection))}`)));
    chart.append(group);
  });
  return chart;
}

// A small bar chart per target: the value at the end of each year, with the goal as a dashed line. A goal
// far above the values (190,000 against a few hundred) would flatten the bars: it is then named at the
// top instead, and the bars are scaled to the values.
function drawTrend(p) {
  const width = 260, height = 160, top = 34, bottom = 22, left = 8;
  const years = p.byYear.map((y) => ({ ...y, value: measuredInYear(p, y) }));
  const peak = Math.max(...years.map((y) => y.value), 1);
  const goalInScale = p.goal !== null && p.goal <= peak * 4;
  const highest = goalInScale ? Math.max(p.goal, peak) : peak;
  const scale = (value) => (height - top - bottom) * value / highest;
  const step = (width - left * 2) / Math.max(years.length, 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
                              "aria-label": targetName(p.target), "data-code": p.target.code });
  if (goalInScale) {
    const goalY = height - bottom - scale(p.goal);
    chart.append(svg("line", { x1: left, x2: width - left, y1: goalY, y2: goalY, class: "goal" }));
    chart.append(svg("line", { x1: width - left - 110, x2: width - left - 92, y1: 8, y2: 8, class: "goal" }));
    chart.append(text(width - left, 12, `${t("goal")} ${number(p.goal)}`, { "text-anchor": "end", class: "muted" }));
  } else if (p.goal !== null) {
    chart.append(text(width - left, 12, `${t("goal")} ${number(p.goal)} ↑`,
                      { "text-anchor": "end", class: "muted goal-off-scale" }));
  }
  years.forEach((y, index) => {
    const x = left + index * step + step * 0.15, h = scale(y.value);
    chart.append(svg("rect", { x, y: height - bottom - h, width: step * 0.7, height: Math.max(h, 0.5), class: y.value === null ? "bar suppressed" : "bar",
                               "data-year": y.year, "data-value": y.value === null ? "" : y.value }));
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
// The width of a label in 12px text, near enough to lay out around it before it is drawn.
function textWidth(content) {
  return [...String(content)].reduce((sum, c) => sum + (c.codePointAt(0) >= 0x2e80 ? 12 : 6.8), 0);
}

function drawBars(groups, levels) {
  const width = 600, row = 26;
  const left = Math.min(330, Math.max(90, ...groups.map((g) => textWidth(g.name) + 16)));
  const barWidth = width - left - 60;
  const highest = Math.max(...groups.map((g) => g.total), 1);
  // The legend's entries, wrapped onto as many lines as the width needs.
  const legend = [];
  let lineX = 8, lineY = groups.length * row + 22;
  for (const level of levels || []) {
    const advance = 16 + textWidth(label(level.label)) + 14;
    if (lineX + advance > width && lineX > 8) { lineX = 8; lineY += 20; }
    legend.push({ level, x: lineX, y: lineY });
    lineX += advance;
  }
  const height = (legend.length ? lineY + 8 : groups.length * row + 10);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img" });
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
  for (const { level, x, y } of legend) {
    chart.append(svg("rect", { x, y: y - 10, width: 12, height: 12, fill: LEVEL_COLOURS[level.code] }));
    chart.append(text(x + 16, y, label(level.label)));
  }
  return chart;
}

// A county's bar is as long as its total; where statistics are suppressed (anonymous callers), the
// county-by-level cells under 5 people are left out, and the rest of the total is drawn as one grey part.
function countyGroups(stats, totals, regions) {
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
  for (const row of totals.rows) {
    const group = byCounty.get(row.keys[0]);
    if (group && row.count > group.total) {
      group.parts.push({ level: "HIDDEN", name: t("hidden"), count: row.count - group.total });
      group.total = row.count;
    }
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
  const region = regions.find((r) => r.code === chosen);
  const inCounty = chosen !== chengde.code;
  document.getElementById("targets-heading").textContent = inCounty && region
    ? `${state.lang === "zh" ? region.name : region.nameEn} · ${t("targets")}` : t("targets");
  const note = document.getElementById("share-note");
  note.hidden = !(inCounty && data.progress.some((p) => p.value !== null && p.goal === null));
  note.textContent = t("shareNote");
  document.getElementById("targets").replaceChildren(drawTargets(data.progress));
  document.getElementById("trend").replaceChildren(
    ...data.progress.filter((p) => p.value !== null && p.byYear.length).map(drawTrend));
  document.getElementById("counties").replaceChildren(drawBars(countyGroups(data.counties, data.countyTotals, regions),
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
