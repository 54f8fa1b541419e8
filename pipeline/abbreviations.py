"""Dutch abbreviations and sentence starters, as the segmenter needs them.

All entries are lowercase and end in a period; the segmenter compares the word
before a period case-insensitively (an all-capital word such as `VS.` is an
acronym at the end of a sentence, not the abbreviation `vs.`).
"""

from __future__ import annotations

# Abbreviations a sentence never ends at: the period after them is part of the word.
NEVER_FINAL: frozenset[str] = frozenset(
    """
    a.d.h.v. a.i. afd. art. artt. bijl. bijv. blz. bv. c.q. ca. d.d. d.w.z. dhr. dr. drs.
    e.a. e.v. evt. excl. fa. hfst. i.c. i.h.k.v. i.o.m. i.p.v. i.s.m. i.v.m. i.z. incl.
    ing. ir. jhr. jo. m.a.w. m.b.t. m.b.v. m.i. m.i.v. m.n. mevr. mgr. mld. mln. mr. mrd.
    mw. n.a.v. nl. nr. nrs. o.a. o.b.v. o.i. o.l.v. o.m. o.v.v. p. pag. par. prof. red.
    resp. sr. st. stb. stcrt. t.a.v. t.b.v. t.g.v. t.o.v. t.w. t.z.t. tel. trb. v.w.b.
    vgl. vs. z.g. z.o.z. zgn. jr.
    """.split()
)

# Abbreviations that may close a sentence: "van 30 juli a.s. Kan de Minister ...".
# The period ends the sentence only when a word that opens sentences follows.
MAY_END: frozenset[str] = frozenset("jl. a.s. as. e.d. etc. enz.".split())

# Capitalised words that start a new Dutch sentence (articles, pronouns, auxiliaries,
# conjunctions, adverbs, question words). After an abbreviation in MAY_END, a proper
# name ("jl. Mogherini") continues the sentence and one of these starts a new one.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    De Het Een Dit Deze Die Dat Daar Daarom Daarbij Daarnaast Daarmee Dan Dus Er Hier
    Hierbij Hiermee Ook Zo Toch Echter Wel Nu Al Alle Bovendien Tevens Voorts Verder
    Vervolgens Inmiddels Intussen Tot Tegelijkertijd Ten Op In Met Bij Na Voor Door Om
    Uit Als Omdat Hoewel Indien Zodra Wanneer Waar Wat Wie Welke Hoe Waarom Ik Wij We
    Hij Zij Ze U Men Kan Kunnen Zal Zullen Zou Zouden Moet Moeten Is Zijn Was Waren
    Heeft Hebben Wordt Worden Werd Graag Kortom Overigens Verwacht
    """.split()
)

__all__ = ["MAY_END", "NEVER_FINAL", "SENTENCE_STARTERS"]
