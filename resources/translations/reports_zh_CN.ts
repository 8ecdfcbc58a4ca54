<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="37" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="37" />
            <source>This week</source>
            <translation>本周</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="38" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="39" />
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="40" />
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="41" />
            <source>Last quarter</source>
            <translation>上季度</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="42" />
            <source>Custom range</source>
            <translation>自选日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="43" />
            <source>Slip</source>
            <translation>单号</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="43" />
            <source>Completed</source>
            <translation>完成时间</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="44" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="44" />
            <source>Clerk</source>
            <translation>店员</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="45" />
            <source>Receipt</source>
            <translation>原小票</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="45" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="46" />
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="162" />
            <source>Returns behind “{what}”: {n}</source>
            <translation>“{what}”背后的退换货：{n} 单</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="179" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="220" />
            <source>Exchange</source>
            <translation>换货</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="220" />
            <source>Return</source>
            <translation>退货</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="238" />
            <source>CSV (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="238" />
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="239" />
            <source>Save the report</source>
            <translation>保存报表</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="246" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="247" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="248" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="249" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../app/ui/pages/reports.py" line="250" />
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
    </context>
    <context>
        <name>ShopMenu</name>
        <message>
            <location filename="../../app/ui/shell/admin_menu.py" line="71" />
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <location filename="../../app/ui/shell/admin_menu.py" line="109" />
            <source>Reports…</source>
            <translation>报表…</translation>
        </message>
    </context>
</TS>
