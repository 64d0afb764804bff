"""The body and title of each text fixture as its notes state."""

from __future__ import annotations

import pytest

import cleanpage
from tests import FIXTURES

# ------------------------------------------------------------------------------------- fixtures (body and title)

CASES = {
    "seed-text": ("Russian FM: US, NATO Directly Involved in Ukraine Conflict", 16),
    "related-links-text": ("Winter storm buries central Oregon, closes mountain highway", 5),
    "lynx-text": ("Fernwärme wird ab April teurer", 4),
    "markdown-text": ("Seed swap returns on Saturday 16 March", 4),
    "hardwrapped-text": ("Sécheresse : les Bouches-du-Rhône en alerte dès le mois de mars", 4),
    "browser-select-all-es": ("Madrid prohíbe el tráfico de camiones por el centro a partir de mayo", 5),
}


NOT_IN_BODY = {
    "related-links-text": ["Skip to content", "Valley Sentinel", "By Tom Harlow", "March 3, 2024", "Share this:",
        "Related", "•", "Most Popular", "Privacy Policy", "All rights reserved", "We use cookies"],
    "lynx-text": ["[", "]", "Zum Inhalt springen", "Von Jonas Richter", "Teilen mit", "Ähnliche Beiträge",
        "Petra Hahn", "Antworten", "____", "Meistgelesen", "References", "https://"],
    "markdown-text": ["**", "](", "https://", "Posted on", "Categories:", "Post navigation", "Comments",
        "Graham Pike", "Reply", "Leave a Reply", "Recent Posts", "Archives"],
    "hardwrapped-text": ["Aller au contenu", "Publié le", "Partager", "Lire aussi", "© AFP", "Les plus lus",
        "Mentions légales"],
    "browser-select-all-es": ["Ir al contenido", "Compartir", "Te puede interesar", "Lo más leído", "Aviso legal",
        "Utilizamos cookies", "Comentarios", "Lucía M."],
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_fixture_title_and_body(case: str) -> None:
    page = cleanpage.clean_file(next((FIXTURES / case).glob("input.*")))
    title, count = CASES[case]
    assert page.kind is cleanpage.InputKind.TEXT
    assert page.title == title
    assert len(page.paragraphs) == count
    assert not page.body.startswith(title)
    for text in NOT_IN_BODY.get(case, []):
        assert text not in page.body, text


def test_hardwrapped_fixture_rejoins_paragraphs_exactly() -> None:
    page = cleanpage.clean_file(FIXTURES / "hardwrapped-text" / "input.txt")
    assert not any("\n" in p for p in page.paragraphs)
    assert page.paragraphs[2] == (
        "« Nous n’avons jamais pris de telles mesures au mois de mars », a reconnu le préfet lors d’une "
        "conférence de presse, appelant chacun à « adopter dès maintenant les bons gestes »."
    )
    removed = {r.text for r in page.removed}
    assert "Mentions légales - Données personnelles - Gestion des cookies - Contact - Plan du site" in removed
    assert "Lire aussi : Nappes phréatiques : un niveau historiquement bas dans le Sud-Est" in removed


def test_lynx_fixture_drops_markers_and_keeps_link_text() -> None:
    page = cleanpage.clean_file(FIXTURES / "lynx-text" / "input.txt")
    assert "Heizkraftwerks am Südring" in page.paragraphs[1]
    assert [r.text.split(".")[0] for r in page.responses] == ["Schon wieder? Letztes Jahr hieß es noch, die Preise seien jetzt stabil", "Immerhin wird das Geld ins Kraftwerk gesteckt und nicht an Aktionäre ausgeschüttet"]
