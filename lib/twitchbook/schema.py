"""The shape of every data file, and every rule it must keep, as pydantic models and validators.

Rules that look beyond one file (a citation names a listed reference, a section is a heading of
its lesson, an id is not taken by another file) read what the loader has already loaded from
the validation context: {"file": ..., "stem": ..., "headings": ..., "taken": ..., "here": ...}.
Validated without a context, a model checks only itself.

A rule that finds fault with a field deeper than the model it runs on raises Invalid with the
path to that field, so the message names the field a person has to change.
"""

import re
import unicodedata
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .errors import hidden_characters
from .reading import MAX_TEXT


class Invalid(ValueError):
    """A rule broken at a path below the model that checks it, e.g. ("choices", 1, "id")."""

    def __init__(self, problem: str, at: tuple = ()):
        super().__init__(problem)
        self.at = at


def _written(value):
    # The reader keeps every value as written, except a plain number (61, 4.2); where text
    # is wanted, the number's text is exactly what was written.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else value


def _visible(value: str) -> str:
    hidden = hidden_characters(value.replace("\n", ""))
    if hidden:
        raise ValueError(
            f"contains the invisible character {', '.join(hidden)}: delete it and type the "
            "text again"
        )
    return value


def _context(info: ValidationInfo) -> dict:
    return info.context or {}


def _claim(info: ValidationInfo, namespace: str, key: str, what: str, used="used") -> None:
    """Refuse key if this file or an earlier one already used it in namespace."""
    context = _context(info)
    if "taken" not in context:
        return
    if (namespace, key) in context["here"]:
        raise ValueError(f"{what} is already {used} earlier in this file (it appears twice)")
    if (namespace, key) in context["taken"]:
        raise ValueError(f"{what} is already {used} in {context['taken'][namespace, key]}")
    context["here"].add((namespace, key))
    context["taken"][namespace, key] = context["file"]


def _cited(ids: list[str], info: ValidationInfo) -> list[str]:
    context = _context(info)
    if "taken" in context:
        for number, ref in enumerate(ids):
            if ("reference", ref) not in context["taken"]:
                raise Invalid(
                    f"cites '{ref}', which is in no reference list "
                    "(data/references.yaml, data/references/)",
                    at=(number,),
                )
    return ids


def _heading_of(info: ValidationInfo, notebook: str, section: str) -> None:
    headings = _context(info).get("headings")
    if headings is None:
        return
    if notebook not in headings:
        raise Invalid(f"'{notebook}' is not in notebooks/", at=("notebook",))
    if section not in headings[notebook]:
        raise Invalid(f"'{section}' is not a heading of {notebook}", at=("section",))


def _names_its_file(lesson: str, info: ValidationInfo) -> str:
    context = _context(info)
    if "stem" in context and lesson != context["stem"]:
        raise ValueError(f"'{lesson}' should match the file name ({context['stem']})")
    headings = context.get("headings")
    if headings is not None and f"{lesson}.ipynb" not in headings:
        raise ValueError(f"names no lesson: there is no notebooks/{lesson}.ipynb")
    return lesson


