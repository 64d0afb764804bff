"""Fuzz cases from a seeded ``random.Random``: shared by tests/test_fuzz.py (through hypothesis's
``st.randoms()``) and benchmarks/fuzz.py (10,000+ cases), so both explore the same shapes."""

from __future__ import annotations

import random
from pathlib import Path

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*/input.*"))
_TAGS = ["div", "p", "span", "a", "article", "section", "aside", "nav", "footer", "header", "ul", "li", "h1",
         "h2", "script", "style", "table", "tr", "td", "form", "input", "br", "img", "time", "b", "i",
         "blockquote", "pre", "svg", "math", "template", "noscript", "iframe", "html", "body", "head", "title"]
_ATTRS = ["class", "id", "href", "src", "role", "itemprop", "itemtype", "datetime", "style", "aria-label",
          "data-x", "lang", "charset", "content", "http-equiv"]
_WORDS = ["the", "news", "Reuters", "(AP)", "Comments", "3 Responses", "Reply", "Share", "©", "Grüße", "日本語",
          "Москва", "مرحبا", "\u200b", "\ufeff", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "<!--", "]]>", "\x00",
          "By John Doe", "Posted on 2024-01-02", "Leave a Reply", "Search", "\r\n", "\t", "2023年", "\ud7ff"]
_ENCODINGS = ["latin-1", "cp1252", "cp1251", "shift_jis", "utf-16-le", "utf-16", "gb18030", "koi8-r", "utf-8"]


def random_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 25)):
        if rng.random() < 0.2:
            lines.append("")
        elif rng.random() < 0.1:
            lines.append("".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 40))))
        else:
            lines.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 20))))
    return "\n".join(lines)


def _attrs(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 3)):
        value = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 4)))
        quote = rng.choice(['"', "'", ""])
        out.append(f" {rng.choice(_ATTRS)}={quote}{value}{quote}")
    return "".join(out)


def random_html(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(0, 6 if depth < 4 else 2)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 25))))
        elif roll < 0.9 and depth < 8:
            tag = rng.choice(_TAGS)
            close = "" if rng.random() < 0.15 else f"</{tag}>"
            parts.append(f"<{tag}{_attrs(rng)}>{random_html(rng, depth + 1)}{close}")
        else:
            parts.append(rng.choice(["<!DOCTYPE html>", "<?xml version='1.0'?>", "<![CDATA[x]]>", "</p></div>",
                                     "<", ">", "&", "<!-- c -->", "<script>var a='</div>';</script>"]))
    return "".join(parts)


