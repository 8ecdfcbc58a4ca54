<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChosenModel</name>
    <message>
        <location filename="../../app/ui/products.py" line="102"/>
        <location filename="../../app/ui/products.py" line="104"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="102"/>
        <location filename="../../app/ui/products.py" line="104"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="102"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="102"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="104"/>
        <source>Reason (R)</source>
        <translation>原因 (R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="104"/>
        <source>Condition (C)</source>
        <translation>状态 (C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="105"/>
        <source>Catalogue price</source>
        <translation>目录价</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="105"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <location filename="../../app/ui/code_page.py" line="69"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="71"/>
        <source>anyone</source>
        <translation>不限会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="93"/>
        <source>Worth</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="93"/>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="94"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="94"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_page.py" line="96"/>
        <source>Print again (F7)</source>
        <translation>重新打印 (F7)</translation>
    </message>
</context>
<context>
    <name>Completion</name>
    <message>
        <location filename="../../app/ui/completion.py" line="61"/>
        <source>Return {number} completed. Refund {amount}</source>
        <translation>退货单 {number} 已完成，退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/completion.py" line="64"/>
        <source> to {tenders}</source>
        <translation>，退回：{tenders}</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../app/ui/receipt_table.py" line="175"/>
        <source>Line {no}</source>
        <translation>第 {no} 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_table.py" line="193"/>
        <source>&amp;Qty</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_table.py" line="194"/>
        <source>Rea&amp;son</source>
        <translation>原因(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_table.py" line="195"/>
        <source>Con&amp;dition</source>
        <translation>状态(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_table.py" line="196"/>
        <source>Supervisor override (&amp;O)</source>
        <translation>主管特批 (&amp;O)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="204"/>
        <source>Signed in as {name}.</source>
        <translation>已登录：{name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="261"/>
        <source>Returns Desk</source>
        <translation>售后服务台</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="263"/>
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="264"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="265"/>
        <source>Next customer</source>
        <translation>下一位顾客</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="266"/>
        <source>Go to the scan field</source>
        <translation>回到扫码框</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="267"/>
        <source>Lock the counter</source>
        <translation>锁定柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="268"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="269"/>
        <source>Lock (F12)</source>
        <translation>锁屏 (F12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="270"/>
        <source>&amp;Code:</source>
        <translation>条码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="271"/>
        <source>Scan or type a receipt, card, coupon or return number, then Enter</source>
        <translation>扫描或输入小票号、会员卡号、券码或退货单号，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="275"/>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <location filename="../../app/ui/member_page.py" line="39"/>
        <source>Card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="39"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="49"/>
        <location filename="../../app/ui/member_page.py" line="52"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="49"/>
        <location filename="../../app/ui/member_page.py" line="51"/>
        <location filename="../../app/ui/member_page.py" line="53"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="49"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="50"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="51"/>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="51"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="51"/>
        <location filename="../../app/ui/member_page.py" line="54"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="52"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="53"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="53"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="54"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="95"/>
        <source>No member matches “{text}”.</source>
        <translation>没有与“{text}”相符的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="97"/>
        <source>{n} member(s) found.</source>
        <translation>找到 {n} 位会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="136"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; · card {card} · {phone} · {tier} · {points} points</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · 卡号 {card} · {phone} · {tier} · 积分 {points}</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="139"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="154"/>
        <source>Purchases</source>
        <translation>近期购物</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="154"/>
        <source>Returns</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="154"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="170"/>
        <source>&amp;Find member:</source>
        <translation>查找会员(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="171"/>
        <source>card number, phone (or its last 4 digits) or name, then Enter</source>
        <translation>会员卡号、手机号（或后4位）或姓名，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/member_page.py" line="172"/>
        <source>Enter on a purchase opens its receipt, as if it had been scanned.</source>
        <translation>在购物记录上按回车，即打开该小票（与扫码相同）。</translation>
    </message>
</context>
<context>
    <name>NoReceiptPage</name>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="110"/>
        <source>No member with card or phone “{text}”.</source>
        <translation>没有卡号或手机号为“{text}”的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="112"/>
        <source>{n} members match: type the full card number or phone.</source>
        <translation>有 {n} 位会员相符，请输入完整卡号或手机号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="122"/>
        <source>{name} {phone} · {tier}</source>
        <translation>{name} {phone} · {tier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="123"/>
        <source>not identified yet</source>
        <translation>尚未确认顾客身份</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="149"/>
        <source>Scan the goods or type a barcode or name above.</source>
        <translation>请扫描商品，或在上方输入条码或品名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="168"/>
        <source>Add the goods the customer brought back.</source>
        <translation>请先添加顾客带回的商品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="172"/>
        <source>Identify the customer first (member card or phone): without it nothing can be taken back.</source>
        <translation>请先确认顾客身份（会员卡或手机号）：否则无法退货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="191"/>
        <source>Return without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="192"/>
        <source>Store credit only, valued at the lowest price of the last 30 days, at most ¥200; the customer must be identified and a supervisor approves.</source>
        <translation>只退储值凭证，按近30天最低售价计，每次最多¥200；须确认顾客身份并经主管审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="194"/>
        <source>&amp;Member card or phone:</source>
        <translation>会员卡或手机(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="195"/>
        <source>scan the card or type the phone, Enter</source>
        <translation>扫会员卡或输入手机号，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="196"/>
        <source>&amp;Goods:</source>
        <translation>商品(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="197"/>
        <source>scan or type a barcode or name, Enter</source>
        <translation>扫条码或输入条码/品名，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="198"/>
        <source>Complete (Enter)</source>
        <translation>完成 (回车)</translation>
    </message>
    <message>
        <location filename="../../app/ui/no_receipt_page.py" line="199"/>
        <source>Keys: + − qty · R reason · C condition · Delete removes · Esc next customer</source>
        <translation>按键：+ − 数量 · R 原因 · C 状态 · Delete 删除 · Esc 下一位</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../app/ui/pages.py" line="38"/>
        <source>No receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages.py" line="39"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../app/ui/preview.py" line="130"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="166"/>
        <source>Return slip</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="166"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="166"/>
        <source>Store credit</source>
        <translation>储值凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="169"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="170"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="171"/>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>另存为 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="172"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="252"/>
        <source>End-of-day report</source>
        <translation>日结报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="252"/>
        <source>Policy notice</source>
        <translation>政策公示</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="256"/>
        <source>shop copy</source>
        <translation>存根联</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="258"/>
        <source>Shop copy (F4)</source>
        <translation>存根联 (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/preview.py" line="259"/>
        <source>Show the shop's copy with the customer's signature line; Print and Save then take that copy</source>
        <translation>显示带顾客签名栏的存根联；打印和另存为 PDF 将使用这一联</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../app/ui/print_menu.py" line="80"/>
        <source>Documents now print on {paper} paper.</source>
        <translation>单据现在打印在 {paper} 纸上。</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_menu.py" line="90"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_menu.py" line="91"/>
        <source>End-of-day report (today)</source>
        <translation>日结报表（今天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_menu.py" line="92"/>
        <source>Returns policy notice</source>
        <translation>退换货政策公示</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_menu.py" line="93"/>
        <source>Paper</source>
        <translation>打印纸</translation>
    </message>
</context>
<context>
    <name>ProductSearch</name>
    <message>
        <location filename="../../app/ui/products.py" line="205"/>
        <source>No product matches “{text}”.</source>
        <translation>没有与“{text}”相符的商品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="215"/>
        <source>Pick the product</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/products.py" line="216"/>
        <source>Several products match “{text}”:</source>
        <translation>有多个商品与“{text}”相符：</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="92"/>
        <location filename="../../app/ui/quote_panel.py" line="112"/>
        <source>Refund</source>
        <translation>应退金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="109"/>
        <source>Customer pays</source>
        <translation>顾客补差价</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="116"/>
        <source>Back to: {tenders}</source>
        <translation>退回：{tenders}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="120"/>
        <source>Paid by coupon, not refunded: {amount}</source>
        <translation>优惠券抵扣部分不退：{amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="123"/>
        <source>Points to reverse: {points}</source>
        <translation>扣回积分：{points}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="126"/>
        <source>Goodwill coupon: {value} off {spend}, {days} days</source>
        <translation>补偿券：满{spend}减{value}，{days}天内有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="129"/>
        <source>Goods going out: {total}</source>
        <translation>换出商品：{total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="130"/>
        <source>Worth of goods coming back: {credit}</source>
        <translation>退回商品价值：{credit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="133"/>
        <source>Price difference: the customer pays {amount}</source>
        <translation>差价：顾客补 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="136"/>
        <source>Price difference: refund {amount} to the customer</source>
        <translation>差价：退给顾客 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="139"/>
        <source>No price difference</source>
        <translation>无差价</translation>
    </message>
    <message>
        <location filename="../../app/ui/quote_panel.py" line="143"/>
        <source>Needs a supervisor: {reasons}</source>
        <translation>需要主管审批：{reasons}</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="162"/>
        <source>#</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="162"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="162"/>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="162"/>
        <source>Ret&apos;d</source>
        <translation>已退</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="162"/>
        <source>Left</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="163"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="163"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="163"/>
        <source>Back</source>
        <translation>本次退</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="163"/>
        <source>Reason (R)</source>
        <translation>原因 (R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="164"/>
        <source>Condition (C)</source>
        <translation>状态 (C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="164"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="164"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="167"/>
        <source>Already returned earlier</source>
        <translation>之前已退的数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="167"/>
        <source>Still returnable</source>
        <translation>还可以退的数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="168"/>
        <source>What the line netted after every discount (not today&apos;s price)</source>
        <translation>该行扣除所有优惠后的实付金额（不是今天的价格）</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="169"/>
        <source>How many come back now: digits, + and −, Space for all</source>
        <translation>本次退回数量：数字键、+ 和 −，空格键全退</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="200"/>
        <source>{qty} × {price}, line discount {discount}</source>
        <translation>{qty} × {price}，行优惠 {discount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="239"/>
        <source>{outcome} (override)</source>
        <translation>{outcome}（特批）</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="244"/>
        <source>Final sale</source>
        <translation>清仓</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="246"/>
        <source>Promo: {group}</source>
        <translation>促销：{group}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_model.py" line="248"/>
        <source>Warranty to {date}</source>
        <translation>保修至 {date}</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="146"/>
        <source>Everything on receipt {no} has already been returned.</source>
        <translation>小票 {no} 上的商品已全部退过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="155"/>
        <source>&lt;b&gt;Receipt {no}&lt;/b&gt;</source>
        <translation>&lt;b&gt;小票 {no}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="157"/>
        <source>Till {till}</source>
        <translation>收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="158"/>
        <source>Cashier {cashier}</source>
        <translation>收银员 {cashier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="159"/>
        <source>Paid {total}</source>
        <translation>实付 {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="163"/>
        <source>Member {name} {phone} · {tier} · {points} points</source>
        <translation>会员 {name} {phone} · {tier} · 积分 {points}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="166"/>
        <source>No member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="168"/>
        <source>Earlier returns: {numbers}</source>
        <translation>之前的退货：{numbers}</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="198"/>
        <source>{amount} as store credit</source>
        <translation>其中 {amount} 转为储值凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="211"/>
        <source>Choose what comes back: ↑↓ pick a line, Space takes all of it (or a digit for how many).</source>
        <translation>请选择要退的商品：↑↓ 选行，空格键全退（或按数字键输入数量）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="264"/>
        <source>Pick at least one item to return.</source>
        <translation>请至少选择一件要退的商品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="293"/>
        <source>Keys: digits / + − qty · Space all · R reason · C condition · O override · Esc next customer</source>
        <translation>按键：数字 / + − 数量 · 空格 全退 · R 原因 · C 状态 · O 特批 · Esc 下一位</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="295"/>
        <source>Exchange: goods going out</source>
        <translation>换货：换出的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="296"/>
        <source>Scan or type a barcode or name, Enter</source>
        <translation>扫条码或输入条码/品名，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="297"/>
        <source>Same item (F9)</source>
        <translation>换同款 (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="330"/>
        <source>Customer pays the difference &amp;by</source>
        <translation>顾客补差价方式(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="298"/>
        <source>Exchange (F8)</source>
        <translation>换货 (F8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="299"/>
        <source>Cash in dra&amp;wer ¥</source>
        <translation>钱箱现金(&amp;W) ¥</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="300"/>
        <source>enough</source>
        <translation>足够</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_page.py" line="302"/>
        <source>Complete (Enter)</source>
        <translation>完成 (回车)</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../app/ui/return_page.py" line="35"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="35"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="35"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="35"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="36"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="75"/>
        <source>{kind} {number} · {status}</source>
        <translation>{kind} {number} · {status}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="77"/>
        <source>Clerk {name}</source>
        <translation>店员 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="79"/>
        <source>Approved by {name}</source>
        <translation>审批主管 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="82"/>
        <source>Receipt {no}</source>
        <translation>小票 {no}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="83"/>
        <source>No receipt</source>
        <translation>无小票</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="91"/>
        <source>Exchange goods</source>
        <translation>换出商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="94"/>
        <source>Refund {amount}</source>
        <translation>退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="98"/>
        <source>Price difference {amount}</source>
        <translation>差价 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="100"/>
        <source>Points reversed {points}</source>
        <translation>扣回积分 {points}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="102"/>
        <source>Coupon {code}</source>
        <translation>优惠券 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="104"/>
        <source>Store-credit voucher {code}</source>
        <translation>储值凭证号 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="121"/>
        <source>Void return {number}: money, points and codes are reversed. A supervisor&apos;s PIN is needed.</source>
        <translation>作废退货单 {number}：退款、积分和券码都将撤回。需要主管输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="129"/>
        <source>Return {number} is void.</source>
        <translation>退货单 {number} 已作废。</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="148"/>
        <source>Reprint (F7)</source>
        <translation>补打 (F7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_page.py" line="149"/>
        <source>Void (F10)</source>
        <translation>作废 (F10)</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../app/ui/signin.py" line="117"/>
        <source>Pick a user.</source>
        <translation>请选择用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="133"/>
        <source>Counter locked — sign in to continue</source>
        <translation>柜台已锁定——请登录后继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="134"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="135"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="136"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="137"/>
        <source>Sign in (Enter)</source>
        <translation>登录 (回车)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="138"/>
        <source>4–6 digits</source>
        <translation>4–6 位数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="117"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../app/ui/approval.py" line="98"/>
        <source>No other supervisor can approve this.</source>
        <translation>没有其他主管可以审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="101"/>
        <source>Type the supervisor&apos;s PIN.</source>
        <translation>请输入主管的 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="125"/>
        <source>Supervisor approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="126"/>
        <source>A supervisor must approve this return.</source>
        <translation>此退货需要主管审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="128"/>
        <source>Why: {reasons}</source>
        <translation>原因：{reasons}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="131"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="132"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="133"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="134"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="135"/>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="140"/>
        <source>Approve (Enter)</source>
        <translation>批准 (回车)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval.py" line="141"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/window.py" line="45"/>
        <source>Scan the customer&apos;s receipt, member card, coupon or return slip.
F5 return without a receipt · F6 find a member · F12 lock</source>
        <translation>请扫描顾客的小票、会员卡、优惠券或退货单。
F5 无小票退货 · F6 查找会员 · F12 锁屏</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/ui/words.py" line="11"/>
        <source>Changed mind</source>
        <translation>不想要了（无理由）</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="12"/>
        <source>Quality fault</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="13"/>
        <source>Wrong item sold</source>
        <translation>错发商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="14"/>
        <source>Damaged at sale</source>
        <translation>售出时已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="17"/>
        <source>Unopened</source>
        <translation>未拆封</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="18"/>
        <source>Opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="19"/>
        <source>Used / damaged</source>
        <translation>已使用/损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="22"/>
        <source>Standard</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="23"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="24"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="25"/>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="28"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="29"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="30"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="31"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="32"/>
        <location filename="../../app/ui/words.py" line="65"/>
        <source>Store credit</source>
        <translation>储值凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="33"/>
        <location filename="../../app/ui/words.py" line="64"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="36"/>
        <source>Refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="37"/>
        <source>Exchange only</source>
        <translation>只能换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="38"/>
        <source>Store credit only</source>
        <translation>只退储值凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="39"/>
        <source>Repair ticket only</source>
        <translation>只能开维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="40"/>
        <source>Refused (supervisor may override)</source>
        <translation>不予退换（主管可特批）</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="41"/>
        <source>Refused</source>
        <translation>不予退换</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="44"/>
        <source>refund over the limit</source>
        <translation>退款金额超过上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="45"/>
        <source>3 or more returns in 30 days</source>
        <translation>顾客30天内退货3次及以上</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="46"/>
        <source>no receipt</source>
        <translation>无小票</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="47"/>
        <source>override of a refusal</source>
        <translation>特批被拒的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="50"/>
        <source>Goodwill</source>
        <translation>善意补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="51"/>
        <source>Store error</source>
        <translation>门店差错</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="52"/>
        <source>Quality dispute</source>
        <translation>质量争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="53"/>
        <location filename="../../app/ui/words.py" line="87"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="56"/>
        <source>General</source>
        <translation>一般商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="57"/>
        <source>Fresh</source>
        <translation>生鲜</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="58"/>
        <source>Appliance</source>
        <translation>家电（三包）</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="59"/>
        <source>Personal care</source>
        <translation>个人护理</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="60"/>
        <source>Customized</source>
        <translation>定制商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="61"/>
        <source>Non-returnable</source>
        <translation>不可退商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="68"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="69"/>
        <source>Redeemed</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="70"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="71"/>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="72"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="73"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="74"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="75"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="76"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="79"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="80"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="83"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="84"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="85"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="86"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="90"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="91"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="92"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="95"/>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="96"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="97"/>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
</context>
</TS>
