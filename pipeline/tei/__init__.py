"""TEI P5 export, the corpus file, and validation against tei_all.

Modules: `export` (document_to_tei, build_tei, write_validated),
`header` (teiHeader), `body` (the Dutch and English <text> and the alignment
<back>), `inline` (annotations, foreign spans and note markers inside a sentence),
`xmltext` (characters XML cannot hold), `corpus` (corpus.xml), `schema`
(load_schema, validate), `archive_checks` (what `pipeline validate` checks beyond the
schema), `options` (ExportOptions, export_date).

The encoding, for readers of the files (the review round-trip among them):

    TEI[@xml:id=d000]/text/group/text[@xml:lang='nl'|'nl-BE'][@xml:id='d000.nl']/body/div*
    TEI/text/group/text[@xml:lang='en'][@xml:id='d000.en'][@corresp='#d000.nl']   (absent without translation)
    TEI/text/back/linkGrp[@type='alignment']/link[@type='1:1'|'1:n'|'gap'][@target='#nl #en ...']

- div: one per heading (head first) or per run of text before a heading/after a closer.
- Block elements carry xml:id `d000.nl.<block id>` / `d000.en.<block id>` (+ @corresp
  on the English side) and @n for the block label: p, head, item (in list),
  quote[@type='pullQuote'], floatingText[@type='box']/body/p, closer, p[@type='closer']
  (a closer with no text before it in its division), note[@place='foot'].
- Sentences: s[@xml:id='d000.nl.s12']; English s[@xml:id='d000.en.s12'][@corresp='#d000.nl.s12'],
  pieces of a split sentence d000.en.s12.1, .2, ...; @cert = exp(mean log-prob per token),
  @type='passthrough' (already English), @resp='#resp.<reviewer>' (reviewed; respStmt in
  titleStmt), @type='stale' (review older than the source). An untranslated sentence is
  gap[@xml:id='d000.en.s12'][@reason][@corresp] on the English side.
- Inline: orgName/persName/placeName[@ref='#org.x'], term[@type='obligation'][@ref='#obl.x'],
  title[@type='case'][@ref='#case.x'] (case law), ref[@target] (papers, articles, EU acts, ECLIs),
  foreign[@xml:lang]; @subtype='resolved' on a mention that does not name its entity ("het Hof",
  "de Minister") but refers back to the one named last before it; note[@place='foot'][@n] at its first marker (English:
  at the end of the sentence), ptr[@type='noteref'][@n][@target] for later markers,
  anchor[@type='noteref'][@n] for markers without printed note; gap[@reason=
  'forbidden-character'][@n='U+0007'] for characters XML cannot hold.
- Dutch side only: pb[@n] (the printed page number), fw[@type='header'|'footer'|'pageNum'] (running
  header, running footer, page number as printed).
- Review ledger (`revisions`): revisionDesc/change[@type='source'|'translation'|'alignment'|
  'annotation-added'|'annotation-removed'][@target][@who][@status='stale'], one per reviewer
  decision; a decision reused from another document names it in seg[@type='origin'].
- Header authority lists: classDecl/taxonomy[@xml:id='obligations'] and (when a judgment is
  cited) taxonomy[@xml:id='caselaw'], category[@corresp] (Wikidata, or a judgment's ECLI page);
  an entry recognised by its citation form, not in the curated lexicons, has
  catDesc[@n='uncurated']; particDesc/listOrg, listPerson and settingDesc/listPlace for actors.
- Header counts, from the finished file: fileDesc/extent/measure[@unit='sentences'|'words']
  [@quantity][@xml:lang] per language edition; encodingDesc/tagsDecl/namespace/
  tagUsage[@gi][@occurs] for every element in TEI/text; langUsage declares every xml:lang used.
- Whitespace: between block-level children and between sentences of a paragraph it comes
  from pretty-printing; text inside s is exact.
"""
