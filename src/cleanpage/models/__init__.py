"""Learned parts shipped as data: small tree ensembles evaluated with numpy.

A model is a ``.npz`` file beside this module (arrays only, loaded with ``allow_pickle=False``) and the
:class:`Forest` that reads it. Training lives in :mod:`cleanpage.learn` and needs the ``[train]``
extra; nothing here imports a training library.
"""

from cleanpage.models.forest import Forest, load_forest

__all__ = ["BLOCK_MODEL", "NO_ENGINE_MODEL", "Forest", "block_model_name", "checked_block_model", "load_forest"]

#: the HTML block model (trained by ``python -m cleanpage.learn.train``; its card: docs/model.md)
BLOCK_MODEL = "blocks.npz"
#: the HTML block model for pages cleaned without trafilatura (``Options(use_trafilatura=False)``),
#: trained by ``python -m cleanpage.learn.train --no-engine``: the engine's columns read "no engine"
NO_ENGINE_MODEL = "blocks-noengine.npz"


def block_model_name(engine: bool) -> str:
    """The packaged block model for a run with (``engine``) or without trafilatura's vote."""
    return BLOCK_MODEL if engine else NO_ENGINE_MODEL


def checked_block_model(model: Forest, engine: bool) -> Forest:
    """``model`` when its card says it was trained the way the page is cleaned (``card["engine"]``);
    else a ``ValueError``. A model trained with the engine's vote reads its columns as that vote:
    fed a run without the engine, it would decide on columns that mean something else, silently."""
    trained = model.card.get("engine")
    if trained is not engine:
        want = "with" if engine else "without"
        raise ValueError(f"the block model's card says engine={trained!r}, but this run is {want} trafilatura: "
                         f"use the model trained {want} it ({block_model_name(engine)}, python -m "
                         f"cleanpage.learn.train{'' if engine else ' --no-engine'})")
    return model
