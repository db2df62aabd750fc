/*
 * The demo shop loaded by `npm run seed` and by the embedded `npm start` on an empty database:
 * 8 top-level categories with subcategories, 60 products with multi-axis SKUs, prices in fen.
 * Pictures are the bundled SVGs in apps/api/assets/demo (see demo-images.ts).
 */

export type CategoryKey = 'digital' | 'apparel' | 'beauty' | 'food' | 'home' | 'baby' | 'sports' | 'books';

export interface DemoCategory {
  key: CategoryKey;
  name: string;
  /** hue of the category's pictures */
  hue: number;
  children: string[];
}

/** [axis name, values, optional price add-on per value in fen] */
export type DemoAxis = [string, string[], number[]?];

export interface DemoProduct {
  /** subcategory name */
  cat: string;
  title: string;
  subtitle: string;
  axes: DemoAxis[];
  /** fen, for the first value of every axis */
  price: number;
  original: number;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { key: 'digital', name: '数码', hue: 210, children: ['手机', '耳机音箱', '智能穿戴'] },
  { key: 'apparel', name: '服饰', hue: 340, children: ['男装', '女装', '鞋靴'] },
  { key: 'beauty', name: '美妆', hue: 320, children: ['护肤', '彩妆'] },
  { key: 'food', name: '食品', hue: 30, children: ['休闲零食', '茶饮冲调', '粮油米面'] },
  { key: 'home', name: '家居', hue: 160, children: ['床上用品', '厨房用品', '收纳整理'] },
  { key: 'baby', name: '母婴', hue: 50, children: ['辅食营养', '尿裤湿巾', '童装', '玩具'] },
  { key: 'sports', name: '运动', hue: 120, children: ['运动服饰', '健身器材', '户外装备'] },
  { key: 'books', name: '图书', hue: 260, children: ['文学小说', '童书绘本', '人文社科'] },
];

const sizes = (...s: string[]): string[] => s;

