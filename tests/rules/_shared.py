"""What the rules tests share: the packaged tables, small valid tables to break, page builders."""

from __future__ import annotations

from cleanpage.rules import load_rules

RULES = load_rules()


def ids(values: list[str]) -> list[str]:
    return [v[:40] for v in values]


BOILERPLATE_EXAMPLES = [(rule.name, ex) for rule in RULES.boilerplate for ex in rule.examples]


ARTICLE_SENTENCES = [
    # the seed article (must never be boilerplate, credit or a comment heading)
    ("Russia’s foreign minister on Thursday accused the West of becoming directly involved in the conflict in "
     "Ukraine by supplying it with weapons and training its soldiers."),
    "“It’s working and I hope that some results will be achieved,” he added.",
    ("“The infrastructure that is targeted by those attacks is used to ensure the combat potential of the "
     "Ukrainian armed forces and the nationalist battalions,” Lavrov said."),
    "Russian FM: US, NATO Directly Involved in Ukraine Conflict",
    ("He claimed that the U.S. has tried to discourage other countries, including India, from maintaining close "
     "ties with Russia, but those attempts have failed."),
    # short, headline-like or sentence-initial keywords in several languages
    "Search for survivors resumes after the quake",
    "Share prices fell sharply on Monday.",
    "Read the statement in full below.",
    "Next week the parliament will vote.",
    "Home secretary resigns over leaked memo",
    "Comments by the minister angered the opposition.",
    "Popular anger is growing in the capital.",
    "Related charges were dropped in 2021.",
    "Print editions will end in June.",
    "Die Suche nach den Vermissten geht weiter.",
    "Teilen sich zwei Parteien die Macht, wird es schwierig.",
    "Weiter so, sagte der Kanzler.",
    "La recherche de survivants se poursuit.",
    "Partager le pouvoir n'est pas facile, a-t-il dit.",
    "Lire la presse chaque matin est une habitude.",
    "La búsqueda continúa en la zona del terremoto.",
    "Compartir información es clave, dijo el ministro.",
    "Leggi anche tu il rapporto, ha detto il ministro, perché è importante.",
    "A pesquisa foi publicada na revista Nature.",
    "De zoektocht naar de vermiste man gaat door.",
    "Poszukiwania zaginionych trwają.",
    "Поиск пропавших продолжается.",
    "Cookies are a popular treat during the holidays.",
    "Reuters reported on Tuesday that the company would cut jobs.",
    "The AP Stylebook recommends spelling out numbers below 10.",
    "AFP news agency said the talks had failed.",
    "Xinhua said the meeting was constructive.",
    "Photographers gathered outside the court before dawn.",
    "2 thoughts on the matter were shared at the meeting.",
    "One thought on this: the plan will fail.",
]


BP_OK = """
[text_roles]
list_headings = ["related"]
response_ends = ["comment-form"]
barriers = ["related", "footer"]

[[container]]
role = "nav"
reason = "navigation"
examples = ["<nav><p>Home</p></nav>"]

[[rule]]
name = "search-widget"
role = "search"
phrases = ["Search"]
patterns = ['search for:?']
tokens = ["search-form", "ad-slot-*"]
examples = ["Search", "Search for:"]
"""


AG_OK = """
[[agency]]
name = "AP"
full = "Associated Press"
aliases = ["AP", "Associated Press"]
ambiguous = ["AP"]

[[agency]]
name = "Reuters"
full = "Reuters"
aliases = ["Reuters"]

[[credit]]
kind = "credit"
name = "credit-parenthesised"
regex = '''\\(\\s*(?P<agency>{agency})\\s*\\)'''
examples = [{text = "(AP)", agency = "AP"}]
"""


CM_OK = """
section_tokens = ["comments"]
chrome_phrases = ["Reply"]
section_heading_phrases = ["Comments"]

[number_words.en]
"one" = 1

[[heading]]
regex = '''{count}\\s+comments?'''
examples = [{text = "3 Comments", n = 3}]
"""


CUES = load_rules().cues


def byline_page(body: str) -> str:
    return f"<html><body><h1>Headline of the page</h1><p>Text.</p>{body}</body></html>"


def page_meta(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    from cleanpage.pipeline.html.metadata import read_metadata

    return read_metadata(lxml.html.document_fromstring(html), load_rules(), None)


def clean_dump(dated_line: str):  # type: ignore[no-untyped-def]
    """A text dump: headline, a dated line, and the story."""
    import cleanpage

    para = ("The council met on Tuesday evening to discuss the budget for the coming year, and members spoke at "
            "length about the roads, the library and the swimming pool that closed last winter. ")
    return cleanpage.clean(f"Council agrees new budget for the town\n\n{dated_line}\n\n{para * 3}\n\n{para * 2}\n",
                           kind="text")


def packaged_names(key: str, table: str = "names") -> list[str]:
    from importlib import resources

    from cleanpage.rules.schema import tomllib  # the standard library's, or tomli before Python 3.11

    doc = tomllib.loads((resources.files("cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8"))
    return list(doc[table][key])


MARKUP = CUES.markup


def html_element(html: str, ident: str = "x"):  # type: ignore[no-untyped-def]
    import lxml.html

    root = lxml.html.document_fromstring(html)
    return root, root.get_element_by_id(ident)


def head_page(head: str, body: str = "<h1>Headline of the page</h1><p>Text.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"
