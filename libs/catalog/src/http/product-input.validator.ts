import { Injectable, type Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { type InputProblem, ProductInputCheck } from '../application/ports/product-input.check.js';
import type { ProductInput } from '../application/products.service.js';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto.js';

function flatten(errors: ValidationError[], prefix = ''): InputProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The product DTOs' class-validator rules, applied to input built from an import row. */
@Injectable()
export class ProductDtoValidator extends ProductInputCheck {
  problems(input: ProductInput, purpose: 'create' | 'update'): InputProblem[] {
    const dto: Type<object> = purpose === 'create' ? CreateProductDto : UpdateProductDto;
    const errors = validateSync(plainToInstance(dto, input), { whitelist: true, forbidNonWhitelisted: true });
    return flatten(errors);
  }
}
