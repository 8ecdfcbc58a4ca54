"""The shop's vocabulary once: every fixed id the counter stores, with the wording the domain explains in."""

from __future__ import annotations

# Each table maps the stable id (stored, in files, in JSON) to its (zh_CN, en) label.
REASONS: dict[str, tuple[str, str]] = {
    "changed_mind": ("不想要了（无理由）", "changed mind"),
    "quality_fault": ("质量问题", "quality fault"),
    "wrong_item": ("错发商品", "wrong item sold"),
    "damaged_at_sale": ("售出时已损坏", "damaged at sale"),
    "food_expired": ("过期变质食品", "food sold expired or spoiled"),
}

# Wrong item and damaged at sale are the store's fault: they follow the quality-fault rules.
QUALITY_REASONS = frozenset({"quality_fault", "wrong_item", "damaged_at_sale"})

CONDITIONS: dict[str, tuple[str, str]] = {
    "unopened": ("未拆封、可再次销售", "unopened and resalable"),
    "opened": ("已拆封", "opened"),
    "accessories_missing": ("配件不全", "accessories missing"),
    "damaged_by_customer": ("顾客使用或损坏", "used or damaged by the customer"),
}

TIERS: dict[str, tuple[str, str]] = {
    "standard": ("普通会员", "standard member"),
    "silver": ("银卡会员", "silver member"),
    "gold": ("金卡会员", "gold member"),
    "diamond": ("钻石卡会员", "diamond member"),
}

TENDER_METHODS: dict[str, tuple[str, str]] = {
    "cash": ("现金", "cash"),
    "card": ("银行卡", "bank card"),
    "wechat": ("微信支付", "WeChat Pay"),
    "alipay": ("支付宝", "Alipay"),
    "store_credit": ("储值凭证", "store credit"),
    "coupon": ("优惠券", "coupon"),
}

# Coupon tenders are never paid out as money; their share of a refund is withheld.
COUPON_METHODS = frozenset({"coupon"})

# How a customer may pay a price difference at the counter: any tender that is money.
DIFFERENCE_METHODS = tuple(m for m in TENDER_METHODS if m not in COUPON_METHODS)

OUTCOMES: dict[str, tuple[str, str]] = {
    "refund": ("同意退款", "refund"),
    "exchange_only": ("只能换货", "exchange only"),
    "store_credit_only": ("只退储值凭证", "store credit only"),
    "repair_only": ("只能开维修单", "repair ticket only"),
    "refused_overridable": ("不予退换（主管可特批）", "refused — a supervisor may override"),
    "refused": ("不予退换", "refused"),
}

SUPERVISOR_REASONS: dict[str, tuple[str, str]] = {
    "refund_over_limit": ("退款金额超过上限", "refund over the limit"),
    "frequent_returner": ("顾客30天内退货次数较多", "frequent returns in the last 30 days"),
    "no_receipt": ("无小票退货", "return without a receipt"),
    "override": ("主管特批", "supervisor override"),
    "food_compensation": ("食品安全赔偿金", "food-safety compensation"),
}

# Why a supervisor overrides a refusal or gives a goodwill coupon (the reason list of an approval).
OVERRIDE_REASONS: dict[str, tuple[str, str]] = {
    "goodwill": ("善意补偿", "goodwill"),
    "store_error": ("门店差错", "store error"),
    "quality_dispute": ("质量争议", "quality dispute"),
    "other": ("其他", "other"),
}

# Why a coupon or store credit was issued: an override reason, or compensation for a complaint.
ISSUE_REASONS: dict[str, tuple[str, str]] = {
    **OVERRIDE_REASONS,
    "complaint": ("投诉补偿", "complaint compensation"),
}

KINDS: dict[str, tuple[str, str]] = {
    "return": ("退货", "return"),
    "exchange": ("换货", "exchange"),
}

# Ids the screens name but the domain never explains in words: the screens' table carries the wording.
POLICY_CLASSES = ("general", "fresh", "appliance", "personal_care", "customized", "non_returnable")
CODE_KINDS = ("coupon", "store_credit")
STATUSES = ("issued", "redeemed", "expired", "void", "completed", "voided", "open", "resolved", "closed")
COMPLAINT_TYPES = ("quality", "return", "price", "service", "other")
SEVERITIES = ("normal", "urgent", "major")
ROLES = ("clerk", "supervisor", "admin")

# 食品安全法 art. 148: food sold expired or spoiled is the store's fault and may carry compensation.
FOOD_CLAIM_REASONS = frozenset({"food_expired"})

