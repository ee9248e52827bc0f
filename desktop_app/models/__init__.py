"""SQLAlchemy 2 typed ORM models, one module per aggregate (see ARCHITECTURE.md)."""

from desktop_app.models.base import Base

__all__ = ["Base"]
