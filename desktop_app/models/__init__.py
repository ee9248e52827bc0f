"""SQLAlchemy 2 typed ORM models, one module per aggregate (see ARCHITECTURE.md)."""

from desktop_app.models.application import (
    Application,
    ClockPause,
    IssuedNotice,
    Item,
    NoticePrint,
    ReceivedMaterial,
    StateChange,
    VerificationTask,
)
from desktop_app.models.attachment import MaterialCheck, MaterialFile, StoredFile
from desktop_app.models.audit import AuditEntry
from desktop_app.models.base import Base
from desktop_app.models.calendar import CalendarDay, CalendarYear
from desktop_app.models.catalog import CatalogVersion
from desktop_app.models.certificate import (
    Certificate,
    CertificatePermit,
    PrintRecord,
    ReplacedPrint,
)
from desktop_app.models.counter import NumberCounter
from desktop_app.models.draft import Draft
from desktop_app.models.enterprise import Agent, Enterprise, EnterpriseVersion
from desktop_app.models.inspection import Inspection, InspectionInspector, InspectionResult
from desktop_app.models.online import OnlineApplication
from desktop_app.models.supervision import (
    CreditOverride,
    Draw,
    DrawTarget,
    EnforcementMeasure,
    InspectorConflict,
)
from desktop_app.models.sync import InboxEvent, OutboxBody, OutboxMessage, SyncState
from desktop_app.models.user import User

__all__ = [
    "Agent",
    "Application",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "CatalogVersion",
    "Certificate",
    "CertificatePermit",
    "ClockPause",
    "CreditOverride",
    "Draft",
    "Draw",
    "DrawTarget",
    "EnforcementMeasure",
    "Enterprise",
    "EnterpriseVersion",
    "InboxEvent",
    "Inspection",
    "InspectionInspector",
    "InspectionResult",
    "InspectorConflict",
    "IssuedNotice",
    "Item",
    "MaterialCheck",
    "MaterialFile",
    "NoticePrint",
    "NumberCounter",
    "OnlineApplication",
    "OutboxBody",
    "OutboxMessage",
    "PrintRecord",
    "ReceivedMaterial",
    "ReplacedPrint",
    "StateChange",
    "StoredFile",
    "SyncState",
    "User",
    "VerificationTask",
]
