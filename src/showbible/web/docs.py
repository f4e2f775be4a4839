"""/docs: the API described from its own OpenAPI schema, as a plain page.

FastAPI's Swagger UI loads from a CDN and runs inline script, both of which this server's
Content-Security-Policy forbids (and a CDN breaks offline use); the schema itself is served at
/openapi.json for tools.
"""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

# Example values for the "try it" links, chosen to work on the Sallowmouth demo.
EXAMPLES = {
    "name": "ida",
    "a": "ida",
    "b": "roz",
    "series": "magpie",
    "episode": "mp1",
    "target": "highwater:hw3",
    "q": "gull",
}


def endpoints(spec: Row) -> list[Row]:
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
                example = example.replace("{" + p["name"] + "}", EXAMPLES.get(p["name"], "x"))
        needed = [p for p in params if p["in"] == "query" and p["required"]]
        if needed:
            example += "?" + "&".join(f"{p['name']}={EXAMPLES.get(p['name'], 'x')}" for p in needed)
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
