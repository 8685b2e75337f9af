import { WEEKDAYS } from '../schedules/schedule-input.ts';

export const pushTypeDefs = /* GraphQL */ `
  input PushNotificationDataInput { id: ID, queryType: String, dataProviderId: ID, mowasRegionalKeys: [AnyPrimitive!] }

  type Mutation {
    "Sends a push message to every device (skipping those that excluded the data provider or all the MoWaS regional keys in data)."
    sendPushNotification(title: String!, body: String, data: PushNotificationDataInput, forceCreate: Boolean): Status!
    "A record's push, once (recurring 0, onceAt) or weekly at weekday times (recurring > 0), to the devices following the record."
    schedulePushNotification(
      notificationPushableType: String!, notificationPushableId: Int!, onceAt: String,
      ${WEEKDAYS.map((d) => `${d}At: String`).join(', ')},
      recurring: Int, title: String!, body: String, data: PushNotificationDataInput, forceCreate: Boolean
    ): Status!
  }
`;
