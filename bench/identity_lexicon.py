"""Derive the word lists that identity decisions read (src/showbible/reading/lexicon/).

Not run by builds or tests: the lists are committed, so a build loads two small text files
instead of importing these packages. Re-run after upgrading either package:

    pip install 'wordfreq==3.1.1' 'nameparser==2.6.0'
    python bench/identity_lexicon.py

- ``common.txt``: English words (names included) at or above Zipf frequency 3.6 in wordfreq's
  English list: a label that is one of these (JACK, HENRY, COLLINS, BURKE, DATA) is too common
  for a shared label alone to say it is one person in two series.
- ``titles.txt``: occupational and honorific titles from nameparser's title list (ASCII words),
  less the few that are also names of well-known characters: a label that is nothing but these
  words (OFFICER, CHEF, SENATOR, PHOTOGRAPHER) names a position, not a person.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "showbible" / "reading" / "lexicon"
ZIPF = 3.6
# nameparser titles that are also characters' names or plain words that a role list must not
# hold (BANNER is Bruce Banner; HIS/HER/MOST are not positions).
NOT_TITLES = {
    "banner", "his", "her", "most", "right", "united", "states", "uk", "us", "english", "british",
    "federal", "national", "royal", "grand", "high", "first", "credit", "discovery", "family",
    "information", "knowledge", "mystery", "rock", "blues", "classical", "excellent", "law",
    "legal", "marketing", "mathematics", "strategy", "risk", "travel", "kingdom", "award-winning",
    "bench", "biblical", "business", "corporate", "criminal", "customs", "district", "division",
    "docket", "field", "film", "financial", "flag", "flying", "foreign", "group", "hereditary",
    "judicial", "literary", "military", "municipal", "operating", "political", "social",
    "software", "special", "staff", "state", "supreme", "technical", "television", "theater",
    "theatre", "wing", "air", "army", "navy", "opera", "ballet", "baseball", "soccer",
    "analytics", "behavioral", "intelligence", "revenue", "tax", "civil", "rear", "vice", "petty",
    "warrant", "senior", "resident", "superior", "presiding", "designated", "personality",
    "celebrity", "comic", "member", "host", "model", "player", "leader", "blessed", "saint",
    "sainte", "venerable", "eminence", "excellency", "highness", "holiness", "honorable",
    "honourable", "majesty", "goodman", "goodwife", "heir", "heiress", "mother", "father",
}  # fmt: skip


def main() -> None:
    from nameparser.config import CONSTANTS
    from wordfreq import top_n_list, zipf_frequency

    OUT.mkdir(parents=True, exist_ok=True)
    common = sorted(
        {
            w
            for w in top_n_list("en", 60000)
            if w.isascii() and w.replace("'", "").isalpha() and zipf_frequency(w, "en") >= ZIPF
        }
    )
    (OUT / "common.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    titles = sorted(
        t
        for t in CONSTANTS.titles
        if t.isascii() and t.replace("-", "").isalpha() and len(t) > 2 and t not in NOT_TITLES
    )
    (OUT / "titles.txt").write_text("\n".join(titles) + "\n", encoding="utf-8")
    print(f"{len(common)} common words, {len(titles)} titles -> {OUT}")


if __name__ == "__main__":
    main()
