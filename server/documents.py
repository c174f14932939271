"""Cost before work: each GraphQL document is parsed and validated once, within limits, in linear time.

`CheckedDocuments` is the schema extension that does it, in place of strawberry's parser and validation
caches: the document's size is checked before it is parsed, its tokens while parsing
(`max_tokens`), then the specified rules run with `LimitsRule`, and the outcome (document and errors)
is kept in a cache bounded by bytes. A large document is parsed and validated in a worker thread
(one per schema: large documents queue for it), so that the event loop goes on serving other requests
meanwhile.

`LimitsRule` measures every operation's depth, aliases and cost with each fragment measured once and
multiplied by its uses, so that fragments spreading fragments cost no more time than their text (the
depth and alias rules that ship with strawberry walk every expanded copy: 18 fragments each spreading
the previous twice took seconds). The cost model is in docs/security.md.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    get_named_type,
    get_nullable_type,
    parse,
)
from graphql.validation.rules import overlapping_fields_can_be_merged
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from server.common.connection import DEFAULT_PAGE_SIZE

#: How many items a list field without a page size (a person's titles, a region's children) is
#: assumed to hold, on average, when a document's cost is estimated. Such lists nest (a region's
#: children's children…): at 2, the region tree asked 11 levels deep costs about 4,000.
LIST_ESTIMATE = 2

#: Documents at least this long are parsed and validated in a worker thread (a few hundred tokens:
#: about a millisecond of work; below it, the thread would cost more than it saves).
OFFLOAD_CHARS = 2_000

#: What a parsed document weighs in the cache, per character of its text: a document dense with tokens
#: (`{ a { b b b … } }`) measured 122 bytes of AST per character (tracemalloc), most far less.
BYTES_PER_CHAR = 128


#: The work graphql-core's OverlappingFieldsCanBeMergedRule may spend comparing fields before it refuses
#: a document ("Validation aborted."); its default, 500,000, let 300 fragments spread in one selection
#: take 4.5 s to refuse, 50,000 about 0.5 s. GraphiQL's introspection query needs under 10,000. It is a
#: module setting of graphql-core, made for this.
overlapping_fields_can_be_merged.MAX_COMPLEXITY_BUDGET = 50_000


@dataclass(frozen=True)
class Measure:
    """What an operation (or a fragment, relative to where it is spread) asks for."""

    depth: int
    aliases: int
    cost: int


_NOTHING = Measure(0, 0, 0)


class _Measurer:
    """Measures the operations of one document; each fragment is walked once (memoized)."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, max_page_size: int) -> None:
        self.schema = schema
        self.max_page_size = max_page_size
        self.fragments = {
            node.name.value: node for node in document.definitions if isinstance(node, FragmentDefinitionNode)
        }
        self.measured: dict[str, Measure] = {}
        self.in_progress: set[str] = set()

    def operation(self, node: OperationDefinitionNode) -> Measure:
        return self.selections(node.selection_set, self.schema.get_root_type(node.operation))

    def fragment(self, name: str) -> Measure:
        if name in self.measured:
            return self.measured[name]
        definition = self.fragments.get(name)
        # A cycle or an unknown fragment: the specified rules refuse the document, so any answer does.
        if definition is None or name in self.in_progress:
            return _NOTHING
        self.in_progress.add(name)
        try:
            measure = self.selections(
                definition.selection_set, self.schema.get_type(definition.type_condition.name.value)
            )
        finally:
            self.in_progress.discard(name)
        self.measured[name] = measure
        return measure

    def selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None) -> Measure:
        """The deepest level below this selection set (its own selections at level 0), aliases and cost."""
        depth = aliases = cost = 0
        for selection in selection_set.selections or ():
            if isinstance(selection, FieldNode):
                if selection.alias is not None:
                    aliases += 1
                cost += 1
                if selection.selection_set is None:
                    continue
                definition = _field(parent, selection.name.value)
                inner = self.selections(
                    selection.selection_set, get_named_type(definition.type) if definition is not None else None
                )
                aliases += inner.aliases
                # Introspection is answered from memory and not counted in depth (as graphql-depth-limit);
                # graphql-core's MaxIntrospectionDepthRule bounds its nesting.
                if selection.name.value.startswith("__") or (parent is not None and parent.name.startswith("__")):
                    cost += inner.cost
                    continue
                depth = max(depth, 1 + inner.depth)
                cost += self.multiplier(selection, definition, parent) * inner.cost
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.selections(
                    selection.selection_set, self.schema.get_type(condition.name.value) if condition else parent
                )
                depth, aliases, cost = max(depth, inner.depth), aliases + inner.aliases, cost + inner.cost
            elif isinstance(selection, FragmentSpreadNode):
                inner = self.fragment(selection.name.value)
                depth, aliases, cost = max(depth, inner.depth), aliases + inner.aliases, cost + inner.cost
        return Measure(depth, aliases, cost)

    def multiplier(self, node: FieldNode, definition: GraphQLField | None, parent: GraphQLNamedType | None) -> int:
        """How many times a field's selections are resolved: its page size, or an estimate for a list."""
        if definition is None:
            return 1
        if "first" in definition.args:
            return self.page_size(node, definition)
        if isinstance(get_nullable_type(definition.type), GraphQLList):
            # A connection's edges and nodes are the page its field already counted.
            return 1 if _field(parent, "pageInfo") is not None else LIST_ESTIMATE
        return 1

    def page_size(self, node: FieldNode, definition: GraphQLField) -> int:
        """`first` or `last` as written (the larger, if both), the list's default page when both are absent,
        the largest page for a variable."""
        sizes = [
            max(1, min(int(argument.value.value), self.max_page_size))
            if isinstance(argument.value, IntValueNode)
            else self.max_page_size
            for argument in node.arguments or ()
            if argument.name.value in ("first", "last")
        ]
        if sizes:
            return max(sizes)
        default = definition.args["first"].default_value
        size = default if isinstance(default, int) else DEFAULT_PAGE_SIZE
        return max(1, min(size, self.max_page_size))


