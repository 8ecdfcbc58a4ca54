<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell/window.py" line="172" />
        <source>Refusal {number} recorded for receipt {receipt}: nothing taken back, nothing refunded.</source>
        <translation>已登记拒退 {number}（小票 {receipt}）：未收回商品，未退款。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/window.py" line="192" />
        <source>Refusal {number} recorded (no receipt): nothing taken back, nothing given.</source>
        <translation>已登记拒退 {number}（无小票）：未收回商品，未给储值凭证。</translation>
    </message>
    </context>
<context>
    <name>RefusalAction</name>
    <message>
        <location filename="../../app/ui/pages/refusal.py" line="56" />
        <source>Record refusal (F9)</source>
        <translation>登记拒退 (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/refusal.py" line="57" />
        <source>Nothing picked can be taken back: F9 records the refusal and why (no return, no refund), then the counter is ready for the next customer.</source>
        <translation>所选商品都不能退换：按 F9 登记拒退及原因（不算退货，不退款），然后接待下一位顾客。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="48" />
        <source>Complaint</source>
        <translation>投诉单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="48" />
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="49" />
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="49" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="50" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="50" />
        <source>Response (h)</source>
        <translation>响应（小时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="51" />
        <source>Resolution (h)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="52" />
        <source>Resolved on time</source>
        <translation>按时解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="52" />
        <source>Reopened</source>
        <translation>重开</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="171" />
        <source>Complaints behind “{what}”: {n}</source>
        <translation>“{what}”背后的投诉：{n} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="247" />
        <source>Refused as a whole</source>
        <translation>整单拒退</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="248" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="257" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="257" />
        <source>no</source>
        <translation>否</translation>
    </message>
    </context>
</TS>