<?xml version="1.0" encoding="UTF-8"?>
<!--
  Review page for a bilingual TEI file written by `pipeline`: Dutch and English side by
  side, one row per Dutch sentence (its pair), actors and obligations highlighted in both
  languages, low-confidence machine translations, reviewed and stale translations, and
  sentences whose annotations differ between the languages flagged. Sentence ids are shown
  so a reviewer can find the sentence in the XML. English made by a stand-in model (synthetic
  weights, `pipeline models standin`) gets a banner saying it is not a translation.

  XSLT 1.0 with no extensions: lxml (`pipeline review FILE.xml -o FILE.html`) and any XML
  editor's transformer (Oxygen, XML Copy Editor, a browser's xml-stylesheet) run it alike.
  The output is one static HTML file: inline CSS, no scripts, fonts or network resources.

  Parameters:
    min-cert   translations with a model certainty (@cert, 0..1) below this are flagged (0.5)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="min-cert" select="0.5"/>

  <xsl:variable name="nl" select="/tei:TEI/tei:text/tei:group/tei:text[starts-with(@xml:lang, 'nl')]"/>
  <xsl:variable name="en" select="/tei:TEI/tei:text/tei:group/tei:text[@xml:lang = 'en']"/>
  <xsl:variable name="en-sentences" select="$en//tei:s"/>
  <xsl:variable name="annotation-names" select="'|orgName|persName|placeName|term|'"/>
  <!-- A package built by `pipeline models standin` carries "+standin" in its version. -->
  <xsl:variable name="standin" select="boolean(//tei:titleStmt/tei:respStmt/tei:name[contains(., '+standin')]
      | //tei:appInfo/tei:application[@ident = 'translation']/tei:desc[contains(., '+standin')])"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:if test="$standin">[STAND-IN, NOT A TRANSLATION] </xsl:if>Review: <xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></title>
        <style><xsl:call-template name="css"/></style>
      </head>
      <body>
        <xsl:apply-templates select="/tei:TEI" mode="page"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="page">
    <xsl:variable name="pairs" select="$nl//tei:s"/>
    <header class="top">
      <h1><xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></h1>
      <p class="meta">
        <span class="docid"><xsl:value-of select="@xml:id"/></span>
        <xsl:text> · </xsl:text>
        <span id="pair-count"><xsl:value-of select="count($pairs)"/></span>
        <xsl:text> sentence pairs · </xsl:text>
        <xsl:value-of select="count($en-sentences[@resp])"/>
        <xsl:text> reviewed · flagged below certainty </xsl:text>
        <xsl:value-of select="$min-cert"/>
      </p>
      <p class="legend">
        <span class="ann org">organisation</span>
        <span class="ann person">person</span>
        <span class="ann place">place</span>
        <span class="ann obligation">obligation</span>
        <span class="flag low">low confidence</span>
        <span class="flag mismatch">annotations differ</span>
        <span class="flag reviewed">reviewed</span>
        <span class="flag stale">stale review</span>
      </p>
    </header>
    <xsl:if test="$standin">
      <div class="banner standin" id="standin-banner" role="alert">
        <strong>STAND-IN MODEL: THE ENGLISH COLUMN IS NOT A TRANSLATION.</strong>
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space((//tei:notesStmt/tei:note[@type = 'translation'][contains(., 'stand-in')])[1])"/>
      </div>
    </xsl:if>
    <table class="pairs">
      <thead><tr><th class="id">id</th><th>Nederlands</th><th>English</th><th class="flags">flags</th></tr></thead>
      <tbody>
        <xsl:apply-templates select="$pairs" mode="pair"/>
      </tbody>
    </table>
  </xsl:template>

  <!-- One row: a Dutch sentence and every English sentence that points to it. -->
  <xsl:template match="tei:s" mode="pair">
    <xsl:variable name="id" select="@xml:id"/>
    <xsl:variable name="targets" select="$en-sentences[contains(concat(normalize-space(@corresp), ' '), concat('#', $id, ' '))]"/>
    <xsl:variable name="nl-refs" select=".//*[@ref][contains($annotation-names, concat('|', local-name(), '|'))]"/>
    <xsl:variable name="en-refs" select="$targets//*[@ref][contains($annotation-names, concat('|', local-name(), '|'))]"/>
    <xsl:variable name="mismatch" select="boolean($targets) and (boolean($nl-refs[not(@ref = $en-refs/@ref)]) or boolean($en-refs[not(@ref = $nl-refs/@ref)]))"/>
    <xsl:variable name="low" select="boolean($targets[not(@resp)][@cert][number(@cert) &lt; $min-cert or @cert = 'low'])"/>
    <xsl:variable name="reviewed" select="boolean($targets[@resp])"/>
    <xsl:variable name="stale" select="boolean($targets[@type = 'stale' or contains(@ana, 'stale')])"/>
    <tr id="pair-{$id}">
      <xsl:attribute name="class">
        <xsl:text>pair</xsl:text>
        <xsl:if test="$low"> is-low</xsl:if>
        <xsl:if test="$mismatch"> is-mismatch</xsl:if>
        <xsl:if test="$reviewed"> is-reviewed</xsl:if>
        <xsl:if test="$stale"> is-stale</xsl:if>
        <xsl:if test="not($targets)"> is-gap</xsl:if>
      </xsl:attribute>
      <td class="id">
        <code><xsl:value-of select="$id"/></code>
        <xsl:for-each select="$targets"><br/><code><xsl:value-of select="@xml:id"/></code></xsl:for-each>
      </td>
      <td class="nl" lang="nl"><xsl:apply-templates select="node()" mode="text"/></td>
      <td class="en" lang="en">
        <xsl:for-each select="$targets">
          <span class="seg"><xsl:apply-templates select="node()" mode="text"/></span>
          <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
        <xsl:if test="not($targets)"><em class="gap">no English sentence</em></xsl:if>
      </td>
      <td class="flags">
        <xsl:if test="$low">
          <span class="flag low" title="model certainty below {$min-cert}">low <xsl:value-of select="$targets[@cert][1]/@cert"/></span>
        </xsl:if>
        <xsl:if test="$mismatch"><span class="flag mismatch">annotations differ</span></xsl:if>
        <xsl:if test="$reviewed"><span class="flag reviewed" title="{$targets[@resp][1]/@resp}">reviewed</span></xsl:if>
        <xsl:if test="$stale"><span class="flag stale">stale: Dutch changed</span></xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- Sentence content: annotations become coloured spans, notes small markers. -->
  <xsl:template match="tei:orgName" mode="text"><xsl:call-template name="ann"><xsl:with-param name="kind" select="'org'"/></xsl:call-template></xsl:template>
  <xsl:template match="tei:persName" mode="text"><xsl:call-template name="ann"><xsl:with-param name="kind" select="'person'"/></xsl:call-template></xsl:template>
  <xsl:template match="tei:placeName" mode="text"><xsl:call-template name="ann"><xsl:with-param name="kind" select="'place'"/></xsl:call-template></xsl:template>
  <xsl:template match="tei:term" mode="text"><xsl:call-template name="ann"><xsl:with-param name="kind" select="'obligation'"/></xsl:call-template></xsl:template>
  <xsl:template match="tei:ref" mode="text">
    <span class="ann ref" title="{@target}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>
  <xsl:template match="tei:note" mode="text">
    <sup class="note" title="{normalize-space(.)}">
      <xsl:value-of select="@n"/>
      <xsl:if test="not(@n)">*</xsl:if>
    </sup>
  </xsl:template>
  <xsl:template match="tei:gap" mode="text"><span class="gapchar">[<xsl:value-of select="@n"/>]</span></xsl:template>
  <xsl:template match="tei:foreign" mode="text"><i lang="{@xml:lang}"><xsl:apply-templates mode="text"/></i></xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates mode="text"/></xsl:template>

  <xsl:template name="ann">
    <xsl:param name="kind"/>
    <span class="ann {$kind}" data-ref="{substring-after(@ref, '#')}" title="{substring-after(@ref, '#')}">
      <xsl:if test="@resp"><xsl:attribute name="class">ann <xsl:value-of select="$kind"/> by-reviewer</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template name="css">
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header.top { padding: 12px 20px; background: #24324a; color: #fff; }
header.top h1 { margin: 0 0 4px; font-size: 20px; }
.meta { margin: 0 0 6px; opacity: .9; }
.legend span { margin-right: 6px; }
.banner.standin { margin: 0; padding: 10px 20px; background: #b71c1c; color: #fff; font-size: 16px; }
table.pairs { border-collapse: collapse; width: 100%; table-layout: fixed; background: #fff; }
th, td { border-bottom: 1px solid #ddd; padding: 6px 10px; vertical-align: top; text-align: left; }
thead th { background: #e8ecf2; position: sticky; top: 0; }
th.id, td.id { width: 8.5em; font-size: 11px; color: #555; word-break: break-all; }
th.flags, td.flags { width: 9em; }
tr.is-low td.en { background: #fff4d6; }
tr.is-mismatch td.flags { background: #fde7f3; }
tr.is-reviewed td.en { background: #e6f5e9; }
tr.is-stale td.en { background: #fde2e1; }
tr.is-gap td.en { background: #f1f1f1; }
.ann { border-radius: 3px; padding: 0 2px; border-bottom: 2px solid; }
.ann.org { background: #dbe9ff; border-color: #2f6fde; }
.ann.person { background: #eadcff; border-color: #7a3fd1; }
.ann.place { background: #d9f2df; border-color: #2d9a4b; }
.ann.obligation { background: #ffe2c6; border-color: #d96b00; }
.ann.ref { background: #eee; border-color: #888; }
.ann.by-reviewer { outline: 1px dashed #333; }
.flag { display: inline-block; font-size: 11px; padding: 1px 5px; border-radius: 8px; margin: 1px 2px; color: #fff; }
.flag.low { background: #b7791f; }
.flag.mismatch { background: #c2185b; }
.flag.reviewed { background: #2e7d32; }
.flag.stale { background: #c62828; }
sup.note { color: #2f6fde; font-size: 10px; }
em.gap { color: #888; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
  </xsl:template>
</xsl:stylesheet>
