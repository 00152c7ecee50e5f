"""The JSON Schema for editors is derived from the model: same fields, same required, same
allowed values; and the valid example's front matter passes it.

`check()` is a deliberately tiny validator for the keywords the export uses, so that the
tests need no extra package.
"""

from __future__ import annotations

import json
import re
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES
from familiennetz.fields import fields_of
from familiennetz.schema_export import schema_for, write_schemas
from familiennetz.types import BY_FOLDER, ITEM_TYPES, REFERENCE_TYPES, Type, angebot, kreis, netzwerk, parts

ALL_TYPES = ITEM_TYPES + REFERENCE_TYPES
_FORMATS = {"date": r"^\d{4}-\d{2}-\d{2}$",
            "date-time": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$"}
_TYPES: dict[str, Any] = {"object": dict, "array": list, "string": str, "boolean": bool}


def check(schema: dict[str, Any], value: Any, at: str = "") -> list[str]:
    """What is wrong with value; only the keywords our schemas use."""
    where = at or "(Wurzel)"
    kind = schema.get("type")
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"{where}: integer"]
    elif kind is not None and not isinstance(value, _TYPES[kind]):
        return [f"{where}: {kind}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: enum")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            errors.append(f"{where}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: pattern")
        if "format" in schema and not re.match(_FORMATS[schema["format"]], value):
            errors.append(f"{where}: format")
    if isinstance(value, int) and value < schema.get("minimum", value):
        errors.append(f"{where}: minimum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: minItems")
        for index, item in enumerate(value):
            errors += check(schema.get("items", {}), item, f"{at}.{index}".lstrip("."))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: required {name}" for name in schema.get("required", [])
                   if name not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: additional {key}" for key in value if key not in props]
        for key, item in value.items():
            if key in props:
                errors += check(props[key], item, f"{at}.{key}".lstrip("."))
    if "anyOf" in schema and all(check(branch, value, at) for branch in schema["anyOf"]):
        errors.append(f"{where}: anyOf")
    return errors


def as_json(value: Any) -> Any:
    """What an editor sees of YAML: dates are text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def front_matter(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return as_json(yaml.safe_load(text.split("---\n")[1]))


def objects(schema: dict[str, Any], at: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every object schema inside, with its path."""
    found = [(at, schema)] if schema.get("type") == "object" else []
    for key, prop in schema.get("properties", {}).items():
        found += objects(prop, f"{at}.{key}".lstrip("."))
    if "items" in schema:
        found += objects(schema["items"], f"{at}.0".lstrip("."))
    return found


def model_at(root: type, at: str) -> type:
    """The model of a nested field path like `meeting.speakers.0`."""
    current = root
    for part in at.split(".") if at else []:
        if part.isdigit():
            continue
        info = {i.name: i for i in fields_of(current)}[part]
        shape = info.shape.item if info.shape.kind == "list" else info.shape
        assert shape is not None and shape.model is not None
        current = shape.model
    return current


# --- derived from the model ------------------------------------------------------------------------


@pytest.mark.parametrize("doctype", ALL_TYPES, ids=[t.key for t in ALL_TYPES])
def test_required_fields_and_properties_equal_the_model(doctype: Type) -> None:
    schema = schema_for(doctype)
    infos = fields_of(doctype.model)
    assert schema["required"] == [i.name for i in infos if i.required]
    assert list(schema["properties"]) == [i.name for i in infos]
    assert all(schema["properties"][i.name]["title"] == i.doc.label for i in infos)


@pytest.mark.parametrize("doctype", ALL_TYPES, ids=[t.key for t in ALL_TYPES])
def test_nested_mappings_follow_their_models_and_forbid_unknown_fields(doctype: Type) -> None:
    for at, schema in objects(schema_for(doctype)):
        assert schema["additionalProperties"] is False, at
        nested = fields_of(model_at(doctype.model, at))
        assert list(schema["properties"]) == [i.name for i in nested], at
        assert schema.get("required", []) == [i.name for i in nested if i.required], at


