"""``python -m joinus_server`` is the ``joinus-server`` console script."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
