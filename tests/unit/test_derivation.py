"""graph/derivation.py: one person's facts give their search document and talent spans, by one function,
whether the facts were read from the graph (graph/facts.py) or built from a bulk load's rows (graph/bulk_people.py)."""

from __future__ import annotations

import datetime as dt

from neo4j.time import Date

from graph.bulk_people import _derive
from graph.derivation import Facts, FieldEntry, Job, Reference, Title, Workplace, derive, token
from graph.facts import facts_from, workplace_from
from graph.names import compact, initials, pinyin_initials, pinyin_of
from graph.stats.spans import Span

D = dt.date.fromisoformat

REFERENCE = Reference(
    fields={
        "new-materials": FieldEntry("新材料 New materials", ()),
        "vanadium-titanium": FieldEntry("钒钛新材料 Vanadium-titanium new materials", ("new-materials",)),
        "hawthorn": FieldEntry("山楂 Hawthorn", ("green-food",)),
        "green-food": FieldEntry("绿色食品 Green food", ()),
    },
    regions={
        "130000": ("130000",),
        "130800": ("130800", "130000"),
        "130802": ("130802", "130800", "130000"),
        "110000": ("110000",),
    },
    ranks={"SENIOR": 5, "DEPUTY_SENIOR": 4, "INTERMEDIATE": 3},
)
STEEL = Workplace("i-steel", "承德钢铁研究院", "INSTITUTE", ("130802",))
UNIVERSITY = Workplace("i-bj", "北京材料大学", "UNIVERSITY", ("110000",))


def _facts(**changes: object) -> Facts:
    values: dict[str, object] = {
        "id": "p1",
        "pinyin": "zhang wei",
        "keywords": ("钒电池",),
        "gender": "MALE",
        "birth_year": 1980,
        "fields": (("vanadium-titanium", 1.0),),
        "jobs": (Job(STEEL, since=D("2015-01-01")),),
        "titles": (Title("C1", "DEPUTY_SENIOR", "ENGINEERING", D("2016-05-01")),),
    }
    values.update(changes)
    return Facts(**values)  # type: ignore[arg-type]


def test_the_pinyin_forms_come_from_the_stored_pinyin() -> None:
    document = derive(_facts(), REFERENCE).document
    assert (document["pinyinCompact"], document["pinyinInitials"]) == ("zhangwei", "zw")
    assert derive(_facts(pinyin=None), REFERENCE).document["pinyinCompact"] == ""
    assert compact(pinyin_of("欧阳修")) == "ouyangxiu" and initials("ou yang xiu") == pinyin_initials("欧阳修") == "oyx"


def test_fields_are_searched_by_name_and_by_code_with_every_field_above() -> None:
    document = derive(_facts(fields=(("vanadium-titanium", 1.0), ("hawthorn", 0.5))), REFERENCE).document
    assert document["searchFields"] == ["山楂 Hawthorn", "钒钛新材料 Vanadium-titanium new materials"]
    assert document["searchFieldCodes"] == ["hawthorn", "vanadium_titanium", "under_green_food", "under_new_materials"]


def test_only_current_employers_are_searched_with_every_region_above_theirs() -> None:
    jobs = (Job(UNIVERSITY, D("2005-01-01"), D("2014-12-31")), Job(STEEL, D("2015-01-01")))
    document = derive(_facts(jobs=jobs), REFERENCE).document
    assert document["searchInstitution"] == ["承德钢铁研究院"]
    assert document["searchRegions"] == ["130000", "130800", "130802"]
    assert document["searchKeywords"] == ["钒电池"]


def test_the_level_searched_is_the_highest_unrevoked_title_of_a_known_level() -> None:
    titles = (
        Title("C1", "INTERMEDIATE", "ENGINEERING", D("2010-01-01")),
        Title("C2", "SENIOR", "ENGINEERING", D("2018-01-01"), revoked_on=D("2020-01-01")),
        Title("C3", "DEPUTY_SENIOR", "ENGINEERING", None),
        Title("C4", "NO_SUCH_LEVEL", "ENGINEERING", D("2019-01-01")),
    )
    document = derive(_facts(titles=titles), REFERENCE).document
    assert (document["searchLevel"], document["levelRank"]) == (["deputy_senior"], 4)
    untitled = derive(_facts(titles=()), REFERENCE)
    assert (untitled.document["searchLevel"], untitled.document["levelRank"], untitled.spans) == ([], 0, [])


