import {
  type ArgumentMetadata,
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import { createValidationPipe } from '../../errors/validation.js';

/**
 * react-admin sends the whole record back on save. Read-only fields (ids, timestamps,
 * computed and joined fields) are dropped; what is left must be a valid update DTO, and a
 * truly unknown field is a 400.
 */
@Injectable()
export class RecordUpdatePipe implements PipeTransform {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly dto: Type<object>,
    private readonly readOnly: readonly string[],
  ) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<object> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequestException({ code: 'validation.failed', message: 'The request body must be a JSON object' });
    }
    const writable = Object.fromEntries(Object.entries(value).filter(([k]) => !this.readOnly.includes(k)));
    return this.validation.transform(writable, { ...metadata, type: 'body', metatype: this.dto });
  }
}

const rawBody = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().body);

/**
 * The body of a simple-rest PUT: the record as react-admin sends it, reduced to its writable
 * fields and validated against `dto`. (A custom decorator, so the global pipe, which would
 * refuse the read-only fields, leaves it to this one.)
 */
export const RecordBody = (dto: Type<object>, readOnly: readonly string[]): ParameterDecorator =>
  rawBody(new RecordUpdatePipe(dto, readOnly));