Written = BeforeValidator(_written)
Visible = AfterValidator(_visible)
Text = Annotated[str, Written, StringConstraints(min_length=1, max_length=MAX_TEXT), Visible]
Id = Annotated[str, Written, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
CitedIds = Annotated[list[Id], AfterValidator(_cited)]
Lesson = Annotated[
    str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$"), AfterValidator(_names_its_file)
]
PmidText = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,8}$")]
PmcidText = Annotated[str, StringConstraints(pattern=r"^PMC[0-9]+$")]
DoiText = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$"), Visible]
UrlText = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$"), Visible]


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

    @field_validator("id")
    @classmethod
    def _id_unused(cls, value: str, info: ValidationInfo):
        _claim(info, "reference", value, f"'{value}'")
        return value

    @model_validator(mode="after")
    def _is_findable(self):
        if not (self.PMID or self.DOI or self.URL):
            raise ValueError("a reference needs a PMID, a DOI or a URL so a reader can find it")
        if self.type == "webpage" and not (self.URL and self.accessed):
            raise Invalid(
                "a web page needs both 'URL' and 'accessed' (the date it was read)",
                at=("accessed",) if self.URL else ("URL",),
            )
        return self

    @model_validator(mode="after")
    def _one_id_per_work(self, info: ValidationInfo):
        """The same paper under two ids would be listed twice: catch it by its identifiers."""
        works = _context(info).get("works")
        for kind in ("PMID", "DOI"):
            value = getattr(self, kind)
            if works is None or not value:
                continue
            other = works.setdefault((kind, value.lower()), self.id)
            if other != self.id:
                raise Invalid(f"{value} is the same work as '{other}': cite that id", at=(kind,))
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
    references: CitedIds = []

    @field_validator("id")
    @classmethod
    def _id_unused(cls, value: str, info: ValidationInfo):
        _claim(info, "term id", value, f"'{value}'")
        return value

    @field_validator("term")
    @classmethod
    def _term_unused(cls, value: str, info: ValidationInfo):
        # Compared as a reader sees them: case and compatibility forms folded.
        folded = unicodedata.normalize("NFKC", value).casefold()
        _claim(info, "term", folded, f"'{value}'", used="defined")
        return value


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
    references: CitedIds = []
    decided_by: list[Id] = []  # sorter cases: the red-flag rules (data/red_flags.yaml) at play

    @field_validator("id")
    @classmethod
    def _id_unused(cls, value: str, info: ValidationInfo):
        _claim(info, "question", value, f"'{value}'")
        return value

    @field_validator("section")
    @classmethod
    def _section_is_a_heading(cls, value: str, info: ValidationInfo):
        if "stem" in _context(info):
            try:
                _heading_of(info, f"{_context(info)['stem']}.ipynb", value)
            except Invalid as err:
                raise ValueError(str(err)) from None
        return value

    @model_validator(mode="after")
    def _answer_is_a_choice(self):
        ids = [choice.id for choice in self.choices]
        for number, choice_id in enumerate(ids):
            if choice_id in ids[:number]:
                raise Invalid(f"choice '{choice_id}' is used twice", at=("choices", number, "id"))
        if self.answer not in ids:
            raise Invalid(
                f"'{self.answer}' is not one of the choices ({', '.join(ids)})", at=("answer",)
            )
        return self


class QuizBank(Strict):
    provenance: Text
    lesson: Lesson
    kind: Literal["quiz", "sorter"] = "quiz"
    questions: list[Question] = Field(min_length=1)


class TableRow(BaseModel):
    """A row of a data table: free columns, but every row names its sources."""

    model_config = ConfigDict(extra="allow", frozen=True)
    references: Annotated[CitedIds, Field(min_length=1)]

    @model_validator(mode="after")
    def _cells_are_values(self):
        """A cell is a number as written (61, 4.2) or text; never empty, a list or hidden."""
        for column, value in (self.model_extra or {}).items():
            if isinstance(value, int | float):
                continue
            if not isinstance(value, str):
                raise Invalid(
                    "should be one value (a number or text), not a list or mapping", (column,)
                )
            if not value.strip():
                raise Invalid("is empty: write the value (or a dash if there is none)", (column,))
            if len(value) > MAX_TEXT:
                raise Invalid(f"is longer than {MAX_TEXT} characters", (column,))
            try:
                _visible(value)
            except ValueError as err:
                raise Invalid(str(err), (column,)) from None
        return self


class DataTable(Strict):
    provenance: Text
    title: Text
    columns: dict[Annotated[str, Visible], Text] = Field(min_length=1)
    rows: list[TableRow] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_fill_the_columns(self):
        for number, row in enumerate(self.rows):
            values = row.model_extra or {}
            for column in self.columns:
                if column not in values:
                    raise Invalid("is missing", at=("rows", number, column))
            for column in values:
                if column not in self.columns:
                    raise Invalid(
                        f"is not one of the columns ({', '.join(self.columns)})",
                        at=("rows", number, column),
                    )
        return self


class CoverageRow(Strict):
    line: int = Field(ge=1)
    claim: Text
    notebook: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+\.ipynb$")]
    section: Text
    references: Text

    @field_validator("line")
    @classmethod
    def _line_of_the_source(cls, value: int, info: ValidationInfo):
        lines = _context(info).get("source lines")
        if lines is not None and value not in lines:
            raise ValueError(
                f"{value} is not a line of the source text (data/source_text.yaml has "
                f"lines 1 to {max(lines)})"
            )
        return value

    @model_validator(mode="after")
    def _resolves(self, info: ValidationInfo):
        _heading_of(info, self.notebook, self.section)
        try:
            _cited(self.reference_ids, info)
        except Invalid as err:
            raise Invalid(str(err), at=("references",)) from None
        return self

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


class CoverageFile(Strict):
    """data/seed_coverage.csv: where the workbook teaches each line of the source text."""

    rows: list[CoverageRow] = Field(min_length=1)


class Statement(Strict):
    line: int = Field(ge=1)
    text: Text


