"""The article-extraction benchmark's metric, re-implemented.

Tokens are ``\\w+`` runs; shingles are 4-grams of tokens. Per page, the true
positives, false positives and false negatives (shingle counts) are normalised to
sum to one, so that long pages weigh no more than short ones; they are averaged
over pages, and precision, recall and F1 are computed from the averages
(scrapinghub/article-extraction-benchmark, ``evaluate.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def score(pairs: list[tuple[str, str]]) -> Score:
    """Score a list of (true body, predicted body) pairs."""
    if not pairs:
        return Score(0.0, 0.0, 0.0, 0)
    counts = [page_counts(t, p) for t, p in pairs]
    tp = sum(c[0] for c in counts) / len(counts)
    fp = sum(c[1] for c in counts) / len(counts)
    fn = sum(c[2] for c in counts) / len(counts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(pairs))
