"""The shipped cut: the best out-of-fold objective, and within a tie of it the highest cut."""

from cleanpage.learn.train import CUT_TIE, choose_cut


def test_a_clear_best_cut_is_chosen_whatever_its_height() -> None:
    assert choose_cut({0.3: 1.70, 0.4: 1.80, 0.5: 1.75}) == 0.4


def test_a_near_tie_goes_to_the_higher_cut_that_keeps_less() -> None:
    objective = {0.35: 1.8041, 0.4: 1.8067, 0.45: 1.8060, 0.5: 1.8047}
    assert choose_cut(objective) == 0.45


def test_a_cut_just_outside_the_tie_does_not_win() -> None:
    objective = {0.4: 1.8, 0.5: 1.8 - 2 * CUT_TIE}
    assert choose_cut(objective) == 0.4
