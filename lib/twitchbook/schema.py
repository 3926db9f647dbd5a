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
    decided_by: list[Id] = []  # sorter cases: the red-flag rules (data/red_flags.yaml) at play


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


# --- Urgency tiers and red-flag rules (data/red_flags.yaml) --------------------------------


class UrgencyTier(Strict):
    """One level of care; rank 1 is the most urgent."""

    rank: int = Field(ge=1)
    name: Text
    meaning: Text
    references: list[Id] = Field(min_length=1)


class RedFlagRule(Strict):
    """A finding and the level of care it calls for, with the sources that say so."""

    id: Id
    finding: Text  # plain words, as a student would tick it
    tier: Text  # the name of one of the file's tiers
    why: Text
    references: list[Id] = Field(min_length=1)


class RedFlagFile(Strict):
    provenance: Text
    title: Text
    tiers: list[UrgencyTier] = Field(min_length=2)
    rules: list[RedFlagRule] = Field(min_length=1)


# --- Branching clinical cases (data/cases/*.yaml) ------------------------------------------

DEBRIEF = "debrief"  # the 'next' of a choice that ends the case


class CaseChoice(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
    text: Text
    sound: bool  # a sound choice, or one a careful clinician would not make
    feedback: Text
    next: Id  # a step id, or "debrief" to end the case
    references: list[Id] = Field(min_length=1)


class CaseStep(Strict):
    id: Id
    kind: Literal["history", "examination", "tests", "decision"]
    prompt: Text
    choices: list[CaseChoice] = Field(min_length=2)


class CaseDebrief(Strict):
    summary: Text
    references: list[Id] = Field(min_length=1)


class ClinicalCase(Strict):
    provenance: Text
    id: Id
    title: Text
    lesson: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$")]
    section: Text  # the lesson heading after which the case is shown
    presentation: Text  # the opening vignette
    start: Id
    steps: list[CaseStep] = Field(min_length=1)
    debrief: CaseDebrief
