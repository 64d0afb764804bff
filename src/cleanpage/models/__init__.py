"""Learned parts shipped as data: small tree ensembles evaluated with numpy.

A model is a ``.npz`` file beside this module (arrays only, loaded with ``allow_pickle=False``) and the
:class:`Forest` that reads it. Training lives in :mod:`cleanpage.learn` and needs the ``[train]``
extra; nothing here imports a training library.
"""

from cleanpage.models.forest import Forest, load_forest

__all__ = ["BLOCK_MODEL", "Forest", "load_forest"]

#: the HTML block model (trained by ``python -m cleanpage.learn.train``; its card: docs/model.md)
BLOCK_MODEL = "blocks.npz"
