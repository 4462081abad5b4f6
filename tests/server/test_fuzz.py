"""The API fuzzed from its own OpenAPI schema: no 5xx, and a rejected request changes nothing."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from joinus_desktop.domain import entities

from .helpers import World, snapshot

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis import GenerationMode

EXAMPLES = 60


def _aim(case: Any, world: World, mode: GenerationMode) -> Any:
    """Point generated pushes, erasures and audit uploads at the caller's own device and
    team, so they get past auth.

    In positive mode the generated field names are also mapped onto the entity's
    real fields (the schema cannot say which names each entity has), so the
    random values reach the merge and validation code instead of stopping at
    ``unknown_field``.
    """
    if isinstance(case.body, dict) and "youngster_id" in case.body:  # POST /erase
        case.body["team_id"] = world.team_a
        return case
    if isinstance(case.body, dict) and "entries" in case.body:  # POST /audit
        case.body["device_id"] = world.anna.device_id
        return case
    if not (isinstance(case.body, dict) and "batch_id" in case.body):
        return case
    case.body["device_id"] = world.anna.device_id
    changes = case.body.get("changes")
    # Negative mode sends anything as "changes" (true, a number …): left as generated.
    for item in changes if isinstance(changes, list) else []:
        if not isinstance(item, dict):
            continue
        item["team_id"] = world.team_a
        spec = entities.ENTITIES.get(item.get("entity"))  # type: ignore[arg-type]
        if mode is GenerationMode.POSITIVE and spec and isinstance(item.get("fields"), dict):
            names = spec.synced_fields
            item["fields"] = {names[i % len(names)]: value
                              for i, value in enumerate(item["fields"].values())}
            base = item.get("base")
            item["base"] = {name: stamp for name, stamp in
                            zip(item["fields"], (base if isinstance(base, dict) else {}).values(),
                                strict=False)}
    return case


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=["positive", "negative"])
def test_fuzzed_requests_never_fail_on_the_server(world: World, mode: GenerationMode) -> None:
    app = world.client.app  # type: ignore[attr-defined]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    operations = {f"{op.method.upper()} {op.path}" for op in found}
    assert operations == {"POST /api/v1/enroll", "POST /api/v1/sync/push",
                          "GET /api/v1/sync/pull", "GET /api/v1/reports/programme",
                          "GET /healthz", "GET /api/v1/settings", "POST /api/v1/erase",
                          "POST /api/v1/audit", "GET /api/v1/retention/due",
                          "GET /api/v1/members"}
    strategy = schema.as_strategy(generation_mode=mode, headers=world.anna.headers)
    statuses: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy.map(lambda case: _aim(case, world, mode)))
    def check(case: Any) -> None:
        before = snapshot(world.storage)
        response = case.call()
        statuses.append(response.status_code)
        assert response.status_code < 500, (case.method, case.path, response.text[:500])
        if response.status_code >= 400:
            body = json.loads(response.content)
            assert set(body["error"]) == {"code", "message"}
            assert snapshot(world.storage) == before, (case.method, case.path)

    check()
    assert len(statuses) >= EXAMPLES // 2
