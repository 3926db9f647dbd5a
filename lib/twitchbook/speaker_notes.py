"""Speaker notes for the slide decks: one YAML file per lesson, data/speaker_notes/NN_name.yaml.

The file's shape:

    provenance: Who wrote these notes, and from which sources.
    lesson: 01_facial_nerve            # the file's own name
    notes:
      - section: The course of the nerve  # a heading of the lesson, exactly as written
        minutes: 6                        # teaching time for this section
        points:                           # what to say
          - Start at the pons ...
        misconceptions:                   # what students get wrong, and the correction
          - "Twitching means ALS: most twitching is benign ..."
        questions:                        # what students ask, with a suggested answer
          - ask: Can a twitch be stopped by willpower?
            answer: No ...

Only `section` and `minutes` are required. The notes appear in reveal.js's speaker view on the
first slide of their section, never on the slide the audience sees. The models and their rules
are in schema.py (SpeakerNotes); the file is read the way every data file is (loader.py).
"""

from pathlib import Path

from .loader import kind_named, load_file
from .paths import ROOT
from .schema import SectionNotes

__all__ = ["SectionNotes", "load_speaker_notes", "notes_file"]


def notes_file(lesson: str, root: Path = ROOT) -> Path:
    return root / "data" / "speaker_notes" / f"{lesson}.yaml"


def load_speaker_notes(
    lesson: str, headings: list[str], root: Path = ROOT
) -> dict[str, SectionNotes]:
    """A lesson's notes by section heading; {} when the lesson has no notes file yet.

    load_workbook() checks every notes file against its lesson; this reads one deck's file
    against the headings its slides show.
    """
    path = notes_file(lesson, root)
    if not (path.exists() or path.is_symlink()):
        return {}
    context = {"headings": {f"{lesson}.ipynb": headings}, "taken": {}}
    notes = load_file(kind_named("speaker_notes"), path, root, context)
    return {item.section: item for item in notes.notes}
