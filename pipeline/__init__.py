"""Bilingual annotation and export pipeline: Dutch policy texts to bilingual TEI P5."""

__version__ = "0.1.0"
