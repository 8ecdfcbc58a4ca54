<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="16"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="16"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="17"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="17"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="18"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="18"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="62"/>
        <source>The trail is whole: {count} entries, each chained to the one before. Head {head}.</source>
        <translation>审计记录完整：共 {count} 条，每条都与前一条链接。链头 {head}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="66"/>
        <source>The trail was tampered with: {why}</source>
        <translation>审计记录被篡改：{why}</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="23"/>
        <source>Nationwide rules</source>
        <translation>全国规定</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="24"/>
        <source>Shanghai</source>
        <translation>上海</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="25"/>
        <source>Zhejiang</source>
        <translation>浙江</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="26"/>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="27"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="28"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="29"/>
        <source>Region (legal rules)</source>
        <translation>地区（适用的法规）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="30"/>
        <source>Owner&apos;s user name</source>
        <translation>店长用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="31"/>
        <source>Owner&apos;s name</source>
        <translation>店长姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="32"/>
        <source>Owner&apos;s PIN (6+ digits)</source>
        <translation>店长 PIN（至少 6 位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="33"/>
        <source>PIN again</source>
        <translation>再输一次 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="96"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 不一样。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="112"/>
        <location filename="../../app/ui/pages/setup.py" line="113"/>
        <source>Set up the shop</source>
        <translation>设置门店</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="118"/>
        <source>Set up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="119"/>
        <source>I have written it down</source>
        <translation>我已抄下</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="120"/>
        <source>The owner&apos;s recovery code, shown only this once. Write it down and keep it away from the till: it unlocks the owner&apos;s account if the PIN is lost (returns-desk unlock).</source>
        <translation>店长恢复码，只显示这一次。请抄下来，与收银机分开保管：PIN 忘记或账户被锁定时，可用它解锁店长账户（returns-desk unlock）。</translation>
    </message>
</context>
<context>
    <name>ShopMenu</name>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="62"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="62"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="77"/>
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="93"/>
        <source>&amp;Shop</source>
        <translation>门店(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="94"/>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="95"/>
        <source>Audit trail…</source>
        <translation>审计记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/admin_menu.py" line="96"/>
        <source>Change my PIN…</source>
        <translation>更改我的 PIN…</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="63"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="64"/>
        <source>Name on screen</source>
        <translation>屏幕显示的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="65"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="66"/>
        <source>First PIN</source>
        <translation>初始 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="67"/>
        <source>PIN again</source>
        <translation>再输一次 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="72"/>
        <location filename="../../app/ui/dialogs/user_form.py" line="96"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 不一样。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="78"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="88"/>
        <source>Current PIN</source>
        <translation>当前 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="89"/>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="90"/>
        <source>New PIN again</source>
        <translation>再输一次新 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/user_form.py" line="102"/>
        <source>New PIN for {who}</source>
        <translation>{who} 的新 PIN</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/pages/users.py" line="18"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="18"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="19"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="19"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="20"/>
        <location filename="../../app/ui/pages/users.py" line="23"/>
        <source>Staff card</source>
        <translation>员工卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="21"/>
        <source>Add a user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="21"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="22"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="22"/>
        <source>Reset PIN…</source>
        <translation>重置 PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="23"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="32"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="34"/>
        <source>Locked (only an admin unlocks)</source>
        <translation>已锁定（只能由店长解锁）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="34"/>
        <source>Locked for a while</source>
        <translation>暂时锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="35"/>
        <source>Must change PIN</source>
        <translation>须更改 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="35"/>
        <source>Can sign in</source>
        <translation>可以登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="86"/>
        <source>Pick a user in the list first.</source>
        <translation>请先在列表中选一个用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="93"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已不能登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="97"/>
        <source>{name} can sign in again.</source>
        <translation>{name} 可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/users.py" line="101"/>
        <source>{name} is unlocked.</source>
        <translation>{name} 已解锁。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Opening the shop… scan the card again in a moment.</source>
        <translation>正在打开门店…请稍后再扫一次工牌。</translation>
    </message>
    <message>
        <source>“{code}” is not a staff card of this shop: scan your staff card or pick your name, then type your PIN.</source>
        <translation>“{code}”不是本店的工牌：请扫描您的工牌或选择您的名字，然后输入 PIN。</translation>
    </message>
    <message>
        <source>{name}: type your PIN.</source>
        <translation>{name}：请输入 PIN。</translation>
    </message>
    <message>
        <source>4–12 digits</source>
        <translation>4–12 位数字</translation>
    </message>
</context>
</TS>
