"""Take screenshots/browser.png: the bundled lesson served to a class, in Chromium.

Run from anywhere:  python screenshots/browser.py

Needs Chromium from Debian's packages (``apt-get install chromium``) and Playwright
(``pip install -e '.[test]'``). Starts ``explainer serve`` on a free 127.0.0.1 port with
a throw-away class folder, signs a student in, opens section 2, saves the PNG, and
stops the server.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Serve, sign in, read, screenshot; return 0, or 1 when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshots/browser.py: Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-m", "explainer", "serve", "--class-dir", tmp, "--port", str(port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1200, "height": 760})
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("canvas", timeout=20_000)
                time.sleep(2)
                page.mouse.click(600, 380)
                for key in [*"Olena", "Enter", *"2468", "Enter", "r", "n"]:
                    page.keyboard.type(key) if len(key) == 1 else page.keyboard.press(key)
                    time.sleep(0.6)
                time.sleep(1.5)
                out = ROOT / "screenshots" / "browser.png"
                page.screenshot(path=str(out))
                browser.close()
                print(out)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
