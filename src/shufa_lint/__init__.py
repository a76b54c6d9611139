"""shufa-lint: a linter for Chinese rule-of-law duty reports (述法报告 and kindred reports)."""

__version__ = "0.1.0"
