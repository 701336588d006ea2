"""`python -m luml_facade.cli`: the same as the `luml` command."""

from . import main

main()