# -- mutations of real pages ---------------------------------------------------------------------
def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def _flip(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 50)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _insert(data: bytes, piece: bytes, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + piece + data[at:]


def _nest(data: bytes, rng: random.Random) -> bytes:
    n = rng.choice([100, 1000, 5000])
    tag = rng.choice([b"div", b"span", b"b", b"table", b"li"])
    return _insert(data, b"<" + tag + b">" * 1 + (b"<" + tag + b">") * n + b"deep" + (b"</" + tag + b">") * n, rng)


def _huge_attribute(data: bytes, rng: random.Random) -> bytes:
    size = rng.choice([10_000, 100_000, 500_000])
    return _insert(data, b'<div class="' + b"x " * (size // 2) + b'" data-y="' + b"\xc3\xa9" * 1000 + b'">z</div>', rng)


def _nul(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 20)):
        data = _insert(data, b"\x00" * rng.randint(1, 8), rng)
    return data


def _mixed_encoding(data: bytes, rng: random.Random) -> bytes:
    text = rng.choice(["Grüße aus Köln, schön", "Москва — столица", "日本語のテキスト", "Ελληνικά γράμματα"])
    piece = text.encode(rng.choice(_ENCODINGS), "replace")
    return _insert(data, piece * rng.randint(1, 20), rng)


def _bom(data: bytes, rng: random.Random) -> bytes:
    bom = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
    return bom + data if rng.random() < 0.7 else _insert(data, bom, rng)


def _charset(data: bytes, rng: random.Random) -> bytes:
    name = rng.choice(["iso-8859-1", "utf-16", "shift_jis", "bogus-charset", "utf-8", "x-user-defined", "utf-7"])
    return _insert(data, f'<meta charset="{name}"><?xml version="1.0" encoding="{name}"?>'.encode(), rng)


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    a = rng.randint(0, len(data))
    b = rng.randint(a, min(len(data), a + 5000))
    return _insert(data, data[a:b] * rng.randint(2, 20), rng)


def _attribute_flood(data: bytes, rng: random.Random) -> bytes:
    """One element with hundreds to tens of thousands of attributes (libxml2 reads them in quadratic time)."""
    n = rng.choice([200, 300, 2000, 20_000, 60_000])
    shape = rng.choice(['a{i}="{i}"', "a{i}", 'data-x{i}="<"', "a{i}='>'", "A{i}=v{i}"])
    sep = rng.choice([" ", "/", "\n", ""]) if "=" in shape else rng.choice([" ", "/"])
    tag = rng.choice(["div", "p", "svg", "script", "img", "a"])
    attrs = sep.join(shape.format(i=i) for i in range(n))
    return _insert(data, f"<{tag} {attrs}>flood</{tag}>".encode(), rng)


def _deep_unclosed(data: bytes, rng: random.Random) -> bytes:
    """A forum that leaves elements open per post: nesting far past the parser's depth limits."""
    n = rng.choice([150, 300, 1100, 3000, 8000])
    opened = rng.choice(["<div><font>", "<div>", "<table><tr><td>", "<ul><li>", "<b><i>", "<blockquote>"])
    end = rng.choice(["</p>", ""])
    posts = "".join(f"{opened}<p>post {i} says a few words{end}" for i in range(n))
    return _insert(data, posts.encode(), rng)


#: The share of text nodes past libxml2's 10 MB (seconds each): the benchmark's; the unit tests set
#: it to 0 and test that size on its own (tests/test_parse_limits.py).
HUGE_SHARE = 0.04


def _huge_text(data: bytes, rng: random.Random) -> bytes:
    """A text node past libxml2's default 10 MB limit (rarely: they are slow), or a large one."""
    size = 10_500_000 if rng.random() < HUGE_SHARE else rng.choice([100_000, 1_000_000])
    body = (rng.choice(["x", "ab ", "é", "<"]) * size)[:size]
    block = rng.choice(["<script>var a='{}';</script>", "<p>{}</p>", "<!--{}-->", "<textarea>{}</textarea>",
                        '<script type="application/ld+json">{{"articleBody": "{}"}}</script>'])
    return _insert(data, block.format(body).encode("utf-8", "replace"), rng)


def _deep_json(data: bytes, rng: random.Random) -> bytes:
    """JSON-LD nested past any sane depth, in the author and elsewhere."""
    depth = rng.choice([50, 500, 5000, 100_000])
    inner = rng.choice(['"Jane Doe"', '{"@type": "Person", "name": "Jane Doe"}', "{}", "[]"])
    nested = rng.choice([("[" * depth, "]" * depth), ('{"a": ' * depth, "}" * depth),
                         ('{"@type": "Person", "name": ' * depth, "}" * depth)])
    close = nested[1] if rng.random() < 0.8 else nested[1][: depth // 2]  # sometimes unbalanced
    ld = '{"@type": "NewsArticle", "headline": "Deep", "author": ' + nested[0] + inner + close + "}"
    return _insert(data, f'<script type="application/ld+json">{ld}</script>'.encode(), rng)


MUTATIONS = (_truncate, _flip, _nest, _huge_attribute, _nul, _mixed_encoding, _bom, _charset, _duplicate,
             _attribute_flood, _deep_unclosed, _huge_text, _deep_json)


def mutated_fixture(rng: random.Random) -> bytes | str:
    data = rng.choice(FIXTURES).read_bytes()
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng)
    if rng.random() < 0.2:  # the same damage arriving as str
        return data.decode("utf-8", rng.choice(["replace", "ignore", "surrogateescape"]))
    return data


def random_case(rng: random.Random) -> bytes | str:
    """One case of any family; ``str`` and ``bytes`` both occur."""
    family = rng.random()
    if family < 0.5:
        return mutated_fixture(rng)
    source = random_html(rng) if family < 0.8 else random_text(rng)
    if rng.random() < 0.5:
        return source.encode(rng.choice(_ENCODINGS), rng.choice(["replace", "ignore"]))
    return source
