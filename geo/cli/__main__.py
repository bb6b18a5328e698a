"""``python -m geo.cli``: the same as the ``newsmap`` command."""
import sys

from geo.cli import main

sys.exit(main())
