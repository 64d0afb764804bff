"""Training the learned parts: labels from gold text, datasets of block features, the trainer.

Nothing here runs when a page is cleaned. The trainer needs the ``[train]`` extra (scikit-learn);
inference (:mod:`cleanpage.models`) needs only numpy.
"""
