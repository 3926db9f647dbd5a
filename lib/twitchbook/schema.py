"""The shape of every data file, written as pydantic models (no hand-written field checks)."""

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
PmidText = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,8}$")]
PmcidText = Annotated[str, StringConstraints(pattern=r"^PMC[0-9]+$")]
DoiText = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
UrlText = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Name(Strict):
    family: Text | None = None
    given: Text | None = None
    literal: Text | None = None
    suffix: Text | None = None
    non_dropping_particle: Text | None = Field(None, alias="non-dropping-particle")

    @model_validator(mode="after")
    def _has_a_name(self):
        if not (self.family or self.literal):
            raise ValueError("an author needs 'family' (a person) or 'literal' (an organisation)")
        return self


class Reference(Strict):
    """One source, in CSL field names so a CSL processor can format it."""

    id: Id
    type: Literal["article-journal", "webpage", "chapter", "book", "report"]
    # Optional because a few verified records do not show their authors; the label then
    # falls back to the journal's name.
    author: list[Name] = []
    title: Text
    container_title: Text | None = Field(None, alias="container-title")
    editor: list[Name] = []
    publisher: Text | None = None
    publisher_place: Text | None = Field(None, alias="publisher-place")
    edition: Text | None = None
    issued: int | None = Field(None, ge=1800, le=2100)  # None: the page shows no date
    volume: Text | None = None
    issue: Text | None = None
    page: Text | None = None
    PMID: PmidText | None = None
    PMCID: PmcidText | None = None
    DOI: DoiText | None = None
    URL: UrlText | None = None
    accessed: date | None = None
    checked: Text
    supports: Text | None = None

    @field_validator("PMID", "volume", "issue", "page", "edition", mode="before")
    @classmethod
    def _numbers_as_text(cls, value):
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _is_findable(self):
        if not (self.PMID or self.DOI or self.URL):
            raise ValueError("a reference needs a PMID, a DOI or a URL so a reader can find it")
        if self.type == "webpage" and not (self.URL and self.accessed):
            raise ValueError("a web page needs both 'URL' and 'accessed' (the date it was read)")
        return self


class ReferenceFile(Strict):
    provenance: Text
    references: list[Reference] = Field(min_length=1)


class GlossaryTerm(Strict):
    id: Id
    term: Text
    plain: Text
    technical: Text
    aliases: list[Text] = []
    references: list[Id] = []


class GlossaryFile(Strict):
    provenance: Text
    terms: list[GlossaryTerm] = Field(min_length=1)


class Choice(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
    text: Text
    feedback: Text


class Question(Strict):
    id: Id
    section: Text
    stem: Text
    choices: list[Choice] = Field(min_length=2)
    answer: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
    references: list[Id] = []


class QuizBank(Strict):
    provenance: Text
    lesson: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$")]
    kind: Literal["quiz", "sorter"] = "quiz"
    questions: list[Question] = Field(min_length=1)


class TableRow(BaseModel):
    """A row of a data table: free columns, but every row names its sources."""

    model_config = ConfigDict(extra="allow", frozen=True)
    references: list[Id] = Field(min_length=1)


class DataTable(Strict):
    provenance: Text
    title: Text
    columns: dict[str, Text] = Field(min_length=1)
    rows: list[TableRow] = Field(min_length=1)


class CoverageRow(Strict):
    line: int = Field(ge=1)
    claim: Text
    notebook: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+\.ipynb$")]
    section: Text
    references: Text

    @property
    def reference_ids(self) -> list[str]:
        return [part.strip() for part in self.references.split(";") if part.strip()]

    @field_validator("references")
    @classmethod
    def _ids_well_formed(cls, value: str):
        for part in value.split(";"):
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", part.strip()):
                raise ValueError(
                    f"'{part.strip()}' is not a reference id (ids are separated by ';')"
                )
        return value


# Slide outlines (data/slide_outlines/NN_name.yaml): one deck per lesson, written for teaching.
# The limits keep a slide readable from the back of a room at 1280x720: a short title, at most
# four short points, and the lesson's own text for everything longer (in the speaker notes).
SLIDE_TITLE_WORDS = 10
SLIDE_BULLETS = 4
SLIDE_BULLET_WORDS = 16
SLIDE_WORDS = 48  # title and points together
SLIDE_MINUTES = (1, 3)
TableName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]


def _words(text: str) -> int:
    return len(text.split())


class OutlineBullet(Strict):
    text: Text
    cite: list[Id] = []  # reference ids, as the lesson cites them

    @field_validator("text")
    @classmethod
    def _short(cls, value: str):
        if _words(value) > SLIDE_BULLET_WORDS:
            raise ValueError(
                f"has {_words(value)} words; a point on a slide has at most {SLIDE_BULLET_WORDS}"
            )
        return value


class OutlineTable(Strict):
    name: TableName  # a file of data/tables
    columns: list[Text] = []  # which columns to show (all when empty)
    rows: list[Annotated[int, Field(ge=1)]] = []  # which rows, counted from 1 (all when empty)


class OutlineSlide(Strict):
    title: Text
    section: Text  # the lesson's heading this slide teaches, exactly as written
    bullets: list[OutlineBullet] = Field([], max_length=SLIDE_BULLETS)
    figure: Id | None = None  # a figure id of the lesson (tb.show(id=...))
    quiz: Id | None = None  # a question id of a quiz bank
    table: OutlineTable | None = None
    case: Id | None = None  # a branching case or triage exercise
    minutes: int = Field(ge=SLIDE_MINUTES[0], le=SLIDE_MINUTES[1])
    notes: list[Text] = Field(min_length=1)  # what to say, for the speaker view

    @field_validator("title")
    @classmethod
    def _short_title(cls, value: str):
        if _words(value) > SLIDE_TITLE_WORDS:
            raise ValueError(f"has {_words(value)} words; a title has at most {SLIDE_TITLE_WORDS}")
        return value

    @model_validator(mode="after")
    def _one_idea(self):
        shown = [name for name in ("figure", "quiz", "table", "case") if getattr(self, name)]
        if len(shown) > 1:
            raise ValueError(f"shows {' and '.join(shown)}: one of them per slide")
        if not shown and not self.bullets:
            raise ValueError("has neither points nor a figure, quiz, table or case to show")
        total = _words(self.title) + sum(_words(b.text) for b in self.bullets)
        if total > SLIDE_WORDS:
            raise ValueError(f"has {total} words; a slide has at most {SLIDE_WORDS}")
        return self


class SlideOutline(Strict):
    provenance: Text
    lesson: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$")]
    minutes: int = Field(ge=1, le=240)  # the lesson's stated time
    slides: list[OutlineSlide] = Field(min_length=1)

    @model_validator(mode="after")
    def _fits_the_time(self):
        spent = sum(slide.minutes for slide in self.slides)
        if spent != self.minutes:
            raise ValueError(f"the slides' minutes add up to {spent}, not {self.minutes}")
        # One to two minutes a slide, on average.
        fewest, most = -(-self.minutes // 2), self.minutes
        if not fewest <= len(self.slides) <= most:
            raise ValueError(
                f"has {len(self.slides)} slides for {self.minutes} minutes;"
                f" {fewest} to {most} fit (one to two minutes a slide)"
            )
        return self
