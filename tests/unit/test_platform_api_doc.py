"""docs/platform-api-v1.yaml is what the client sends and accepts (the integrators build on it)."""

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from desktop_app.domain.file_kinds import KINDS, MAX_FILE_BYTES
from desktop_app.domain.states import ITEM_KIND_NAMES, ItemMode
from desktop_app.sync.online_protocol import (
    CHANNELS,
    DECISIONS,
    FileRef,
    decision_payload,
    parse_application,
)
from desktop_app.sync.protocol import EVENT_STATES, item_payload, parse_event

DOC = Path(__file__).resolve().parents[2] / "docs" / "platform-api-v1.yaml"


def _spec() -> dict[str, Any]:
    spec = yaml.safe_load(DOC.read_text(encoding="utf-8"))
    assert isinstance(spec, dict)
    return spec


def test_the_document_is_openapi_with_both_operations() -> None:
    spec = _spec()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/v1/items",
        "/api/v1/events",
        "/api/v1/applications",
        "/api/v1/applications/{id}/decision",
        "/api/v1/files/{sha256}",
        "/api/v1/enterprises/{credit_code}",
    }
    assert "post" in spec["paths"]["/api/v1/items"]
    assert "get" in spec["paths"]["/api/v1/events"]


def test_the_item_schema_matches_what_the_client_posts() -> None:
    schema = _spec()["components"]["schemas"]["Item"]
    payload = item_payload(
        "3f0c5a8e-7d3b-4a59-9a51-0b7d0c6b2f11",
        "SL1",
        "drug_retail",
        "market",
        "normal",
        "店",
        "91640324MA76XXXX1T",
        dt.datetime(2025, 10, 8, 1, 23, 45),
        {},
        [("business_licence", True)],
    )
    assert set(schema["required"]) == set(payload) == set(schema["properties"])
    assert schema["properties"]["mode"]["enum"] == [m.value for m in ItemMode]
    assert schema["properties"]["kind"]["enum"] == list(ITEM_KIND_NAMES)
    assert set(schema["properties"]["enterprise"]["required"]) == set(payload["enterprise"])
    material = schema["properties"]["materials"]["items"]["properties"]
    assert set(material) == set(payload["materials"][0])
    assert material["files"]["items"]["$ref"] == "#/components/schemas/FileRef"


def test_files_are_uploaded_by_hash_and_fetched_by_hash() -> None:
    operations = _spec()["paths"]["/api/v1/files/{sha256}"]
    assert {"put", "get"} <= set(operations)
    assert set(operations["put"]["requestBody"]["content"]) == {
        "application/pdf",
        "image/jpeg",
        "image/png",
    }


def test_the_event_schema_matches_what_the_client_accepts() -> None:
    schema = _spec()["components"]["schemas"]["Event"]
    assert tuple(schema["properties"]["state"]["enum"]) == EVENT_STATES
    example = {
        "event_id": "e1",
        "platform_id": "P1",
        "idempotency_key": "3f0c5a8e-7d3b-4a59-9a51-0b7d0c6b2f11",
        "seq": 2,
        "state": "approved",
        "permit_no": "JY16403240001",
        "valid_from": "2025-10-08",
        "valid_to": None,
        "reason": None,
        "at": "2025-10-08T09:00:00+08:00",
    }
    assert set(example) == set(schema["properties"])
    assert parse_event(example).permit_no == "JY16403240001"
    for required in schema["required"]:
        assert required in example


def test_the_online_application_schema_matches_what_the_client_accepts() -> None:
    schemas = _spec()["components"]["schemas"]
    application = schemas["OnlineApplication"]
    example = {
        "id": "W1",
        "submitted_at": "2025-09-26T08:30:00+08:00",
        "channel": "web",
        "industry": "convenience_store",
        "answers": {"area_m2": 25},
        "form": {"enterprise_name": "店"},
        "materials": {
            "site_plan": [
                {"sha256": "a" * 64, "size": 10, "name": "p.pdf", "content_type": "application/pdf"}
            ]
        },
        "commitments": [],
    }
    assert set(application["required"]) == set(example) == set(application["properties"])
    assert tuple(application["properties"]["channel"]["enum"]) == CHANNELS
    parsed = parse_application(example)
    assert parsed.submitted_at == dt.datetime(2025, 9, 26, 0, 30)
    file_ref = schemas["FileRef"]
    assert set(file_ref["required"]) == set(FileRef._fields)
    assert file_ref["properties"]["content_type"]["enum"] == list(KINDS)
    assert file_ref["properties"]["size"]["maximum"] == MAX_FILE_BYTES
    decision = schemas["Decision"]
    assert tuple(decision["properties"]["decision"]["enum"]) == DECISIONS
    for kind in DECISIONS:
        body = decision_payload("k", kind, "SL1", ["理由"])
        assert set(body) <= set(decision["properties"])
        assert set(decision["required"]) <= set(body)
