"""python -m twitchbook_site.slides [--out DIR]: build the decks into DIR/slides."""

import argparse
import sys
from pathlib import Path

from twitchbook.paths import ROOT

from .build import build_slides


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the slide decks")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args()
    decks = build_slides(args.out)
    print(f"{len(decks)} slide decks built in {args.out / 'slides'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
