import type { Bin } from './types';

/**
 * Bins have no pages of their own: they are listed, created and edited on their warehouse's
 * page (Bins tab). Registered so that references to a bin show its code.
 */
export default {
  recordRepresentation: (record: Bin) => record.code,
};
