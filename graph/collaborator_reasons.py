"""Why a collaborator is suggested, in words: the paths that join them to the subject, and the facts
that made them rank (the field that matched, their title, what they work on).

Every suggestion has at least one reason: a candidate comes either from the subject's neighbourhood
(then with paths) or from the field-matched people (then with its field). Sentences name what they
speak of as it is named in the graph and never repeat its kind ("同为山楂创新团队成员", not
"同在 山楂创新团队 团队"). The table of sentences is in docs/collaborators.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from graph.collaborator_scores import ScoreParts, Weights

_KIND = {
    "Person": "PERSON",
    "Team": "TEAM",
    "Platform": "PLATFORM",
    "Project": "PROJECT",
    "Institution": "INSTITUTION",
    "Field": "FIELD",
}


@dataclass(frozen=True)
class Step:
    """One node of a reason's path, and the relationship that leads on to the next node."""

    kind: str
    id: str
    name: str
    relation: str | None
    former: bool


@dataclass(frozen=True)
class Reason:
    """Why a candidate is suggested: a path or a fact, its weight, and the sentence it reads as.

    `kind` is PATH (a path from the subject to the candidate, weighted by Adamic-Adar), or RECENCY (the
    most recent of those paths), PARTNER (the candidate's employer has worked with the subject's
    institution), FIELD, TITLE, ACTIVITY or FIELD_WORK (facts about the candidate), each weighted by the
    score part it stands for."""

    weight: float
    steps: list[Step]
    zh: str
    en: str
    kind: str = "PATH"


def steps_of(path: dict[str, Any]) -> list[Step]:
    """The path's nodes as steps, each with the relationship to the next."""
    nodes, rels = path["nodes"], path["rels"]
    return [
        Step(
            kind=next(_KIND[label] for label in node["labels"] if label in _KIND),
            id=node["id"],
            name=node["name"],
            relation=rels[n]["type"] if n < len(rels) else None,
            former=bool(rels[n]["former"]) if n < len(rels) else False,
        )
        for n, node in enumerate(nodes)
    ]


Phrase = Callable[[str, bool], tuple[str, str]]
"""What two people share, as a predicate: (context's name, whether either tie has ended) → (zh, en)."""

#: What two people share, said of both of them ("both …").
_BOTH: dict[str, Phrase] = {
    "TEAM": lambda z, former: (
        (f"曾同为{z}成员", f"both were members of team {z}")
        if former
        else (f"同为{z}成员", f"both members of team {z}")
    ),
    "PLATFORM": lambda z, former: (
        (f"曾同在{z}任职", f"both held roles at platform {z}")
        if former
        else (f"同在{z}任职", f"both hold roles at platform {z}")
    ),
    "PROJECT": lambda z, former: (f"共同参与项目“{z}”", f"both worked on project {z}"),
    "INSTITUTION": lambda z, former: (
        (f"曾在{z}共事", f"former colleagues at {z}") if former else (f"同在{z}工作", f"colleagues at {z}")
    ),
}
#: What the candidate shares with a named person of the subject's, or a person in common with another.
_WITH: dict[str, Callable[[str, bool, str], tuple[str, str]]] = {
    "TEAM": lambda z, former, who: (f"与{who}{'曾' if former else ''}同为{z}成员", f"on team {z} with {who}"),
    "PLATFORM": lambda z, former, who: (f"与{who}{'曾' if former else ''}同在{z}任职", f"at platform {z} with {who}"),
    "PROJECT": lambda z, former, who: (f"与{who}共同参与项目“{z}”", f"on project {z} with {who}"),
    "INSTITUTION": lambda z, former, who: (
        (f"与{who}曾在{z}共事", f"a former colleague of {who} at {z}")
        if former
        else (f"与{who}同在{z}工作", f"a colleague of {who} at {z}")
    ),
}
#: A context of the subject institution's own that the candidate belongs to.
_OWN = {
    "TEAM": lambda i, z: (f"是{i}{z}的成员", f"member of team {z}, based at {i}"),
    "PLATFORM": lambda i, z: (f"在{i}{z}任职", f"holds a role at platform {z}, hosted by {i}"),
    "PROJECT": lambda i, z: (f"参与{i}的项目“{z}”", f"worked on project {z} of {i}"),
}


