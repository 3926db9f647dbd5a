"""Lighthouse on the built site, as a phone on a slow connection sees it (Lighthouse's mobile
defaults), served from a loopback server twice: gzip-compressed, as a real static host
serves it, and as plain files. Run by ./workbook bench (tools/benchmark.py) only.

Lighthouse comes from npm at a pinned version, installed into _build/lighthouse the first
time; Chromium is Debian's (CHROME_PATH). Nothing leaves the machine.
"""

import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

VERSION = "13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {
    "compressed": {"performance": 90, "accessibility": 100, "best-practices": 100},
    "plain": {"performance": 80, "accessibility": 100, "best-practices": 100},
}
TBT_LIMIT_MS = 200
# Lighthouse's own advice on variability: run several times and take the median run.
RUNS = 3
PAGES = [
    "index.html",
    "glossary.html",
    "01_facial_nerve.html",
    "02_benign_twitches.html",
    "06_treatment.html",
]
COMPRESSIBLE = (".html", ".js", ".css", ".svg", ".json", ".txt")


def install(root: Path) -> Path:
    """The pinned Lighthouse, installed once into _build/lighthouse."""
    prefix = root / "_build" / "lighthouse"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    installed = prefix / "node_modules" / "lighthouse" / "package.json"
    if not (binary.exists() and json.loads(installed.read_text())["version"] == VERSION):
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"lighthouse@{VERSION}",
            ],
            check=True,
        )
    return binary


class _Handler(http.server.SimpleHTTPRequestHandler):
    compress = False

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (self.compress and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path, compress: bool) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(binary: Path, url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = (
            "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
            "--disable-background-networking --disable-component-update --disable-sync "
            f"--user-data-dir={tmp}/profile"
        )
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={flags}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        data = json.loads(report.read_text())
    audits = data["audits"]
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    return {
        **scores,
        "TBT (ms)": audits["total-blocking-time"]["numericValue"],
        "LCP (s)": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "why": _reasons(data),
    }


def _reasons(data: dict) -> list[str]:
    """The failing audits that cost points, worst first: the measured reason for a miss."""
    failing = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 0.9:
                shown = audit.get("displayValue", "")
                failing.append((ref["weight"] * (1 - audit["score"]), f"{audit['title']} {shown}"))
    reasons = [text.strip() for _, text in sorted(failing, reverse=True)[:4]]
    # Behind a slow first paint: what held it back (render-blocking files, by time lost).
    for key in ("render-blocking-insight", "render-blocking-resources"):
        items = data["audits"].get(key, {}).get("details", {}).get("items", [])
        items = [i for i in items if isinstance(i, dict) and i.get("url")]
        for item in sorted(items, key=lambda i: -(i.get("wastedMs") or 0))[:3]:
            size = (item.get("totalBytes") or 0) / 1024
            reasons.append(
                f"render-blocking: {item['url'].split('/')[-1].split('?')[0]} "
                f"({size:.0f} KiB, {item.get('wastedMs') or 0:.0f} ms)"
            )
        if items:
            break
    return reasons


def lighthouse(root: Path, site: Path, chromium: str = "/usr/bin/chromium") -> dict:
    binary = install(root)
    results = {}
    for mode in TARGETS:
        server = serve(site, compress=mode == "compressed")
        try:
            for page in PAGES:
                url = f"http://127.0.0.1:{server.server_port}/{page}"
                runs = sorted(
                    (audit(binary, url, chromium) for _ in range(RUNS)),
                    key=lambda run: run["performance"],
                )
                median = runs[len(runs) // 2]
                spread = f"{runs[0]['performance']}-{runs[-1]['performance']}"
                results[f"{page} ({mode})"] = {"mode": mode, **median, "performance runs": spread}
        finally:
            server.shutdown()
    return results


def verdicts(result: dict) -> list[str]:
    """Targets missed by one page's run; empty when all are met."""
    missed = [
        f"{c} {result[c]} < {limit}"
        for c, limit in TARGETS[result["mode"]].items()
        if result[c] < limit
    ]
    if result["TBT (ms)"] >= TBT_LIMIT_MS:
        missed.append(f"TBT {result['TBT (ms)']:.0f} ms >= {TBT_LIMIT_MS} ms")
    return missed


def print_table(results: dict) -> None:
    print(
        f"\n{'Lighthouse, mobile (median of runs)':40} {'perf':>5} {'runs':>7} {'a11y':>5} "
        f"{'b-p':>5} {'TBT ms':>7} {'LCP s':>6}  verdict"
    )
    for name, r in results.items():
        missed = verdicts(r)
        verdict = "targets met" if not missed else "MISSED: " + "; ".join(missed)
        print(
            f"{name:40} {r['performance']:5} {r['performance runs']:>7} {r['accessibility']:5} "
            f"{r['best-practices']:5} "
            f"{r['TBT (ms)']:7.0f} {r['LCP (s)']:6.1f}  {verdict}"
        )
        if missed:
            for reason in r["why"]:
                print(f"{'':42}- {reason}")


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parents[1]
    print_table(lighthouse(ROOT, ROOT / "_build" / "html"))
