<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Agrees to a call</source>
        <translation>同意回访</translation>
    </message>
    <message>
        <source>No calls, please</source>
        <translation>不接受回访</translation>
    </message>
    <message>
        <source>Receipt / return slip (scan)</source>
        <translation>小票 / 退货单（扫码）</translation>
    </message>
    <message>
        <source>Channel (F5)</source>
        <translation>渠道 (F5)</translation>
    </message>
    <message>
        <source>Type (F6)</source>
        <translation>类型 (F6)</translation>
    </message>
    <message>
        <source>Severity (F7)</source>
        <translation>级别 (F7)</translation>
    </message>
    <message>
        <source>Follow-up call (F8)</source>
        <translation>回访 (F8)</translation>
    </message>
    <message>
        <source>Phone (not a member)</source>
        <translation>电话（非会员）</translation>
    </message>
    <message>
        <source>What happened (Enter saves)</source>
        <translation>顾客反映的问题（回车保存）</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>接触次数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Major complaints for the owner: {list}</source>
        <translation>重大投诉，请店长处理：{list}</translation>
    </message>
    <message>
        <source>OVERDUE {time}</source>
        <translation>已逾期 {time}</translation>
    </message>
    <message>
        <source>Complaints · {open} open, {late} overdue</source>
        <translation>投诉 · 处理中 {open} 件，逾期 {late} 件</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>处理进展</translation>
    </message>
    <message>
        <source>Why did the customer come back?</source>
        <translation>顾客为什么再次反映？</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <source>New complaint (Shift+F3)</source>
        <translation>新建投诉 (Shift+F3)</translation>
    </message>
    <message>
        <source>Note (F7)</source>
        <translation>备注 (F7)</translation>
    </message>
    <message>
        <source>Resolve (F8)</source>
        <translation>处理完毕 (F8)</translation>
    </message>
    <message>
        <source>Reopen (F9)</source>
        <translation>重新打开 (F9)</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>After</source>
        <translation>起因</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>已拨次数</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Follow-up calls · {n} to make</source>
        <translation>回访 · 待拨 {n} 个</translation>
    </message>
    <message>
        <source>{number}: {outcome}{rating}.</source>
        <translation>{number}：{outcome}{rating}。</translation>
    </message>
    <message>
        <source>Show number (F4)</source>
        <translation>显示号码 (F4)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Solved (F7)</source>
        <translation>已解决 (F7)</translation>
    </message>
    <message>
        <source>NOT solved (F8)</source>
        <translation>未解决 (F8)</translation>
    </message>
    <message>
        <source>No answer (F9)</source>
        <translation>无人接听 (F9)</translation>
    </message>
    <message>
        <source>Wrong number (F10)</source>
        <translation>号码错误 (F10)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>回访</translation>
    </message>
    </context>
<context>
    <name>RatingBar</name>
    <message>
        <source>Customer's rating:</source>
        <translation>顾客评价：</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve {number}</source>
        <translation>处理投诉 {number}</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Agrees to a call</source>
        <translation>同意回访</translation>
    </message>
    <message>
        <source>No calls, please</source>
        <translation>不接受回访</translation>
    </message>
    <message>
        <source>Category (F5)</source>
        <translation>处理类别 (F5)</translation>
    </message>
    <message>
        <source>Follow-up call (F8)</source>
        <translation>回访 (F8)</translation>
    </message>
    <message>
        <source>What was done (Enter saves)</source>
        <translation>处理结果（回车保存）</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>Call back: yes (Ctrl+5)</source>
        <translation>同意回访 (Ctrl+5)</translation>
    </message>
    <message>
        <source>No calls (Ctrl+6)</source>
        <translation>不回访 (Ctrl+6)</translation>
    </message>
    <message>
        <source>Follow-up call due {due}.</source>
        <translation>回访时间：{due}。</translation>
    </message>
    <message>
        <source>Rating recorded: {level}.</source>
        <translation>已记录评价：{level}。</translation>
    </message>
    </context>
<context>
    <name>ServiceLoop</name>
    <message>
        <source>Complaint {number} logged; respond by {due}.</source>
        <translation>投诉 {number} 已登记，请在 {due} 前答复。</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>售后(&amp;V)</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Suggestion box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <source>Refund / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <source>Compensated</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Service improved</source>
        <translation>改进服务</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>投诉不成立</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>差</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
</context>
</TS>