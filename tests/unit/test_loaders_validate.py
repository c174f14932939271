"""Validation of rows into records: every rule, in-file conflicts, and reasons in English and Chinese."""

import csv
from datetime import date
from pathlib import Path

import pytest

from graph.identity import hash_id_number, make_credit_code, make_id_number
from loaders.errors import RowError
from loaders.readers import Row
from loaders.records import (
    Gender,
    InstitutionRecord,
    InstitutionRef,
    Level,
    PersonRecord,
    PersonRef,
    PlatformKind,
    PlatformRecord,
    ProjectKind,
    ProjectRecord,
    Record,
    TeamOrigin,
    TeamRecord,
    TeamStatus,
    VisitRecord,
)
from loaders.validate import validate_file, validate_row, validated_records

TODAY = date(2025, 6, 30)
SALT = "test-salt"
ID_NUMBER = make_id_number("130802", date(1980, 3, 15), 123)  # a man born 1980
CREDIT_CODE = make_credit_code("130802", 42)
PERSON = {
    "name": "张伟",
    "gender": "男",
    "birth_year": "1980",
    "id_number": ID_NUMBER,
    "institution": "承德钒钛新材料有限公司",
    "region": "双桥区",
    "fields": "钒钛新材料；new-materials",
    "title_series": "工程",
    "title_level": "副高级",
    "title_name": "高级工程师",
    "certificate_no": "c-2021-001",
    "granted_on": "2021-06-01",
    "directed": "否",
    "email": "Zhang.Wei@Example.cn",
    "phone": "138 0314 1234",
    "consent": "是",
}
INSTITUTION = {
    "name": "承德钒钛新材料有限公司",
    "credit_code": CREDIT_CODE,
    "type": "ENTERPRISE",
    "region": "承德高新区",
    "high_tech": "Y",
    "tech_sme": "N",
    "fields": "vanadium-titanium",
}


def row(values: dict[str, str], **changes: str) -> Row:
    merged = values | changes
    return Row(2, merged, {key: key for key in merged})


def check(kind: str, values: dict[str, str], **changes: str) -> tuple[Record | None, list[RowError]]:
    return validate_row(row(values, **changes), kind, SALT, today=TODAY)


def refused(kind: str, values: dict[str, str], **changes: str) -> RowError:
    record, errors = check(kind, values, **changes)
    assert record is None and len(errors) == 1, errors
    assert errors[0].reason_en and errors[0].reason_zh
    return errors[0]


def test_a_valid_person_row_becomes_a_normalised_record_without_the_raw_id_number() -> None:
    record, errors = check("people", PERSON)
    assert errors == []
    assert isinstance(record, PersonRecord)
    assert record.gender == Gender.MALE and record.birth_year == 1980
    assert record.id_hash == hash_id_number(ID_NUMBER, SALT)
    assert ID_NUMBER not in repr(record)
    assert record.institution == InstitutionRef(name="承德钒钛新材料有限公司")
    assert record.region == "130802"
    assert record.fields == ("vanadium-titanium", "new-materials")
    assert (record.title.series, record.title.level) == ("ENGINEERING", "DEPUTY_SENIOR")
    assert record.title.certificate_no == "C-2021-001"
    assert record.title.granted_on == date(2021, 6, 1) and record.title.directed is False
    assert record.email == "zhang.wei@example.cn" and record.phone == "13803141234"
    assert record.consent is True


def test_gender_and_birth_year_come_from_the_id_number_when_left_blank() -> None:
    record, _ = check("people", PERSON, gender="", birth_year="")
    assert isinstance(record, PersonRecord)
    assert (record.gender, record.birth_year) == (Gender.MALE, 1980)


@pytest.mark.parametrize("written", ["男", "M", "m", "MALE", "male"])
def test_gender_is_accepted_in_either_language(written: str) -> None:
    assert check("people", PERSON, gender=written)[1] == []


def test_an_unknown_gender_is_refused() -> None:
    assert refused("people", PERSON, gender="X").column == "gender"


