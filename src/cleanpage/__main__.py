"""``python -m cleanpage`` runs the CLI."""

from cleanpage.io.cli import main

raise SystemExit(main())
