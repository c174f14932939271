// The page for institutions and the bureau: every list and change is a GraphQL request made with the key
// the person signed in with. The key lives in this tab's sessionStorage only and travels as a Bearer header.
"use strict";

const TEXT = {
  zh: {
    title: "单位与科技局工作台", subtitle: "人才登记:单位维护本单位记录,科技局审核团队", signOut: "退出", other: "English",
    signInTitle: "使用密钥登录", signInNote: "请输入科技局发放的单位密钥或管理员密钥。密钥只保存在本标签页中,关闭即清除。",
    key: "API 密钥", signIn: "登录", people: "人员与职称", teams: "团队", platforms: "平台", projects: "项目",
    visits: "外国专家来访", own: "本单位信息", uploads: "上传文件", editPerson: "修改人员", email: "电子邮箱", phone: "电话",
    save: "保存", cancel: "取消", endEmployment: "离职(结束聘用)", leftOn: "离职日期", registerTeam: "申报创新团队",
    teamName: "团队名称", origin: "来源", cultivated: "培育", introduced: "引进", level: "级别", none: "无",
    municipal: "市级", provincial: "省级", national: "国家级", fields: "领域", leader: "带头人(本单位人员)",
    members: "成员(本单位人员,可多选)", invited: "邀请外单位人员(人员编号,逗号分隔)", submitTeam: "提交申报",
    projectsNote: "按项目编号查询本单位承担的项目。", projectId: "项目编号", find: "查询", editVisit: "修改来访日期",
    arrivedOn: "到达日期", departedOn: "离开日期", recordVisit: "登记来访", expertId: "外国专家编号", program: "项目/计划",
    purpose: "来访事由", record: "登记", correctInstitution: "更正本单位信息", institutionName: "单位名称",
    creditCode: "统一社会信用代码", uploadTitle: "上传人员、职称、团队、平台或来访文件",
    uploadNote: "CSV 或 XLSX 文件,格式见导入说明。默认全部校验通过才写入;有一行被拒绝则不写入任何记录。",
    uploadKind: "文件类别", kindPeople: "人员与职称", kindInstitutions: "单位", uploadFile: "文件",
    skipInvalid: "只写入校验通过的行(被拒绝的行可下载)", send: "上传", downloadRefused: "下载被拒绝的行",
    uploadsAdmin: "上传文件", chooseFile: "请选择要上传的文件", line: "行号", column: "列", problem: "原因",
    jobQueued: "排队等待中…", jobRunning: "正在处理…", jobSucceeded: "已写入", jobRefused: "有被拒绝的行,未写入任何记录",
    jobFailed: "处理失败", jobSkipped: "已写入校验通过的行;被拒绝的行未写入", phase_validating: "校验", phase_writing: "写入",
    rowsDone: (done, total) => (total === null || total === undefined ? `${done} 行` : `${done} / ${total} 行`),
    sumRows: "总行数", sumCreated: "新增", sumUpdated: "更新", sumUnchanged: "未变", sumRefused: "被拒绝", sumSeconds: "用时(秒)",
    moreErrors: (shown, all) => `仅显示前 ${shown} 条,共 ${all} 条;全部见下载文件。`, waiting: "待审核的团队",
    approved: "已审核通过、待认定的团队", dashboardLink: "查看目标进展(仪表板)", withdraw: "撤回记录", withdrawShort: "撤回",
    withdrawNote: "撤回的记录保留在库中并注明撤回人和日期,自该日起不再计入统计和列表。", withdrawOn: "自何日起撤回",
    reason: "原因", dashboard: "目标进展", loading: "正在加载…", previous: "上一页", next: "下一页",
    total: (n) => `共 ${n} 条`, empty: "暂无记录", name: "姓名", pinyin: "拼音", titlesCol: "职称", actions: "操作",
    edit: "修改", leave: "离职", status: "状态", leaderCol: "带头人", membersCol: "成员", comment: "审核意见",
    kind: "类别", levelCol: "级别", established: "设立日期", expert: "专家", nationality: "国籍", dates: "来访日期",
    institution: "单位", approve: "通过", reject: "不通过", recognize: "认定", recognizeOn: "认定日期",
    commentLabel: "审核意见(选填)", signedInAs: (who) => `已登录:${who}`, admin: "科技局管理员",
    wrongRole: "此页面供单位密钥和管理员密钥使用;该密钥无法在此办理业务。", badKey: "密钥无效或已被吊销,请向科技局管理员申请。",
    failed: "请求失败:", saved: "已保存", registered: "团队已提交,等待科技局审核", recorded: "来访已登记",
    withdrawn: "记录已撤回", ended: "已办理离职", reviewed: "审核结果已保存", recognizedDone: "团队已认定",
    notFound: "未找到该项目,或不是本单位的项目", invitedMark: "(外单位)", noneYet: "—",
  },
  en: {
    title: "Institutions and the bureau", subtitle: "Talent registry: institutions keep their records, the bureau reviews teams",
    signOut: "Sign out", other: "中文", signInTitle: "Sign in with a key",
    signInNote: "Enter the institution or administrator key the bureau gave you. It is kept in this tab only and forgotten when the tab closes.",
    key: "API key", signIn: "Sign in", people: "People and titles", teams: "Teams", platforms: "Platforms", projects: "Projects",
    visits: "Foreign experts' visits", own: "Our institution", uploads: "Upload a file", editPerson: "Edit person",
    email: "Email", phone: "Phone", save: "Save", cancel: "Cancel", endEmployment: "End employment (left)", leftOn: "Left on",
    registerTeam: "Register an innovation team", teamName: "Team name", origin: "Origin", cultivated: "cultivated",
    introduced: "introduced", level: "Level", none: "none", municipal: "municipal", provincial: "provincial",
    national: "national", fields: "Fields", leader: "Leader (our staff)", members: "Members (our staff, several allowed)",
    invited: "Invite people from elsewhere (person ids, comma-separated)", submitTeam: "Submit",
    projectsNote: "Look up a project your institution runs by its number.", projectId: "Project number", find: "Find",
    editVisit: "Correct a visit's dates", arrivedOn: "Arrived on", departedOn: "Departed on", recordVisit: "Record a visit",
    expertId: "Foreign expert's id", program: "Programme", purpose: "Purpose", record: "Record",
    correctInstitution: "Correct our institution's record", institutionName: "Name", creditCode: "Unified social credit code",
    uploadTitle: "Upload a staff, title, team, platform or visit file",
    uploadNote: "A CSV or XLSX file in the import format. By default it is written only if every row passes: one refused row writes nothing.",
    uploadKind: "Kind of file", kindPeople: "Staff and titles", kindInstitutions: "Institutions", uploadFile: "File",
    skipInvalid: "Keep valid rows (write them; the refused rows can be downloaded)", send: "Upload",
    downloadRefused: "Download the refused rows", uploadsAdmin: "Upload a file", chooseFile: "Choose a file to upload",
    line: "Line", column: "Column", problem: "Reason", jobQueued: "Waiting in line…", jobRunning: "Working…",
    jobSucceeded: "Written", jobRefused: "Rows were refused: nothing was written", jobFailed: "The upload failed",
    jobSkipped: "The valid rows were written; the refused rows were not", phase_validating: "checking", phase_writing: "writing",
    rowsDone: (done, total) => (total === null || total === undefined ? `${done} rows` : `${done} / ${total} rows`),
    sumRows: "Rows", sumCreated: "Created", sumUpdated: "Updated", sumUnchanged: "Unchanged", sumRefused: "Refused",
    sumSeconds: "Seconds", moreErrors: (shown, all) => `The first ${shown} of ${all} are shown; the download has them all.`,
    waiting: "Teams waiting for review", approved: "Approved teams waiting for recognition", dashboardLink: "See progress (dashboard)",
    withdraw: "Withdraw record", withdrawShort: "Withdraw",
    withdrawNote: "A withdrawn record stays in the registry, marked with who withdrew it and when, and leaves every count and list from that day.",
    withdrawOn: "Withdrawn from", reason: "Reason", dashboard: "Progress", loading: "Loading…", previous: "Previous",
    next: "Next", total: (n) => `${n} in all`, empty: "Nothing here yet", name: "Name", pinyin: "Pinyin", titlesCol: "Titles",
    actions: "Actions", edit: "Edit", leave: "Left", status: "Status", leaderCol: "Leader", membersCol: "Members",
    comment: "Review comment", kind: "Kind", levelCol: "Level", established: "Established", expert: "Expert",
    nationality: "Nationality", dates: "Dates", institution: "Institution", approve: "Approve", reject: "Reject",
    recognize: "Recognize", recognizeOn: "Recognized on", commentLabel: "Review comment (optional)",
    signedInAs: (who) => `Signed in: ${who}`, admin: "Bureau administrator",
    wrongRole: "This page is for institution and administrator keys; this key cannot do anything here.",
    badKey: "This key is not known or has been revoked: ask the bureau's administrator for one.", failed: "Request failed: ",
    saved: "Saved", registered: "Team submitted; the bureau will review it", recorded: "Visit recorded", withdrawn: "Record withdrawn",
    ended: "Employment ended", reviewed: "Review saved", recognizedDone: "Team recognized",
    notFound: "No such project, or not one of your institution's", invitedMark: " (invited)", noneYet: "—",
  },
};

