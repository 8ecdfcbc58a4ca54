<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Completion</name>
    <message>
        <location filename="../../app/ui/shell/completion.py" line="91" />
        <source>Return {number}: printing again.</source>
        <translation>退货单 {number}：正在重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/completion.py" line="106" />
        <source>Exchange {number} completed.</source>
        <translation>换货单 {number} 已完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/completion.py" line="109" />
        <source>Exchange {number} completed. Refund {amount}</source>
        <translation>换货单 {number} 已完成。退款 {amount}</translation>
    </message>
    </context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell/window.py" line="109" />
        <source>{name} ({sku}) is a product, not a receipt. F5: return it without a receipt.</source>
        <translation>{name}（{sku}）是商品条码，不是小票。按 F5 无小票退货。</translation>
    </message>
    </context>
<context>
    <name>NoReceiptPage</name>
    <message>
        <location filename="../../app/ui/pages/no_receipt.py" line="194" />
        <source>Press F9 (or Ctrl+Enter) to complete the return.</source>
        <translation>按 F9（或 Ctrl+回车）完成退货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/no_receipt.py" line="227" />
        <source>Complete (F9)</source>
        <translation>完成 (F9)</translation>
    </message>
    </context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/preview.py" line="190" />
        <source>Exchange slip</source>
        <translation>换货单</translation>
    </message>
    </context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="31" />
        <source>Return slip</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="32" />
        <source>Return slip (shop copy)</source>
        <translation>退货单（存根联）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="33" />
        <location filename="../../app/ui/shell/printing.py" line="117" />
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="34" />
        <source>Store credit</source>
        <translation>储值凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="35" />
        <source>End-of-day report</source>
        <translation>日结报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="36" />
        <source>Policy notice</source>
        <translation>退换货政策公告</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/printing.py" line="119" />
        <source>{title} did not print: {why} The return itself is complete; F3 on its page sends the kept papers again, F7 prints them all again.</source>
        <translation>{title} 没有打印出来：{why} 退货本身已完成；在退货单页面按 F3 重发未打印单据，按 F7 全部重新打印。</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../app/ui/pages/receipt.py" line="225" />
        <source>Receipt {no} changed at another till since it was scanned: what is left to return is updated, check what comes back.</source>
        <translation>小票 {no} 扫描后已在其他收银台退过货：可退数量已更新，请核对本次退回的商品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/receipt.py" line="236" />
        <source>Press F9 (or Ctrl+Enter) to complete the return.</source>
        <translation>按 F9（或 Ctrl+回车）完成退货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/receipt.py" line="241" />
        <source>Line {no} can never be returned: no supervisor may override it.</source>
        <translation>第 {no} 行商品不可退换：主管也不能特批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/receipt.py" line="280" />
        <source>Complete (F9)</source>
        <translation>完成 (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/exchange_panel.py" line="80" />
        <source>Same item (F3)</source>
        <translation>换同款 (F3)</translation>
    </message>
    </context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../app/ui/pages/completed.py" line="147" />
        <source>Print again (F7)</source>
        <translation>重新打印 (F7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/completed.py" line="148" />
        <source>Preview (F8)</source>
        <translation>预览 (F8)</translation>
    </message>
    </context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/approval.py" line="127" />
        <source>{name} cannot approve this: scan a supervisor's staff card.</source>
        <translation>{name} 不能审批：请扫描主管的工牌。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/approval.py" line="130" />
        <source>“{code}” is not a staff card: scan the supervisor's card, or pick them with a digit, then type the PIN.</source>
        <translation>“{code}”不是工牌：请扫描主管工牌，或按数字键选择主管，然后输入密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/approval.py" line="179" />
        <source>Supervisor (scan the staff card, or a digit)</source>
        <translation>主管（扫工牌或按数字键）</translation>
    </message>
    </context>
<context>
    <name>MemberPage</name>
    <message>
        <source>a name (pinyin), then Enter</source>
        <translation>输入姓名（拼音），回车</translation>
    </message>
    <message>
        <source>card number, phone (or its last 4 digits), or F4 for a name, then Enter</source>
        <translation>会员卡号、手机号（或后4位），按 F4 输入姓名，回车</translation>
    </message>
    <message>
        <source>Type a name (F4)</source>
        <translation>输入姓名 (F4)</translation>
    </message>
    <message>
        <source>Turns the input method on for one name; a scanner's codes need it off</source>
        <translation>为输入一个姓名打开输入法；扫码时输入法须关闭</translation>
    </message>
</context>
</TS>
