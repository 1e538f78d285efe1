import { DomainEvent } from '@oms/core';

export interface ProductChangedPayload {
  productId: string;
  sku: string;
  name: string;
  active: boolean;
}

/** A product was created, or its SKU, name or active flag changed: other contexts keep their copies in step. */
export class ProductChanged extends DomainEvent<ProductChangedPayload> {
  static override readonly type = 'catalog.product-changed';
  static override readonly version = 1;
}
