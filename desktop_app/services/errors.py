"""Typed errors of the services; each carries the Chinese message the UI and the CLI show."""

from __future__ import annotations

from collections.abc import Mapping


class ServiceError(Exception):
    """Base class: a use case refused, with a message for the person at the counter."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ServiceError):
    """The application, item or user named does not exist."""


class PermissionDeniedError(ServiceError):
    """The caller's role or department does not allow this."""


class ConflictError(ServiceError):
    """Someone else changed the record since the caller read it (optimistic locking)."""

    def __init__(self, what: str = "该办件") -> None:
        super().__init__(f"{what}已被其他窗口或部门修改，请刷新后重新操作（未保存任何更改）")


class SubmissionError(ServiceError):
    """An application cannot be accepted; ``errors`` maps field or material keys to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(f"{message}" for message in self.errors.values()))


class WorkflowError(ServiceError):
    """A step the workflow does not allow now (outstanding materials, a closed application …)."""


class LoginError(ServiceError):
    """Log-in refused; the message never says whether the name or the password was wrong."""
