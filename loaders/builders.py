"""Turn a row's parsed cells into a record, checking what one cell says against another."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graph.certifications import term_end
from graph.identity import IdNumberInfo, hash_id_number, hash_passport
from graph.indicators import allowed_outside_city
from graph.names import pinyin_of
from graph.stats.plans import CITY
from loaders.errors import InvalidValue
from loaders.records import (
    CertificationRecord,
    Gender,
    IndicatorRecord,
    InstitutionRecord,
    PersonRecord,
    PersonRef,
    PlatformRecord,
    ProjectRecord,
    Record,
    TeamRecord,
    TeamStatus,
    TitleRecord,
    VisitRecord,
)
from loaders.values import ParseContext

Problems = list[tuple[str, InvalidValue]]
"""Cross-column problems as (canonical key of the column to blame, reason)."""
Builder = Callable[[Mapping[str, Any], ParseContext, Problems], Record]


def build_person(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> PersonRecord:
    """A person holding one title; birth year and gender come from the ID number when left blank."""
    info: IdNumberInfo = c["id_number"]
    born = info.birth_date.year
    if c["birth_year"] is not None and c["birth_year"] != born:
        problems.append(
            (
                "birth_year",
                InvalidValue(
                    f"birth year {c['birth_year']} differs from the birth date in the identity number",
                    f"出生年份{c['birth_year']}与身份证号中的出生日期不一致",
                ),
            )
        )
    elif not 1920 <= born <= ctx.today.year - 16:
        problems.append(
            (
                "id_number",
                InvalidValue(
                    f"the birth year in the identity number is not from 1920 to {ctx.today.year - 16}",
                    f"身份证号中的出生年份不在1920至{ctx.today.year - 16}之间",
                ),
            )
        )
    gender = Gender.MALE if info.is_male else Gender.FEMALE
    if c["gender"] is not None and c["gender"] != gender:
        problems.append(
            (
                "gender",
                InvalidValue("the gender differs from the one in the identity number", "性别与身份证号中的性别不一致"),
            )
        )
    if not problems and c["granted_on"].year - born < 16:
        problems.append(
            (
                "granted_on",
                InvalidValue("the title was granted before its holder was 16", "职称取得时间早于持有人16周岁"),
            )
        )
    title = TitleRecord(
        certificate_no=c["certificate_no"],
        series=c["title_series"],
        level=c["title_level"],
        name=c["title_name"],
        granted_on=c["granted_on"],
        directed=bool(c["directed"]),
    )
    return PersonRecord(
        name=c["name"],
        gender=gender,
        birth_year=born,
        id_hash=hash_id_number(info.number, ctx.salt),
        institution=c["institution"],
        region=c["region"],
        fields=c["fields"] or (),
        title=title,
        email=c["email"],
        phone=c["phone"],
        consent=bool(c["consent"]),
        pinyin=pinyin_of(c["name"]),
    )


def build_institution(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> InstitutionRecord:
    """An institution; only enterprises can be flagged high-tech or tech SME."""
    for flag, en, zh in (
        ("high_tech", "high-tech", "高新技术企业"),
        ("tech_sme", "tech SMEs", "科技型中小企业"),
    ):
        if c[flag] and c["type"] != "ENTERPRISE":
            problems.append((flag, InvalidValue(f"only enterprises can be {en}", f"只有企业才能认定为{zh}")))
    return InstitutionRecord(
        name=c["name"],
        credit_code=c["credit_code"],
        type=c["type"],
        region=c["region"],
        high_tech=bool(c["high_tech"]),
        tech_sme=bool(c["tech_sme"]),
        fields=c["fields"] or (),
    )


def build_team(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> TeamRecord:
    """A team; a recognition date goes with the RECOGNIZED status, which it implies when none is given."""
    status = c["status"] or (TeamStatus.RECOGNIZED if c["recognized_on"] else TeamStatus.SUBMITTED)
    if status == TeamStatus.RECOGNIZED and c["recognized_on"] is None:
        problems.append(
            (
                "recognized_on",
                InvalidValue("a recognized team needs its recognition date", "已认定的团队须填写认定日期"),
            )
        )
    if status != TeamStatus.RECOGNIZED and c["recognized_on"] is not None:
        problems.append(
            (
                "recognized_on",
                InvalidValue("only a recognized team has a recognition date", "只有已认定的团队才有认定日期"),
            )
        )
    leader_id: IdNumberInfo | None = c["leader_id_number"]
    leader = PersonRef(c["leader"], hash_id_number(leader_id.number, ctx.salt) if leader_id else None)
    members = tuple(m for m in c["members"] or () if not _same_person(m, leader))
    return TeamRecord(
        team_id=c["team_id"],
        name=c["name"],
        institution=c["institution"],
        fields=c["fields"],
        leader=leader,
        members=members,
        origin=c["origin"],
        level=c["level"],
        status=status,
        recognized_on=c["recognized_on"],
    )


def _same_person(a: PersonRef, b: PersonRef) -> bool:
    """Same name, and no ID hashes that tell them apart."""
    return a.name == b.name and (a.id_hash is None or b.id_hash is None or a.id_hash == b.id_hash)


def build_visit(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> VisitRecord:
    """A foreign expert's visit; the passport (issued by the nationality's country unless a column says otherwise)
    and any identity or residence-card number are kept only as salted hashes."""
    if c["departed_on"] is not None and c["departed_on"] < c["arrived_on"]:
        problems.append(("departed_on", InvalidValue("the departure is before the arrival", "离开日期早于来访日期")))
    return VisitRecord(
        visit_id=c["visit_id"],
        expert_name=c["expert_name"],
        expert_hash=hash_passport(c["passport_country"] or c["nationality"], c["passport_no"], ctx.salt),
        expert_id_hash=hash_id_number(c["id_number"], ctx.salt) if c["id_number"] else None,
        nationality=c["nationality"],
        gender=c["gender"],
        high_end=bool(c["high_end"]),
        host=c["host_institution"],
        arrived_on=c["arrived_on"],
        departed_on=c["departed_on"],
        program=c["program"],
        purpose=c["purpose"],
        fields=c["fields"] or (),
    )


def build_project(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> ProjectRecord:
    """A project with the institution that ran it, its partners and its participants."""
    return ProjectRecord(
        project_id=c["project_id"],
        name=c["name"],
        kind=c["kind"],
        year=c["year"],
        institution=c["institution"],
        partners=tuple(p for p in c["partners"] or () if p != c["institution"]),
        participants=c["participants"] or (),
        fields=c["fields"] or (),
    )


def build_platform(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> PlatformRecord:
    """An R&D platform and its host institution."""
    return PlatformRecord(
        platform_id=c["platform_id"],
        name=c["name"],
        kind=c["kind"],
        level=c["level"],
        institution=c["institution"],
        fields=c["fields"] or (),
        established_on=c["established_on"],
    )


def build_certification(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> CertificationRecord:
    """A certification; its validity by default the status's term (graph/certifications.py), never before its date."""
    valid_until = c["valid_until"] or term_end(c["status"], c["certified_on"])
    if valid_until < c["certified_on"]:
        problems.append(
            (
                "valid_until",
                InvalidValue("the validity ends before the certificate's date", "有效期截止日期早于认定日期"),
            )
        )
    return CertificationRecord(
        institution=c["institution"],
        status=c["status"],
        certified_on=c["certified_on"],
        valid_until=valid_until,
        certificate_no=c["certificate_no"],
    )


def build_indicator(c: Mapping[str, Any], ctx: ParseContext, problems: Problems) -> IndicatorRecord:
    """A reported figure: for the city or a region within it, of a year not after the day it was reported."""
    within = c["region"] == CITY or c["region"] in {r.code for r in ctx.reference.chengde_regions()}
    if not within and not allowed_outside_city(c["indicator"], c["region"]):
        problems.append(
            ("region", InvalidValue("the region is outside the plan's city (承德)", "地区不在承德市范围内"))
        )
    if c["year"] > c["reported_on"].year:
        problems.append(("year", InvalidValue("the year comes after the day it was reported", "年度晚于报送日期")))
    return IndicatorRecord(
        indicator=c["indicator"],
        region=c["region"],
        year=c["year"],
        amount=c["amount"],
        source=c["source"],
        reported_on=c["reported_on"],
    )


BUILDERS: dict[str, Builder] = {
    "people": build_person,
    "institutions": build_institution,
    "teams": build_team,
    "visits": build_visit,
    "projects": build_project,
    "platforms": build_platform,
    "certifications": build_certification,
    "indicators": build_indicator,
}