def render(steps: list[Step], subject_kind: str) -> tuple[str, str]:
    """A path from the subject (a person, team or institution) to a candidate, as a sentence in zh and en."""
    if len(steps) == 2:
        return f"曾在{steps[0].name}工作", f"formerly worked at {steps[0].name}"
    if len(steps) == 3 and steps[0].kind == "INSTITUTION":
        return _OWN[steps[1].kind](steps[0].name, steps[1].name)
    if len(steps) == 3:
        own, context, _ = steps
        former = own.former or context.former
        if subject_kind == "person":
            return _BOTH[context.kind](context.name, former)
        return _WITH[context.kind](context.name, former, own.name)
    person, first, common, second, candidate = steps
    zh1, en1 = _WITH[first.kind](first.name, person.former or first.former, person.name)
    zh2, en2 = _WITH[second.kind](second.name, common.former or second.former, candidate.name)
    return (
        f"共同认识{common.name}：{common.name}{zh1}，{zh2}",
        f"both know {common.name}, {en1} and {en2}",
    )


def _field_step(field: dict[str, Any], relation: str | None) -> Step:
    return Step(kind="FIELD", id=field["code"], name=field["name"], relation=relation, former=False)


def field_reason(row: dict[str, Any], candidate: Step, weight: float) -> Reason | None:
    """The field that matched: one of those asked for, else its parent or child (both named)."""
    at = Step(candidate.kind, candidate.id, candidate.name, "EXPERT_IN", False)
    if row["exactFields"]:
        field = row["exactFields"][0]
        return Reason(
            weight=weight,
            steps=[at, _field_step(field, None)],
            zh=f"专业领域为{field['name']}，与所需领域一致",
            en=f"expert in {field['nameEn']}, the field sought",
            kind="FIELD",
        )
    if row["relatedFields"]:
        match = row["relatedFields"][0]
        field, asked = match["field"], match["asked"]
        steps = [at, _field_step(field, "PART_OF"), _field_step(asked, None)]
        if match["broader"]:
            zh = f"专业领域为{field['name']}，是所需领域{asked['name']}的上级领域"
            en = f"expert in {field['nameEn']}, the broader field of {asked['nameEn']}"
        else:
            zh = f"专业领域为{field['name']}，属于所需领域{asked['name']}"
            en = f"expert in {field['nameEn']}, a branch of {asked['nameEn']}"
        return Reason(weight=weight, steps=steps, zh=zh, en=en + " (the field sought)", kind="FIELD")
    return None


