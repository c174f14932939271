"""Indicator figures other offices report per year and region (R&D expenditure, technology contract value).

Amounts are whole yuan, kept exact as 64-bit integers. A figure is reported on a day by a source; a later report
for the same indicator, region and year is a correction and supersedes the earlier one from its own day, which
stays as history: progress as of a day reads the figures as they were known then (graph/stats/progress.py).
Figures are for the city or a region within it; R&D intensity also for the province, which the city's is
compared with (the plan's "reaching the provincial average").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction, date_of
from graph.errors import Conflict, InvalidInput, NotFound
from graph.stats.plans import CITY
from graph.vocabulary import Indicator, codes

#: The province of the plan's city, whose figures of these indicators the city's are compared with.
PROVINCE = "130000"
COMPARED_WITH_PROVINCE = frozenset({Indicator.RD_INTENSITY})

#: The unit of each indicator's amounts.
UNITS: dict[str, tuple[str, str]] = {
    Indicator.RD_EXPENDITURE: ("元", "yuan"),
    Indicator.TECH_CONTRACT_VALUE: ("元", "yuan"),
    Indicator.RD_INTENSITY: ("‱", "basis points of GDP"),
}

#: The largest amount kept: exact in Neo4j (64-bit integers) and in every JSON client (2^53 - 1).
MAX_AMOUNT = 2**53 - 1


@dataclass(frozen=True, kw_only=True)
class FigureDraft:
    indicator: str
    region: str
    year: int
    amount: int
    source: str
    reported_on: dt.date


@dataclass(frozen=True, kw_only=True)
class Figure:
    indicator: str
    region: str
    year: int
    amount: int
    source: str
    reported_on: dt.date


def check_figure(draft: FigureDraft, today: dt.date) -> dict[str, object]:
    """The row to store for a draft; InvalidInput naming the field for a bad indicator, amount, year or day."""
    if draft.indicator not in codes(Indicator):
        raise InvalidInput(
            f"Unknown indicator {draft.indicator!r}; known: {', '.join(sorted(codes(Indicator)))}.",
            f"未知的指标:{draft.indicator}",
            "indicator",
        )
    if not 0 <= draft.amount <= MAX_AMOUNT:
        raise InvalidInput(
            f"An amount is a whole number from 0 to {MAX_AMOUNT}.", f"金额须为0至{MAX_AMOUNT}的整数", "amount"
        )
    if draft.reported_on > today:
        raise InvalidInput(
            f"A figure cannot be reported in the future ({draft.reported_on}).",
            f"报送日期不能晚于今天({draft.reported_on})",
            "reportedOn",
        )
    if not 1990 <= draft.year <= draft.reported_on.year:
        raise InvalidInput(
            "The year lies between 1990 and the year it was reported.", "年度须在1990年至报送年份之间", "year"
        )
    if not draft.source.strip():
        raise InvalidInput("A figure needs its source (the office that reported it).", "须填写数据来源", "source")
    return {
        "indicator": draft.indicator,
        "region": draft.region.strip(),
        "year": draft.year,
        "amount": draft.amount,
        "source": draft.source.strip(),
        "reportedOn": draft.reported_on,
    }


def allowed_outside_city(indicator: str, region: str) -> bool:
    """Whether a figure of `indicator` may be for `region` outside the city: the province, for comparison."""
    return indicator in COMPARED_WITH_PROVINCE and region == PROVINCE


async def check_regions(tx: Transaction, rows: list[dict[str, object]]) -> None:
    """NotFound for a region that does not exist, InvalidInput for one outside the city (but the province's
    figures of the indicators compared with it)."""
    outside = {
        str(row["region"]) for row in rows if not allowed_outside_city(str(row["indicator"]), str(row["region"]))
    }
    regions = sorted({str(row["region"]) for row in rows})
    for found in await tx.run("indicators/regions_check", regions=regions, city=CITY):
        if not found["exists"]:
            raise NotFound("region", found["code"], "region")
        if not found["withinCity"] and found["code"] in outside:
            raise InvalidInput(
                f"Region {found['code']} is outside the plan's city ({CITY}).",
                f"地区{found['code']}不在本市({CITY})范围内",
                "region",
            )


def _figure(row: dict[str, object]) -> Figure:
    return Figure(
        indicator=str(row["indicator"]),
        region=str(row["region"]),
        year=int(row["year"]),  # type: ignore[call-overload]
        amount=int(row["amount"]),  # type: ignore[call-overload]
        source=str(row["source"]),
        reported_on=date_of(row["reportedOn"]),  # type: ignore[arg-type]
    )


async def write_figures(tx: Transaction, rows: list[dict[str, object]]) -> list[Figure]:
    """Store checked rows in `tx`; Conflict where a different figure was reported for the same day."""
    await check_regions(tx, rows)
    stored = await tx.run("indicators/report", rows=rows)
    for row in stored:
        if not row["same"]:
            raise Conflict(
                f"A different {row['indicator']} figure for {row['region']} {row['year']} was reported on "
                f"{row['reportedOn']}: a correction carries the day it was reported, later than the one it corrects.",
                f"{row['region']} {row['year']}年的该指标已有{row['reportedOn']}报送的不同数字,"
                "更正须使用更晚的报送日期",
                "reportedOn",
            )
    return [_figure(row) for row in stored]


async def report_figure(db: Database, draft: FigureDraft, caller: Caller, today: dt.date | None = None) -> list[Figure]:
    """Record a reported figure (audited); return its history, earliest report first (the last in force)."""
    row = check_figure(draft, today or dt.date.today())

    async def work(tx: Transaction) -> tuple[list[Figure], list[str]]:
        await write_figures(tx, [row])
        history = await tx.run("indicators/history", indicator=row["indicator"], region=row["region"], year=row["year"])
        return [_figure(h) for h in history], [f"{row['indicator']}/{row['region']}/{row['year']}/{row['reportedOn']}"]

    return await audited(db, caller, "reportIndicatorFigure", work)
