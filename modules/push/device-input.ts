import { z } from 'zod';
import { IdInput, idListInput } from './request-body.ts';

/**
 * The request bodies of the mainserver's /notification/devices routes, as the Smart Village app
 * sends them ({notification_device: {...}}); unknown fields are ignored, as Rails' permit does.
 */

/** What Expo's getExpoPushTokenAsync returns; the sender can only deliver to these. */
export const EXPO_TOKEN = /^(ExponentPushToken|ExpoPushToken)\[[^\]\s]{1,200}\]$/;

export const TokenInput = z
  .string({ error: 'is required (the Expo push token)' })
  .trim()
  .regex(EXPO_TOKEN, 'is not an Expo push token (ExponentPushToken[…] or ExpoPushToken[…])');

/** "undefined" is the mainserver's enum name for "not known"; stored as null. */
const DeviceTypeInput = z
  .enum(['ios', 'android', 'undefined'], { error: 'must be ios, android or undefined' })
  .nullable()
  .transform((v) => (v === 'undefined' ? null : v));

/**
 * MoWaS regional keys (Amtlicher Regionalschlüssel, up to 12 digits). The app sends numbers,
 * which lose leading zeros; they are kept as the digit strings received.
 */
const RegionalKeyInput = z
  .union([z.number().int().min(0).max(999_999_999_999), z.string().trim().regex(/^\d{1,12}$/)], { error: 'must be a regional key of up to 12 digits' })
  .transform(String);

const ExclusionFields = {
  device_type: DeviceTypeInput.optional(),
  exclude_data_provider_ids: idListInput(1000).optional(),
  exclude_mowas_regional_keys: z
    .array(RegionalKeyInput)
    .max(1000, 'has more than 1000 entries')
    .transform((keys) => [...new Set(keys)])
    .optional(),
};

export const RegisterDeviceInput = z.object({ token: TokenInput, ...ExclusionFields });
export type RegisterDevice = z.infer<typeof RegisterDeviceInput>;

export const UpdateDeviceInput = z.object({ token: TokenInput, ...ExclusionFields, member_id: IdInput.nullable().optional() });
export type UpdateDevice = z.infer<typeof UpdateDeviceInput>;

export const DeviceTokenInput = z.object({ token: TokenInput });

/**
 * {"<tag>": {"<category id>": {}}}: per tag (from a category's tagList, "news_item" by default)
 * the categories whose pushes this device does not want. Stored as sent, within limits.
 */
const CategoryExclusions = z
  .record(z.string().regex(/^\d{1,10}$/, 'category ids must be numbers'), z.record(z.string(), z.unknown()))
  .refine((v) => Object.keys(v).length <= 1000, 'has more than 1000 categories');

export const ExclusionConfigInput = z.object({
  token: TokenInput,
  exclude_notification_configuration: z
    .record(z.string().min(1).max(100, 'tags have at most 100 characters'), CategoryExclusions, { error: 'must be an object of tags' })
    .refine((v) => Object.keys(v).length <= 100, 'has more than 100 tags'),
});
