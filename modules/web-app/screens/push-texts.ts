import { defineTexts } from '../client/i18n.ts';

/** The push section of the settings screen (push-section.tsx, push-settings.tsx). */
export const pushTexts = defineTexts({
  de: {
    title: 'Push-Mitteilungen',
    intro:
      'Auf Wunsch schickt Ihnen die Gemeinde Push-Mitteilungen auf dieses Gerät: wichtige Hinweise und Warnungen sowie Nachrichten zu den Themen, die Sie unten auswählen. Ein Tipp auf die Mitteilung öffnet die passende Seite der App.',
    privacy:
      'Dafür speichern wir nur die Adresse, die Ihr Browser für Push-Mitteilungen vergibt, Ihre Themen und Ihre Sprache – keinen Namen. Sie können Push-Mitteilungen hier jederzeit ausschalten.',
    noScript: 'Push-Mitteilungen brauchen JavaScript. Bitte schalten Sie JavaScript in Ihrem Browser ein, um sie hier einzurichten.',
    loading: 'Push-Einstellungen werden geladen …',
    switch: 'Push-Mitteilungen erhalten',
    topics: 'Themen',
    topicsHint: 'Wählen Sie, zu welchen Themen Sie Nachrichten erhalten möchten. Wichtige Hinweise an alle erhalten Sie auch ohne Auswahl.',
    noTopics: 'Diese Gemeinde bietet noch keine Themen zur Auswahl an. Sie erhalten Mitteilungen an alle.',
    unsupported: 'Dieser Browser kann keine Push-Mitteilungen empfangen. Versuchen Sie es mit einem aktuellen Browser, zum Beispiel Firefox, Chrome, Edge oder Safari.',
    ios: 'Auf iPhone und iPad kommen Push-Mitteilungen nur in der installierten App an: Tippen Sie in Safari auf „Teilen“ und dann auf „Zum Home-Bildschirm“. Öffnen Sie die App dann vom Home-Bildschirm und schalten Sie Push-Mitteilungen hier ein.',
    denied:
      'Sie haben diesem Browser verboten, Mitteilungen dieser Seite anzuzeigen. Um Push-Mitteilungen zu erhalten, erlauben Sie Mitteilungen in den Einstellungen Ihres Browsers (meist über das Schloss-Symbol neben der Adresse unter „Berechtigungen“ oder „Website-Einstellungen“) und laden Sie die Seite neu.',
    dismissed: 'Ohne Ihre Erlaubnis kann der Browser keine Mitteilungen anzeigen. Schalten Sie Push-Mitteilungen erneut ein und wählen Sie „Erlauben“.',
    on: 'Push-Mitteilungen sind eingeschaltet.',
    off: 'Push-Mitteilungen sind ausgeschaltet.',
    saved: 'Ihre Themen wurden gespeichert.',
    gone: 'Dieses Gerät war nicht mehr für Push-Mitteilungen angemeldet. Schalten Sie sie wieder ein, wenn Sie sie erhalten möchten.',
    error: 'Das hat nicht geklappt. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal.',
    loadError: 'Ihre Push-Einstellungen konnten gerade nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und laden Sie die Seite neu.',
  },
  en: {
    title: 'Push notifications',
    intro:
      'If you wish, the municipality sends push notifications to this device: important notices and warnings, and news on the topics you choose below. Tapping a notification opens the matching page of the app.',
    privacy:
      'For this we store only the address your browser assigns for push notifications, your topics and your language – no name. You can switch push notifications off here at any time.',
    noScript: 'Push notifications need JavaScript. Please turn on JavaScript in your browser to set them up here.',
    loading: 'Loading push settings …',
    switch: 'Receive push notifications',
    topics: 'Topics',
    topicsHint: 'Choose the topics you want news about. Important notices for everyone reach you without a choice, too.',
    noTopics: 'This municipality offers no topics to choose from yet. You receive notices for everyone.',
    unsupported: 'This browser cannot receive push notifications. Try a current browser such as Firefox, Chrome, Edge or Safari.',
    ios: 'On iPhone and iPad, push notifications reach the installed app only: in Safari, tap “Share”, then “Add to Home Screen”. Then open the app from the Home Screen and switch push notifications on here.',
    denied:
      'You have blocked notifications from this site in this browser. To receive push notifications, allow notifications in your browser’s settings (usually via the lock icon next to the address, under “Permissions” or “Site settings”) and reload the page.',
    dismissed: 'Without your permission the browser cannot show notifications. Switch push notifications on again and choose “Allow”.',
    on: 'Push notifications are on.',
    off: 'Push notifications are off.',
    saved: 'Your topics have been saved.',
    gone: 'This device was no longer registered for push notifications. Switch them on again if you want to receive them.',
    error: 'That did not work. Please check your internet connection and try again.',
    loadError: 'Your push settings could not be loaded just now. Please check your internet connection and reload the page.',
  },
});
