"""Who may do what: every mutation and every query field under every role, refused ones changing nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

from server.schema import schema
from tests.builders import count_nodes, institution, person
from tests.conftest import bearer, graphql, post_graphql

ROLES = ("admin", "analyst", "recruiter", "institution", "other-institution", "anonymous")
OWN, OTHER = "i-own", "i-other"


def world(cypher) -> None:
    """Two institutions with staff, titles, a foreign expert, and teams in every status that a mutation acts on."""
    institution(cypher, OWN, "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, OTHER, "隆化县医院", "130825", "HOSPITAL")
    person(
        cypher,
        "p-own",
        "王强",
        "wang qiang",
        OWN,
        ("vanadium-titanium",),
        (("C-OWN", "ENGINEERING", "INTERMEDIATE", "2019-03-01"),),
    )
    person(cypher, "p-own2", "李娜", "li na", OWN)
    person(cypher, "p-own3", "赵敏", "zhao min", OWN)
    person(cypher, "p-own4", "孙丽", "sun li", OWN)
    person(cypher, "p-other", "张伟", "zhang wei", OTHER, (), (("C-OTHER", "HEALTH", "SENIOR", "2015-09-01"),))
    cypher(
        "CREATE (:Person:ForeignExpert {id: 'fe-1', name: 'Anna Schmidt', pinyin: 'anna schmidt', "
        "nationality: 'DE', highEnd: true, consentToContact: false})"
    )
    # A foreign expert on OWN's staff, a visit and a platform of OWN: what corrections act on.
    cypher(
        """MATCH (i:Institution {id: $own}), (fe:Person {id: 'fe-1'})
           CREATE (e:Person:ForeignExpert {id: 'fe-own', name: 'Kenji Sato', pinyin: 'kenji sato', nationality: 'JP',
                   highEnd: false, consentToContact: false})-[:WORKS_AT {since: date('2020-01-01')}]->(i),
                  (fe)-[:MADE]->(:Visit {id: 'v-own', arrivedOn: date('2023-03-01'),
                                                          departedOn: date('2023-03-05')})-[:HOSTED_BY]->(i),
                  (:Platform {id: 'pl-own', name: '钒钛重点实验室', kind: 'KEY_LAB', level: 'MUNICIPAL',
                              establishedOn: date('2020-06-01')})-[:HOSTED_BY]->(i),
                  (i)-[:RAN {lead: true}]->(:Project {id: 'pr-own', name: '钒钛提取', kind: 'MUNICIPAL', year: 2021})""",
        own=OWN,
    )
    for team_id, status, leader, members in (
        ("t-sub", "submitted", "p-own", ["p-own2"]),
        ("t-app", "approved", "p-own3", []),
        ("t-rej", "rejected", "p-own2", []),
    ):
        cypher(
            """MATCH (i:Institution {id: $institution}), (f:Field {code: 'vanadium-titanium'})
                  CREATE (t:Team {id: $id, name: $id, status: $status, origin: 'CULTIVATED'})-[:BASED_AT]->(i),
                         (t)-[:FOCUSES_ON]->(f)
                  WITH t MATCH (l:Person {id: $leader}) CREATE (l)-[:MEMBER_OF {role: 'leader'}]->(t)
                  WITH t UNWIND $members AS m MATCH (p:Person {id: m}) CREATE (p)-[:MEMBER_OF {role: 'member'}]->(t)""",
            id=team_id,
            status=status,
            leader=leader,
            members=members,
            institution=OWN,
        )
    cypher(
        """MATCH (i:Institution {id: $institution})
           CREATE (:Platform {id: 'x-own', name: '承德钒钛重点实验室', kind: 'KEY_LAB', level: 'PROVINCIAL',
                              establishedOn: date('2020-06-01')})-[:HOSTED_BY]->(i)""",
        institution=OWN,
    )


def key_for(role: str, keys: Callable[..., str]) -> str | None:
    if role == "anonymous":
        return None
    if role == "other-institution":
        return keys("institution", OTHER)
    return keys(role, OWN if role == "institution" else None)


OUTCOME = "{ __typename ... on UserError { message field } }"
PASSPORT = {"number": "TR1234567", "country": "JP"}
ADMIN_ONLY = {"admin"}
OWN_RECORDS = {"admin", "institution"}

#: Every mutation of the schema: its document, variables, success type and the roles allowed to run it.
MUTATIONS: dict[str, tuple[str, dict[str, Any], str, set[str]]] = {
    "registerInstitution": (
        f"mutation($input: RegisterInstitutionInput!) {{ registerInstitution(input: $input) {OUTCOME} }}",
        {"input": {"name": "新单位", "type": "OTHER", "regionCode": "130802"}},
        "InstitutionRegistered",
        ADMIN_ONLY,
    ),
    "registerPerson": (
        f"mutation($input: RegisterPersonInput!) {{ registerPerson(input: $input) {OUTCOME} }}",
        {"input": {"name": "刘洋", "institutionId": OWN}},
        "PersonRegistered",
        OWN_RECORDS,
    ),
    "updatePerson": (
        f"mutation($id: ID!, $input: UpdatePersonInput!) {{ updatePerson(id: $id, input: $input) {OUTCOME} }}",
        {"id": "p-own", "input": {"email": "wang@example.cn"}},
        "PersonUpdated",
        OWN_RECORDS,
    ),
    "endEmployment": (
        f"mutation($input: EndEmploymentInput!) {{ endEmployment(input: $input) {OUTCOME} }}",
        {"input": {"personId": "p-own2", "on": "2024-06-30"}},
        "EmploymentEnded",
        OWN_RECORDS,
    ),
    "withdrawRecord": (
        f"mutation($input: WithdrawRecordInput!) {{ withdrawRecord(input: $input) {OUTCOME} }}",
        {"input": {"kind": "PERSON", "id": "p-own4", "on": "2024-01-01", "reason": "entered twice"}},
        "RecordWithdrawn",
        OWN_RECORDS,
    ),
    "updateInstitution": (
        f"mutation($id: ID!, $input: UpdateInstitutionInput!) {{ updateInstitution(id: $id, input: $input) "
        f"{OUTCOME} }}",
        {"id": OWN, "input": {"name": "承德钒钛新材料研究院", "regionCode": "130803", "fields": ["vanadium-titanium"]}},
        "InstitutionUpdated",
        OWN_RECORDS,
    ),
    "updateForeignExpert": (
        f"mutation($id: ID!, $input: UpdateForeignExpertInput!) {{ updateForeignExpert(id: $id, input: $input) "
        f"{OUTCOME} }}",
        {"id": "fe-own", "input": {"highEnd": True, "nationality": "JPN", "passport": PASSPORT}},
        "ForeignExpertUpdated",
        OWN_RECORDS,
    ),
    "updateVisit": (
        f"mutation($id: ID!, $input: UpdateVisitInput!) {{ updateVisit(id: $id, input: $input) {OUTCOME} }}",
        {"id": "v-own", "input": {"departedOn": "2023-03-08", "purpose": "学术交流"}},
        "VisitUpdated",
        OWN_RECORDS,
    ),
    "updateProject": (
        f"mutation($id: ID!, $input: UpdateProjectInput!) {{ updateProject(id: $id, input: $input) {OUTCOME} }}",
        {"id": "pr-own", "input": {"name": "钒钛提取与应用", "year": 2022, "fields": ["vanadium-titanium"]}},
        "ProjectUpdated",
        OWN_RECORDS,
    ),
    "updatePlatform": (
        f"mutation($id: ID!, $input: UpdatePlatformInput!) {{ updatePlatform(id: $id, input: $input) {OUTCOME} }}",
        {"id": "pl-own", "input": {"level": "PROVINCIAL", "fields": ["vanadium-titanium"]}},
        "PlatformUpdated",
        OWN_RECORDS,
    ),
    "grantTitle": (
        f"mutation($input: GrantTitleInput!) {{ grantTitle(input: $input) {OUTCOME} }}",
        {
            "input": {
                "personId": "p-own",
                "certificateNo": "C-NEW-1",
                "series": "ENGINEERING",
                "level": "SENIOR",
                "grantedOn": "2023-01-01",
            }
        },
        "TitleGranted",
        OWN_RECORDS,
    ),
    "revokeTitle": (
        f'mutation($no: String!) {{ revokeTitle(certificateNo: $no, reason: "error") {OUTCOME} }}',
        {"no": "C-OWN"},
        "TitleRevoked",
        OWN_RECORDS,
    ),
    "registerTeam": (
        f"mutation($input: RegisterTeamInput!) {{ registerTeam(input: $input) {OUTCOME} }}",
        {
            "input": {
                "name": "钒钛新材料创新团队",
                "fields": ["vanadium-titanium"],
                "origin": "CULTIVATED",
                "leader": {"personId": "p-own4"},
                "members": [{"personId": "p-own2", "role": "CORE"}],
                "institutionId": OWN,
            }
        },
        "TeamRegistered",
        OWN_RECORDS,
    ),
    "reviewTeam": (
        f'mutation($id: ID!) {{ reviewTeam(id: $id, decision: APPROVE, comment: "好") {OUTCOME} }}',
        {"id": "t-sub"},
        "TeamReviewed",
        ADMIN_ONLY,
    ),
    "recognizeTeam": (
        f'mutation($id: ID!) {{ recognizeTeam(id: $id, on: "2024-05-01") {OUTCOME} }}',
        {"id": "t-app"},
        "TeamRecognized",
        ADMIN_ONLY,
    ),
    "resubmitTeam": (
        f"mutation($id: ID!) {{ resubmitTeam(id: $id) {OUTCOME} }}",
        {"id": "t-rej"},
        "TeamResubmitted",
        OWN_RECORDS,
    ),
    "addTeamMember": (
        f"mutation($team: ID!, $member: TeamMemberInput!) {{ addTeamMember(teamId: $team, member: $member) {OUTCOME} }}",
        {"team": "t-sub", "member": {"personId": "p-own4", "role": "MEMBER"}},
        "TeamMemberAdded",
        OWN_RECORDS,
    ),
    "removeTeamMember": (
        f"mutation($team: ID!, $person: ID!) {{ removeTeamMember(teamId: $team, personId: $person) {OUTCOME} }}",
        {"team": "t-sub", "person": "p-own2"},
        "TeamMemberRemoved",
        OWN_RECORDS,
    ),
    "registerPlatform": (
        f"mutation($input: RegisterPlatformInput!) {{ registerPlatform(input: $input) {OUTCOME} }}",
        {
            "input": {
                "name": "承德市钒钛新材料重点实验室",
                "kind": "KEY_LAB",
                "level": "MUNICIPAL",
                "establishedOn": "2020-06-01",
                "fields": ["vanadium-titanium"],
                "institutionId": OWN,
            }
        },
        "PlatformRegistered",
        OWN_RECORDS,
    ),
    "assignPlatformRole": (
        f"mutation($platform: ID!, $input: PlatformRoleInput!) "
        f"{{ assignPlatformRole(platformId: $platform, input: $input) {OUTCOME} }}",
        {"platform": "x-own", "input": {"personId": "p-own2", "role": "RESEARCHER"}},
        "PlatformRoleAssigned",
        OWN_RECORDS,
    ),
    "registerForeignExpert": (
        f"mutation($input: RegisterForeignExpertInput!) {{ registerForeignExpert(input: $input) {OUTCOME} }}",
        {"input": {"name": "Kenji Sato", "nationality": "JP", "passport": PASSPORT, "institutionId": OWN}},
        "ForeignExpertRegistered",
        OWN_RECORDS,
    ),
    "recordVisit": (
        f"mutation($input: RecordVisitInput!) {{ recordVisit(input: $input) {OUTCOME} }}",
        {
            "input": {
                "expertId": "fe-1",
                "arrivedOn": "2024-04-01",
                "departedOn": "2024-04-10",
                "program": "京津冀协同发展引智计划",
                "institutionId": OWN,
            }
        },
        "VisitRecorded",
        OWN_RECORDS,
    ),
    "setTargetGoal": (
        f"mutation($plan: String!, $code: String!) {{ setTargetGoal(plan: $plan, code: $code, goal: 10) {OUTCOME} }}",
        {"plan": "chengde-2021-2025", "code": "innovation-teams"},
        "TargetGoalSet",
        ADMIN_ONLY,
    ),
    "setRegionGoal": (
        f'mutation($region: String!) {{ setRegionGoal(plan: "chengde-2021-2025", code: "titled-staff", '
        f"region: $region, goal: 500) {OUTCOME} }}",
        {"region": "130802"},
        "RegionGoalSet",
        ADMIN_ONLY,
    ),
    "addPlan": (
        f"mutation($input: AddPlanInput!) {{ addPlan(input: $input) {OUTCOME} }}",
        # A plan far in the future: no other test's day falls in it (plans are reference data, kept between tests).
        {
            "input": {
                "code": f"authorization-check-{uuid.uuid4().hex[:8]}",
                "name": "授权检查",
                "startsOn": "2096-01-01",
                "deadline": "2100-12-31",
                "targets": [
                    {
                        "code": "titled-staff",
                        "name": "人才",
                        "nameEn": "Talent",
                        "goal": 1,
                        "unit": "人",
                        "unitEn": "people",
                    }
                ],
            }
        },
        "PlanAdded",
        ADMIN_ONLY,
    ),
    "registerProject": (
        f"mutation($input: RegisterProjectInput!) {{ registerProject(input: $input) {OUTCOME} }}",
        {
            "input": {
                "name": "钒钛提取",
                "kind": "MUNICIPAL",
                "year": 2023,
                "institutionId": OWN,
                "participants": [{"personId": "p-own"}],
            }
        },
        "ProjectRegistered",
        OWN_RECORDS,
    ),
    "recordCertification": (
        f"mutation($input: RecordCertificationInput!) {{ recordCertification(input: $input) {OUTCOME} }}",
        {"input": {"institutionId": OWN, "status": "HIGH_TECH", "certifiedOn": "2022-01-01"}},
        "CertificationRecorded",
        ADMIN_ONLY,
    ),
    "reportIndicatorFigure": (
        f"mutation($input: ReportIndicatorFigureInput!) {{ reportIndicatorFigure(input: $input) {OUTCOME} }}",
        {
            "input": {
                "indicator": "TECH_CONTRACT_VALUE",
                "region": "130800",
                "year": 2022,
                "amount": "3000000000",
                "source": "市科技局",
                "reportedOn": "2023-03-01",
            }
        },
        "IndicatorFigureReported",
        ADMIN_ONLY,
    ),
}


#: Mutations that name an existing record of OWN, and where in their variables: a key that may not see the
#: record (another institution's) is answered exactly as for a record that does not exist.
NAMED_RECORDS: dict[str, tuple[str, ...]] = {
    "updatePerson": ("id",),
    "endEmployment": ("input", "personId"),
    "withdrawRecord": ("input", "id"),
    "updateForeignExpert": ("id",),
    "updateInstitution": ("id",),
    "updateVisit": ("id",),
    "updatePlatform": ("id",),
    "updateProject": ("id",),
    "grantTitle": ("input", "personId"),
    "revokeTitle": ("no",),
    "resubmitTeam": ("id",),
    "addTeamMember": ("team",),
    "removeTeamMember": ("team",),
    "assignPlatformRole": ("platform",),
}


def naming(variables: dict[str, Any], path: tuple[str, ...], value: str) -> dict[str, Any]:
    """`variables` with the record named at `path` replaced by `value`."""
    head, *rest = path
    return {**variables, head: naming(variables[head], tuple(rest), value) if rest else value}


def refusal(mutation: str, role: str) -> str:
    """How `role` is refused `mutation`: a record of another institution is not found, anything else not allowed."""
    return "NotFoundError" if role == "other-institution" and mutation in NAMED_RECORDS else "NotAllowedError"


def schema_fields(type_name: str) -> set[str]:
    graphql_type = schema._schema.get_type(type_name)
    assert graphql_type is not None
    return set(graphql_type.fields)  # type: ignore[attr-defined]


def test_every_mutation_of_the_schema_has_a_row_in_the_table() -> None:
    assert schema_fields("Mutation") == set(MUTATIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_mutation_is_allowed_or_refused_by_role_and_a_refusal_changes_nothing(
    client: TestClient, cypher, keys, mutation: str, role: str
) -> None:
    document, variables, success, allowed = MUTATIONS[mutation]
    world(cypher)
    key = key_for(role, keys)
    before = count_nodes(cypher)
    response = post_graphql(client, document, variables, key)
    assert response.status_code == 200, response.text
    outcome = response.json()["data"][mutation]
    if role in allowed:
        assert outcome["__typename"] == success, outcome
        [entry] = cypher("MATCH (a:AuditEntry {operation: $op}) RETURN a.role AS role, a.nodeIds AS ids", op=mutation)
        assert entry["role"] == role and entry["ids"]
    else:
        assert outcome["__typename"] == refusal(mutation, role), outcome
        assert outcome["message"]
        assert count_nodes(cypher) == before


@pytest.mark.parametrize("mutation", sorted(NAMED_RECORDS))
def test_another_institutions_record_named_by_a_mutation_is_answered_as_one_that_does_not_exist(
    client: TestClient, cypher, keys, mutation: str
) -> None:
    document, variables, _, _ = MUTATIONS[mutation]
    world(cypher)
    key = keys("institution", OTHER)
    before = count_nodes(cypher)
    existing = post_graphql(client, document, variables, key).json()["data"][mutation]
    absent = naming(variables, NAMED_RECORDS[mutation], "no-such-record")
    nothing = post_graphql(client, document, absent, key).json()["data"][mutation]
    assert existing["__typename"] == nothing["__typename"] == "NotFoundError", (existing, nothing)
    assert existing["field"] == nothing["field"]
    assert OTHER in existing["message"]
    named = variables
    for key_name in NAMED_RECORDS[mutation]:
        named = named[key_name]
    assert existing["message"].replace(str(named), "no-such-record") == nothing["message"]
    assert count_nodes(cypher) == before


def test_institution_key_cannot_change_another_institutions_person_title_or_team(
    client: TestClient, cypher, keys
) -> None:
    world(cypher)
    cypher(
        "MATCH (t:Team) MATCH (i:Institution {id: $other}) MATCH (t)-[b:BASED_AT]->() DELETE b "
        "CREATE (t)-[:BASED_AT]->(i)",
        other=OTHER,
    )
    key = keys("institution", OWN)
    before = count_nodes(cypher)
    # Another institution's records do not exist for the key; naming another institution is not allowed.
    attempts = [
        ("updatePerson", {"id": "p-other", "input": {"email": "x@example.cn"}}, "NotFoundError"),
        (
            "grantTitle",
            {
                "input": {
                    "personId": "p-other",
                    "certificateNo": "C-X-1",
                    "series": "HEALTH",
                    "level": "SENIOR",
                    "grantedOn": "2023-01-01",
                }
            },
            "NotFoundError",
        ),
        ("revokeTitle", {"no": "C-OTHER"}, "NotFoundError"),
        ("registerPerson", {"input": {"name": "刘洋", "institutionId": OTHER}}, "NotAllowedError"),
        ("addTeamMember", {"team": "t-sub", "member": {"personId": "p-own4"}}, "NotFoundError"),
        ("resubmitTeam", {"id": "t-rej"}, "NotFoundError"),
        (
            "recordVisit",
            {"input": {"expertId": "fe-1", "arrivedOn": "2024-04-01", "institutionId": OTHER}},
            "NotAllowedError",
        ),
        (
            "registerForeignExpert",
            {"input": {"name": "Kenji Sato", "nationality": "JP", "passport": PASSPORT, "institutionId": OTHER}},
            "NotAllowedError",
        ),
    ]
    for mutation, variables, refused in attempts:
        outcome = post_graphql(client, MUTATIONS[mutation][0], variables, key).json()["data"][mutation]
        assert outcome["__typename"] == refused, (mutation, outcome)
        assert OWN in outcome["message"]
    assert count_nodes(cypher) == before


@pytest.mark.parametrize(
    ("mutation", "person"),
    [
        ("registerPerson", {"name": "刘洋", "role": "工程师", "since": "2023-03-01"}),
        ("registerForeignExpert", {"name": "Kenji Sato", "nationality": "JP", "passport": PASSPORT}),
    ],
)
def test_institution_key_registers_people_at_its_own_institution_when_none_is_named(
    mutation: str, person: dict[str, Any], client: TestClient, cypher, keys
) -> None:
    world(cypher)
    success, field = MUTATIONS[mutation][2], "person" if mutation == "registerPerson" else "expert"
    document = MUTATIONS[mutation][0].replace("{ __typename", f"{{ __typename ... on {success} {{ {field} {{ id }} }}")
    outcome = post_graphql(client, document, {"input": person}, keys("institution", OWN)).json()["data"][mutation]
    assert outcome["__typename"] == success, outcome
    registered = outcome[field]["id"]
    [employer] = cypher(
        "MATCH (:Person {id: $id})-[w:WORKS_AT]->(i:Institution) RETURN i.id AS id, w.role AS role", id=registered
    )
    assert employer["id"] == OWN and employer["role"] == person.get("role")
    # An admin's key belongs to no institution: a person it registers without one has no employer.
    other = {**person, "name": "王芳"} | (
        {"passport": {"number": "TR7654321", "country": "JP"}} if "passport" in person else {}
    )
    admin = post_graphql(client, document, {"input": other}).json()["data"][mutation]
    if "role" in person:
        assert admin["__typename"] == "InvalidInputError" and admin["field"] == "institutionId"
    else:
        assert not cypher("MATCH (:Person {id: $id})-[:WORKS_AT]->() RETURN 1", id=admin[field]["id"])


#: Every query field: a document and the roles that may read it (reference data is public). A field that
#: reads one record of OWN answers another institution's key as for a record that does not exist (ANSWERS_MISSING).
EVERYONE = set(ROLES)
READERS = {"admin", "analyst", "recruiter", "institution", "other-institution"}
QUERIES: dict[str, tuple[str, set[str]]] = {
    "people": ("{ people(first: 5) { totalCount } }", READERS),
    "person": ('{ person(id: "p-own") { name } }', READERS),
    "institutions": ("{ institutions(first: 5) { totalCount } }", READERS),
    "institution": (f'{{ institution(id: "{OWN}") {{ name }} }}', READERS),
    "teams": ("{ teams(first: 5) { totalCount } }", READERS),
    "team": ('{ team(id: "t-sub") { name } }', READERS),
    "identityReferrals": ("{ identityReferrals(first: 5) { totalCount } }", ADMIN_ONLY),
    "platforms": ("{ platforms(first: 5) { totalCount } }", READERS),
    "platform": ('{ platform(id: "none") { name } }', READERS),
    "visits": ("{ visits(first: 5) { totalCount } }", {"admin", "analyst", "institution", "other-institution"}),
    "visit": ('{ visit(id: "none") { id } }', {"admin", "analyst", "institution", "other-institution"}),
    "auditTrail": ("{ auditTrail(first: 5) { totalCount } }", ADMIN_ONLY),
    "regions": ("{ regions { code } }", EVERYONE),
    "region": ('{ region(code: "130800") { name } }', EVERYONE),
    "field": ('{ field(code: "hawthorn") { name } }', EVERYONE),
    "fields": ("{ fields { code } }", EVERYONE),
    "titleLevels": ("{ titleLevels { code } }", EVERYONE),
    "titleSeries": ("{ titleSeries { code } }", EVERYONE),
    "plans": ("{ plans { code } }", EVERYONE),
    "progress": ('{ progress(asOf: "2023-01-01") { value } }', EVERYONE),
    "talentStats": ("{ talentStats(groupBy: [REGION]) { total } }", EVERYONE),
    "searchExperts": ('{ searchExperts(query: "wang") { totalCount } }', {"admin", "analyst", "recruiter"}),
    "collaborators": ('{ collaborators(personId: "p-own") { score } }', READERS),
    "institutionsNeeding": ('{ institutionsNeeding(field: "hawthorn") { name } }', {"admin", "analyst", "recruiter"}),
    "project": ('{ project(id: "none") { name } }', READERS),
    "viewer": ("{ viewer { role institution { id } } }", EVERYONE),
}


def test_every_query_field_of_the_schema_has_a_row_in_the_table() -> None:
    assert schema_fields("Query") == set(QUERIES)


#: For another institution's key, the record each of these reads of OWN does not exist: null, or NotFound
#: when the field must have a subject.
ANSWERS_MISSING = {"person": None, "institution": None, "team": None, "collaborators": "NotFound"}


@pytest.mark.parametrize("role", ROLES)
def test_query_fields_are_read_or_refused_by_role(client: TestClient, cypher, keys, role: str) -> None:
    world(cypher)
    key = key_for(role, keys)
    for field, (document, allowed) in QUERIES.items():
        body = post_graphql(client, document, key=key).json()
        if role == "other-institution" and field in ANSWERS_MISSING:
            if ANSWERS_MISSING[field] is None:
                assert "errors" not in body and body["data"] == {field: None}, (field, body)
            else:
                assert body["errors"][0]["extensions"]["code"] == ANSWERS_MISSING[field], (field, body)
        elif role in allowed:
            assert "errors" not in body, (field, body)
        else:
            assert body["errors"][0]["extensions"]["code"] == "NotAllowed", (field, body)
            assert body["errors"][0]["message"], field


@pytest.mark.parametrize("role", ROLES)
def test_viewer_names_the_keys_role_and_only_an_institution_keys_institution(
    client: TestClient, cypher, keys, role: str
) -> None:
    world(cypher)
    body = graphql(client, "{ viewer { role institution { id name } } }", key=key_for(role, keys))
    expected_role = "INSTITUTION" if role.endswith("institution") else role.upper()
    institution = {
        "institution": {"id": OWN, "name": "承德钒钛研究院"},
        "other-institution": {"id": OTHER, "name": "隆化县医院"},
    }
    assert body["data"]["viewer"] == {"role": expected_role, "institution": institution.get(role)}


def test_anonymous_callers_are_told_what_is_missing(client: TestClient, cypher) -> None:
    body = post_graphql(client, "{ people { totalCount } }", key=None).json()
    assert (
        body["errors"][0]["message"]
        == "people needs a key with the role admin, analyst, recruiter, institution; this request has anonymous."
    )


CONTACTS = "{ people(first: 10, orderBy: {by: ID}) { nodes { id email phone consentToContact } } }"


def test_recruiter_sees_contact_details_only_where_the_person_consented(client: TestClient, cypher, keys) -> None:
    institution(cypher, OWN, "承德钒钛研究院", "130802")
    person(cypher, "p1", "王强", "wang qiang", OWN)
    person(cypher, "p2", "李娜", "li na", OWN)
    cypher(
        "MATCH (p:Person) SET p.email = p.id + '@example.cn', p.phone = '0314-1234567', "
        "p.consentToContact = (p.id = 'p1')"
    )
    recruiter = post_graphql(client, CONTACTS, key=keys("recruiter")).json()["data"]["people"]["nodes"]
    assert recruiter == [
        {"id": "p1", "email": "p1@example.cn", "phone": "0314-1234567", "consentToContact": True},
        {"id": "p2", "email": None, "phone": None, "consentToContact": False},
    ]
    analyst = post_graphql(client, CONTACTS, key=keys("analyst")).json()["data"]["people"]["nodes"]
    assert [row["email"] for row in analyst] == ["p1@example.cn", "p2@example.cn"]


def test_institution_key_reads_only_its_own_people_teams_and_institution(client: TestClient, cypher, keys) -> None:
    world(cypher)
    key = keys("institution", OWN)
    people = post_graphql(client, "{ people(first: 50) { totalCount nodes { id } } }", key=key).json()
    assert people["data"]["people"]["totalCount"] == 5
    assert {node["id"] for node in people["data"]["people"]["nodes"]} == {
        "p-own",
        "p-own2",
        "p-own3",
        "p-own4",
        "fe-own",
    }
    institutions = post_graphql(client, "{ institutions { nodes { id } } }", key=key).json()
    assert institutions["data"]["institutions"]["nodes"] == [{"id": OWN}]
    refused = [
        f'{{ people(where: {{institutionId: "{OTHER}"}}) {{ totalCount }} }}',
        f'{{ teams(where: {{institutionId: "{OTHER}"}}) {{ totalCount }} }}',
    ]
    for document in refused:
        body = post_graphql(client, document, key=key).json()
        assert body["errors"][0]["extensions"]["code"] == "NotAllowed", document
        assert OWN in body["errors"][0]["message"]
    # One record of another institution is answered exactly as one that does not exist.
    for document in ('{ person(id: "$id") { name } }', '{ institution(id: "$id") { name } }'):
        for missing in ("p-other" if "person" in document else OTHER, "no-such-record"):
            body = post_graphql(client, document.replace("$id", missing), key=key).json()
            assert "errors" not in body and list(body["data"].values()) == [None], (document, missing, body)
    other = post_graphql(
        client, '{ teams { totalCount } team(id: "t-sub") { name } }', key=keys("institution", OTHER)
    ).json()
    assert "errors" not in other and other["data"] == {"teams": {"totalCount": 0}, "team": None}


def test_unknown_key_is_401_with_a_clear_message(client: TestClient) -> None:
    response = post_graphql(client, "{ titleLevels { code } }", key="tg_not-a-key")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "not known or has been revoked" in response.json()["errors"][0]["message"]


def test_malformed_authorization_header_is_401(client: TestClient) -> None:
    response = client.post(
        "/graphql", json={"query": "{ titleLevels { code } }"}, headers={"authorization": "Basic dXNlcjpwYXNz"}
    )
    assert response.status_code == 401
    assert "Bearer" in response.json()["errors"][0]["message"]


def test_revoked_key_is_refused_once_its_cache_entry_expires(settings, neo4j_connection, cypher, keys) -> None:
    from server.app import create_app

    secret = keys("analyst")
    query = {"query": "{ people { totalCount } }"}
    with TestClient(
        create_app(settings.model_copy(update={"key_cache_seconds": 0}), neo4j_connection), headers=bearer(secret)
    ) as test_client:
        assert test_client.post("/graphql", json=query).status_code == 200
        cypher("MATCH (k:ApiKey {role: 'analyst'}) SET k.revokedAt = datetime()")
        assert test_client.post("/graphql", json=query).status_code == 401


def test_a_cached_key_costs_no_database_round_trip(client: TestClient, cypher, keys) -> None:
    key = keys("analyst")
    post_graphql(client, "{ titleLevels { code } }", key=key)
    cypher("MATCH (k:ApiKey {role: 'analyst'}) DELETE k")
    # Within the cache's lifetime the key is still known without asking the database.
    assert post_graphql(client, "{ titleLevels { code } }", key=key).status_code == 200


def test_authorization_switched_off_treats_every_request_as_an_administrator(
    settings, neo4j_connection, cypher
) -> None:
    from server.app import create_app

    with TestClient(create_app(settings.model_copy(update={"auth": False}), neo4j_connection)) as test_client:
        body = test_client.post("/graphql", json={"query": "{ auditTrail { totalCount } }"}).json()
    assert body["data"] == {"auditTrail": {"totalCount": 0}}