# What the customer may choose among (三包 "at the customer's choice"), most generous first,
# and the outcome each one gives the line.
REMEDIES: dict[str, tuple[str, str]] = {
    "refund": ("退款", "refund"),
    "store_credit": ("退储值凭证", "store credit"),
    "exchange": ("换货", "exchange"),
    "repair": ("维修", "repair"),
}
REMEDY_OUTCOMES: dict[str, str] = {"refund": "refund", "store_credit": "store_credit_only",
                                   "exchange": "exchange_only", "repair": "repair_only"}


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The label of `key` in `lang` ('zh_CN' or 'en'); an unknown id shows as itself."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang.startswith("en") else pair[0]


# Money back to a bank card, WeChat Pay or Alipay moves on the payment terminal, not in this app: the
# return keeps that tender "refund pending" until the terminal's refund reference is entered.
TERMINAL_METHODS = ("card", "wechat", "alipay")

# The service loop (issue 12): complaints, follow-up calls, satisfaction after every service.
CHANNELS: dict[str, tuple[str, str]] = {
    "counter": ("柜台", "at the counter"),
    "phone": ("电话", "by phone"),
    "box": ("意见箱", "suggestion box"),
    "till": ("收银台", "at the till"),
    "online": ("网上", "online"),
}

RESOLUTION_CATEGORIES: dict[str, tuple[str, str]] = {
    "explained": ("解释说明", "explained to the customer"),
    "refund_exchange": ("退换货", "refund or exchange"),
    "compensated": ("补偿", "compensated"),
    "repaired": ("维修", "repaired"),
    "improved": ("改进服务", "service improved"),
    "unfounded": ("投诉不成立", "complaint unfounded"),
}

CALL_OUTCOMES: dict[str, tuple[str, str]] = {
    "reached": ("已接通", "reached"),
    "no_answer": ("无人接听", "no answer"),
    "wrong_number": ("号码错误", "wrong number"),
}

# Four levels, stored as the score (4 = 优秀 … 1 = 差) so averages read like CSAT: higher is better.
SATISFACTION: dict[str, tuple[str, str]] = {
    "excellent": ("优秀", "excellent"),
    "good": ("良好", "good"),
    "fair": ("一般", "fair"),
    "poor": ("差", "poor"),
}
SATISFACTION_SCORES: dict[str, int] = {"excellent": 4, "good": 3, "fair": 2, "poor": 1}

# What a rating or a follow-up call is about.
SERVICES: dict[str, tuple[str, str]] = {
    "return": ("退货", "return"),
    "exchange": ("换货", "exchange"),
    "complaint": ("投诉", "complaint"),
    "repair": ("维修", "repair"),
    "followup": ("回访", "follow-up call"),
}

FOLLOWUP_STATUSES = ("open", "done", "unreachable")

# --- repair tickets, coupons at the counter, member care (issue 12) ---
REPAIR_STATUSES: dict[str, tuple[str, str]] = {
    "taken_in": ("已接收", "taken in"),
    "sent": ("已送修", "sent to the supplier"),
    "back": ("已修回", "back from repair"),
    "collected": ("顾客已取回", "collected"),
    "replaced": ("已换新", "replaced"),
    "refunded": ("已退款", "refunded"),
}
# How a repair came back: what the legal floor's repair history counts (三包: two failed repairs).
REPAIR_OUTCOMES: dict[str, tuple[str, str]] = {
    "fixed": ("已修好", "fixed"),
    "failed": ("未修好", "not fixed"),
}
REPAIR_KINDS: dict[str, tuple[str, str]] = {
    "return": ("退货转维修", "from a return"),
    "walk_in": ("保修送修", "walk-in warranty repair"),
}
ALLERGENS: dict[str, tuple[str, str]] = {
    "peanut": ("花生", "peanut"),
    "nuts": ("坚果", "tree nuts"),
    "milk": ("牛奶", "milk"),
    "egg": ("鸡蛋", "egg"),
    "gluten": ("麸质", "gluten"),
    "soy": ("大豆", "soy"),
    "seafood": ("海鲜", "seafood"),
    "sesame": ("芝麻", "sesame"),
}
ISSUE_REASONS["birthday"] = ("会员生日券", "birthday coupon")

# Where a returned unit went (return_lines.disposition); the reports count them.
DISPOSITIONS: dict[str, tuple[str, str]] = {
    "restock": ("重新上架", "restocked"),
    "damaged": ("报损", "damaged"),
    "return_to_supplier": ("退回供应商", "to supplier"),
    "repair": ("送修", "to repair"),
}
