"""The words for the screen in one table: each of the domain's vocabulary ids as a Qt translation.

The ids are app.domain.vocabulary's (tests/unit/test_vocabulary.py holds the sets equal); what a person
reads goes through the "Words" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

REASONS = {
    "changed_mind": QT_TRANSLATE_NOOP("Words", "Changed mind"),
    "quality_fault": QT_TRANSLATE_NOOP("Words", "Quality fault"),
    "wrong_item": QT_TRANSLATE_NOOP("Words", "Wrong item sold"),
    "damaged_at_sale": QT_TRANSLATE_NOOP("Words", "Damaged at sale"),
    "food_expired": QT_TRANSLATE_NOOP("Words", "Food sold expired or spoiled"),
}
CONDITIONS = {
    "unopened": QT_TRANSLATE_NOOP("Words", "Unopened"),
    "opened": QT_TRANSLATE_NOOP("Words", "Opened"),
    "damaged_by_customer": QT_TRANSLATE_NOOP("Words", "Used / damaged"),
    "accessories_missing": QT_TRANSLATE_NOOP("Words", "Accessories missing"),
}
TIERS = {
    "standard": QT_TRANSLATE_NOOP("Words", "Standard"),
    "silver": QT_TRANSLATE_NOOP("Words", "Silver"),
    "gold": QT_TRANSLATE_NOOP("Words", "Gold"),
    "diamond": QT_TRANSLATE_NOOP("Words", "Diamond"),
}
TENDERS = {
    "cash": QT_TRANSLATE_NOOP("Words", "Cash"),
    "card": QT_TRANSLATE_NOOP("Words", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("Words", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Words", "Alipay"),
    "store_credit": QT_TRANSLATE_NOOP("Words", "Store credit"),
    "coupon": QT_TRANSLATE_NOOP("Words", "Coupon"),
}
OUTCOMES = {
    "refund": QT_TRANSLATE_NOOP("Words", "Refund"),
    "exchange_only": QT_TRANSLATE_NOOP("Words", "Exchange only"),
    "store_credit_only": QT_TRANSLATE_NOOP("Words", "Store credit only"),
    "repair_only": QT_TRANSLATE_NOOP("Words", "Repair ticket only"),
    "refused_overridable": QT_TRANSLATE_NOOP("Words", "Refused (supervisor may override)"),
    "refused": QT_TRANSLATE_NOOP("Words", "Refused"),
}
SUPERVISOR_REASONS = {
    "refund_over_limit": QT_TRANSLATE_NOOP("Words", "refund over the limit"),
    "frequent_returner": QT_TRANSLATE_NOOP("Words", "3 or more returns in 30 days"),
    "no_receipt": QT_TRANSLATE_NOOP("Words", "no receipt"),
    "override": QT_TRANSLATE_NOOP("Words", "override of a refusal"),
    "food_compensation": QT_TRANSLATE_NOOP("Words", "food-safety compensation"),
}
OVERRIDE_REASONS = {
    "goodwill": QT_TRANSLATE_NOOP("Words", "Goodwill"),
    "store_error": QT_TRANSLATE_NOOP("Words", "Store error"),
    "quality_dispute": QT_TRANSLATE_NOOP("Words", "Quality dispute"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
POLICY_CLASSES = {
    "general": QT_TRANSLATE_NOOP("Words", "General"),
    "fresh": QT_TRANSLATE_NOOP("Words", "Fresh"),
    "appliance": QT_TRANSLATE_NOOP("Words", "Appliance"),
    "personal_care": QT_TRANSLATE_NOOP("Words", "Personal care"),
    "customized": QT_TRANSLATE_NOOP("Words", "Customized"),
    "non_returnable": QT_TRANSLATE_NOOP("Words", "Non-returnable"),
}
CODE_KINDS = {
    "coupon": QT_TRANSLATE_NOOP("Words", "Coupon"),
    "store_credit": QT_TRANSLATE_NOOP("Words", "Store credit"),
}
STATUSES = {
    "issued": QT_TRANSLATE_NOOP("Words", "Valid"),
    "redeemed": QT_TRANSLATE_NOOP("Words", "Redeemed"),
    "expired": QT_TRANSLATE_NOOP("Words", "Expired"),
    "void": QT_TRANSLATE_NOOP("Words", "Void"),
    "completed": QT_TRANSLATE_NOOP("Words", "Completed"),
    "voided": QT_TRANSLATE_NOOP("Words", "Voided"),
    "open": QT_TRANSLATE_NOOP("Words", "Open"),
    "resolved": QT_TRANSLATE_NOOP("Words", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Words", "Closed"),
}
KINDS = {
    "return": QT_TRANSLATE_NOOP("Words", "Return"),
    "exchange": QT_TRANSLATE_NOOP("Words", "Exchange"),
}
COMPLAINT_TYPES = {
    "quality": QT_TRANSLATE_NOOP("Words", "Quality"),
    "return": QT_TRANSLATE_NOOP("Words", "Return / exchange"),
    "price": QT_TRANSLATE_NOOP("Words", "Price"),
    "service": QT_TRANSLATE_NOOP("Words", "Service"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
SEVERITIES = {
    "normal": QT_TRANSLATE_NOOP("Words", "Normal"),
    "urgent": QT_TRANSLATE_NOOP("Words", "Urgent"),
    "major": QT_TRANSLATE_NOOP("Words", "Major"),
}
ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Words", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("Words", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Words", "Owner"),
}

# What the customer may choose among (三包 "at the customer's choice"): issue 15.
REMEDIES = {
    "refund": QT_TRANSLATE_NOOP("Words", "Refund"),
    "store_credit": QT_TRANSLATE_NOOP("Words", "Store credit"),
    "exchange": QT_TRANSLATE_NOOP("Words", "Exchange"),
    "repair": QT_TRANSLATE_NOOP("Words", "Repair"),
}


def word(table: dict[str, str], key: str | None) -> str:
    """The translated label of `key`; an id the table does not know shows as itself."""
    if key is None:
        return ""
    source = table.get(key)
    return QCoreApplication.translate("Words", source) if source else key


# The service loop (issue 12)
CHANNELS = {
    "counter": QT_TRANSLATE_NOOP("Words", "Counter"),
    "phone": QT_TRANSLATE_NOOP("Words", "Phone"),
    "box": QT_TRANSLATE_NOOP("Words", "Suggestion box"),
    "till": QT_TRANSLATE_NOOP("Words", "Till"),
    "online": QT_TRANSLATE_NOOP("Words", "Online"),
}
RESOLUTION_CATEGORIES = {
    "explained": QT_TRANSLATE_NOOP("Words", "Explained"),
    "refund_exchange": QT_TRANSLATE_NOOP("Words", "Refund / exchange"),
    "compensated": QT_TRANSLATE_NOOP("Words", "Compensated"),
    "repaired": QT_TRANSLATE_NOOP("Words", "Repaired"),
    "improved": QT_TRANSLATE_NOOP("Words", "Service improved"),
    "unfounded": QT_TRANSLATE_NOOP("Words", "Unfounded"),
}
CALL_OUTCOMES = {
    "reached": QT_TRANSLATE_NOOP("Words", "Reached"),
    "no_answer": QT_TRANSLATE_NOOP("Words", "No answer"),
    "wrong_number": QT_TRANSLATE_NOOP("Words", "Wrong number"),
}
SATISFACTION = {
    "excellent": QT_TRANSLATE_NOOP("Words", "Excellent"),
    "good": QT_TRANSLATE_NOOP("Words", "Good"),
    "fair": QT_TRANSLATE_NOOP("Words", "Fair"),
    "poor": QT_TRANSLATE_NOOP("Words", "Poor"),
}
SERVICES = {
    "return": QT_TRANSLATE_NOOP("Words", "Return"),
    "exchange": QT_TRANSLATE_NOOP("Words", "Exchange"),
    "complaint": QT_TRANSLATE_NOOP("Words", "Complaint"),
    "repair": QT_TRANSLATE_NOOP("Words", "Repair"),
    "followup": QT_TRANSLATE_NOOP("Words", "Follow-up call"),
}
FOLLOWUP_STATUSES = {
    "open": QT_TRANSLATE_NOOP("Words", "Open"),
    "done": QT_TRANSLATE_NOOP("Words", "Done"),
    "unreachable": QT_TRANSLATE_NOOP("Words", "Unreachable"),
}
# --- repair tickets and member care (issue 12) ---
REPAIR_STATUSES = {
    "taken_in": QT_TRANSLATE_NOOP("Words", "Taken in"),
    "sent": QT_TRANSLATE_NOOP("Words", "Sent to supplier"),
    "back": QT_TRANSLATE_NOOP("Words", "Back from repair"),
    "collected": QT_TRANSLATE_NOOP("Words", "Collected"),
    "replaced": QT_TRANSLATE_NOOP("Words", "Replaced"),
    "refunded": QT_TRANSLATE_NOOP("Words", "Refunded"),
}
REPAIR_OUTCOMES = {
    "fixed": QT_TRANSLATE_NOOP("Words", "Fixed"),
    "failed": QT_TRANSLATE_NOOP("Words", "Not fixed"),
}
ALLERGENS = {
    "peanut": QT_TRANSLATE_NOOP("Words", "Peanut"),
    "nuts": QT_TRANSLATE_NOOP("Words", "Tree nuts"),
    "milk": QT_TRANSLATE_NOOP("Words", "Milk"),
    "egg": QT_TRANSLATE_NOOP("Words", "Egg"),
    "gluten": QT_TRANSLATE_NOOP("Words", "Gluten"),
    "soy": QT_TRANSLATE_NOOP("Words", "Soy"),
    "seafood": QT_TRANSLATE_NOOP("Words", "Seafood"),
    "sesame": QT_TRANSLATE_NOOP("Words", "Sesame"),
}