def _article(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def title_reason(row: dict[str, Any], weight: float) -> Reason | None:
    """The candidate's highest title, with its level."""
    if not row["titles"] or weight <= 0:
        return None
    title = row["titles"][0]
    name = title["name"] or title["level"]
    return Reason(
        weight=weight,
        steps=[],
        zh=f"具有{title['level']}职称（{name}）",
        en=f"holds {_article(title['levelEn'].lower())} title ({name})",
        kind="TITLE",
    )


def activity_reason(row: dict[str, Any], candidate: Step, weight: float) -> Reason | None:
    """The most telling of the candidate's recent work: what they lead, then their latest project."""
    works: Sequence[dict[str, Any]] = row["works"]
    if not works or weight <= 0:
        return None
    work = min(
        works,
        key=lambda w: (not w["lead"], w["kind"] != "PROJECT", -(w["year"] or 0), w["kind"], w["id"]),
    )
    name, year = work["name"], work["year"]
    if work["kind"] == "PROJECT":
        zh, en = (
            (f"{year}年主持项目“{name}”", f"led project {name} in {year}")
            if work["lead"]
            else (f"{year}年参与项目“{name}”", f"worked on project {name} in {year}")
        )
    elif work["kind"] == "TEAM":
        zh, en = (f"带领{name}", f"leads team {name}") if work["lead"] else (f"{name}成员", f"member of team {name}")
    else:
        zh, en = f"在{name}任职", f"holds a role at platform {name}"
    others = int(row["activity"]) - 1
    if others > 0:
        zh, en = f"{zh}等{others + 1}项近期工作", f"{en} (one of {others + 1} recent activities)"
    at = Step(candidate.kind, candidate.id, candidate.name, work["relation"], False)
    step = Step(kind=work["kind"], id=work["id"], name=name, relation=None, former=False)
    return Reason(weight=weight, steps=[at, step], zh=zh, en=en, kind="ACTIVITY")


def _work(kind: str, name: str, year: int | None) -> tuple[str, str]:
    """A team, platform or project as named in a sentence (a team's or platform's name says its kind)."""
    if kind == "PROJECT":
        return (
            (f"项目“{name}”（{year}年）", f"project {name} ({year})") if year else (f"项目“{name}”", f"project {name}")
        )
    return name, f"{kind.lower()} {name}"


def field_work_reason(row: dict[str, Any], candidate: Step, weight: float) -> Reason | None:
    """Work in the field sought: the latest team, platform or project focused on it the candidate was on."""
    if not row["fieldWorks"] or weight <= 0:
        return None
    work = row["fieldWorks"][0]
    zh, en = _work(work["kind"], work["name"], work["year"])
    count = int(row["fieldWorkCount"])
    zh, en = f"有本领域工作经历：{zh}", f"has worked in the field sought: {en}"
    if count > 1:
        zh, en = f"{zh}等{count}项", f"{en}, one of {count}"
    at = Step(candidate.kind, candidate.id, candidate.name, work["relation"], False)
    step = Step(kind=work["kind"], id=work["id"], name=work["name"], relation="FOCUSES_ON", former=False)
    field = row["exactFields"][0] if row["exactFields"] else None
    steps = [at, step] + ([_field_step(field, None)] if field else [])
    if not field:
        steps[-1] = replace(step, relation=None)
    return Reason(weight=weight, steps=steps, zh=zh, en=en, kind="FIELD_WORK")


def recency_reason(when: dt.date, steps: list[Step], subject_kind: str, weight: float) -> Reason:
    """The most recent work shared with the subject (a path), and its year."""
    zh, en = render(steps, subject_kind)
    return Reason(
        weight,
        steps,
        f"最近一次共同工作在{when.year}年：{zh}",
        f"most recent shared work, {when.year}: {en}",
        kind="RECENCY",
    )


def partner_reason(candidate: Step, name: str, id: str, works: int, latest: dict[str, Any], weight: float) -> Reason:
    """The candidate's employer has worked with the subject's institution: how often, and the latest work,
    as a path from the candidate through their employer and its person on that work to its host."""
    host, person = latest["host"], latest["person"]
    zh, en = _work(latest["kind"], latest["name"], latest["year"])
    zh, en = (
        f"所在单位{name}曾与{host['name']}合作{zh}",
        f"their employer {name} has worked with {host['name']} on {en}",
    )
    if works > 1:
        zh, en = f"{zh}等{works}项", f"{en} and {works - 1} more"
    relation = {"TEAM": "BASED_AT", "PLATFORM": "HOSTED_BY", "PROJECT": "RAN"}[latest["kind"]]
    work = Step(latest["kind"], latest["id"], latest["name"], relation, False)
    hosted = Step("INSTITUTION", host["id"], host["name"], None, False)
    if person["id"] == candidate.id:
        steps = [replace(candidate, relation=latest["relation"]), work, hosted]
    else:
        steps = [
            candidate,
            Step("INSTITUTION", id, name, "WORKS_AT", False),
            Step("PERSON", person["id"], person["name"], latest["relation"], False),
            work,
            hosted,
        ]
    return Reason(weight=weight, steps=steps, zh=zh, en=en, kind="PARTNER")


def fact_reasons(row: dict[str, Any], parts: ScoreParts, weights: Weights) -> list[Reason]:
    """What made a candidate rank besides paths: the field that matched, their title, their recent work,
    their work in the field.

    `row` is collaborators/facts' row of the candidate; `parts` their score parts."""
    candidate = Step(kind="PERSON", id=row["id"], name=row["name"], relation=None, former=False)
    reasons = (
        field_reason(row, candidate, parts.field_match),
        title_reason(row, parts.level),
        activity_reason(row, candidate, parts.activity),
        field_work_reason(row, candidate, parts.field_work) if weights.field_work > 0 else None,
    )
    return [reason for reason in reasons if reason is not None]
