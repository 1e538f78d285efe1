import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { adminToken, auditEntries, bearer, createUser, query } from '../../../test/support/access.js';

interface Job {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  ignoredColumns: string[];
  error: string | null;
  errors: { row: number; column: string; field?: string; code: string; message: string; params?: Record<string, unknown> }[];
}

const HEADER = 'sku,name,attributes,barcodes,weightGrams,lengthMm,widthMm,heightMm,priceMinor,currency,purchaseLimit,active';

/** Rows 2-8 of the first file: two good products, five rows with something wrong. */
const MIXED = [
  HEADER,
  'IMP-1,Tee blue,"{""color"":""blue""}",6901000000011|6901000000028,180,300,250,20,9900,CNY,,true',
  'IMP-2,Tee red,color=red; size=M,,-5,,,,9900,CNY,,yes',
  'IMP-3,Tee green,{bad json},,,,,,abc,CNY,,maybe',
  'bad sku!,Bad,,,,,,,100,CNY,,',
  'IMP-4,Tee black,,,,,,,100,CNY,0,',
  'imp-1,Duplicate,,,,,,,100,CNY,,',
  'IMP-5,Mug,,,350,,,,2500,usd,2,no',
].join('\n');

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Products');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function sheetRows(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('product import', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  const upload = (content: string | Buffer, filename = 'products.csv', token = admin) =>
    t.http.post('/api/product-imports').auth(token, bearer).attach('file', Buffer.from(content), filename);

  const finished = async (id: string, token = admin): Promise<Job> =>
    (await eventually(async () => {
      const res = await t.http.get(`/api/product-imports/${id}`).auth(token, bearer).expect(200);
      return ['done', 'failed'].includes(res.body.status) ? (res.body as Job) : undefined;
    }, 30_000, `import ${id} to finish`))!;

  const importFile = async (content: string | Buffer, filename?: string): Promise<Job> => {
    const res = await upload(content, filename).expect(202);
    return finished(res.body.id);
  };

  const product = async (sku: string) =>
    (await query<Record<string, unknown>>(t, `SELECT * FROM product WHERE lower(sku) = lower($1)`, [sku]))[0];

  let mixed: Job;

  it('imports a CSV in the background, keeps the good rows and reports each bad one by row, column and reason', async () => {
    const accepted = await upload(MIXED).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', fileName: 'products.csv', format: 'csv', totalRows: 7, processedRows: 0 });
    mixed = await finished(accepted.body.id);
    expect(mixed).toMatchObject({ status: 'done', totalRows: 7, processedRows: 7, createdCount: 2, updatedCount: 0, failedCount: 5 });
    const report = mixed.errors.map((e) => [e.row, e.column, e.code]);
    expect(report).toEqual([
      [3, 'weightGrams', 'product_imports.too_small'],
      [4, 'attributes', 'product_imports.invalid_json'],
      [4, 'priceMinor', 'product_imports.not_a_number'],
      [4, 'active', 'product_imports.invalid_boolean'],
      [5, 'sku', 'product_imports.invalid_sku'],
      [6, 'purchaseLimit', 'product_imports.too_small'],
      [7, 'sku', 'product_imports.duplicate_sku'],
    ]);
    expect(mixed.errors.find((e) => e.row === 7)).toMatchObject({ params: { row: 2 }, message: expect.stringContaining('row 2') });
    expect(mixed.errors.every((e) => e.message.length > 0)).toBe(true);

    expect(await product('IMP-1')).toMatchObject({
      sku: 'IMP-1',
      name: 'Tee blue',
      attributes: { color: 'blue' },
      barcodes: ['6901000000011', '6901000000028'],
      weight_grams: 180,
      price_minor: '9900',
      currency: 'CNY',
      active: true,
    });
    expect(await product('IMP-5')).toMatchObject({ currency: 'USD', active: false, purchase_limit: 2, weight_grams: 350 });
    expect(await product('IMP-2')).toBeUndefined();
  });

  it('audits every product it creates as the uploader, under the upload request', async () => {
    const [started] = await auditEntries(t, { action: 'product_import.create', entityId: mixed.id });
    expect(started).toMatchObject({ actorEmail: 'admin@test.local', details: { fileName: 'products.csv', rows: 7 } });
    const created = await auditEntries(t, { action: 'product.create', requestId: started.requestId! });
    expect(created).toHaveLength(2);
    expect(created.every((e) => e.actorId === started.actorId)).toBe(true);
  });

  it('reads XLSX with the panel\'s Chinese headers, prices in yuan, attribute columns and numeric cells', async () => {
    const file = await workbook([
      ['SKU', '商品名称', '规格.颜色', '条码', '重量（克）', '售价', '币种', '启用', '产地'],
      ['XL-1', '保温杯', '银色', 6901000000035, 350, 129.5, 'CNY', '是', '浙江'],
      ['XL-2', '筷子', '', '', 50, 19.999, 'CNY', '', ''],
    ]);
    const job = await importFile(file, '商品.xlsx');
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', fileName: '商品.xlsx', createdCount: 1, failedCount: 1, ignoredColumns: ['产地'] });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: '售价', code: 'product_imports.price_decimals', params: { digits: 2, currency: 'CNY' } })]);
    expect(await product('XL-1')).toMatchObject({ name: '保温杯', attributes: { 颜色: '银色' }, barcodes: ['6901000000035'], price_minor: '12950', active: true });
  });

  it('updates existing products by SKU in any case, only in the columns the file has, and counts unchanged rows', async () => {
    const before = await product('IMP-1');
    const job = await importFile('sku,priceMinor\nimp-1,8800\nIMP-5,2500\nNEW-9,100\n');
    expect(job).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 1, failedCount: 1 });
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'name', 'product_imports.required'],
      [4, 'currency', 'product_imports.required'],
    ]);
    expect(await product('IMP-1')).toMatchObject({ sku: 'IMP-1', name: 'Tee blue', price_minor: '8800', barcodes: before.barcodes });
    const [update] = await auditEntries(t, { action: 'product.update', entityId: String(before.id) });
    expect(update.changes!.map((c) => c.field)).toEqual(['priceMinor', 'updatedAt']);
  });

  it('gives the failed rows back as CSV and XLSX with an error column, and takes them again once fixed', async () => {
    const csv = await t.http
      .get(`/api/product-imports/${mixed.id}/failed-rows?format=csv`)
      .auth(admin, bearer)
      .responseType('blob')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('products-failed-rows.csv');
    const rows = parse(csv.body as Buffer, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...HEADER.split(','), 'error']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['IMP-2', 'IMP-3', 'bad sku!', 'IMP-4', 'imp-1']);
    expect(rows[1].at(-1)).toMatch(/^Row 3: weightGrams: weightGrams must not be less than 0/);

    const xlsx = await t.http
      .get(`/api/product-imports/${mixed.id}/failed-rows?format=xlsx`)
      .auth(admin, bearer)
      .responseType('blob')
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = await sheetRows(xlsx.body as Buffer);
    expect(sheet.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    expect(sheet[2].at(-1)).toContain('Row 4: attributes: Not valid JSON');

    // Fixed in place: the error column stays, the import skips it.
    const fixed = sheet.map((r, i) => {
      if (i === 0) return r;
      const [sku, ...rest] = r;
      const row = [sku === 'bad sku!' ? 'GOOD-SKU' : sku, ...rest];
      row[2] = row[2] === '{bad json}' ? '{"color":"green"}' : row[2];
      row[4] = row[4] === '-5' ? '5' : row[4];
      row[8] = row[8] === 'abc' ? '1200' : row[8];
      row[10] = row[10] === '0' ? '3' : row[10];
      row[11] = row[11] === 'maybe' ? 'false' : row[11];
      return row;
    });
    const again = await importFile(await workbook(fixed), 'products-failed-rows.xlsx');
    expect(again).toMatchObject({ status: 'done', failedCount: 0, createdCount: 4, updatedCount: 1, ignoredColumns: [] });
    expect(await product('IMP-3')).toMatchObject({ attributes: { color: 'green' }, price_minor: '1200', active: false });
    expect(await product('IMP-1')).toMatchObject({ sku: 'IMP-1', name: 'Duplicate' });
  });

  it('refuses a file it cannot read with a 4xx that names the problem', async () => {
    const refusal = async (res: Promise<{ status: number; body: { code: string; message: string } }>, status: number, code: string) => {
      const { status: got, body } = await res;
      expect({ got, code: body.code }).toEqual({ got: status, code });
      expect(body.message.length).toBeGreaterThan(10);
      return body;
    };
    await refusal(t.http.post('/api/product-imports').auth(admin, bearer).send({}), 400, 'product_imports.file_missing');
    await refusal(upload(''), 400, 'product_imports.empty_file');
    await refusal(upload(`${HEADER}\n\n`), 400, 'product_imports.empty_file');
    await refusal(upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'photo.png'), 415, 'product_imports.unsupported_format');
    await refusal(upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.xls'), 415, 'product_imports.unsupported_format');
    await refusal(upload('this is not a zip', 'broken.xlsx'), 400, 'product_imports.unreadable_file');
    const good = await workbook([['sku'], ['A-1']]);
    await refusal(upload(good.subarray(0, good.length - 30), 'cut.xlsx'), 400, 'product_imports.unreadable_file');
    await refusal(upload(Buffer.concat([Buffer.from('sku,name\nA-1,'), Buffer.from([0xff, 0xff, 0x41])])), 400, 'product_imports.unsupported_encoding');
    await refusal(upload('sku,name\nA-1,"never closed\n'), 400, 'product_imports.unreadable_file');
    const missing = await refusal(upload('name,price\nTee,9.9\n'), 400, 'product_imports.missing_columns');
    expect(missing).toMatchObject({ details: { columns: ['sku'] } });
    await refusal(upload('sku,SKU\nA,B\n'), 400, 'product_imports.duplicate_columns');
    const many = ['sku', ...Array.from({ length: 50_001 }, (_, i) => `S-${i}`)].join('\n');
    await refusal(upload(many), 413, 'product_imports.too_many_rows');
    await refusal(upload(Buffer.alloc(10 * 2 ** 20 + 1, 0x41)), 413, 'product_imports.file_too_large');
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM product WHERE sku IN ('A-1', 'A', 'S-1')`);
    expect(n).toBe(0);
  });

  it('reads a CSV saved by Chinese Excel (GBK) and one separated by semicolons', async () => {
    // "sku,商品名称,priceMinor,currency" then "GBK-1,保温杯,100,CNY", in GBK.
    const gbk = Buffer.concat([
      Buffer.from('sku,'),
      Buffer.from('c9ccc6b7c3fbb3c6', 'hex'),
      Buffer.from(',priceMinor,currency\nGBK-1,'),
      Buffer.from('b1a3cec2b1ad', 'hex'),
      Buffer.from(',100,CNY\n'),
    ]);
    expect(await importFile(gbk)).toMatchObject({ createdCount: 1, failedCount: 0 });
    expect(await product('GBK-1')).toMatchObject({ name: '保温杯' });
    expect(await importFile('sku;name;price;currency\nSEMI-1;Plate;12,5;EUR\nSEMI-2;Bowl;12.5;EUR\n')).toMatchObject({
      createdCount: 1,
      failedCount: 1,
      errors: [expect.objectContaining({ row: 2, column: 'price', code: 'product_imports.not_a_number' })],
    });
  });

  it('lets only those who may create products import, and checks each row as the API would', async () => {
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    const refused = await upload(MIXED, 'x.csv', viewer.token).expect(403);
    expect(refused.body).toMatchObject({ code: 'access.forbidden', details: { action: 'create', subject: 'Product' } });
    await t.http.get('/api/product-imports').auth(viewer.token, bearer).expect(403);
    await t.http.get(`/api/product-imports/${mixed.id}`).auth(viewer.token, bearer).expect(403);
    await t.http.get(`/api/product-imports/${mixed.id}/failed-rows`).auth(viewer.token, bearer).expect(403);
    await t.http.post('/api/product-imports').attach('file', Buffer.from(MIXED), 'x.csv').expect(401);
    await t.http.get('/api/product-imports').expect(401);

    const role = await t.http
      .post('/api/roles')
      .auth(admin, bearer)
      .send({ name: 'Catalogue clerk', permissions: [{ action: ['read', 'create'], subject: 'Product' }] })
      .expect(201);
    const clerk = await createUser(t, { roleIds: [role.body.id] });
    const res = await upload('sku,name,priceMinor,currency\nCLERK-1,New,100,CNY\nIMP-5,Renamed,100,USD\n', 'c.csv', clerk.token).expect(202);
    const job = await finished(res.body.id, clerk.token);
    expect(job).toMatchObject({ createdCount: 1, failedCount: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, code: 'access.forbidden' })]);
    expect(await product('IMP-5')).toMatchObject({ name: 'Mug' });
  });

  it('shows progress while the rows are imported, and lists the jobs', async () => {
    const total = 320;
    const rows = Array.from({ length: total }, (_, i) => `PRG-${i},Item ${i},${100 + i},CNY`);
    const accepted = await upload(['sku,name,priceMinor,currency', ...rows].join('\n')).expect(202);
    const seen: number[] = [];
    const job = (await eventually(async () => {
      const res = await t.http.get(`/api/product-imports/${accepted.body.id}`).auth(admin, bearer).expect(200);
      seen.push(res.body.processedRows);
      return res.body.status === 'done' ? (res.body as Job) : undefined;
    }, 60_000))!;
    expect(job).toMatchObject({ totalRows: total, processedRows: total, createdCount: total, failedCount: 0 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((n) => n > 0 && n < total)).toBe(true);

    const list = await t.http.get('/api/product-imports').auth(admin, bearer).query({ range: '[0,1]' }).expect(200);
    expect(list.headers['content-range']).toMatch(/^product-imports 0-1\/\d+$/);
    expect(list.body[0]).toMatchObject({ id: accepted.body.id, status: 'done', createdCount: total });
  });

  it('creates each product once when two imports with the same SKUs run at the same time', async () => {
    const file = (name: string) =>
      ['sku,name,priceMinor,currency', ...Array.from({ length: 150 }, (_, i) => `DUO-${i},${name} ${i},${100 + i},CNY`)].join('\n');
    const [a, b] = await Promise.all([upload(file('First')).expect(202), upload(file('Second')).expect(202)]);
    const jobs = await Promise.all([finished(a.body.id), finished(b.body.id)]);
    for (const job of jobs) expect(job).toMatchObject({ status: 'done', failedCount: 0, processedRows: 150 });
    expect(jobs[0].createdCount + jobs[1].createdCount).toBe(150);
    // What one created, the other updated (or found unchanged), whichever came first.
    expect(jobs.map((j) => j.createdCount + j.updatedCount + j.unchangedCount)).toEqual([150, 150]);
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM product WHERE sku LIKE 'DUO-%'`);
    expect(n).toBe(150);
  });

  it('fails an import whose process stopped, on the next start, and leaves a live one running', async () => {
    const insert = (id: string, heartbeat: string) =>
      query(
        t,
        `INSERT INTO product_import (id, file_name, format, status, columns, total_rows, processed_rows, heartbeat_at)
         VALUES ($1, 'lost.csv', 'csv', 'running', '{sku}', 10, 4, now() - $2::interval)`,
        [id, heartbeat],
      );
    await insert('019ab000-0000-7000-8000-0000000ff001', '10 minutes');
    await insert('019ab000-0000-7000-8000-0000000ff002', '1 second');
    const restarted = await bootTestApp({ db: t.db });
    try {
      const lost = await t.http.get('/api/product-imports/019ab000-0000-7000-8000-0000000ff001').auth(admin, bearer).expect(200);
      expect(lost.body).toMatchObject({ status: 'failed', processedRows: 4, error: expect.stringContaining('server stopped') });
      expect(lost.body.finishedAt).toEqual(expect.any(String));
      const live = await t.http.get('/api/product-imports/019ab000-0000-7000-8000-0000000ff002').auth(admin, bearer).expect(200);
      expect(live.body.status).toBe('running');
    } finally {
      await restarted.close();
      await query(t, `UPDATE product_import SET status = 'failed' WHERE id = '019ab000-0000-7000-8000-0000000ff002'`);
    }
  });

  it('fails the running import with a clear message when the API shuts down', async () => {
    const other = await bootTestApp({ db: t.db });
    const token = await adminToken(other);
    const rows = Array.from({ length: 3000 }, (_, i) => `STOP-${i},Item,100,CNY`);
    const res = await other.http
      .post('/api/product-imports')
      .auth(token, bearer)
      .attach('file', Buffer.from(['sku,name,priceMinor,currency', ...rows].join('\n')), 'big.csv')
      .expect(202);
    await eventually(async () => (await query<{ processed_rows: number }>(t, `SELECT processed_rows FROM product_import WHERE id = $1`, [res.body.id]))[0].processed_rows > 0);
    await other.close();
    const job = (await t.http.get(`/api/product-imports/${res.body.id}`).auth(admin, bearer).expect(200)).body as Job;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('upload the file again');
    expect(job.processedRows).toBeLessThan(3000);
  });

  it('answers 404 for an unknown import and 400 for a bad download format', async () => {
    await t.http.get('/api/product-imports/019ab000-0000-7000-8000-00000000ffff').auth(admin, bearer).expect(404);
    await t.http.get('/api/product-imports/019ab000-0000-7000-8000-00000000ffff/failed-rows').auth(admin, bearer).expect(404);
    await t.http.get(`/api/product-imports/${mixed.id}/failed-rows?format=pdf`).auth(admin, bearer).expect(400);
    await t.http.get('/api/product-imports/nope').auth(admin, bearer).expect(400);
  });
});
