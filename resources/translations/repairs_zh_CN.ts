<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareChecks</name>
    <message>
        <location filename="../../app/ui/widgets/care_checks.py" line="32" />
        <source>Careful: {product} contains {allergens} — the member is allergic to it.</source>
        <translation>注意：{product} 含有{allergens}，该会员对此过敏。</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <location filename="../../app/ui/pages/code.py" line="74" />
        <source>Type the purchase amount in yuan, e.g. 35.50.</source>
        <translation>请输入购物金额（元），例如 35.50。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/code.py" line="83" />
        <source>{off} taken off: the customer pays {pay}.</source>
        <translation>已抵扣 {off}，顾客还需支付 {pay}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/code.py" line="123" />
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/code.py" line="124" />
        <source>Used / voided</source>
        <translation>使用/作废时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/code.py" line="126" />
        <source>&amp;Purchase ¥</source>
        <translation>购物金额 ¥(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/code.py" line="127" />
        <source>Redeem (Ctrl+R)</source>
        <translation>核销 (Ctrl+R)</translation>
    </message>
    </context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell/window.py" line="190" />
        <source>Repair tickets</source>
        <translation>维修单</translation>
    </message>
</context>
<context>
    <name>MemberBanner</name>
    <message>
        <location filename="../../app/ui/widgets/member_banner.py" line="32" />
        <source>Please note: {note}</source>
        <translation>请注意：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/member_banner.py" line="34" />
        <source>Allergies: {list}</source>
        <translation>过敏：{list}</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <location filename="../../app/ui/pages/member.py" line="51" />
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="51" />
        <source>Worth</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="52" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="53" />
        <source>Ticket</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="53" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="54" />
        <source>Taken in</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="55" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="55" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="55" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="146" />
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="190" />
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="190" />
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="191" />
        <source>Follow-ups and ratings</source>
        <translation>回访与评价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/member.py" line="204" />
        <source>Special &amp;needs (Enter saves):</source>
        <translation>特殊需求(&amp;N)（回车保存）：</translation>
    </message>
</context>
<context>
    <name>RepairTicketDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="71" />
        <source>New repair ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="72" />
        <source>Repair ticket {number}</source>
        <translation>维修单 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="73" />
        <source>Product barcode</source>
        <translation>商品条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="73" />
        <source>Serial no.</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="73" />
        <source>Fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="74" />
        <source>Accessories taken in</source>
        <translation>随附配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="74" />
        <source>Member card</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="75" />
        <source>Phone to call</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="80" />
        <source>The customer agrees to a follow-up call after collecting it</source>
        <translation>顾客同意取件后接受回访电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/repair_ticket.py" line="75" />
        <source>Receipt (if any)</source>
        <translation>原小票（如有）</translation>
    </message>
</context>
<context>
    <name>RepairsPage</name>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="140" />
        <source>Rating recorded: {level}.</source>
        <translation>已记录评价：{level}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="53" />
        <source>Ticket</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="53" />
        <location filename="../../app/ui/pages/repairs.py" line="179" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="53" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="54" />
        <location filename="../../app/ui/pages/repairs.py" line="180" />
        <source>Ready by</source>
        <translation>承诺取件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="108" />
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="119" />
        <source>Ticket {n}: {s}.</source>
        <translation>维修单 {n}：{s}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="143" />
        <location filename="../../app/ui/pages/repairs.py" line="159" />
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="158" />
        <source>Repair ticket {number}</source>
        <translation>维修单 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="163" />
        <source>not yet</source>
        <translation>尚未通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="169" />
        <source>{n} earlier repair(s)</source>
        <translation>此前维修 {n} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="179" />
        <source>Serial no.</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="179" />
        <source>Fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="179" />
        <source>Accessories taken in</source>
        <translation>随附配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="180" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="180" />
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="180" />
        <source>Taken in</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="181" />
        <source>Customer told</source>
        <translation>已通知顾客</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="181" />
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="183" />
        <source>Sent off (Ctrl+1)</source>
        <translation>已送修 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="183" />
        <source>Fixed (Ctrl+2)</source>
        <translation>修回：已修好 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="184" />
        <source>Not fixed (Ctrl+3)</source>
        <translation>修回：未修好 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="184" />
        <source>Told (Ctrl+4)</source>
        <translation>已通知顾客 (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="185" />
        <source>Collected (Ctrl+5)</source>
        <translation>顾客已取回 (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="185" />
        <source>Print (F7)</source>
        <translation>打印维修单 (F7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="186" />
        <source>Details (Ctrl+E)</source>
        <translation>填写详情 (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="186" />
        <source>New ticket (Ctrl+N)</source>
        <translation>新建维修单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/repairs.py" line="188" />
        <source>Open repair tickets (Enter opens one):</source>
        <translation>未完成的维修单（回车打开）：</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/ui/words.py" line="115" />
        <source>Taken in</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="116" />
        <source>Sent to supplier</source>
        <translation>已送修</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="117" />
        <source>Back from repair</source>
        <translation>已修回</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="118" />
        <source>Collected</source>
        <translation>顾客已取回</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="119" />
        <source>Replaced</source>
        <translation>已换新</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="120" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="123" />
        <source>Fixed</source>
        <translation>已修好</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="124" />
        <source>Not fixed</source>
        <translation>未修好</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="127" />
        <source>Peanut</source>
        <translation>花生</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="128" />
        <source>Tree nuts</source>
        <translation>坚果</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="129" />
        <source>Milk</source>
        <translation>牛奶</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="130" />
        <source>Egg</source>
        <translation>鸡蛋</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="131" />
        <source>Gluten</source>
        <translation>麸质</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="132" />
        <source>Soy</source>
        <translation>大豆</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="133" />
        <source>Seafood</source>
        <translation>海鲜</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="134" />
        <source>Sesame</source>
        <translation>芝麻</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../app/ui/shell/print_menu.py" line="70" />
        <source>(no faulty goods set aside)</source>
        <translation>（没有待退供应商的质量问题商品）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/print_menu.py" line="95" />
        <source>Return-to-supplier claim sheet</source>
        <translation>供应商退货索赔单</translation>
    </message>
</context>
</TS>