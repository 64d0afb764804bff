"""The stages of :func:`cleanpage.clean`, in the order it runs them.

``decode`` → ``sniff`` → (``html/`` or ``text/``: ``blocks`` → ``responses`` → ``classify`` → ``metadata``)
→ ``attribute`` → ``assemble``. The two input kinds meet at the block model (:mod:`.blocks`); the
modules of ``html/`` and ``text/`` carry the same stage names.
"""
