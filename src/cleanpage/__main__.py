"""``python -m cleanpage`` runs the CLI."""

from cleanpage.cli import main

raise SystemExit(main())
