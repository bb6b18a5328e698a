"""What a rule asks of a whole article, gathered once per article and kept on the Doc.

Rules read one name or one trigger at a time, and several need a fact of the whole article ("is this surname
written in a full name elsewhere?", "is this a sports report?"). Worked out at each name, such a fact makes an
article of many names quadratic (docs/benchmarks.md, "Hostile articles"); kept in ``Doc.user_data`` under the
rule's own key, it is one pass per article, and it goes with the Doc when the Doc is dropped.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["per_article"]

T = TypeVar("T")


def per_article(doc: Doc, key: str, gather: Callable[[Doc], T]) -> T:
    """``gather(doc)``, worked out at the first call for this Doc and ``key`` and kept for the next ones."""
    if key not in doc.user_data:
        doc.user_data[key] = gather(doc)
    return doc.user_data[key]
