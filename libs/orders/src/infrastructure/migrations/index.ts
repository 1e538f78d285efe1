import { Orders1764000002000 } from './1764000002000-orders.js';
import { OrderSettings1764000002100 } from './1764000002100-order-settings.js';
import { Customers1764000002200 } from './1764000002200-customers.js';
import { OrderSearchAndCounts1764000002300 } from './1764000002300-order-search-and-counts.js';
import { OrderApproval1764000002500 } from './1764000002500-order-approval.js';
import { OrderPhoneKey1764000002600 } from './1764000002600-order-phone-key.js';

export const ordersMigrations = [Orders1764000002000, OrderSettings1764000002100, Customers1764000002200, OrderSearchAndCounts1764000002300,
  OrderApproval1764000002500, OrderPhoneKey1764000002600];
