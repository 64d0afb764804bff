"""Legacy code pages decode to the page's own words (issue 19 item 9): the declared or the most common
web encoding wins where the detector cannot tell, in short and long pages, Western and Central European."""

from __future__ import annotations

import pytest

import cleanpage

TEXTS = {
    "en-cp1252": ("© 2024 The naïve café owner said “hello” — it’s déjà vu.", "cp1252"),
    "fr-cp1252": ("Le naïve propriétaire du café a dit « bonjour » à la carte, déjà vu.", "cp1252"),
    "de-cp1252": ("Die Bürger äußerten sich über die Straßenbahn sehr zufrieden, à la carte.", "cp1252"),
    "es-cp1252": ("¿Qué tal? El niño comió en España. Año nuevo, señor.", "cp1252"),
    "en-latin1": ("© 2024 The naïve café owner said hello; it is déjà vu. Größe", "latin-1"),
    "fr-iso8859-15": ("Le cœur de l'été coûte 5 €. Ça va? naïve", "iso8859-15"),
    "cs-cp1250": ("Příliš žluťoučký kůň úpěl ďábelské ódy. Čeština je těžká.", "cp1250"),
    "cs-iso8859-2": ("Příliš žluťoučký kůň úpěl ďábelské ódy. Čeština je těžká.", "iso8859-2"),
    "pl-cp1250": ("Zażółć gęślą jaźń. Łódź to piękne miasto, żółw śpi.", "cp1250"),
    "pl-iso8859-2": ("Zażółć gęślą jaźń. Łódź to piękne miasto, żółw śpi.", "iso8859-2"),
    "hu-cp1250": ("Árvíztűrő tükörfúrógép. Ő és ű betűk, erről és arról.", "cp1250"),
    "sl-cp1250": ("Človek je šel v mesto, žena pa čaka doma. Čez čas.", "cp1250"),
    "hr-cp1250": ("Đak je čitao knjigu, ćevapi su ukusni. Šuma i žaba.", "cp1250"),
    "ro-iso8859-2": ("Bună ziua, ţară frumoasă. Şi în România.", "iso8859-2"),
    "sk-cp1250": ("Ľúbostná báseň, ťava a ďateľ, vŕba pri rieke.", "cp1250"),
}


@pytest.mark.parametrize("declared", ["utf-8", None], ids=["declares-utf8", "declares-nothing"])
@pytest.mark.parametrize("repeat", [1, 30], ids=["short", "long"])
@pytest.mark.parametrize("case", sorted(TEXTS))
def test_legacy_code_pages_give_the_pages_own_words(case: str, repeat: int, declared: str | None) -> None:
    text, encoding = TEXTS[case]
    meta = f'<meta charset="{declared}">' if declared else ""
    body = " ".join([text] * repeat)
    page = cleanpage.clean(f"<html><head>{meta}<title>{text}</title></head><body><article><p>{body}</p>"
                           "</article></body></html>".encode(encoding))
    assert page.title == text
    assert page.encoding_source == "detected"


def test_utf8_with_a_stray_latin1_byte_stays_utf8() -> None:
    words = "Grüße aus Köln, schön und süß: ein Küchenblog. " * 4
    data = (f"<html><head><meta charset='utf-8'><title>Küchenblog</title></head><body><article><p>{words}</p>"
            "<p>Hosting f").encode() + b"\xfcr Profit, und noch mehr Text hier.</p></article></body></html>"
    page = cleanpage.clean(data)
    assert (page.encoding, page.encoding_source) == ("utf-8", "utf-8-mixed")
    assert "schön und süß" in page.body and "Hosting für Profit" in page.body


def test_declared_latin1_reads_windows_quotes() -> None:
    prose = "Die Behörde nannte das Vorhaben „gefährdet“ – und keiner widersprach ihr dabei. " * 3
    data = f"<html><head><meta charset='iso-8859-1'><title>T</title></head><body><article><p>{prose}</p>" \
           "</article></body></html>"
    page = cleanpage.clean(data.encode("cp1252"))
    assert (page.encoding, page.encoding_source) == ("cp1252", "declared")
    assert "„gefährdet“ – und" in page.body
    plain = cleanpage.clean(data.replace("„", '"').replace("“", '"').replace("–", "-").encode("latin-1"))
    assert (plain.encoding, plain.encoding_source) == ("iso8859-1", "declared")  # no 0x80-0x9F: as declared
