"""The return policy as data: loading, validating (errors name file, line and key) and versioning."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.limits import MAX_LINE_FEN, MAX_WARRANTY_MONTHS
from app.domain.vocabulary import CONDITIONS, REASONS, TIERS
from app.errors import InvalidInput

# The zone of a policy file that names none, unless the caller hands in the shop's own.
SHANGHAI = ZoneInfo("Asia/Shanghai")

ALL_CONDITIONS = frozenset(CONDITIONS)

# Caps on what a policy file may say: every value the engine computes with stays far from overflow
# (timedelta(days=99999999999) raises), and a file cannot make the loader recurse or run for long.
MAX_FILE_CHARS = 256 * 1024
MAX_DAYS = 3650
MAX_HOURS = 24 * 366
MAX_COUNT = 10_000
MAX_CLASSES = 200
MAX_LABEL = 120
_CLASS_NAME = re.compile(r"[a-z][a-z0-9_]{0,29}")


class PolicyError(InvalidInput):
    """A policy file that cannot be used; the message names the file, the line and the key."""

    def __init__(self, source: str, line: int, key: str, zh: str, en: str) -> None:
        super().__init__(f"策略文件 {source} 第{line}行，{key}：{zh}",
                         f"policy file {source}, line {line}, key {key}: {en}")
        self.source = source
        self.line = line
        self.key = key


@dataclass(frozen=True)
class ChangedMindRule:
    """不想要了: accepted or not, within how many days, in which conditions."""

    accepted: bool
    days: int = 0
    conditions: frozenset[str] = ALL_CONDITIONS


@dataclass(frozen=True)
class QualityRule:
    """Quality fault (and the store's own faults): refund, then exchange, then repair windows."""

    accepted: bool
    refund_days: int | None = None
    refund_hours: int | None = None     # fresh food counts hours from the sale time instead
    exchange_days: int | None = None
    repair_until_warranty_end: bool = False
    default_warranty_months: int = 12   # when the product records no warranty months
    conditions: frozenset[str] = ALL_CONDITIONS


@dataclass(frozen=True)
class PolicyClass:
    name: str
    label_zh: str
    label_en: str
    returnable: bool
    changed_mind: ChangedMindRule
    quality_fault: QualityRule

    def label(self, lang: str) -> str:
        return self.label_en if lang.startswith("en") else self.label_zh


@dataclass(frozen=True)
class SupervisorRule:
    refund_over: int            # fen; a refund above this needs a supervisor
    returns_30d_at_least: int
    no_receipt: bool


@dataclass(frozen=True)
class NoReceiptRule:
    identification_required: bool
    lowest_price_days: int
    cap: int                    # fen per return


@dataclass(frozen=True)
class GoodwillCouponRule:
    value: int
    min_spend: int
    days_valid: int
    reasons: frozenset[str]


@dataclass(frozen=True)
class Policy:
    version: str                # 12 hex digits of the file's sha256; a return records it
    source: str
    time_zone: ZoneInfo
    tier_extra_days: Mapping[str, int]
    final_sale_changed_mind: bool
    supervisor: SupervisorRule
    no_receipt: NoReceiptRule
    goodwill_coupon: GoodwillCouponRule
    classes: Mapping[str, PolicyClass]


def policy_version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def load_policy(path: str | Path, default_zone: ZoneInfo = SHANGHAI) -> Policy:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"无法读取策略文件 {path}：{exc.strerror}",
                           f"cannot read policy file {path}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError(str(path), 1, "-", "文件不是 UTF-8 编码", "the file is not UTF-8") from exc
    return parse_policy(text, str(path), default_zone)


def parse_policy(text: str, source: str, default_zone: ZoneInfo = SHANGHAI) -> Policy:
    if len(text) > MAX_FILE_CHARS:
        raise PolicyError(source, 1, "-", f"文件过大（最多 {MAX_FILE_CHARS} 个字符）",
                          f"the file is too large ({MAX_FILE_CHARS} characters at most)")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise PolicyError(source, int(match.group(1)) if match else 1, "-",
                          f"TOML 格式错误（{exc}）", f"not valid TOML ({exc})") from exc
    except (RecursionError, ValueError):  # nested hundreds deep; a number of thousands of digits
        lines = text.splitlines() or [""]
        worst = max(range(len(lines)), key=lambda i: sum(lines[i].count(c) for c in "[{0123456789"))
        raise PolicyError(source, worst + 1, "-", "嵌套过深或数字过长", "nested too deeply or a number too long"
                          ) from None
    return _Reader(text, source, default_zone).policy(data)


class _Reader:
    """Checks one parsed file, keeping the text so every complaint can name its line."""

    def __init__(self, text: str, source: str, default_zone: ZoneInfo) -> None:
        self.text = text
        self.source = source
        self.default_zone = default_zone

    def fail(self, path: tuple[str, ...], zh: str, en: str) -> NoReturn:
        raise PolicyError(self.source, line_of_key(self.text, path), ".".join(path), zh, en)

    def table(self, data: Any, path: tuple[str, ...], allowed: set[str] | None) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(path, "应为一个表", "must be a table")
        for key in data:
            if allowed is not None and key not in allowed:
                self.fail(path + (key,), "未知的键", "unknown key")
        return data

    def int_(self, data: dict[str, Any], path: tuple[str, ...], key: str,
             default: int | None = None, maximum: int = MAX_DAYS) -> int:
        value = data.get(key, default)
        if value is None:
            self.fail(path + (key,), "缺少此项", "missing")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(path + (key,), f"应为不小于0的整数（现为 {_short(value)}）",
                      f"must be a whole number ≥ 0 (got {_short(value)})")
        if value > maximum:
            self.fail(path + (key,), f"不能大于 {maximum}（现为 {_short(value)}）",
                      f"must not be more than {maximum} (got {_short(value)})")
        return value

    def money(self, data: dict[str, Any], path: tuple[str, ...], key: str) -> int:
        return self.int_(data, path, key, maximum=MAX_LINE_FEN)

    def opt_int(self, data: dict[str, Any], path: tuple[str, ...], key: str,
                maximum: int = MAX_DAYS) -> int | None:
        return self.int_(data, path, key, maximum=maximum) if key in data else None

    def bool_(self, data: dict[str, Any], path: tuple[str, ...], key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(path + (key,), f"应为 true 或 false（现为 {value!r}）",
                      f"must be true or false (got {value!r})")
        return value

    def choices(self, data: dict[str, Any], path: tuple[str, ...], key: str,
                allowed: frozenset[str], default: frozenset[str]) -> frozenset[str]:
        value = data.get(key, sorted(default))
        if not isinstance(value, list):
            self.fail(path + (key,), "应为一个列表", "must be a list")
        for item in value:
            if not isinstance(item, str) or item not in allowed:
                self.fail(path + (key,), f"未知的值 {_short(item)}（可用：{'、'.join(sorted(allowed))}）",
                          f"unknown value {_short(item)} (use one of: {', '.join(sorted(allowed))})")
        return frozenset(value)

    def policy(self, data: dict[str, Any]) -> Policy:
        self.table(data, (), {"shop", "tiers", "final_sale", "supervisor", "no_receipt",
                              "goodwill_coupon", "classes"})
        shop = self.table(data.get("shop", {}), ("shop",), {"time_zone"})
        tiers = self.table(data.get("tiers", {}), ("tiers",), set(TIERS))
        final = self.table(data.get("final_sale", {}), ("final_sale",), {"changed_mind_accepted"})
        sup = self.table(data.get("supervisor"), ("supervisor",),
                         {"refund_over", "returns_30d_at_least", "no_receipt"})
        nor = self.table(data.get("no_receipt"), ("no_receipt",),
                         {"identification_required", "lowest_price_days", "cap"})
        coupon = self.table(data.get("goodwill_coupon"), ("goodwill_coupon",),
                            {"value", "min_spend", "days_valid", "reasons"})
        classes = self.table(data.get("classes"), ("classes",), None)
        if not classes:
            self.fail(("classes",), "至少需要一个商品政策类别", "needs at least one policy class")
        if len(classes) > MAX_CLASSES:
            self.fail(("classes",), f"类别过多（最多 {MAX_CLASSES} 个）", f"too many classes ({MAX_CLASSES} at most)")
        return Policy(
            version=policy_version(self.text.encode("utf-8")),
            source=self.source,
            time_zone=self.zone(shop),
            tier_extra_days={t: self.int_(tiers, ("tiers",), t, 0) for t in TIERS},
            final_sale_changed_mind=self.bool_(final, ("final_sale",), "changed_mind_accepted", False),
            supervisor=SupervisorRule(
                refund_over=self.money(sup, ("supervisor",), "refund_over"),
                returns_30d_at_least=self.int_(sup, ("supervisor",), "returns_30d_at_least", maximum=MAX_COUNT),
                no_receipt=self.bool_(sup, ("supervisor",), "no_receipt", True)),
            no_receipt=NoReceiptRule(
                identification_required=self.bool_(nor, ("no_receipt",), "identification_required", True),
                lowest_price_days=self.int_(nor, ("no_receipt",), "lowest_price_days", 30),
                cap=self.money(nor, ("no_receipt",), "cap")),
            goodwill_coupon=GoodwillCouponRule(
                value=self.money(coupon, ("goodwill_coupon",), "value"),
                min_spend=self.money(coupon, ("goodwill_coupon",), "min_spend"),
                days_valid=self.int_(coupon, ("goodwill_coupon",), "days_valid"),
                reasons=self.choices(coupon, ("goodwill_coupon",), "reasons", frozenset(REASONS),
                                     frozenset({"quality_fault", "wrong_item", "damaged_at_sale"}))),
            classes={name: self.policy_class(name, body) for name, body in classes.items()},
        )

    def zone(self, shop: dict[str, Any]) -> ZoneInfo:
        name = shop.get("time_zone")
        if name is None:
            return self.default_zone
        try:
            return ZoneInfo(str(name))
        except (ZoneInfoNotFoundError, ValueError):
            self.fail(("shop", "time_zone"), f"未知的时区 {name!r}", f"unknown time zone {name!r}")

    def label(self, labels: dict[str, Any], path: tuple[str, ...], key: str, default: str) -> str:
        value = labels.get(key, default)
        if not isinstance(value, str) or len(value) > MAX_LABEL or not value.isprintable():
            self.fail(path + (key,), f"应为不超过 {MAX_LABEL} 个字符的文字", f"must be text of {MAX_LABEL} characters at most")
        return value

    def policy_class(self, name: str, body: Any) -> PolicyClass:
        path = ("classes", name)
        if not _CLASS_NAME.fullmatch(name):  # stored on every sale line (String(30)) and echoed in messages
            self.fail(path, "类别名只能用小写字母、数字和下划线，最多 30 个字符",
                      "a class name is lower-case letters, digits and '_', 30 at most")
        body = self.table(body, path, {"label", "returnable", "changed_mind", "quality_fault"})
        labels = self.table(body.get("label", {}), path + ("label",), {"zh_CN", "en"})
        returnable = self.bool_(body, path, "returnable", True)
        if returnable and ("changed_mind" not in body or "quality_fault" not in body):
            missing = "changed_mind" if "changed_mind" not in body else "quality_fault"
            self.fail(path + (missing,), "可退换的类别必须写明此项规则", "missing for a returnable class")
        cm_path, qf_path = path + ("changed_mind",), path + ("quality_fault",)
        cm = self.table(body.get("changed_mind", {"accepted": False}), cm_path,
                        {"accepted", "days", "conditions"})
        qf = self.table(body.get("quality_fault", {"accepted": False}), qf_path,
                        {"accepted", "refund_days", "refund_hours", "exchange_days",
                         "repair_until_warranty_end", "default_warranty_months", "conditions"})
        cm_accepted = self.bool_(cm, cm_path, "accepted", True)
        if "refund_days" in qf and "refund_hours" in qf:
            self.fail(qf_path + ("refund_hours",), "refund_days 与 refund_hours 只能写一个",
                      "give refund_days or refund_hours, not both")
        return PolicyClass(
            name=name,
            label_zh=self.label(labels, path + ("label",), "zh_CN", name),
            label_en=self.label(labels, path + ("label",), "en", name),
            returnable=returnable,
            changed_mind=ChangedMindRule(
                accepted=cm_accepted,
                days=self.int_(cm, cm_path, "days") if cm_accepted else 0,
                conditions=self.choices(cm, cm_path, "conditions", ALL_CONDITIONS, frozenset({"unopened"}))),
            quality_fault=QualityRule(
                accepted=self.bool_(qf, qf_path, "accepted", True),
                refund_days=self.opt_int(qf, qf_path, "refund_days"),
                refund_hours=self.opt_int(qf, qf_path, "refund_hours", maximum=MAX_HOURS),
                exchange_days=self.opt_int(qf, qf_path, "exchange_days"),
                repair_until_warranty_end=self.bool_(qf, qf_path, "repair_until_warranty_end", False),
                default_warranty_months=self.int_(qf, qf_path, "default_warranty_months", 12,
                                                  maximum=MAX_WARRANTY_MONTHS),
                conditions=self.choices(qf, qf_path, "conditions", ALL_CONDITIONS, ALL_CONDITIONS)),
        )


def _short(value: Any) -> str:
    """A value as a message shows it: a 5,000-digit number or a huge list is cut short."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a number of more than 30 digits"
    return text if len(text) <= 60 else text[:57] + "…"


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


def _split_key(raw: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in raw.split("."))


def line_of_key(text: str, path: tuple[str, ...]) -> int:
    """The line where `path` is written: exact key, else a key inside an inline table on the
    line of its parent, else the deepest enclosing table. tomllib reports no lines for values."""
    table: tuple[str, ...] = ()
    best_line, best_depth = 1, -1
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            full = table
        else:
            key = _KEY.match(line)
            if not key:
                continue
            full = table + _split_key(key.group(1))
        if full == path:
            return number
        if path[: len(full)] == full and len(full) > best_depth:
            best_line, best_depth = number, len(full)
            # inline table on this line: `quality_fault = { refund_days = 7 }`
            rest = path[len(full):]
            if not header and rest and re.search(rf"[{{,]\s*{re.escape(rest[-1])}\s*=", line):
                return number
    return best_line
