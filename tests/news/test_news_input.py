"""Articles as people save them: HTML pages, PDFs, empty files, a huge text, the same article
twice. Each is read or refused with a clear message and exit 2; nothing is proposed twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import run
from showbible.news import extract_facts

PAGE = """<!DOCTYPE html>
<html><head><title>Night Ferry news</title>
<script>var x = "Jane Doe stars as Nobody";</script>
<style>p { color: red }</style></head>
<body><nav>Home | TV | Film</nav>
<article>
<h1>Night Ferry adds a familiar face</h1>
<p>The second season of <i>Night Ferry</i> brings back Mara Voss
(Jane Doe), who first appeared in <em>Harrowgate</em>.</p>
<p>Showrunner Rosa Ibarra told us &ldquo;it was always the plan.&rdquo;</p>
</article>
<footer>All rights reserved</footer>
</body></html>
"""


def test_an_html_page_is_read_for_its_text(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    facts = {(f.kind, f.subject, f.object, f.line) for f in extract_facts([page], use_spacy=False)}
    assert ("plays", "Jane Doe", "Mara Voss", 8) in facts  # the line its paragraph starts on
    assert ("appears_in", "Mara Voss", "Harrowgate", 8) in facts
    assert ("appears_in", "Mara Voss", "Night Ferry", 8) in facts
    assert ("quote", "Rosa Ibarra", "it was always the plan.", 10) in facts
    assert not any(f[2] == "Nobody" for f in facts)  # scripts are not text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty article"),
        (b"   \n\n  \n", "empty article"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "a PDF, not article text"),
        (b"\x00\x01\x02binary\x00data" * 10, "binary data"),
        (b"<html><body><script>only()</script></body></html>", "no article text"),
    ],
)
def test_bad_input_is_refused_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "news", str(path), "--format", "json")
    assert code == 2, (out, err)
    assert message in err and "article.txt" in err
    assert "Traceback" not in err


def test_a_huge_text_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, sparse: cheap to make, never read
    code, _, err = run(capsys, "news", str(path))
    assert code == 2 and "MB is not a news article" in err


def test_a_text_longer_than_any_article_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "book.txt"
    path.write_text("Mara Voss (Jane Doe) returns in the spin-off Harrowgate. " * 6000)
    code, _, err = run(capsys, "news", str(path))
    assert code == 2 and "characters of text is not a news article" in err


def test_a_page_flattened_into_one_line_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    path = tmp_path / "flat.txt"
    path.write_text("Mara Voss (Jane Doe) returns in the spin-off Harrowgate. " * 600)
    facts = extract_facts([path], use_spacy=False)
    assert {(f.kind, f.subject, f.object, f.line) for f in facts} >= {
        ("plays", "Jane Doe", "Mara Voss", 1),
        ("appears_in", "Mara Voss", "Harrowgate", 1),
    }


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "news", str(tmp_path / "nowhere.txt"))
    assert code == 2 and "cannot read article" in err


def test_the_same_article_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Mara Voss (Jane Doe) returns in the spin-off Harrowgate.\n")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(one.read_bytes())
    code, out, _ = run(capsys, "news", str(one), str(one), str(copy), "--format", "json")
    assert code == 0
    facts = [(f["kind"], f["subject"], f["object"]) for f in json.loads(out)["facts"]]
    assert len(facts) == len(set(facts)) and ("plays", "Jane Doe", "Mara Voss") in facts


def test_a_paragraph_of_prose_is_kept_whatever_page_furniture_it_mentions() -> None:
    # "a path Amos didn't sign up for": a phrase of a newsletter box inside the article's prose
    from showbible.news.cleaning import read_article

    prose = (
        "To the extent that the sixth season of Harbor Nights goes, we saw Maren (Nia Vale) "
        "brushing at the role of the ferry in how feels an endless war with Teodor (Tom Roe) "
        "and his crew. She is worried she is not getting paid enough, of course, but she is "
        "also concerned that Ivo is leading his crew down a path Maren didn't sign up for."
    )
    box = "Sign up for our newsletter and never miss an episode."
    article = read_article(enumerate([prose, "", box], 1), "a.txt")
    texts = [p.text for p in article.paragraphs]
    assert prose in texts and box not in texts


def test_a_minimum_confidence_keeps_only_the_surer_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    # "A plays X" (0.85) and a character placed in the show the article is about (below 0.7)
    path.write_text(
        "Harrowgate returns\n\nJane Doe plays Mara Voss in the new season of Harrowgate. "
        "Fans will meet Ivo Crane (Tom Reyes) too.\n"
    )
    code, out, _ = run(capsys, "news", str(path), "--format", "json")
    every = json.loads(out)["facts"]
    code2, out2, _ = run(capsys, "news", str(path), "--format", "json", "--min-confidence", "0.7")
    sure = json.loads(out2)["facts"]
    assert code == code2 == 0
    assert sure and all(f["confidence"] >= 0.7 for f in sure)
    assert len(sure) < len(every)
    code3, _, err = run(capsys, "news", str(path), "--min-confidence", "2")
    assert code3 == 2 and "min-confidence" in err


def test_a_film_role_is_marked_and_tv_only_leaves_it_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `news --format json` carries the medium of a role set in a film; `--tv-only` leaves the
    # role out, as the reader did before it was marked
    monkeypatch.chdir(tmp_path)  # no universe upward: nothing is recorded for review
    article = tmp_path / "film.txt"
    article.write_text(
        "Jane Holt recalls her spy role\n\n"
        "Jane Holt has joined the soap Harbour Lane.\n\n"
        "The Oscar-winning actress played NSA agent Mara Voss in the 2002 film Salt Flats.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "news", "--format", "json", str(article))
    assert code == 0
    marked = {
        (f["kind"], f["subject"], f["object"]): f.get("medium") for f in json.loads(out)["facts"]
    }
    assert marked.get(("plays", "Jane Holt", "Mara Voss")) == "film", marked
    code, out, _ = run(capsys, "news", "--format", "json", "--tv-only", str(article))
    assert code == 0
    kept = {(f["kind"], f["subject"], f["object"]) for f in json.loads(out)["facts"]}
    assert ("plays", "Jane Holt", "Mara Voss") not in kept, kept
