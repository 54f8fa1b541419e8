"""TEI and XML namespace helpers shared by the exporter modules."""

from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
SCHEMA_URL = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
XML_MODEL_PI = f'href="{SCHEMA_URL}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'

# annotation category -> the TEI element that encodes it, and the element's fixed attributes
ANNOTATION_TAGS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "org": ("orgName", ()),
    "person": ("persName", ()),
    "place": ("placeName", ()),
    "obligation": ("term", (("type", "obligation"),)),
    "case": ("title", (("type", "case"),)),
}
# a mention that does not name its entity ("het Hof", "de Minister") but was resolved to the one named before it
RESOLVED_ATTRIB = ("subtype", "resolved")
ANNOTATION_CATEGORIES = {tag: category for category, (tag, _attrib) in ANNOTATION_TAGS.items()}


def tei(tag: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"