export const DEMO_PRODUCTS: DemoProduct[] = [
  // 数码
  {
    cat: '手机',
    title: '星耀 X5 5G 智能手机',
    subtitle: '6.7 英寸 120Hz 高刷屏 · 5000mAh 大电池',
    axes: [
      ['颜色', ['曜石黑', '冰川蓝', '晨曦金']],
      ['存储', ['8+256GB', '12+512GB'], [0, 50000]],
    ],
    price: 249900,
    original: 279900,
  },
  {
    cat: '手机',
    title: '轻薄折叠屏手机 Flip',
    subtitle: '随身小巧 · 外屏快捷回复',
    axes: [
      ['颜色', ['薄荷绿', '星空紫']],
      ['存储', ['12+256GB', '12+512GB'], [0, 60000]],
    ],
    price: 499900,
    original: 549900,
  },
  {
    cat: '手机',
    title: '氮化镓快充充电器 65W',
    subtitle: '三口输出 · 折叠插脚 · 笔记本手机通用',
    axes: [['颜色', ['白色', '黑色']]],
    price: 9900,
    original: 12900,
  },
  {
    cat: '耳机音箱',
    title: '无线蓝牙耳机 Pro 主动降噪',
    subtitle: '40dB 深度降噪 · 30 小时续航',
    axes: [['颜色', ['月光白', '深空灰']]],
    price: 59900,
    original: 79900,
  },
  {
    cat: '耳机音箱',
    title: '运动蓝牙耳机 挂耳式',
    subtitle: 'IPX5 防水 · 跑步不掉',
    axes: [['颜色', ['活力橙', '曜石黑']]],
    price: 19900,
    original: 25900,
  },
  {
    cat: '耳机音箱',
    title: '便携蓝牙音箱 Mini',
    subtitle: '360° 环绕音效 · 户外防水',
    axes: [['颜色', ['森林绿', '珊瑚红', '雾霾蓝']]],
    price: 29900,
    original: 39900,
  },
  {
    cat: '智能穿戴',
    title: '智能手表 S3',
    subtitle: '血氧心率监测 · 14 天长续航',
    axes: [
      ['表带', ['氟橡胶黑', '真皮棕'], [0, 10000]],
      ['尺寸', ['42mm', '46mm'], [0, 20000]],
    ],
    price: 129900,
    original: 149900,
  },
  {
    cat: '智能穿戴',
    title: '智能手环 7',
    subtitle: '彩色 AMOLED 屏 · 50 米防水',
    axes: [['颜色', ['黑色', '樱花粉', '薄荷绿']]],
    price: 22900,
    original: 26900,
  },
  // 服饰
  {
    cat: '男装',
    title: '男士纯棉圆领短袖 T 恤',
    subtitle: '新疆长绒棉 · 不易变形',
    axes: [
      ['颜色', ['白色', '黑色', '藏青']],
      ['尺码', sizes('M', 'L', 'XL', 'XXL')],
    ],
    price: 7900,
    original: 12900,
  },
  {
    cat: '男装',
    title: '男士弹力休闲裤',
    subtitle: '四面弹 · 免烫抗皱',
    axes: [
      ['颜色', ['卡其', '黑色']],
      ['尺码', sizes('29', '30', '31', '32', '33', '34')],
    ],
    price: 15900,
    original: 22900,
  },
  {
    cat: '男装',
    title: '男士轻薄羽绒服',
    subtitle: '90% 白鸭绒 · 可收纳',
    axes: [
      ['颜色', ['黑色', '军绿', '雾蓝']],
      ['尺码', sizes('M', 'L', 'XL')],
    ],
    price: 39900,
    original: 59900,
  },
  {
    cat: '女装',
    title: '女士法式碎花连衣裙',
    subtitle: '复古方领 · 收腰显瘦',
    axes: [
      ['颜色', ['蓝色碎花', '黄色碎花']],
      ['尺码', sizes('S', 'M', 'L')],
    ],
    price: 19900,
    original: 29900,
  },
  {
    cat: '女装',
    title: '女士软糯针织开衫',
    subtitle: '亲肤不扎 · 百搭外套',
    axes: [
      ['颜色', ['燕麦', '雾霾蓝', '奶白']],
      ['尺码', sizes('S', 'M', 'L')],
    ],
    price: 16900,
    original: 21900,
  },
  {
    cat: '女装',
    title: '女士高腰阔腿牛仔裤',
    subtitle: '垂感显瘦 · 不挑身材',
    axes: [
      ['颜色', ['浅蓝', '深蓝']],
      ['尺码', sizes('25', '26', '27', '28', '29')],
    ],
    price: 17900,
    original: 25900,
  },
  {
    cat: '鞋靴',
    title: '轻便透气跑步鞋',
    subtitle: '网面透气 · 缓震回弹',
    axes: [
      ['颜色', ['白灰', '黑红']],
      ['尺码', sizes('39', '40', '41', '42', '43', '44')],
    ],
    price: 29900,
    original: 39900,
  },
  {
    cat: '鞋靴',
    title: '复古休闲板鞋',
    subtitle: '头层牛皮 · 百搭小白鞋',
    axes: [
      ['颜色', ['白绿', '白黑']],
      ['尺码', sizes('36', '37', '38', '39', '40', '41', '42')],
    ],
    price: 25900,
    original: 32900,
  },
  // 美妆
  {
    cat: '护肤',
    title: '玻尿酸补水保湿精华液',
    subtitle: '深层补水 · 敏感肌可用',
    axes: [['容量', ['30ml', '50ml'], [0, 8000]]],
    price: 15900,
    original: 19900,
  },
  {
    cat: '护肤',
    title: '氨基酸温和洁面乳',
    subtitle: '清洁不紧绷 · 泡沫细腻',
    axes: [['容量', ['100g', '150g'], [0, 2000]]],
    price: 5900,
    original: 7900,
  },
  {
    cat: '护肤',
    title: '轻薄防晒乳 SPF50+',
    subtitle: '清爽不油腻 · 防水防汗',
    axes: [['容量', ['40ml', '80ml'], [0, 6000]]],
    price: 8900,
    original: 12900,
  },
  {
    cat: '护肤',
    title: '烟酰胺焕亮面膜',
    subtitle: '提亮肤色 · 补水修护',
    axes: [['规格', ['10 片/盒', '20 片/2 盒'], [0, 7900]]],
    price: 9900,
    original: 13900,
  },
  {
    cat: '彩妆',
    title: '丝绒哑光口红',
    subtitle: '显白不拔干 · 持久不脱色',
    axes: [['色号', ['#01 正红', '#02 豆沙', '#03 枫叶', '#04 奶茶']]],
    price: 12900,
    original: 16900,
  },
  {
    cat: '彩妆',
    title: '轻薄持妆粉底液',
    subtitle: '服帖不卡粉 · 12 小时持妆',
    axes: [['色号', ['象牙白', '自然色', '小麦色']]],
    price: 19900,
    original: 25900,
  },
  {
    cat: '彩妆',
    title: '九宫格眼影盘',
    subtitle: '细腻易晕染 · 日常百搭',
    axes: [['色系', ['大地色', '玫瑰色']]],
    price: 13900,
    original: 16900,
  },
  // 食品
  {
    cat: '休闲零食',
    title: '每日坚果混合装',
    subtitle: '7 种坚果果干 · 独立小包',
    axes: [['规格', ['30 袋/盒', '60 袋/2 盒'], [0, 9900]]],
    price: 12900,
    original: 15900,
  },
  {
    cat: '休闲零食',
    title: '内蒙古手撕牛肉干',
    subtitle: '风干工艺 · 高蛋白',
    axes: [
      ['口味', ['原味', '香辣', '五香']],
      ['规格', ['250g', '500g'], [0, 8000]],
    ],
    price: 6900,
    original: 8900,
  },
  {
    cat: '休闲零食',
    title: '黄油曲奇饼干礼盒',
    subtitle: '丹麦风味 · 酥松香浓',
    axes: [['规格', ['454g', '908g'], [0, 6900]]],
    price: 7900,
    original: 9900,
  },
  {
    cat: '茶饮冲调',
    title: '明前龙井绿茶 250g',
    subtitle: '头采嫩芽 · 豆香浓郁',
    axes: [['等级', ['一级', '特级'], [0, 10000]]],
    price: 29800,
    original: 35800,
  },
  {
    cat: '茶饮冲调',
    title: '冻干速溶咖啡',
    subtitle: '3 秒即溶 · 冷热皆宜',
    axes: [
      ['口味', ['美式', '拿铁', '焦糖']],
      ['规格', ['12 颗', '24 颗'], [0, 4900]],
    ],
    price: 5900,
    original: 7900,
  },
  {
    cat: '茶饮冲调',
    title: '云南小粒咖啡豆',
    subtitle: '中度烘焙 · 坚果可可风味',
    axes: [['规格', ['500g']]],
    price: 8900,
    original: 11900,
  },
  {
    cat: '粮油米面',
    title: '东北五常大米',
    subtitle: '当季新米 · 软糯香甜',
    axes: [['规格', ['5kg', '10kg'], [0, 6000]]],
    price: 6990,
    original: 8990,
  },
  // 家居
  {
    cat: '床上用品',
    title: '60 支长绒棉四件套',
    subtitle: '亲肤柔软 · 不起球',
    axes: [
      ['颜色', ['雾霾蓝', '燕麦色', '浅灰']],
      ['尺寸', ['1.5m 床', '1.8m 床'], [0, 4000]],
    ],
    price: 39900,
    original: 59900,
  },
  {
    cat: '床上用品',
    title: '抗菌记忆棉枕头',
    subtitle: '慢回弹 · 护颈助眠',
    axes: [['规格', ['标准款', '加高款'], [0, 3000]]],
    price: 12900,
    original: 19900,
  },
  {
    cat: '床上用品',
    title: '加厚珊瑚绒毛毯',
    subtitle: '柔软保暖 · 午睡盖毯',
    axes: [
      ['颜色', ['奶白', '灰粉', '墨绿']],
      ['尺寸', ['100×150cm', '150×200cm'], [0, 3000]],
    ],
    price: 6900,
    original: 9900,
  },
  {
    cat: '厨房用品',
    title: '麦饭石不粘炒锅 32cm',
    subtitle: '少油烟 · 电磁炉燃气通用',
    axes: [['规格', ['单锅', '含锅盖'], [0, 3000]]],
    price: 15900,
    original: 23900,
  },
  {
    cat: '厨房用品',
    title: '304 不锈钢保温杯 500ml',
    subtitle: '12 小时保温 · 一键开盖',
    axes: [['颜色', ['象牙白', '樱花粉', '星空蓝']]],
    price: 8900,
    original: 12900,
  },
  {
    cat: '厨房用品',
    title: '多功能电煮锅',
    subtitle: '宿舍小火锅 · 蒸煮一体',
    axes: [['容量', ['1.5L', '2.5L'], [0, 4000]]],
    price: 12900,
    original: 16900,
  },
  {
    cat: '收纳整理',
    title: '可叠加透明收纳箱 3 只装',
    subtitle: '大容量 · 防尘防潮',
    axes: [['尺寸', ['中号', '大号'], [0, 3000]]],
    price: 7900,
    original: 9900,
  },
  {
    cat: '收纳整理',
    title: '桌面抽屉收纳盒',
    subtitle: '分格整理 · 小物件收纳',
    axes: [['颜色', ['白色', '原木色']]],
    price: 3900,
    original: 5900,
  },
  // 母婴
  {
    cat: '辅食营养',
    title: '婴儿有机高铁米粉',
    subtitle: '6 月龄+ · 细腻易冲调',
    axes: [['口味', ['原味', '胡萝卜', '南瓜']]],
    price: 6800,
    original: 8800,
  },
  {
    cat: '辅食营养',
    title: '宝宝果泥 10 袋装',
    subtitle: '0 添加蔗糖 · 吸吸袋',
    axes: [['口味', ['苹果', '香蕉', '混合莓果']]],
    price: 5900,
    original: 7900,
  },
  {
    cat: '尿裤湿巾',
    title: '超薄透气婴儿纸尿裤',
    subtitle: '12 小时干爽 · 弹力腰围',
    axes: [['尺码', sizes('S', 'M', 'L', 'XL')]],
    price: 12900,
    original: 15900,
  },
  {
    cat: '尿裤湿巾',
    title: '婴儿手口湿巾 80 抽',
    subtitle: '纯水配方 · 加厚珍珠纹',
    axes: [['规格', ['80 抽×3 包', '80 抽×6 包'], [0, 2900]]],
    price: 2900,
    original: 3900,
  },
  {
    cat: '童装',
    title: '儿童纯棉家居服套装',
    subtitle: 'A 类面料 · 宽松舒适',
    axes: [
      ['颜色', ['小熊黄', '恐龙绿']],
      ['尺码', sizes('90', '100', '110', '120', '130')],
    ],
    price: 8900,
    original: 12900,
  },
  {
    cat: '童装',
    title: '儿童防风防泼水外套',
    subtitle: '轻薄透气 · 可收纳帽',
    axes: [
      ['颜色', ['天蓝', '樱粉']],
      ['尺码', sizes('110', '120', '130', '140')],
    ],
    price: 15900,
    original: 19900,
  },
  {
    cat: '玩具',
    title: '大颗粒益智积木',
    subtitle: '环保 ABS · 兼容主流积木',
    axes: [['规格', ['200 粒', '400 粒'], [0, 8000]]],
    price: 9900,
    original: 14900,
  },
  {
    cat: '玩具',
    title: '儿童平衡车',
    subtitle: '无脚踏 · 可调高度',
    axes: [['颜色', ['中国红', '天空蓝', '樱花粉']]],
    price: 29900,
    original: 39900,
  },
  // 运动
  {
    cat: '运动服饰',
    title: '速干运动 T 恤',
    subtitle: '吸湿排汗 · 轻薄透气',
    axes: [
      ['颜色', ['黑色', '灰色', '荧光绿']],
      ['尺码', sizes('S', 'M', 'L', 'XL')],
    ],
    price: 6900,
    original: 9900,
  },
  {
    cat: '运动服饰',
    title: '高腰裸感瑜伽裤',
    subtitle: '四面弹 · 提臀收腹',
    axes: [
      ['颜色', ['黑色', '雾紫', '灰绿']],
      ['尺码', sizes('S', 'M', 'L')],
    ],
    price: 11900,
    original: 16900,
  },
  {
    cat: '健身器材',
    title: '加厚防滑瑜伽垫',
    subtitle: 'TPE 双面防滑 · 送绑带',
    axes: [
      ['颜色', ['香芋紫', '湖水蓝', '蜜桃粉']],
      ['厚度', ['6mm', '8mm'], [0, 2000]],
    ],
    price: 7900,
    original: 11900,
  },
  {
    cat: '健身器材',
    title: '快调节哑铃',
    subtitle: '一秒调重 · 家用健身',
    axes: [['重量', ['10kg', '20kg'], [0, 30000]]],
    price: 39900,
    original: 49900,
  },
  {
    cat: '健身器材',
    title: '智能计数跳绳',
    subtitle: '有绳无绳两用 · 自动计数',
    axes: [['颜色', ['黑色', '白色']]],
    price: 4900,
    original: 6900,
  },
  {
    cat: '户外装备',
    title: '户外双人速开帐篷',
    subtitle: '防风防雨 · 一键速开',
    axes: [['颜色', ['军绿', '卡其']]],
    price: 39900,
    original: 59900,
  },
  {
    cat: '户外装备',
    title: '轻量登山背包 40L',
    subtitle: '背负透气 · 防泼水面料',
    axes: [['颜色', ['黑色', '橙色', '湖蓝']]],
    price: 25900,
    original: 32900,
  },
  // 图书
  {
    cat: '文学小说',
    title: '平凡的世界（全三册）',
    subtitle: '茅盾文学奖 · 典藏版',
    axes: [['版本', ['平装', '精装'], [0, 4000]]],
    price: 8900,
    original: 10800,
  },
  {
    cat: '文学小说',
    title: '活着',
    subtitle: '余华代表作 · 经典长篇小说',
    axes: [['版本', ['平装']]],
    price: 3500,
    original: 4500,
  },
  {
    cat: '文学小说',
    title: '红楼梦（上下册）',
    subtitle: '四大名著 · 无障碍阅读',
    axes: [['版本', ['平装', '精装典藏'], [0, 6000]]],
    price: 5900,
    original: 7900,
  },
  {
    cat: '文学小说',
    title: '三体（全集）',
    subtitle: '刘慈欣 · 雨果奖获奖作品',
    axes: [['版本', ['平装三册', '典藏精装'], [0, 8000]]],
    price: 9300,
    original: 11800,
  },
  {
    cat: '童书绘本',
    title: '情绪管理绘本 10 册',
    subtitle: '3-6 岁 · 亲子共读',
    axes: [['版本', ['第一辑', '第二辑']]],
    price: 9900,
    original: 14900,
  },
  {
    cat: '童书绘本',
    title: '十万个为什么（少儿版）',
    subtitle: '全彩注音 · 科普启蒙',
    axes: [['版本', ['8 册', '16 册'], [0, 6000]]],
    price: 8900,
    original: 12800,
  },
  {
    cat: '人文社科',
    title: '人类简史',
    subtitle: '从动物到上帝',
    axes: [['版本', ['平装', '精装'], [0, 3000]]],
    price: 6800,
    original: 7800,
  },
];

/** `product` is an index into DEMO_PRODUCTS: the banner opens that product. */
export const DEMO_BANNERS: Array<{ title: string; subtitle: string; product: number; key: CategoryKey; hue: number }> =
  [
    { title: '新品上市 · 星耀 X5', subtitle: '120Hz 高刷屏 5G 手机', product: 0, key: 'digital', hue: 210 },
    { title: '秋冬上新 · 满 199 减 30', subtitle: '羽绒服 · 针织开衫 · 跑步鞋', product: 10, key: 'apparel', hue: 340 },
    { title: '好物节 · 零食囤货季', subtitle: '每日坚果 · 牛肉干 · 曲奇', product: 23, key: 'food', hue: 30 },
  ];

export const demoImage = (file: string): string => `/api/v1/assets/demo/${file}`;
export const productImageFile = (index: number): string => `p${String(index + 1).padStart(2, '0')}.svg`;
export const categoryIconFile = (key: CategoryKey): string => `cat-${key}.svg`;
export const bannerFile = (index: number): string => `banner-${index + 1}.svg`;
