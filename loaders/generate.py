"""Generate a realistic, reproducible city of import files: the same seed gives the same bytes."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType

from pypinyin import lazy_pinyin

from graph.identity import make_id_number
from loaders import generate_activity as activity
from loaders import generate_figures as figures
from loaders import synthetic as s
from loaders.formats import Kind, format_of
from loaders.generate_institutions import CHENGDE, Institution, InstitutionPicker, Staff, make_institutions
from loaders.reference import Reference, load_reference

TODAY = date(2025, 6, 30)
"""The fixed "today" of generated data, so that output never depends on the clock."""
_FEMALE_SHARE = {"SCHOOL": 0.7, "HOSPITAL": 0.65}
_AREA_CODES = {"110000": "010", "120000": "022", CHENGDE: "0314"}
_BIRTHPLACES = {"110000": s.BIRTHPLACES_BEIJING, "120000": s.BIRTHPLACES_TIANJIN}


class TableWriter:
    """Writes one import file with English headers, UTF-8 with a BOM (so Excel reads it), row by row."""

    def __init__(self, path: Path, kind: Kind) -> None:
        self.keys = [c.key for c in format_of(kind).columns]
        self._file = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file, lineterminator="\n")
        self._writer.writerow(self.keys)
        self.rows = 0

    def write_all(self, rows: Iterable[Mapping[str, str]]) -> int:
        """Write rows (canonical key → text) and return how many rows the file now has."""
        for row in rows:
            self._writer.writerow([row.get(key, "") for key in self.keys])
            self.rows += 1
        return self.rows

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._file.close()


def generate(
    people: int, seed: int, out_dir: Path, *, institutions: int | None = None, today: date = TODAY
) -> dict[str, int]:
    """Write institutions, people, teams, projects, platforms, visits, certifications and indicators files;
    return rows per file."""
    rng = random.Random(seed)
    reference = load_reference()
    out_dir.mkdir(parents=True, exist_ok=True)
    made = make_institutions(rng, institutions or max(20, people // 40), reference)
    ids = id_prefix(seed)
    counts: dict[str, int] = {}
    with TableWriter(out_dir / "institutions.csv", "institutions") as table:
        counts["institutions"] = table.write_all(institution_row(i, reference) for i in made)
    with TableWriter(out_dir / "people.csv", "people") as table:
        people_maker = PeopleMaker(rng, reference, today, certificate_prefix=ids)
        picker = InstitutionPicker(made)
        for _ in range(people):
            area = CHENGDE
            if rng.random() < s.PARTNER_SHARE:
                area = rng.choices(list(s.PARTNER_REGIONS), weights=list(s.PARTNER_REGIONS.values()))[0]
            table.write_all(people_maker.rows(picker.pick(rng, area)))
        counts["people"] = table.rows
    small = (
        ("teams", activity.teams, max(3, people // 5000)),
        ("projects", activity.projects, max(3, people // 1500)),
        ("platforms", activity.platforms, max(3, people // 1200)),
        ("visits", activity.visits, max(2, people // 4000)),
    )
    for kind, make, count in small:
        with TableWriter(out_dir / f"{kind}.csv", kind) as table:  # type: ignore[arg-type]
            counts[kind] = table.write_all(make(rng, made, count, reference, today, ids))
    # A generator of their own, so that the files above stay as they were before these were written.
    more = random.Random(f"{seed}-certifications-and-figures")
    with TableWriter(out_dir / "certifications.csv", "certifications") as table:
        counts["certifications"] = table.write_all(figures.certifications(more, made, today))
    with TableWriter(out_dir / "indicators.csv", "indicators") as table:
        counts["indicators"] = table.write_all(figures.indicators(more, made, reference, today))
    return counts


def id_prefix(seed: int) -> str:
    """What every identifier of a generated city starts with: its seed, so that two cities never share one.

    Teams, projects, platforms, visits and certificates of `generate(..., seed=7)` are `G7-…`; the demo's
    are `DEMO-…` (loaders/generate_demo.py); files written by people never collide with either by chance."""
    return f"G{seed}-"


def institution_row(inst: Institution, reference: Reference) -> dict[str, str]:
    """An institution as a row of an institutions file."""
    return {
        "name": inst.name,
        "credit_code": inst.credit_code or "",
        "type": reference.institution_types.names[inst.type],
        "region": reference.regions[inst.region].name,
        "high_tech": "Y" if inst.high_tech else "N",
        "tech_sme": "Y" if inst.tech_sme else "N",
        "fields": ";".join(inst.fields),
    }


class PeopleMaker:
    """Makes the rows of one person at a time: one row per title held, 2-3% holding two."""

    def __init__(self, rng: random.Random, reference: Reference, today: date, certificate_prefix: str = "") -> None:
        self.rng = rng
        self.reference = reference
        self.today = today
        self.certificate_prefix = certificate_prefix
        self.id_numbers: set[str] = set()
        self.certificates = 0
        self.pinyin: dict[str, str] = {}
        self.surnames = [name for name, _ in s.SURNAMES]
        self.surname_weights = [w for _, w in s.SURNAMES]

    def rows(self, inst: Institution) -> list[dict[str, str]]:
        """The rows of a new person working at `inst`."""
        return self.person(inst)[1]

    def person(self, inst: Institution) -> tuple[Staff, list[dict[str, str]]]:
        """A new person working at `inst`: who they are, and their rows."""
        rng = self.rng
        shares = s.LEVEL_SHARE_CHENGDE if inst.area == CHENGDE else s.LEVEL_SHARE_PARTNERS
        level = rng.choices(s.LEVELS, weights=shares)[0]
        series = self._series(inst.type)
        level = self._existing_level(series, level)
        grant_year = rng.choices(s.GRANT_YEARS, weights=s.GRANT_YEAR_WEIGHTS)[0]
        low, high = s.AGE_AT_GRANT[level]
        birth_date = date(grant_year - rng.randint(low, high), 1, 1) + timedelta(days=rng.randrange(365))
        female = rng.random() < _FEMALE_SHARE.get(inst.type, 0.4)
        id_number = self._id_number(inst.area, birth_date, female)
        surname = rng.choices(self.surnames, weights=self.surname_weights)[0]
        given = "".join(rng.choice(s.GIVEN_FEMALE if female else s.GIVEN_MALE) for _ in range(rng.choice((1, 2, 2))))
        name = surname + given
        fields = self._fields(series, inst.fields)
        staff = Staff(name, id_number, level, fields)
        inst.keep(staff)
        person = {
            "name": name,
            "gender": "女" if female else "男",
            "birth_year": str(birth_date.year),
            "id_number": id_number,
            "institution": self._institution_ref(inst),
            "region": self.reference.regions[inst.region].name,
            "fields": ";".join(self.reference.fields.names[f] for f in fields),
            "email": self._email(surname, given) if rng.random() < 0.45 else "",
            "phone": self._phone(inst.area) if rng.random() < 0.55 else "",
            "consent": "Y" if rng.random() < 0.6 else "N",
        }
        directed = inst.area == CHENGDE and inst.region != "130802" and level in s.LEVELS[:3]
        rows = [person | self._title(series, level, grant_year, inst, directed and rng.random() < 0.08)]
        if rng.random() < 0.025:
            second = self._series(inst.type, excluding=series)
            second_level = self._existing_level(second, rng.choice(s.LEVELS[s.LEVELS.index(level) :]))
            year = rng.choice([y for y in s.GRANT_YEARS if y - birth_date.year >= 22] or [grant_year])
            rows.append(person | self._title(second, second_level, year, inst, False))
        return staff, rows

    def _institution_ref(self, inst: Institution) -> str:
        """How a row names its employer: by name, by credit code once in about 30 rows."""
        return inst.credit_code if inst.credit_code and self.rng.random() < 0.03 else inst.name

    def _series(self, institution_type: str, excluding: str = "") -> str:
        weights = {k: w for k, w in s.SERIES_BY_TYPE[institution_type].items() if k != excluding}
        return self.rng.choices(list(weights), weights=list(weights.values()))[0] if weights else "ECONOMICS"

    @staticmethod
    def _existing_level(series: str, level: str) -> str:
        """The level, moved up while the series has no title at it (高校教师 has no 员级)."""
        index = s.LEVELS.index(level)
        while not s.TITLE_NAMES[series][index]:
            index -= 1
        return s.LEVELS[index]

    def _title(self, series: str, level: str, year: int, inst: Institution, directed: bool) -> dict[str, str]:
        self.certificates += 1
        end = min(date(year, 12, 31), self.today)
        granted_on = activity.random_date(self.rng, date(year, 1, 1), end)
        return {
            "title_series": self.reference.title_series.names[series],
            "title_level": self.reference.title_levels.names[level],
            "title_name": s.TITLE_NAMES[series][s.LEVELS.index(level)],
            "certificate_no": (
                f"{self.certificate_prefix}{inst.region[:4]}{year}{s.LEVELS.index(level) + 1}{self.certificates:07d}"
            ),
            "granted_on": str(granted_on),
            "directed": "Y" if directed else "N",
        }

    def _id_number(self, area: str, birth_date: date, female: bool) -> str:
        rng = self.rng
        if area in _BIRTHPLACES and rng.random() < 0.7:
            places: tuple[str, ...] = _BIRTHPLACES[area]
        elif rng.random() < 0.85:
            places = tuple(r.code for r in self.reference.chengde_regions() if r.kind != "ZONE")
        else:
            places = s.BIRTHPLACES_ELSEWHERE
        while True:
            sequence = rng.randrange(0, 999, 2) + (0 if female else 1)
            number = make_id_number(rng.choice(places), birth_date, sequence)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def _fields(self, series: str, institution_fields: tuple[str, ...]) -> tuple[str, ...]:
        """Fields likely for the series, led more often than not by the institution's own."""
        pool = s.FIELDS_BY_SERIES.get(series, s.FIELDS_ANY)
        how_many = self.rng.choices((0, 1, 2), weights=(60, 35, 5) if series == "SCHOOL_TEACHING" else (15, 60, 25))
        picked = self.rng.sample(pool, how_many[0])
        if picked and institution_fields and self.rng.random() < 0.6:
            picked[0] = institution_fields[0]
        return tuple(dict.fromkeys(picked))

    def _email(self, surname: str, given: str) -> str:
        spelled = "".join(self._spell(c) for c in given + surname)
        return f"{spelled}{self.rng.randint(1, 999)}@{self.rng.choice(s.EMAIL_DOMAINS)}"

    def _spell(self, char: str) -> str:
        if char not in self.pinyin:
            self.pinyin[char] = lazy_pinyin(char)[0]
        return self.pinyin[char]

    def _phone(self, area: str) -> str:
        if self.rng.random() < 0.8:
            return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"
        return f"{_AREA_CODES[area]}-{self.rng.randint(2000000, 8999999)}"
