"""Domain errors raised by `graph/`: the server turns them into typed GraphQL errors."""

from __future__ import annotations


class SetupError(RuntimeError):
    """Something the machine lacks (a JDK, Maven) or a database that would not start."""


class DatabaseUnavailable(Exception):
    """Neo4j cannot be reached right now (stopped, restarting, or every connection busy): try again shortly.

    Not a DomainError: no mutation turns it into a typed error, the whole request is refused (HTTP 503), and a
    write it interrupted was not acknowledged.
    """

    def __init__(self, retry_after: int = 5) -> None:
        super().__init__(
            f"The database cannot be reached right now (it may be restarting): try again in {retry_after} seconds. "
            "A change sent with this request is not confirmed."
        )
        self.message = str(self)
        self.message_zh = f"暂时无法连接数据库(可能正在重启),请{retry_after}秒后重试;本次请求中的修改未获确认。"
        self.retry_after = retry_after


class WritesPaused(Exception):
    """Writes are paused for a moment (a backup is being taken): try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Writes are paused while a backup is taken: try again in {retry_after} s.")
        self.retry_after = retry_after


class StatementTimedOut(Exception):
    """The database ended a transaction that ran past its timeout: the request asked for too much work."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"The database stopped this request after {seconds:g} s (the limit for one statement): "
            "ask for less (a smaller page, fewer nested lists, a narrower filter) and try again."
        )
        self.seconds = seconds


class InvalidValue(ValueError):
    """A value that cannot be accepted, with the reason in English and in Chinese (no field known yet)."""

    def __init__(self, reason_en: str, reason_zh: str) -> None:
        super().__init__(f"{reason_en} / {reason_zh}")
        self.reason_en = reason_en
        self.reason_zh = reason_zh


class DomainError(Exception):
    """An expected failure a person can act on; `message_zh` is the same sentence in Chinese."""

    def __init__(self, message: str, message_zh: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh
        self.field = field


class InvalidInput(DomainError):
    """A value out of range, malformed or inconsistent."""


class NotFound(DomainError):
    """A referenced node (region, institution, person, title…) does not exist."""

    def __init__(self, entity: str, key: str, field: str | None = None, within: str | None = None) -> None:
        # `within`: the institution a key is bound to, whose records alone exist for it (graph/access.py).
        if within is None:
            super().__init__(f"No {entity} with key {key!r}.", f"未找到{_ZH.get(entity, entity)}:{key}", field)
        else:
            super().__init__(
                f"No {entity} with key {key!r} among the records of institution {within}.",
                f"在单位 {within} 的记录中未找到{_ZH.get(entity, entity)}:{key}",
                field,
            )
        self.entity = entity
        self.key = key


class Conflict(DomainError):
    """The write would break a uniqueness rule (a duplicate certificate number, credit code…)."""


class DuplicateKey(Conflict):
    """A uniqueness constraint refused the write: the key is taken, perhaps by a concurrent transaction."""


class NotAllowed(DomainError):
    """The caller's key does not permit this."""


_ZH = {
    "region": "地区",
    "institution": "单位",
    "person": "人员",
    "title": "职称",
    "field": "领域",
    "team": "团队",
    "platform": "平台",
    "visit": "来访",
    "project": "项目",
    "target": "目标",
    "key": "密钥",
    "team member": "团队成员",
    "foreign expert": "外国专家",
}
