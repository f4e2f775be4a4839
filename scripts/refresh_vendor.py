#!/usr/bin/env python3
"""Refresh the web interface's vendored front-end files from the npm registry.

The web interface ships its JavaScript libraries as plain files inside the package (no CDN at
run time, no node build at install time). This script is the only way they change: it asks
`npm pack` for each package of the manifest, takes the one file we serve and the package's
licence out of the tarball, and rewrites the manifest with the version, the npm integrity and
the sha256 of what it wrote. Run it by hand, review the diff, commit.

    python scripts/refresh_vendor.py            # re-fetch the pinned versions (reproducible)
    python scripts/refresh_vendor.py --upgrade  # newest version within each entry's `range`
    python scripts/refresh_vendor.py --check    # offline: vendored files match the manifest

`--check` is what the tests run; it needs neither npm nor the network.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

VENDOR = Path(__file__).resolve().parent.parent / "src" / "showbible" / "web" / "static" / "vendor"
MANIFEST = VENDOR / "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check(vendor: Path = VENDOR) -> list[str]:
    """Problems with the vendored files (empty when every file matches its manifest entry)."""
    problems = []
    for entry in load_manifest(vendor / "manifest.json")["packages"]:
        for key in ("file", "license_file"):
            target = vendor / entry[key]
            want = entry["sha256"] if key == "file" else entry["license_sha256"]
            if not target.is_file():
                problems.append(f"{entry['name']}: {entry[key]} is missing")
            elif sha256(target.read_bytes()) != want:
                problems.append(f"{entry['name']}: {entry[key]} does not match its sha256")
    return problems


def npm_pack(spec: str, into: Path) -> dict[str, Any]:
    """`npm pack SPEC` into a folder: the registry's own tarball, verified by npm."""
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    info: dict[str, Any] = json.loads(out)[0]
    return info


def member(tgz: Path, name: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as tar:
        handle = tar.extractfile(f"package/{name}")
        if handle is None:
            raise SystemExit(f"{tgz.name} has no {name}")
        return handle.read()


def refresh(upgrade: bool) -> None:
    manifest = load_manifest()
    with tempfile.TemporaryDirectory() as tmp:
        for entry in manifest["packages"]:
            spec = f"{entry['name']}@{entry['range'] if upgrade else entry['version']}"
            info = npm_pack(spec, Path(tmp))
            tgz = Path(tmp) / info["filename"]
            code = member(tgz, entry["source"])
            licence = member(tgz, entry["license_source"])
            (VENDOR / entry["file"]).write_bytes(code)
            (VENDOR / entry["license_file"]).write_bytes(licence)
            entry.update(
                version=info["version"],
                integrity=info["integrity"],
                sha256=sha256(code),
                license_sha256=sha256(licence),
                bytes=len(code),
            )
            print(f"{entry['name']} {info['version']}: {entry['file']} ({len(code)} bytes)")
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="verify offline, change nothing")
    group.add_argument("--upgrade", action="store_true", help="take the newest within `range`")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    refresh(args.upgrade)
    return 0


if __name__ == "__main__":
    sys.exit(main())
