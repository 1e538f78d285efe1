/** The order's exceptions: their names, how they were resolved, and how to resolve the open ones. */
export const flagsEn = {
  flags: {
    open: 'Open',
    resolved: 'Resolved',
    none: 'No exceptions.',
    raised: 'Raised %{at}',
    resolved_how: '%{resolution} %{at}',
    by: 'by %{name}',
    how: 'How to resolve',
    stock: 'Stock levels',
  },
  flag_codes: {
    HELD: 'Held by staff',
    CANCEL_REQUESTED: 'Cancellation requested from the warehouse',
    ADDRESS_INCOMPLETE: 'Incomplete address',
    OUTSIDE_DELIVERY_AREA: 'Outside delivery area',
    PHONE_INVALID: 'Invalid phone',
    UNKNOWN_SKU: 'Unknown SKU',
    INACTIVE_SKU: 'SKU no longer sold',
    OUT_OF_STOCK: 'Out of stock',
    PAYMENT_UNCONFIRMED: 'Payment not confirmed',
    PURCHASE_LIMIT_EXCEEDED: 'Purchase limit exceeded',
    AMOUNT_NEEDS_REVIEW: 'Large amount',
    BLOCK_LISTED: 'On the block list',
    SUSPECTED_DUPLICATE: 'Possible duplicate',
  },
  /** An audit exception's details, from the figures its rule found. */
  flag_details: {
    ADDRESS_INCOMPLETE: 'Missing or invalid: %{fields}',
    OUTSIDE_DELIVERY_AREA: 'No active warehouse delivers to %{place}.',
    PHONE_INVALID: '"%{phone}" is not a valid phone number for %{country}.',
    phone_missing: 'The phone number is missing.',
    UNKNOWN_SKU: 'Not in the catalogue: %{skus}',
    INACTIVE_SKU: 'No longer sold: %{skus}',
    short_item: '%{sku}: %{ordered} ordered, %{available} available',
    PAYMENT_UNCONFIRMED: '%{method}: %{paid} received of %{total}.',
    limit_item: '%{sku}: %{ordered} on this order and %{bought} in the last %{days} days, limit %{limit}',
    AMOUNT_NEEDS_REVIEW: 'Total %{total} is over the review threshold of %{threshold}.',
    BLOCK_LISTED: 'Matches %{matches}',
    block_item: '%{kind} "%{value}"',
    block_kinds: {
      customer_name: 'name',
      phone: 'phone',
      email: 'email',
      address: 'address',
    },
    SUSPECTED_DUPLICATE: 'Same customer and items as %{orders}, within %{hours} hours.',
  },
  resolutions: {
    fixed: 'Fixed',
    approved_anyway: 'Approved anyway',
    rejected: 'Closed by rejection',
    cancelled: 'Closed by cancellation',
    released: 'Released',
    merged: 'Merged into another order',
    refused: 'Refused by the warehouse',
  },
  /** What staff do about each open exception; the flags card shows it with the matching buttons. */
  resolve: {
    HELD: 'Staff put the order on hold. Release it once the reason no longer applies; it is then checked again.',
    CANCEL_REQUESTED: 'The warehouse was asked to stop the parcel. Confirm the cancellation once it has, or refuse it if the parcel has already left.',
    ADDRESS_INCOMPLETE: 'Fill in what the address lacks (province, city, street). Saving it runs the checks again and resolves the exception.',
    OUTSIDE_DELIVERY_AREA:
      'No active warehouse delivers to this address. Correct the address if it is wrong; otherwise give a warehouse this region (Inventory → Warehouses) and release the order, or reject it.',
    PHONE_INVALID:
      'The phone number is not valid for the country. Check it with the customer or the sales channel: approve anyway with a reason if it is right after all, or reject the order if the customer cannot be reached.',
    UNKNOWN_SKU:
      'An item has a SKU the catalogue does not know. Change the item to a catalogue SKU, or add the product to the catalogue and release the order to check it again.',
    INACTIVE_SKU: 'An item is no longer sold. Replace it with one on sale, or reactivate the product and release the order to check it again.',
    OUT_OF_STOCK:
      'No warehouse has enough stock. Receive stock (Inventory → Stock levels) and release the order to check it again, or approve it anyway: it then waits as a backorder and is allocated when stock arrives.',
    PAYMENT_UNCONFIRMED: 'The payment has not been confirmed. Confirm it once the money has arrived; the order is then checked again.',
    PURCHASE_LIMIT_EXCEEDED:
      "The customer bought more of an item than its purchase limit allows in the period. Reduce the quantity, or approve anyway with a reason (for example, agreed with the customer).",
    AMOUNT_NEEDS_REVIEW: 'The total is above the review threshold. Check the customer and the payment, then approve anyway with a reason, or reject the order.',
    BLOCK_LISTED: 'The customer, phone, email or address is on the block list. Reject the order, or approve it anyway with a reason if the match is a mistake.',
    SUSPECTED_DUPLICATE:
      "The same customer ordered the same items shortly before. Compare with the customer's other orders: merge them or cancel this one if it is a duplicate, or approve anyway with a reason if it is not.",
  },
};
