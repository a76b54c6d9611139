"""Rule data for shufa-lint: YAML packs, outlines and term lexicons (installed as ``shufa_lint.rules``)."""
