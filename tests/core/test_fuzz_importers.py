"""Hostile files: every importer gets garbage and near-misses, and answers only with its
documented error while the store stays exactly as it was.

- the meeting file (docs/meeting-file.md): MeetingFileError naming the JSON path, store unchanged;
- a user's Word template: a Dutch warning and the house style instead, never an exception.

With CI set, each fuzz test runs at least 2,000 examples (the "ci" profile); locally fewer.
"""

import contextlib
import copy
import io
import json
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taskforce_desktop import paths
from taskforce_desktop.core import backup, services
from taskforce_desktop.core.meeting_file import MeetingFileError, import_meeting_file

settings.register_profile(
    "fuzz-ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz-local",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FUZZ = settings.get_profile("fuzz-ci" if os.environ.get("CI") else "fuzz-local")

SAMPLE = json.loads(paths.resource("samples", "voorbeeld.verslag.json").read_text(encoding="utf-8"))


def dump(store):
    raw = store.engine.raw_connection()
    try:
        return backup.table_dump(raw.driver_connection)
    finally:
        raw.close()


@pytest.fixture
def filled_store(store):
    """The store already holds the sample meeting; imports of near-misses must not touch it."""
    import_meeting_file(store, json.dumps(SAMPLE))
    return store


def import_must_fail_cleanly_or_succeed(store, source):
    before = dump(store)
    try:
        result = import_meeting_file(store, source)
    except MeetingFileError as error:
        assert str(error)
        assert dump(store) == before
    else:
        # A mutation can still be a valid, new meeting. Removed again so the store (and
        # the cost of comparing it) does not grow with every example.
        with contextlib.suppress(services.DomainError):  # an approved meeting stays
            services.delete_meeting(store, result.meeting_id)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(st.binary(max_size=400))
def test_meeting_file_from_random_bytes(filled_store, data):
    import_must_fail_cleanly_or_succeed(filled_store, data)


@FUZZ
@given(json_values)
def test_meeting_file_of_random_json(filled_store, value):
    import_must_fail_cleanly_or_succeed(filled_store, json.dumps(value).encode("utf-8"))


def _paths(value, prefix=()):
    """Every place in a JSON document: (path as keys/indices, value there)."""
    yield prefix, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


SAMPLE_PATHS = [path for path, _value in _paths(SAMPLE) if path]


@st.composite
def near_misses(draw):
    """The sample meeting with a few places replaced, removed or given an extra key."""
    document = copy.deepcopy(SAMPLE)
    document["meeting"]["title"] = draw(st.text(min_size=1, max_size=20))  # not a duplicate
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(SAMPLE_PATHS))
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "remove", "extra"]))
            if action == "replace":
                parent[path[-1]] = draw(json_values)
            elif action == "remove":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.text(max_size=8))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation already changed this place's shape
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8")


@FUZZ
@given(near_misses())
def test_meeting_file_near_misses(filled_store, source):
    import_must_fail_cleanly_or_succeed(filled_store, source)


# ---------------------------------------------------------------------------- Word template


docx_export = pytest.importorskip("taskforce_desktop.core.export.docx")
HOUSE_TEMPLATE = paths.resource(*docx_export.HOUSE_TEMPLATE).read_bytes()
HOUSE_MEMBERS = zipfile.ZipFile(io.BytesIO(HOUSE_TEMPLATE)).namelist()


def load_must_warn_or_succeed(tmp_path, content: bytes):
    template = tmp_path / "eigen-sjabloon.docx"
    template.write_bytes(content)
    warnings = []
    document = docx_export.load_template(template, warnings)
    assert document is not None
    for warning in warnings:
        assert "Het Word-sjabloon 'eigen-sjabloon.docx' kon niet worden gelezen" in warning


@st.composite
def hostile_packages(draw):
    """The house template as a valid zip with one member replaced, cut short or dropped."""
    member = draw(st.sampled_from(HOUSE_MEMBERS))
    source = zipfile.ZipFile(io.BytesIO(HOUSE_TEMPLATE))
    original = source.read(member)
    action = draw(st.sampled_from(["random", "truncate", "drop", "flip"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                if action == "drop":
                    continue
                if action == "random":
                    content = draw(st.binary(max_size=200))
                elif action == "truncate":
                    content = content[: draw(st.integers(0, max(0, len(content) - 1)))]
                else:
                    position = draw(st.integers(0, max(0, len(original) - 1)))
                    content = (
                        content[:position]
                        + bytes([draw(st.integers(0, 255))])
                        + content[position + 1 :]
                    )
            target.writestr(info, content)
    return out.getvalue()


@FUZZ
@given(st.binary(max_size=600))
def test_word_template_from_random_bytes(tmp_path, content):
    load_must_warn_or_succeed(tmp_path, content)


@FUZZ
@given(hostile_packages())
def test_word_template_with_a_damaged_part(tmp_path, content):
    load_must_warn_or_succeed(tmp_path, content)
