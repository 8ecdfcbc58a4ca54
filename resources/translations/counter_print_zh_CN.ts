<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrinterBox</name>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="82" />
        <source>Roll printer: slips, coupons, vouchers</source>
        <translation>小票打印机：退货单、优惠券、储值凭证</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="83" />
        <source>Sheet printer (A4/A5): end-of-day report, policy notice</source>
        <translation>文档打印机（A4/A5）：日结报表、退换货政策</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="84" />
        <source>Sent by</source>
        <translation>打印方式</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="84" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="84" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="84" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="85" />
        <source>Also print the shop copy</source>
        <translation>同时打印存根联</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="85" />
        <source>ESC/POS connection</source>
        <translation>ESC/POS 连接</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="86" />
        <source>Cash drawer (ESC/POS connection)</source>
        <translation>钱箱（ESC/POS 连接）</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="123" />
        <source>Printers of this till</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/dialogs/printers.py" line="127" />
        <source>Only the owner (admin) may choose the printers.</source>
        <translation>只有店长可以设置打印机。</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/shell/menus.py" line="85" />
        <source>Printers of this till…</source>
        <translation>本机打印机…</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="125" />
        <source>{tender} refund pending at the payment terminal</source>
        <translation>{tender}退款待刷卡机确认</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="162" />
        <source>{tender} refund of {number} confirmed: {ref}</source>
        <translation>{number} 的{tender}退款已确认：{ref}</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="175" />
        <source>Still not printed: {why}</source>
        <translation>仍未打印：{why}</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="177" />
        <source>Printed again: {n} document(s)</source>
        <translation>已重新打印 {n} 份单据</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="211" />
        <source>Record terminal reference (F11)</source>
        <translation>录入刷卡机参考号 (F11)</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="212" />
        <source>Print kept papers again (F3)</source>
        <translation>重发未打印单据 (F3)</translation>
    </message>
    <message>
        <location filename="../work/wt/counter-print/app/ui/pages/completed.py" line="213" />
        <source>Payment terminal's refund reference (scan or type)</source>
        <translation>刷卡机退款参考号（扫码或输入）</translation>
    </message>
</context>
</TS>