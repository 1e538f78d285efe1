import type { ProductInput } from '../products.service.js';

/** A value the product rules refuse, and the rule (`min`, `matches`, `maxLength` ...) that did. */
export interface InputProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * The API's shape rules for a product (the same ones `POST` and `PUT /api/products` apply),
 * for input that does not arrive as a request body: rows of an import file.
 */
export abstract class ProductInputCheck {
  abstract problems(input: ProductInput, purpose: 'create' | 'update'): InputProblem[];
}
