"""Every figure of every report against the known history (tests/services/reports/history.py), worked by hand."""

from __future__ import annotations

from pytest import approx

from app.domain.report_shape import Rate
from app.services.reports import custom, run
from tests.services.reports.conftest import NOVEMBER
from tests.services.reports.history import APPLES, KETTLE, NOODLES


def report(shop, name, period=NOVEMBER, **options):
    return run(name, shop.owner, period, shop.url, **options)


def rows(table):
    """{first cell's id: the rest of the row} — first cells are terms or plain text."""
    return {getattr(r[0], "id", r[0]): r[1:] for r in table.rows}


def test_returns_count_only_the_shop_days_of_november_at_2359_and_0000(shop):
    r = report(shop, "returns")
    # Z (10-31 23:59) and H (12-01 00:00) are outside; G0 (11-01 00:00) and F (11-30 23:59) inside.
    assert (r.figure("returns"), r.figure("exchanges"), r.figure("units_returned")) == (6, 1, 7)
    assert rows(r.table("by_day")) == {"2026-11-01": (1, 0, 1, 450), "2026-11-04": (2, 0, 2, 900),
                                       "2026-11-06": (1, 0, 1, 1280), "2026-11-16": (1, 0, 1, 450),
                                       "2026-11-22": (0, 1, 1, 0), "2026-11-30": (1, 0, 1, 450)}
    # line refunds: 5 noodles at ¥4.50 + apples ¥12.80 (D's ¥0.50 coupon share is withheld later, in Money);
    # the kettle exchanged like for like (X) refunds nothing
    assert r.figure("refunded") == 5 * 450 + 1280


def test_return_rate_is_units_back_over_units_sold_in_the_period(shop):
    r = report(shop, "returns")
    assert r.figure("units_sold") == 28 and r.figure("return_rate") == Rate(7, 28)
    products = rows(r.table("by_product"))
    assert products[NOODLES][1:4] == (5, 24, Rate(5, 24)) and products[APPLES][1:4] == (1, 2, Rate(1, 2))
    assert products[KETTLE][1:5] == (1, 2, Rate(1, 2), 1)
    assert rows(r.table("by_category")) == {"方便食品": (5, 24, Rate(5, 24)), "水果": (1, 2, Rate(1, 2)),
                                            "小家电": (1, 2, Rate(1, 2))}


def test_reasons_classes_dispositions_and_repeated_quality_faults(shop):
    r = report(shop, "returns")
    assert rows(r.table("by_reason")) == {"changed_mind": (4, 4, 2630), "quality_fault": (2, 2, 450),
                                          "wrong_item": (1, 1, 450)}
    assert rows(r.table("by_class")) == {"general": (5, 5, 2250), "fresh": (1, 1, 1280), "appliance": (1, 1, 0)}
    assert rows(r.table("dispositions")) == {"restock": (4, 4, 2630), "return_to_supplier": (3, 3, 900)}
    # noodles: a quality fault (A) and a wrong item (B) — two quality-type lines make "repeated"
    products = rows(r.table("by_product"))
    assert products[NOODLES][4:] [0] == 2 and products[NOODLES][-1].id == "yes"
    assert products[APPLES][-1].id == "no" and r.figure("flagged_products") == 1
    suppliers = rows(r.table("by_supplier"))
    assert suppliers["康师傅"][:3] == (5, 5, 2) and suppliers["康师傅"][3].id == "yes"
    assert suppliers["本地果园"][:3] == (1, 1, 0) and suppliers["美的"][:3] == (1, 1, 1)
    assert suppliers["美的"][3].id == "no"      # one quality fault is not "repeated"


def test_money_refunds_by_tender_withheld_coupon_share_and_overrides(shop):
    r = report(shop, "money")
    # wechat: A ¥4.50 + D ¥4.00 (¥4.50 less the coupon's ¥0.50 share); cash: B, E, G0, F
    assert rows(r.table("by_tender")) == {"cash": (4, 450 + 1280 + 450 + 450), "wechat": (2, 850)}
    assert (r.figure("refunded"), r.figure("coupon_withheld")) == (3480, 50)
    assert (r.figure("overrides"), r.figure("override_amount")) == (1, 1280)
    assert [(o[0].id, o[1].id, o[2], o[3]) for o in r.table("overrides").rows] == [("boss", "goodwill", 1, 1280)]
    assert (r.figure("credit_issued"), r.figure("credit_spent"), r.figure("compensation")) == (0, 0, 0)


