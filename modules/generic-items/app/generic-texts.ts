import { defineTexts, type Lang } from '../../web-app/client/i18n.ts';

export const genericTexts = defineTexts({
  de: {
    empty: 'Zurzeit gibt es hier keine Einträge.',
    dates: 'Termine',
    period: 'Zeitraum',
    deadline: 'Frist',
    until: 'bis',
    from: 'ab',
    oClock: ' Uhr',
    locations: 'Orte',
    companies: 'Anbieter',
    constructionSite: 'Angaben zur Baustelle',
    cause: 'Grund',
    direction: 'Richtung',
    restrictions: 'Einschränkungen',
    place: 'Zugehöriger Ort',
    children: 'Dazugehörige Einträge',
    published: 'Veröffentlicht am',
    author: 'Verfasst von',
    entry: 'Eintrag',
  },
  en: {
    empty: 'There are no entries at the moment.',
    dates: 'Dates',
    period: 'Period',
    deadline: 'Deadline',
    until: 'until',
    from: 'from',
    oClock: '',
    locations: 'Locations',
    companies: 'Provided by',
    constructionSite: 'About the construction site',
    cause: 'Reason',
    direction: 'Direction',
    restrictions: 'Restrictions',
    place: 'Related place',
    children: 'Related entries',
    published: 'Published on',
    author: 'Written by',
    entry: 'Entry',
  },
});

/** List titles of the generic types the apps know; any other type is shown by its name. */
const typeNames: Record<string, { de: string; en: string }> = {
  offer: { de: 'Angebote', en: 'Offers' },
  job: { de: 'Stellenanzeigen', en: 'Jobs' },
  constructionsite: { de: 'Baustellen', en: 'Construction sites' },
  deadline: { de: 'Fristen', en: 'Deadlines' },
  noticeboard: { de: 'Schwarzes Brett', en: 'Noticeboard' },
  defectreport: { de: 'Mängelmeldungen', en: 'Defect reports' },
  voucher: { de: 'Gutscheine', en: 'Vouchers' },
  participationproject: { de: 'Bürgerbeteiligung', en: 'Participation' },
};

export function typeName(genericType: string, lang: Lang): { name: string; known: boolean } {
  const known = typeNames[genericType.toLowerCase()];
  return known ? { name: known[lang], known: true } : { name: genericType, known: false };
}
