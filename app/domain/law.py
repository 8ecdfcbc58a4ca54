"""The legal floor as shipped data (resources/law/): loading, validating and versioning its profiles."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from app.domain.policy import line_of_key
from app.errors import InvalidInput

NATIONAL = "national"
KINDS = ("appliance", "food", "consumable")
Cite = tuple[str, str]          # (zh_CN, en): the law and article, to name in an explanation


class LawError(InvalidInput):
    """A legal-floor file that cannot be used; the message names the file, the line and the key."""

    def __init__(self, source: str, line: int, key: str, zh: str, en: str) -> None:
        super().__init__(f"法规文件 {source} 第{line}行，{key}：{zh}",
                         f"legal floor file {source}, line {line}, key {key}: {en}")


@dataclass(frozen=True)
class ConsumerLawRule:
    """消保法 art. 24/26: refund within `refund_days`, then exchange or repair for the goods' term."""

    refund_days: int
    term_days: Mapping[str, int]    # 'general', 'food'
    cite: Cite
    cite_notice: Cite


@dataclass(frozen=True)
class SanbaoRule:
    """三包 for appliances, with its repair-history rules."""

    refund_days: int
    exchange_days: int
    default_warranty_months: int
    failed_repairs: int
    parts_wait_days: int
    cite: Cite
    cite_refund: Cite
    cite_exchange: Cite
    cite_repairs: Cite
    cite_parts: Cite


@dataclass(frozen=True)
class FoodSafetyRule:
    multiple: int                   # × the net paid for the units claimed
    minimum: int                    # fen per claim
    cite: Cite


@dataclass(frozen=True)
class RepairMinimum:
    """A regional minimum repair period (上海 art. 33), consumables and food excepted."""

    months: int
    cite: Cite


@dataclass(frozen=True)
class Floor:
    """One region's floor: the national rules plus the region's own."""

    region: str
    version: str                    # e.g. national@2026.12.1+shanghai@2026.12.1; a return records it
    label_zh: str
    label_en: str
    kinds: Mapping[str, frozenset[str]]   # kind → the policy classes holding it
    consumer_law: ConsumerLawRule
    sanbao: SanbaoRule
    food_safety: FoodSafetyRule
    repair_minimum: RepairMinimum | None = None
    bundle_own_net: Cite | None = None    # 浙江 art. 13: quality-fault bundle units refund own net

    def is_kind(self, kind: str, policy_class: str) -> bool:
        return policy_class in self.kinds.get(kind, frozenset())


def regions(directory: str | Path) -> dict[str, tuple[str, str]]:
    """The regions shipped in `directory`: id → (zh_CN, en) label, national first."""
    found = {}
    for path in sorted(Path(directory).glob("*.toml"), key=lambda p: (p.stem != NATIONAL, p.stem)):
        profile = _read(path).get("profile", {})
        label = profile.get("label", {}) if isinstance(profile, dict) else {}
        found[path.stem] = (str(label.get("zh_CN", path.stem)), str(label.get("en", path.stem)))
    return found


def load_floor(directory: str | Path, region: str = NATIONAL) -> Floor:
    """The floor of `region` from the shipped files in `directory` (national.toml + <region>.toml)."""
    directory = Path(directory)
    national = _Reader(directory / f"{NATIONAL}.toml")
    base = national.national()
    if region == NATIONAL:
        return base
    if not (directory / f"{region}.toml").is_file():
        known = "、".join(regions(directory))
        raise InvalidInput(f"未知的地区 {region!r}（可用：{known}）",
                           f"unknown region {region!r} (use one of: {', '.join(regions(directory))})")
    return _Reader(directory / f"{region}.toml").regional(base, region)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"无法读取法规文件 {path}：{exc.strerror}",
                           f"cannot read legal floor file {path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LawError(str(path), 1, "-", f"格式错误（{exc}）", f"not valid UTF-8 TOML ({exc})") from exc


