import { z } from 'zod';

/**
 * Schemas of the app's JSON configuration files (app-client.md 3.2/3.3) for the studio's forms.
 * They name the keys the apps read; every object is loose, so keys they do not name are kept.
 * Labels are German and English (`.meta`), shown by the studio's schema forms.
 */
const l = (de: string, en: string) => ({ de, en });
const text = (de: string, en: string) => z.string().meta(l(de, en)).optional();
const count = (de: string, en: string) => z.number().int().min(0).max(100).meta(l(de, en)).optional();
const flag = (de: string, en: string) => z.boolean().meta(l(de, en)).optional();
const json = (de: string, en: string) => z.unknown().meta(l(de, en)).optional();
const color = (de: string, en: string) => z.string().regex(/^#[0-9a-fA-F]{3,8}$/).meta(l(de, en)).optional();

const routeFields = {
  routeName: text('Ziel (routeName, z. B. Index, Html, Web)', 'Target (routeName, e.g. Index, Html, Web)'),
  params: json('Parameter des Ziels', 'Parameters of the target'),
};

const tile = z
  .looseObject({
    title: z.string().min(1).meta(l('Titel', 'Title')),
    ...routeFields,
    iconName: text('Symbol (Name)', 'Icon (name)'),
    icon: text('Symbol (Bild-URL)', 'Icon (image URL)'),
    accessibilityLabel: text('Beschreibung für Screenreader', 'Description for screen readers'),
    isVisible: flag('Sichtbar', 'Visible'),
  })
  .meta(l('Kachel', 'Tile'));
const tiles = (de: string, en: string) => z.array(tile).meta(l(de, en));

const slide = z
  .looseObject({
    picture: z
      .looseObject({
        uri: text('Bild-URL', 'Image URL'),
        captionText: text('Bildbeschreibung (Alternativtext)', 'Image description (alt text)'),
        copyright: text('Bildrechte', 'Image rights'),
        ...routeFields,
      })
      .meta(l('Bild', 'Picture'))
      .optional(),
    message: text('Text', 'Text'),
    button: z.looseObject({ title: text('Beschriftung', 'Label'), ...routeFields }).meta(l('Schaltfläche', 'Button')).optional(),
  })
  .meta(l('Bild im Karussell', 'Carousel slide'));

const homeEntry = z
  .looseObject({
    type: z.enum(['liveTicker', 'carousel', 'widgets', 'disturber', 'homeService', 'homeButtons', 'about']).meta(l('Baustein', 'Block')).optional(),
    query: z.enum(['newsItems', 'pointsOfInterestAndTours', 'eventRecords']).meta(l('Liste', 'List')).optional(),
    show: flag('Anzeigen', 'Show'),
    title: text('Überschrift', 'Heading'),
    buttonTitle: text('Beschriftung der Schaltfläche', 'Button label'),
    limit: count('Anzahl', 'Number of entries'),
    publicJsonFile: text('Datei (publicJsonFile)', 'File (publicJsonFile)'),
  })
  .meta(l('Baustein der Startseite', 'Home screen block'));

const globalSettings = z.looseObject({
  navigation: z.enum(['tab', 'drawer']).meta(l('Navigation (Tab-Leiste oder Menü)', 'Navigation (tab bar or drawer)')).optional(),
  homeScreenConfig: z.array(homeEntry).meta(l('Startseite: Bausteine in Reihenfolge', 'Home screen: blocks in order')).optional(),
  sections: z
    .looseObject({
      showNews: flag('Nachrichten zeigen', 'Show news'),
      showEvents: flag('Veranstaltungen zeigen', 'Show events'),
      showPointsOfInterestAndTours: flag('Orte und Touren zeigen', 'Show places and tours'),
      limitNews: count('Anzahl Nachrichten', 'Number of news'),
      limitEvents: count('Anzahl Veranstaltungen', 'Number of events'),
      limitPointsOfInterestAndTours: count('Anzahl Orte und Touren', 'Number of places and tours'),
      headlineEvents: text('Überschrift Veranstaltungen', 'Events heading'),
      buttonEvents: text('Schaltfläche Veranstaltungen', 'Events button'),
      headlinePointsOfInterestAndTours: text('Überschrift Orte und Touren', 'Places and tours heading'),
      buttonPointsOfInterestAndTours: text('Schaltfläche Orte und Touren', 'Places and tours button'),
      headlineService: text('Überschrift Service', 'Service heading'),
    })
    .meta(l('Startseite (ältere Apps ohne homeScreenConfig)', 'Home screen (older apps without homeScreenConfig)'))
    .optional(),
  widgets: json('Widgets (Namen oder Objekte)', 'Widgets (names or objects)'),
  showImageRights: flag('Bildrechte anzeigen', 'Show image rights'),
});

const tabNavigation = z.looseObject({
  activeTintColor: color('Farbe des aktiven Tabs', 'Active tab colour'),
  inactiveTintColor: color('Farbe der anderen Tabs', 'Inactive tab colour'),
  activeBackgroundColor: color('Hintergrund des aktiven Tabs', 'Active tab background'),
  inactiveBackgroundColor: color('Hintergrund der anderen Tabs', 'Inactive tab background'),
  tabConfigs: z
    .array(
      z
        .looseObject({
          label: z.string().min(1).meta(l('Beschriftung', 'Label')),
          accessibilityLabel: text('Beschreibung für Screenreader', 'Description for screen readers'),
          iconName: text('Symbol', 'Icon'),
          screen: z.string().min(1).meta(l('Bildschirm (z. B. Home, Service, Index)', 'Screen (e.g. Home, Service, Index)')),
          params: json('Parameter', 'Parameters'),
        })
        .meta(l('Tab', 'Tab')),
    )
    .meta(l('Tabs', 'Tabs'))
    .optional(),
});

const position = (de: string, en: string) => z.looseObject({ latitude: z.number().min(-90).max(90).meta(l('Breite', 'Latitude')), longitude: z.number().min(-180).max(180).meta(l('Länge', 'Longitude')) }).meta(l(de, en)).optional();
const zoom = (de: string, en: string) => z.number().int().min(0).max(22).meta(l(de, en)).optional();

const mapSettings = z.looseObject({
  mapCenterPosition: position('Mittelpunkt der Karte', 'Map centre'),
  zoomLevel: z
    .looseObject({ minZoom: zoom('Kleinste Zoomstufe', 'Minimum zoom'), maxZoom: zoom('Größte Zoomstufe', 'Maximum zoom'), initialZoom: zoom('Zoomstufe beim Öffnen', 'Initial zoom'), singleMarker: zoom('Zoomstufe für einen Ort', 'Zoom for one place') })
    .meta(l('Zoomstufen', 'Zoom levels'))
    .optional(),
  styleUrl: text('Kartenstil (URL)', 'Map style (URL)'),
  tileUrl: text('Kachel-Server (URL)', 'Tile server (URL)'),
  attribution: text('Quellenangabe', 'Attribution'),
  clusterRadius: z.number().int().min(0).max(500).meta(l('Radius für Gruppen von Orten', 'Cluster radius')).optional(),
  showOwnLocation: flag('Eigenen Standort zeigen', 'Show own location'),
});

const byName: Record<string, z.ZodType> = {
  globalsettings: globalSettings,
  tabnavigation: tabNavigation,
  mapsettings: mapSettings,
  homecarousel: z.array(slide).meta(l('Bilder im Karussell', 'Carousel slides')),
  homeservice: tiles('Service-Kacheln', 'Service tiles'),
  homeabout: tiles('Kacheln „Über die App“', '“About the app” tiles'),
  homebuttons: tiles('Schaltflächen der Startseite', 'Home screen buttons'),
  profileservice: tiles('Kacheln des Profils', 'Profile tiles'),
};

/** Any JSON for files the studio has no schema for: the form is one JSON field. */
const anyJson = z.unknown().meta(l('Inhalt', 'Content'));

/** The schema of a configuration file by its (case-insensitive) name. */
export function configSchema(name: string): z.ZodType {
  return byName[name.toLowerCase()] ?? anyJson;
}
