"""twitchbook: the helpers behind the Facial Twitch Workbook.

Lessons import it by name: ``import twitchbook as tb``.
"""

from .citations import cite, cite_markdown, label
from .errors import DataError
from .figures import show
from .loader import load_workbook, workbook
from .pages import glossary_page, notice, references_page
from .palette import PALETTE
from .presenter import is_presenting, presenter_mode
from .quiz import mixed_review, quiz
from .tables import data_table, table_frame

__all__ = [
    "PALETTE",
    "DataError",
    "cite",
    "cite_markdown",
    "data_table",
    "glossary_page",
    "is_presenting",
    "label",
    "load_workbook",
    "mixed_review",
    "notice",
    "presenter_mode",
    "quiz",
    "references_page",
    "show",
    "table_frame",
    "workbook",
]
