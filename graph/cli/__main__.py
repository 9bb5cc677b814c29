"""``python -m graph.cli``: the same as the ``detente`` command."""

import sys

from graph.cli import main

__all__: list[str] = []

sys.exit(main())