const KEY = "talentgraph.key";
const PAGE = 20;
const state = { lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh", viewer: null, fields: [] };
const lists = {};

function t(key, ...args) { const value = TEXT[state.lang][key]; return typeof value === "function" ? value(...args) : value; }
function label(pair) { return pair ? pair[state.lang] : ""; }
function $(selector, root = document) { return root.querySelector(selector); }
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "onclick") node.addEventListener("click", value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}
function today() { return new Date().toISOString().slice(0, 10); }

// ---- the API ------------------------------------------------------------------------------------------

class Unauthorized extends Error {}

async function gql(query, variables = {}) {
  const key = sessionStorage.getItem(KEY);
  const headers = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  if (response.status === 401) throw new Unauthorized();
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

const OUTCOME = "__typename ... on UserError { field message messageZh }";

// ---- messages: a status line, and typed errors next to their field, kept to be redrawn in the other language

function status(message, kind = "") {
  const line = $("#status");
  line.textContent = message;
  line.className = kind;
}

function clearErrors(form) {
  for (const slot of form.querySelectorAll(".error")) { slot.textContent = ""; delete slot.dataset.zh; delete slot.dataset.en; }
  for (const field of form.querySelectorAll(".field.invalid")) field.classList.remove("invalid");
}

function putError(slot, error) {
  slot.dataset.zh = error.messageZh || error.message;
  slot.dataset.en = error.message;
  slot.textContent = slot.dataset[state.lang];
}

// The slot for an error's field: the field's own (`leader`, `members.2` → `members`), else the form's.
function showError(form, error) {
  const names = error.field ? [error.field, error.field.split(/[.[]/)[0]] : [];
  for (const name of names) {
    const field = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (field) {
      field.classList.add("invalid");
      putError(field.querySelector(".error"), error);
      return;
    }
  }
  putError(form.querySelector(".form-error"), error);
}

// Run a mutation for a form: its typed error is shown beside its field; a success returns the result.
async function submit(form, query, variables, resultName) {
  clearErrors(form);
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const result = (await gql(query, variables))[resultName];
    if ("message" in result) {
      showError(form, result);
      return null;
    }
    return result;
  } catch (error) {
    if (error instanceof Unauthorized) return signOut(t("badKey"));
    putError(form.querySelector(".form-error"), { message: t("failed") + error.message, messageZh: t("failed") + error.message });
    return null;
  } finally {
    if (button) button.disabled = false;
  }
}

// ---- paged lists --------------------------------------------------------------------------------------

// A list drawn as a table, a page at a time, with previous/next by cursor (the API's Relay connections).
function pagedList(id, { query, variables, connection, columns }) {
  const list = { cursors: [null], page: 0, async load() {
    const root = document.getElementById(id);
    try {
      const data = await gql(query, { ...variables(), first: PAGE, after: list.cursors[list.page] });
      list.data = connection(data);
    } catch (error) {
      if (error instanceof Unauthorized) return signOut(t("badKey"));
      root.replaceChildren(el("p", { class: "error" }, t("failed") + error.message));
      return;
    }
    list.draw();
  }, draw() {
    const root = document.getElementById(id);
    if (!list.data) return;
    const { nodes, totalCount, pageInfo } = list.data;
    const head = el("tr", {}, ...columns.map(([title]) => el("th", {}, t(title))));
    const rows = nodes.map((node) => el("tr", { "data-id": node.id }, ...columns.map(([, cell]) => el("td", {}, cell(node)))));
    const table = nodes.length ? el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)) : el("p", { class: "note" }, t("empty"));
    const pager = el("div", { class: "pager" }, el("span", { class: "count" }, t("total", totalCount)),
      el("button", { type: "button", class: "previous", disabled: list.page === 0,
                     onclick: () => { list.page -= 1; list.load(); } }, t("previous")),
      el("button", { type: "button", class: "next", disabled: !pageInfo.hasNextPage,
                     onclick: () => { list.cursors[list.page + 1] = pageInfo.endCursor; list.page += 1; list.load(); } }, t("next")));
    root.replaceChildren(...(totalCount ? [table, pager] : [table]));
  }, reload() { list.cursors = [null]; list.page = 0; return list.load(); } };
  lists[id] = list;
  return list;
}

