import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform, type Type } from '@nestjs/common';
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
