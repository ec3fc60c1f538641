"""Named entities, quotations with their speakers, and dates in news
articles, found by the article-annotator engine (a Rust core).

>>> import article_annotator
>>> doc = article_annotator.annotate("\u201cWe are ready,\u201d said Mark Rutte on February 9, 2025.")
>>> doc["quotes"][0]["speaker"], doc["dates"][0]["value"]
('Mark Rutte', '2025-02-09')

``annotate`` returns the export document of the schema
``article-annotator/1`` (the command line's output; offsets count code
points, so ``text[start:end]`` is the span). ``annotate_many`` annotates a
batch on all cores with the GIL released.
"""

from ._native import MAX_TEXT_BYTES, __version__, annotate, annotate_many

__all__ = ["MAX_TEXT_BYTES", "__version__", "annotate", "annotate_many"]
