"""Whether each notebook's saved outputs were made from the data and code there are now.

Notebooks are committed executed, and the site publishes their saved outputs. When a quiz
answer is fixed in data/ and the lesson is not run again, the site would publish the old
answer. So each execution records a fingerprint of what the outputs are made from (the
notebook's own cells, every data file, the helper package's code) in the notebook's metadata,
and the site build refuses notebooks whose fingerprint no longer matches.

Every lesson loads and cross-checks all of data/ when it starts, so any data file can change
any lesson's outputs; the fingerprint therefore covers all of them. It hashes file bytes in
sorted order of their paths within the project: the same on every machine, whatever the
project's folder is called or when its files were last touched.
"""

import hashlib
import json
from pathlib import Path

from .errors import DataError
from .lessons import cell_sources
from .paths import ROOT

METADATA_KEY = "twitchbook"  # notebook.metadata["twitchbook"]["fingerprint"]
# Every data file (the loader refuses anything else in data/), and the helper package's code
# and assets (not editor backups or compiled files, which no lesson runs).
INPUTS = ("data/**/*", "lib/twitchbook/**/*.py", "lib/twitchbook/assets/*")


def input_files(root: Path = ROOT) -> list[Path]:
    """The files a notebook's outputs are made from, in a stable order."""
    files = []
    for pattern in INPUTS:
        for path in root.glob(pattern):
            parts = path.relative_to(root).parts
            if any(p.startswith(".") or p == "__pycache__" for p in parts) or path.suffix == ".pyc":
                continue
            if path.is_file() and not path.is_symlink():
                files.append(path)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def fingerprint(notebook: dict, root: Path = ROOT) -> str:
    """A digest of the notebook's cells and of every input file's path and bytes."""
    digest = hashlib.sha256()
    for path in input_files(root):
        content = path.read_bytes()
        name = path.relative_to(root).as_posix().encode()
        digest.update(b"file\0%s\0%d\0" % (name, len(content)))
        digest.update(content)
    for kind, source in cell_sources(notebook):
        text = source.encode()
        digest.update(b"cell\0%s\0%d\0" % (kind.encode(), len(text)))
        digest.update(text)
    return "sha256:" + digest.hexdigest()


def stamp(notebook, value: str):
    """Record a fingerprint (computed before the notebook ran) in its metadata."""
    notebook["metadata"][METADATA_KEY] = {"fingerprint": value}
    return notebook


def recorded(notebook: dict) -> str | None:
    entry = notebook.get("metadata", {}).get(METADATA_KEY)
    return entry.get("fingerprint") if isinstance(entry, dict) else None


def stale_notebooks(root: Path = ROOT) -> list[str]:
    """The notebooks (as notebooks/NN_name.ipynb) whose saved outputs are out of date."""
    stale = []
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        name = path.relative_to(root).as_posix()
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise DataError(name, None, None, "is not valid notebook JSON") from None
        if recorded(notebook) != fingerprint(notebook, root):
            stale.append(name)
    return stale


class StaleOutputs(DataError):
    """Saved outputs made from other data or code than the project has now."""

    advice = ""  # the message says what to run


def check_fresh(root: Path = ROOT) -> None:
    """Raise StaleOutputs naming every out-of-date notebook and the command that fixes it."""
    stale = stale_notebooks(root)
    if stale:
        others = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
        every = len(stale) == len(list((root / "notebooks").glob("*.ipynb")))
        command = "./workbook execute" + ("" if every else " " + " ".join(stale))
        raise StaleOutputs(
            stale[0] + others,
            None,
            None,
            "saved outputs were made from other data or code than there is now, so the site "
            f"would publish old results: run {command}",
        )
