"""How case law, uncurated instruments, resolved back-references and ECLIs look in TEI.

Runs the pipeline (no translation) over a letter written for this test and checks
the exported XML, which the run validates against tei_all before writing it.
"""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.names import TEI_NS
from pipeline.tei.options import ExportOptions

LETTER = (
    "In de zaak Hirsi Jamaa (ECLI:CE:ECHR:2012:0223JUD002776509) oordeelde het EHRM over Italië. "
    "Het Hof wees op artikel 4 van het Vierde Protocol bij het EVRM.\n\n"
    "Nederland heeft het Verdrag inzake de status van staatlozen ondertekend, maar nog niet het "
    "Verdrag inzake clustermunitie. Artikel 31 van Richtlijn 2013/33/EU en Verordening (EU) 2024/1351 gelden.\n"
)
NS = {"tei": TEI_NS}


@pytest.fixture(scope="module")
def tei(tmp_path_factory, tei_schema):
    from pathlib import Path

    folder = tmp_path_factory.mktemp("letter")
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = folder / "out"
    lexicons = Path(__file__).resolve().parent.parent / "annotations"
    summary = run_pipeline(RunOptions(folder, out, ExportOptions(date="2024-05-01"), lexicons=lexicons), tei_schema)
    assert summary.ok, summary.failed  # a file that does not validate against tei_all fails the run
    return etree.parse(str(out / "brief.xml"))


def test_a_judgment_is_a_title_of_type_case_pointing_to_the_caselaw_taxonomy(tei):
    title = tei.find(".//tei:body//tei:title[@type='case']", NS)
    assert (title.text, title.get("ref")) == ("zaak Hirsi Jamaa", "#case.hirsi-jamaa")
    (category,) = tei.xpath("//tei:taxonomy[@xml:id='caselaw']/tei:category", namespaces=NS)
    assert category.get("{http://www.w3.org/XML/1998/namespace}id") == "case.hirsi-jamaa"
    assert category.get("corresp") == "https://e-justice.europa.eu/ecli/ECLI:CE:ECHR:2012:0223JUD002776509"


def test_an_ecli_is_a_ref_to_its_resolver(tei):
    ref = tei.find(".//tei:body//tei:ref[.='ECLI:CE:ECHR:2012:0223JUD002776509']", NS)
    assert ref.get("target") == "https://e-justice.europa.eu/ecli/ECLI:CE:ECHR:2012:0223JUD002776509"


def test_het_hof_is_the_court_named_before_it_marked_resolved(tei):
    hof = tei.find(".//tei:body//tei:orgName[@subtype='resolved']", NS)
    assert (hof.text, hof.get("ref")) == ("Hof", "#org.ecthr")


def test_an_instrument_the_lexicons_lack_gets_an_uncurated_category(tei):
    term = tei.find(".//tei:body//tei:term[.='Verdrag inzake clustermunitie']", NS)
    entry_id = term.get("ref").lstrip("#")
    assert entry_id == "obl.doc.verdrag-inzake-clustermunitie"
    (category,) = tei.xpath(f"//tei:taxonomy[@xml:id='obligations']/tei:category[@xml:id='{entry_id}']", namespaces=NS)
    assert category.find("tei:catDesc[@n='uncurated']", NS) is not None
    (curated,) = tei.xpath("//tei:category[@xml:id='obl.stateless-conventions']", namespaces=NS)
    assert curated.find("tei:catDesc[@n='uncurated']", NS) is None


def test_an_article_of_an_eu_act_is_bound_to_it_with_a_eur_lex_ref(tei):
    ref = tei.find(".//tei:body//tei:ref[tei:term='Artikel 31 van Richtlijn 2013/33/EU']", NS)
    term = ref.find("tei:term", NS)
    assert (term.text, term.get("ref")) == ("Artikel 31 van Richtlijn 2013/33/EU", "#obl.reception-directive-art31")
    assert ref.get("target") == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32013L0033"
    act = tei.find(".//tei:body//tei:ref[tei:term='Verordening (EU) 2024/1351']", NS)
    assert act.get("target") == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1351"
