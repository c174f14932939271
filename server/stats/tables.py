"""Statistics as plain tables with Chinese headers: what the XLSX and CSV exports write.

Figures suppressed for the caller (graph/stats/disclosure.py) are written as SUPPRESSED, and a last
row says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.stats.disclosure import PublishedStats
from graph.stats.plans import CITY
from graph.stats.progress import TargetProgress
from graph.taxonomy import Tree
from server.stats.labels import DIMENSION_LABELS, key_label

Cell = str | int | float | None
#: What an export writes in place of a suppressed figure.
SUPPRESSED = "已隐藏"


def _note(threshold: int | None, width: int) -> tuple[str, ...]:
    """The row (of `width` cells) that explains suppressed figures."""
    note = f"注:“{SUPPRESSED}”为少于{threshold}人的数字及可据以推算出它的数字,不予公布。"
    return (note,) + ("",) * (width - 1)


@dataclass(frozen=True)
class Column:
    header: str
    percent: bool = False


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def stats_table(table: PublishedStats, regions: Tree, fields: Tree) -> Table:
    """One column per grouping dimension (names, in Chinese), then 人数; a row for the cells suppressed, if any,
    then 合计, then the note on suppression."""
    columns = tuple(Column(DIMENSION_LABELS[d].zh) for d in table.group_by) + (Column("人数"),)
    rows: list[tuple[Cell, ...]] = [
        tuple(key_label(d, key, regions, fields).zh for d, key in zip(table.group_by, row.keys, strict=True))
        + (row.count,)
        for row in table.rows
    ]

    def labelled(label: str, value: int | None) -> tuple[Cell, ...]:
        figure: Cell = SUPPRESSED if value is None else value
        return ((label,) + ("",) * (len(table.group_by) - 1) if table.group_by else ()) + (figure,)

    if table.suppression is not None and table.group_by:
        rows.append(labelled(f"其他({SUPPRESSED})", table.suppression.people))
    rows.append(labelled("合计", table.total))
    if table.suppression is not None:
        rows.append(_note(table.threshold, len(columns)))
    region = regions.nodes[table.region]["name"]
    return Table(title=f"{region}专业技术人才统计({table.as_of.isoformat()})", columns=columns, rows=tuple(rows))


def progress_table(progress: list[TargetProgress], region_name: str, as_of: str, threshold: int | None) -> Table:
    """One row per target: goal, value, ratio, what remains, projection, on track, then the year ends; a note
    row when figures are suppressed (`threshold`: the caller's).

    For a region within the city the goal is its own (blank where it has none), and a column gives its
    share of the city's value."""
    years = sorted({y.year for p in progress for y in p.by_year})
    within_city = any(p.region != CITY for p in progress)
    columns = (
        Column("目标"),
        Column("本地区目标值" if within_city else "目标值"),
        Column("单位"),
        Column("截止日期"),
        Column("当前值"),
        Column("完成率", percent=True),
        Column("尚差"),
        Column("到期预计"),
        Column("是否按期"),
        *((Column("全市数值"), Column("占全市比例", percent=True)) if within_city else ()),
        Column("说明"),
        *(Column(f"{year}年末") for year in years),
    )
    rows: list[tuple[Cell, ...]] = []
    for p in progress:
        by_year: dict[int, Cell] = {y.year: SUPPRESSED if y.suppressed else y.value for y in p.by_year}

        def shown(value: Cell, measured: bool = True, p: TargetProgress = p) -> Cell:
            """A figure, or SUPPRESSED where it is withheld (`measured`: it would have one)."""
            return SUPPRESSED if value is None and measured and p.suppressed else value

        rows.append(
            (
                p.target.name,
                p.goal,
                p.target.unit,
                p.target.deadline.isoformat(),
                shown(p.value),
                shown(p.ratio, measured=p.goal is not None),
                shown(p.remaining, measured=p.goal is not None),
                shown(None if p.projection is None else round(p.projection, 1)),
                {True: "是", False: "否", None: shown(None, measured=p.goal is not None) or ""}[p.on_track],
                *((shown(p.city_value), shown(p.city_share)) if within_city else ()),
                p.reason[1] if p.reason else "",
                *(by_year.get(year) for year in years),
            )
        )
    if any(p.suppressed for p in progress):
        rows.append(_note(threshold, len(columns)))
    return Table(title=f"{region_name}科技强市目标进展({as_of})", columns=columns, rows=tuple(rows))
