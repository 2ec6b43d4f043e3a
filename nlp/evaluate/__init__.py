"""Evaluation: gold files + the program's own output -> P/R/F1 per area.

The matching rules are those at the end of ``CONTRACT.md`` and give the same figures as the
team's reference scorer (``../shared/tools/score.py``):

- texts are compared after a *fold*: NFKC, then every whitespace character removed;
- documents of a file are aligned by title (overlap >= 0.6), else by position;
- gold and predicted items are paired greedily, one to one: each gold item, in gold order,
  takes the first unused predicted item, in predicted order, that matches;
- a mention matches on type and text overlap (longest common substring >= half the shorter
  text); value-F1 also requires the values to agree (``X`` matches any digit, numbers within
  0.01, a party name contained in the other);
- a section matches on marker (``（一）`` = ``(一)``, trailing ``、.,:`` dropped) and heading;
- themes are scored label by label on the gold passages' texts (micro and macro F1).

Modules: ``matching`` (when two texts, values, sections, documents are the same), ``scoring``
(plain dicts in, a report out: ``score_corpus``), ``runner`` (folders in: ``evaluate_dir`` runs
the pipeline in-process, ``score_saved`` reads saved output) and ``report`` (text for people).
"""

from nlp.evaluate.matching import (HEADING_CHARS, HEADING_LENGTH_RATIO, HEADING_OVERLAP,
                                   MENTION_OVERLAP, META_OVERLAP, NUMBER_TOLERANCE, TITLE_ALIGN,
                                   align_documents, fold_text, mention_agrees, mention_overlaps,
                                   normalize_marker, pool_documents, section_agrees, text_overlap,
                                   value_agrees)
from nlp.evaluate.report import format_by_file, format_diff, format_report
from nlp.evaluate.runner import (evaluate_dir, gold_files, read_predictions, read_split,
                                 score_saved)
from nlp.evaluate.scoring import META_FIELDS, Classifier, file_row, score_corpus, score_themes
from nlp.metrics import match_greedy, prf
from nlp.vocab import MENTION_TYPES, THEMES

__all__ = [
    "HEADING_CHARS", "HEADING_LENGTH_RATIO", "HEADING_OVERLAP", "MENTION_OVERLAP", "META_OVERLAP",
    "NUMBER_TOLERANCE", "TITLE_ALIGN", "MENTION_TYPES", "META_FIELDS", "THEMES", "Classifier",
    "align_documents", "evaluate_dir", "file_row", "fold_text", "format_by_file", "format_diff",
    "format_report", "gold_files", "match_greedy", "mention_agrees", "mention_overlaps",
    "normalize_marker", "pool_documents", "prf", "read_predictions", "read_split", "score_corpus",
    "score_saved", "score_themes", "section_agrees", "text_overlap", "value_agrees",
]