function action(name, handler, extra = {}) {
  return el("button", { type: "button", class: `action ${extra.class || ""}`, "data-action": name, onclick: handler }, t(extra.text || name));
}
function cellOf(...children) { return el("span", { class: "cell" }, ...children); }

// ---- the institution's lists and editors ---------------------------------------------------------------

const mine = () => ({ institution: state.viewer.institution.id });

const PEOPLE = `query($institution: ID!, $first: Int, $after: String) {
  people(where: { institutionId: $institution }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name pinyin email phone titles { name levelLabel { zh en } seriesLabel { zh en } grantedOn } }
  } }`;
const TEAMS = `query($where: TeamsWhere, $first: Int, $after: String) {
  teams(where: $where, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name status statusLabel { zh en } originLabel { zh en } reviewComment recognizedOn
            institution { name } leader { id name } members { invited role person { id name } } }
  } }`;
const PLATFORMS = `query($institution: ID!, $first: Int, $after: String) {
  platforms(where: { institutionId: $institution }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name kindLabel { zh en } levelLabel { zh en } establishedOn }
  } }`;
const VISITS = `query($institution: ID!, $first: Int, $after: String) {
  visits(where: { institutionId: $institution }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id arrivedOn departedOn program purpose expert { id name nationality } }
  } }`;

