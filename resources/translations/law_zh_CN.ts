<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Words</name>
    <message>
        <source>Food sold expired or spoiled</source>
        <translation>过期变质食品</translation>
    </message>
    <message>
        <source>Accessories missing</source>
        <translation>配件不全</translation>
    </message>
    <message>
        <source>food-safety compensation</source>
        <translation>食品安全赔偿金</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <source>customer may choose (M): {choices}</source>
        <translation>顾客可选（M）：{choices}</translation>
    </message>
    <message>
        <source>compensation {amount}</source>
        <translation>赔偿金 {amount}</translation>
    </message>
    <message>
        <source>Food-safety compensation (not a refund): {amount} by {tender}</source>
        <translation>食品安全赔偿金（不是退款）：{amount}，{tender}支付</translation>
    </message>
    <message>
        <source>Invoice issued: a red-letter credit invoice is due for {amount}</source>
        <translation>原单已开发票：应开红字发票 {amount}</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <source>Outcome (M)</source>
        <translation>处理结果（M）</translation>
    </message>
    <message>
        <source>{outcome} (customer&apos;s choice)</source>
        <translation>{outcome}（顾客选择）</translation>
    </message>
</context>
<context>
    <name>ClaimEvidence</name>
    <message>
        <source>Expiry on the pack</source>
        <translation>包装上的保质期</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>e.g. 2026-11-30</source>
        <translation>例如 2026-11-30</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Keys: digits / + − qty · Space all · R reason · C condition · O override · M customer&apos;s choice · Esc next customer</source>
        <translation>按键：数字 / + − 数量 · 空格 全退 · R 原因 · C 状态 · O 特批 · M 顾客选择 · Esc 下一位</translation>
    </message>
</context>
</TS>
