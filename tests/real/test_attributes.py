"""The pipeline's faster parts give what spaCy's own give: the attribute ruler by table, the
lemmas made on demand. Compared token by token with the stock pipeline on real text."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from briefing.config import IngestOptions
from briefing.enrich import article_text
from briefing.enrich.attributes import TableAttributeRuler
from briefing.enrich.nlp import MODELS, lemma, pipeline
from briefing.ingest import prepare
from evaluation.corpus import corpus_available, trafilatura_pages

SEED = Path(__file__).resolve().parents[2] / "seeds"
# Every multi-token pattern of the English ruler, and spaces, which set tags of their own.
CONTRACTIONS = "Y'all ain't gonna believe it, let's go. I got ta say: c'mon, you gets what you got.  There's more.\n\nIt is."


def stock(lang: str):
    """The published model as spaCy runs it (parser excluded as ours, senter on), no change of ours."""
    nlp = spacy.load(MODELS[lang], exclude=["parser"])
    nlp.enable_pipe("senter")
    return nlp


def texts(lang: str) -> list[str]:
    found = [CONTRACTIONS] if lang == "en" else []
    for path in sorted(SEED.glob("*.txt")):
        story, article = prepare(path, IngestOptions())
        if article.lang == lang:
            found.append(article_text(article.title, story.paragraphs)[0])
    if corpus_available():
        for page in trafilatura_pages():
            if page.language == lang:
                story, article = prepare(page.path, IngestOptions())
                found.append(article_text(article.title, story.paragraphs)[0])
    return found


def tokens(doc, lemmas):
    return [(t.text, t.tag_, t.pos_, str(t.morph), lemmas(t), t.dep_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_table_ruler_sets_what_spacy_ruler_sets(lang):
    sample = texts(lang)
    assert sample, "no text in this language: the comparison would prove nothing"
    ours = stock(lang)
    table = TableAttributeRuler(ours.get_pipe("attribute_ruler"))
    assert table.usable
    spacy_docs = list(stock(lang).pipe(sample))
    for text, expected in zip(sample, spacy_docs):
        doc = ours.make_doc(text)
        for name, component in ours.pipeline:
            doc = table(doc) if name == "attribute_ruler" else component(doc)
        assert tokens(doc, lambda t: t.lemma_) == tokens(expected, lambda t: t.lemma_)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemmas_on_demand_are_the_lemmatizer_s(lang):
    assert "lemmatizer" not in pipeline(lang).pipe_names  # loaded, not run over whole documents
    sample = texts(lang)
    for ours, expected in zip(pipeline(lang).pipe(sample), stock(lang).pipe(sample)):
        assert [lemma(t) for t in ours] == [t.lemma_ for t in expected]


def test_a_ruler_with_a_pattern_shape_it_does_not_take_is_left_to_spacy():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"TAG": "DT"})
    assert not TableAttributeRuler(ruler).usable


def test_french_tokenizer_splits_as_spacy_s_with_its_token_match_factored():
    """spaCy's French TOKEN_MATCH (1.4 MB, 4.4 s to compile) is compiled factored
    (briefing/enrich/french_tokens.py): every French text of the seed and the corpus, and words
    its alternatives are made for, split exactly as with spaCy's own expression."""
    ours, theirs = pipeline("fr").tokenizer, stock("fr").tokenizer
    assert len(ours.token_match.__self__.pattern) < 100_000 <= len(theirs.token_match.__self__.pattern)
    words = ("New-York new-yorkais États-Unis etats-unis Hip-Hop HIP-HOP burn-out burn-outs black-out "
             "droits-de-l'homme peut-être aujourd'hui grand-mère Sainte-Anne week-end anti-inflation "
             "ex-président vice-présidente porte-parole c'est-à-dire qu'est-ce a-t-il l'homme d'État "
             "bouche-porée fac-similé post-COVID néo-zélandais sud-africain centre-ville Jean-Luc")
    for text in [words, *texts("fr")]:
        assert [t.text for t in ours(text)] == [t.text for t in theirs(text)]
