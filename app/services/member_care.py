"""Member care at the counter: the special-needs note, allergy tags, the allergen warning, the customer file."""

from __future__ import annotations

from sqlalchemy import inspect, or_, select, text
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain import allergens
from app.domain.vocabulary import ALLERGENS
from app.errors import InvalidInput, NotFound
from app.models import Coupon, Member, Product, RepairTicket, Return
from app.services import coupons, members, repairs
from app.services.loop_views import CustomerFile
from app.services.receipts import member_view
from app.services.sale_rows import normalise_code
from app.services.users import audit, require_role
from app.services.views import MemberView, UserView

NOTE_LIMIT = 300


def _member(s: Session, card: str) -> Member:
    member = s.scalar(select(Member).where(Member.card_no == normalise_code(card)))
    if member is None:
        raise NotFound(f"找不到会员卡 {card}。", f"No member card {card}.")
    return member


def care_of(card: str, url: str | None = None) -> MemberView:
    with session_scope(url, write=False) as s:
        return member_view(_member(s, card))


def set_special_needs(card: str, note: str, user: UserView, url: str | None = None) -> MemberView:
    """A clerk writes the member's special-needs note (e.g. 老人，说话请大声一些); the change is audited."""
    require_role(user, "clerk", url)
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        raise InvalidInput(f"特殊需求备注最多 {NOTE_LIMIT} 字。", f"The special-needs note is at most {NOTE_LIMIT} characters.")
    with session_scope(url) as s:
        member = _member(s, card)
        before, member.special_needs = member.special_needs, note
        audit(s, "member_special_needs", user.id, member.card_no, before=before, after=note)
        return member_view(member)


def set_allergens(card: str, tags: tuple[str, ...], user: UserView, url: str | None = None) -> MemberView:
    require_role(user, "clerk", url)
    unknown = [t for t in tags if t not in ALLERGENS]
    if unknown:
        raise InvalidInput(f"未知的过敏原：{', '.join(unknown)}", f"Unknown allergen: {', '.join(unknown)}")
    with session_scope(url) as s:
        member = _member(s, card)
        before, member.allergens = member.allergens, allergens.stored(tuple(dict.fromkeys(tags)))
        audit(s, "member_allergens", user.id, member.card_no, before=before, after=member.allergens)
        return member_view(member)


def allergen_warning(card: str | None, sku: str, url: str | None = None) -> tuple[str, ...]:
    """The member's allergens that a product (an exchange's replacement) carries; () when none or no member."""
    if not card:
        return ()
    with session_scope(url, write=False) as s:
        member = s.scalar(select(Member).where(Member.card_no == normalise_code(card)))
        product = s.scalar(select(Product).where(Product.sku == normalise_code(sku)))
        if member is None or product is None:
            return ()
        return allergens.shared(member.allergens or "", product.allergens or "")


def customer_file(card: str, url: str | None = None) -> CustomerFile:
    """Purchases, returns, complaints, follow-ups, ratings, coupons and repairs of one member."""
    history = members.history(card, url)
    with session_scope(url, write=False) as s:
        member = _member(s, card)
        codes = tuple(coupons.status_of(s, c) for c in s.scalars(
            select(Coupon).where(Coupon.member_id == member.id).order_by(Coupon.id.desc()).limit(members.RECENT)))
        tickets = tuple(repairs.view_of(s, t) for t in s.scalars(
            select(RepairTicket).where(or_(RepairTicket.member_id == member.id, RepairTicket.return_id.in_(
                select(Return.id).where(Return.member_id == member.id)))).order_by(RepairTicket.id.desc())))
        followups = _rows_if_present(s, "followups", ("due_at", "subject_kind", "outcome"), member.id)
        ratings = _rows_if_present(s, "ratings", ("at", "service", "rating"), member.id)
    return CustomerFile(history.member, history.purchases, history.returns, history.complaints,
                        followups, ratings, codes, tickets)


def _rows_if_present(s: Session, table: str, wanted: tuple[str, ...], member_id: int) -> tuple[tuple[str, ...], ...]:
    """Another room's table (follow-ups, ratings), read only if it exists and has a member column."""
    present = inspect(s.connection())
    if not present.has_table(table):
        return ()
    columns = {c["name"] for c in present.get_columns(table)}
    if "member_id" not in columns:
        return ()
    picked = [c for c in wanted if c in columns] or ["id"]
    rows = s.execute(text(f"SELECT {', '.join(picked)} FROM {table} WHERE member_id = :m ORDER BY id DESC LIMIT 20"),
                     {"m": member_id})
    return tuple(tuple("" if v is None else str(v) for v in row) for row in rows)
