import type { INestApplicationContext } from '@nestjs/common';
import { ProductsService } from '@oms/catalog';
import { UnitOfWork } from '@oms/core';
import { BinStockService, BinsService, StockService, WarehousesService } from '@oms/inventory';

/** Every demo level warns when 10 units or fewer are available. */
const LOW_STOCK_THRESHOLD = 10;

/** Products of the demo shop: a name in both languages, a price, a weight and their variants. */
const BASES = [
  { code: 'TEE', zh: '纯棉T恤', en: 'Cotton T-shirt', price: 9900, grams: 180, variants: { color: ['白 White', '黑 Black', '蓝 Blue'], size: ['S', 'M', 'L'] } },
  { code: 'HOOD', zh: '连帽卫衣', en: 'Hoodie', price: 25900, grams: 520, variants: { color: ['灰 Grey', '藏青 Navy'], size: ['M', 'L', 'XL', 'XXL'] } },
  { code: 'MUG', zh: '陶瓷马克杯', en: 'Ceramic mug', price: 4900, grams: 350, variants: { color: ['白 White', '红 Red', '绿 Green', '黄 Yellow'] } },
  { code: 'BOTL', zh: '保温杯 500ml', en: 'Insulated bottle 500 ml', price: 12900, grams: 300, variants: { color: ['银 Silver', '黑 Black', '粉 Pink'] } },
  { code: 'SOCK', zh: '运动袜（3双装）', en: 'Sports socks (3 pairs)', price: 3900, grams: 120, variants: { size: ['S', 'M', 'L'] } },
  { code: 'CAP', zh: '棒球帽', en: 'Baseball cap', price: 6900, grams: 90, variants: { color: ['黑 Black', '卡其 Khaki', '白 White'] } },
  { code: 'TOTE', zh: '帆布托特包', en: 'Canvas tote bag', price: 5900, grams: 200, variants: { color: ['米白 Ecru', '黑 Black', '绿 Green'] } },
  { code: 'NOTE', zh: 'A5 笔记本', en: 'A5 notebook', price: 2500, grams: 250, variants: { paper: ['横线 Lined', '方格 Grid', '空白 Plain', '点阵 Dotted'] } },
  { code: 'PEN', zh: '中性笔（10支）', en: 'Gel pens (10)', price: 1990, grams: 100, variants: { ink: ['黑 Black', '蓝 Blue', '红 Red'] } },
  { code: 'CABLE', zh: 'USB-C 数据线 1m', en: 'USB-C cable 1 m', price: 2990, grams: 40, variants: { color: ['白 White', '黑 Black', '蓝 Blue'] } },
  { code: 'EARB', zh: '无线耳机', en: 'Wireless earbuds', price: 39900, grams: 60, variants: { color: ['白 White', '黑 Black'] } },
  { code: 'LAMP', zh: 'LED 台灯', en: 'LED desk lamp', price: 15900, grams: 900, variants: { color: ['白 White', '黑 Black'] } },
  { code: 'TEA', zh: '西湖龙井 250g', en: 'Longjing green tea 250 g', price: 18800, grams: 300, variants: { grade: ['特级 Premium', '一级 First', '二级 Second'] } },
];

const WAREHOUSES = [
  {
    code: 'HZ-01', name: '杭州仓 Hangzhou', geo: { lat: 30.27, lng: 120.15 }, priority: 10,
    address: { country: 'CN', province: '浙江省', city: '杭州市', district: '余杭区', line1: '仓前街道文一西路 1号' },
    regions: ['浙江省', '江苏省', '上海市', '安徽省'],
  },
  {
    code: 'GZ-01', name: '广州仓 Guangzhou', geo: { lat: 23.13, lng: 113.26 }, priority: 20,
    address: { country: 'CN', province: '广东省', city: '广州市', district: '白云区', line1: '太和镇物流园 8号' },
    regions: ['广东省', '广西壮族自治区', '福建省', '海南省'],
  },
  {
    code: 'BJ-01', name: '北京仓 Beijing', geo: { lat: 39.9, lng: 116.4 }, priority: 30,
    address: { country: 'CN', province: '北京市', city: '北京市', district: '大兴区', line1: '亦庄经济开发区 3号' },
    regions: ['北京市', '天津市', '河北省', '山东省'],
  },
];

function* skus() {
  for (const base of BASES) {
    const [first, second] = Object.entries(base.variants);
    for (const a of first[1]) {
      for (const b of second ? second[1] : [undefined]) {
        const attributes: Record<string, string> = { [first[0]]: a, ...(b ? { [second[0]]: b } : {}) };
        const suffix = [a, b].filter(Boolean).map((v) => v!.split(' ').pop()!.toUpperCase()).join('-');
        yield {
          sku: `${base.code}-${suffix}`,
          name: `${base.zh} ${Object.values(attributes).map((v) => v.split(' ')[0]).join(' ')} / ${base.en} ${Object.values(attributes).map((v) => v.split(' ').pop()).join(' ')}`,
          attributes,
          price: base.price,
          grams: base.grams,
        };
      }
    }
  }
}