def test_spans_count_titles_with_a_grant_date_at_the_first_region_of_the_employer() -> None:
    twice_located = Workplace("i-x", "两地研究院", "ENTERPRISE", ("110000", "130802"))
    facts = _facts(
        fields=(("vanadium-titanium", 0.5), ("hawthorn", 1.0), ("green-food", 1.0)),
        jobs=(Job(twice_located, since=D("2015-01-01")),),
        titles=(Title("C1", "DEPUTY_SENIOR", "ENGINEERING", D("2016-05-01")), Title("C2", "SENIOR", "HEALTH", None)),
    )
    assert derive(facts, REFERENCE).spans == [
        Span("p1", D("2016-05-01"), None, "110000", "ENTERPRISE", "DEPUTY_SENIOR", "ENGINEERING", 2016, "green-food",
             "MALE", 1980)
    ]  # fmt: skip


def test_codes_are_single_lower_case_tokens() -> None:
    assert token("vanadium-titanium") == "vanadium_titanium" and token("DEPUTY_SENIOR") == "deputy_senior"


def test_facts_read_from_the_graph_become_facts_with_python_dates() -> None:
    places = {
        "i-steel": workplace_from(
            {"id": "i-steel", "name": "承德钢铁研究院", "type": "INSTITUTE", "regions": ["130802"]}
        )
    }
    row = {
        "id": "p1",
        "pinyin": "zhang wei",
        "keywords": ["钒电池"],
        "gender": "MALE",
        "birthYear": 1980,
        "fields": [["vanadium-titanium", 1.0]],
        "jobs": [{"institution": "i-steel", "since": Date(2015, 1, 1), "until": None}],
        "titles": [
            {"certificateNo": "C1", "level": "DEPUTY_SENIOR", "series": "ENGINEERING", "grantedOn": Date(2016, 5, 1),
             "revokedOn": None}
        ],
        "withdrawnOn": None,
    }  # fmt: skip
    assert facts_from(row, places) == _facts()
    assert facts_from({**row, "keywords": None}, places).keywords == ()


def test_new_people_in_a_bulk_load_are_derived_from_the_facts_the_graph_will_hold() -> None:
    """graph/bulk_people.py builds, from a person's rows, the facts bulk/create_people writes: fields of weight
    1.0, one current employment with no dates, every title; later rows' person properties win."""
    rows = [
        {
            "personId": "p1",
            "person": {"name": "张伟", "pinyin": "zhang wei", "gender": "MALE", "birthYear": 1980, "email": "a@b.cn"},
            "title": {"certificateNo": number, "series": "ENGINEERING", "level": level, "grantedOn": D(granted)},
            "fingerprint": number,
        }
        for number, level, granted in (("C1", "INTERMEDIATE", "2010-01-01"), ("C2", "DEPUTY_SENIOR", "2016-05-01"))
    ]
    rows[1]["person"] = {**rows[1]["person"], "email": "later@b.cn"}
    person, spans = _derive("hash-1", rows, ["vanadium-titanium", "hawthorn"], STEEL, REFERENCE)
    facts = _facts(
        keywords=(),
        fields=(("vanadium-titanium", 1.0), ("hawthorn", 1.0)),
        jobs=(Job(STEEL),),
        titles=tuple(Title(row["title"]["certificateNo"], row["title"]["level"], "ENGINEERING", row["title"]["grantedOn"]) for row in rows),
    )  # fmt: skip
    expected = derive(facts, REFERENCE)
    assert spans == expected.spans and len(spans) == 2
    assert person["props"] == {
        "idHash": "hash-1",
        "id": "p1",
        "name": "张伟",
        "pinyin": "zhang wei",
        "gender": "MALE",
        "birthYear": 1980,
        "email": "later@b.cn",
        **expected.document,
    }
    assert person["institution"] == "i-steel" and person["fields"] == ["vanadium-titanium", "hawthorn"]


def test_the_reference_covers_facts_only_when_it_knows_their_fields_and_regions() -> None:
    assert REFERENCE.covers(_facts())
    assert not REFERENCE.covers(_facts(fields=(("potato", 1.0),)))
    assert not REFERENCE.covers(_facts(jobs=(Job(Workplace("i", "x", None, ("999999",))),)))