class _Reader:
    """Checks one floor file, keeping its text so every complaint names its line."""

    def __init__(self, path: Path) -> None:
        self.source = str(path)
        self.text = path.read_text(encoding="utf-8") if path.is_file() else ""
        self.data = _read(path)

    def fail(self, path: tuple[str, ...], zh: str, en: str) -> NoReturn:
        raise LawError(self.source, line_of_key(self.text, path), ".".join(path), zh, en)

    def table(self, data: Any, path: tuple[str, ...], allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(path, "缺少或应为一个表", "missing, or not a table")
        for key in data:
            if key not in allowed:
                self.fail(path + (key,), "未知的键", "unknown key")
        return data

    def int_(self, data: dict[str, Any], path: tuple[str, ...], key: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(path + (key,), f"应为不小于0的整数（现为 {value!r}）",
                      f"must be a whole number ≥ 0 (got {value!r})")
        return value

    def cite(self, data: dict[str, Any], path: tuple[str, ...], key: str = "cite") -> Cite:
        body = self.table(data.get(key), path + (key,), {"zh_CN", "en"})
        if not all(isinstance(body.get(lang), str) and body[lang] for lang in ("zh_CN", "en")):
            self.fail(path + (key,), "须写明中文和英文（zh_CN、en）", "needs zh_CN and en text")
        return body["zh_CN"], body["en"]

    def profile(self, region: str) -> tuple[str, str, str]:
        body = self.table(self.data.get("profile"), ("profile",), {"region", "version", "label"})
        if body.get("region") != region:
            self.fail(("profile", "region"), f"应为 {region!r}（与文件名一致）", f"must be {region!r} (the file name)")
        version = body.get("version")
        if not isinstance(version, str) or not version:
            self.fail(("profile", "version"), "缺少版本号", "missing version")
        zh, en = self.cite(body, ("profile",), "label")
        return f"{region}@{version}", zh, en

    def national(self) -> Floor:
        self.table(self.data, (), {"profile", "kinds", "consumer_law", "sanbao", "food_safety"})
        version, zh, en = self.profile(NATIONAL)
        kinds = self.table(self.data.get("kinds"), ("kinds",), set(KINDS))
        for kind, classes in kinds.items():
            if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
                self.fail(("kinds", kind), "应为商品类别名的列表", "must be a list of policy class names")
        law = self.table(self.data.get("consumer_law"), ("consumer_law",),
                         {"refund_days", "term_days", "cite", "cite_notice"})
        terms = self.table(law.get("term_days"), ("consumer_law", "term_days"), {"general", "food"})
        sb = ("sanbao",)
        sanbao = self.table(self.data.get("sanbao"), sb, {
            "refund_days", "exchange_days", "default_warranty_months", "failed_repairs", "parts_wait_days",
            "cite", "cite_refund", "cite_exchange", "cite_repairs", "cite_parts"})
        food = self.table(self.data.get("food_safety"), ("food_safety",), {"multiple", "minimum", "cite"})
        return Floor(
            region=NATIONAL, version=version, label_zh=zh, label_en=en,
            kinds={kind: frozenset(kinds.get(kind, [])) for kind in KINDS},
            consumer_law=ConsumerLawRule(
                refund_days=self.int_(law, ("consumer_law",), "refund_days"),
                term_days={k: self.int_(terms, ("consumer_law", "term_days"), k) for k in ("general", "food")},
                cite=self.cite(law, ("consumer_law",)), cite_notice=self.cite(law, ("consumer_law",), "cite_notice")),
            sanbao=SanbaoRule(
                refund_days=self.int_(sanbao, sb, "refund_days"),
                exchange_days=self.int_(sanbao, sb, "exchange_days"),
                default_warranty_months=self.int_(sanbao, sb, "default_warranty_months"),
                failed_repairs=self.int_(sanbao, sb, "failed_repairs"),
                parts_wait_days=self.int_(sanbao, sb, "parts_wait_days"),
                cite=self.cite(sanbao, sb), cite_refund=self.cite(sanbao, sb, "cite_refund"),
                cite_exchange=self.cite(sanbao, sb, "cite_exchange"),
                cite_repairs=self.cite(sanbao, sb, "cite_repairs"), cite_parts=self.cite(sanbao, sb, "cite_parts")),
            food_safety=FoodSafetyRule(self.int_(food, ("food_safety",), "multiple"),
                                       self.int_(food, ("food_safety",), "minimum"), self.cite(food, ("food_safety",))),
        )

    def regional(self, base: Floor, region: str) -> Floor:
        self.table(self.data, (), {"profile", "repair", "bundles"})
        version, zh, en = self.profile(region)
        repair = bundle = None
        if "repair" in self.data:
            body = self.table(self.data["repair"], ("repair",), {"min_months", "cite"})
            repair = RepairMinimum(self.int_(body, ("repair",), "min_months"), self.cite(body, ("repair",)))
        if "bundles" in self.data:
            body = self.table(self.data["bundles"], ("bundles",), {"quality_fault_refunds_own_net", "cite"})
            if not isinstance(body.get("quality_fault_refunds_own_net"), bool):
                self.fail(("bundles", "quality_fault_refunds_own_net"), "应为 true 或 false", "must be true or false")
            bundle = self.cite(body, ("bundles",)) if body["quality_fault_refunds_own_net"] else None
        return Floor(region=region, version=f"{base.version}+{version}", label_zh=zh, label_en=en,
                     kinds=base.kinds, consumer_law=base.consumer_law, sanbao=base.sanbao,
                     food_safety=base.food_safety, repair_minimum=repair, bundle_own_net=bundle)