function titles(person) {
  return cellOf(...person.titles.map((title) => el("span", { class: "tag" }, `${label(title.seriesLabel)} · ${label(title.levelLabel)}`)));
}
function members(team) {
  return cellOf(...team.members.filter((m) => m.role !== "LEADER")
    .map((m) => el("span", { class: "tag" }, m.person.name + (m.invited ? t("invitedMark") : ""))));
}

function openEditor(form, subject, values) {
  clearErrors(form);
  form.reset();
  for (const [name, value] of Object.entries(values)) form.elements[name].value = value ?? "";
  $(".subject", form).textContent = subject;
  form.hidden = false;
  form.scrollIntoView({ block: "nearest" });
  form.querySelector("input:not([type=hidden])").focus();
}
function closeEditor(form) { form.hidden = true; clearErrors(form); }

function openWithdraw(kind, node, subject) {
  const form = $("#withdraw-form");
  const panel = document.querySelector(".panel:not([hidden])");
  panel.append(form);
  openEditor(form, subject, { kind, id: node.id, on: today() });
}

function institutionLists() {
  pagedList("people-list", { query: PEOPLE, variables: mine, connection: (d) => d.people, columns: [
    ["name", (p) => p.name], ["pinyin", (p) => p.pinyin], ["titlesCol", titles],
    ["email", (p) => p.email || t("noneYet")], ["phone", (p) => p.phone || t("noneYet")],
    ["actions", (p) => cellOf(
      action("edit", () => openEditor($("#person-form"), p.name, { id: p.id, email: p.email, phone: p.phone })),
      action("leave", () => openEditor($("#leave-form"), p.name, { personId: p.id, on: today() })),
      action("withdraw", () => openWithdraw("PERSON", p, p.name), { class: "danger", text: "withdrawShort" }))],
  ] });
  pagedList("teams-list", { query: TEAMS, variables: () => ({ where: { institutionId: state.viewer.institution.id } }),
    connection: (d) => d.teams, columns: [
      ["teamName", (x) => x.name], ["status", (x) => el("span", { class: `badge ${x.status.toLowerCase()}` }, label(x.statusLabel))],
      ["leaderCol", (x) => (x.leader ? x.leader.name : t("noneYet"))], ["membersCol", members],
      ["comment", (x) => x.reviewComment || ""],
      ["actions", (x) => action("withdraw", () => openWithdraw("TEAM", x, x.name), { class: "danger", text: "withdrawShort" })],
    ] });
  pagedList("platforms-list", { query: PLATFORMS, variables: mine, connection: (d) => d.platforms, columns: [
    ["name", (x) => x.name], ["kind", (x) => label(x.kindLabel)], ["levelCol", (x) => label(x.levelLabel)],
    ["established", (x) => x.establishedOn || t("noneYet")],
    ["actions", (x) => action("withdraw", () => openWithdraw("PLATFORM", x, x.name), { class: "danger", text: "withdrawShort" })],
  ] });
  pagedList("visits-list", { query: VISITS, variables: mine, connection: (d) => d.visits, columns: [
    ["expert", (v) => `${v.expert.name} (${v.expert.id})`], ["nationality", (v) => v.expert.nationality || ""],
    ["dates", (v) => `${v.arrivedOn} – ${v.departedOn || ""}`], ["program", (v) => v.program || ""],
    ["purpose", (v) => v.purpose || ""],
    ["actions", (v) => cellOf(
      action("edit", () => openEditor($("#visit-edit"), v.expert.name, { id: v.id, arrivedOn: v.arrivedOn, departedOn: v.departedOn })),
      action("withdraw", () => openWithdraw("VISIT", v, `${v.expert.name} ${v.arrivedOn}`), { class: "danger", text: "withdrawShort" }))],
  ] });
}

