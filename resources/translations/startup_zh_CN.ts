<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../app/ui/pages/signin.py" line="129"/>
        <source>Opening the shop… signing in when ready.</source>
        <translation>正在打开门店…… 打开后即登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/signin.py" line="156"/>
        <source>Opening the shop…</source>
        <translation>正在打开门店数据库……</translation>
    </message>
</context>
</TS>
