"""Who may read the reports: the owner (admin) and supervisors, as stored now — checked by the service."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import User
from app.services.users import acting_user
from app.services.views import UserView


def acting_reader(session: Session, by: UserView | None) -> User:
    """The acting user's row; a clerk, a disabled account or nobody is refused."""
    return acting_user(session, by, "supervisor", "只有店长或值班主管可以查看报表。",
                       "Only the owner or a supervisor may see the reports.")