class SourceText(Strict):
    """data/source_text.yaml: the text the workbook was written from, one statement a line."""

    provenance: Text
    statements: list[Statement] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self):
        for number, statement in enumerate(self.statements, start=1):
            if statement.line != number:
                raise Invalid(
                    f"should be {number}: statements are numbered 1, 2, 3 ... in order",
                    at=("statements", number - 1, "line"),
                )
        return self


class Asked(Strict):
    ask: Text
    answer: Text


class SectionNotes(Strict):
    section: Text
    minutes: int = Field(ge=1, le=240)
    points: list[Text] = []
    misconceptions: list[Text] = []
    questions: list[Asked] = []

    @field_validator("section")
    @classmethod
    def _section_is_a_heading(cls, value: str, info: ValidationInfo):
        context = _context(info)
        if "stem" in context:
            _claim(info, f"section of {context['stem']}", value, "this section")
            try:
                _heading_of(info, f"{context['stem']}.ipynb", value)
            except Invalid as err:
                raise ValueError(str(err)) from None
        return value


class SpeakerNotes(Strict):
    """data/speaker_notes/NN_name.yaml: what to say on each section (see speaker_notes.py)."""

    NAMED_BY: ClassVar[str] = "section"  # messages name a section's notes by its heading

    provenance: Text
    lesson: Lesson
    notes: list[SectionNotes] = Field(min_length=1)


# --- Urgency tiers and red-flag rules (data/red_flags.yaml) --------------------------------


class UrgencyTier(Strict):
    """One level of care; rank 1 is the most urgent."""

    rank: int = Field(ge=1)
    name: Text
    meaning: Text
    references: CitedIds = Field(min_length=1)


class RedFlagRule(Strict):
    """A finding and the level of care it calls for, with the sources that say so."""

    id: Id
    finding: Text  # plain words, as a student would tick it
    tier: Text  # the name of one of the file's tiers
    why: Text
    references: CitedIds = Field(min_length=1)