def test_service_quality_times_contacts_and_repairs(shop):
    r = report(shop, "service")
    # minutes are averaged by the database (julianday arithmetic): equal to the microsecond
    assert r.figure("returns") == 7 and r.figure("handling") == approx((3 + 5 + 3 + 3 + 10 + 4 + 3) / 7)
    assert r.figure("returns_on_time") == Rate(7, 7)
    assert rows(r.table("handling")) == {"li": (3, approx(11 / 3)), "wang": (4, approx(20 / 4))}
    # complaints: TS0 (B's call found it not solved: a second contact, never answered), TS1 (answered in 1 h,
    # resolved in 30 h), TS2 (reopened; answered 78 h after it was logged, open)
    assert (r.figure("complaints"), r.figure("response_hours"), r.figure("resolution_hours")) == (3, 39.5, 30.0)
    assert r.figure("responded_on_time") == Rate(1, 3) and r.figure("resolved_on_time") == Rate(1, 3)
    assert r.figure("resolution_rate") == Rate(1, 3) and r.figure("first_contact") == Rate(1, 1)
    # WX1 back in 47 h; WX2 back after 96 h
    assert r.figure("more_contacts") == Rate(2, 3) and r.figure("repairs_72h") == Rate(1, 2)


def test_complaints_by_type_and_owned_per_person_each_with_its_figures(shop):
    by_type = rows(report(shop, "service").table("complaints"))
    # quality: TS1 answered in 1 h, resolved in 30 h, both on time, one contact; TS0 never answered.
    # service: TS2 answered 78 h after it was logged (late), open, reopened
    assert by_type == {"quality": (2, 1.0, 30.0, Rate(1, 2), Rate(1, 2), Rate(1, 1), Rate(0, 2)),
                       "service": (1, 78.0, None, Rate(0, 1), Rate(0, 1), Rate(0, 0), Rate(1, 1))}
    # TS0 has no owner: nobody's figure
    owned = rows(report(shop, "staff").table("complaints_owned"))
    assert owned == {"li": (1, Rate(1, 1), Rate(1, 1), 0), "wang": (1, Rate(0, 1), Rate(0, 1), 1)}


def test_follow_up_calls_reopened_complaints_and_satisfaction(shop):
    r = report(shop, "service")
    # TS1's call: no answer, then reached and solved; B's: reached, not solved; WX1's: wrong number
    assert r.figure("followups") == 3 and r.figure("followups_reached") == Rate(2, 3)
    # reopened: TS2 of the three complaints (TS0 is a new complaint, not a reopened one)
    assert r.figure("followups_solved") == Rate(1, 2) and r.figure("reopen_rate") == Rate(1, 3)
    assert rows(r.table("call_outcomes")) == {"reached": (2,), "no_answer": (1,), "wrong_number": (1,)}
    # ratings in November: A 4, B 1, X 3, TS1 4 (December's H is outside)
    assert r.figure("satisfaction") == 3.0
    assert rows(r.table("satisfaction")) == {"4": (2,), "3": (1,), "2": (0,), "1": (1,)}
    assert rows(r.table("by_service")) == {"return": (2, 2.5), "exchange": (1, 3.0), "complaint": (1, 4.0)}
    assert rows(r.table("by_clerk")) == {"li": (2, 4.0), "wang": (2, 2.0)}


def test_repurchase_of_served_customers_beside_those_not_served(shop):
    r = report(shop, "loyalty")
    # served: M000123 (A, then D: served twice, counted once from A) came back with R8 (R7, 1 h after A,
    # does not count); M000124 (B, then complaint TS1) only bought 1.5 h after B: not back; M000128, refused
    # as a whole on 11-15 (J), was served too and came back with R16 on 12-02.
    assert (r.figure("served"), r.figure("served_back"), r.figure("repurchase_served")) == (3, 2, Rate(2, 3))
    # not served: M000125 (R4 → R5 back), M000126 (R6 only), M000127 (R12 → R13 back)
    assert (r.figure("not_served"), r.figure("repurchase_not_served")) == (3, Rate(2, 3))
    assert rows(r.table("by_month")) == {"2026-11": (3, 2, Rate(2, 3), 3, Rate(2, 3))}
    # refused: M000123 in part (A's apples line), M000128 as a whole (J) — both came back
    assert rows(r.table("by_what")) == {"refunded": (2, 1, Rate(1, 2)), "refused": (2, 2, Rate(2, 2)),
                                        "coupon": (2, 1, Rate(1, 2)), "complaint": (1, 0, Rate(0, 1)),
                                        "repair": (1, 1, Rate(1, 1))}


