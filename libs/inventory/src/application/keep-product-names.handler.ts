import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ProductChanged } from '@oms/catalog';
import { UnitOfWork } from '@oms/core';

/** Stock levels keep their product's SKU and name as the catalogue changes them (stock is searched by name). */
@EventsHandler(ProductChanged)
export class KeepProductNamesOnStock implements IEventHandler<ProductChanged> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: ProductChanged): Promise<void> {
    const { productId, sku, name } = event.payload;
    await this.uow.manager.query(
      `UPDATE stock_level SET product_name = $2, sku = $3
       WHERE product_id = $1 AND (product_name, sku) IS DISTINCT FROM ($2, $3)`,
      [productId, name, sku],
    );
  }
}
