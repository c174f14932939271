"""Plans and their targets as data: read them, change a goal, add the next plan (admins only, in server/).

A target's fields are declared once, here: `TargetDraft` holds what an admin writes for a new plan,
`Target` adds what the plan and the registry give it. Each field is stored under its camelCase name
(cypher/stats/add_plan.cypher, cypher/reference/targets.cypher from graph/reference/targets.csv) and
served as is (server/stats/types.py, server/stats/mutations/add_plan.py): a new field needs only its
declaration here, its column in the CSV, and its check in `_check_plan` if it has one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction, date_of
from graph.errors import Conflict, InvalidInput, NotFound
from graph.reference_data import camel

_PLAN_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{2,60}$")

#: The region a plan's goals are set for: Chengde. Its counties, districts and zones lie within it.
CITY = "130800"


@dataclass(kw_only=True)
class TargetDraft:
    """A target as an admin writes it for a new plan: `code` says how it is counted (graph/stats/progress.py)."""

    code: str
    name: str
    name_en: str
    goal: float
    unit: str
    unit_en: str
    deadline: dt.date | None = None
    """Default: the plan's deadline."""
    counts: str | None = None
    """What it counts, in words."""
    source: str | None = None
    """Where in the plan it comes from."""


@dataclass(kw_only=True)
class Target(TargetDraft):
    """A target of a plan, as stored."""

    plan: str
    starts_on: dt.date
    deadline: dt.date
    goal_set_by: str | None = None
    """Who changed the shipped goal, if anyone."""


@dataclass(frozen=True)
class Plan:
    code: str
    name: str | None
    name_en: str | None
    starts_on: dt.date
    deadline: dt.date
    targets: tuple[Target, ...]

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.deadline


_TARGET_FIELDS = tuple(dataclasses.fields(Target))


def _target_from(row: dict[str, Any]) -> Target:
    """A Target from a Target node's properties."""
    values: dict[str, Any] = {f.name: date_of(row.get(camel(f.name))) for f in _TARGET_FIELDS}
    values.update(
        name_en=values["name_en"] or values["name"],
        unit=values["unit"] or "",
        unit_en=values["unit_en"] or "",
        goal=float(values["goal"]),
    )
    return Target(**values)


async def list_plans(db: Database) -> list[Plan]:
    """Every plan with its targets, earliest first."""
    return [
        Plan(
            code=row["code"],
            name=row["name"],
            name_en=row["nameEn"],
            starts_on=row["startsOn"].to_native(),
            deadline=row["deadline"].to_native(),
            targets=tuple(_target_from(t) for t in row["targets"]),
        )
        for row in await db.read("stats/plans")
    ]


def plan_for(plans: list[Plan], code: str | None, as_of: dt.date) -> Plan:
    """The plan named `code`; else the one whose period holds `as_of`, else the latest begun by then."""
    if code is not None:
        for plan in plans:
            if plan.code == code:
                return plan
        raise NotFound("plan", code, "plan")
    if not plans:
        raise NotFound("plan", "(any)", "plan")
    covering = [plan for plan in plans if plan.covers(as_of)]
    begun = [plan for plan in plans if plan.starts_on <= as_of]
    return (covering or begun or plans)[-1]


def check_goal(goal: float, field_name: str) -> float:
    if not math.isfinite(goal) or goal <= 0:
        raise InvalidInput("A goal is a positive number.", "目标值须为正数", field_name)
    return goal


def decided_by(caller: Caller) -> str:
    """What a changed goal records as who decided it: the key's id, else the role."""
    return caller.key_id or caller.role.value


async def set_target_goal(db: Database, plan: str, code: str, goal: float, caller: Caller) -> None:
    """Change one target's goal (audited); NotFound when the plan has no such target."""
    check_goal(goal, "goal")

    async def work(tx: Transaction) -> tuple[None, list[str]]:
        if not await tx.run("stats/set_target_goal", plan=plan, code=code, goal=goal, setBy=decided_by(caller)):
            raise NotFound("target", f"{plan}/{code}", "code")
        return None, [f"{plan}/{code}"]

    await audited(db, caller, "setTargetGoal", work)


@dataclass
class PlanDraft:
    code: str
    name: str
    name_en: str | None
    starts_on: dt.date
    deadline: dt.date
    targets: list[TargetDraft] = field(default_factory=list)


def _check_plan(draft: PlanDraft, measurable: set[str]) -> list[dict[str, Any]]:
    if not _PLAN_CODE.match(draft.code):
        raise InvalidInput(
            "A plan code is 3 to 61 lower-case letters, digits or '-'.", "规划代码应为3至61位小写字母、数字或 -", "code"
        )
    if not draft.name.strip():
        raise InvalidInput("A plan needs a name.", "规划名称不能为空", "name")
    if draft.deadline <= draft.starts_on:
        raise InvalidInput("The deadline must come after startsOn.", "截止日期须晚于开始日期", "deadline")
    if not draft.targets:
        raise InvalidInput("A plan needs at least one target.", "规划至少需要一个目标", "targets")
    rows, seen = [], set()
    for position, target in enumerate(draft.targets):
        where = f"targets[{position}]"
        target = dataclasses.replace(target, code=target.code.strip())
        if target.code not in measurable:
            raise InvalidInput(
                f"No way to count a target {target.code!r}; known: {', '.join(sorted(measurable))}.",
                f"无法统计目标{target.code},可用:{'、'.join(sorted(measurable))}",
                f"{where}.code",
            )
        if target.code in seen:
            raise InvalidInput(f"Target {target.code} is listed twice.", f"目标{target.code}重复", f"{where}.code")
        seen.add(target.code)
        if not target.name.strip() or not target.unit.strip():
            raise InvalidInput("A target needs a name and a unit.", "目标需要名称和单位", f"{where}.name")
        deadline = target.deadline or draft.deadline
        if not draft.starts_on < deadline <= draft.deadline:
            raise InvalidInput(
                "A target's deadline lies within its plan.", "目标截止日期须在规划期内", f"{where}.deadline"
            )
        checked = dataclasses.replace(
            target,
            name=target.name.strip(),
            name_en=target.name_en.strip(),
            goal=check_goal(target.goal, f"{where}.goal"),
            unit=target.unit.strip(),
            unit_en=target.unit_en.strip(),
            deadline=deadline,
        )
        stored = {camel(f.name): getattr(checked, f.name) for f in dataclasses.fields(TargetDraft)}
        rows.append({**stored, "startsOn": draft.starts_on, "position": position})
    return rows


async def add_plan(db: Database, draft: PlanDraft, measurable: set[str], caller: Caller) -> None:
    """Validate and create a plan with its targets (audited), beside the plans already there."""
    targets = _check_plan(draft, measurable)
    plan = {
        "code": draft.code,
        "name": draft.name.strip(),
        "nameEn": (draft.name_en or "").strip() or None,
        "startsOn": draft.starts_on,
        "deadline": draft.deadline,
    }

    async def work(tx: Transaction) -> tuple[None, list[str]]:
        if (await tx.run("stats/plan_exists", code=draft.code))[0]["exists"]:
            raise Conflict(f"A plan {draft.code} already exists.", f"规划{draft.code}已存在", "code")
        await tx.run("stats/add_plan", plan=plan, targets=targets, setBy=decided_by(caller))
        return None, [draft.code]

    await audited(db, caller, "addPlan", work)
