/** The application's own English messages (menu, pages, error codes). */
export const appEn = {
  app: {
    title: 'OMS',
    subtitle: 'Order management back office',
    language: 'Language',
    login: {
      title: 'Sign in to OMS',
      hint: 'Use the account your administrator gave you.',
    },
    dashboard: {
      title: 'Home',
      welcome_title: 'Welcome to OMS',
      welcome_body:
        'OMS takes orders in from your sales channels, checks them, reserves stock, hands them to the warehouse, follows every parcel to the customer and handles what comes after.',
      signed_in_as: 'Signed in as %{name}',
      available_title: 'Available now',
      dead_letters_body:
        'Events whose handlers kept failing after every retry. Inspect the error and the payload, then replay them once the cause is fixed.',
      orders_body:
        'Every order from every channel by status: enter orders by hand, confirm payments, approve, hold, reject or cancel, and follow each order on its timeline.',
      customers_body: 'Customers built from their orders: how often and how much they ordered, and each of their orders.',
      products_body: 'The catalogue: every SKU with its specification, barcodes, weight, dimensions and price.',
      users_body: 'Back-office accounts: their roles, the warehouses and channels they work on, and sign-in lockouts.',
      roles_body: 'What each role may do, subject by subject, with conditions where needed.',
      audit_logs_body: 'Who signed in, who changed what and when, and what was refused.',
      open: 'Open',
      planned_title: 'Being built',
      planned_body:
        'These modules are listed in the menu and open a page saying they are not available yet. They show no data until they are released.',
    },
    change_password: {
      title: 'Change password',
      current: 'Current password',
      new: 'New password',
      confirm: 'Repeat the new password',
      mismatch: 'The two passwords differ.',
      hint: 'When the password changes, your sessions on other devices are signed out.',
      submit: 'Change password',
      done: 'Password changed. Your other sessions were signed out.',
    },
    validation: {
      password_hint: 'At least %{min} characters, mixing letters with digits or symbols.',
      password_short: 'At least %{min} characters.',
      password_mix: 'Mix letters with digits or symbols.',
      uuid: 'Not a valid ID: %{value}',
    },
    coming_soon: {
      badge: 'Not yet available',
      title: '%{module} is not available yet',
      body: 'This module is planned but not released. Nothing on this page is live data, and no action can be taken here yet.',
      back: 'Back to home',
    },
  },
  menu: {
    groups: {
      orders: 'Orders',
      inventory: 'Inventory',
      logistics: 'Logistics',
      customers: 'Customers',
      after_sales: 'After-sales',
      reports: 'Reports',
      settings: 'Settings',
    },
    items: {
      order_exceptions: 'Exception orders',
      stock_levels: 'Stock levels',
      warehouses: 'Warehouses',
      shipments: 'Shipments & tracking',
      carriers: 'Carriers',
      returns: 'Returns & exchanges',
      refunds: 'Refunds',
      incidents: 'Incidents',
      reports: 'Reports & exports',
      order_rules: 'Order rules',
      notification_templates: 'Notification templates',
    },
    descriptions: {
      order_exceptions:
        'Orders flagged by the audit rules (incomplete address, no stock, payment not received) waiting for a decision.',
      stock_levels: 'Live stock per SKU and warehouse, with reservations and movements.',
      warehouses: 'Warehouses and virtual warehouses, their priority and allocation strategy.',
      shipments: 'Dispatch notes, tracking numbers, carrier tracking history and delivery alerts.',
      carriers: 'Carrier accounts, label settings and carrier priority.',
      returns: 'Return and exchange requests: review, receipt and inspection in the warehouse.',
      refunds: 'Refunds owed after returns and cancellations.',
      incidents: 'Lost, damaged, wrong or missing items: registered, followed up, resolved.',
      reports: 'Daily sales, order status distribution, product ranking and customer behaviour, with exports.',
      order_rules: 'Auto-approval conditions, default warehouse and carrier priority.',
      notification_templates: 'Order confirmation and shipping notices by email and SMS.',
    },
  },
  errors: {
    unknown: 'The server refused the request (%{code}).',
    internal: 'The server hit an unexpected error. Please retry; if it keeps happening, tell your administrator.',
    network: 'The server cannot be reached. Check your connection and retry.',
    not_found: 'This item does not exist or was removed.',
    validation: {
      failed: 'Some values are not valid. Check the form and retry.',
    },
    auth: {
      invalid_credentials: 'Wrong email or password.',
      wrong_password: 'The current password is wrong.',
      forbidden: 'You are not allowed to do this.',
      user_disabled: 'This account has been disabled.',
      locked: 'Too many failed sign-ins. Try again later.',
    },
    users: {
      weak_password:
        'The password is too weak: use at least 10 characters mixing letters with digits or symbols, not a common password and not your email.',
      email_taken: 'Another user already has this email.',
      unknown_role: 'One of the roles does not exist any more. Reload the page and choose again.',
      cannot_delete_self: 'You cannot delete your own account.',
      cannot_disable_self: 'You cannot disable your own account.',
      last_administrator: 'This is the last active administrator: at least one must remain.',
    },
    roles: {
      built_in: 'A built-in role cannot be deleted.',
      name_taken: 'Another role already has this name.',
      in_use: 'Users still have this role: take it away from them first.',
      invalid_permissions: 'Some permission rules are not valid; see the messages under the rules.',
      administrator_locked: "The Administrator role's permissions cannot be changed.",
    },
    products: {
      sku_taken: 'Another product already has this SKU (SKUs are compared ignoring case).',
      barcode_taken: 'One of these barcodes is already on another product.',
    },
    stock: {
      insufficient: 'Not enough stock: only %{available} can be taken from this warehouse (asked for %{requested}). Reserved units cannot be removed.',
      unknown_sku: 'No product has this SKU.',
      unknown_warehouse: 'This warehouse does not exist or is a virtual pool: stock lives in physical warehouses.',
      bin_required:
        'Only %{available} units lie outside bins here (asked for %{requested}): choose the bin the others come out of.',
    },
    bins: {
      code_taken: 'This warehouse already has a bin with this zone, aisle, bay and level.',
      unknown: 'This bin does not exist any more. Reload the page and choose again.',
      other_warehouse: 'This bin belongs to another warehouse.',
      inactive: 'This bin is inactive: choose another one.',
      insufficient: 'Bin %{bin} holds only %{available} (asked for %{requested}).',
      unbinned_short: 'Only %{available} units wait to be put away (asked for %{requested}).',
      not_empty: 'This bin still holds stock: move it to other bins before deactivating the bin.',
    },
    warehouses: {
      code_taken: 'Another warehouse already has this code.',
      invalid_pool: 'A virtual warehouse pools one or more physical warehouses, and only a virtual one pools any.',
    },
    allocation: {
      invalid: 'This allocation cannot be made as asked; see the field named.',
      setting_exists: 'This channel already has its own allocation setting: edit that one.',
      warehouse_not_allowed: 'This warehouse cannot ship the order: it is unknown, inactive, virtual or not one of yours.',
      not_found: 'This order has not been allocated yet.',
    },
    orders: {
      illegal_transition: 'This order is now "%{status}", which does not allow "%{action}". Reload the page to see what it allows.',
      not_editable: 'This order can no longer change: stock has already been allocated to it.',
      unresolved_flags: 'This order has open exceptions: resolve them, or approve it anyway with a reason.',
      invalid: 'The order breaks a rule; see the field named.',
      unknown_channel: 'This sales channel does not exist or is switched off.',
      cannot_combine:
        'Not possible this way: merged orders must share customer, address, channel, currency and payment status, and a split must leave each order at least one unit.',
    },
    request: {
      idempotency_key_reused: 'This request was already sent with different content. Close the dialog and try again.',
    },
    access: {
      forbidden: 'You are not allowed to do this.',
    },
    dead_letters: {
      not_replayable: 'Only a failed event can be replayed; this one was already replayed or resolved.',
    },
  },
};
