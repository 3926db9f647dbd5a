"""The one error type the data layer raises, so callers and tests can rely on its message."""


class DataError(ValueError):
    """A data file is wrong. The message names the file, the item and the field."""

    def __init__(self, file: str, item: str | None, field: str | None, problem: str):
        self.file, self.item, self.field, self.problem = file, item, field, problem
        where = f"in {file}"
        if item:
            where += f", item '{item}'"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
