"""Shared by the tests/test_dask_*.py modules: a small corpus written here, in the genre
(Dutch ministerial letters), the run options, and the in-process reference run."""

from __future__ import annotations

from pathlib import Path

from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions
from pipeline.translate import TranslateOptions

REPO = Path(__file__).resolve().parent.parent
DATE = "2023-11-14"
SOURCE_DATE_EPOCH = "1699920000"  # 2023-11-14 UTC

LETTERS = {
    "2019-03-kamerbrief-opvang-in-de-regio.txt": """\
Kamerbrief over opvang in de regio

Geachte voorzitter,

Hierbij informeer ik uw Kamer over de voortgang van het programma voor opvang in de regio. \
Het kabinet heeft in 2018 in totaal 45 miljoen euro beschikbaar gesteld aan UNHCR en IOM. \
De Minister van Buitenlandse Zaken is verantwoordelijk voor de uitvoering van dit programma. \
Nederland moet zich houden aan de afspraken die in Europees verband zijn gemaakt.

De situatie in Libië blijft zorgelijk. Volgens UNHCR verblijven er ruim 5.000 migranten in detentiecentra. \
Het kabinet roept de Libische autoriteiten op om de detentiecentra te sluiten. \
"We cannot accept these conditions", aldus de Hoge Commissaris van UNHCR.

Ik zal uw Kamer voor het zomerreces opnieuw informeren over de stand van zaken.

De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,
""",
    "2019-05-verslag-schriftelijk-overleg.txt": """\
Verslag van een schriftelijk overleg

De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen en opmerkingen voorgelegd aan de \
Minister van Buitenlandse Zaken over de geannoteerde agenda van de Raad Buitenlandse Zaken van 13 mei 2019.

De leden van de VVD-fractie hebben kennisgenomen van de geannoteerde agenda. \
Zij vragen de minister hoe de Europese Unie de Libische kustwacht ondersteunt, \
welke voorwaarden daarbij worden gesteld aan de behandeling van migranten, \
en op welke wijze de naleving van die voorwaarden wordt gecontroleerd door onafhankelijke waarnemers.

De leden van de D66-fractie vragen of de minister bereid is om bij de Raad aan te dringen op een \
onafhankelijk onderzoek naar de omstandigheden in de detentiecentra. \
Lidstaten zijn verplicht om het beginsel van non-refoulement te eerbiedigen.

Antwoord van het kabinet. Het kabinet deelt de zorgen van de leden. \
De Europese Commissie dient uiterlijk in juni een evaluatie te publiceren.
""",
    "2019-06-beleidsnotitie-migratiesamenwerking.txt": """\
Beleidsnotitie migratiesamenwerking

1. Inleiding

Deze notitie beschrijft de inzet van Nederland in de migratiesamenwerking met landen in Noord-Afrika. \
Het uitgangspunt is dat migratie ordelijk, veilig en humaan moet verlopen.

2. Inzet

Nederland financiert via het EU Trust Fund for Africa projecten in Libië, Niger en Tunesië. \
Gemeenten en maatschappelijke organisaties mogen aanvullende voorstellen indienen. \
De ambassade in Tunis ziet toe op de uitvoering.

3. Vervolg

De minister zal de Kamer jaarlijks rapporteren over de resultaten van deze samenwerking.
""",
    "2019-07-onleesbaar.txt": "",  # an empty file: reported by name, the others still exported
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in LETTERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_options(corpus: Path, output: Path, model: Path, cache: Path, executor=None) -> RunOptions:
    """The same run in process and on a cluster; small batches, so that the run has many."""
    return RunOptions(
        corpus,
        output,
        ExportOptions(date=DATE),
        translate=TranslateOptions(model=model, cache_dir=cache, batch_size=4),
        lexicons=REPO / "annotations",
        executor=executor,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def reference_run(tmp: Path, corpus: Path, model: Path, schema):
    """The in-process run every cluster run is compared with: (summary, files)."""
    options = run_options(corpus, tmp / "in-process", model, tmp / "cache-in-process")
    summary = run_pipeline(options, schema=schema)
    return summary, files(options.output)


def same_summary(a, b) -> bool:
    """What a user reads in the two summaries is the same, time apart."""
    return a.format().rsplit("\ntime", 1)[0] == b.format().rsplit("\ntime", 1)[0]
