import { type Static, Type } from '@sinclair/typebox';

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Session lifetime cap: 30 days (migration 0045 holds the same limit). */
export const MAX_EXPIRY_MINUTES = 43_200;

export const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** Step 1. General profiles carry a contra-senha; specific ones a date range. */
export const profileDataBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 200 }),
    active: Type.Boolean({ default: true }),
    expiryMinutes: Type.Integer({ minimum: 1, maximum: MAX_EXPIRY_MINUTES, default: 60 }),
    singleUse: Type.Boolean({ default: false }),
    contraSenha: Type.Optional(Type.String({ maxLength: 200 })),
    startsOn: Type.Optional(isoDate),
    endsOn: Type.Optional(isoDate),
  },
  { additionalProperties: false },
);

/** Step 2. */
export const ipsBody = Type.Object(
  {
    limitToIpList: Type.Boolean(),
    ips: Type.Array(
      Type.Object(
        { address: Type.String({ minLength: 2, maxLength: 64 }), note: Type.String({ maxLength: 200, default: '' }) },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

/** Step 3. */
export const operatorsBody = Type.Object(
  { operatorIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, uniqueItems: true }) },
  { additionalProperties: false },
);

/** Step 4. */
export const servicesBody = Type.Object(
  { services: Type.Array(Type.Integer({ minimum: 1, maximum: 9999 }), { minItems: 1, maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
);

/** The whole wizard, saved by "Finalizar". */
export const createProfileBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('general'), Type.Literal('specific')], { default: 'general' }),
    ...profileDataBody.properties,
    limitToIpList: Type.Boolean({ default: false }),
    ips: Type.Array(ipsBody.properties.ips.items, { maxItems: 500, default: [] }),
    operatorIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, uniqueItems: true, default: [] }),
    services: servicesBody.properties.services,
  },
  { additionalProperties: false },
);

export const listProfilesQuery = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('general'), Type.Literal('specific')])),
});

export type ProfileDataInput = Static<typeof profileDataBody>;
export type IpsInput = Static<typeof ipsBody>;
export type CreateProfileInput = Static<typeof createProfileBody>;
