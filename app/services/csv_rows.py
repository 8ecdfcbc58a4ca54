"""Checks one products or members CSV row (already split into columns), or says what is wrong and where."""

from __future__ import annotations

from datetime import date

from barcode import EAN13

from app.domain import allergens as tags
from app.domain import limits as lim
from app.domain.codes import is_code, normalise_code, shown
from app.domain.vocabulary import ALLERGENS, TIERS
from app.services.sale_rows import RowError

ESCAPED_BYTE = ("\udc80", "\udcff")  # how a byte that is not UTF-8 arrives (read with surrogateescape)


def whole(value: str, name: str, maximum: int) -> int:
    """ASCII digits only: '²'.isdigit() is True and int('²') raises; '１２' is no number in a till file."""
    if value.startswith("-") and value[1:].isascii() and value[1:].isdecimal():
        raise RowError(f"{name} 不能为负数", f"{name} must not be negative")
    if not (value.isascii() and value.isdecimal()):
        raise RowError(f"{name} 必须是整数：{shown(value)!r}", f"{name} must be a whole number: {shown(value)!r}")
    if len(value) > len(str(maximum)) or int(value) > maximum:
        raise RowError(f"{name} 超出上限 {maximum}：{shown(value)}", f"{name} is above the limit of {maximum}: "
                       f"{shown(value)}")
    return int(value)


def text(row: dict[str, str], name: str, longest: int, *, symbols: bool = True) -> str:
    value = row.get(name, "")
    if len(value) > longest:
        raise RowError(f"{name} 过长（{len(value)} 个字符，最多 {longest}）",
                       f"{name} is too long ({len(value)} characters, {longest} at most)")
    if any(ESCAPED_BYTE[0] <= c <= ESCAPED_BYTE[1] for c in value):
        raise RowError(f"{name} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8",
                       f"{name} is not UTF-8 (GBK perhaps); save the file as UTF-8")
    if (problem := lim.text_problem(value, symbols=symbols)) is not None:
        raise RowError(f"{name} {problem[0]}", f"{name} {problem[1]}")
    return value


def code(row: dict[str, str], name: str) -> str:
    raw = text(row, name, 64, symbols=False)
    value = normalise_code(raw)
    if not value:
        raise RowError(f"缺少 {name}", f"{name} is missing")
    if not is_code(value):
        raise RowError(f"{name} “{shown(raw)}” 无效：只能包含数字、字母和“-”，最多 32 位",
                       f"{name} “{shown(raw)}” is not valid: digits, letters and '-' only, 32 at most")
    return value


def product(row: dict[str, str], classes: frozenset[str]) -> dict[str, object]:
    sku = code(row, "sku")
    if len(sku) == 13 and sku.isdigit() and (check := EAN13(sku[:12]).get_fullcode()[-1]) != sku[-1]:
        # A scanner checks the last digit, so a code with a wrong one could never be scanned.
        raise RowError(f"条码 {sku} 的校验位不对（应为 {check}）",
                       f"barcode {sku} has a wrong check digit (should be {check})")
    if row["policy_class"] not in classes:
        raise RowError(f"未知的退货类别 {shown(row['policy_class'])!r}",
                       f"unknown policy_class {shown(row['policy_class'])!r}")
    if not row["name_zh"]:
        raise RowError("缺少中文品名 name_zh", "name_zh is missing")
    if "stored_value" not in row and row.get("category") == STORED_VALUE_CATEGORY:
        row["stored_value"] = "1"   # the category says it; the column stays absent for other rows
    return {"food": flag(row.get("food", ""), "food"), "stored_value": flag(row.get("stored_value", ""), "stored_value"),
            "sku": sku, "name_zh": text(row, "name_zh", 200), "name_en": text(row, "name_en", 200),
            "category": text(row, "category", 60), "policy_class": row["policy_class"],
            "price": whole(row["price"], "price", lim.MAX_LINE_FEN),
            "warranty_months": whole(row.get("warranty_months") or "0", "warranty_months", lim.MAX_WARRANTY_MONTHS),
            "supplier": text(row, "supplier", 120), "allergens": allergens(row.get("allergens", ""))}


def member(row: dict[str, str]) -> dict[str, object]:
    card = code(row, "card_no")
    tier = row.get("tier") or "standard"
    if tier not in TIERS:
        raise RowError(f"未知的会员等级 {shown(tier)!r}", f"unknown tier {shown(tier)!r} (standard/silver/gold/diamond)")
    phone = row.get("phone", "")
    if phone and not (phone.isascii() and phone.isdecimal() and 7 <= len(phone) <= 15):
        raise RowError(f"手机号格式不对：{shown(phone)!r}", f"phone number is not valid: {shown(phone)!r}")
    return {"card_no": card, "phone": phone, "name": text(row, "name", 100, symbols=False), "tier": tier,
            "points": whole(row.get("points") or "0", "points", lim.MAX_POINTS),
            "special_needs": text(row, "special_needs", 300), "birthday": birthday(row.get("birthday", "")),
            "allergens": allergens(row.get("allergens", ""))}


def allergens(value: str) -> str:
    try:
        return tags.stored(tags.parse(value))
    except ValueError as err:
        raise RowError(f"未知的过敏原 {err}（可用：{', '.join(ALLERGENS)}）",
                       f"unknown allergen {err} (known: {', '.join(ALLERGENS)})") from None


def birthday(value: str) -> date | None:
    """YYYY-MM-DD, or MM-DD when the member gave no year (kept in a leap year, so 02-29 fits)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value if len(value) > 5 else f"2000-{value}")
    except ValueError:
        raise RowError(f"生日格式不对：{shown(value)!r}（应为 YYYY-MM-DD 或 MM-DD）",
                       f"birthday is not a date: {shown(value)!r} (YYYY-MM-DD or MM-DD)") from None


STORED_VALUE_CATEGORY = "卡券"   # gift and prepaid cards: no quality, so no legal floor
_YES, _NO = ("1", "true", "yes", "y", "是"), ("", "0", "false", "no", "n", "否")


def flag(value: str, name: str) -> bool:
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise RowError(f"{name} 必须是 1/0（是/否）：{shown(value)!r}", f"{name} must be 1 or 0 (yes/no): {shown(value)!r}")
