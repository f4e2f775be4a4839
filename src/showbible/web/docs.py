"""/docs: the API described from its own OpenAPI schema, as a plain page.

FastAPI's Swagger UI loads from a CDN and runs inline script, both of which this server's
Content-Security-Policy forbids (and a CDN breaks offline use); the schema itself is served at
/openapi.json for tools.
"""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

# Example values for the "try it" links when the viewer has seen nothing to take them from.
EXAMPLES = {
    "name": "x",
    "a": "x",
    "b": "y",
    "series": "x",
    "episode": "x",
    "target": "x",
    "q": "a",
}


def examples_for(view: Any) -> dict[str, str]:
    """Example values from what this viewer has seen (most seen characters, the last episode
    seen): fixed examples would name people and episodes that come later (spoilers)."""
    out = dict(EXAMPLES)
    people = [c for c, _n in view.sight.appearances.most_common(2) if not c.startswith("role:")]
    if people:
        out["name"] = out["a"] = people[0]
        out["b"] = people[-1]
    if view.sight.episodes:
        last = view.sight.episodes[-1]
        out.update(series=last.series, episode=last.id, target=last.key)
    return out


def endpoints(spec: Row, examples: dict[str, str] | None = None) -> list[Row]:
    examples = examples if examples is not None else EXAMPLES
    out = []
    for path, methods in spec.get("paths", {}).items():
        op = methods.get("get")
        if op is None:
            continue
        params = []
        for p in op.get("parameters", []):
            schema = p.get("schema", {})
            kind = schema.get("type") or " | ".join(
                str(a.get("type", "")) for a in schema.get("anyOf", []) if a.get("type") != "null"
            )
            params.append(
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "type": kind,
                    "description": p.get("description", ""),
                }
            )
        example = path
        for p in params:
            if p["in"] == "path":
                example = example.replace("{" + p["name"] + "}", examples.get(p["name"], "x"))
        needed = [p for p in params if p["in"] == "query" and p["required"]]
        if needed:
            example += "?" + "&".join(f"{p['name']}={examples.get(p['name'], 'x')}" for p in needed)
        out.append(
            {
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "params": params,
                "example": example,
            }
        )
    return out
