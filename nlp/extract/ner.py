"""Party recogniser backed by the project's own HanLP model: text -> (start, end, label) spans.

The model (``models/ner/``) is a character BiLSTM tagger trained by ``policy-nlp train-ner`` on
``corpora/ner/``; it tags organisations (ORG), roles (ROLE) and people (PER) in BIO. hanlp and
torch are an optional extra (``pip install policy-nlp[hanlp]``): they are imported only when a
span is asked for, and :func:`available` says whether they and the model are there. The model is
loaded once per process. Text is cut into sentences of at most 200 characters before it reaches
the model, and sentences go in batches.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Iterator

from nlp.settings import models_dir
from nlp.text import COLONS, COMMAS, SEMICOLONS, STOPS

MAX_SENTENCE = 200  # no longer sentence reaches the model
LABELS = ("ORG", "PER", "ROLE")
MODEL_DIR = models_dir() / "ner"  # models/ (checkout) or nlp/_models (wheel)

_log = logging.getLogger("nlp.ner")
_SCORING: list = []  # a tagger being scored by ner_train, used instead of the shipped one

# A sentence ends after 。！？；!?; or at a line break: 组 长:王 军\n副组长:…
_SENTENCE_END = re.compile(rf"[{STOPS}{SEMICOLONS}]+|\n+")
# Where an over-long sentence may be cut, best first: after a comma or colon, else anywhere.
_SOFT_BREAK = re.compile(rf"[{COMMAS}、{COLONS})）]")


def split_sentences(text: str, *, max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Return ``[start, end)`` spans of the sentences in text, none longer than max_len.

    Blank stretches are skipped; a sentence over max_len is cut after its last comma or colon
    that fits, else at max_len.

    >>> split_sentences("成立领导小组。组长:王军\\n副组长:宋宴清")
    [(0, 7), (7, 12), (13, 20)]
    """
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.extend(_cut(text, pos, m.end() if m.group()[0] != "\n" else m.start(), max_len))
        pos = m.end()
    spans.extend(_cut(text, pos, len(text), max_len))
    return spans


def _cut(text: str, start: int, end: int, max_len: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    out = []
    while end - start > max_len:
        window = text[start:start + max_len]
        breaks = [m.end() for m in _SOFT_BREAK.finditer(window) if m.end() > max_len // 2]
        cut = start + (breaks[-1] if breaks else max_len)
        out.append((start, cut))
        start = cut
    if end > start:
        out.append((start, end))
    return out


def available(model_dir: Path | None = None) -> bool:
    """True when hanlp, torch and safetensors import and the shipped model is on disk."""
    model_dir = Path(model_dir or MODEL_DIR)
    if not (model_dir / "model.safetensors").is_file():
        return False
    return hanlp_installed()


@cache
def hanlp_installed() -> bool:
    """True when the hanlp extra (hanlp, torch, safetensors) imports."""
    try:
        import hanlp.components.ner.rnn_ner  # noqa: F401
        import safetensors.torch  # noqa: F401
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def read_meta(model_dir: Path | None = None) -> dict:
    """The model's meta.json (dev scores, the default backend); {} when there is none."""
    path = Path(model_dir or MODEL_DIR) / "meta.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def resolve_backend(ner: str, model_dir: Path | None = None) -> str:
    """Turn a ``--ner`` choice (rules, hanlp, auto) into the backend that will run.

    ``auto`` is whichever scored higher on the dev split (``default`` in meta.json): today the
    rules, since the HanLP tagger does not beat them. Independently of this, ``auto`` also runs
    the learned party recogniser (``parties_model.py``, ``models/parties/``) after the rules: out
    of fold on the real dev split, grouped by site, the rules plus its additions score above the
    rules alone (figures in ``models/parties/meta.json``); ``rules`` never runs it. When hanlp
    is wanted but missing, say so once on stderr and run on rules.
    """
    if ner not in ("rules", "hanlp", "auto"):
        raise ValueError(f"unknown party recogniser {ner!r}; known: rules, hanlp, auto")
    wanted = read_meta(model_dir).get("default", "rules") if ner == "auto" else ner
    if wanted == "hanlp" and not _SCORING and not available(model_dir):
        _warn_rules_only()
        return "rules"
    return wanted


@cache
def _warn_rules_only() -> None:
    # Once per process: logging's last-resort handler prints the bare line on stderr.
    _log.warning("warning: hanlp is not installed (pip install policy-nlp[hanlp]); "
                 "party recognition runs on rules alone")


def find_entities(text: str, *, model_dir: Path | None = None,
                  batch_size: int = 64) -> list[tuple[int, int, str]]:
    """Return ``(start, end, label)`` spans of organisations, roles and people in text.

    Labels are ORG, PER and ROLE; spans never cross a sentence. Raises ImportError when the
    hanlp extra is missing (check :func:`available` first).
    """
    sentences = split_sentences(text)
    if not sentences:
        return []
    tagger = _SCORING[-1] if _SCORING else load_tagger(model_dir)
    tokens = [_model_chars(text[s:e]) for s, e in sentences]
    spans = []
    for (s, _e), found in zip(sentences, tag_sentences(tagger, tokens, batch_size=batch_size)):
        spans.extend((s + b, s + e, label) for b, e, label in found)
    return spans


@contextmanager
def scoring_with(tagger) -> Iterator[None]:
    """Within the block, find_entities uses ``tagger`` (a model just trained, not yet shipped)."""
    _SCORING.append(tagger)
    try:
        yield
    finally:
        _SCORING.pop()


def tag_sentences(tagger, sentences: list[list[str]], *,
                  batch_size: int = 64) -> list[list[tuple[int, int, str]]]:
    """Tag character lists (each at most MAX_SENTENCE long); spans are per sentence."""
    import torch

    for chars in sentences:
        if len(chars) > MAX_SENTENCE:
            raise ValueError(f"sentence of {len(chars)} characters; the model takes at most {MAX_SENTENCE}")
    order = [i for i, chars in enumerate(sentences) if chars]
    out: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    if not order:
        return out
    with torch.no_grad():
        found = tagger.predict([sentences[i] for i in order], batch_size=batch_size)
    for i, ents in zip(order, found):
        out[i] = [(b, e, label) for _text, label, b, e in ents if label in LABELS]
    return out


def _model_chars(sentence: str) -> list[str]:
    # The model was trained on NFKC-folded characters (full-width ，：（） become ,:()); fold one
    # character at a time so offsets stay those of the text.
    return [c if len(f := unicodedata.normalize("NFKC", c)) != 1 else f for c in sentence]


@cache
def load_tagger(model_dir: Path | None = None):
    """Load the shipped tagger once per process (config and vocabs JSON, weights safetensors)."""
    from nlp.extract.ner_model import PartyTagger

    tagger = PartyTagger()
    tagger.load(str(Path(model_dir or MODEL_DIR)), devices=-1, verbose=False)
    return tagger
