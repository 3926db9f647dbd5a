"""The one error type the data layer raises, so callers and tests can rely on its message."""

import os
import sys
import traceback
import unicodedata
from collections.abc import Callable

# Characters that show nothing, or reorder what is around them: format characters (zero-width
# spaces and joiners, bidirectional controls, the byte-order mark, soft hyphens), controls,
# private-use, unassigned and surrogate code points, line and paragraph separators.
HIDDEN_CATEGORIES = {"Cf", "Cc", "Co", "Cn", "Cs", "Zl", "Zp"}
# Default-ignorable characters outside those categories: Hangul fillers, the combining grapheme
# joiner, Khmer inherent vowels and the variation selectors.
HIDDEN_CHARACTERS = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x17B4, 0x17B5} | {
    *range(0x180B, 0x1810),
    *range(0xFE00, 0xFE10),
    *range(0xE0100, 0xE01F0),
}
TRACEBACK_VARIABLE = "TWITCHBOOK_TRACEBACK"


def is_hidden(character: str) -> bool:
    return (
        unicodedata.category(character) in HIDDEN_CATEGORIES or ord(character) in HIDDEN_CHARACTERS
    )


def hidden_characters(text: str) -> list[str]:
    """The hidden characters in text, by code point (U+200B), in order of first appearance."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in text if is_hidden(c)))


def shown(text: str) -> str:
    """text with every hidden character written out as [U+200B], so a message cannot hide one."""
    return "".join(f"[U+{ord(c):04X}]" if is_hidden(c) else c for c in text)


class DataError(ValueError):
    """A data file is wrong. The message names the file, the line, the item and the field."""

    advice = "Fix the file and run the command again"

    def __init__(
        self,
        file: str,
        item: str | None,
        field: str | None,
        problem: str,
        line: int | None = None,
    ):
        self.file, self.item, self.field, self.problem, self.line = file, item, field, problem, line
        where = f"in {shown(file)}"
        if line:
            where += f", line {line}"
        if item:
            where += f", item '{shown(item)}'"
        if field:
            where += f", field '{shown(field)}'"
        super().__init__(f"{where}: {shown(problem)}")

    def _render_traceback_(self) -> list[str]:
        """What IPython (a lesson in JupyterLab) shows: the message, not the loader's insides."""
        if os.environ.get(TRACEBACK_VARIABLE):
            return traceback.format_exception(self)
        return [f"{type(self).__name__}: {self}", f"({TRACEBACK_VARIABLE}=1 shows the traceback)"]


def exit_on_data_error(main: Callable[[], int]) -> int:
    """Run a command; a DataError ends it with one line and status 1, not a traceback.

    TWITCHBOOK_TRACEBACK=1 shows the traceback too, for whoever is debugging the loader.
    """
    try:
        return main()
    except DataError as err:
        if os.environ.get(TRACEBACK_VARIABLE):
            raise
        advice = f". {err.advice}" if err.advice else ""
        print(f"error: {err}{advice} ({TRACEBACK_VARIABLE}=1 shows the traceback)", file=sys.stderr)
        return 1