class RedFlagFile(Strict):
    """The tiers, most urgent first, and the rules that the table, sorter and triage share."""

    provenance: Text
    title: Text
    tiers: list[UrgencyTier] = Field(min_length=2)
    rules: list[RedFlagRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _tiers_and_rules_agree(self):
        if [tier.rank for tier in self.tiers] != list(range(1, len(self.tiers) + 1)):
            raise Invalid("ranks should run 1, 2, 3 ... in file order", at=("tiers",))
        names = [tier.name for tier in self.tiers]
        for number, name in enumerate(names):
            if name in names[:number]:
                raise Invalid(f"'{name}' is used twice", at=("tiers", number, "name"))
        seen = []
        for number, rule in enumerate(self.rules):
            if rule.id in seen:
                raise Invalid("is used twice", at=("rules", number, "id"))
            seen.append(rule.id)
            if rule.tier not in names:
                known = ", ".join(names)
                raise Invalid(
                    f"'{rule.tier}' is not a tier ({known})", at=("rules", number, "tier")
                )
        return self


# --- Branching clinical cases (data/cases/*.yaml) ------------------------------------------

DEBRIEF = "debrief"  # the 'next' of a choice that ends the case
STEP_KINDS = ("history", "examination", "tests", "decision")


class CaseChoice(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
    text: Text
    sound: bool  # a sound choice, or one a careful clinician would not make
    feedback: Text
    next: Id  # a step id, or "debrief" to end the case
    references: CitedIds = Field(min_length=1)


class CaseStep(Strict):
    id: Id
    kind: Literal[STEP_KINDS]
    prompt: Text
    choices: list[CaseChoice] = Field(min_length=2)


class CaseDebrief(Strict):
    summary: Text
    references: CitedIds = Field(min_length=1)


class ClinicalCase(Strict):
    """One virtual patient: steps of history, examination, tests and a decision, then a debrief.

    Messages name the step (the file names the case): every 'next' must lead to a step or the
    debrief, every step must be reachable, and from every step some path must reach the end.
    """

    provenance: Text
    id: Id
    title: Text
    lesson: Annotated[str, StringConstraints(pattern=r"^\d\d_[a-z0-9_]+$")]
    section: Text  # the lesson heading after which the case is shown
    presentation: Text  # the opening vignette
    start: Id
    steps: list[CaseStep] = Field(min_length=1)
    debrief: CaseDebrief

    @field_validator("id")
    @classmethod
    def _names_its_file(cls, value: str, info: ValidationInfo):
        stem = _context(info).get("stem")
        if stem is not None and value != stem:
            raise ValueError(f"'{value}' should match the file name ({stem})")
        return value

    @model_validator(mode="after")
    def _shown_after_a_heading(self, info: ValidationInfo):
        headings = _context(info).get("headings")
        notebook = f"{self.lesson}.ipynb"
        if headings is not None and notebook not in headings:
            raise Invalid(f"names no lesson: there is no notebooks/{notebook}", at=("lesson",))
        _heading_of(info, notebook, self.section)
        return self

    @model_validator(mode="after")
    def _every_path_leads_to_the_debrief(self):
        index = {}
        for number, step in enumerate(self.steps):
            if step.id in index or step.id == DEBRIEF:
                raise Invalid("is used twice (or is 'debrief')", at=("steps", number, "id"))
            index[step.id] = number
        if self.start not in index:
            raise Invalid(f"names a missing step '{self.start}'", at=("start",))
        for number, step in enumerate(self.steps):
            letters = [choice.id for choice in step.choices]
            for place, choice in enumerate(step.choices):
                where = ("steps", number, "choices", place)
                if choice.id in letters[:place]:
                    raise Invalid(f"choice '{choice.id}' is used twice", at=(*where, "id"))
                if choice.next != DEBRIEF and choice.next not in index:
                    raise Invalid(
                        f"leads to a missing step '{choice.next}' (a step id, or "
                        f"'{DEBRIEF}' to end)",
                        at=(*where, "next"),
                    )
        for kind in STEP_KINDS:
            if kind not in {step.kind for step in self.steps}:
                raise Invalid(f"has no '{kind}' step", at=("steps",))
        reached, todo = set(), [self.start]
        while todo:
            current = todo.pop()
            if current not in reached and current != DEBRIEF:
                reached.add(current)
                todo += [choice.next for choice in self.steps[index[current]].choices]
        ends, grown = {DEBRIEF}, True
        while grown:  # the steps from which some path reaches the debrief
            grown = False
            for step in self.steps:
                if step.id not in ends and any(c.next in ends for c in step.choices):
                    ends.add(step.id)
                    grown = True
        for number, step in enumerate(self.steps):
            if step.id in reached and step.id not in ends:
                raise Invalid(
                    "loops with no way out: no path from this step reaches the debrief",
                    at=("steps", number, "choices"),
                )
        for number, step in enumerate(self.steps):
            if step.id not in reached:
                raise Invalid(f"cannot be reached from '{self.start}'", at=("steps", number, "id"))
        return self


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
    design: Literal[
        "systematic review",
        "meta-analysis",
        "prospective cohort",
        "case series",
        "narrative review",
    ]
    patients: int | None = Field(None, ge=1)  # None: the source gives no count
    note: Text | None = None


class StudyDesignFile(Strict):
    provenance: Text
    # The data table in data/tables whose rows these studies stand behind.
    table: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    studies: list[StudyDesign] = Field(min_length=1)


# Slide outlines (data/slide_outlines/NN_name.yaml): one deck per lesson, written for teaching.
# The limits keep a slide readable from the back of a room at 1280x720: a short title, at most
# four short points, and the lesson's own text for everything longer (in the speaker notes).
# What a slide shows must exist: the loader's context gives the lesson headings, the figure
# ids each lesson's saved outputs show ("figures"), and the files loaded before (questions and
# references through "taken", tables and cases through "files").
SLIDE_TITLE_WORDS = 10
SLIDE_BULLETS = 4
SLIDE_BULLET_WORDS = 16
SLIDE_WORDS = 48  # title and points together
SLIDE_MINUTES = (1, 3)
TableName = Annotated[str, Written, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]


def _words(text: str) -> int:
    return len(text.split())


def _lesson_notebook(info: ValidationInfo) -> str | None:
    stem = _context(info).get("stem")
    return f"{stem}.ipynb" if stem else None


class OutlineBullet(Strict):
    text: Text
    cite: CitedIds = []  # reference ids, as the lesson cites them

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

    @model_validator(mode="after")
    def _exists(self, info: ValidationInfo):
        tables = _context(info).get("files", {}).get("tables")
        if tables is None:
            return self
        table = tables.get(self.name)
        if table is None:
            raise Invalid(f"'{self.name}' is not a table in data/tables", at=("name",))
        for number, column in enumerate(self.columns):
            if column not in table.columns:
                raise Invalid(f"'{column}' is not a column of {self.name}", at=("columns", number))
        for number, row in enumerate(self.rows):
            if row > len(table.rows):
                raise Invalid(
                    f"{self.name} has no row {row} (it has {len(table.rows)})", at=("rows", number)
                )
        return self


class OutlineSlide(Strict):
    title: Text
    section: Text  # the lesson's heading this slide teaches, exactly as written
    bullets: list[OutlineBullet] = Field([], max_length=SLIDE_BULLETS)
    figure: Id | None = None  # a figure id of the lesson (tb.show(id=...))
    quiz: Id | None = None  # a question id of a quiz bank
    table: OutlineTable | None = None
    case: Id | None = None  # a branching case or triage exercise of data/cases
    minutes: int = Field(ge=SLIDE_MINUTES[0], le=SLIDE_MINUTES[1])
    notes: list[Text] = Field(min_length=1)  # what to say, for the speaker view

    @field_validator("title")
    @classmethod
    def _short_title(cls, value: str):
        if _words(value) > SLIDE_TITLE_WORDS:
            raise ValueError(f"has {_words(value)} words; a title has at most {SLIDE_TITLE_WORDS}")
        return value

    @field_validator("section")
    @classmethod
    def _section_is_a_heading(cls, value: str, info: ValidationInfo):
        notebook = _lesson_notebook(info)
        if notebook:
            try:
                _heading_of(info, notebook, value)
            except Invalid as err:
                raise ValueError(str(err)) from None
        return value

    @field_validator("figure")
    @classmethod
    def _figure_of_the_lesson(cls, value, info: ValidationInfo):
        figures = _context(info).get("figures")
        notebook = _lesson_notebook(info)
        if value and figures is not None and value not in figures.get(notebook, set()):
            raise ValueError(f"'{value}' is not a figure of {notebook}")
        return value

    @field_validator("quiz")
    @classmethod
    def _question_exists(cls, value, info: ValidationInfo):
        taken = _context(info).get("taken")
        if value and taken is not None and ("question", value) not in taken:
            raise ValueError(f"'{value}' is not a question in data/quizzes")
        return value

    @field_validator("case")
    @classmethod
    def _case_exists(cls, value, info: ValidationInfo):
        context = _context(info)
        if value and "taken" in context:
            cases = context.get("files", {}).get("cases", {})
            known = set(cases) | {getattr(case, "id", None) for case in cases.values()}
            if value not in known:
                raise ValueError(f"'{value}' is not a case in data/cases")
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
    """data/slide_outlines/NN_name.yaml: the slides of one lesson's deck, in order."""

    provenance: Text
    lesson: Lesson
    minutes: int = Field(ge=1, le=240)  # the lesson's stated time
    slides: list[OutlineSlide] = Field(min_length=1)

    @model_validator(mode="after")
    def _fits_the_time(self):
        spent = sum(slide.minutes for slide in self.slides)
        if spent != self.minutes:
            raise Invalid(
                f"the slides' minutes add up to {spent}, not {self.minutes}", at=("minutes",)
            )
        # One to two minutes a slide, on average.
        fewest, most = -(-self.minutes // 2), self.minutes
        if not fewest <= len(self.slides) <= most:
            raise Invalid(
                f"has {len(self.slides)} slides for {self.minutes} minutes;"
                f" {fewest} to {most} fit (one to two minutes a slide)",
                at=("slides",),
            )
        return self


class FigurePart(Strict):
    """A labelled part of a schematic figure, with the sentence its hover text shows."""

    id: Id
    label: Text
    short: Text | None = None  # the label drawn on the figure, where the full one is long
    description: Text
    target: Text | None = None  # what a nerve branch supplies, where the figure names it
    references: Annotated[CitedIds, Field(min_length=1)]


class FigureView(Strict):
    """One state a figure's control can show: the parts picked out and the sentence beside."""

    label: Text
    parts: list[Id] = []
    text: Text
    references: Annotated[CitedIds, Field(min_length=1)]


class FigureText(Strict):
    """data/figures/<name>.yaml: the words of a schematic figure, kept out of its code."""

    provenance: Text
    title: Text
    parts: list[FigurePart] = Field(min_length=1)
    views: list[FigureView] = []

    @property
    def cited(self) -> list[str]:
        """Every reference the figure's words cite, once each, in the order they first appear:
        what the figure's "Sources" line names."""
        return list(
            dict.fromkeys(ref for item in [*self.parts, *self.views] for ref in item.references)
        )

    @model_validator(mode="after")
    def _parts_once_and_views_name_known_parts(self):
        known = set()
        for number, part in enumerate(self.parts):
            if part.id in known:
                raise Invalid(f"part '{part.id}' is listed twice", at=("parts", number, "id"))
            known.add(part.id)
        for number, view in enumerate(self.views):
            unknown = [p for p in view.parts if p not in known]
            if unknown:
                raise Invalid(
                    f"view '{view.label}' names parts {unknown} that are not listed under parts",
                    at=("views", number, "parts"),
                )
        return self
