import copy
import json

import jsonschema
import pytest

from conftest import EXAMPLE, SCHEMA
from helpers import run

ARTICLES = str(EXAMPLE / "articles")


@pytest.fixture(scope="module")
def schema():
    s = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(s)
    return s


@pytest.fixture(scope="module")
def briefing():
    res = run("brief", ARTICLES, "--format", "json", "--no-store")
    assert res.code == 0
    return res.json()


def test_output_validates(schema, briefing):
    jsonschema.validate(briefing, schema)


def test_unknown_top_level_field_is_rejected(schema, briefing):
    extra = {**briefing, "sentiment": "positive"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(extra, schema)


@pytest.mark.parametrize("field", ["summary", "sources", "skipped", "run", "title", "schema_version"])
def test_fields_a_consumer_relies_on_are_required(schema, briefing, field):
    broken = copy.deepcopy(briefing)
    del broken[field]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_summary_sentence_needs_its_span(schema, briefing):
    broken = copy.deepcopy(briefing)
    del broken["summary"][0]["start"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_skipped_inputs_validate_too(schema, tmp_path):
    res = run("brief", ARTICLES, str(tmp_path / "gone.txt"), "--format", "json", "--no-store")
    assert res.code == 1
    b = res.json()
    jsonschema.validate(b, schema)
    assert b["skipped"][0]["input"].endswith("gone.txt")
