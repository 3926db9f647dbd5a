"""Turn one data file into a plain document (dicts, lists, text, numbers) and each value's line.

Only what a person wrote survives: no YAML value changes meaning on the way in.

- A scalar stays the text it was written as (NO, 012, 1:30 and 2026-11-24 are text), except an
  unquoted number in its plain decimal form (61, 4.2), which becomes that number, and which the
  schema turns back into the same text wherever it wants text.
- A key given twice, an alias (*name), a tag (!!int), or nesting deeper than a data file needs is
  refused, as is anything that is not an ordinary file (a symbolic link, a folder, a device), a
  file larger than MAX_FILE_BYTES, or a value longer than MAX_TEXT characters.

Every refusal is a DataError naming the file and the line. The YAML is read event by event from
PyYAML's parser (libyaml's, where PyYAML was built with it: about 6 times faster, and every
lesson loads the data when it starts), so a document is built with no recursion and no alias
ever expands.
"""

import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError, hidden_characters

MAX_FILE_BYTES = 512 * 1024  # the largest data file is about 110 KB
MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024  # executed lessons carry figures and widget state
MAX_TEXT = 5000  # characters in one value; the longest written so far is under 1000
MAX_DEPTH = 12  # the deepest data file nests 5 levels

EVENT_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,14})")
DECIMAL = re.compile(r"-?(0|[1-9][0-9]{0,14})\.[0-9]{1,15}")
BREAKING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A file's content, with the line (counted from 1) where each value was written."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)
    named_by: str = "id"  # the field that names an entry of the file's list, if it has one

    def where(self, path: Path_) -> tuple[str | None, str | None]:
        """The item and field a path names: the top-level list entry (by its id, or the field
        named_by, else as rows[1], counted from 1 as a person reads the file), then the path
        within it."""
        path, item, node = list(path), None, self.data
        if len(path) >= 2 and isinstance(path[1], int) and isinstance(node, dict):
            entries = node.get(path[0])
            entry = (
                entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
            )
            ident = entry.get(self.named_by) if isinstance(entry, dict) else None
            item = ident if isinstance(ident, str) and ident else f"{path[0]}[{path[1] + 1}]"
            path = path[2:]
        field = ""
        for step in path:
            if step == "[key]":  # pydantic's mark for a mapping's key rather than its value
                continue
            field += f"[{step + 1}]" if isinstance(step, int) else f".{step}"
        return item, field.lstrip(".") or None

    def error(self, path: Path_, problem: str) -> DataError:
        item, field = self.where(path)
        return DataError(self.file, item, field, problem, line=self.line_of(path))

    def line_of(self, path: Path_) -> int | None:
        """The line of the value at path, or of the nearest enclosing value that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def read_bytes(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an ordinary file, refusing links, folders, devices and oversized files."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise DataError(name, None, None, "does not exist") from None
    if stat.S_ISLNK(info.st_mode):
        raise DataError(
            name, None, None, "is a symbolic link: data files must be ordinary files in the project"
        )
    if stat.S_ISDIR(info.st_mode):
        raise DataError(name, None, None, "is a folder, not a file: rename or remove it")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(name, None, None, "is not an ordinary file (a device or a pipe)")
    # O_NOFOLLOW: a link swapped in after the check above is still not followed.
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise DataError(name, None, None, "is not an ordinary file")
        content = handle.read(limit + 1)
    if len(content) > limit:
        raise DataError(
            name, None, None, f"is larger than {limit // 1024} KB: split it or shorten it"
        )
    return content


def read_text(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> str:
    raw = read_bytes(path, name, limit)
    try:
        # A byte-order mark (spreadsheets save one) is not part of the text.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise DataError(
            name,
            None,
            None,
            f"is not UTF-8 text (bad byte at position {err.start}): save it as UTF-8",
            line=raw.count(b"\n", 0, err.start) + 1,
        ) from None
    if not text.strip():
        raise DataError(name, None, None, "is empty")
    # Controls and line separators would change where lines end, or be refused by the parser
    # in its own words; other hidden characters are named with their item and field later.
    breaking = BREAKING.search(text)
    if breaking:
        raise DataError(
            name,
            None,
            None,
            f"contains the invisible character U+{ord(breaking.group()):04X}: delete it",
            line=text.count("\n", 0, breaking.start()) + 1,
        )
    return text


def scalar(value: str, plain: bool):
    """What a written scalar means: the text itself, or a number written plainly as one."""
    if plain and INTEGER.fullmatch(value):
        return int(value)
    if plain and DECIMAL.fullmatch(value) and repr(float(value)) == value.lstrip("+"):
        return float(value)
    return value


def read_yaml(path: Path, name: str) -> Document:
    text = read_text(path, name)
    document = Document(name, None)
    loader = EVENT_LOADER(text)
    try:
        _build(loader, document)
    except yaml.reader.ReaderError as err:
        # A character no YAML file may hold (a control character, say): name it and its line.
        code = err.character if isinstance(err.character, int) else ord(err.character or "?")
        at = text.find(chr(code))
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        raise DataError(
            name,
            None,
            None,
            f"contains the character U+{code:04X}, which a YAML file cannot hold: delete it",
            line=line,
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        at = f" at column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "cannot be read"
        item, field = document.where(getattr(err, "at_path", ()))
        raise DataError(name, item, field, f"is not valid YAML{at}: {problem}", line=line) from None
    finally:
        loader.dispose()
    if not isinstance(document.data, dict):
        raise DataError(name, None, None, "should hold a mapping of fields at the top level")
    return document


def _build(loader, document: Document) -> None:
    """Build the document from parser events with an explicit stack (see the module notes)."""
    # Each open container: [value, path, pending key (mappings only), keys seen].
    stack: list[list] = []
    documents = 0

    def fail(problem: str, event) -> DataError:
        item, field = document.where(child_path())
        return DataError(document.file, item, field, problem, line=event.start_mark.line + 1)

    def place(value, event) -> None:
        if not stack:
            document.data = value
            document.lines[()] = event.start_mark.line + 1
            return
        top = stack[-1]
        container, path = top[0], top[1]
        if isinstance(container, list):
            step = len(container)
            container.append(value)
        elif top[2] is None:
            if not isinstance(value, str):
                raise fail("has a key that is not plain text", event)
            if hidden_characters(value):
                raise DataError(
                    document.file,
                    *document.where(path + (value,)),
                    f"has the field name '{value}', which contains the invisible character "
                    f"{', '.join(hidden_characters(value))}: delete it and type the name again",
                    line=event.start_mark.line + 1,
                )
            if value in top[3]:
                item, field = document.where(path + (value,))
                raise DataError(
                    document.file,
                    item,
                    field,
                    f"is given twice in one mapping (first at line {top[3][value]}): keep one",
                    line=event.start_mark.line + 1,
                )
            top[3][value] = event.start_mark.line + 1
            top[2] = value
            document.lines[path + (value,)] = event.start_mark.line + 1
            return
        else:
            step = top[2]
            container[step] = value
            top[2] = None
        document.lines.setdefault(path + (step,), event.start_mark.line + 1)

    def child_path() -> Path_:
        if not stack:
            return ()
        container, path, key = stack[-1][0], stack[-1][1], stack[-1][2]
        if isinstance(container, list):
            return path + (len(container),)
        return path if key is None else path + (key,)

    while True:
        try:
            event = loader.get_event()
        except yaml.YAMLError as err:
            err.at_path = child_path()  # where the parser stopped: names the item and field
            raise
        if isinstance(event, yaml.StreamEndEvent):
            break
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise fail("holds more than one YAML document (a second '---'): keep one", event)
            continue
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise fail(f"uses the YAML alias *{event.anchor}: write the value out in full", event)
        tag = getattr(event, "tag", None)
        if tag not in PLAIN_TAGS:
            raise fail(f"uses the YAML tag {tag}: remove it and write the value plainly", event)
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_TEXT:
                raise fail(f"has a value longer than {MAX_TEXT} characters: shorten it", event)
            is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
            plain = not event.style  # libyaml reports a plain scalar's style as "", PyYAML as None
            value = event.value if is_key else scalar(event.value, plain)
            place(value, event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(stack) >= MAX_DEPTH:
                # Named by the field the nesting starts in, not by a dozen [1]s.
                path = child_path()
                keys = [n for n, step in enumerate(path) if isinstance(step, str)]
                item, field = document.where(path[: keys[-1] + 1] if keys else ())
                raise DataError(
                    document.file,
                    item,
                    field,
                    f"nests values more than {MAX_DEPTH} levels deep",
                    line=event.start_mark.line + 1,
                )
            is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
            if is_key:
                raise fail("has a key that is not plain text", event)
            container = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = child_path()
            place(container, event)
            stack.append([container, path, None, {}])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()


def read_csv(path: Path, name: str, columns: list[str]) -> Document:
    """A CSV file with a header row, as {"rows": [{column: text}, ...]}."""
    text = read_text(path, name)
    document = Document(name, None, {(): 1})
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, [])
        if header != columns:
            raise DataError(
                name,
                None,
                "header",
                f"should be {','.join(columns)}, not {','.join(header)}",
                line=1,
            )
        while True:
            line = reader.line_num + 1  # where this row starts (a quoted cell may span lines)
            cells = next(reader, None)
            if cells is None:
                break
            if not cells:
                continue
            number = len(rows)
            if len(cells) != len(columns):
                raise DataError(
                    name,
                    f"rows[{number + 1}]",
                    None,
                    f"has the wrong number of columns ({len(cells)}; the header has "
                    f"{len(columns)})",
                    line=line,
                )
            for cell in cells:
                if len(cell) > MAX_TEXT:
                    raise DataError(
                        name,
                        f"rows[{number + 1}]",
                        None,
                        f"has a value longer than {MAX_TEXT} characters: shorten it",
                        line=line,
                    )
            rows.append(dict(zip(columns, cells, strict=True)))
            document.lines[("rows", number)] = line
    except csv.Error as err:
        raise DataError(
            name, None, None, f"is not valid CSV: {err}", line=reader.line_num
        ) from None
    document.data = {"rows": rows}
    return document
