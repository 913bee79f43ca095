"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``.

One module per domain; each new domain module is imported here so the metadata (and Alembic's
comparison against it) is complete.
"""

from juwei.storage.models.base import metadata  # noqa: F401  (naming convention first)
from juwei.storage.models.roster import (  # noqa: F401
    AuditEvent,
    Community,
    Household,
    Member,
    Representative,
    ResidentsGroup,
    RulesVersion,
)
from juwei.storage.models.disclosure import (  # noqa: F401
    Disclosure,
    LedgerEntry,
    PersonnelChange,
    WelfareEntry,
    WelfareList,
)
from juwei.storage.models.meetings import (  # noqa: F401
    Attendance,
    Ballot,
    Meeting,
    MeetingNote,
    MeetingSeat,
    Motion,
    Petition,
    PetitionSignature,
)
