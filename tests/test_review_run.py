"""Acceptance: a reviewer edits an exported TEI file; `pipeline run` keeps every correction,
marks it, stays valid, is byte-identical on a second rerun, and reuses the corrected
translation for the same Dutch sentence in another document."""

from __future__ import annotations

from lxml import etree

from pipeline.model import Translation
from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions
from pipeline.translate import TranslateOptions, TranslatorStats
from pipeline.translation_cache import TranslationCache

NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
SHARED = "Libië is geen veilig land voor migranten."
MANIFEST = """documents:
  - id: a01
    file: a01.txt
    title: Brief A
  - id: b01
    file: b01.txt
    title: Brief B
"""


class CachedFakeTranslator:
    """Test double of pipeline.translate.Translator: 'EN ' + text, with a real cache for reviewed rows."""

    signature = "argos:fake|v:0|sha256:0|beam:1"
    engine_key = "fake"

    def __init__(self, cache: TranslationCache):
        self.options, self.stats, self.cache = TranslateOptions(), TranslatorStats(), cache

    def translate_texts(self, texts):
        reviewed = self.cache.get_many(self.engine_key, texts)
        out = {}
        for text in texts:
            row = reviewed.get(text)
            if row is not None and row.origin == "reviewed":
                out[text] = Translation(row.segments, "reviewed", row.engine, resp=row.resp)
            else:
                out[text] = Translation(
                    ("EN " + text.replace("Libië", "Libya"),), "machine", self.signature, score=-0.2
                )
        return out


def sentence(root, xml_id):
    return root.xpath("//tei:s[@xml:id=$id]", namespaces=NS, id=xml_id)[0]


def find_dutch(root, english_id):
    return sentence(root, english_id.replace(".en.", ".nl."))


def find_english(root, dutch_text):
    for s in root.iterfind(".//tei:text[@xml:lang='nl']//tei:s", NS):
        if "".join(s.itertext()) == dutch_text:
            return sentence(root, s.get("{http://www.w3.org/XML/1998/namespace}id").replace(".nl.", ".en."))
    raise AssertionError(dutch_text)


def test_reviewer_corrections_survive_reruns_and_are_reused(tmp_path, tei_schema, corpus_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.yaml").write_text(MANIFEST)
    (corpus / "a01.txt").write_text(f"Het UNHCR eert het beginsel van non-refoulement.\n\n{SHARED}\n")
    (corpus / "b01.txt").write_text(f"De EU werkt samen met Libië.\n\n{SHARED}\n")
    output = tmp_path / "output"
    with TranslationCache.open(tmp_path / "cache") as cache:
        options = RunOptions(
            corpus, output, ExportOptions(date="2024-05-01"), lexicons=corpus_dir.parent / "annotations"
        )

        def run():
            summary = run_pipeline(options, schema=tei_schema, translator=CachedFakeTranslator(cache))
            assert summary.ok, summary.failed
            return summary

        run()
        a01 = output / "a01.xml"
        tree = etree.parse(str(a01))
        root = tree.getroot()
        # the reviewer: one English sentence changed, one annotation deleted, one added
        shared_en = find_english(root, SHARED)
        shared_en_id = shared_en.get("{http://www.w3.org/XML/1998/namespace}id")
        shared_en.text = ""  # "EN Libya is not ..." -> "Libya is no ..."
        shared_en.find("tei:placeName", NS).tail = " is no safe country for migrants."
        first_en = sentence(root, "a01.en.s1")
        org = first_en.find("tei:orgName", NS)  # delete: keep the words, drop the element
        first_en.text = (first_en.text or "") + org.text + (org.tail or "")
        first_en.remove(org)
        shared_nl = find_dutch(root, shared_en_id)
        place = shared_nl.find("tei:placeName", NS)
        place.tail = " is geen "
        term = etree.SubElement(
            shared_nl, "{http://www.tei-c.org/ns/1.0}term", type="obligation", ref="#obl.safe-country"
        )
        term.text, term.tail = "veilig land", " voor migranten."  # add: a (made-up) norm
        tree.write(str(a01), xml_declaration=True, encoding="UTF-8")

        run()
        first = a01.read_bytes()
        root = etree.fromstring(first)
        assert tei_schema.validate(root), tei_schema.error_log
        shared_en = sentence(root, shared_en_id)
        assert "".join(shared_en.itertext()) == "Libya is no safe country for migrants."
        assert shared_en.get("resp") == "#resp.reviewer"
        assert sentence(root, "a01.en.s1").find("tei:orgName", NS) is None
        kinds = sorted(c.get("type") for c in root.iterfind(".//tei:revisionDesc/tei:change[@type]", NS))
        assert kinds == ["annotation-added", "annotation-removed", "translation"]
        shared_nl = find_dutch(root, shared_en_id)
        assert [(t.text, t.get("resp")) for t in shared_nl.iterfind("tei:term", NS)] == [
            ("veilig land", "#resp.reviewer")
        ]

        # the other document got the corrected translation for the identical Dutch sentence
        other = etree.parse(str(output / "b01.xml")).getroot()
        reused = find_english(other, SHARED)
        assert "".join(reused.itertext()) == "Libya is no safe country for migrants."
        assert reused.get("resp") == "#resp.reviewer"

        # a second rerun changes nothing
        before = {p.name: p.read_bytes() for p in output.glob("*.xml")}
        run()
        assert {p.name: p.read_bytes() for p in output.glob("*.xml")} == before


def test_a_corrected_dutch_sentence_is_translated_again_and_marked(tmp_path, tei_schema, corpus_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.yaml").write_text(MANIFEST)
    (corpus / "a01.txt").write_text(f"Het UNHCR eert het beginsel van non-refoulement.\n\n{SHARED}\n")
    (corpus / "b01.txt").write_text("De EU werkt samen met Libië.\n")
    output = tmp_path / "output"
    with TranslationCache.open(tmp_path / "cache") as cache:
        options = RunOptions(
            corpus, output, ExportOptions(date="2024-05-01"), lexicons=corpus_dir.parent / "annotations"
        )
        assert run_pipeline(options, schema=tei_schema, translator=CachedFakeTranslator(cache)).ok
        a01 = output / "a01.xml"
        tree = etree.parse(str(a01))
        org = sentence(tree.getroot(), "a01.nl.s1").find("tei:orgName", NS)
        assert org.tail == " eert het "
        org.tail = " respecteert het "  # the reviewer fixes the Dutch source sentence
        tree.write(str(a01), xml_declaration=True, encoding="UTF-8")

        summary = run_pipeline(options, schema=tei_schema, translator=CachedFakeTranslator(cache))
        assert summary.ok, summary.failed
        root = etree.fromstring(a01.read_bytes())
        assert tei_schema.validate(root), tei_schema.error_log
        corrected = "Het UNHCR respecteert het beginsel van non-refoulement."
        assert "".join(sentence(root, "a01.nl.s1").itertext()) == corrected
        # translated from the corrected Dutch, not the input's
        assert "".join(sentence(root, "a01.en.s1").itertext()) == "EN " + corrected
        assert [c.get("type") for c in root.iterfind(".//tei:revisionDesc/tei:change[@type]", NS)] == ["source"]
