"""Who may read the reports: the owner (admin) and supervisors, as stored now — checked by the service."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotAllowed
from app.models import User
from app.services.views import UserView

READERS = ("supervisor", "admin")


def acting_reader(session: Session, by: UserView | None) -> User:
    """The acting user's row; a clerk, a disabled account or nobody is refused."""
    row = session.get(User, by.id) if by is not None else None
    if row is None or not row.active or row.role not in READERS:
        raise NotAllowed("只有店长或值班主管可以查看报表。", "Only the owner or a supervisor may see the reports.")
    return row
