"""Destructions by fire told as what happens to the place ("burns", "is ablaze", "is engulfed in
flames"), and a subject "it" that points back to the heading's place or the place the sentence
before names (reading/infer/destructions.py, places.py). Read bare: no bible places."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe


def _destroyed(tmp_path: Path, script: str, ext: str = "fountain") -> dict[str, float]:
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / f"e1.{ext}").write_text(script, encoding="utf-8")
    (tmp_path / "universe.yaml").write_text(
        f'name: T\nseries:\n  - id: h\n    scripts: ["h/*.{ext}"]\n', encoding="utf-8"
    )
    compiled = compile_universe(load_universe(tmp_path))
    assert compiled.collected is not None
    return {
        e.subject: e.confidence or 0.0
        for e in compiled.collected.inferred
        if e.verb == "destroyed" and "withdrawn" not in e.data
    }


@pytest.mark.parametrize(
    ("script", "place"),
    [
        ("EXT. QUAY - NIGHT\n\nAcross the water, the boathouse burns.\n", "~boathouse"),
        ("EXT. QUAY - NIGHT\n\nBehind them the Gull Inn is ablaze.\n", "~gull inn"),
        ("INT. NET LOFT - NIGHT\n\nThe net loft is engulfed in flames as Ida runs.\n", "~net loft"),
        ("EXT. NET LOFT - NIGHT\n\nIt is ablaze. Ida drags Silas into the mud.\n", "~net loft"),
        (
            "EXT. QUAY - NIGHT\n\nMara rows past the Harrow Street warehouse. "
            "It goes up in flames.\n",
            "~harrow street warehouse",
        ),
        ("EXT. QUAY - NIGHT\n\nRuth locks the cold store. It burns behind her.\n", "~cold store"),
        # the object, not what a preposition governs: "from the cliff" is no candidate
        (
            "EXT. QUAY - NIGHT\n\nMara watches the Sable Queen ferry from the cliff. It sinks.\n",
            "~sable queen ferry",
        ),
    ],
)
def test_fire_destroys_the_place(tmp_path: Path, script: str, place: str) -> None:
    assert _destroyed(tmp_path, script).get(place, 0.0) >= 0.9


def test_fire_in_a_transcript(tmp_path: Path) -> None:
    script = "[Scene: The Mill]\n\n[The mill is ablaze.]\n\nMARA: Run!\n"
    assert _destroyed(tmp_path, script, "txt").get("~the mill", 0.0) >= 0.9


@pytest.mark.parametrize(
    "script",
    [
        "INT. CHAPEL - NIGHT\n\nThe chapel is ablaze with candles for the wedding.\n",
        "EXT. LIGHTHOUSE - NIGHT\n\nThe fog engulfs the lighthouse.\n",
        "INT. CHAPEL - NIGHT\n\nThe chapel is engulfed in darkness.\n",
        "INT. BOATHOUSE - NIGHT\n\nCole lights the fuse. It burns.\n",
        "INT. OFFICE - NIGHT\n\nHollis sets the letter on the stove in the office. It burns.\n",
        "INT. SMITHY - DAY\n\nThe forge burns hot. Bram hammers a horseshoe.\n",
        "EXT. QUAY - NIGHT\n\nMara runs from the mill toward the chapel. It explodes.\n",
        "INT. LIGHTHOUSE - NIGHT\n\nThe lighthouse burns its lamp all night.\n",
        "EXT. QUAY - NIGHT\n\nMara drops the anchor beside the Sable Queen ferry. It sinks.\n",
    ],
)
def test_no_confident_destruction(tmp_path: Path, script: str) -> None:
    """Light, weather, a figure; an "it" that may be a thing, or one of two places."""
    assert all(c < 0.9 for c in _destroyed(tmp_path, script).values())