def test_a_gender_that_contradicts_the_id_number_is_refused() -> None:
    error = refused("people", PERSON, gender="女")
    assert error.column == "gender" and "identity number" in error.reason_en


@pytest.mark.parametrize("year", ["1919", "2010", "19800", "abc"])
def test_birth_year_must_be_from_1920_to_sixteen_years_ago(year: str) -> None:
    assert refused("people", PERSON, birth_year=year).column == "birth_year"


def test_a_birth_year_that_contradicts_the_id_number_is_refused() -> None:
    error = refused("people", PERSON, birth_year="1981")
    assert "身份证号" in error.reason_zh


def test_an_id_number_with_a_wrong_check_digit_is_refused_without_echoing_it() -> None:
    wrong = ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1")
    error = refused("people", PERSON, id_number=wrong)
    assert error.column == "id_number" and wrong not in error.reason_en + error.reason_zh


def test_an_id_number_of_someone_too_young_is_refused() -> None:
    young = make_id_number("130802", date(2015, 1, 1), 1)
    assert refused("people", PERSON, id_number=young, birth_year="").column == "id_number"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("SENIOR", "SENIOR"),
        ("正高级", "SENIOR"),
        ("deputy senior", "DEPUTY_SENIOR"),
        ("中级", "INTERMEDIATE"),
        ("助理级", "ASSISTANT"),
        ("员级", "JUNIOR"),
    ],
)
def test_title_level_by_code_or_chinese_name(written: str, code: str) -> None:
    record, _ = check("people", PERSON, title_level=written)
    assert isinstance(record, PersonRecord) and record.title.level == code


@pytest.mark.parametrize(
    ("written", "code"), [("中小学教师", "SCHOOL_TEACHING"), ("health", "HEALTH"), ("卫生", "HEALTH")]
)
def test_title_series_by_code_or_chinese_name(written: str, code: str) -> None:
    record, _ = check("people", PERSON, title_series=written)
    assert isinstance(record, PersonRecord) and record.title.series == code


@pytest.mark.parametrize(("column", "value"), [("title_level", "高级"), ("title_series", "炼金术")])
def test_unknown_title_level_or_series_is_refused_naming_the_value(column: str, value: str) -> None:
    error = refused("people", PERSON, **{column: value})
    assert value in error.reason_en and value in error.reason_zh


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("双桥区", "130802"),
        ("双桥", "130802"),
        ("承德", "130800"),
        ("承德市", "130800"),
        ("承德县", "130821"),
        ("130881", "130881"),
        ("北京", "110000"),
        ("天津市", "120000"),
        ("Shuangluan District", "130803"),
        ("丰宁", "130826"),
        ("承德高新区", "130871"),
    ],
)
def test_region_by_code_full_name_or_short_name(written: str, code: str) -> None:
    record, _ = check("people", PERSON, region=written)
    assert isinstance(record, PersonRecord) and record.region == code


def test_an_unknown_region_is_refused() -> None:
    assert refused("people", PERSON, region="火星").column == "region"


@pytest.mark.parametrize(
    "fields", ["钒钛新材料;新材料", "vanadium-titanium,new-materials", "钒钛新材料，新材料；钒钛新材料"]
)
def test_fields_accept_codes_names_and_several_separators(fields: str) -> None:
    record, _ = check("people", PERSON, fields=fields)
    assert isinstance(record, PersonRecord) and record.fields == ("vanadium-titanium", "new-materials")


def test_an_unknown_field_is_refused() -> None:
    assert "炼丹" in refused("people", PERSON, fields="新材料;炼丹").reason_zh


@pytest.mark.parametrize("granted_on", ["2021-02-30", "2021/13/01", "June 2021", "2026-01-01", "1995-01-01"])
def test_granted_on_must_be_a_real_past_date_after_the_holder_turned_sixteen(granted_on: str) -> None:
    assert refused("people", PERSON, granted_on=granted_on).column == "granted_on"


def test_granted_on_accepts_slashes() -> None:
    record, _ = check("people", PERSON, granted_on="2021/6/1")
    assert isinstance(record, PersonRecord) and record.title.granted_on == date(2021, 6, 1)


