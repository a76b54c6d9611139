"""Take the README's screenshots of the HTML report: the seed's view and a dashboard of five drafts.

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium]

Writes docs/report.png (the seed, one finding's note open) and docs/dashboard.png, rendered by the
system's Chromium through Playwright.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from review_drafts import SEED, write_folder  # noqa: E402


def render(cwd: Path, target: str, out: Path) -> str:
    subprocess.run([sys.executable, "-m", "shufa_lint", "--format", "html", "-q", "-o", str(out), target],
                   cwd=cwd, check=False)
    return out.as_uri()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        work = Path(folder)
        shutil.copy(SEED, work / "seed.txt")
        write_folder(work / "drafts")
        browser = playwright.chromium.launch(executable_path=arguments.chromium)
        page = browser.new_page(viewport={"width": 1200, "height": 680})
        page.goto(render(work, "seed.txt", work / "seed.html"))
        page.locator("mark[data-code=SF401]").nth(2).click()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(docs / "report.png"))
        page = browser.new_page(viewport={"width": 1680, "height": 500})
        page.goto(render(work, "drafts", work / "dashboard.html"))
        page.screenshot(path=str(docs / "dashboard.png"))
        browser.close()
    for name in ("report.png", "dashboard.png"):
        print(f"docs/{name}: {os.path.getsize(docs / name) // 1024} KB")


if __name__ == "__main__":
    main()
