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
first slide of their section, never on the slide the audience sees.
"""

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from .errors import DataError
from .loader import _plain_words, _read_yaml, _relative
from .paths import ROOT
from .schema import Strict, Text


class Asked(Strict):
    ask: Text
    answer: Text


class SectionNotes(Strict):
    section: Text
    minutes: int = Field(ge=1, le=240)
    points: list[Text] = []
    misconceptions: list[Text] = []
    questions: list[Asked] = []


class SpeakerNotes(Strict):
    provenance: Text
    lesson: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$")]
    notes: list[SectionNotes] = Field(min_length=1)


def notes_file(lesson: str, root: Path = ROOT) -> Path:
    return root / "data" / "speaker_notes" / f"{lesson}.yaml"


def load_speaker_notes(
    lesson: str, headings: list[str], root: Path = ROOT
) -> dict[str, SectionNotes]:
    """A lesson's notes by section heading; {} when the lesson has no notes file yet."""
    path = notes_file(lesson, root)
    if not path.exists():
        return {}
    name = _relative(path, root)
    document = _read_yaml(path, root)
    try:
        notes = SpeakerNotes.model_validate(document)
    except ValidationError as err:
        raise _data_error(err, document, name) from None
    if notes.lesson != lesson:
        raise DataError(name, None, "lesson", f"'{notes.lesson}' should match the file name")
    by_section = {}
    for item in notes.notes:
        if item.section in by_section:
            raise DataError(name, item.section, "section", "has notes twice")
        if item.section not in headings:
            raise DataError(name, item.section, "section", f"is not a heading of {lesson}.ipynb")
        by_section[item.section] = item
    return by_section


def _data_error(err: ValidationError, document: dict, name: str) -> DataError:
    """Name the section the bad field belongs to, and the field's path within it."""
    first = err.errors()[0]
    location = list(first["loc"])
    item = None
    if len(location) >= 2 and location[0] == "notes" and isinstance(location[1], int):
        entry = (document.get("notes") or [])[location[1]]
        section = entry.get("section") if isinstance(entry, dict) else None
        item = str(section) if section else f"notes[{location[1] + 1}]"
        location = location[2:]
    field = ""
    for step in location:
        # Counted from 1, as a person reads the file.
        field += f"[{step + 1}]" if isinstance(step, int) else f".{step}"
    problem = (
        "should be a mapping of fields"
        if first["type"] in {"model_type", "dict_type"}
        else _plain_words(first)
    )
    return DataError(name, item, field.lstrip(".") or None, problem)