def _field(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def measure_operations(
    schema: GraphQLSchema, document: DocumentNode, max_page_size: int
) -> list[tuple[OperationDefinitionNode, Measure]]:
    """Every operation of `document` with its depth, aliases and cost; linear in the document's length."""
    measurer = _Measurer(schema, document, max_page_size)
    return [
        (node, measurer.operation(node)) for node in document.definitions if isinstance(node, OperationDefinitionNode)
    ]


@dataclass(frozen=True)
class Limits:
    """What one document may ask for (settings `max_*`)."""

    max_depth: int
    max_aliases: int
    max_cost: int
    max_page_size: int
    max_tokens: int
    max_document_chars: int
    introspection: bool = True


def limits_rule(limits: Limits) -> type[ASTValidationRule]:
    """A validation rule refusing operations too deep, with too many aliases, or costing too much."""

    class LimitsRule(ASTValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> Any:
            context = self.context
            assert isinstance(context, ValidationContext)
            measured = measure_operations(context.schema, node, limits.max_page_size)
            for operation, measure in measured:
                name = operation.name.value if operation.name else "anonymous"
                if measure.depth > limits.max_depth:
                    context.report_error(
                        GraphQLError(f"'{name}' exceeds maximum operation depth of {limits.max_depth}", operation)
                    )
                if measure.cost > limits.max_cost:
                    context.report_error(
                        GraphQLError(
                            f"'{name}' would cost {measure.cost:,} (fields times page sizes), more than the "
                            f"{limits.max_cost:,} allowed: ask for smaller pages or fewer nested lists.",
                            operation,
                        )
                    )
            aliases = sum(measure.aliases for _, measure in measured)
            if aliases > limits.max_aliases:
                context.report_error(GraphQLError(f"{aliases} aliases found. Allowed: {limits.max_aliases}"))

    return LimitsRule


class NoIntrospectionRule(ASTValidationRule):
    """Refuses `__schema` and `__type` at the root of an operation (TALENTGRAPH_INTROSPECTION=false)."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> Any:
        for selection in node.selection_set.selections:
            if isinstance(selection, FieldNode) and selection.name.value in ("__schema", "__type"):
                self.context.report_error(GraphQLError("Introspection is disabled on this server.", selection))
                return


@dataclass(frozen=True)
class Checked:
    """A document's outcome: the parsed document (None if it did not parse) and its errors."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]


class DocumentCache:
    """Checked documents by text, least recently used first out, bounded by their estimated bytes.

    A document that would weigh more than an eighth of the budget is never kept: a flood of large
    distinct documents cannot push out the small ones every client sends, nor hold memory.
    """

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self._entries: OrderedDict[str, tuple[Checked, int]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def weight(query: str) -> int:
        return BYTES_PER_CHAR * len(query)

    def get(self, query: str) -> Checked | None:
        with self._lock:
            entry = self._entries.get(query)
            if entry is None:
                return None
            self._entries.move_to_end(query)
            return entry[0]

    def put(self, query: str, checked: Checked) -> None:
        weight = self.weight(query)
        if weight > self.budget // 8:
            return
        with self._lock:
            if query in self._entries:
                return
            self._entries[query] = (checked, weight)
            self.used += weight
            while self.used > self.budget:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.used -= dropped

    def __len__(self) -> int:
        return len(self._entries)


def check_document(
    query: str, schema: GraphQLSchema, limits: Limits, rules: Sequence[type[ASTValidationRule]]
) -> Checked:
    """Parse and validate `query` within `limits`: the document, or the errors that refuse it."""
    if len(query) > limits.max_document_chars:
        return Checked(
            None,
            (
                GraphQLError(
                    f"The document is {len(query):,} characters long; this server accepts at most "
                    f"{limits.max_document_chars:,}."
                ),
            ),
        )
    try:
        document = parse(query, max_tokens=limits.max_tokens)
    except GraphQLError as error:
        return Checked(None, (error,))
    return Checked(document, tuple(validate_document(schema, document, tuple(rules))))


class CheckedDocuments(SchemaExtension):
    """Parse and validate each document once, within limits, cached (strawberry's own steps then skip).

    Made per request by `checked_documents`, sharing one cache per schema.
    """

    def __init__(
        self,
        cache: DocumentCache,
        limits: Limits,
        extra_rules: Sequence[type[ASTValidationRule]],
        worker: ThreadPoolExecutor,
    ) -> None:
        super().__init__()
        self.cache = cache
        self.worker = worker
        self.limits = limits
        self.extra_rules = tuple(extra_rules)
        self.checked: Checked | None = None

    async def on_parse(self) -> Any:  # type: ignore[override]
        context = self.execution_context
        query = context.query or ""
        checked = self.cache.get(query)
        if checked is None:
            schema = context.schema._schema  # the GraphQLSchema strawberry built, as its own caches use it
            rules = (*context.validation_rules, *self.extra_rules)
            if len(query) >= OFFLOAD_CHARS:
                checked = await asyncio.get_running_loop().run_in_executor(
                    self.worker, check_document, query, schema, self.limits, rules
                )
            else:
                checked = check_document(query, schema, self.limits, rules)
            self.cache.put(query, checked)
        self.checked = checked
        if checked.document is None:
            raise checked.errors[0]
        context.graphql_document = checked.document
        yield

    def on_validate(self) -> Iterator[None]:
        assert self.checked is not None
        self.execution_context.pre_execution_errors = list(self.checked.errors)
        yield


def checked_documents(limits: Limits, cache_bytes: int) -> Callable[[], CheckedDocuments]:
    """The extension factory for a schema: one cache and one rule set, a new extension per request."""
    cache = DocumentCache(cache_bytes)
    rules: list[type[ASTValidationRule]] = [limits_rule(limits)]
    if not limits.introspection:
        rules.append(NoIntrospectionRule)
    # One thread: large documents wait for each other, and the event loop shares the interpreter with at
    # most one of them at a time.
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphql-documents")
    return lambda: CheckedDocuments(cache, limits, rules, worker)