// Every person of the institution, for the team form's leader and members (paged through, up to a limit).
async function loadStaff() {
  const staff = [];
  let after = null;
  do {
    const page = (await gql(`query($institution: ID!, $after: String) {
      people(where: { institutionId: $institution }, first: 500, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name } } }`,
    { institution: state.viewer.institution.id, after })).people;
    staff.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && staff.length < 5000);
  const form = $("#team-form");
  const option = (p) => el("option", { value: p.id }, `${p.name} (${p.id})`);
  form.elements.leader.replaceChildren(...staff.map(option));
  form.elements.members.replaceChildren(...staff.map(option));
}

async function loadFields() {
  const data = await gql(`{ fields { code label { zh en } children { code label { zh en } } } }`);
  state.fields = data.fields;
  drawFieldOptions();
}
// Each root field, then its sub-fields indented under it; the choice made so far survives a redraw.
function drawFieldOptions() {
  for (const select of document.querySelectorAll("select[name=fields]")) {
    const chosen = new Set([...select.selectedOptions].map((o) => o.value).concat(select.dataset.chosen ? select.dataset.chosen.split(",") : []));
    delete select.dataset.chosen;
    const option = (field, prefix) => {
      const node = el("option", { value: field.code, class: prefix ? null : "root" }, prefix + label(field.label));
      node.selected = chosen.has(field.code);
      return node;
    };
    select.replaceChildren(...state.fields.flatMap((root) => [option(root, ""), ...root.children.map((child) => option(child, "\u3000· "))]));
  }
}

async function loadOwn() {
  const data = await gql(`query($id: ID!) { institution(id: $id) { id name creditCode fields { code } } }`, { id: state.viewer.institution.id });
  const form = $("#institution-form");
  form.elements.name.value = data.institution.name;
  form.elements.creditCode.value = data.institution.creditCode || "";
  form.elements.fields.dataset.chosen = data.institution.fields.map((f) => f.code).join(",");
  drawFieldOptions();
}

function chosen(select) { return [...select.selectedOptions].map((o) => o.value); }
function orNull(value) { return value === "" ? null : value; }

function wireInstitutionForms() {
  $("#person-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const done = await submit(form, `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ${OUTCOME} } }`,
      { id: form.elements.id.value, input: { email: form.elements.email.value, phone: form.elements.phone.value } }, "updatePerson");
    if (done) { closeEditor(form); status(t("saved"), "ok"); lists["people-list"].load(); }
  });
  $("#leave-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const done = await submit(form, `mutation($input: EndEmploymentInput!) { endEmployment(input: $input) { ${OUTCOME} } }`,
      { input: { personId: form.elements.personId.value, on: form.elements.on.value } }, "endEmployment");
    if (done) { closeEditor(form); status(t("ended"), "ok"); lists["people-list"].load(); loadStaff(); }
  });
  $("#team-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const leader = form.elements.leader.value;
    const invited = form.elements.invited.value.split(/[,,\s]+/).filter(Boolean);
    const input = {
      name: form.elements.name.value, origin: form.elements.origin.value, level: orNull(form.elements.level.value),
      fields: chosen(form.elements.fields), leader: { personId: leader, role: "LEADER" },
      members: chosen(form.elements.members).filter((id) => id !== leader).map((personId) => ({ personId, role: "MEMBER" }))
        .concat(invited.map((personId) => ({ personId, role: "MEMBER", invited: true }))),
    };
    const done = await submit(form, `mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { ${OUTCOME} } }`, { input }, "registerTeam");
    if (done) { form.reset(); status(t("registered"), "ok"); lists["teams-list"].reload(); }
  });
  $("#visit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const input = { expertId: form.elements.expertId.value.trim(), arrivedOn: form.elements.arrivedOn.value,
                    departedOn: orNull(form.elements.departedOn.value), program: orNull(form.elements.program.value),
                    purpose: orNull(form.elements.purpose.value) };
    const done = await submit(form, `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { ${OUTCOME} } }`, { input }, "recordVisit");
    if (done) { form.reset(); status(t("recorded"), "ok"); lists["visits-list"].reload(); }
  });
  $("#visit-edit").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const input = { arrivedOn: form.elements.arrivedOn.value, departedOn: orNull(form.elements.departedOn.value) };
    const done = await submit(form, `mutation($id: ID!, $input: UpdateVisitInput!) { updateVisit(id: $id, input: $input) { ${OUTCOME} } }`,
      { id: form.elements.id.value, input }, "updateVisit");
    if (done) { closeEditor(form); status(t("saved"), "ok"); lists["visits-list"].load(); }
  });
  $("#institution-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const input = { name: form.elements.name.value, creditCode: orNull(form.elements.creditCode.value.trim()), fields: chosen(form.elements.fields) };
    const done = await submit(form, `mutation($id: ID!, $input: UpdateInstitutionInput!) {
      updateInstitution(id: $id, input: $input) { ${OUTCOME} ... on InstitutionUpdated { institution { name } } } }`,
    { id: state.viewer.institution.id, input }, "updateInstitution");
    if (done) { state.viewer.institution.name = done.institution.name; showWho(); status(t("saved"), "ok"); }
  });
  $("#project-find").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    const id = form.elements.id.value.trim();
    const { project } = await gql(`query($id: ID!) { project(id: $id) { id number name year kindLabel { zh en } } }`, { id });
    const root = $("#project-found");
    if (!project) { root.replaceChildren(); showError(form, { field: "id", message: TEXT.en.notFound, messageZh: TEXT.zh.notFound }); return; }
    root.replaceChildren(el("table", {}, el("tbody", {}, el("tr", { "data-id": project.id },
      el("td", {}, project.number || project.id), el("td", {}, project.name), el("td", {}, String(project.year)),
      el("td", {}, label(project.kindLabel)),
      el("td", {}, action("withdraw", () => openWithdraw("PROJECT", project, project.name), { class: "danger", text: "withdrawShort" }))))));
  });
  $("#withdraw-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const input = { kind: form.elements.kind.value, id: form.elements.id.value, on: orNull(form.elements.on.value),
                    reason: orNull(form.elements.reason.value) };
    const done = await submit(form, `mutation($input: WithdrawRecordInput!) { withdrawRecord(input: $input) { ${OUTCOME} } }`, { input }, "withdrawRecord");
    if (done) {
      closeEditor(form);
      status(t("withdrawn"), "ok");
      for (const list of Object.values(lists)) list.load();
      if (input.kind === "PROJECT") $("#project-found").replaceChildren();
    }
  });
  for (const button of document.querySelectorAll("form .cancel")) button.addEventListener("click", () => closeEditor(button.closest("form")));
}