@pytest.mark.parametrize(
    ("written", "value"),
    [("Y", True), ("是", True), ("yes", True), ("N", False), ("否", False), ("0", False), ("", False)],
)
def test_booleans_accept_y_n_and_chinese(written: str, value: bool) -> None:
    record, _ = check("people", PERSON, directed=written)
    assert isinstance(record, PersonRecord) and record.title.directed is value


def test_an_unclear_boolean_is_refused() -> None:
    assert refused("people", PERSON, consent="maybe").column == "consent"


@pytest.mark.parametrize("email", ["no-at-sign", "a@b", "a b@c.cn", "@example.cn"])
def test_a_malformed_email_is_refused(email: str) -> None:
    assert refused("people", PERSON, email=email).column == "email"


@pytest.mark.parametrize(
    ("phone", "normal"),
    [
        ("13912345678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("0314-2151234", "0314-2151234"),
        ("03142151234", "0314-2151234"),
        ("010-62751234", "010-62751234"),
        ("(022)23501234", "022-23501234"),
        ("0314-2151234-808", "0314-2151234-808"),
    ],
)
def test_phone_accepts_mobiles_and_landlines_with_area_code(phone: str, normal: str) -> None:
    record, _ = check("people", PERSON, phone=phone)
    assert isinstance(record, PersonRecord) and record.phone == normal


@pytest.mark.parametrize("phone", ["12912345678", "1391234567", "2151234", "abc"])
def test_a_malformed_phone_is_refused(phone: str) -> None:
    assert refused("people", PERSON, phone=phone).column == "phone"


def test_a_missing_required_value_is_refused_and_all_errors_of_a_row_are_reported() -> None:
    record, errors = check("people", PERSON, name="", certificate_no="", email="bad")
    assert record is None
    assert [e.column for e in errors] == ["name", "certificate_no", "email"]
    assert errors[0].reason_zh == "必填项不能为空"


def test_an_institution_given_by_credit_code_is_recognised() -> None:
    record, _ = check("people", PERSON, institution=CREDIT_CODE.lower())
    assert isinstance(record, PersonRecord) and record.institution == InstitutionRef(credit_code=CREDIT_CODE)


def test_a_valid_institution_row() -> None:
    record, errors = check("institutions", INSTITUTION)
    assert errors == []
    assert record == InstitutionRecord(
        "承德钒钛新材料有限公司", CREDIT_CODE, "ENTERPRISE", "130871", True, False, ("vanadium-titanium",)
    )


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("高校", "UNIVERSITY"),
        ("科研院所", "INSTITUTE"),
        ("hospital", "HOSPITAL"),
        ("中小学及职业学校", "SCHOOL"),
        ("机关事业单位", "GOVERNMENT"),
    ],
)
def test_institution_type_by_code_or_chinese_name(written: str, code: str) -> None:
    record, _ = check("institutions", INSTITUTION, type=written, high_tech="N")
    assert isinstance(record, InstitutionRecord) and record.type == code


def test_only_enterprises_can_be_high_tech() -> None:
    assert refused("institutions", INSTITUTION, type="高校").column == "high_tech"


def test_a_credit_code_with_a_wrong_check_character_is_refused() -> None:
    wrong = CREDIT_CODE[:17] + ("0" if CREDIT_CODE[17] != "0" else "1")
    assert refused("institutions", INSTITUTION, credit_code=wrong).column == "credit_code"


TEAM = {
    "team_id": "t-1",
    "name": "钒钛创新团队",
    "institution": "承德钒钛新材料有限公司",
    "fields": "钒钛新材料",
    "leader": "张伟",
    "leader_id_number": ID_NUMBER,
    "members": f"李娜；王强（{ID_NUMBER}）, 张伟",
    "origin": "引进",
    "level": "省级",
    "status": "已认定",
    "recognized_on": "2023-05-01",
}


