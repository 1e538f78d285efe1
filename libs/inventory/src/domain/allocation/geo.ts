/** Distances for the "nearest" strategy. */

export interface GeoPoint {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Where Chinese provinces are (their capitals), so an address without coordinates still has a
 * distance. Keys are the province names without their administrative suffix, in Chinese and
 * in pinyin.
 */
const CN_PROVINCES: [string, string, number, number][] = [
  ['北京', 'beijing', 39.9, 116.4],
  ['天津', 'tianjin', 39.13, 117.2],
  ['上海', 'shanghai', 31.23, 121.47],
  ['重庆', 'chongqing', 29.56, 106.55],
  ['河北', 'hebei', 38.04, 114.51],
  ['山西', 'shanxi', 37.87, 112.55],
  ['辽宁', 'liaoning', 41.8, 123.43],
  ['吉林', 'jilin', 43.82, 125.32],
  ['黑龙江', 'heilongjiang', 45.8, 126.53],
  ['江苏', 'jiangsu', 32.06, 118.8],
  ['浙江', 'zhejiang', 30.27, 120.15],
  ['安徽', 'anhui', 31.82, 117.23],
  ['福建', 'fujian', 26.07, 119.3],
  ['江西', 'jiangxi', 28.68, 115.86],
  ['山东', 'shandong', 36.65, 117.12],
  ['河南', 'henan', 34.75, 113.63],
  ['湖北', 'hubei', 30.59, 114.31],
  ['湖南', 'hunan', 28.23, 112.94],
  ['广东', 'guangdong', 23.13, 113.26],
  ['海南', 'hainan', 20.04, 110.2],
  ['四川', 'sichuan', 30.57, 104.07],
  ['贵州', 'guizhou', 26.65, 106.63],
  ['云南', 'yunnan', 25.04, 102.71],
  ['陕西', 'shaanxi', 34.34, 108.94],
  ['甘肃', 'gansu', 36.06, 103.83],
  ['青海', 'qinghai', 36.62, 101.78],
  ['台湾', 'taiwan', 25.03, 121.57],
  ['内蒙古', 'inner mongolia', 40.84, 111.75],
  ['广西', 'guangxi', 22.82, 108.37],
  ['西藏', 'tibet', 29.65, 91.14],
  ['宁夏', 'ningxia', 38.49, 106.23],
  ['新疆', 'xinjiang', 43.83, 87.62],
  ['香港', 'hong kong', 22.32, 114.17],
  ['澳门', 'macau', 22.2, 113.54],
];

const BY_NAME = new Map<string, GeoPoint>(CN_PROVINCES.map(([zh, , lat, lng]) => [zh, { lat, lng }]));
const ZH_FOR_PINYIN = new Map(CN_PROVINCES.map(([zh, en]) => [en, zh]));

/** A province name as people write it: "浙江省", "浙江", "Zhejiang Province" all become one key. */
export function normalizeProvince(name: string | undefined | null): string {
  if (!name) return '';
  const key = name
    .trim()
    .toLowerCase()
    .replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/u, '')
    .replace(/\s+(province|municipality|autonomous region|sar)$/u, '')
    .trim();
  return ZH_FOR_PINYIN.get(key) ?? key;
}

/** The approximate location of a Chinese province, or undefined elsewhere. */
export function provinceLocation(country: string, province: string | undefined): GeoPoint | undefined {
  if (country !== 'CN') return undefined;
  return BY_NAME.get(normalizeProvince(province));
}