@pytest.mark.parametrize(("folder", "field", "literal"), [
    ("angebote", "offer_type", angebot.OfferKind),
    ("netzwerke", "network_type", netzwerk.NetworkKind),
    ("kreise", "kind", kreis.DistrictKind),
    ("kreise", "state", kreis.State),
])
def test_enum_values_equal_the_literal(folder: str, field: str, literal: Any) -> None:
    prop = schema_for(BY_FOLDER[folder])["properties"][field]
    assert prop["enum"] == list(typing.get_args(literal))


def test_list_of_enum_values_equals_the_literal() -> None:
    prop = schema_for(BY_FOLDER["angebote"])["properties"]["target_groups"]
    assert prop["type"] == "array" and prop["minItems"] == 1
    assert prop["items"]["enum"] == list(typing.get_args(parts.TargetGroup))


def test_constraints_follow_the_field_declarations() -> None:
    props = schema_for(BY_FOLDER["pressemitteilungen"])["properties"]
    assert (props["title"]["minLength"], props["title"]["maxLength"]) == (5, 160)
    assert props["districts"]["minItems"] == 1
    assert props["number"] == {**props["number"], "type": "integer", "minimum": 1}
    assert props["date"]["anyOf"] == [{"type": "string", "format": "date"},
                                      {"type": "string", "format": "date-time"}]
    assert props["embargo"]["format"] == "date-time"
    assert props["network"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    offer = schema_for(BY_FOLDER["angebote"])["properties"]
    assert offer["location"]["properties"]["postcode"]["pattern"] == r"^[0-9]{5}$"
    assert offer["contact"]["anyOf"] == [{"required": ["email"]}, {"required": ["phone"]},
                                         {"required": ["website"]}]


# --- against real front matter ------------------------------------------------------------------

VALID_FILES = sorted(p for p in (EXAMPLES / "valid").rglob("*.md")
                     if p.relative_to(EXAMPLES / "valid").parts[0] in BY_FOLDER)


@pytest.mark.parametrize("path", VALID_FILES, ids=[p.name for p in VALID_FILES])
def test_valid_example_front_matter_passes_the_exported_schema(path: Path, tmp_path: Path) -> None:
    write_schemas(tmp_path)
    doctype = BY_FOLDER[path.relative_to(EXAMPLES / "valid").parts[0]]
    schema = json.loads((tmp_path / f"{doctype.key}.schema.json").read_text(encoding="utf-8"))
    assert check(schema, front_matter(path)) == []


@pytest.mark.parametrize(("case", "error"), [
    ("unknown-field", "(Wurzel): additional sumary"),
    ("missing-field", "(Wurzel): required title"),
    ("invalid-value-enum", "offer_type: enum"),
    ("missing-field-offer-contact", "contact: anyOf"),
    ("wrong-type-list", "districts: array"),
    ("wrong-type-number", "number: integer"),
    ("length-too-short", "title: length"),
    ("invalid-date-no-offset", "embargo: format"),
])
def test_invalid_examples_fail_the_schema_too(case: str, error: str) -> None:
    [path] = [p for p in (EXAMPLES / "invalid" / case).rglob("*.md")]
    doctype = BY_FOLDER[path.relative_to(EXAMPLES / "invalid" / case).parts[0]]
    assert error in check(schema_for(doctype), front_matter(path))


def test_tiny_checker_accepts_and_rejects() -> None:
    schema = {"type": "object", "required": ["a"], "additionalProperties": False,
              "properties": {"a": {"enum": ["x"]}}}
    assert check(schema, {"a": "x"}) == []
    assert check(schema, {"a": "y", "b": 1}) == ["(Wurzel): additional b", "a: enum"]


# --- the files ---------------------------------------------------------------------------------


def test_write_schemas_writes_one_file_per_type(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schemas")
    assert sorted(p.name for p in written) == sorted(f"{t.key}.schema.json" for t in ALL_TYPES)
    for path in written:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"familiennetz/{path.name}"
        assert schema["title"].startswith("Familiennetz: ")
        assert "\\u00" not in path.read_text(encoding="utf-8")  # umlauts stay readable
