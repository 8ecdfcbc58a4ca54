"""SQLAlchemy typed models of everything the counter keeps."""

from app.models.base import Base, utcnow
from app.models.catalogue import Member, Product
from app.models.coupons import Coupon, CouponRedemption
from app.models.law import RepairHistoryEntry, ReturnCompensation
from app.models.prices import SkuHourLow
from app.models.refusals import Refusal
from app.models.reports import SalesDay
from app.models.returns import ExchangeLine, Return, ReturnLine, ReturnTender
from app.models.sales import Sale, SaleCoupon, SaleLine, SaleTender
from app.models.service import (
    Complaint,
    ComplaintNote,
    FollowUp,
    FollowUpCall,
    Rating,
    RepairTicket,
)
from app.models.staff import AuditEntry, InstalledPolicy, NumberSequence, Setting, User

__all__ = [
    "AuditEntry",
    "Base",
    "Complaint",
    "ComplaintNote",
    "Coupon",
    "CouponRedemption",
    "ExchangeLine",
    "FollowUp",
    "FollowUpCall",
    "InstalledPolicy",
    "Member",
    "NumberSequence",
    "Product",
    "Rating",
    "Refusal",
    "RepairHistoryEntry",
    "RepairTicket",
    "Return",
    "ReturnCompensation",
    "ReturnLine",
    "ReturnTender",
    "Sale",
    "SaleCoupon",
    "SaleLine",
    "SaleTender",
    "SalesDay",
    "Setting",
    "SkuHourLow",
    "User",
    "utcnow",
]
