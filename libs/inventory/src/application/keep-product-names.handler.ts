import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ProductChanged, ProductsService } from '@oms/catalog';
import { NotFoundError, UnitOfWork } from '@oms/core';

/**
 * Stock levels keep their product's SKU and name as the catalogue changes them (stock is
 * searched by name). Events can arrive out of order, so the handler copies the product as it
 * is now, not as the event describes it.
 */
@EventsHandler(ProductChanged)
export class KeepProductNamesOnStock implements IEventHandler<ProductChanged> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
  ) {}

  async handle(event: ProductChanged): Promise<void> {
    const product = await this.products.get(event.payload.productId).catch((e: unknown) => {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    });
    if (!product) return;
    const { sku, name } = product as unknown as { sku: string; name: string };
    await this.uow.manager.query(
      `UPDATE stock_level SET product_name = $2::text, sku = $3::text
       WHERE product_id = $1 AND (product_name <> $2::text OR sku <> $3::text)`,
      [event.payload.productId, name, sku],
    );
  }
}
