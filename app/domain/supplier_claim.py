"""One line of a claim on a supplier: faulty units set aside, listed by the service and printed on the claim sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SupplierClaimLine:
    return_number: str
    returned_at: datetime
    sku: str
    name: str
    qty: int
    reason: str
    value: int          # fen
