"""The planted-error universes of bench/planted/, checked with their bibles: every planted error
found, every sealed one reported sealed, nothing else. A hundred and thirty-five of them (ferrymen,
highfell, kestrel-point, glass-republic, millbrook, ironwood, st-aldric, meridian, hollis-row,
vantage, larkspur, redline, thornbury, saltgrass, orbital, paperclip, quillon, ashgrove, tidemark,
neonveil, gaslight, capewell, harrowgate, sunspire, bayou, coldharbor,
midway, vineyard, roadcrew, checkpoint, hallway, hollowmere,
ringside, longboat, deepwater, brigade, telenovela, verdict, tigerclaw,
meadowbrook, nightwatch, offshore, lekki, webtoon, redearth, fridaylights, dalesvet,
seriesb, lofoten, handover, pointe, dressingroom, hurlers, valleydig, icebound, bushline,
mauerfall, pequod, bottega, liftoff, mezcal, ramen, storyville, shearing, monsoon, havana,
rinkside, saltworks, matatu, gauchos, kimchi, burgundy, sherpa, samba, kilim, tonnara,
klondike, cwmderi, steppe, summit, qawwali, skerry, tannery, glacier, foundry, monastery,
sugarcane, observatory, tango, rodeo, zanzibar, bolshoi,
pearling, harbin, cardamom, dubbing, fado, sumo, bazaar, quarry, cannery, opera, nuuk,
caravan, saffron, kiln, yukon, laamb, hobart, potosi, highlife, shanghai,
gobi, marseille, antarctic, tromso, manila, tbilisi, chantier, faroe, cumbia, dabba, lviv,
estancia, cairo, thikaroad, hanoi, dockyard, sahel, andes,
larder, orchard, kabuki, beacon, morro) were
written by outside authors who read only DESIGN.md and never ran the engine; their first looks
are in bench/planted/README.md. A false alarm here is a regression on writing not shaped to
the rules.
"""

from __future__ import annotations

import pytest

import bench_module

_planted = bench_module.load("planted_score")
UNIVERSES = sorted(p.name for p in _planted.HERE.iterdir() if (p / "expected.yaml").is_file())


@pytest.mark.parametrize("name", UNIVERSES)
def test_every_planted_error_found_and_nothing_else(name: str) -> None:
    (score,) = _planted.run([_planted.HERE / name])
    missed = "\n".join(str(m) for m in score.missed)
    extra = "\n".join(f"{f.file}:{f.line} {f.rule}: {f.message}" for f in score.false_positives)
    assert score.found == score.planted, missed
    assert score.sealed_found == score.sealed_expected, missed
    assert not score.false_positives, extra


def test_the_outside_authors_universes_are_there() -> None:
    outside = {"ferrymen", "highfell", "kestrel-point", "glass-republic", "millbrook", "ironwood"}
    outside |= {"st-aldric", "meridian", "hollis-row", "vantage", "larkspur", "redline"}
    outside |= {"thornbury", "saltgrass", "orbital", "paperclip", "quillon", "ashgrove"}
    outside |= {"tidemark", "neonveil", "gaslight", "capewell", "harrowgate", "sunspire"}
    outside |= {"bayou", "coldharbor", "midway", "vineyard", "roadcrew", "checkpoint"}
    outside |= {"hallway", "hollowmere", "ringside", "longboat", "deepwater", "brigade"}
    outside |= {"telenovela", "verdict", "tigerclaw", "meadowbrook", "nightwatch", "offshore"}
    outside |= {"lekki", "webtoon", "redearth", "fridaylights", "dalesvet", "seriesb"}
    outside |= {"lofoten", "handover", "pointe", "dressingroom", "hurlers", "valleydig"}
    outside |= {"icebound", "bushline", "mauerfall", "pequod", "bottega", "liftoff"}
    outside |= {"mezcal", "ramen", "storyville", "shearing", "monsoon", "havana"}
    outside |= {"rinkside", "saltworks", "matatu", "gauchos", "kimchi", "burgundy"}
    outside |= {"sherpa", "samba", "kilim", "tonnara", "klondike", "cwmderi", "steppe"}
    outside |= {"summit", "qawwali", "skerry", "tannery", "glacier", "foundry", "monastery"}
    outside |= {"sugarcane", "observatory", "tango", "rodeo", "zanzibar", "bolshoi"}
    outside |= {"pearling", "harbin", "cardamom", "dubbing", "fado", "sumo"}
    outside |= {"bazaar", "quarry", "cannery", "opera", "nuuk", "caravan", "saffron"}
    outside |= {"kiln", "yukon", "laamb", "hobart", "potosi", "highlife"}
    outside |= {"shanghai", "gobi", "marseille", "antarctic", "tromso", "manila"}
    outside |= {"tbilisi", "chantier", "faroe", "cumbia", "dabba", "lviv", "estancia"}
    outside |= {"cairo", "thikaroad", "hanoi", "dockyard", "sahel", "andes", "larder"}
    outside |= {"orchard", "kabuki", "beacon", "morro"}
    assert outside <= set(UNIVERSES)
