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
</TS>
