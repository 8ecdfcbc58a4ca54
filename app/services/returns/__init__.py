"""Returns and exchanges: quoting (read-only), completing (one transaction) and voiding (same day)."""

from app.services.returns.completing import complete, record
from app.services.returns.confirming import PendingRefund, confirm_tender, pending_refunds
from app.services.returns.quoting import (
    DIFFERENCE_METHODS,
    MoreThanReturnable,
    NeedsSupervisor,
    RefusedByPolicy,
    check_returnable,
    quote,
)
from app.services.returns.voiding import void

__all__ = [
    "DIFFERENCE_METHODS",
    "MoreThanReturnable",
    "NeedsSupervisor",
    "PendingRefund",
    "RefusedByPolicy",
    "check_returnable",
    "complete",
    "confirm_tender",
    "pending_refunds",
    "quote",
    "record",
    "void",
]
