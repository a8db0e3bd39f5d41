class ErrorCode:
    CantDetectError: int

class LangDetectException(Exception):
    def __init__(self, code: int, message: str) -> None: ...
