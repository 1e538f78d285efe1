import { DomainError } from '@oms/core';

export class SkuTakenError extends DomainError {
  constructor(sku: string) {
    super('products.sku_taken', 'conflict', `Another product already has the SKU ${sku}`, {
      fields: [{ field: 'sku', message: 'is already taken' }],
    });
  }
}

export class BarcodeTakenError extends DomainError {
  constructor(barcodes: string[]) {
    super('products.barcode_taken', 'conflict', `Another product already carries the barcode ${barcodes.join(', ')}`, {
      fields: [{ field: 'barcodes', message: `already used: ${barcodes.join(', ')}` }],
    });
  }
}

export class ImportsBusyError extends DomainError {
  constructor(waiting: number) {
    super('product_imports.busy', 'rate_limited', `${waiting} imports are already waiting on this server; try again in a minute`, {
      retryAfterSeconds: 60,
    });
  }
}
