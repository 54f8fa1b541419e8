"""The side-by-side review page: made by XSLT in lxml, static, and shown by a real browser."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from lxml import etree, html

from pipeline.cli import cli
from pipeline.model import Translation
from pipeline.review_page import ReviewPageOptions, render_review_page
from pipeline.tei.export import document_to_tei
from pipeline.tei.options import ExportOptions

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
# A test double for the translator: a few words swapped, enough for English annotations to exist.
WORDS = {"Libië": "Libya", "Libische": "Libyan", "Europese Unie": "European Union", "mensenrechten": "human rights"}


def fake_translate(doc):
    def translated(sentence, score):
        text = sentence.text
        for nl, en in WORDS.items():
            text = text.replace(nl, en)
        return dataclasses.replace(sentence, translation=Translation((text,), "machine", engine="double", score=score))

    blocks = []
    for block in doc.blocks:
        sentences = tuple(translated(s, -0.1 if n % 4 else -3.0) for n, s in enumerate(block.sentences))
        blocks.append(dataclasses.replace(block, sentences=sentences))
    return dataclasses.replace(doc, blocks=tuple(blocks))


@pytest.fixture(scope="module")
def d002_tei(tmp_path_factory, corpus_entries, corpus_dir):
    from pipeline.annotate import Lexicon, annotate
    from pipeline.readers import read_document
    from pipeline.segment import segment

    entry = next(e for e in corpus_entries if e.id == "d002")
    doc = annotate(fake_translate(segment(read_document(entry))), Lexicon.load(corpus_dir.parent / "annotations"))
    path = tmp_path_factory.mktemp("d002") / "d002.xml"
    path.write_bytes(document_to_tei(doc, ExportOptions(date="2024-05-01")))
    return path


def expected_pairs(tei_path):
    return len(etree.parse(str(tei_path)).findall(".//tei:linkGrp[@type='alignment']/tei:link", NS))


def test_page_shows_every_pair_with_ids_and_highlights(d002_tei):
    page = html.fromstring(render_review_page(d002_tei))
    rows = page.xpath("//tr[contains(@class, 'pair')]")
    assert len(rows) == expected_pairs(d002_tei) > 50
    assert page.xpath("string(//*[@id='pair-count'])") == str(len(rows))
    assert rows[0].get("id").startswith("pair-d002.nl.s")
    for side in ("nl", "en"):
        kinds = set(page.xpath(f"//td[@class='{side}']//span[contains(@class, 'ann ')]/@class"))
        assert any("place" in k for k in kinds) and any("org" in k or "obligation" in k for k in kinds), (side, kinds)
    assert page.xpath("//tr[contains(@class, 'is-low')]"), "the low-score sentences are flagged"


def test_page_is_static_with_no_network_dependencies(d002_tei):
    data = render_review_page(d002_tei)
    page = html.fromstring(data)
    assert page.xpath("//script | //link | //img | //iframe | //@src | //@href") == []
    assert b"@import" not in data and b"url(" not in data


def test_mismatched_annotations_are_flagged(tmp_path):
    from test_review_samples import sample_document

    doc = sample_document()
    block = doc.blocks[1]
    s3 = block.sentences[1]
    s3 = dataclasses.replace(s3, translation=dataclasses.replace(s3.translation, annotations=()))
    doc = dataclasses.replace(
        doc, blocks=(doc.blocks[0], dataclasses.replace(block, sentences=(block.sentences[0], s3)), *doc.blocks[2:])
    )
    path = tmp_path / "d900.xml"
    path.write_bytes(document_to_tei(doc, ExportOptions(date="2024-05-01")))
    page = html.fromstring(render_review_page(path, ReviewPageOptions(min_cert=0.5)))
    assert page.xpath("//tr[contains(@class, 'is-mismatch')]/@id") == ["pair-d900.nl.s3"]
    assert page.xpath("//tr[contains(@class, 'is-low')]/@id") == ["pair-d900.nl.s3"]  # cert 0.064


def test_cli_writes_the_page(d002_tei, tmp_path):
    out = tmp_path / "d002.html"
    result = CliRunner().invoke(cli, ["review", str(d002_tei), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    assert out.read_bytes().startswith(b"<!DOCTYPE html")


def test_cli_refuses_a_hostile_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>')
    result = CliRunner().invoke(cli, ["review", str(bad), "-o", str(tmp_path / "bad.html")])
    assert result.exit_code == 1
    assert "declares entities; refused" in result.output
    assert not (tmp_path / "bad.html").exists()


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail(
            "headless Chromium is needed for the review-page test: install Debian's package (apt-get install -y chromium)"
        )
    return found


def test_review_page_of_d002_renders_in_headless_chromium(d002_tei, tmp_path):
    page = tmp_path / "d002.html"
    page.write_bytes(render_review_page(d002_tei))
    flags = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        flags + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    rendered = html.fromstring(dom)
    assert len(rendered.xpath("//tr[contains(@class, 'pair')]")) == expected_pairs(d002_tei)
    assert rendered.xpath("//td[@class='nl']//span[contains(@class, 'ann ')]")
    assert rendered.xpath("//td[@class='en']//span[contains(@class, 'ann ')]")
    shot = tmp_path / "d002.png"
    subprocess.run(
        flags + [f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