def test_a_valid_team_row_with_members_by_name_and_id_number() -> None:
    record, errors = check("teams", TEAM)
    assert errors == [] and isinstance(record, TeamRecord)
    assert record.team_id == "T-1" and record.origin == TeamOrigin.INTRODUCED and record.level == Level.PROVINCIAL
    assert record.status == TeamStatus.RECOGNIZED
    assert record.leader == PersonRef("张伟", hash_id_number(ID_NUMBER, SALT))
    assert record.members == (PersonRef("李娜"), PersonRef("王强", hash_id_number(ID_NUMBER, SALT)))


def test_a_recognized_team_needs_a_recognition_date_and_only_it_has_one() -> None:
    assert refused("teams", TEAM, recognized_on="").column == "recognized_on"
    assert refused("teams", TEAM, status="SUBMITTED").column == "recognized_on"
    record, _ = check("teams", TEAM, status="")
    assert isinstance(record, TeamRecord) and record.status == TeamStatus.RECOGNIZED


def test_a_member_with_a_bad_id_number_is_named() -> None:
    error = refused("teams", TEAM, members="李娜(110105194912310021)")
    assert error.column == "members" and "李娜" in error.reason_en


def test_an_unknown_team_origin_is_refused_listing_the_accepted_values() -> None:
    assert "引进" in refused("teams", TEAM, origin="收购").reason_zh


VISIT = {
    "visit_id": "V1",
    "expert_name": "John Smith",
    "nationality": "美国",
    "passport_no": "e 1234567",
    "gender": "M",
    "high_end": "是",
    "host_institution": "承德医学院",
    "arrived_on": "2023-04-01",
    "departed_on": "2023-04-20",
    "program": "京津冀协同发展引智计划",
    "purpose": "学术交流",
    "fields": "",
}


def test_a_valid_visit_keeps_only_the_hash_of_the_passport() -> None:
    record, errors = check("visits", VISIT)
    assert errors == [] and isinstance(record, VisitRecord)
    assert record.nationality == "US" and record.high_end and "E1234567" not in repr(record)


def test_a_departure_before_the_arrival_is_refused() -> None:
    assert refused("visits", VISIT, departed_on="2023-03-01").column == "departed_on"


def test_an_unknown_nationality_is_refused() -> None:
    assert refused("visits", VISIT, nationality="Atlantis").column == "nationality"


def test_a_valid_project_and_platform() -> None:
    project, errors = check(
        "projects",
        {
            "project_id": "P1",
            "name": "山楂深加工",
            "kind": "揭榜挂帅",
            "year": "2022",
            "institution": "承德医学院",
            "partners": "北京大学；承德医学院",
            "participants": "张伟;李娜",
            "fields": "山楂",
        },
    )
    assert errors == [] and isinstance(project, ProjectRecord)
    assert project.kind == ProjectKind.CHALLENGE and project.partners == (InstitutionRef(name="北京大学"),)
    platform, errors = check(
        "platforms",
        {
            "platform_id": "PF1",
            "name": "实验室",
            "kind": "重点实验室",
            "level": "NATIONAL",
            "institution": "承德医学院",
        },
    )
    assert errors == [] and isinstance(platform, PlatformRecord) and platform.kind == PlatformKind.KEY_LAB


