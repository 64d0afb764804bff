"""Three paragraphs of plain news prose, shared by the text-path tests (hand-written, not page text)."""

PARA_A = (
    "The council voted on Tuesday to close the old bridge for repairs, a decision that will add "
    "twenty minutes to the commute of thousands of residents who cross the river every day."
)
PARA_B = (
    "Engineers found cracks in two of the supports last year and said the work could not wait "
    "another winter, according to a report that was published by the city on Monday."
)
PARA_C = (
    "The bridge is expected to reopen in the spring, officials said, and a free shuttle bus will "
    "run between the two banks while the repairs are under way."
)
