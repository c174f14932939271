"""Statistics as plain tables with Chinese headers: what the XLSX and CSV exports write."""

from __future__ import annotations

from dataclasses import dataclass

from graph.stats.progress import TargetProgress
from graph.stats.talent import StatsTable
from graph.taxonomy import Tree
from server.stats.labels import DIMENSION_LABELS, key_label

Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    header: str
    percent: bool = False


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def stats_table(table: StatsTable, regions: Tree, fields: Tree) -> Table:
    """One column per grouping dimension (names, in Chinese), then 人数; a last row 合计."""
    columns = tuple(Column(DIMENSION_LABELS[d].zh) for d in table.group_by) + (Column("人数"),)
    rows = [
        tuple(key_label(d, key, regions, fields).zh for d, key in zip(table.group_by, row.keys, strict=True))
        + (row.count,)
        for row in table.rows
    ]
    total = (("合计",) + ("",) * (len(table.group_by) - 1) if table.group_by else ()) + (table.total,)
    region = regions.nodes[table.region]["name"]
    return Table(
        title=f"{region}专业技术人才统计({table.as_of.isoformat()})",
        columns=columns,
        rows=(*rows, total) if table.group_by else (total,),
    )


def progress_table(progress: list[TargetProgress], region_name: str, as_of: str) -> Table:
    """One row per target: goal, value, ratio, what remains, projection, on track, then the year ends.

    For a region within the city the goal is its own (blank where it has none), and a column gives its
    share of the city's value."""
    years = sorted({y.year for p in progress for y in p.by_year})
    within_city = any(p.city_value is not None for p in progress)
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
    rows = []
    for p in progress:
        by_year = {y.year: y.value for y in p.by_year}
        rows.append(
            (
                p.target.name,
                p.goal,
                p.target.unit,
                p.target.deadline.isoformat(),
                p.value,
                p.ratio,
                p.remaining,
                None if p.projection is None else round(p.projection, 1),
                {True: "是", False: "否", None: ""}[p.on_track],
                *((p.city_value, p.city_share) if within_city else ()),
                p.reason[1] if p.reason else "",
                *(by_year.get(year) for year in years),
            )
        )
    return Table(title=f"{region_name}科技强市目标进展({as_of})", columns=columns, rows=tuple(rows))
