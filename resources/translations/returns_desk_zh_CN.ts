<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="203"/>
        <source>Signed in as {name}.</source>
        <translation>已登录：{name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="260"/>
        <source>Returns Desk</source>
        <translation>售后服务台</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="262"/>
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="263"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="264"/>
        <source>Next customer</source>
        <translation>下一位顾客</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="265"/>
        <source>Go to the scan field</source>
        <translation>回到扫码框</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="266"/>
        <source>Lock the counter</source>
        <translation>锁定柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="267"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="268"/>
        <source>Lock (F12)</source>
        <translation>锁屏 (F12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="269"/>
        <source>&amp;Code:</source>
        <translation>条码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="270"/>
        <source>Scan or type a receipt, card, coupon or return number, then Enter</source>
        <translation>扫描或输入小票号、会员卡号、券码或退货单号，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="274"/>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
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
    <name>SignInPage</name>
    <message>
        <location filename="../../app/ui/signin.py" line="116"/>
        <source>Pick a user.</source>
        <translation>请选择用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="132"/>
        <source>Counter locked — sign in to continue</source>
        <translation>柜台已锁定——请登录后继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="133"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="134"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="135"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="136"/>
        <source>Sign in (Enter)</source>
        <translation>登录 (回车)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="137"/>
        <source>4–6 digits</source>
        <translation>4–6 位数字</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/window.py" line="43"/>
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
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="84"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="85"/>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
</context>
</TS>
