"""The demo shop's goods and people: a believable neighbourhood supermarket across every policy class."""

from __future__ import annotations

from barcode import EAN13

# (name_zh, name_en, category, policy_class, price in fen, warranty months, supplier)
PRODUCTS = [
    ("康师傅红烧牛肉面 5连包", "Master Kong Braised Beef Noodles 5-pack", "方便食品", "general", 1290, 0, "康师傅"),
    ("农夫山泉 550ml", "Nongfu Spring 550ml", "饮料", "general", 200, 0, "农夫山泉"),
    ("金龙鱼 调和油 5L", "Arawana Blended Oil 5L", "粮油", "general", 6990, 0, "益海嘉里"),
    ("五常大米 5kg", "Wuchang Rice 5kg", "粮油", "general", 4590, 0, "五常米业"),
    ("海天 生抽 500ml", "Haitian Light Soy Sauce 500ml", "调味品", "general", 890, 0, "海天"),
    ("奥利奥 夹心饼干", "Oreo Sandwich Cookies", "零食", "general", 990, 0, "亿滋"),
    ("蓝月亮 洗衣液 3kg", "Bluemoon Laundry Liquid 3kg", "日化", "general", 4290, 0, "蓝月亮"),
    ("维达 抽纸 3层 10包", "Vinda Facial Tissue 10-pack", "日化", "general", 2590, 0, "维达"),
    ("晨光 中性笔 12支", "M&G Gel Pens 12-pack", "文具", "general", 1800, 0, "晨光"),
    ("伊利 纯牛奶 250ml×16", "Yili Pure Milk 250ml x16", "乳品", "general", 5990, 0, "伊利"),
    ("可口可乐 330ml×6", "Coca-Cola 330ml x6", "饮料", "general", 1590, 0, "可口可乐"),
    ("乐事 薯片 原味", "Lay's Potato Chips Original", "零食", "general", 790, 0, "百事"),
    ("红富士苹果 1kg", "Fuji Apples 1kg", "水果", "fresh", 1280, 0, "本地果园"),
    ("海南香蕉 1kg", "Hainan Bananas 1kg", "水果", "fresh", 690, 0, "本地果园"),
    ("本地小青菜 500g", "Baby Bok Choy 500g", "蔬菜", "fresh", 350, 0, "城郊菜场"),
    ("精品五花肉 500g", "Pork Belly 500g", "肉类", "fresh", 2290, 0, "双汇"),
    ("鲜活基围虾 500g", "Live Shrimp 500g", "水产", "fresh", 4990, 0, "海鲜批发"),
    ("全麦吐司面包", "Whole Wheat Toast", "烘焙", "fresh", 1290, 0, "店内烘焙"),
    ("卤味拼盘 熟食", "Braised Meat Platter", "熟食", "fresh", 2890, 0, "店内熟食"),
    ("美的 电热水壶 1.7L", "Midea Electric Kettle 1.7L", "小家电", "appliance", 12900, 12, "美的"),
    ("苏泊尔 电饭煲 4L", "Supor Rice Cooker 4L", "小家电", "appliance", 29900, 12, "苏泊尔"),
    ("飞利浦 电动牙刷", "Philips Electric Toothbrush", "小家电", "appliance", 39900, 24, "飞利浦"),
    ("小米 充电宝 10000mAh", "Xiaomi Power Bank 10000mAh", "数码", "appliance", 9900, 12, "小米"),
    ("九阳 豆浆机", "Joyoung Soymilk Maker", "小家电", "appliance", 59900, 12, "九阳"),
    ("公牛 插线板 3米", "Bull Power Strip 3m", "电工", "appliance", 4990, 6, "公牛"),
    ("大宝 SOD蜜 200ml", "Dabao SOD Lotion 200ml", "护肤", "personal_care", 1990, 0, "大宝"),
    ("佳洁士 牙膏 180g", "Crest Toothpaste 180g", "口腔护理", "personal_care", 1590, 0, "宝洁"),
    ("高露洁 牙刷 2支装", "Colgate Toothbrush 2-pack", "口腔护理", "personal_care", 1290, 0, "高露洁"),
    ("男士纯棉内裤 3条装", "Men's Cotton Briefs 3-pack", "内衣", "personal_care", 5900, 0, "恒源祥"),
    ("欧莱雅 洗发水 400ml", "L'Oreal Shampoo 400ml", "洗护", "personal_care", 4990, 0, "欧莱雅"),
    ("定制生日蛋糕 8寸", "Custom Birthday Cake 8-inch", "定制", "customized", 16800, 0, "店内烘焙"),
    ("刻字保温杯", "Engraved Vacuum Flask", "定制", "customized", 8800, 0, "礼品工坊"),
    ("超市购物卡 100元", "Supermarket Gift Card ¥100", "卡券", "non_returnable", 10000, 0, "本店"),
    ("中华 香烟 (硬)", "Zhonghua Cigarettes (hard pack)", "烟草", "non_returnable", 4500, 0, "上海烟草"),
    ("话费充值卡 50元", "Mobile Top-up Card ¥50", "卡券", "non_returnable", 5000, 0, "中国移动"),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"]
TIERS = ["standard"] * 6 + ["silver"] * 3 + ["gold"] * 2 + ["diamond"]
SPECIAL_NEEDS = ["", "", "", "", "", "", "老人，说话请大声一些", "需要送货上门", "对花生过敏"]

USERS = [  # username, display name, role, PIN — printed by `returns-desk demo` and shown in the README
    ("clerk", "店员 小王", "clerk", "1111"),
    ("clerk2", "店员 小李", "clerk", "1112"),
    ("supervisor", "主管 陈姐", "supervisor", "222222"),
    ("admin", "店长 刘总", "admin", "999999"),
]

SHOP = {
    "shop.demo": "1",
    "shop.name": "邻里鲜超市（幸福路店）",
    "shop.address": "幸福路 88 号",
    "shop.phone": "021-5555 0188",
    "shop.feedback": "意见与建议：请到服务台或致电 021-5555 0188 / Feedback: at the service desk or call 021-5555 0188",
}


def ean13(body12: str) -> str:
    """A 12-digit body plus its check digit."""
    return EAN13(body12).get_fullcode()
