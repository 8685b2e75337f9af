import { z } from 'zod';

/**
 * Expo's push API as documented (docs.expo.dev/push-notifications/sending-notifications):
 * POST <base>/send with an array of messages, answered by one ticket per message in the same
 * order; POST <base>/getReceipts with {ids}, answered by a map from ticket id to receipt.
 */

/** Messages per /send request. */
export const EXPO_SEND_LIMIT = 100;
/** Ticket ids per /getReceipts request. */
export const EXPO_RECEIPT_LIMIT = 1000;

/**
 * One notification to one device (Expo also takes arrays in `to`; one token per message keeps
 * one ticket per message). Strict: the local test service refuses fields Dorfplatz does not mean to send.
 */
export const ExpoMessageSchema = z
  .object({
    to: z.string(),
    title: z.string().optional(),
    body: z.string().optional(),
    /** Handed to the app when the notification is opened. */
    data: z.record(z.string(), z.unknown()).optional(),
    sound: z.literal('default').nullable().optional(),
    /** Seconds the push services keep trying to deliver. */
    ttl: z.number().int().min(0).optional(),
    priority: z.enum(['default', 'normal', 'high']).optional(),
    /** Android notification channel. */
    channelId: z.string().optional(),
  })
  .strict();
export type ExpoMessage = z.infer<typeof ExpoMessageSchema>;

/** The error codes Expo documents for tickets and receipts; others may come and are kept as strings. */
export type ExpoErrorCode = 'DeviceNotRegistered' | 'MessageTooBig' | 'MessageRateExceeded' | 'MismatchSenderId' | 'InvalidCredentials';

const ErrorDetails = z.object({ error: z.string().optional(), expoPushToken: z.string().optional() });

const ErrorResult = z.object({ status: z.literal('error'), message: z.string(), details: ErrorDetails.optional() });

const Ticket = z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), id: z.string().min(1) }), ErrorResult]);
const Receipt = z.discriminatedUnion('status', [z.object({ status: z.literal('ok') }), ErrorResult]);

/** Expo accepted the message (`id` fetches its receipt later) or refused it. */
export type ExpoTicket = z.infer<typeof Ticket>;
/** What Apple or Google said about a message Expo accepted. */
export type ExpoReceipt = z.infer<typeof Receipt>;

export const SendResponse = z.object({ data: z.array(Ticket) });
export const ReceiptsResponse = z.object({ data: z.record(z.string(), Receipt) });
/** A refused request (400, 401, …): `{errors: [{code, message}]}`. */
export const RequestErrors = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() })).min(1) });
