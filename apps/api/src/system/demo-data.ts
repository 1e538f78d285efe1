import type { INestApplicationContext } from '@nestjs/common';
import { UserSeeder } from '@oms/access';
import { seedDemoCatalog } from './demo-catalog.js';
import { seedDemoOrders } from './demo-orders.js';

/**
 * Demo data for a first start (OMS_SEED_DEMO, on by default): what a new user needs to look
 * around. Returns lines for the start-up banner.
 */
export async function seedDemoData(app: INestApplicationContext): Promise<string[]> {
  const users = app.get(UserSeeder);
  const operator = await users.createUser('operator@oms.local', '演示运营 Demo Operator', undefined, 'zh-CN', 'order_operator');
  const catalog = `${await seedDemoCatalog(app)}; ${await seedDemoOrders(app)}`;
  return operator.generatedPassword
    ? [`Demo data loaded (${catalog}); a demo user ${operator.email} signs in with ${operator.generatedPassword}`]
    : [catalog];
}
