import { defineTexts } from '../client/i18n.ts';

export const homeTexts = defineTexts({
  de: {
    carousel: 'Aktuelles in Bildern',
    widgets: 'Auf einen Blick',
    eventsToday: 'Veranstaltungen heute',
    weather: 'Wetter',
    weatherNoData: 'Keine Wetterdaten',
    photo: 'Foto',
  },
  en: {
    carousel: 'Highlights',
    widgets: 'At a glance',
    eventsToday: 'Events today',
    weather: 'Weather',
    weatherNoData: 'No weather data',
    photo: 'Photo',
  },
});
