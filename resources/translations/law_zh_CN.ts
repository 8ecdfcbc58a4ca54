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
</context>
</TS>
