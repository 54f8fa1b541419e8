"""Hostile or broken reviewed files are refused with a clear message and nothing else happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ReviewError
from pipeline.safe_xml import ParseLimits, parse_bytes, parse_file, parse_tei_file

MINIMAL_TEI = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d9">
  <teiHeader/>
  <text><group>
    <text xml:lang="nl" xml:id="d9.nl"><body><p><s xml:id="d9.nl.s1">Hallo.</s></p></body></text>
    <text xml:lang="en" xml:id="d9.en"><body><p><s xml:id="d9.en.s1">Hello.</s></p></body></text>
  </group></text>
</TEI>
"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d9"><text>&lol9;</text></TEI>
"""


def external_entity(target: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE TEI [ <!ENTITY secret SYSTEM "file://{target}"> ]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d9"><text>&secret;</text></TEI>
""".encode()


def test_a_well_formed_pipeline_tei_file_is_read(tmp_path):
    path = tmp_path / "d9.xml"
    path.write_bytes(MINIMAL_TEI)
    tree = parse_tei_file(path)
    assert tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id") == "d9"


def test_billion_laughs_is_refused_without_expansion(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_bytes(BILLION_LAUGHS)
    with pytest.raises(ReviewError, match=r"laughs\.xml: line 3: the DOCTYPE declares entities; refused"):
        parse_file(path)


def test_external_entity_to_a_local_file_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n")
    path = tmp_path / "xxe.xml"
    path.write_bytes(external_entity(secret))
    with pytest.raises(ReviewError) as caught:
        parse_file(path)
    assert "declares entities" in str(caught.value)
    assert "TOP-SECRET" not in str(caught.value)


def test_external_entity_to_etc_passwd_is_refused(tmp_path):
    path = tmp_path / "passwd.xml"
    path.write_bytes(external_entity(Path("/etc/passwd")))
    with pytest.raises(ReviewError) as caught:
        parse_file(path)
    assert "root:" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_the_parser_itself_never_substitutes_entities_even_without_the_prescan(tmp_path):
    # Defence in depth: the parser is configured safely even if the text check were bypassed
    # (an entity declaration in UTF-16 is invisible to a byte search for "<!ENTITY").
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n")
    path = tmp_path / "xxe16.xml"
    path.write_bytes(
        external_entity(secret).decode().replace('version="1.0"?', 'version="1.0" encoding="UTF-16"?').encode("utf-16")
    )
    with pytest.raises(ReviewError, match="declares entities"):
        parse_file(path)


def test_a_200_mb_file_is_refused_by_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.write(MINIMAL_TEI[:60])
        handle.truncate(200 * 1024 * 1024)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(
        ReviewError, match=r"huge\.xml: file is 200 MB, larger than the 50 MB a reviewed TEI file may have"
    ):
        parse_file(path)
    assert path not in opened


def test_the_size_bound_is_configurable(tmp_path):
    path = tmp_path / "d9.xml"
    path.write_bytes(MINIMAL_TEI)
    with pytest.raises(ReviewError, match="larger than the 100 bytes"):
        parse_file(path, ParseLimits(max_bytes=100))


@pytest.mark.parametrize(
    "data, message",
    [
        # a reviewer's unclosed tag: the line of the problem is what they need
        (
            b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<text>\n<s>oops</text>\n</TEI>",
            r"broken\.xml: line 3: not well-formed XML",
        ),
        # an empty file (saved by mistake)
        (b"", r"broken\.xml: line \d+: not well-formed XML"),
    ],
)
def test_not_well_formed_files_name_the_line(tmp_path, data, message):
    path = tmp_path / "broken.xml"
    path.write_bytes(data)
    with pytest.raises(ReviewError, match=message):
        parse_file(path)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<html/>", r"root element is <html> without a namespace, expected <TEI>"),
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", r"<TEI> has no xml:id"),
        (
            b"<TEI xmlns='http://www.tei-c.org/ns/1.0' xml:id='x'><text/></TEI>",
            r'expected <text><group> with a Dutch \(xml:lang="nl"\) <text>',
        ),
    ],
)
def test_well_formed_but_not_our_tei_is_refused(tmp_path, data, message):
    path = tmp_path / "other.xml"
    path.write_bytes(data)
    with pytest.raises(ReviewError, match=r"other\.xml: line 1: " + message):
        parse_tei_file(path)


def test_a_dtd_reference_is_not_fetched(tmp_path):
    # An external DTD subset (no entity declarations) is ignored, never loaded.
    data = MINIMAL_TEI.replace(b"<TEI ", b'<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd">\n<TEI ', 1)
    tree = parse_bytes(data, "dtd.xml")
    assert tree.getroot().tag.endswith("TEI")
