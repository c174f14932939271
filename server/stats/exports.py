"""Download statistics as XLSX or CSV with Chinese headers, ready to paste into a report.

GET /export/progress.xlsx|csv?asOf=2024-06-30&region=130800&plan=…
GET /export/stats.xlsx|csv?asOf=…&region=…&groupBy=REGION,TITLE_LEVEL
Aggregates only: open to every caller, like the queries they mirror. CSV is UTF-8 with a byte-order
mark, so that Excel reads the Chinese.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph.database import Database
from graph.errors import DomainError, InvalidInput, StatementTimedOut
from graph.stats.plans import list_plans, plan_for
from graph.stats.progress import progress
from graph.stats.talent import talent_stats
from graph.taxonomy import field_tree, region_tree
from server.stats.queries import CHENGDE
from server.stats.tables import Table, progress_table, stats_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _as_of(request: Request) -> dt.date:
    text = request.query_params.get("asOf")
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as error:
        raise InvalidInput(
            f"asOf {text!r} is not a date (YYYY-MM-DD).", f"统计日期格式应为YYYY-MM-DD:{text}", "asOf"
        ) from error


async def _table(db: Database, request: Request, name: str) -> Table:
    as_of, region = _as_of(request), request.query_params.get("region") or CHENGDE
    if name == "progress":
        plan = plan_for(await list_plans(db), request.query_params.get("plan"), as_of)
        targets = await progress(db, plan, region, as_of)
        return progress_table(targets, (await region_tree(db)).nodes[region]["name"], as_of.isoformat())
    group_by = [d.strip() for d in request.query_params.get("groupBy", "").split(",") if d.strip()]
    table = await talent_stats(db, as_of, region, group_by)
    return stats_table(table, await region_tree(db), await field_tree(db))


def _csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.header for column in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                "" if value is None else f"{value:.1%}" if column.percent and isinstance(value, float) else value
                for column, value in zip(table.columns, row, strict=True)
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def _xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "统计"
    sheet.append([column.header for column in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        width = max(len(str(c.value or "")) for c in sheet[letter])
        sheet.column_dimensions[letter].width = min(max(8, width * 2 + 2), 40)
        if column.percent:
            for cell in sheet[letter][1:]:
                cell.number_format = "0.0%"
    sheet.freeze_panes = "A2"
    book.properties.title = table.title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_routes(database: Callable[[], Database]) -> list[Route]:
    """The export routes, reading from the database `database()` returns (the app's, opened in its lifespan)."""

    async def export(request: Request) -> Response:
        name, kind = request.path_params["name"], request.path_params["kind"]
        if name not in ("progress", "stats") or kind not in ("xlsx", "csv"):
            return JSONResponse({"error": "Exports are progress or stats, as xlsx or csv."}, 404)
        try:
            table = await _table(database(), request, name)
        except DomainError as error:
            return JSONResponse({"error": error.message, "errorZh": error.message_zh, "field": error.field}, 400)
        except StatementTimedOut as error:
            return JSONResponse({"error": str(error)}, 503, {"Retry-After": "10"})
        body, media = (_xlsx(table), XLSX) if kind == "xlsx" else (_csv(table), "text/csv; charset=utf-8")
        filename = f"{table.title}.{kind}"
        return Response(
            body,
            media_type=media,
            headers={
                "content-disposition": f"attachment; filename=\"{name}.{kind}\"; filename*=UTF-8''{quote(filename)}"
            },
        )

    return [Route("/export/{name}.{kind}", export, methods=["GET"])]