// ---- the bureau: review and recognition ------------------------------------------------------------------

function reviewCell(team) {
  const form = el("form", { class: "review" },
    el("label", { class: "field", "data-field": "comment" }, el("span", {}, t("commentLabel")),
      el("input", { type: "text", name: "comment" }), el("span", { class: "error", role: "alert" })),
    el("p", { class: "form-error error", role: "alert" }),
    el("div", { class: "buttons" }, action("approve", () => review(form, team, "APPROVE")),
      action("reject", () => review(form, team, "REJECT"), { class: "danger" })));
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}
async function review(form, team, decision) {
  const comment = orNull(form.elements.comment.value.trim());
  const done = await submit(form, `mutation($id: ID!, $decision: ReviewDecision!, $comment: String) {
    reviewTeam(id: $id, decision: $decision, comment: $comment) { ${OUTCOME} } }`, { id: team.id, decision, comment }, "reviewTeam");
  if (done) { status(t("reviewed"), "ok"); lists["submitted-list"].reload(); lists["approved-list"].reload(); }
}
function recognizeCell(team) {
  const form = el("form", { class: "review" },
    el("label", { class: "field", "data-field": "on" }, el("span", {}, t("recognizeOn")),
      el("input", { type: "date", name: "on", value: today() }), el("span", { class: "error", role: "alert" })),
    el("p", { class: "form-error error", role: "alert" }),
    el("div", { class: "buttons" }, el("button", { type: "submit", "data-action": "recognize" }, t("recognize"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const done = await submit(form, `mutation($id: ID!, $on: Date) { recognizeTeam(id: $id, on: $on) { ${OUTCOME} } }`,
      { id: team.id, on: orNull(form.elements.on.value) }, "recognizeTeam");
    if (done) { status(t("recognizedDone"), "ok"); lists["approved-list"].reload(); }
  });
  return form;
}

function bureauLists() {
  const common = [["teamName", (x) => x.name], ["institution", (x) => x.institution.name],
                  ["leaderCol", (x) => (x.leader ? x.leader.name : t("noneYet"))], ["membersCol", members],
                  ["origin", (x) => label(x.originLabel)]];
  pagedList("submitted-list", { query: TEAMS, variables: () => ({ where: { status: "SUBMITTED" } }), connection: (d) => d.teams,
    columns: [...common, ["actions", reviewCell]] });
  pagedList("approved-list", { query: TEAMS, variables: () => ({ where: { status: "APPROVED" } }), connection: (d) => d.teams,
    columns: [...common, ["comment", (x) => x.reviewComment || ""], ["actions", recognizeCell]] });
}

// ---- uploads: the file goes to POST /upload/{kind} with the Bearer key, and the job is followed to its end --

const ENDED = ["succeeded", "refused", "failed"];
const upload = { job: null, timer: null };

function authorization() {
  const key = sessionStorage.getItem(KEY);
  return key ? { authorization: `Bearer ${key}` } : {};
}

// A JSON answer of the upload routes; their refusals are `{error}` with an HTTP status.
async function uploadRequest(url, options = {}) {
  const response = await fetch(url, { ...options, headers: { ...authorization(), ...(options.headers || {}) } });
  if (response.status === 401) throw new Unauthorized();
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// The kinds a key may send: an institution's own records; the administrator also institutions and projects.
function uploadKinds() {
  const admin = state.viewer && state.viewer.role === "ADMIN";
  for (const option of $("#upload-form").elements.kind.options) option.hidden = option.disabled = option.hasAttribute("data-admin") && !admin;
  const select = $("#upload-form").elements.kind;
  if (select.selectedOptions[0] && select.selectedOptions[0].disabled) select.value = "people";
}

function resetUpload() {
  clearTimeout(upload.timer);
  upload.job = null;
  upload.timer = null;
  $("#upload-job").hidden = true;
  $("#upload-form button[type=submit]").disabled = false;
}

async function sendUpload(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const file = form.elements.file.files[0];
  if (!file) { showError(form, { field: "file", message: TEXT.en.chooseFile, messageZh: TEXT.zh.chooseFile }); return; }
  resetUpload();
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  const query = form.elements.skipInvalid.checked ? "?skipInvalid=true" : "";
  // A browser gives a .csv no type on some systems: say what it is, as the endpoint asks a declared type.
  const type = file.type || (/\.xlsx$/i.test(file.name) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
  try {
    const accepted = await uploadRequest(`/upload/${encodeURIComponent(form.elements.kind.value)}${query}`,
      { method: "POST", body: file, headers: { "content-type": type } });
    upload.job = { id: accepted.id, url: accepted.job, status: accepted.status, progress: { done: 0, total: null }, errors: [] };
    drawJob();
    await followJob();
  } catch (error) {
    button.disabled = false;
    if (error instanceof Unauthorized) { signOut(t("badKey")); return; }
    putError(form.querySelector(".form-error"), { message: t("failed") + error.message, messageZh: TEXT.zh.failed + error.message });
  }
}

// Poll the job about once a second (the server records progress about as often) until it ends.
async function followJob() {
  const job = upload.job;
  if (!job) return;
  try {
    const seen = await uploadRequest(job.url);
    if (upload.job !== job) return;
    upload.job = { ...seen, url: job.url };
  } catch (error) {
    if (error instanceof Unauthorized) { signOut(t("badKey")); return; }
    upload.job.failure = error.message;
    upload.job.status = "failed";
  }
  drawJob();
  if (!ENDED.includes(upload.job.status)) { upload.timer = setTimeout(followJob, 1000); return; }
  $("#upload-form button[type=submit]").disabled = false;
  if (upload.job.summary && upload.job.summary.written) {
    for (const list of Object.values(lists)) list.load();
    if (state.viewer && state.viewer.role === "INSTITUTION") loadStaff();
  }
}

function jobState(job) {
  if (job.status === "succeeded" && job.summary && job.summary.refused) return t("jobSkipped");
  return t({ queued: "jobQueued", running: "jobRunning", succeeded: "jobSucceeded", refused: "jobRefused", failed: "jobFailed" }[job.status] || "jobRunning");
}

function drawJob() {
  const root = $("#upload-job");
  const job = upload.job;
  if (!job) { root.hidden = true; return; }
  root.hidden = false;
  root.dataset.status = job.status;
  root.dataset.job = job.id;
  const state_ = $(".job-state", root);
  state_.textContent = jobState(job) + (job.phase && !ENDED.includes(job.status) ? ` (${t(`phase_${job.phase}`) || job.phase})` : "");
  state_.className = `job-state ${job.status}`;
  const { done, total } = job.progress || { done: 0, total: null };
  const bar = $("progress", root);
  if (ENDED.includes(job.status)) { bar.max = 1; bar.value = 1; }
  else if (total) { bar.max = total; bar.value = done; }
  else bar.removeAttribute("value");
  $(".job-progress", root).textContent = t("rowsDone", done, total);
  const summary = job.summary;
  $(".summary", root).replaceChildren(...(summary ? [["sumRows", summary.rows], ["sumCreated", summary.created],
    ["sumUpdated", summary.updated], ["sumUnchanged", summary.unchanged], ["sumRefused", summary.refused],
    ["sumSeconds", summary.seconds === null || summary.seconds === undefined ? null : Math.round(summary.seconds * 10) / 10]].filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => el("div", {}, el("dt", {}, t(name)), el("dd", { "data-count": name }, String(value)))) : []));
  $(".file-error", root).textContent = job.fileError || job.failure || "";
  const errors = job.errors || [];
  const head = el("tr", {}, el("th", {}, t("line")), el("th", {}, t("column")), el("th", {}, t("problem")));
  // The page's language where the error has both; otherwise what it has.
  const reason = (e) => (state.lang === "zh" ? e.reasonZh || e.messageZh || e.reason || e.message : e.reason || e.message || e.reasonZh || e.messageZh) || "";
  const body = errors.map((e) => el("tr", { "data-line": e.line ?? "" }, el("td", {}, e.line === null || e.line === undefined ? "" : String(e.line)),
    el("td", {}, e.column || e.field || ""), el("td", {}, reason(e))));
  const all = summary && summary.errorCount;
  $(".refused-rows", root).replaceChildren(...(errors.length ? [el("table", {}, el("thead", {}, head), el("tbody", {}, ...body))] : []),
    ...(all && all > errors.length ? [el("p", { class: "note" }, t("moreErrors", errors.length, all))] : []));
  $(".download", root).hidden = !job.refusedRows;
}

// The refused rows come with the Bearer header (never a key in a URL) and are saved from a Blob URL.
async function downloadRefused() {
  const job = upload.job;
  if (!job || !job.refusedRows) return;
  try {
    const response = await fetch(job.refusedRows, { headers: authorization() });
    if (response.status === 401) { signOut(t("badKey")); return; }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: `refused-${job.id}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (error) {
    $(".file-error", $("#upload-job")).textContent = t("failed") + error.message;
  }
}

$("#upload-form").addEventListener("submit", sendUpload);
$("#upload-job .download").addEventListener("click", downloadRefused);

// ---- signing in and out, tabs, language ------------------------------------------------------------------

function showWho() {
  const viewer = state.viewer;
  $("#who").textContent = viewer ? t("signedInAs", viewer.role === "ADMIN" ? t("admin") : viewer.institution.name) : t("subtitle");
}

function show(view) {
  $("#signin").hidden = view !== "signin";
  $("#institution").hidden = view !== "institution";
  $("#bureau").hidden = view !== "bureau";
  $("#sign-out").hidden = view === "signin";
  document.body.dataset.view = view;
}

function signOut(message = "") {
  sessionStorage.removeItem(KEY);
  state.viewer = null;
  for (const id of Object.keys(lists)) delete lists[id];
  for (const list of document.querySelectorAll(".list")) list.replaceChildren();
  for (const form of document.querySelectorAll("form")) { form.reset(); clearErrors(form); }
  resetUpload();
  showWho();
  show("signin");
  status(message, message ? "error" : "");
  return null;
}

async function start() {
  if (!sessionStorage.getItem(KEY)) { show("signin"); document.body.dataset.ready = "true"; return; }
  status(t("loading"));
  try {
    const { viewer } = await gql("{ viewer { role institution { id name } } }");
    if (viewer.role !== "INSTITUTION" && viewer.role !== "ADMIN") { signOut(t("wrongRole")); document.body.dataset.ready = "true"; return; }
    state.viewer = viewer;
    showWho();
    if (viewer.role === "ADMIN") {
      show("bureau");
      $("#bureau-uploads").append($("#uploads"));
      uploadKinds();
      bureauLists();
      await Promise.all([lists["submitted-list"].load(), lists["approved-list"].load()]);
    } else {
      show("institution");
      $('[data-panel="uploads"]').append($("#uploads"));
      uploadKinds();
      institutionLists();
      selectTab("people");
      await Promise.all([...Object.values(lists).map((list) => list.load()), loadStaff(), loadFields().then(loadOwn)]);
    }
    status("");
  } catch (error) {
    if (error instanceof Unauthorized) signOut(t("badKey"));
    else status(t("failed") + error.message, "error");
  }
  document.body.dataset.ready = "true";
}

function selectTab(name) {
  for (const tab of document.querySelectorAll("[data-tab]")) tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll("[data-panel]")) panel.hidden = panel.dataset.panel !== name;
}

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = `${t("title")} · Talent Graph`;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("#lang").textContent = t("other");
  for (const slot of document.querySelectorAll(".error[data-zh]")) slot.textContent = slot.dataset[state.lang];
  showWho();
  if (state.fields.length) drawFieldOptions();
  for (const list of Object.values(lists)) list.draw();
  drawJob();
}

$("#signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const secret = event.target.elements.key.value.trim();
  event.target.reset();
  if (!secret) return;
  sessionStorage.setItem(KEY, secret);
  document.body.dataset.ready = "false";
  start();
});
$("#sign-out").addEventListener("click", () => signOut());
$("#lang").addEventListener("click", () => {
  state.lang = state.lang === "zh" ? "en" : "zh";
  const url = new URL(location.href);
  url.searchParams.set("lang", state.lang);
  history.replaceState(null, "", url);
  applyLanguage();
});
for (const tab of document.querySelectorAll("[data-tab]")) tab.addEventListener("click", () => selectTab(tab.dataset.tab));
wireInstitutionForms();
applyLanguage();
start();
