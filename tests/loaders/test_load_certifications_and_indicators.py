"""Loading certifications and indicator figures: samples, idempotence, all-or-nothing, and a generated city."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.stats.plans import list_plans, plan_for
from graph.stats.progress import progress
from loaders.generate import generate
from tests.loaders.test_load import SAMPLES, snapshot, talentgraph

CERTIFICATIONS = "institution,status,certified_on,valid_until,certificate_no\n"
INDICATORS = "indicator,region,year,amount,source,reported_on\n"


def test_samples_load_and_loading_them_again_changes_nothing(neo4j_connection, cypher) -> None:
    talentgraph(neo4j_connection, "load", "institutions", str(SAMPLES / "institutions.csv"), "--quiet")
    for kind in ("certifications", "indicators"):
        talentgraph(neo4j_connection, "load", kind, str(SAMPLES / f"{kind}.csv"), "--quiet")
    rows = {kind: len((SAMPLES / f"{kind}.csv").read_text(encoding="utf-8-sig").splitlines()) - 1
            for kind in ("certifications", "indicators")}  # fmt: skip
    assert cypher("MATCH (c:Certification)-[:CERTIFIES]->(:Institution) RETURN count(c) AS n") == [
        {"n": rows["certifications"]}
    ]
    assert cypher("MATCH (f:IndicatorFigure) RETURN count(f) AS n") == [{"n": rows["indicators"]}]
    # Validity from the status's term where the file gives none: a tech SME registration runs one year.
    [sme] = cypher("""MATCH (c:Certification {status: 'TECH_SME'}) RETURN c.validFrom AS start, c.validUntil AS end
                      ORDER BY c.validFrom LIMIT 1""")
    start = sme["start"].to_native()
    assert sme["end"].to_native() == dt.date(start.year + 1, start.month, start.day) - dt.timedelta(days=1)
    first = snapshot(cypher)
    for kind in ("certifications", "indicators"):
        again = talentgraph(neo4j_connection, "load", kind, str(SAMPLES / f"{kind}.csv"))
        assert "unchanged" in again.stderr
    assert snapshot(cypher) == first


def test_one_bad_row_writes_nothing_unless_skipped(neo4j_connection, cypher, tmp_path: Path) -> None:
    talentgraph(neo4j_connection, "load", "institutions", str(SAMPLES / "institutions.csv"), "--quiet")
    name = cypher("MATCH (i:Institution)-[:LOCATED_IN]->(:Region {code: '130802'}) RETURN i.name AS name LIMIT 1")
    who = name[0]["name"]
    certificates = tmp_path / "certifications.csv"
    certificates.write_text(
        CERTIFICATIONS
        + f"{who},高新技术企业,2022-03-01,,\n"
        + f"{who},科技型中小企业,2999-01-01,,\n"  # dated in the future
        + f"{who},省级科技领军企业,2023-03-01,2023-01-01,\n",  # validity ends before it starts
        encoding="utf-8",
    )
    figures = tmp_path / "indicators.csv"
    figures.write_text(
        INDICATORS
        + "技术合同交易额,承德市,2022,3000000000,市科技局,2023-03-01\n"
        + "技术合同交易额,承德市,2023,-5,市科技局,2024-03-01\n"  # a negative amount
        + "技术合同交易额,北京市,2023,5,市科技局,2024-03-01\n",  # a region outside the plan
        encoding="utf-8",
    )
    before = snapshot(cypher)
    for kind, path, lines in (("certifications", certificates, (3, 4)), ("indicators", figures, (3, 4))):
        result = talentgraph(neo4j_connection, "load", kind, str(path), "--quiet", check=False)
        assert result.returncode == 1 and "nothing was written" in result.stderr
        for line in lines:
            assert f"{path.name}:{line}" in result.stderr, result.stderr
        assert snapshot(cypher) == before
    assert (
        "valid_until" in talentgraph(neo4j_connection, "load", "certifications", str(certificates), check=False).stderr
    )
    for kind, path in (("certifications", certificates), ("indicators", figures)):
        talentgraph(neo4j_connection, "load", kind, str(path), "--skip-invalid", "--quiet")
    assert cypher("MATCH (c:Certification) RETURN c.status AS status") == [{"status": "HIGH_TECH"}]
    assert cypher("MATCH (f:IndicatorFigure) RETURN f.amount AS amount") == [{"amount": 3_000_000_000}]


def test_a_generated_city_gives_every_new_target_a_value(neo4j_connection, cypher, on_db, tmp_path: Path) -> None:
    generate(1500, 11, tmp_path)
    talentgraph(neo4j_connection, "load-all", str(tmp_path), "--quiet")
    as_of = dt.date(2025, 6, 30)

    async def read(db):
        plan = plan_for(await list_plans(db), None, as_of)
        return {p.target.code: p for p in await progress(db, plan, "130800", as_of)}

    found = on_db(read)
    for code in (
        "high-tech-enterprises",
        "tech-smes",
        "provincial-leader-enterprises",
        "technology-contract-value",
        "rd-expenditure-growth",
    ):
        assert found[code].value, (code, found[code])
    # A small city has a few projects in all (generate: one per 1,500 people, at least 3): some years have them.
    assert any(year.value for year in found["innovation-projects-per-year"].by_year)
    assert found["technology-contract-value"].value > 2**31  # beyond a 32-bit Int by 2024
    assert found["rd-expenditure-growth"].rate is not None and found["rd-expenditure-growth"].rate > 0
