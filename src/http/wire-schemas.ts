import { Type } from '@sinclair/typebox';

/** Wire date shapes (spec/wire-formats.md) with patterns, so checkResponses catches a wrong format. */
export const wireDate = (description = 'DD/MM/YYYY') => Type.String({ pattern: '^\\d{2}/\\d{2}/\\d{4}$', description });
export const wireDateTime = (description = 'DD/MM/YYYY HH:MM:SS') =>
  Type.String({ pattern: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}$', description });
export const wireIsoDate = (description = 'AAAA-MM-DD') => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
