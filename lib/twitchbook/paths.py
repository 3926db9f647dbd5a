"""Where the project's folders are: the package lives in lib/, beside data/ and notebooks/.

TWITCHBOOK_ROOT points the helpers at another copy of the project, which the tests use to
build notebooks and pages from data they write themselves.
"""

import os
from pathlib import Path

ROOT = Path(os.environ.get("TWITCHBOOK_ROOT") or Path(__file__).resolve().parents[2])
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
