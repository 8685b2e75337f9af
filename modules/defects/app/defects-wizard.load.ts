import type { Loader } from '../../web-app/server/loader.ts';
import { mapSpec } from '../../places/app/map-spec.load.ts';
import type { DefectWizardData } from './defects-data.ts';
import { loadCategories } from './defects-parts.load.ts';
import { defectsTexts } from './defects-texts.ts';

/** `/maengelmelder/melden`: the categories and the map; everything else happens on the device. */
export const defectWizardLoader: Loader = async (ctx) => {
  const data: DefectWizardData = { categories: await loadCategories(ctx), map: mapSpec(ctx.settings, []), push: ctx.tenant.enabledModules.includes('push') };
  return { title: defectsTexts(ctx.lang).wizardTitle, data };
};

/** `/maengelmelder/meine`: the list lives on the device (IndexedDB); the server renders the frame. */
export const defectsMineLoader: Loader = async (ctx) => ({ title: defectsTexts(ctx.lang).mine, data: null });
