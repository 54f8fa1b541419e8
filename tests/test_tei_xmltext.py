"""Text hostile to XML never produces malformed or invalid TEI."""

from __future__ import annotations

import pytest
from lxml import etree
from test_tei_builders import document, fragment, para, sent, tr

from pipeline.model import Block, BlockKind
from pipeline.tei import xmltext
from pipeline.tei.export import build_tei
from pipeline.tei.options import ExportOptions
from pipeline.tei.schema import validate

OPTIONS = ExportOptions(date="2024-05-01")


@pytest.mark.parametrize(
    "text, written",
    [
        ("a < b & c", "a &lt; b &amp; c"),  # markup characters are escaped
        ("x ]]> y", "x ]]&gt; y"),  # the CDATA end marker cannot survive as is
        ("\"quoted\" 'and' >", "\"quoted\" 'and' &gt;"),
    ],
)
def test_markup_characters_are_escaped(text, written, tei_schema):
    result = build_tei(document(para("b1", sent("s1", text, translation=tr(text)))), OPTIONS)
    assert f'<s xml:id="d000.nl.s1">{written}</s>' in result.data.decode()
    assert f'<s xml:id="d000.en.s1" corresp="#d000.nl.s1">{written}</s>' in result.data.decode()
    assert etree.fromstring(result.data).xpath("string(//*[@xml:id='d000.nl.s1'])") == text
    assert result.warnings == []
    assert validate(tei_schema, result.data) == []


@pytest.mark.parametrize(
    "char, label",
    [
        ("\x00", "U+0000"),  # NUL: forbidden by XML 1.0
        ("\x07", "U+0007"),  # BEL: a C0 control character from a broken PDF extraction
        ("\x1b", "U+001B"),  # ESC
        ("\ufffe", "U+FFFE"),  # a noncharacter XML forbids
        ("\ud800", "U+D800"),  # an unpaired surrogate (after a lossy decode)
        ("\udcff", "U+DCFF"),  # the low half alone, as surrogateescape produces
    ],
)
def test_forbidden_characters_become_recorded_gaps(char, label, tei_schema):
    text = f"voor{char}na"
    doc = document(
        para("b1", sent("s1", text, translation=tr(f"before{char}after"))),
        Block("b2", BlockKind.FW_HEADER, f"kop{char}", (2, 2)),
    )
    result = build_tei(doc, OPTIONS)
    assert fragment(result.data, "//*[@xml:id='d000.nl.s1']") == (
        f'<s xml:id="d000.nl.s1">voor<gap reason="forbidden-character" n="{label}"/>na</s>'
    )
    assert fragment(result.data, "//*[@xml:id='d000.nl.b2']") == (
        f'<fw xml:id="d000.nl.b2" type="header">kop<gap reason="forbidden-character" n="{label}"/></fw>'
    )
    assert len(result.warnings) == 3
    assert all(label in w and "cannot appear in XML" in w for w in result.warnings)
    assert validate(tei_schema, result.data) == []


def test_forbidden_characters_in_header_fields_are_replaced_and_reported(tei_schema):
    doc = document(para("b1", sent("s1", "Zin.")))
    meta = doc.meta.__class__(**{**doc.meta.__dict__, "title": "Titel\x0b met tab", "author": "A\ud800"})
    result = build_tei(doc.__class__(**{**doc.__dict__, "meta": meta}), OPTIONS)
    root = etree.fromstring(result.data)
    assert root.xpath("//*[local-name()='titleStmt']/*[local-name()='title'][1]/text()") == ["Titel\ufffd met tab"]
    assert any("U+000B" in w for w in result.warnings) and any("U+D800" in w for w in result.warnings)
    assert validate(tei_schema, result.data) == []


def test_allowed_characters_pass_untouched():
    text = "tab\there, newline\n, é, 😀, \u0085 and \ue000"
    assert xmltext.plain(text) == text
    assert list(xmltext.split_forbidden(text)) == [(text, None)]
