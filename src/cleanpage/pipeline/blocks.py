"""The block model: both input kinds become a tuple of :class:`Block` values.

Rules and classifiers read blocks, never the tree or the raw lines, so one rule works on HTML and
on text dumps alike. A block remembers its context (the class/id words and semantic roles of the
element and its ancestors for HTML; indentation and list markers for text) because boilerplate is
mostly recognised by *where* a text sits, not by the text alone.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

__all__ = ["PARAGRAPH", "Block", "Form", "Label", "Labelled", "Reason", "normalise_space", "text_key"]

_KEY_DROP = re.compile(r"[\W_]+", re.UNICODE)
#: the ASCII characters :data:`_KEY_DROP` drops (all but letters and digits), for ASCII texts' fast path
_ASCII_DROP = bytes(c for c in range(128) if not chr(c).isalnum())


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space: the only change we make to page text."""
    return " ".join(text.split())


def text_key(text: str) -> str:
    """A key for aligning the same text seen by two engines: casefolded, letters and digits only.

    Four block texts in five are ASCII: for them a bytes translation drops the same characters as
    the regex, and lower() is casefold(), in half the time (every block and engine unit is keyed)."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_DROP).decode("ascii").lower()
    return _KEY_DROP.sub("", text).casefold()


class Form(NamedTuple):
    """What the markup (or a dump's line shape) says a block is: a heading, a list item, a table
    cell, code. Read only to build the structured body (``Page.elements``); no rule, feature or
    model looks at it, so it can never change what is kept.

    ``group`` is the document-order position of the element that blocks of one body element share
    (the ``li``, ``pre``, ``blockquote``, heading), so that several blocks of one list item or one
    code listing come out as one element; ``-1`` where each block stands alone. A block in a table
    cell keeps its own kind and says where in the table it sits, so that a layout table's content
    reads as what it is and a data table comes out whole.
    """

    kind: str = "paragraph"  # paragraph, heading, item, quote, code, caption, underline (a dump's)
    level: int = 0  # a heading's level, 1-6
    depth: int = 0  # a list item's nesting, 1 at the top
    ordered: bool = False  # a list item of a numbered list
    group: int = -1
    table: int = -1  # the innermost table's position, for a block inside one of its cells
    row: int = -1  # a table cell's row (the tr's position)
    cell: int = -1  # a table cell's own position
    header: bool = False  # a header cell (th)
    raw: str | None = None  # a code block's text with the page's whitespace


#: the form of a block nothing marks: a paragraph of its own
PARAGRAPH = Form()


class Block(NamedTuple):
    """One paragraph-like unit of the page, in page order.

    ``tag`` is the HTML element name (``"p"``, ``"h1"``, ``"li"``) or, for text dumps, a line-shape
    label (``"line"``, ``"item"``, ``"heading"``). ``tokens`` holds the lower-cased class/id words of
    the element and its ancestors; ``roles`` the semantic containers around it (``nav``, ``aside``,
    ``footer``, ``form``, ``header``, ``article``, ``main``, ``comment``, ARIA roles); ``link_chars`` how
    many characters of the text are link text; ``indent`` the indentation of a text line.

    A ``NamedTuple`` rather than a frozen dataclass: just as immutable, but built several times
    faster, and a large page makes a block for every piece of its text (keyword arguments only,
    by convention).
    """

    index: int  # type: ignore[assignment]  # the field shadows tuple.index on purpose: a block's position
    text: str
    tag: str
    tokens: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    link_chars: int = 0
    indent: int = 0
    depth: int = 0
    node: int = -1  # position of the source element in document order (HTML), -1 for text
    #: document-order positions of the enclosing block elements, outermost first (HTML); lets a
    #: classifier reason about containers ("most of this <div>'s prose was kept") without the tree
    path: tuple[int, ...] = ()
    #: what the markup says the block is, for the structured body only (never classification)
    form: Form = PARAGRAPH

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())

class Label(str, enum.Enum):
    """Where a block ends up: each block of a page gets exactly one label."""

    TITLE = "title"
    BODY = "body"
    ATTRIBUTION = "attribution"
    RESPONSE = "response"
    RESPONSE_HEADER = "response-header"
    BOILERPLATE = "boilerplate"
    META = "meta"  # byline/date lines: kept out of the body, read by metadata, not "removed"


class Reason(str, enum.Enum):
    """Why a block left the body: the registry of every ``Removed.reason``.

    Rule-table names (``rules/boilerplate.toml``) must be members (the loader refuses others), so a
    reason a user sees always has a description here and in ``docs/schema.md``. A ``str`` enum: it
    compares equal to, and serialises as, its kebab-case value.
    """

    description: str

    def __new__(cls, value: str, description: str) -> Reason:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> Reason:
        """The member whose value is ``value`` (``ValueError`` for an unknown one)."""
        member = cls._value2member_map_.get(value)
        if not isinstance(member, cls):
            raise ValueError(f"{value!r} is not a cleanpage.Reason")
        return member

    # -- rule table (boilerplate.toml): a phrase, pattern or class/id word of a page role --------------
    SKIP_LINK = "skip-link", "a 'skip to content' link for keyboard users"
    SEARCH_WIDGET = "search-widget", "a search box, its label or its screen-reader text"
    COOKIE_NOTICE = "cookie-notice", "a cookie or consent prompt"
    COMMENT_FORM = "comment-form", "the form for writing a comment ('Leave a Reply')"
    COMMENTS_CLOSED = "comments-closed", "a notice that comments are closed or not yet written"
    PAYWALL = "paywall", "a subscription or paywall prompt"
    NEWSLETTER = "newsletter", "a newsletter sign-up box"
    SHARE_BUTTONS = "share-buttons", "a share bar (social networks, e-mail, print)"
    FOLLOW_US = "follow-us", "a 'follow us' box with the site's social accounts"
    PRINT_EMAIL = "print-email", "print, e-mail or font-size controls"
    RELATED_POSTS = "related-posts", "a related-posts list or its heading"
    INLINE_RELATED = "inline-related", "a 'Read also: …' link set between paragraphs"
    POPULAR_POSTS = "popular-posts", "a most-read or popular-posts list"
    LATEST_POSTS = "latest-posts", "a latest or recent-posts list"
    SIDEBAR_WIDGETS = "sidebar-widgets", "a sidebar widget (archives, categories, calendar)"
    READ_MORE = "read-more", "a 'read more' or 'continue reading' link"
    TAG_LIST = "tag-list", "the post's tags or categories"
    POST_META = "post-meta", "a post's meta line (its date alone, reading time, views, word count)"
    PAGINATION = "pagination", "page or post navigation ('Next post', '1 2 3 …')"
    BREADCRUMBS = "breadcrumbs", "a breadcrumb trail"
    IMAGE_CREDIT = "image-credit", "a photo credit ('Photo: Jane Doe/Getty Images')"
    ADVERT = "advert", "an advertisement or its label"
    LOGIN = "login", "a log-in, register or account link"
    AUTHOR_BOX = "author-box", "an author's bio box"
    NAVIGATION = "navigation", "site navigation: menus and their items"
    UI_CONTROL = "ui-control", "an interface control's label (close, menu, toggle, back to top)"
    FOOTER = "footer", "a site footer's text (legal links, copyright of the site)"
    SCREEN_READER_TEXT = "screen-reader-text", "text only screen readers read"
    AD_DISCLOSURE = "ad-disclosure", "an affiliate-link or sponsorship disclosure"
    SUPPORT_APPEAL = "support-appeal", "an appeal to donate or to support the site"
    JAVASCRIPT_NOTICE = "javascript-notice", "a notice that the page needs JavaScript"
    LICENCE_NOTICE = "licence-notice", "a content-licence notice of the site"
    # -- where the block sits (semantic containers, ARIA roles, hidden markup) ------------------------
    HIDDEN = "hidden", "text the page hides (hidden, aria-hidden, display:none)"
    DIALOG = "dialog", "a dialog or modal box"
    PAGE_FOOTER = "page-footer", "inside the page's <footer> or contentinfo region"
    PAGE_HEADER = "page-header", "inside the page's <header> or banner region"
    SIDEBAR = "sidebar", "inside an <aside> or complementary region"
    FORM = "form", "inside a form"
    BUTTON = "button", "a button's label"
    NOSCRIPT = "noscript", "text shown only without JavaScript"
    # -- the main-content decision and the structure around it ----------------------------------------
    OUTSIDE_MAIN_CONTENT = "outside-main-content", "outside the page's main content"
    LINK_LIST = "link-list", "a run of short link-only blocks (and its heading)"
    INLINE_TEASER = "inline-teaser", "a 'SEE ALSO: <headline link>' teaser"
    CAPTION = "caption", "a figure caption"
    KICKER = "kicker", "a short label above the headline (a section name, 'Exclusive')"
    ORPHAN_HEADING = "orphan-heading", "a heading with no body text under it"
    BEFORE_CONTENT = "before-content", "a text dump's line before the article"
    INSIDE_CONTENT = "inside-content", "a text dump's non-prose line inside the article region"
    AFTER_CONTENT = "after-content", "a text dump's line after the article"
    LINK_REFERENCES = "link-references", "a text dump's numbered list of link targets"
    IMAGE_CAPTION = "image-caption", "a text dump's caption ending in an image credit"
    GALLERY_COUNTER = "gallery-counter", "a slideshow's position counter ('1 / 5', 'Photo 3 of 7')"
    COPYRIGHT_FOOTER = "copyright-footer", "the site's own copyright line (no agency named)"
    REPEATED = "repeated", "the same paragraph again right after itself, or a credit already recorded"
    BYLINE = "byline", "a byline line ('By Jane Doe'): the name is in Page.authors"
    HEADLINE = "headline", "the headline element, where Page.title is another source's (the <title>, a heading)"
    # -- reader responses ---------------------------------------------------------------------------
    COMMENT_SECTION = "comment-section", "a comment section's furniture outside its comments"
    COMMENT_CHROME = "comment-chrome", "a comment's chrome (Reply, Report, 'says:', votes)"
    QUOTED = "quoted", "a reply's copy of an earlier post's words (a forum quote): kept once, where written"
    RESPONSES_HEADER = "responses-header", "the heading that announces the responses ('3 Responses')"


class Labelled(NamedTuple):
    """A block with its label; ``reason`` says why a removed block was removed (it becomes
    ``Removed.reason``), and is ``None`` for blocks that stay.

    A ``NamedTuple`` (immutable, cheap to build): classifiers relabel by building new ones."""

    block: Block
    label: Label
    reason: Reason | None = None
    #: the block model's probability that the block is main content, where the model decided
    score: float | None = None
