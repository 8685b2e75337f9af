import type { ExpoReceipt, ExpoTicket } from './expo-wire.ts';

/**
 * What the sender does with a ticket or receipt:
 * - `sent`: accepted (a ticket: by Expo, its receipt comes later; a receipt: by Apple or Google);
 * - `removed`: the device is gone (DeviceNotRegistered) — delete it, never send to it again;
 * - `retry`: too many messages for now (MessageRateExceeded) — send again later;
 * - `failed`: will not work by trying again (MessageTooBig, InvalidCredentials, unknown errors).
 */
export type ExpoOutcome = 'sent' | 'removed' | 'retry' | 'failed';

export function expoOutcome(result: ExpoTicket | ExpoReceipt): ExpoOutcome {
  if (result.status === 'ok') return 'sent';
  switch (result.details?.error) {
    case 'DeviceNotRegistered':
      return 'removed';
    case 'MessageRateExceeded':
      return 'retry';
    default:
      return 'failed';
  }
}
