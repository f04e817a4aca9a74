"""DataProblem: something the person in the meeting room can fix."""


class DataProblem(Exception):
    """A problem with data or input that the user can fix.

    ``what`` says what was found, ``fix`` what to do now; both are already in
    the user's language.
    """

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what} {fix}")
        self.what = what
        self.fix = fix