def write_csv(tmp_path: Path, rows: list[dict[str, str]], name: str = "people.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_same_certificate_for_two_people_in_one_file_is_a_conflict(tmp_path: Path) -> None:
    other = make_id_number("130821", date(1985, 1, 1), 2)
    path = write_csv(
        tmp_path,
        [PERSON, PERSON, PERSON | {"name": "李娜", "gender": "女", "birth_year": "1985", "id_number": other}],
    )
    checked = list(validated_records(path, "people", SALT, today=TODAY))
    assert [c.record is not None for c in checked] == [True, True, False]
    assert checked[2].errors[0].column == "certificate_no" and "line 2" in checked[2].errors[0].reason_en
    assert "第2行" in checked[2].errors[0].reason_zh


def test_one_id_number_with_two_names_is_a_conflict(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [PERSON, PERSON | {"name": "张三", "certificate_no": "C2"}])
    report = validate_file(path, "people", SALT, today=TODAY)
    assert report.error_count == 1 and report.errors[0].column == "id_number"


def test_one_credit_code_with_two_names_is_a_conflict_reported_under_the_files_header(tmp_path: Path) -> None:
    path = tmp_path / "institutions.csv"
    path.write_text(
        f"单位名称,统一社会信用代码,单位类型,所在地区\n甲公司,{CREDIT_CODE},企业,双桥\n乙公司,{CREDIT_CODE},企业,双桥\n",
        encoding="gb18030",
    )
    report = validate_file(path, "institutions", SALT, today=TODAY)
    assert (report.rows, report.valid_rows, report.error_count) == (2, 1, 1)
    assert report.errors[0] == RowError(
        3,
        "统一社会信用代码",
        "the same credit code as line 2 but a different name",
        "统一社会信用代码与第2行相同，但单位名称不同",
    )


def test_the_same_team_id_with_other_details_is_a_conflict(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [TEAM, TEAM | {"name": "另一个团队"}], name="teams.csv")
    assert validate_file(path, "teams", SALT, today=TODAY).error_count == 1


def test_a_header_problem_is_reported_not_raised(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [{"name": "张伟", "nickname": "伟哥"}])
    report = validate_file(path, "people", SALT)
    assert not report.ok and report.errors[0].line == 1 and "nickname" in report.errors[0].reason_en


def test_the_report_keeps_a_bounded_number_of_errors_but_counts_all(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [PERSON | {"certificate_no": f"C{i}", "email": "bad"} for i in range(30)])
    report = validate_file(path, "people", SALT, today=TODAY, max_errors=5)
    assert (report.rows, report.error_count, len(report.errors)) == (30, 30, 5)


def test_an_unquoted_comma_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "institutions.csv"
    path.write_text("name,type,region\n甲公司,企业,双桥,多余\n", encoding="utf-8")
    [checked] = validated_records(path, "institutions", SALT)
    assert checked.record is None and "comma" in checked.errors[0].reason_en


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("name", "张\x00伟", "U+0000"),
        ("name", "张\x07伟", "U+0007"),
        ("name", "\u202e伟张", "U+202E"),
        ("name", "张" * 51, "at most 50 characters"),
        ("institution", "承德\u2066医学院", "U+2066"),
        ("title_name", "高" * 1_000_000, "at most 100 characters"),
        ("email", "a" * 250 + "@x.cn", "at most 254 characters"),
        ("phone", "1" * 33, "at most 32 characters"),
        ("certificate_no", "C\x1b[31m", "U+001B"),
    ],
)
def test_every_cell_is_held_to_its_columns_text_rule(column: str, value: str, reason: str) -> None:
    error = refused("people", PERSON, **{column: value})
    assert (error.line, error.column) == (2, column) and reason in error.reason_en


def test_members_lists_hold_each_name_to_the_name_rule() -> None:
    team = {"team_id": "T1", "name": "钒钛团队", "institution": "承德医学院", "fields": "新材料", "leader": "张伟"}
    error = refused("teams", team, origin="引进", members="李四;" + "王" * 60)
    assert error.column == "members" and "at most 50 characters" in error.reason_en


def test_the_rejected_rows_file_names_line_column_and_reason_for_a_control_character(tmp_path: Path) -> None:
    from loaders.load import write_rejected

    path = tmp_path / "institutions.csv"
    path.write_text(
        "name,credit_code,type,region\n承德医学院,,高校,双桥区\n承德\x07职业学院,,高校,双桥区\n", encoding="utf-8"
    )
    report = validate_file(path, "institutions", SALT, today=TODAY)
    [error] = report.errors
    assert (error.line, error.column) == (3, "name") and "U+0007" in error.reason_en
    rejected = write_rejected(path, "institutions", {3}, report.errors).read_text(encoding="utf-8-sig")
    assert "U+0007" in rejected and "\x07" not in rejected and "承德␇职业学院" in rejected
