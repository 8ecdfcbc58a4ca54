"""`returns-desk --self-test`: a throwaway shop proves the install works — migrate, sell, quote, return, print."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app import settings

# One sale of today: 3 × ¥4.50 noodles, ¥1.00 off the receipt, paid ¥12.50 by WeChat.
RECEIPT = "ST-0001"
PRODUCTS_CSV = ("sku,name_zh,name_en,category,policy_class,price,warranty_months,supplier\n"
                "6901234567892,红烧牛肉面,Beef Noodles,方便食品,general,450,0,康师傅\n")


def _sale_row(sold_at: datetime) -> str:
    return json.dumps({
        "receipt": RECEIPT, "sold_at": sold_at.isoformat(), "till": "T1", "cashier": "c01", "member": None,
        "lines": [{"line": 1, "sku": "6901234567892", "name": "红烧牛肉面", "policy_class": "general",
                   "qty": 3, "unit_price": 450, "discount": 0, "promo_group": None, "final_sale": False,
                   "warranty_months": 0}],
        "receipt_discount": 100, "tenders": [{"method": "wechat", "amount": 1250}],
        "coupons_redeemed": [], "points_earned": 0}, ensure_ascii=False)


class SelfTestFailed(Exception):
    """One step of the self-test went wrong; the message names the step."""


def _check(ok: bool, zh: str, en: str) -> None:
    if not ok:
        raise SelfTestFailed(f"{zh} ({en})")


def _resources() -> str:
    base = settings.resources_dir()
    for needed in ("policy.toml", "fonts"):
        _check((base / needed).exists(), f"缺少资源 {base / needed}", f"resource missing: {base / needed}")
    return f"resources at {base}"


def _policy() -> str:
    from app.domain.policy import load_policy

    policy = load_policy(settings.default_policy_path())
    return f"policy {policy.version} valid"


def _store(url: str, work: Path) -> str:
    from app.db import init_database, session_scope
    from app.services.imports import import_products, import_sales
    from app.services.users import create_user

    init_database(url, create=True)
    (work / "products.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    _check(import_products(work / "products.csv", url).ok, "商品导入失败", "product import failed")
    report = import_sales([_sale_row(datetime.now(settings.SHOP_TZ) - timedelta(hours=1))], url)
    _check(report.imported == 1, f"销售导入失败：{report.rejected}", f"sale import failed: {report.rejected}")
    with session_scope(url) as s:
        create_user(s, "selftest", "自检", "clerk", "2468")
    return "database migrated, one sale imported"


def _quote_and_return(url: str) -> tuple[str, str]:
    from app.services import returns
    from app.services.lookup import find_receipt
    from app.services.users import sign_in
    from app.services.views import ReturnItem, ReturnRequest

    receipt = find_receipt(RECEIPT, url)
    _check(receipt.receipt_no == RECEIPT, "找不到小票", "receipt not found")
    request = ReturnRequest(RECEIPT, items=(ReturnItem(1, 1, "changed_mind", "unopened"),))
    view = returns.quote(request, url)
    _check(view.money_back > 0, "试算退款为零", "the quote refunds nothing")
    done = returns.complete(request, sign_in("selftest", "2468", url), url=url)
    _check(done.refund_total == view.money_back, "完成金额与试算不符", "completed refund differs from quote")
    return done.number, f"quote ¥{view.money_back / 100:.2f}, return {done.number}"


def _slip(url: str, number: str) -> str:
    from app.services.printouts import document_pdf

    pdf = document_pdf("slip", number, paper="80mm", url=url)
    _check(pdf.startswith(b"%PDF") and len(pdf) > 1000, "小票 PDF 无效", "slip PDF is not valid")
    return f"slip PDF {len(pdf):,} bytes"


def _translations() -> str:
    qm = settings.resources_dir() / "translations" / "returns_desk_zh_CN.qm"
    _check(qm.exists(), f"缺少界面翻译 {qm}", f"compiled translation missing: {qm}")
    return "zh_CN translation present"


def run(out: Callable[[str], None] = print) -> int:
    """Every step in a throwaway data folder; 0 when all pass, 1 with the failing step named."""
    saved = {k: os.environ.get(k) for k in (settings.HOME_ENV, settings.DB_ENV)}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="returns-desk-selftest-") as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'selftest.sqlite'}"
        os.environ[settings.HOME_ENV] = str(work)
        os.environ[settings.DB_ENV] = url
        try:
            for step in (_resources, _translations, _policy, lambda: _store(url, work)):
                out(f"ok  {step()}")
            number, said = _quote_and_return(url)
            out(f"ok  {said}")
            out(f"ok  {_slip(url, number)}")
        except Exception as exc:  # noqa: BLE001 — any failure is the answer: name it, exit non-zero
            print(f"SELF-TEST FAILED 自检失败: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        finally:
            from app.db import dispose_engines

            dispose_engines()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    out(f"self-test passed 自检通过 in {time.perf_counter() - started:.1f} s")
    return 0