def test_coupons_redeemed_and_customers_won_back_per_clerk(shop):
    r = report(shop, "loyalty")
    # goodwill coupons came with A (M000123), B (M000124) and the exchange X (no member)
    assert rows(r.table("coupons")) == {"goodwill": (3, 1, Rate(1, 3), 1500)}
    assert (r.figure("coupons_issued"), r.figure("coupons_redeemed"), r.figure("redemption_rate")) == (3, 1, Rate(1, 3))
    # li gave A's coupon; it came back on R8, a ¥45.00 purchase. wang's two (B, X) were not used.
    assert rows(r.table("won_back")) == {"li": (1, 1, 1, 4500), "wang": (2, 0, 0, 0)}


def test_two_policy_versions_side_by_side(shop):
    r = report(shop, "policy")
    got = {row[0]: row[1:] for row in r.table("versions").rows}
    # columns: returns, refunded, customers refused, refused as a whole, refused lines, refusal rate,
    # overrides, override rate, satisfaction, repurchase
    # v1: G0, A, B, E — A's apples line refused (1 of 5 lines decided); E overridden; A rated 4, B 1
    assert got[shop.v1] == (4, 2630, 1, 0, 1, Rate(1, 5), 1, Rate(1, 4), 2.5, Rate(1, 2))
    # v2: D (¥4.00 after the coupon share), X, F and the whole refusal J (its one line refused: 1 of 4);
    # X rated 3; M000123 did not buy again after D, M000128 came back after J
    assert got[shop.v2] == (3, 850, 1, 1, 1, Rate(1, 4), 0, Rate(0, 3), 3.0, Rate(1, 2))
    only = report(shop, "policy", versions=(shop.v2,))
    assert [row[0] for row in only.table("versions").rows] == [shop.v2]


def test_a_whole_refusal_is_no_return_and_no_refund_in_any_report(shop):
    returns_report, money = report(shop, "returns"), report(shop, "money")
    assert (returns_report.figure("returns"), returns_report.figure("units_returned")) == (6, 7)
    assert money.figure("refunded") == 3480 and report(shop, "service").figure("returns") == 7
    staff = {row[0].id: row[2] for row in report(shop, "staff").table("staff").rows}
    assert staff["wang"] == 4      # J is not a return handled


def test_staff_review_per_clerk_and_supervisor(shop):
    got = {row[0].id: (row[1].id, *row[2:]) for row in report(shop, "staff").table("staff").rows}
    assert got["li"] == ("clerk", 3, approx(11 / 3), 0, 2, 4.0, 1, Rate(1, 1))
    assert got["wang"] == ("clerk", 4, approx(5.0), 0, 2, 2.0, 1, Rate(0, 1))
    assert got["boss"] == ("supervisor", 0, None, 1, 0, None, 0, Rate(0, 0))


def test_an_empty_period_has_zeros_and_no_shares(shop):
    june = custom("2026-06-01", "2026-06-30")
    r = report(shop, "returns", june)
    assert (r.figure("returns"), r.figure("units_sold"), r.figure("return_rate").value) == (0, 0, None)
    assert all(not t.rows for t in r.tables)
    loyalty = report(shop, "loyalty", june)
    assert loyalty.figure("repurchase_served") == Rate(0, 0) and loyalty.figure("not_served") == 0
    assert report(shop, "money", june).figure("refunded") == 0
    assert report(shop, "service", june).figure("handling") is None


def test_a_day_with_returns_but_no_sales(shop):
    december_first = custom("2026-12-01", "2026-12-01")
    r = report(shop, "returns", december_first)
    assert (r.figure("returns"), r.figure("units_sold"), r.figure("return_rate")) == (1, 0, Rate(1, 0))
    assert rows(r.table("by_product"))[NOODLES][1:4] == (1, 0, Rate(1, 0))
