"""Where an HTML page keeps its metadata (``metadata.toml`` [markup] and [head]), and their compiler.

Not words a reader sees but the names sites give things: the class/id words of side boxes,
headlines and author boxes, the ``<meta>`` names of dates, authors and the site, and the
schema.org types of articles and organisations. The HTML metadata reader
(:mod:`cleanpage.pipeline.html.metadata`) reads them from :attr:`MetadataCues.markup
<cleanpage.rules.MetadataCues.markup>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .schema import RulesError, _class_words, _identifiers, _keys, _pattern, _strs, _subset, _table

__all__ = ["MarkupCues", "compile_markup"]


# eq=False: compared and hashed by identity (one value per loaded table).
@dataclass(frozen=True, slots=True, eq=False)
class MarkupCues:
    """Class/id words, ``<meta>`` names and schema.org types, as lists and as compiled patterns.

    The patterns search lower-cased class/id/itemprop words (flags 0, as markup writes them):

    * ``elsewhere``: a box whose dates and names belong to other things (comments, sidebars, teasers);
    * ``other_things``: the same without the side boxes (``side_box``), which are the article's own
      when the article holds them;
    * ``aside``: a box that ends the lines under a headline;
    * ``headline``: a headline element;
    * ``author_box``: an author box, whose first heading is the author's name.
    """

    elsewhere_tokens: tuple[str, ...]
    side_box_tokens: tuple[str, ...]
    main_ids: frozenset[str]
    aside_tokens: tuple[str, ...]
    headline_tokens: tuple[str, ...]
    author_box_patterns: tuple[str, ...]
    #: ``<meta>`` names (lower case), in order of trust where order matters
    published: tuple[str, ...]
    weak_published: frozenset[str]
    modified: tuple[str, ...]
    author: tuple[str, ...]
    site: tuple[str, ...]
    site_name: tuple[str, ...]
    #: schema.org types as written
    article_types: frozenset[str]
    #: the generic page types among (or beside) ``article_types``: dated, but no sign of an article
    generic_page_types: frozenset[str]
    #: the discussion types (a forum post, a Q&A page): a thread's, never an article's
    thread_types: frozenset[str]
    organisation_types: frozenset[str]
    #: schema.org properties holding reviews of the page's item ("review"), lower case
    response_types: frozenset[str]
    #: ``og:type`` values (lower case) of an article
    article_og_types: frozenset[str]
    elsewhere: re.Pattern[str]
    other_things: re.Pattern[str]
    side_box: re.Pattern[str]
    aside: re.Pattern[str]
    headline: re.Pattern[str]
    author_box: re.Pattern[str]


def _any_of(words: tuple[str, ...], at: str) -> re.Pattern[str]:
    """A search for any of ``words`` inside class/id words (as written: flags 0)."""
    return _pattern("|".join(map(re.escape, words)), at, allow_groups=False, flags=0)


def compile_markup(doc: dict[str, Any]) -> MarkupCues:
    """The [markup] and [head] tables of ``metadata.toml`` (parsed) as :class:`MarkupCues`."""
    at = "metadata.toml [markup]"
    markup = _table(doc, "markup", "metadata.toml")
    _keys(markup, {"elsewhere_tokens", "side_box_tokens", "main_ids", "aside_tokens", "headline_tokens",
                   "author_box_patterns", "author_box_examples"}, at)
    elsewhere = _class_words(markup, "elsewhere_tokens", at)
    side = _class_words(markup, "side_box_tokens", at)
    _subset(side, elsewhere, f"{at} side_box_tokens", "elsewhere_tokens")
    aside = _class_words(markup, "aside_tokens", at)
    headline = _class_words(markup, "headline_tokens", at)
    sources = tuple(_strs(markup, "author_box_patterns", at, required=True))
    author_box = _pattern("|".join(sources), f"{at} author_box_patterns", allow_groups=False, flags=0)
    _examples(sources, _class_words(markup, "author_box_examples", at), at)
    head = _head(doc)
    return MarkupCues(
        elsewhere_tokens=elsewhere,
        side_box_tokens=side,
        main_ids=frozenset(_class_words(markup, "main_ids", at)),
        aside_tokens=aside,
        headline_tokens=headline,
        author_box_patterns=sources,
        published=head["published"],
        weak_published=frozenset(head["weak_published"]),
        modified=head["modified"],
        author=head["author"],
        site=head["site"],
        site_name=head["site_name"],
        article_types=frozenset(head["article_types"]),
        generic_page_types=frozenset(head["generic_page_types"]),
        thread_types=frozenset(head["thread_types"]),
        organisation_types=frozenset(head["organisation_types"]),
        response_types=frozenset(head["response_types"]),
        article_og_types=frozenset(head["article_og_types"]),
        elsewhere=_any_of(elsewhere, f"{at} elsewhere_tokens"),
        other_things=_any_of(tuple(w for w in elsewhere if w not in side), f"{at} elsewhere_tokens"),
        side_box=_any_of(side, f"{at} side_box_tokens"),
        aside=_any_of(aside, f"{at} aside_tokens"),
        headline=_any_of(headline, f"{at} headline_tokens"),
        author_box=author_box,
    )


def _examples(sources: tuple[str, ...], examples: tuple[str, ...], at: str) -> None:
    """Every author-box pattern matches one of the examples, and every example one pattern."""
    compiled = [_pattern(source, f"{at} author_box_patterns", allow_groups=False, flags=0) for source in sources]
    for source, pattern in zip(sources, compiled):
        if not any(pattern.search(example) for example in examples):
            raise RulesError(f"{at}: author box pattern {source!r} matches none of author_box_examples")
    for example in examples:
        if not any(pattern.search(example) for pattern in compiled):
            raise RulesError(f"{at}: author box example {example!r} matches no author_box_patterns")


def _head(doc: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    at = "metadata.toml [head]"
    head = _table(doc, "head", "metadata.toml")
    meta_keys = ("published", "weak_published", "modified", "author", "site", "site_name", "article_og_types",
                 "response_types")
    type_keys = ("article_types", "generic_page_types", "thread_types", "organisation_types")
    _keys(head, {*meta_keys, *type_keys}, at)
    found = {key: _identifiers(head, key, at, lower=True) for key in meta_keys}
    found.update({key: _identifiers(head, key, at) for key in type_keys})
    _subset(found["weak_published"], found["published"], f"{at} weak_published", "published")
    return found