/**
 * A catalogue of about 50 SKUs, three physical warehouses in different regions, a virtual one
 * pooling two of them, and stock with a few SKUs low or out, so a first start shows a living shop.
 */
export async function seedDemoCatalog(app: INestApplicationContext): Promise<string> {
  const products = app.get(ProductsService);
  const warehouses = app.get(WarehousesService);
  const stock = app.get(StockService);
  const binStock = app.get(BinStockService);
  const levels = app.get(UnitOfWork).manager;
  const ids: string[] = [];
  /** Each physical warehouse's bins in walking order. */
  const binIds: string[][] = [];
  for (const w of WAREHOUSES) {
    const created = await warehouses.create({
      code: w.code,
      name: w.name,
      type: 'physical',
      address: w.address,
      geo: w.geo,
      priority: w.priority,
      regions: w.regions.map((province) => ({ country: 'CN', province })),
      // Within the home province it is cheaper; three weight bands, then a nationwide fallback.
      costTable: [
        ...w.regions.flatMap((province, i) =>
          [1000, 5000, 30000].map((upToGrams, band) => ({ country: 'CN', province, upToGrams, feeMinor: (i === 0 ? 600 : 1000) * (band + 1) })),
        ),
        { country: 'CN', upToGrams: 30000, feeMinor: 5000 },
      ],
      cutoffTime: '16:00',
    });
    ids.push(created.id);
    // Two zones of three aisles with four bays each, numbered in walking order (snake through the aisles).
    let sequence = 0;
    const walk: string[] = [];
    binIds.push(walk);
    for (const zone of ['A', 'B']) {
      for (const aisle of ['01', '02', '03']) {
        const bays = ['01', '02', '03', '04'];
        for (const bay of Number(aisle) % 2 ? bays : [...bays].reverse()) {
          const bin = await app.get(BinsService).create({ warehouseId: created.id, zone, aisle, bay, level: '1', sequence: (sequence += 10) });
          walk.push(String(bin.id));
        }
      }
    }
  }
  await warehouses.create({
    code: 'CN-EAST-SOUTH',
    name: '华东华南虚拟仓 East & South pool',
    type: 'virtual',
    address: WAREHOUSES[0].address,
    memberIds: [ids[0], ids[1]],
    priority: 5,
  });
  let count = 0;
  let barcode = 6901234500000;
  for (const p of skus()) {
    await products.create({
      sku: p.sku,
      name: p.name,
      attributes: p.attributes,
      barcodes: [String(barcode++)],
      weightGrams: p.grams,
      priceMinor: p.price,
      currency: 'CNY',
      ...(p.sku.startsWith('EARB') ? { purchaseLimit: 2 } : {}),
    });
    // Deterministic stock: most SKUs plenty, every seventh low, every eleventh sold out in Hangzhou.
    // Every level warns at 10 units or fewer, so the low ones show as low.
    for (const [i, warehouseId] of ids.entries()) {
      const soldOut = count % 11 === 0 && i === 0;
      const quantity = soldOut ? 12 : count % 7 === 0 ? 3 + i : 40 + ((count * 13 + i * 7) % 160);
      await stock.record({ sku: p.sku, warehouseId, type: 'receipt', quantity, reason: '期初库存 Opening stock', reference: 'DEMO' });
      const [level] = await levels.query(`SELECT id FROM stock_level WHERE sku = $1 AND warehouse_id = $2`, [p.sku, warehouseId]);
      await stock.setThreshold(level.id, LOW_STOCK_THRESHOLD);
      if (soldOut) {
        await stock.record({ sku: p.sku, warehouseId, type: 'adjustment', quantity: -quantity, reason: '售罄 Sold out', reference: 'DEMO' });
      } else {
        // Most of it put away, some in a second bin further along the walk; every fifth SKU just arrived (all unbinned).
        if ((count + i) % 5 === 4) continue;
        const walk = binIds[i];
        const first = (count * 5 + i * 3) % walk.length;
        const rest = Math.floor(quantity * 0.3);
        const shares: [string, number][] =
          count % 3 === 0 && rest > 0
            ? [[walk[first], quantity - 2 * rest], [walk[(first + 7) % walk.length], rest]]
            : [[walk[first], quantity - rest]];
        for (const [binId, units] of shares) {
          if (units > 0) await binStock.putaway({ sku: p.sku, binId, quantity: units, reason: '上架 Putaway', reference: 'DEMO' });
        }
      }
    }
    count++;
  }
  return `Demo catalogue: ${count} SKUs, ${WAREHOUSES.length} warehouses with 24 bins each and a virtual pool, stock in each, most of it put away in bins`;
}
