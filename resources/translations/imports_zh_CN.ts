<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="83" />
        <source>Import sales from the till</source>
        <translation>从收银系统导入销售</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="84" />
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="85" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="86" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="86" />
        <source>Why it was rejected</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="89" />
        <source>Returns Desk JSON Lines</source>
        <translation>售后服务台 JSON Lines</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="95" />
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="98" />
        <source>The till's export</source>
        <translation>收银系统导出文件</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="99" />
        <source>Till exports (*.csv *.tsv *.txt *.jsonl)</source>
        <translation>收银导出文件 (*.csv *.tsv *.txt *.jsonl)</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="118" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="135" />
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/pages/imports.py" line="139" />
        <source>%1 sales imported, %2 already there, %3 rows rejected.</source>
        <translation>已导入 %1 张小票，%2 张原已存在，拒绝 %3 行。</translation>
    </message>
    <message>
        <location filename="../work/wt/ship-import/app/ui/shell/menus.py" line="86" />
        <source>Import sales from the till…</source>
        <translation>从收银系统导入销售…</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
</context>
</TS>