"""Synthetic institution certifications and indicator figures, drawn from generated institutions.

High-tech enterprises hold a certificate renewed every three years, tech SMEs register every year (some stop),
a few high-tech enterprises become provincial leader enterprises. The city's R&D expenditure, R&D intensity
(and the province's) and technology contract value are reported each April for the year before; one county
reports its own, and one figure is corrected later (a second report, the first kept as history).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

from graph.certifications import TERMS
from graph.vocabulary import CertificationStatus, Indicator
from loaders.generate_activity import PLAN_START, random_date
from loaders.generate_institutions import CHENGDE, Institution
from loaders.reference import Reference

TableRow = dict[str, str]
_CITY_NAME, _PROVINCE_NAME = "承德市", "河北省"


def _renewals(rng: random.Random, first: date, years: int, today: date, keep: float) -> Iterator[date]:
    """The dates of a certificate and its renewals every `years` years, each renewal kept with chance `keep`."""
    day = first
    while day <= today:
        yield day
        if rng.random() > keep:
            return
        day = date(day.year + years, day.month, min(day.day, 28))


def certifications(rng: random.Random, institutions: list[Institution], today: date) -> Iterator[TableRow]:
    """Certificates of the city's enterprises flagged high-tech or tech SME, and a few provincial leaders."""
    chengde = [i for i in institutions if i.area == CHENGDE]
    high_tech = [i for i in chengde if i.high_tech]
    for inst in high_tech:
        first = random_date(rng, date(PLAN_START.year - 2, 1, 1), min(today, date(today.year, 6, 30)))
        for day in _renewals(rng, first, TERMS[CertificationStatus.HIGH_TECH], today, keep=0.85):
            yield _certificate(inst, CertificationStatus.HIGH_TECH, day)
    for inst in (i for i in chengde if i.tech_sme):
        first = random_date(rng, PLAN_START, today)
        for day in _renewals(rng, first, TERMS[CertificationStatus.TECH_SME], today, keep=0.8):
            yield _certificate(inst, CertificationStatus.TECH_SME, day)
    for inst in rng.sample(high_tech, min(len(high_tech), max(1, len(high_tech) // 8))):
        yield _certificate(inst, CertificationStatus.PROVINCIAL_LEADER, random_date(rng, PLAN_START, today))


def _certificate(inst: Institution, status: CertificationStatus, day: date) -> TableRow:
    return {
        "institution": inst.credit_code or inst.name,
        "status": status.zh,
        "certified_on": day.isoformat(),
        "valid_until": "",
        "certificate_no": "",
    }


def indicators(
    rng: random.Random, institutions: list[Institution], reference: Reference, today: date
) -> Iterator[TableRow]:
    """The city's yearly figures from the base year (the year before the plan) to last year, reported each April."""
    county = rng.choice([r for r in reference.chengde_regions() if r.kind != "ZONE"])
    rd, contracts = 1_150_000_000 + rng.randrange(100_000_000), 900_000_000 + rng.randrange(200_000_000)
    intensity, provincial = 90 + rng.randrange(20), 170 + rng.randrange(15)
    for year in range(PLAN_START.year - 1, today.year):
        reported = date(year + 1, 4, rng.randint(1, 28))
        if reported > today:
            break
        yield _figure(Indicator.RD_EXPENDITURE, _CITY_NAME, year, rd, "承德市统计局", reported)
        yield _figure(Indicator.RD_INTENSITY, _CITY_NAME, year, intensity, "承德市统计局", reported)
        yield _figure(Indicator.RD_INTENSITY, _PROVINCE_NAME, year, provincial, "河北省统计局", reported)
        if year >= PLAN_START.year:
            yield _figure(Indicator.TECH_CONTRACT_VALUE, _CITY_NAME, year, contracts, "承德市科技局", reported)
            yield _figure(
                Indicator.TECH_CONTRACT_VALUE, county.name, year, contracts // 7, f"{county.name}科技局", reported
            )
            corrected = date(reported.year, 9, 1)
            if year == PLAN_START.year and corrected <= today:
                contracts = contracts + 35_000_000
                yield _figure(
                    Indicator.TECH_CONTRACT_VALUE, _CITY_NAME, year, contracts, "承德市科技局(更正)", corrected
                )
        rd = rd * rng.randint(106, 115) // 100
        intensity, provincial = intensity + rng.randint(8, 20), provincial + rng.randint(2, 8)
        contracts = contracts + rng.randint(250_000_000, 450_000_000)


def _figure(indicator: Indicator, region: str, year: int, amount: int, source: str, reported: date) -> TableRow:
    return {
        "indicator": indicator.zh,
        "region": region,
        "year": str(year),
        "amount": str(amount),
        "source": source,
        "reported_on": reported.isoformat(),
    }
