"""The side-by-side HTML review page of a TEI file, made by `xslt/review.xsl` run in lxml.

Needs a TEI file the pipeline wrote (or a reviewed one): it is parsed with the
safe parser, then transformed. The stylesheet is plain XSLT 1.0, so a reviewer's
XML editor renders the same page from the same file. The page is static: inline
CSS, no scripts, fonts or links to fetch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import ReviewError
from .safe_xml import ParseLimits, parse_tei_file

STYLESHEET = Path(__file__).resolve().parent / "xslt" / "review.xsl"


@dataclass(frozen=True)
class ReviewPageOptions:
    min_cert: float = 0.5  # flag machine translations whose certainty (@cert, 0..1) is lower
    limits: ParseLimits = ParseLimits()


def load_stylesheet(path: Path = STYLESHEET) -> etree.XSLT:
    """The compiled review stylesheet; no document() or file access is allowed to it."""
    access = etree.XSLTAccessControl.DENY_ALL
    try:
        return etree.XSLT(etree.parse(str(path)), access_control=access)
    except (OSError, etree.XMLSyntaxError, etree.XSLTParseError) as exc:
        raise ReviewError(f"{path}: cannot load the review stylesheet ({exc})") from None


def render_review_page(
    tei_path: Path, options: ReviewPageOptions = ReviewPageOptions(), stylesheet: etree.XSLT | None = None
) -> bytes:
    """The HTML review page (UTF-8 bytes) of the TEI file at `tei_path`."""
    tree = parse_tei_file(tei_path, options.limits)
    transform = stylesheet or load_stylesheet()
    try:
        result = transform(tree, **{"min-cert": str(float(options.min_cert))})
    except etree.XSLTApplyError as exc:
        raise ReviewError(f"{tei_path}: the review stylesheet failed ({exc})") from None
    return bytes(result)
