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


# Diagnostic accuracy (data/tests/) and study designs (data/studies/), read by the widgets.
Probability = Annotated[float, Field(ge=0, le=1)]


class DiagnosticTest(Strict):
    """A test's accuracy as one study measured it; the widget turns it into post-test odds."""

    id: Id
    name: Text
    condition: Text
    positive: Text  # what a positive result means, in plain words
    sensitivity: Probability
    specificity: Probability
    population: Text  # who was tested, so the numbers are read in their setting
    references: list[Id] = Field(min_length=1)


class PretestExample(Strict):
    """A pre-test probability seen in a real group of patients, as a starting point."""

    id: Id
    setting: Text
    probability: Probability
    references: list[Id] = Field(min_length=1)


class DiagnosticAccuracyFile(Strict):
    provenance: Text
    tests: list[DiagnosticTest] = Field(min_length=1)
    pretest: list[PretestExample] = []


class StudyDesign(Strict):
    """How one cited study was done: its design and how many patients it counted."""

    reference: Id
    design: Literal["systematic review", "case series", "narrative review"]
    patients: int | None = Field(None, ge=1)  # None: the source gives no count
    note: Text | None = None


class StudyDesignFile(Strict):
    provenance: Text
    # The data table in data/tables whose rows these studies stand behind.
    table: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    studies: list[StudyDesign] = Field(min_length=1)
