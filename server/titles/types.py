"""The Title type."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from server.common.enums import Label, TitleLevel, TitleSeries, label_of


@strawberry.type(description="A professional technical title held (专业技术职称), by certificate.")
class Title:
    certificate_no: str | None = strawberry.field(
        description="Null unless the caller may see the holder's whole record (docs/security.md)."
    )
    series: TitleSeries
    level: TitleLevel
    name: str
    granted_on: dt.date
    directed: bool = strawberry.field(description="A grassroots-directed title (双定向).")
    revoked_on: dt.date | None
    revoked_reason: str | None
    region_code: str | None = strawberry.field(description="Where it was granted, where recorded.")

    @strawberry.field(description="The series' name in Chinese and English.")
    def series_label(self) -> Label:
        return label_of(self.series)

    @strawberry.field(description="The level's name in Chinese and English.")
    def level_label(self) -> Label:
        return label_of(self.level)

    @strawberry.field(description="Whether it counts today: not revoked.")
    def active(self) -> bool:
        return self.revoked_on is None


def _date(value: Any) -> dt.date | None:
    return value.to_native() if value is not None and hasattr(value, "to_native") else value


def title_from(row: dict[str, Any]) -> Title:
    """A Title from a statement's map."""
    granted = _date(row["grantedOn"])
    assert granted is not None
    return Title(
        certificate_no=row.get("certificateNo"),
        series=TitleSeries[row["series"]],
        level=TitleLevel[row["level"]],
        name=row.get("name") or "",
        granted_on=granted,
        directed=bool(row.get("directed")),
        revoked_on=_date(row.get("revokedOn")),
        revoked_reason=row.get("revokedReason"),
        region_code=row.get("region"),
    )
